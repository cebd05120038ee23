import { CellError, isBlank } from '../model/cell';
import { cellAt, type SheetData } from '../model/workbook';
import { coerceNumber, looksNumeric } from './coerce';
import { isMissingMark } from './labels';
import { headerUnit, normalizeHeader } from './normalize';
import type { Column, ColumnKind, ReadOptions } from './table';
import type { HeaderIndex } from './vocabulary';

/** What each column of a form holds: the unit, the code, an item, or another column. */
const CODE_LIKE = /(代码|编码|编号|code|id)$/;
const RATE_UNITS: readonly string[] = ['%', '‰', '1/10万', '1/万'];
/** A period written after a header in brackets: `在园幼儿数（本年）`, `（上年末）`. */
const PERIOD_NOTE =
  /^(.+?)\s*[(（]\s*(本年|本年末|本年底|本期|本期末|本年度|本年数|本年实际|当年|今年|上年|上年末|上年底|上年同期|去年|上期|同期|上年度)\s*[)）]$/;
const THIS_NOTE = /^(?:本年|当年|今年)/;

/** Columns from the header's names. The unit is the one the header states, if any. */
export function columnsOf(names: ReadonlyMap<number, string>, index: HeaderIndex): Column[] {
  const columns: Column[] = [];
  const itemColumnOf = new Map<string, Column>();
  const marked = new Set<Column>();
  for (const [col, written] of names) {
    // `在园幼儿数（本年）` is the item; `在园幼儿数（上年末）` another period's, no item.
    const period = PERIOD_NOTE.exec(written);
    const name = period?.[1] && THIS_NOTE.test(period[2] ?? '') ? period[1] : written;
    const role = index.lookup(name);
    const kind: ColumnKind = role?.kind ?? 'other';
    const column: Column = {
      col,
      header: written,
      key: normalizeHeader(name),
      kind,
      numeric: kind === 'item',
    };
    if (name !== written) marked.add(column);
    if (role?.kind === 'item') {
      // The first column naming an item is the item; a later one is kept as a numeric column
      // marked as its duplicate, so two columns never compete for one item.
      const taken = itemColumnOf.get(role.item.id);
      if (taken && name !== written && !marked.has(taken)) {
        // An unmarked column before the one marked 本年: the marked one is this period's.
        taken.kind = 'other';
        taken.duplicateOf = role.item.id;
        delete taken.item;
        column.item = role.item;
        itemColumnOf.set(role.item.id, column);
      } else if (taken) {
        column.kind = 'other';
        column.duplicateOf = role.item.id;
      } else {
        column.item = role.item;
        itemColumnOf.set(role.item.id, column);
      }
    }
    const u = headerUnit(name);
    if (u) column.unit = u;
    columns.push(column);
  }
  return columns;
}

/**
 * Where a second table begins to the right of the first (two forms side by side on one sheet):
 * a unit or code column after an item column, with an item column after it. Its items belong
 * to the units of its own label column, never to the first table's rows.
 */
export function besideTable(columns: readonly Column[]): number | undefined {
  let seenItem = false;
  let start: number | undefined;
  for (const c of [...columns].sort((a, b) => a.col - b.col)) {
    if (c.kind === 'item') {
      if (start !== undefined) return start;
      seenItem = true;
    } else if ((c.kind === 'unit' || c.kind === 'code') && seenItem) start ??= c.col;
  }
  return undefined;
}

/**
 * The label columns of a table: its unit columns left of the first item (a village form's
 * `乡镇 | 村`), else all of them. The last is the reporting unit; the one before it, if any,
 * names the region each row lies in.
 */
export function unitColumns(columns: readonly Column[]): Column[] {
  const units = columns.filter((c) => c.kind === 'unit').sort((a, b) => a.col - b.col);
  const firstItem = Math.min(...columns.filter((c) => c.kind === 'item').map((c) => c.col));
  const left = units.filter((c) => c.col < firstItem);
  if (left.length === 0) return units.slice(0, 1);
  // A 村 column is the unit wherever it stands (`村 | 乡镇` as well as `乡镇 | 村`).
  const village = left.filter((c) => VILLAGE_HEADER.test(c.key));
  return village.length === 1 ? [...left.filter((c) => c !== village[0]), ...village] : left;
}

/** The reporting unit's column and, where a coarser unit column stands beside it, the region's. */
export function unitAndArea(columns: readonly Column[]): { unit?: Column; area?: Column } {
  const labels = unitColumns(columns);
  const unit = labels[labels.length - 1];
  const area = labels.length > 1 ? labels[labels.length - 2] : undefined;
  return { ...(unit ? { unit } : {}), ...(area ? { area } : {}) };
}

/** A unit header of the village level: 村, 村（社区）, 行政村, 社区, 村委会, 居委会. */
const VILLAGE_HEADER = /(村|社区|居委会|村居)/;

/** Columns a total row adds up: counts. Rates, shares and ratios are not sums. */
export function isSummable(c: Column): boolean {
  if (!c.numeric) return false;
  if (c.item) return true;
  if (c.kind !== 'other') return false;
  return !(c.unit && RATE_UNITS.includes(c.unit)) && !/(率|比例|比重|比|%|‰)/.test(c.header);
}

/**
 * Columns not in the vocabulary are numeric when most of their values read as numbers; a
 * column whose values mostly carry `%` is a % column (`92.5%` reads as 92.5 there).
 */
export function typeOtherColumns(
  sheet: SheetData,
  columns: readonly Column[],
  rows: readonly number[],
  opts: ReadOptions,
): void {
  for (const column of columns) {
    if (column.kind !== 'other') continue;
    if (column.duplicateOf !== undefined) {
      column.numeric = true;
      continue;
    }
    if (CODE_LIKE.test(column.key)) continue; // 上级代码, 单位编码: identifiers, not quantities
    let filled = 0;
    let percent = 0;
    for (const row of rows) {
      const v = cellAt(sheet, row, column.col);
      if (isBlank(v) || v instanceof CellError) continue;
      if (typeof v === 'string' && isMissingMark(v.trim(), opts)) continue;
      filled++;
      if (typeof v === 'string' && /[%％]\s*$/.test(v)) percent++;
    }
    // `92.5%` values make a % column, unless they are not numbers even so (`≥90%`).
    if (!column.unit && percent * 2 > filled && mostlyNumeric(sheet, rows, column.col, true, opts))
      column.unit = '%';
    column.numeric = mostlyNumeric(sheet, rows, column.col, column.unit === '%', opts);
  }
}

/**
 * A form whose unit column has a header the vocabulary does not know (`单位（乡镇）`, or
 * none at all): the first text column left of the items is its unit column.
 */
export function adoptUnitColumn(
  sheet: SheetData,
  columns: Column[],
  headerRows: readonly number[],
  rows: readonly number[],
): void {
  if (columns.some((c) => c.kind === 'unit' || c.kind === 'code')) return;
  const unitColumn = guessUnitColumn(sheet, columns, headerRows, rows);
  if (!unitColumn) return;
  if (!columns.includes(unitColumn)) {
    columns.push(unitColumn);
    columns.sort((a, b) => a.col - b.col);
  }
  unitColumn.kind = 'unit';
  unitColumn.numeric = false;
  delete unitColumn.unit;
}

function mostlyNumeric(
  sheet: SheetData,
  rows: readonly number[],
  col: number,
  percentColumn: boolean,
  opts: ReadOptions,
): boolean {
  let filled = 0;
  let numeric = 0;
  for (const row of rows) {
    const v = cellAt(sheet, row, col);
    // An Excel error (#DIV/0!) says nothing about the column's type: formulas give numbers.
    if (v instanceof CellError) continue;
    const c = coerceNumber(v, {
      percentColumn,
      ...(opts.missing ? { missing: opts.missing } : {}),
    });
    if (c.kind === 'missing') continue;
    filled++;
    if (c.kind === 'number' || c.kind === 'disguised') numeric++;
  }
  return filled > 0 && numeric / filled >= 0.8;
}

/** Most of the column's filled cells are text that is not a number. */
function mostlyText(sheet: SheetData, rows: readonly number[], col: number): boolean {
  let filled = 0;
  let text = 0;
  for (const row of rows) {
    const v = cellAt(sheet, row, col);
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string' && !looksNumeric(v)) text++;
  }
  return filled > 0 && text / filled >= 0.8;
}

/**
 * The unit column of a form whose unit header is unknown: the first text column left of the
 * first item column, named (`单位（乡镇）`) or with a blank header.
 */
function guessUnitColumn(
  sheet: SheetData,
  columns: readonly Column[],
  headerRows: readonly number[],
  recordRows: readonly number[],
): Column | undefined {
  const items = columns.filter((c) => c.kind === 'item').map((c) => c.col);
  if (items.length === 0) return undefined;
  const firstItem = Math.min(...items);
  for (let col = sheet.origin.col; col < firstItem; col++) {
    const named = columns.find((c) => c.col === col);
    if (named) {
      if (named.kind !== 'other' || named.numeric || named.duplicateOf !== undefined) continue;
      if (CODE_LIKE.test(named.key)) continue;
      if (mostlyText(sheet, recordRows, col)) return named;
    } else if (headerRows.every((h) => isBlank(cellAt(sheet, h, col)))) {
      if (mostlyText(sheet, recordRows, col))
        return { col, header: '', key: '', kind: 'unit', numeric: false };
    }
  }
  return undefined;
}
