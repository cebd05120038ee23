import { a1, parseA1 } from '../model/a1';
import type { Cell } from '../model/cell';
import { cellAt, columnCount, rowCount, type SheetData } from '../model/workbook';
import { textOf, titlesAbove } from './cells';
import { areaNames } from './labels';
import { normalizeHeader } from './normalize';
import { periodOfSheet } from '../period';
import { readTable, type ReadOptions, type Table } from './table';
import type { HeaderIndex } from './vocabulary';

/**
 * A vertical form (issue 8): one sheet per township with the items down a column —
 * 指标名称 | 计量单位 | 数值 — as offices often send them. It is read as the one-record table
 * it stands for, with every finding pointing at the sheet's real cells. The reporting unit is
 * the 填报单位 the titles name, else the area before the year in the title, else the sheet's
 * name, else the file's.
 */
const NAME_HEADERS = new Set(
  ['指标名称', '指标', '项目', '项目名称', '数据项', '指标项', '统计指标', 'item', 'indicator'].map(
    normalizeHeader,
  ),
);
const UNIT_HEADERS = new Set(['计量单位', '单位', 'unit'].map(normalizeHeader));
const VALUE_HEADERS = new Set(
  [
    '数值',
    '本年',
    '本期',
    '本年数',
    '本期数',
    '本年度',
    '数量',
    '填报数',
    '填报数值',
    '合计',
    'value',
  ].map(normalizeHeader),
);
/** Columns of another period: never this period's value. */
const OTHER_PERIOD = /(上年|去年|上期|同期|基期|增减|增长)/;
const GENERIC_SHEET = /^(sheet|工作表|表)\s*\d*$/i;

interface VerticalHeader {
  row: number;
  name: number;
  value: number;
  unit?: number;
  /** The header's other columns with text: units across (甲镇 | 乙镇 | … | 合计) if several. */
  others: number[];
}

const YEAR_HEADER = /^((?:19|20)\d{2})\s*年?(?:度)?$/;

/**
 * The vertical header, or (`years`) the year columns of one that has several and nothing to
 * choose by: no year in its titles, its sheet's name or its file's name.
 */
function findVerticalHeader(
  sheet: SheetData,
  source: string,
  searchRows: number,
): { header?: VerticalHeader; years?: string[] } {
  const top = sheet.origin.row;
  const width = columnCount(sheet);
  const last = Math.min(top + rowCount(sheet) - 1, top + searchRows - 1);
  for (let row = top; row <= last; row++) {
    let name: number | undefined;
    let value: number | undefined;
    let unit: number | undefined;
    const years = new Map<string, number>();
    const others: number[] = [];
    for (let j = 0; j < width; j++) {
      const col = sheet.origin.col + j;
      const text = textOf(cellAt(sheet, row, col));
      if (!text) continue;
      const key = normalizeHeader(text);
      const year = YEAR_HEADER.exec(text)?.[1];
      if (name === undefined && NAME_HEADERS.has(key)) name = col;
      else if (unit === undefined && UNIT_HEADERS.has(key)) unit = col;
      else if (value === undefined && !OTHER_PERIOD.test(text) && VALUE_HEADERS.has(key))
        value = col;
      else if (year !== undefined && !years.has(year)) years.set(year, col);
      else if (name !== undefined && year === undefined) others.push(col);
    }
    value ??= yearColumn(years, sheetYear(sheet, source, row));
    if (name !== undefined && value !== undefined)
      return { header: { row, name, value, others, ...(unit !== undefined ? { unit } : {}) } };
    // Units across and no total column: read across all the same (readAcross).
    if (name !== undefined && years.size === 0 && others.length >= 2)
      return { header: { row, name, value: -1, others, ...(unit !== undefined ? { unit } : {}) } };
    if (name !== undefined && years.size > 1) return { years: [...years.keys()] };
  }
  return {};
}

/**
 * The value column among columns headed by years (`2024年 | 2025年`): the only one, else the
 * one of the sheet's year. Several and no year to choose by: none (the sheet is not read as a
 * vertical form rather than read from a year picked by position; the reader says why).
 */
function yearColumn(years: ReadonlyMap<string, number>, year: string | undefined) {
  if (years.size === 1) return [...years.values()][0];
  return year === undefined ? undefined : years.get(year);
}

/** The sheet's year as its period is read (period.ts): its titles, else its name, else its file's. */
function sheetYear(sheet: SheetData, source: string, header: number) {
  return periodOfSheet(titlesAbove(sheet, header), sheet.name, source)?.period;
}

/**
 * The years of a vertical sheet's value columns (`2024年 | 2025年`) when there are several and
 * nothing names the sheet's year: the sheet is not read, and this says why.
 */
export function ambiguousYearColumns(
  sheet: SheetData,
  source: string,
  opts: ReadOptions = {},
): string[] | undefined {
  return findVerticalHeader(sheet, source, opts.searchRows ?? 30).years;
}

/** The reporting unit a vertical form is about. */
function unitOf(titles: readonly string[], sheetName: string, source: string): string {
  for (const t of titles) {
    const m = /填报单位\s*[:：]\s*([^\s:：]{2,20})/.exec(t);
    if (m?.[1]) return m[1].replace(/(人民政府|政府)$/, '');
  }
  const area = areaNames(titles)[0];
  if (area) return area;
  if (!GENERIC_SHEET.test(sheetName.trim())) return sheetName.trim();
  const stem = (source.split(/[\\/]/).pop() ?? source)
    .replace(/\.[^.]+$/, '')
    .replace(/(?:19|20)\d{2}\s*年?(?:度)?/g, '')
    .replace(/(报表|数据|监测|统计|表)+$/, '')
    .trim();
  return stem || sheetName;
}

export function readVertical(
  sheet: SheetData,
  index: HeaderIndex,
  source: string,
  opts: ReadOptions = {},
): Table | undefined {
  const { header } = findVerticalHeader(sheet, source, opts.searchRows ?? 30);
  if (!header) return undefined;
  const across = unitsAcross(sheet, header, index);
  if (across) return readAcross(sheet, header, across, index, opts);
  if (header.value < 0) return undefined;
  const titles = titlesAbove(sheet, header.row);
  // Items down the name column; each becomes a column of a one-row table.
  const names: Cell[] = ['地区'];
  const values: Cell[] = [unitOf(titles, sheet.name, source)];
  const origin: string[] = [a1(header.row, header.name)];
  const bottom = sheet.origin.row + rowCount(sheet) - 1;
  for (let row = header.row + 1; row <= bottom; row++) {
    const label = textOf(cellAt(sheet, row, header.name)).replace(/\s*[\r\n]+\s*/g, '');
    if (!label) continue;
    const role = index.lookup(label);
    if (role?.kind !== 'item') continue;
    const unit = header.unit === undefined ? '' : textOf(cellAt(sheet, row, header.unit));
    names.push(unit ? `${label}（${unit}）` : label);
    values.push(cellAt(sheet, row, header.value));
    origin.push(a1(row, header.value));
  }
  if (names.length < 3) return undefined; // fewer than two known items: not a form
  const flat: SheetData = {
    name: sheet.name,
    origin: { row: 0, col: 0 },
    rows: [names, values],
  };
  const table = readTable(flat, index, opts);
  if (!table || table.records.length !== 1) return undefined;
  const at = (cell: string): string => {
    const { col } = parseA1(cell);
    return origin[col] ?? cell;
  };
  return {
    ...table,
    titles,
    headerRows: [header.row],
    notices: table.notices.map((n) => ({ ...n, cell: at(n.cell) })),
    typeErrors: table.typeErrors.map((e) => ({ ...e, cell: at(e.cell) })),
    missingMarks: new Map([...table.missingMarks].map(([cell, v]) => [at(cell), v])),
    codeIssues: [],
    cellAddress: (_record, col) => origin[col] ?? a1(0, col),
    vertical: true,
  };
}

/** The rows of a vertical header's known items (row and label with its unit). */
function itemRows(
  sheet: SheetData,
  header: VerticalHeader,
  index: HeaderIndex,
): { row: number; label: string }[] {
  const out: { row: number; label: string }[] = [];
  const bottom = sheet.origin.row + rowCount(sheet) - 1;
  for (let row = header.row + 1; row <= bottom; row++) {
    const label = textOf(cellAt(sheet, row, header.name)).replace(/\s*[\r\n]+\s*/g, '');
    if (!label || index.lookup(label)?.kind !== 'item') continue;
    const unit = header.unit === undefined ? '' : textOf(cellAt(sheet, row, header.unit));
    out.push({ row, label: unit ? `${label}（${unit}）` : label });
  }
  return out;
}

/**
 * The unit columns of a form with the units across (指标名称 | 计量单位 | 甲镇 | 乙镇 | 丙镇 |
 * 合计): at least two columns besides the value column, each with a number on an item's row and
 * a header that is no note or period (备注, 上年). Undefined for a form of one unit.
 */
function unitsAcross(
  sheet: SheetData,
  header: VerticalHeader,
  index: HeaderIndex,
): number[] | undefined {
  const rows = itemRows(sheet, header, index);
  const cols = [...header.others, ...(header.value >= 0 ? [header.value] : [])].sort(
    (a, b) => a - b,
  );
  const units = cols.filter((col) => {
    const text = textOf(cellAt(sheet, header.row, col));
    if (NOT_A_UNIT.test(text) || OTHER_PERIOD.test(text)) return false;
    return rows.some(({ row }) => typeof cellAt(sheet, row, col) === 'number');
  });
  // The value column alone, or one more beside it (备注 with a number), is a form of one unit.
  const besides = units.filter((c) => c !== header.value);
  return besides.length >= 2 ? units : undefined;
}

const NOT_A_UNIT = /^(?:备注|说明|注|序号|编号|行次|栏次|代码|指标代码|计量单位|单位)$/;

/**
 * A form with the units across, read as the table it is turned: one row per unit column (its
 * header the unit's name; 合计 a total row, checked against the units like any), one column per
 * item down the name column. Every finding points at the sheet's real cell.
 */
function readAcross(
  sheet: SheetData,
  header: VerticalHeader,
  units: readonly number[],
  index: HeaderIndex,
  opts: ReadOptions,
): Table | undefined {
  const items = itemRows(sheet, header, index);
  if (items.length < 2) return undefined;
  const rows: Cell[][] = [['地区', ...items.map((i) => i.label)]];
  for (const col of units)
    rows.push([
      textOf(cellAt(sheet, header.row, col)),
      ...items.map((i) => cellAt(sheet, i.row, col)),
    ]);
  const flat: SheetData = { name: sheet.name, origin: { row: 0, col: 0 }, rows };
  const table = readTable(flat, index, opts);
  if (!table) return undefined;
  // Flat row r (1 = the first unit) is unit column units[r − 1]; flat column c (1 = the first
  // item) is the item on sheet row items[c − 1].
  const real = (row: number, col: number) =>
    a1(items[col - 1]?.row ?? header.row, units[row - 1] ?? header.name);
  const at = (cell: string): string => {
    const { row, col } = parseA1(cell);
    return real(row, col);
  };
  return {
    ...table,
    titles: titlesAbove(sheet, header.row),
    headerRows: [header.row],
    notices: table.notices.map((n) => ({ ...n, cell: at(n.cell) })),
    typeErrors: table.typeErrors.map((e) => ({ ...e, cell: at(e.cell) })),
    missingMarks: new Map([...table.missingMarks].map(([cell, v]) => [at(cell), v])),
    codeIssues: [],
    cellAddress: (record, col) => real(table.records[record]?.row ?? 0, col),
  };
}
