import type { Cell } from './cell';
import type { RangeRef } from './a1';
import type { RowSheet } from './workbook';

/**
 * A sheet's used range held column by column, with no object per cell.
 *
 * ```
 * ColumnarSheet { name, origin: {row, col}, rowCount, columns: SheetColumn[], merges?, rowWidths? }
 * SheetColumn   { num: Float64Array, other?: (Cell | undefined)[] }
 * ```
 *
 * - `columns[j]` is sheet column `origin.col + j`; `num[i]` and `other[i]` are sheet row
 *   `origin.row + i` (0-based, as in `SheetData`).
 * - A cell is `other[i]` when that is defined (text, a boolean, a `CellError`, or a number that
 *   is NaN — exceljs can hand one over for a malformed `<v>`); else `num[i]` when it is not NaN;
 *   else blank (`null`). `other` is allocated only for a column that has such a cell, and is
 *   sparse.
 * - `rowWidths`, when present, is the number of cells each row had in the reader (a CSV record
 *   with fewer fields than the widest one), so `toSheetData()` gives back today's ragged rows
 *   exactly; without it every row is `columns.length` wide.
 *
 * `cellAt()` returns the same `Cell` that `SheetData.rows` would hold, and `toSheetData()` /
 * `fromSheetData()` convert both ways, so the engine can move onto columns one step at a time.
 */
export interface SheetColumn {
  /** The cell's number where it holds one, else NaN. */
  num: Float64Array;
  /** Cells that are not plain numbers; undefined = look at `num`. Allocated lazily, sparse. */
  other?: (Cell | undefined)[];
}

export interface ColumnarSheet {
  name: string;
  /** 0-based sheet coordinates of the used range's top-left cell. */
  origin: { row: number; col: number };
  /** Rows in the used range. */
  rowCount: number;
  /** Index j = sheet column origin.col + j. */
  columns: SheetColumn[];
  /** Merged areas in sheet coordinates, when the reader knows them. */
  merges?: RangeRef[];
  /** Hidden rows (by hand or by a filter), 0-based sheet rows, ascending, when the reader knows. */
  hiddenRows?: number[];
  /** Numbers shown as a percentage (`0%`, `0.0%`), as 0-based sheet row, column pairs: see RowSheet. */
  percentCells?: number[];
  /** The sheet is hidden in its workbook: see RowSheet. */
  hidden?: boolean;
  /** Cells per row as the reader gave them, when rows differ in width (CSV). */
  rowWidths?: Uint32Array;
}

export interface ColumnarWorkbook {
  /** Where it came from, for messages: a file name. */
  source: string;
  sheets: ColumnarSheet[];
}

/** The cell at 0-based sheet coordinates, exactly as `SheetData`'s `cellAt` would give it. */
export function columnarCellAt(sheet: ColumnarSheet, row: number, col: number): Cell {
  const i = row - sheet.origin.row;
  const j = col - sheet.origin.col;
  if (i < 0 || i >= sheet.rowCount || j < 0) return null;
  const column = sheet.columns[j];
  if (!column) return null;
  if (sheet.rowWidths && j >= (sheet.rowWidths[i] ?? 0)) return null;
  const o = column.other?.[i];
  if (o !== undefined) return o;
  const n = column.num[i] ?? NaN;
  return n === n ? n : null;
}

/** Today's `SheetData`, row by row, for the code that has not moved onto columns yet. */
export function toSheetData(sheet: ColumnarSheet): RowSheet {
  const rows: Cell[][] = [];
  const width = sheet.columns.length;
  for (let i = 0; i < sheet.rowCount; i++) {
    const w = sheet.rowWidths ? (sheet.rowWidths[i] ?? 0) : width;
    const row = new Array<Cell>(w);
    for (let j = 0; j < w; j++) row[j] = cellOf(sheet.columns[j], i);
    rows.push(row);
  }
  const out: RowSheet = { name: sheet.name, origin: { ...sheet.origin }, rows };
  if (sheet.merges) out.merges = sheet.merges;
  if (sheet.hiddenRows) out.hiddenRows = sheet.hiddenRows;
  if (sheet.percentCells) out.percentCells = sheet.percentCells;
  if (sheet.hidden) out.hidden = true;
  return out;
}

export function cellOf(column: SheetColumn | undefined, i: number): Cell {
  if (!column) return null;
  const o = column.other?.[i];
  if (o !== undefined) return o;
  const n = column.num[i] ?? NaN;
  return n === n ? n : null;
}

/** Columns from rows (the pane's reader, tests). */
export function fromSheetData(sheet: RowSheet): ColumnarSheet {
  let width = 0;
  let ragged = false;
  for (const r of sheet.rows) {
    if (r.length !== width && width !== 0) ragged = true;
    if (r.length > width) width = r.length;
  }
  if (sheet.rows.some((r) => r.length !== width)) ragged = true;
  const n = sheet.rows.length;
  const columns: SheetColumn[] = [];
  for (let j = 0; j < width; j++) columns.push({ num: new Float64Array(n).fill(NaN) });
  sheet.rows.forEach((r, i) => {
    r.forEach((v, j) => {
      const column = columns[j];
      if (column) putCell(column, i, v);
    });
  });
  const out: ColumnarSheet = {
    name: sheet.name,
    origin: { ...sheet.origin },
    rowCount: n,
    columns,
  };
  if (sheet.merges) out.merges = sheet.merges;
  if (sheet.hiddenRows) out.hiddenRows = sheet.hiddenRows;
  if (sheet.percentCells) out.percentCells = sheet.percentCells;
  if (sheet.hidden) out.hidden = true;
  if (ragged) out.rowWidths = Uint32Array.from(sheet.rows, (r) => r.length);
  return out;
}

/** Store one cell in a column whose `num` already has room for row `i`. */
export function putCell(column: SheetColumn, i: number, v: Cell | undefined): void {
  if (typeof v === 'number' && v === v) {
    column.num[i] = v;
    if (column.other && column.other[i] !== undefined) column.other[i] = undefined;
    return;
  }
  column.num[i] = NaN;
  if (v === null || v === undefined) {
    if (column.other && column.other[i] !== undefined) column.other[i] = undefined;
    return;
  }
  (column.other ??= [])[i] = v;
}

/**
 * Builds a ColumnarSheet from cells set at absolute sheet coordinates, in any order (a sheet's
 * XML may repeat or reorder rows). `finish()` trims to the used range: the bounding box of the
 * cells that are not blank, as today's readers compute it.
 */
export class ColumnarBuilder {
  private cols: (SheetColumn | undefined)[] = [];
  private capacity = 0;
  private maxRow = -1;

  constructor(expectedRows = 64) {
    this.capacity = Math.max(16, expectedRows);
  }

  /**
   * Rows each column holds room for; a cell at or past it doubles the room of every column
   * (`grow`). Readers bound what they allocate by it (src/xlsx/sheet-bounds.ts).
   */
  get rowCapacity(): number {
    return this.capacity;
  }

  private column(col: number, row: number): SheetColumn {
    if (row >= this.capacity) this.grow(row + 1);
    let c = this.cols[col];
    if (!c) {
      c = { num: new Float64Array(this.capacity).fill(NaN) };
      this.cols[col] = c;
    }
    return c;
  }

  private grow(rows: number): void {
    let cap = this.capacity;
    while (cap < rows) cap *= 2;
    for (const c of this.cols) {
      if (!c) continue;
      const num = new Float64Array(cap).fill(NaN, this.capacity);
      num.set(c.num);
      c.num = num;
    }
    this.capacity = cap;
  }

  /** A number cell (NaN included: it is kept as a cell, as exceljs gives it). */
  setNumber(row: number, col: number, value: number): void {
    const c = this.column(col, row);
    if (row > this.maxRow) this.maxRow = row;
    if (value === value) {
      c.num[row] = value;
      if (c.other && c.other[row] !== undefined) c.other[row] = undefined;
    } else {
      c.num[row] = NaN;
      (c.other ??= [])[row] = value;
    }
  }

  set(row: number, col: number, value: Cell): void {
    if (typeof value === 'number') return this.setNumber(row, col, value);
    if (value === null) {
      const c = this.cols[col];
      if (c && row < this.capacity) {
        c.num[row] = NaN;
        if (c.other && c.other[row] !== undefined) c.other[row] = undefined;
      }
      return;
    }
    const c = this.column(col, row);
    if (row > this.maxRow) this.maxRow = row;
    c.num[row] = NaN;
    (c.other ??= [])[row] = value;
  }

  /** Blank every cell of a merged area but its top-left one (only that one holds the value). */
  clearRange(r: RangeRef): void {
    const last = Math.min(r.bottom, this.capacity - 1);
    for (let col = r.left; col <= r.right && col < this.cols.length; col++) {
      const c = this.cols[col];
      if (!c) continue;
      for (let row = r.top; row <= last; row++) {
        if (row === r.top && col === r.left) continue;
        c.num[row] = NaN;
        if (c.other && c.other[row] !== undefined) c.other[row] = undefined;
      }
    }
  }

  /** The used range: the bounding box of cells that are not blank. */
  finish(name: string, merges?: RangeRef[]): ColumnarSheet {
    let top = Infinity;
    let bottom = -1;
    let left = Infinity;
    let right = -1;
    this.cols.forEach((c, col) => {
      if (!c) return;
      const last = Math.min(this.maxRow, this.capacity - 1);
      let first = -1;
      let end = -1;
      for (let i = 0; i <= last; i++) {
        if (filled(c, i)) {
          first = i;
          break;
        }
      }
      if (first < 0) return;
      for (let i = last; i >= first; i--) {
        if (filled(c, i)) {
          end = i;
          break;
        }
      }
      if (first < top) top = first;
      if (end > bottom) bottom = end;
      if (col < left) left = col;
      if (col > right) right = col;
    });
    if (bottom < 0) {
      const empty: ColumnarSheet = { name, origin: { row: 0, col: 0 }, rowCount: 0, columns: [] };
      if (merges) empty.merges = merges;
      return empty;
    }
    const rowCount = bottom - top + 1;
    const columns: SheetColumn[] = [];
    for (let col = left; col <= right; col++) columns.push(this.take(col, top, rowCount));
    this.cols = [];
    const out: ColumnarSheet = { name, origin: { row: top, col: left }, rowCount, columns };
    if (merges) out.merges = merges;
    return out;
  }

  /**
   * Rows 0..rowCount-1 as they stand, origin (0, 0), every row `width` wide unless `rowWidths`
   * says otherwise: the CSV reader's shape, where the used range always starts at A1.
   */
  finishFromTop(
    name: string,
    rowCount: number,
    width: number,
    rowWidths?: Uint32Array,
  ): ColumnarSheet {
    const columns: SheetColumn[] = [];
    for (let col = 0; col < width; col++) columns.push(this.take(col, 0, rowCount));
    this.cols = [];
    const out: ColumnarSheet = { name, origin: { row: 0, col: 0 }, rowCount, columns };
    if (rowWidths) out.rowWidths = rowWidths;
    return out;
  }

  private take(col: number, top: number, rowCount: number): SheetColumn {
    const c = this.cols[col];
    if (!c) return { num: new Float64Array(rowCount).fill(NaN) };
    let num: Float64Array;
    if (top === 0 && c.num.length <= rowCount * 1.25) num = c.num.subarray(0, rowCount);
    else if (top + rowCount <= c.num.length) num = c.num.slice(top, top + rowCount);
    else {
      num = new Float64Array(rowCount).fill(NaN);
      num.set(c.num.subarray(top, Math.min(c.num.length, top + rowCount)));
    }
    const out: SheetColumn = { num };
    if (c.other) {
      const other =
        top === 0 && c.other.length <= rowCount ? c.other : c.other.slice(top, top + rowCount);
      if (other.some((v) => v !== undefined)) out.other = other;
    }
    return out;
  }
}

function filled(c: SheetColumn, i: number): boolean {
  const n = c.num[i] ?? NaN;
  return n === n || (c.other !== undefined && c.other[i] !== undefined);
}
