import type { WorkbookData } from '../core/model/workbook';
import type { OutputWorkbook } from '../core/output/spec';
import type { Profile } from '../core/profile/profile';
import type { RuleDef } from '../core/profile/schema';
import type { Finding } from '../core/validate/result';

/**
 * What the UI (src/taskpane) asks of the place it runs in. Two hosts implement it:
 *
 * - `office` — ExcelTally (src/excel/tally.ts): the open workbook in Excel, read and written
 *   through Office.js; marks are conditional formats, explanations live in its 审核说明 sheet,
 *   the report is written as sheets, files it makes open as new workbooks.
 * - `files` — FilesTally (src/web/files-host.ts): the web page (网页版), with no Office at all;
 *   the workbooks are the files the user dropped (held by the UI's state, passed to `read`),
 *   explanations are kept for the session, and everything it makes is a download.
 *
 * The UI calls only this interface; what a host cannot do it leaves out (the optional
 * methods), and the UI shows no button for it.
 */
export interface TallyHost {
  readonly kind: 'office' | 'files';
  /**
   * The open workbook's name in findings and messages (当前工作簿); a finding of this file can
   * be shown in place (`select`). '' for the files host, which has no open workbook.
   */
  readonly name: string;
  /** The workbooks the host adds to an audit, with their explanations and sheets. */
  read(
    onProgress?: (done: number, total: number) => void,
    imports?: HostImports,
  ): Promise<HostRead>;
  /** Save (or, with empty text, remove) one explanation. */
  saveExplanation(
    finding: Pick<Finding, 'ruleId' | 'sheet' | 'unit'>,
    text: string,
  ): Promise<SavedExplanations>;
  /** Save explanations by finding key (an empty text removes one). */
  saveExplanations(changes: ReadonlyMap<string, string>): Promise<SavedExplanations>;
  /** The default rules as an editable 审核规则 table (a sheet, or a file to download). */
  insertRules(rules: readonly RuleDef[]): Promise<Inserted>;
  /** The profile's targets as an editable 指标目标 table (a sheet, or a file to download). */
  insertTargets(profile: Profile): Promise<Inserted>;
  /**
   * The report's sheets: written into the workbook, or downloaded as one .xlsx named after
   * the report's `title`.
   */
  writeReport(out: OutputWorkbook, title?: string): Promise<PlacedOutput[]>;
  /** An .xlsx the UI made (base64): opened as a new workbook, or downloaded as `name`. */
  openWorkbook(base64: string, name?: string): Promise<void>;
  /** Mark the findings' cells in the workbook (Office only). */
  highlight?(findings: readonly Finding[], state: HostState): Promise<MarkOutcome>;
  /** Take Tally's marks off again (Office only). */
  clearHighlights?(): Promise<MarkOutcome>;
  /** Show cells of the open workbook (Office only). */
  select?(sheet: string, cells: readonly string[]): Promise<void>;
  /**
   * A copy of one input with the findings' cells marked and a 审核结果 sheet, downloaded; the
   * input itself is never changed (files only).
   */
  markedCopy?(input: Imported, findings: readonly Finding[], opts: CopyOptions): Promise<Copied>;
}

/** A file the user added: its name, its workbook, and (for marked copies) its bytes. */
export interface Imported {
  name: string;
  data: WorkbookData;
  bytes?: Uint8Array;
}

/** The files the UI holds: this period's, last period's, and tables (规则, 目标, 说明). */
export interface HostImports {
  current: readonly Imported[];
  prior: readonly Imported[];
  tables: readonly Imported[];
}

/** The workbook's sheets as the last read saw them (the host keeps what else it needs). */
export interface HostState {
  sheets: readonly { name: string }[];
}

export interface HostRead {
  /** Workbooks to audit besides the imported ones (Office: the open workbook). */
  workbooks: WorkbookData[];
  /** Explanations the host holds, by finding key. */
  explanations: Map<string, string>;
  state: HostState;
}

export interface SavedExplanations {
  /** Every explanation the host now holds. */
  explanations: Map<string, string>;
  /** Where they are kept: the sheet it asked for and the one it got. */
  sheet: { wanted: string; name: string };
}

export interface Inserted {
  /** The sheet (Office) or file (files) written. */
  sheet: string;
  /** A table of the user's was there already and is left as it is. */
  existed: boolean;
}

export interface PlacedOutput {
  role?: string;
  wanted: string;
  /** The sheet's name (Office) or the downloaded file's (files). */
  name: string;
  viewError?: unknown;
}

export interface MarkOutcome {
  /** Cells that now carry a mark (highlight), or none (clear). */
  marked?: number;
  restored: number;
  protectedSheets: string[];
  unreadableSheets: string[];
}

export interface CopyOptions {
  lang: 'zh' | 'en';
  period?: string;
}

export interface Copied {
  /** The downloaded file's name. */
  file: string;
  /** Cells marked red or yellow. */
  marked: number;
  /** Findings listed in its 审核结果 sheet. */
  listed: number;
}
