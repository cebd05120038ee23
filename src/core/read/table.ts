import { a1 } from '../model/a1';
import { CellError, cellText, isBlank, type Cell } from '../model/cell';
import { cellAt, columnCount, type SheetData } from '../model/workbook';
import { coerceNumber, looksNumeric, type DisguiseKind } from './coerce';
import { fold, headerUnit, normalizeHeader, UNIT_WORDS } from './normalize';
import { HeaderIndex, type VocabularyItem } from './vocabulary';

/**
 * Recognising a report form in a sheet: where the header is (below any title rows, possibly
 * two rows collapsed into one), what each column holds, which rows are records, and every
 * value of a numeric column read as a number or reported (items.md).
 */

export type ColumnKind = 'unit' | 'code' | 'item' | 'other';

export interface Column {
  /** Sheet column, 0-based. */
  col: number;
  /** The header as written (two-row headers joined as `上（下）`). */
  header: string;
  key: string;
  kind: ColumnKind;
  item?: VocabularyItem;
  /** From the header's suffix or the unit row. */
  unit?: string;
  numeric: boolean;
}

export interface TableRecord {
  /** Sheet row, 0-based. */
  row: number;
  /** The reporting unit as written; `第12行` when the form has no unit column. */
  unit: string;
  code?: string;
  isTotal: boolean;
}

export interface Notice {
  kind: 'disguisedNumber';
  sheet: string;
  cell: string;
  raw: string;
  value: number;
  why: DisguiseKind;
  column: string;
}

export interface TypeErrorFinding {
  kind: 'typeError';
  sheet: string;
  cell: string;
  raw: string;
  column: string;
  unit: string;
  why: 'text' | 'excelError' | 'boolean';
}

export interface Table {
  sheet: string;
  /** Title rows above the header, as text. */
  titles: string[];
  /** Sheet rows (0-based) of the header: one, or two when collapsed. */
  headerRows: number[];
  /** Sheet rows skipped under the header: a unit row, a column-code row. */
  skippedRows: number[];
  columns: Column[];
  records: TableRecord[];
  /** Numeric columns as arrays aligned with `records`; NaN is missing or unreadable. */
  numbers: Map<number, Float64Array>;
  /** Text columns aligned with `records`; null is blank. */
  texts: Map<number, (string | null)[]>;
  notices: Notice[];
  typeErrors: TypeErrorFinding[];
  /** Cells read as missing that were not empty (`—`, `/`, `无`), by A1 address. */
  missingMarks: Map<string, string>;
}

export interface ReadOptions {
  /** Extra strings read as missing (e.g. `NA` in a CSV written by R). */
  missing?: ReadonlySet<string>;
  /** How many rows from the top to search for the header. */
  searchRows?: number;
}

const SIGNATURE = /单位负责人|填表人|填报人|审核人|制表人|统计负责人|报出日期|填报日期|联系电话/;
const NOTE = /^(注|说明|备注)\s*[:：]/;
const CODE_LIKE = /(代码|编码|编号|code|id)$/;
const COLUMN_CODES = new Set(['甲', '乙', '丙', '丁', '戊']);
const UNIT_ROW_LABELS = new Set(['计量单位', '单位', '计量单位:', '单位:']);

/** Read a sheet as a table. Returns undefined when no header row can be found. */
export function readTable(
  sheet: SheetData,
  index: HeaderIndex,
  opts: ReadOptions = {},
): Table | undefined {
  const header = findHeader(sheet, index, opts.searchRows ?? 30);
  if (!header) return undefined;
  const { rows: headerRows, names } = header;
  const lastHeader = headerRows[headerRows.length - 1] ?? 0;
  const top = sheet.origin.row;
  const bottom = top + sheet.rows.length - 1;
  const left = sheet.origin.col;

  const columns: Column[] = [];
  for (const [col, name] of names) {
    const role = index.lookup(name);
    const kind: ColumnKind = role?.kind ?? 'other';
    const column: Column = {
      col,
      header: name,
      key: normalizeHeader(name),
      kind,
      numeric: kind === 'item',
    };
    if (role?.kind === 'item') column.item = role.item;
    const u = headerUnit(name) ?? (role?.kind === 'item' ? role.item.unit : undefined);
    if (u) column.unit = u;
    columns.push(column);
  }

  // Unit row and column-code row right under the header.
  const skippedRows: number[] = [];
  let r = lastHeader + 1;
  for (; r <= bottom && skippedRows.length < 2; r++) {
    const cells = rowCells(sheet, r, left);
    if (cells.every((c) => isBlank(c.value))) continue;
    if (isUnitRow(cells)) {
      for (const c of cells) {
        const unit = unitWord(c.value);
        const column = columns.find((k) => k.col === c.col);
        if (unit && column && !column.unit) column.unit = unit;
      }
      skippedRows.push(r);
    } else if (isColumnCodeRow(cells)) {
      skippedRows.push(r);
    } else break;
  }
  const dataStart = r;

  const unitCol = columns.find((c) => c.kind === 'unit');
  const codeCol = columns.find((c) => c.kind === 'code');

  // Records: until the signature line or a note, skipping blank rows.
  const recordRows: number[] = [];
  for (let row = dataStart; row <= bottom; row++) {
    const cells = rowCells(sheet, row, left);
    const texts = cells.filter((c) => !isBlank(c.value)).map((c) => cellText(c.value).trim());
    if (texts.length === 0) continue;
    if (
      texts.some((t) => SIGNATURE.test(t)) ||
      (texts.length === 1 && NOTE.test(fold(texts[0] ?? '')))
    )
      break;
    recordRows.push(row);
  }

  // Columns not in the vocabulary are numeric when most of their values read as numbers.
  for (const column of columns) {
    if (column.kind !== 'other') continue;
    if (CODE_LIKE.test(column.key)) continue; // 上级代码, 单位编码: identifiers, not quantities
    let filled = 0;
    let numeric = 0;
    for (const row of recordRows) {
      const v = cellAt(sheet, row, column.col);
      // An Excel error (#DIV/0!) says nothing about the column's type: formulas give numbers.
      if (v instanceof CellError) continue;
      const c = coerceNumber(v, {
        percentColumn: true,
        ...(opts.missing ? { missing: opts.missing } : {}),
      });
      if (c.kind === 'missing') continue;
      filled++;
      if (c.kind === 'number' || c.kind === 'disguised') numeric++;
    }
    column.numeric = filled > 0 && numeric / filled >= 0.8;
  }

  const records: TableRecord[] = recordRows.map((row, i) => {
    const unitText = unitCol ? cellText(cellAt(sheet, row, unitCol.col)).trim() : '';
    const codeText = codeCol ? codeString(cellAt(sheet, row, codeCol.col)) : '';
    const rec: TableRecord = {
      row,
      unit: unitText || codeText || `#${row + 1}`,
      isTotal: unitText !== '' && index.isTotal(unitText),
    };
    if (codeText) rec.code = codeText;
    void i;
    return rec;
  });

  const numbers = new Map<number, Float64Array>();
  const texts = new Map<number, (string | null)[]>();
  const notices: Notice[] = [];
  const typeErrors: TypeErrorFinding[] = [];
  const missingMarks = new Map<string, string>();
  for (const column of columns) {
    if (!column.numeric) {
      texts.set(
        column.col,
        records.map((rec) => {
          const v = cellAt(sheet, rec.row, column.col);
          return isBlank(v) ? null : cellText(v).trim();
        }),
      );
      continue;
    }
    const arr = new Float64Array(records.length);
    const percentColumn = column.unit === '%';
    records.forEach((rec, i) => {
      const v = cellAt(sheet, rec.row, column.col);
      const c = coerceNumber(v, {
        percentColumn,
        ...(opts.missing ? { missing: opts.missing } : {}),
      });
      const cell = a1(rec.row, column.col);
      switch (c.kind) {
        case 'number':
          arr[i] = c.value;
          break;
        case 'missing':
          arr[i] = NaN;
          if (typeof v === 'string' && v.trim() !== '') missingMarks.set(cell, v.trim());
          break;
        case 'disguised':
          arr[i] = c.value;
          notices.push({
            kind: 'disguisedNumber',
            sheet: sheet.name,
            cell,
            raw: c.raw,
            value: c.value,
            why: c.why,
            column: column.header,
          });
          break;
        case 'typeError':
          arr[i] = NaN;
          typeErrors.push({
            kind: 'typeError',
            sheet: sheet.name,
            cell,
            raw: c.raw,
            column: column.header,
            unit: rec.unit,
            why: c.why,
          });
          break;
      }
    });
    numbers.set(column.col, arr);
  }

  const titles: string[] = [];
  for (let row = top; row < (headerRows[0] ?? top); row++) {
    const t = rowCells(sheet, row, left)
      .filter((c) => !isBlank(c.value))
      .map((c) => cellText(c.value).trim())
      .join(' ');
    if (t) titles.push(t);
  }

  return {
    sheet: sheet.name,
    titles,
    headerRows,
    skippedRows,
    columns,
    records,
    numbers,
    texts,
    notices,
    typeErrors,
    missingMarks,
  };
}

/** A 12-digit code stored as a number must not turn into `4.4e11`. */
function codeString(v: Cell): string {
  if (typeof v === 'number') return Number.isInteger(v) ? v.toFixed(0) : String(v);
  return cellText(v).trim();
}

interface PositionedCell {
  col: number;
  value: Cell;
}

function rowCells(sheet: SheetData, row: number, left: number): PositionedCell[] {
  const r = sheet.rows[row - sheet.origin.row] ?? [];
  return r.map((value, j) => ({ col: left + j, value }));
}

function unitWord(v: Cell): string | undefined {
  if (typeof v !== 'string') return undefined;
  let s = fold(v).replace(/\s+/g, '');
  s = s.replace(/^\((.*)\)$/, '$1').replace(/^(计量)?单位:/, '');
  return UNIT_WORDS.includes(s) ? s : undefined;
}

function isUnitRow(cells: PositionedCell[]): boolean {
  let units = 0;
  for (const c of cells) {
    if (isBlank(c.value)) continue;
    if (unitWord(c.value)) units++;
    else if (typeof c.value === 'string' && UNIT_ROW_LABELS.has(fold(c.value).replace(/\s+/g, '')))
      continue;
    else return false;
  }
  return units > 0;
}

function isColumnCodeRow(cells: PositionedCell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c.value));
  if (filled.length < 2) return false;
  let expect = 1;
  for (const c of filled) {
    const t = cellText(c.value).trim();
    if (COLUMN_CODES.has(t)) continue;
    if (Number(t) !== expect) return false;
    expect++;
  }
  return true;
}

interface HeaderGuess {
  rows: number[];
  /** Sheet column → collapsed header text. */
  names: Map<number, string>;
}

function textOf(v: Cell): string {
  return isBlank(v) ? '' : cellText(v).trim();
}

/** Score a candidate header: known headers count most; a unit column is a strong sign. */
function score(names: Map<number, string>, index: HeaderIndex): number {
  let s = 0;
  for (const name of names.values()) {
    const role = index.lookup(name);
    if (!role) continue;
    s += role.kind === 'item' ? 2 : 3;
  }
  return s;
}

function singleRowNames(sheet: SheetData, row: number): Map<number, string> {
  const names = new Map<number, string>();
  const width = columnCount(sheet);
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    const t = textOf(cellAt(sheet, row, col));
    if (t && !looksNumeric(cellAt(sheet, row, col)))
      names.set(col, t.replace(/\s*[\r\n]+\s*/g, ''));
  }
  return names;
}

function mergedLeft(sheet: SheetData, row: number, col: number): number | undefined {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m.left;
  }
  return undefined;
}

function mergedTop(sheet: SheetData, row: number, col: number): number | undefined {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && m.top < row)
      return m.top;
  }
  return undefined;
}

/**
 * Collapse a two-row header: a group label over its parts (`活产数` over `男`, `女`) becomes
 * the name the vocabulary knows (`活产数（男）`), a cell merged down keeps its top text.
 */
function twoRowNames(
  sheet: SheetData,
  top: number,
  index: HeaderIndex,
): Map<number, string> | undefined {
  const bottom = top + 1;
  const width = columnCount(sheet);
  const names = new Map<number, string>();
  let group = '';
  let groupOpen = false;
  let sawBottomText = false;
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    const topCell = cellAt(sheet, top, col);
    const bottomCell = cellAt(sheet, bottom, col);
    if (!isBlank(bottomCell) && looksNumeric(bottomCell)) return undefined; // a data row
    let upper = textOf(topCell);
    let lower = textOf(bottomCell);
    if (mergedTop(sheet, bottom, col) !== undefined) lower = '';
    if (upper) {
      group = upper;
      groupOpen = lower !== '';
    } else {
      const left = mergedLeft(sheet, top, col);
      if (left !== undefined && left < col) upper = textOf(cellAt(sheet, top, left));
      else if (groupOpen && lower) upper = group;
      else groupOpen = false;
    }
    if (lower) sawBottomText = true;
    upper = upper.replace(/\s*[\r\n]+\s*/g, '');
    lower = lower.replace(/\s*[\r\n]+\s*/g, '');
    if (!upper && !lower) continue;
    if (!lower) {
      names.set(col, upper);
      continue;
    }
    if (!upper) {
      names.set(col, lower);
      continue;
    }
    // `合计` under a group label is the group itself (`活产数` over `合计 | 男 | 女`).
    const candidates = index.isTotal(lower)
      ? [upper]
      : [`${upper}（${lower}）`, `${upper}${lower}`, `${lower}${upper}`, lower];
    const known = candidates.find((c) => index.lookup(c));
    names.set(col, known ?? `${upper}（${lower}）`);
  }
  return sawBottomText ? names : undefined;
}

function findHeader(
  sheet: SheetData,
  index: HeaderIndex,
  searchRows: number,
): HeaderGuess | undefined {
  const top = sheet.origin.row;
  const last = Math.min(top + sheet.rows.length - 1, top + searchRows - 1);
  let best: HeaderGuess | undefined;
  let bestScore = 0;
  for (let row = top; row <= last; row++) {
    const single = singleRowNames(sheet, row);
    const s1 = score(single, index);
    if (s1 > bestScore) {
      best = { rows: [row], names: single };
      bestScore = s1;
    }
    if (row + 1 <= top + sheet.rows.length - 1 && single.size > 0) {
      const pair = twoRowNames(sheet, row, index);
      if (pair) {
        // A pair must name more than either of its rows alone: a title line above a header
        // is not half of a two-row header.
        const s2 = score(pair, index);
        const below = score(singleRowNames(sheet, row + 1), index);
        if (s2 > bestScore && s2 > s1 && s2 > below) {
          best = { rows: [row, row + 1], names: pair };
          bestScore = s2;
        }
      }
    }
  }
  if (best) return best;
  // Nothing known: the first row of at least two text cells, most of the row, with data below.
  const width = columnCount(sheet);
  for (let row = top; row <= last; row++) {
    const names = singleRowNames(sheet, row);
    const filled = rowCells(sheet, row, sheet.origin.col).filter((c) => !isBlank(c.value)).length;
    if (names.size >= 2 && names.size === filled && names.size >= Math.ceil(width / 2)) {
      return { rows: [row], names };
    }
  }
  return undefined;
}
