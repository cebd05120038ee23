import type { Cell } from './cell';
import type { RangeRef } from './a1';
import { cellOf, columnarCellAt, toSheetData, type ColumnarSheet } from './columnar';

/**
 * One sheet's used range as values. `rows[i][j]` is the cell at sheet row `origin.row + i`,
 * column `origin.col + j` (0-based), so A1 addresses survive a used range that does not
 * start at A1.
 */
export interface RowSheet {
  name: string;
  origin: { row: number; col: number };
  rows: Cell[][];
  /** Merged areas, in sheet coordinates, when the reader knows them. */
  merges?: RangeRef[];
  /** Hidden rows (by hand or by a filter), 0-based sheet rows, ascending, when the reader knows. */
  hiddenRows?: number[];
  /**
   * Numbers shown as a percentage (a cell formatted `0%` holding 0.95 shows 95%), as a flat list
   * of 0-based sheet row, column pairs, when the reader knows. Only tables where a typed `95%`
   * matters read it (the targets table: `targets/cells.ts`).
   */
  percentCells?: number[];
  /** The sheet is hidden in its workbook (右键 › 隐藏), when the reader knows. */
  hidden?: boolean;
}

/**
 * A sheet as an adapter hands it over: rows of cells (the Office.js reader, small files,
 * tests), or columns (the file readers, at any size: model/columnar.ts). Read it through the
 * accessors below, never `rows` directly, so both kinds serve every reader.
 */
export type SheetData = RowSheet | ColumnarSheet;

export function isColumnar(sheet: SheetData): sheet is ColumnarSheet {
  return 'columns' in sheet;
}

/** The sheet as rows, for code that reads a small sheet whole (a rule table, 审核说明). */
export function asRows(sheet: SheetData): RowSheet {
  return isColumnar(sheet) ? toSheetData(sheet) : sheet;
}

export interface WorkbookData<S extends SheetData = SheetData> {
  /** Where it came from, for messages: a file name or "当前工作簿". */
  source: string;
  sheets: S[];
}

export function cellAt(sheet: SheetData, row: number, col: number): Cell {
  if (isColumnar(sheet)) return columnarCellAt(sheet, row, col);
  const r = sheet.rows[row - sheet.origin.row];
  if (!r) return null;
  const v = r[col - sheet.origin.col];
  return v === undefined ? null : v;
}

export function rowCount(sheet: SheetData): number {
  return isColumnar(sheet) ? sheet.rowCount : sheet.rows.length;
}

export function columnCount(sheet: SheetData): number {
  if (isColumnar(sheet)) return sheet.columns.length;
  let n = 0;
  for (const r of sheet.rows) if (r.length > n) n = r.length;
  return n;
}

/** How many cells `rowOf` gives for a sheet row (0-based). */
export function rowWidth(sheet: SheetData, row: number): number {
  const i = row - sheet.origin.row;
  if (!isColumnar(sheet)) return sheet.rows[i]?.length ?? 0;
  if (i < 0 || i >= sheet.rowCount) return 0;
  return sheet.rowWidths ? (sheet.rowWidths[i] ?? 0) : sheet.columns.length;
}

/** `rowOf(sheet, row)[j]`, without making the row. */
export function rowCellAt(sheet: SheetData, row: number, j: number): Cell {
  return cellAt(sheet, row, sheet.origin.col + j);
}

/** The cells of one sheet row (0-based), from the used range's first column; [] outside it. */
export function rowOf(sheet: SheetData, row: number): Cell[] {
  const i = row - sheet.origin.row;
  if (!isColumnar(sheet)) return sheet.rows[i] ?? [];
  if (i < 0 || i >= sheet.rowCount) return [];
  const w = sheet.rowWidths ? (sheet.rowWidths[i] ?? 0) : sheet.columns.length;
  const out = new Array<Cell>(w);
  for (let j = 0; j < w; j++) out[j] = cellOf(sheet.columns[j], i);
  return out;
}

/** How many cells the sheet's used range holds (for choosing the worker, progress). */
export function cellCount(sheet: SheetData): number {
  if (isColumnar(sheet)) return sheet.rowCount * sheet.columns.length;
  let n = 0;
  for (const r of sheet.rows) n += r.length;
  return n;
}
