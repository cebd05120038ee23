import { t } from '../core/messages/index';
import type { OutputWorkbook } from '../core/output/spec';
import type { Profile } from '../core/profile/profile';
import type { RuleDef } from '../core/profile/schema';
import { targetsTableSheet } from '../core/targets/sheet';
import { EXPLANATION_SHEET, explanationsFromSheet } from '../core/validate/explanations';
import { findingKey, type Finding } from '../core/validate/result';
import { rulesSheet } from '../excel/tables';
import type {
  Copied,
  CopyOptions,
  HostImports,
  HostRead,
  Imported,
  Inserted,
  PlacedOutput,
  SavedExplanations,
  TallyHost,
} from '../taskpane/host';
import type { WebEngine } from './engine';
import { base64ToBytes, fileName, saveInBrowser, XLSX_MIME, type Save } from './save';

/**
 * The files host of the UI (src/taskpane/host.ts): the web page, with no Office. Its workbooks
 * are the files the user added (the UI holds them and passes them to `read`); explanations
 * typed on the page are kept for the session on top of those the files carry (a 审核说明 sheet
 * or table); everything it makes — the report workbook, the tables, the findings, the marked
 * copies — is written in the engine's worker and downloaded. No file given is ever written to.
 */
export class FilesTally implements TallyHost {
  readonly kind = 'files' as const;
  /** No open workbook: every finding is in a file. */
  readonly name = '';
  private readonly engine: WebEngine;
  private readonly save: Save;
  /** Explanations typed on the page, by finding key; '' removes one a file carries. */
  private readonly typed = new Map<string, string>();
  /** Explanations the files carried at the last read. */
  private fromFiles = new Map<string, string>();

  constructor(opts: { engine: WebEngine; save?: Save }) {
    this.engine = opts.engine;
    this.save = opts.save ?? saveInBrowser;
  }

  async read(
    _onProgress?: (done: number, total: number) => void,
    imports?: HostImports,
  ): Promise<HostRead> {
    const fromFiles = new Map<string, string>();
    for (const i of [...(imports?.current ?? []), ...(imports?.tables ?? [])]) {
      for (const [k, v] of explanationsFromSheet(i.data)) fromFiles.set(k, v);
    }
    this.fromFiles = fromFiles;
    return { workbooks: [], explanations: this.explanations(), state: { sheets: [] } };
  }

  private explanations(): Map<string, string> {
    const all = new Map(this.fromFiles);
    for (const [k, v] of this.typed) {
      if (v) all.set(k, v);
      else all.delete(k);
    }
    return all;
  }

  async saveExplanations(changes: ReadonlyMap<string, string>): Promise<SavedExplanations> {
    for (const [k, v] of changes) this.typed.set(k, v.trim());
    const sheet = { wanted: EXPLANATION_SHEET, name: EXPLANATION_SHEET };
    return { explanations: this.explanations(), sheet };
  }

  saveExplanation(
    finding: Pick<Finding, 'ruleId' | 'sheet' | 'unit'>,
    text: string,
  ): Promise<SavedExplanations> {
    return this.saveExplanations(new Map([[findingKey(finding), text]]));
  }

  private async xlsx(out: OutputWorkbook, as: 'report' | 'template'): Promise<Uint8Array> {
    const r = await this.engine.task({ kind: 'xlsx', out, as });
    if (r.kind !== 'xlsx') throw new Error(`unexpected answer ${r.kind}`);
    return r.bytes;
  }

  /** The default rules as 审核规则.xlsx, to edit and add back as a table. */
  async insertRules(rules: readonly RuleDef[]): Promise<Inserted> {
    const sheet = rulesSheet(rules);
    const name = `${sheet.name}.xlsx`;
    this.save(name, await this.xlsx({ sheets: [sheet] }, 'template'), XLSX_MIME);
    return { sheet: name, existed: false };
  }

  /** The profile's targets as 指标目标.xlsx, to edit and add back as a table. */
  async insertTargets(profile: Profile): Promise<Inserted> {
    const sheet = targetsTableSheet(profile);
    const name = `${sheet.name}.xlsx`;
    this.save(name, await this.xlsx({ sheets: [sheet] }, 'template'), XLSX_MIME);
    return { sheet: name, existed: false };
  }

  /** The report workbook (指标汇总 with its chart, 分单位指标, 监测报告, …), downloaded. */
  async writeReport(out: OutputWorkbook, title?: string): Promise<PlacedOutput[]> {
    const name = `${fileName(title ?? '', 'Tally')}.xlsx`;
    this.save(name, await this.xlsx(out, 'report'), XLSX_MIME);
    return [{ role: 'report', wanted: name, name }];
  }

  async openWorkbook(base64: string, name?: string): Promise<void> {
    this.save(name ?? 'Tally.xlsx', base64ToBytes(base64), XLSX_MIME);
  }

  async markedCopy(
    input: Imported,
    findings: readonly Finding[],
    opts: CopyOptions,
  ): Promise<Copied> {
    if (!input.bytes) throw new Error(`${input.name}: its bytes were not kept`);
    const r = await this.engine.task({
      kind: 'mark',
      name: input.name,
      bytes: input.bytes,
      findings: [...findings],
      lang: opts.lang,
      ...(opts.period ? { period: opts.period } : {}),
    });
    if (r.kind !== 'mark') throw new Error(`unexpected answer ${r.kind}`);
    const dot = input.name.lastIndexOf('.');
    const stem = dot > 0 ? input.name.slice(0, dot) : input.name;
    const file = t(opts.lang, 'web.copyFile', { name: stem });
    this.save(file, r.bytes, XLSX_MIME);
    return { file, marked: r.marked, listed: r.listed };
  }
}
