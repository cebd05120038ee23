import { t, type Lang } from '../messages/index';
import { columnLetter } from '../model/a1';
import type { WorkbookData } from '../model/workbook';
import { EXPLANATION_SHEET, explanationsFromSheet } from '../validate/explanations';
import { findingKey, type Finding } from '../validate/result';
import { GRID } from './fit';
import { COLOURS } from './report';
import { TABLE_MARGINS, type OutputCell, type OutputSheet, type OutputWorkbook } from './spec';

/**
 * The findings workbook (导出审核结果): what the statistician sends back to the reporting units
 * after an audit. One sheet per unit, so a township receives its own rows (a sheet is easy to
 * hand on alone), one row per error or warning: the unit, the sheet, its cells and values, the
 * rule and its message, and an empty 说明 column for the unit to fill in. Its first row is a
 * header in 审核说明's own words (规则编号, 工作表, 填报单位, 说明), so the file a unit sends back
 * is read by the same code as 审核说明 (`explanationsFromExport`), matched by the finding's key.
 * Pure: the pane writes it with src/xlsx/write.ts, the command line with `validate --export`,
 * which splits a very long export into files Tally can read back (`findingsWorkbooks`).
 */

export interface FindingsExportOptions {
  lang: Lang;
  /** The monitoring period, for the title of the instructions ('' when unknown). */
  period?: string;
  /** Only these units (as written in the forms); every unit when absent. */
  units?: readonly string[];
}

const EXPORTED = new Set(['error', 'warning']);

/** Excel refuses sheet names longer than 31 characters or holding any of these. */
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

/** A sheet name for a unit: Excel's rules, unique in the workbook (case-insensitively). */
function sheetName(unit: string, taken: Set<string>, fallback: string): string {
  const clean =
    unit
      .replace(SHEET_NAME_BAD, '_')
      .replace(/^'+|'+$/g, '')
      .trim() || fallback;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? '' : ` (${n})`;
    const name = `${clean.slice(0, 31 - suffix.length)}${suffix}`;
    if (!taken.has(name.toLowerCase())) {
      taken.add(name.toLowerCase());
      return name;
    }
  }
}

const text = (value: string, extra: Partial<OutputCell> = {}): OutputCell => ({
  value,
  numberFormat: '@',
  ...extra,
});

const header = (value: string): OutputCell =>
  text(value, { bold: true, fill: COLOURS.header.fill, fontColor: COLOURS.header.font });

/** The cells of a finding as the unit finds them: `B10 C10`, and `民政!K10` on another sheet. */
function cellsText(f: Finding): string {
  return f.cells
    .filter((c) => c.cell)
    .map((c) => {
      const where = c.file && c.file !== f.file ? `[${c.file}]` : '';
      const sheet = c.sheet && c.sheet !== f.sheet ? `${c.sheet}!` : '';
      return `${where}${sheet}${c.cell}`;
    })
    .join(' ');
}

function valuesText(f: Finding): string {
  return f.cells.map((c) => `${c.item}=${c.value === null ? '' : String(c.value)}`).join('；');
}

/** The columns, in their order; 规则编号, 工作表, 填报单位 and 说明 are what the import reads. */
const COLUMNS = [
  { key: 'export.col.unit', width: 14 },
  { key: 'export.col.sheet', width: 14 },
  { key: 'export.col.cells', width: 14 },
  { key: 'export.col.values', width: 30 },
  { key: 'export.col.rule', width: 10 },
  { key: 'export.col.severity', width: 6 },
  { key: 'export.col.message', width: 44 },
  { key: 'export.col.explanation', width: 40 },
  { key: 'export.col.file', width: 18 },
] as const;

/**
 * A finding's row. The cells that repeat from row to row (the unit, sheet, rule, severity, file
 * and an empty 说明) are one object per value, through `shared`: 1.27 million findings would
 * otherwise be 11 million cell objects.
 */
function row(f: Finding, lang: Lang, shared: SharedCells): OutputCell[] {
  const error = f.severity === 'error';
  // Warnings already explained carry their explanation, for the unit to see and amend.
  const explanation = f.severity === 'warning' ? (f.explanation ?? '') : '';
  return [
    shared.text(f.unit),
    shared.text(f.sheet),
    text(cellsText(f)),
    text(valuesText(f), { wrap: true }),
    shared.text(f.ruleId),
    shared.severity(error, lang),
    text(f.message, { wrap: true }),
    explanation ? text(explanation, { wrap: true }) : shared.blank,
    shared.text(f.file),
  ];
}

/** Text cells made once per value (the writers never change a cell). */
class SharedCells {
  private readonly texts = new Map<string, OutputCell>();
  private readonly severities = new Map<string, OutputCell>();
  readonly blank = text('', { wrap: true });

  text(value: string): OutputCell {
    let cell = this.texts.get(value);
    if (!cell) this.texts.set(value, (cell = text(value)));
    return cell;
  }

  severity(error: boolean, lang: Lang): OutputCell {
    const key = `${error ? 'e' : 'w'}${lang}`;
    let cell = this.severities.get(key);
    if (!cell) {
      const label = t(lang, error ? 'export.severity.error' : 'export.severity.warning');
      cell = text(label, { fill: error ? '#FFC7CE' : '#FFEB9C' });
      this.severities.set(key, cell);
    }
    return cell;
  }
}

function periodText(period: string | undefined, lang: Lang): string {
  if (!period) return '';
  return lang === 'zh' ? `${period}年` : ` ${period}`;
}

/** The findings a unit is asked about: errors and warnings, one row per finding. */
export function exportedFindings(
  findings: readonly Finding[],
  units?: readonly string[],
): Finding[] {
  const only = units ? new Set(units) : undefined;
  return findings.filter((f) => EXPORTED.has(f.severity) && (!only || only.has(f.unit)));
}

/**
 * Units up to which each gets a sheet of its own. Past it (the villages of a county) the tabs
 * could not be found among hundreds, and a workbook of 100,000 sheets never gets written: every
 * finding goes on one list, unit by unit, that a unit filters for its own rows.
 */
export const UNIT_SHEETS = 100;

/**
 * Cells in one findings file at most: about 30 MB written, well inside what Tally reads back
 * (`FILE_LIMITS` in src/xlsx/limits.ts: 64 MB and 10 million cells a file). Past it the findings
 * go into further files, so every file Tally hands out is one it can import again.
 */
export const EXPORT_CELLS = 4_000_000;

/** Where a workbook is among the files of one export (`findingsWorkbooks`). */
interface Part {
  k: number;
  n: number;
}

/**
 * The workbook: instructions, then one sheet per unit in the order the units first appear, or —
 * past `UNIT_SHEETS` units — one list of every unit's rows in that order, continued on further
 * sheets past Excel's 1,048,576 rows. Each sheet starts with the header the import reads.
 */
export function findingsWorkbook(
  findings: readonly Finding[],
  opts: FindingsExportOptions,
  maxRows: number = GRID.rows,
): OutputWorkbook {
  return findingsParts(findings, opts, Infinity, maxRows).workbook(0);
}

/**
 * The findings as one workbook, or — past `maxCells` cells — as several, each unit's rows in
 * one of them, in the order the units first appear; each says which of how many it is.
 */
export function findingsWorkbooks(
  findings: readonly Finding[],
  opts: FindingsExportOptions,
  maxCells: number = EXPORT_CELLS,
  maxRows: number = GRID.rows,
): OutputWorkbook[] {
  const parts = findingsParts(findings, opts, maxCells, maxRows);
  return Array.from({ length: parts.count }, (_, i) => parts.workbook(i));
}

/**
 * `findingsWorkbooks`, each workbook made when it is asked for: a writer lets one file's cells
 * go before the next is made.
 */
export function findingsParts(
  findings: readonly Finding[],
  opts: FindingsExportOptions,
  maxCells: number = EXPORT_CELLS,
  maxRows: number = GRID.rows,
): { count: number; workbook: (i: number) => OutputWorkbook } {
  const byUnit = findingsByUnit(findings, opts.units);
  const list = byUnit.size > UNIT_SHEETS;
  // A file's rows: its findings and a header per sheet (per unit, or per sheet of the list).
  const most = Math.max(1, Math.floor(maxCells / COLUMNS.length));
  const rowsOf = (findingRows: number, units: number) =>
    findingRows + (list ? Math.ceil(findingRows / Math.max(1, maxRows - 1)) : units);
  const parts: Map<string, readonly Finding[]>[] = [new Map()];
  let rows = 0;
  for (const [unit, found] of byUnit) {
    let last = parts[parts.length - 1] as Map<string, readonly Finding[]>;
    if (last.size > 0 && rowsOf(rows + found.length, last.size + 1) > most) {
      last = new Map();
      parts.push(last);
      rows = 0;
    }
    last.set(unit, found);
    rows += found.length;
  }
  const n = parts.length;
  return {
    count: n,
    workbook: (i) =>
      unitsWorkbook(
        parts[i] ?? new Map(),
        byUnit.size,
        opts,
        maxRows,
        n > 1 ? { k: i + 1, n } : undefined,
      ),
  };
}

/** The exported findings by unit, in the order the units first appear. */
function findingsByUnit(
  findings: readonly Finding[],
  units: readonly string[] | undefined,
): Map<string, Finding[]> {
  const byUnit = new Map<string, Finding[]>();
  for (const f of exportedFindings(findings, units)) {
    const list = byUnit.get(f.unit);
    if (list) list.push(f);
    else byUnit.set(f.unit, [f]);
  }
  return byUnit;
}

/** One workbook of these units' findings; `total`: the units of the whole export. */
function unitsWorkbook(
  byUnit: ReadonlyMap<string, readonly Finding[]>,
  total: number,
  opts: FindingsExportOptions,
  maxRows: number,
  part?: Part,
): OutputWorkbook {
  const { lang } = opts;
  const taken = new Set<string>();
  const readmeName = sheetName(t(lang, 'export.readme'), taken, 'README');
  const list = total > UNIT_SHEETS;
  const listName = t(lang, 'export.listSheet');
  const instructions = list
    ? t(lang, 'export.instructionsList', { units: total, most: UNIT_SHEETS, sheet: listName })
    : t(lang, 'export.instructions');
  const readme: OutputSheet = {
    name: readmeName,
    rows: [
      [text(t(lang, 'export.title', { period: periodText(opts.period, lang) }), { bold: true })],
      [text(instructions, { wrap: true })],
      ...(part
        ? [[text(t(lang, 'export.part', { ...part, units: byUnit.size }), { wrap: true })]]
        : []),
    ],
    columnWidths: [90],
    print: { orientation: 'portrait', margins: TABLE_MARGINS },
  };
  const shared = new SharedCells();
  const head = COLUMNS.map((c) => header(t(lang, c.key)));
  const sheet = (name: string, rows: OutputCell[][]): OutputSheet => ({
    name,
    rows: [head, ...rows],
    columnWidths: COLUMNS.map((c) => c.width),
    frozenRows: 1,
    // A unit prints its rows: A4 across, one page wide, the header on every page.
    print: {
      orientation: 'landscape',
      fitToWidth: 1,
      titleRows: { first: 0, last: 0 },
      margins: TABLE_MARGINS,
    },
  });
  const sorted = (rows: readonly Finding[]) =>
    [...rows]
      .sort(
        (a, b) =>
          Number(a.severity !== 'error') - Number(b.severity !== 'error') ||
          a.sheet.localeCompare(b.sheet, 'zh') ||
          a.ruleId.localeCompare(b.ruleId, 'zh'),
      )
      .map((f) => row(f, lang, shared));
  if (!list) {
    const sheets = [...byUnit].map(([unit, rows]) =>
      sheet(sheetName(unit, taken, t(lang, 'export.noUnit')), sorted(rows)),
    );
    return { sheets: [readme, ...sheets] };
  }
  const all: OutputCell[][] = [];
  for (const rows of byUnit.values()) for (const r of sorted(rows)) all.push(r);
  const per = maxRows - 1;
  const sheets: OutputSheet[] = [];
  const lastColumn = columnLetter(COLUMNS.length - 1);
  for (let k = 0; k === 0 || k * per < all.length; k++) {
    const name = k === 0 ? listName : t(lang, 'export.listSheetMore', { n: k + 1 });
    const rows = all.slice(k * per, (k + 1) * per);
    // Filter buttons on the header: a unit finds its own rows in one click.
    sheets.push({
      ...sheet(sheetName(name, taken, listName), rows),
      autoFilter: `A1:${lastColumn}${rows.length + 1}`,
    });
  }
  return { sheets: [readme, ...sheets] };
}

/**
 * The explanations a unit wrote into a findings workbook it sends back, by finding key: every
 * sheet whose first row has the 规则编号, 工作表, 填报单位 and 说明 headers (Chinese or English),
 * read as 审核说明 is read. Rows without an explanation are skipped.
 */
export function explanationsFromExport(wb: WorkbookData): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of wb.sheets) {
    const found = explanationsFromSheet({
      source: wb.source,
      sheets: [{ ...sheet, name: EXPLANATION_SHEET }],
    });
    for (const [k, v] of found) out.set(k, v);
  }
  return out;
}

/**
 * Which imported explanations apply: those whose key is a warning of the audit. The rest are
 * counted (an error cannot be explained away, and a finding may be gone since the export).
 */
export function matchExplanations(
  imported: ReadonlyMap<string, string>,
  findings: readonly Finding[],
): { matched: Map<string, string>; unmatched: number } {
  const warnings = new Set(findings.filter((f) => f.severity === 'warning').map(findingKey));
  const matched = new Map<string, string>();
  let unmatched = 0;
  for (const [k, v] of imported) {
    if (warnings.has(k)) matched.set(k, v);
    else unmatched++;
  }
  return { matched, unmatched };
}
