import { TallyError } from '../core/errors';
import type { Lang } from '../core/messages/index';
import { RULE_SHEET_NAMES } from '../core/monitor';
import { asRows, type RowSheet, type SheetData, type WorkbookData } from '../core/model/workbook';
import type { Profile } from '../core/profile/profile';
import { parseRuleTable } from '../core/rules/table';
import { isTargetSheetName } from '../core/targets/apply';
import { readTargetSheets } from '../core/targets/sheets';
import { parseTargetTable, targetProblemText, type TargetTable } from '../core/targets/table';
import { explanationsFromExport } from '../core/output/findings';
import {
  EXPLANATION_HEADERS,
  EXPLANATION_SHEET,
  isExplanationSheet,
} from '../core/validate/explanations';

/**
 * The tables a statistician may add besides the forms (the web page's third file input): the
 * office's 审核规则 (rules), 指标目标 (targets) and 审核说明 (explanations, or a findings workbook
 * a township sent back with its 说明 filled in). A file is told by its sheets' names, else by
 * its header row, as the command line's `--rules` and `--targets` read them; it is kept as a
 * workbook whose one sheet has the table's own name, which the engine looks for (monitor.ts).
 */

export type TableKind = 'rules' | 'targets' | 'explanations';

export type Classified =
  | { ok: true; kind: TableKind; workbook: WorkbookData; rows: number }
  | { ok: false; error: TallyError };

const CANONICAL: Record<TableKind, string> = {
  rules: RULE_SHEET_NAMES[0] ?? '审核规则',
  targets: '指标目标',
  explanations: EXPLANATION_SHEET,
};

/** What one sheet holds, by its name first, then by its header. */
function kindOf(sheet: SheetData, profile: Profile | undefined): TableKind | undefined {
  if (RULE_SHEET_NAMES.includes(sheet.name)) return 'rules';
  if (isTargetSheetName(sheet.name)) return 'targets';
  if (isExplanationSheet(sheet.name)) return 'explanations';
  const rows = asRows(sheet).rows;
  const rules = parseRuleTable(rows);
  if (!rules.problems.some((p) => p.issue.key === 'rules.table.missingColumns')) return 'rules';
  if (profile && parseTargetTable(rows, profile.indicators, { label: '' }).ok) return 'targets';
  if (explanationsFromExport({ source: '', sheets: [sheet] }).size > 0) return 'explanations';
  return undefined;
}

/** The explanations of every sheet of a findings workbook, as one 审核说明 sheet. */
function explanationSheet(wb: WorkbookData): RowSheet {
  const rows: RowSheet['rows'] = [[...EXPLANATION_HEADERS]];
  for (const [key, text] of explanationsFromExport(wb)) {
    const [ruleId = '', sheet = '', unit = ''] = key.split('\u0000');
    rows.push([ruleId, sheet, unit, text]);
  }
  return { name: EXPLANATION_SHEET, origin: { row: 0, col: 0 }, rows };
}

/**
 * Which table a file is, and the file as the engine reads it. A file that is none of the three
 * is refused with the sheets it has and what a table needs.
 */
export function classifyTable(wb: WorkbookData, profile: Profile | undefined): Classified {
  for (const sheet of wb.sheets) {
    const kind = kindOf(sheet, profile);
    if (!kind) continue;
    const name = CANONICAL[kind];
    if (kind === 'explanations') {
      const one = explanationSheet({ source: wb.source, sheets: [sheet] });
      return {
        ok: true,
        kind,
        workbook: { source: wb.source, sheets: [one] },
        rows: one.rows.length - 1,
      };
    }
    const rows = asRows(sheet);
    // Targets may span sheets (妇女…目标, 儿童…目标): the others are kept, read as one table.
    const more =
      kind === 'targets'
        ? wb.sheets.filter((s) => s !== sheet && kindOf(s, profile) === 'targets').map(asRows)
        : [];
    return {
      ok: true,
      kind,
      workbook: { source: wb.source, sheets: [{ ...rows, name }, ...more] },
      rows: rows.rows.length + more.reduce((n, s) => n + s.rows.length, 0),
    };
  }
  return {
    ok: false,
    error: new TallyError('web.tableUnknown', {
      sheets: wb.sheets.map((s) => `“${s.name}”`).join('、') || '—',
    }),
  };
}

/** A file name without its folder. */
const baseName = (source: string) => source.split(/[\\/]/).pop() ?? source;

/**
 * The office's targets table among the tables, read as `tally report --targets` reads a file
 * (labelled with the file's name); a table that cannot be used at all throws, naming it.
 */
export function targetsOf(
  tables: readonly { name: string; data: WorkbookData }[],
  profile: Profile,
  lang: Lang = 'zh',
): TargetTable | undefined {
  for (const t of tables) {
    if (!t.data.sheets.some((s) => isTargetSheetName(s.name))) continue;
    const file = baseName(t.name);
    const read = readTargetSheets(t.data.sheets, profile.indicators, file, lang, () => file);
    if (!read) continue;
    if (!read.ok) throw new TallyError(read.issue.key, read.issue.params, read.nested ?? {});
    return read.table;
  }
  return undefined;
}

/** The rows of a targets table that were set aside, as sentences (shown when it is added). */
export function targetProblems(table: TargetTable, lang: Lang): string[] {
  return table.problems.map((p) => targetProblemText(lang, p));
}
