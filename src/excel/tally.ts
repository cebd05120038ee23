import { TallyError } from '../core/errors';
import { parseRange, rangeA1 } from '../core/model/a1';
import type { RowSheet as SheetData, WorkbookData } from '../core/model/workbook';
import type { OutputWorkbook } from '../core/output/spec';
import type { RuleDef } from '../core/profile/schema';
import { EXPLANATION_SHEET, explanationsFromSheet } from '../core/validate/explanations';
import { findingKey, type Finding } from '../core/validate/result';
import { RULE_SHEET_NAMES } from '../core/monitor';
import {
  excelCreateWorkbook,
  excelRun,
  hostApi,
  type ApiCheck,
  type CreateWorkbook,
  type ExcelBatch,
} from './context';
import {
  clearHighlights,
  highlightWithFormats,
  markTargets,
  type ClearOutcome,
  type HighlightOutcome,
} from './highlight';
import { ownedRoles, resolveOwned, writeOwnedSheets, writeReport, type PlacedSheet } from './owned';
import { ExcelWorkbookSource, toCell, type ReaderContext } from './reader';
import {
  OWNED_KEY,
  loadSetting,
  parseOwnedRecords,
  sameName,
  sheetInfos,
  SHEET_PROPS,
  type WorkbookState,
} from './state';
import { explanationSheet, rulesSheet, type ExplanationRow } from './tables';
import { writeSheet } from './write';
import { insertTargetsSheet } from './targets';
import type { Profile } from '../core/profile/profile';
import type { TallyHost } from '../taskpane/host';

/**
 * Everything the pane does to the open workbook, each in one `Excel.run` with as few syncs as
 * it allows. Only this folder touches Office.js; the pane calls these methods.
 */

export interface ExcelTallyOptions {
  /** The open workbook's name in findings and messages ("当前工作簿"). */
  name: string;
  run?: ExcelBatch;
  api?: ApiCheck;
  /** Defaults to `Excel.createWorkbook`. */
  createWorkbook?: CreateWorkbook;
  /** Passed to the reader (tests use small limits). */
  cellLimit?: number;
  blockRows?: number;
  merges?: boolean;
}

export interface AuditRead {
  /** The sheets to audit: every sheet but Tally's own (report, narrative, explanations). */
  workbook: WorkbookData<SheetData>;
  /** The same, as the host interface gives it (src/taskpane/host.ts). */
  workbooks: WorkbookData<SheetData>[];
  /** Explanations kept in the workbook (审核说明, and Tally's own if under another name). */
  explanations: Map<string, string>;
  state: WorkbookState;
  /** Cells read, for choosing where the engine runs. */
  cells: number;
}

/** The explanations of a 审核说明-format sheet, whatever its name. */
function explanationsOf(sheet: SheetData | undefined, source: string): Map<string, string> {
  if (!sheet) return new Map();
  return explanationsFromSheet({ source, sheets: [{ ...sheet, name: EXPLANATION_SHEET }] });
}

/** Explanation rows from the key findingKey() makes: rule, sheet and unit joined by NUL. */
export function explanationRows(map: ReadonlyMap<string, string>): ExplanationRow[] {
  const rows: ExplanationRow[] = [];
  for (const [key, text] of map) {
    const [ruleId = '', sheet = '', unit = ''] = key.split('\u0000');
    if (findingKey({ ruleId, sheet, unit }) !== key || !text.trim()) continue;
    rows.push({ ruleId, sheet, unit, text: text.trim() });
  }
  return rows;
}

/** The smallest range holding every cell (`B10`, `D10`, `C10` → `B10:D10`). */
export function boundingRange(cells: readonly string[]): string {
  const refs = cells.map((c) => parseRange(c));
  return rangeA1({
    top: Math.min(...refs.map((r) => r.top)),
    left: Math.min(...refs.map((r) => r.left)),
    bottom: Math.max(...refs.map((r) => r.bottom)),
    right: Math.max(...refs.map((r) => r.right)),
  });
}

/**
 * The sheet of a finding is hidden, so Excel cannot show its cells. The message says so in
 * the pane's language (errorDetail reads `text(lang)`); `code` is `SheetHidden`.
 */
export class SheetHiddenError extends TallyError {
  override name = 'SheetHiddenError';
  readonly code = 'SheetHidden';
  constructor(
    readonly sheet: string,
    override readonly cause?: unknown,
  ) {
    super('pane.sheetHidden', { sheet });
  }
}

/**
 * Every batch of the pane waits while the user is editing a cell (`delayForCellEdit`), rather
 * than failing with InvalidOperationInCellEditMode: the pane shows its progress meanwhile, and
 * the work goes on once the user presses Enter or Esc.
 */
const WAIT_FOR_CELL_EDIT = { delayForCellEdit: true } as const;

/**
 * A sheet Tally must write to is protected. The message names it and says how to unprotect it
 * (errorDetail reads `text(lang)`); `code` is `SheetProtected`.
 */
export class SheetProtectedError extends TallyError {
  override name = 'SheetProtectedError';
  readonly code = 'SheetProtected';
  constructor(readonly sheet: string) {
    super('pane.sheetProtected', { sheet });
  }
}

/** What saving explanations returns: every explanation the workbook holds, and Tally's sheet. */
export interface SavedExplanations {
  explanations: Map<string, string>;
  sheet: PlacedSheet;
}

/** The Office host of the UI (src/taskpane/host.ts): the open workbook, through Office.js. */
export class ExcelTally implements TallyHost {
  readonly kind = 'office' as const;
  readonly name: string;
  readonly source: ExcelWorkbookSource;
  private readonly run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  private readonly api: ApiCheck;
  private readonly createWorkbook: CreateWorkbook;

  constructor(opts: ExcelTallyOptions) {
    this.name = opts.name;
    const run = opts.run ?? excelRun;
    this.run = (batch) => run(batch, WAIT_FOR_CELL_EDIT);
    this.api = opts.api ?? hostApi;
    this.createWorkbook = opts.createWorkbook ?? excelCreateWorkbook;
    this.source = new ExcelWorkbookSource({
      name: opts.name,
      run: (batch) => this.run((context) => batch(context as unknown as ReaderContext)),
      ...(opts.merges !== undefined ? { merges: opts.merges } : {}),
      ...(opts.cellLimit !== undefined ? { cellLimit: opts.cellLimit } : {}),
      ...(opts.blockRows !== undefined ? { blockRows: opts.blockRows } : {}),
    });
  }

  /**
   * The workbook for an audit, in two syncs when it fits in one request: the sheets with
   * Tally's settings; their used ranges with their values. Tally's report sheets are not read.
   */
  read(onProgress?: (done: number, total: number) => void): Promise<AuditRead> {
    return this.run(async (context) => {
      const owned = loadSetting(context, OWNED_KEY);
      let roles: WorkbookState['owned'] = new Map();
      const { sheets, worksheets } = await this.source.readIn(context as unknown as ReaderContext, {
        sheetProps: SHEET_PROPS,
        prepare: async (items) => {
          const infos = sheetInfos(items as unknown as Excel.Worksheet[]);
          const records = parseOwnedRecords(owned());
          roles = ownedRoles(await resolveOwned(context, records, infos, this.api));
        },
        include: (ws) => {
          const role = roles.get(ws.id);
          return role === undefined || role === 'explanations';
        },
        ...(onProgress ? { onProgress } : {}),
      });
      const state: WorkbookState = {
        sheets: sheetInfos(worksheets as unknown as Excel.Worksheet[]),
        owned: roles,
      };
      const idOf = new Map(state.sheets.map((s) => [s.name, s.id]));
      const mine = (s: SheetData) => state.owned.get(idOf.get(s.name) ?? '') === 'explanations';
      // A 审核说明 sheet of the user's is read too; Tally's own wins where both explain.
      const explanations = explanationsOf(
        sheets.find((s) => s.name === EXPLANATION_SHEET && !mine(s)),
        this.name,
      );
      for (const [k, v] of explanationsOf(sheets.find(mine), this.name)) explanations.set(k, v);
      const data = sheets.filter((s) => !mine(s));
      const cells = data.reduce((n, s) => n + s.rows.length * (s.rows[0]?.length ?? 0), 0);
      const workbook = { source: this.name, sheets: data };
      return { workbook, workbooks: [workbook], explanations, state, cells };
    });
  }

  /**
   * Mark the cells of the findings (of this workbook) with Tally's conditional formats,
   * unmarking cells no longer in question (highlight.ts).
   */
  highlight(findings: readonly Finding[], state: WorkbookState): Promise<HighlightOutcome> {
    const targets = markTargets(findings, this.name, state.sheets);
    return this.run((context) => highlightWithFormats(context, targets));
  }

  clearHighlights(): Promise<ClearOutcome> {
    return this.run((context) => clearHighlights(context));
  }

  /**
   * Show cells: activate their sheet and select the range around them. One sync; when it fails,
   * one more to see whether the sheet is hidden, which is then said plainly (SheetHiddenError).
   */
  select(sheet: string, cells: readonly string[]): Promise<void> {
    return this.run(async (context) => {
      const ws = context.workbook.worksheets.getItem(sheet);
      ws.activate();
      if (cells.length > 0) ws.getRange(boundingRange(cells)).select();
      try {
        await context.sync();
      } catch (e) {
        const check = context.workbook.worksheets.getItemOrNullObject(sheet);
        check.load('visibility');
        try {
          await context.sync();
        } catch {
          throw e;
        }
        if (!check.isNullObject && String(check.visibility) !== 'Visible') {
          throw new SheetHiddenError(sheet, e);
        }
        throw e;
      }
    });
  }

  /**
   * Save (or, with empty text, remove) one explanation in Tally's 审核说明 sheet, merged with
   * what the sheet holds now (the user may have edited it). Returns every explanation the
   * workbook now holds and where Tally's are.
   */
  saveExplanation(
    finding: Pick<Finding, 'ruleId' | 'sheet' | 'unit'>,
    text: string,
  ): Promise<SavedExplanations> {
    return this.saveExplanations(new Map([[findingKey(finding), text]]));
  }

  /**
   * Save explanations by finding key (an empty text removes one) in Tally's 审核说明 sheet,
   * merged with what the sheet holds now. The sheet is updated in place (same sheet, same id:
   * its old contents cleared, the table written again); only the first time is it created.
   * Three syncs: the sheets and settings, the sheet's contents (and protection), the write. A
   * protected 审核说明 is refused with a SheetProtectedError before anything is written.
   */
  saveExplanations(changes: ReadonlyMap<string, string>): Promise<SavedExplanations> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load(SHEET_PROPS);
      const owned = loadSetting(context, OWNED_KEY);
      await context.sync();
      const sheets = sheetInfos(collection.items);
      const roles = ownedRoles(
        await resolveOwned(context, parseOwnedRecords(owned()), sheets, this.api),
      );
      const ours = sheets.find((s) => roles.get(s.id) === 'explanations');
      const theirs = sheets.find(
        (s) => sameName(s.name, EXPLANATION_SHEET) && roles.get(s.id) === undefined,
      );
      const used = [ours, theirs].map((s) => {
        if (!s) return undefined;
        const range = collection.getItem(s.id).getUsedRangeOrNullObject(true);
        range.load('values,rowIndex,columnIndex,address');
        return range;
      });
      const protection = ours ? collection.getItem(ours.id).protection : undefined;
      protection?.load('protected');
      await context.sync();
      const [oursData, theirsData] = used.map((r): SheetData | undefined =>
        !r || r.isNullObject
          ? undefined
          : {
              name: EXPLANATION_SHEET,
              origin: { row: r.rowIndex, col: r.columnIndex },
              rows: (r.values as unknown[][]).map((row) => row.map(toCell)),
            },
      );
      const mine = explanationsOf(oursData, this.name);
      for (const [key, text] of changes) {
        if (text.trim()) mine.set(key, text.trim());
        else mine.delete(key);
      }
      const table = explanationSheet(explanationRows(mine));
      let placed: PlacedSheet;
      if (ours) {
        if (protection?.protected) throw new SheetProtectedError(ours.name);
        const ws = collection.getItem(ours.id);
        const old = used[0];
        if (old && !old.isNullObject) {
          ws.getRange(old.address.slice(old.address.lastIndexOf('!') + 1)).clear('Contents');
        }
        writeSheet(ws, table);
        await context.sync();
        placed = { role: 'explanations', wanted: EXPLANATION_SHEET, name: ours.name };
      } else {
        const [first] = await writeOwnedSheets(
          context,
          [{ role: 'explanations', sheet: table }],
          this.api,
          { activate: false },
        );
        placed = first as PlacedSheet;
      }
      const all = explanationsOf(theirsData, this.name);
      for (const [k, v] of mine) all.set(k, v);
      for (const [k, text] of changes) if (!text.trim()) all.delete(k);
      return { explanations: all, sheet: placed };
    });
  }

  /**
   * Insert the rules as an editable 审核规则 table, unless the workbook has a rule sheet
   * already: then show that one and leave it as it is.
   */
  insertRules(rules: readonly RuleDef[]): Promise<{ sheet: string; existed: boolean }> {
    return this.run(async (context) => {
      const collection = context.workbook.worksheets;
      collection.load('items/name');
      await context.sync();
      const existing = collection.items.find((s) =>
        RULE_SHEET_NAMES.some((n) => sameName(n, s.name)),
      );
      if (existing) {
        existing.activate();
        await context.sync();
        return { sheet: existing.name, existed: true };
      }
      const [placed] = await writeOwnedSheets(context, [{ sheet: rulesSheet(rules) }], this.api);
      return { sheet: placed?.name ?? '', existed: false };
    });
  }

  /**
   * Open an .xlsx file (base64) as a new workbook in Excel (ExcelApi 1.8): how the pane hands
   * over a file it made, in every host. A download link would not do: the desktop webviews do
   * not save blob downloads (Office's "Browsers and webview controls" article), and Excel on
   * the web may not let an add-in's frame download either. The user saves it with File › Save As.
   */
  openWorkbook(base64: string): Promise<void> {
    return this.createWorkbook(base64);
  }

  /** Insert the profile's targets as an editable 指标目标 sheet (see ./targets.ts). */
  insertTargets(profile: Profile): Promise<{ sheet: string; existed: boolean }> {
    return this.run((context) => insertTargetsSheet(context, profile, this.api));
  }

  /** Write the report's two sheets (replacing Tally's previous ones). */
  writeReport(out: OutputWorkbook): Promise<PlacedSheet[]> {
    return this.run((context) => writeReport(context, out, this.api));
  }
}
