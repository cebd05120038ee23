import type { Cell } from './cell';
import type { RangeRef } from './a1';

/**
 * One sheet's used range as values. `rows[i][j]` is the cell at sheet row `origin.row + i`,
 * column `origin.col + j` (0-based), so A1 addresses survive a used range that does not
 * start at A1.
 */
export interface SheetData {
  name: string;
  origin: { row: number; col: number };
  rows: Cell[][];
  /** Merged areas, in sheet coordinates, when the reader knows them. */
  merges?: RangeRef[];
}

export interface WorkbookData {
  /** Where it came from, for messages: a file name or "当前工作簿". */
  source: string;
  sheets: SheetData[];
}

export function cellAt(sheet: SheetData, row: number, col: number): Cell {
  const r = sheet.rows[row - sheet.origin.row];
  if (!r) return null;
  const v = r[col - sheet.origin.col];
  return v === undefined ? null : v;
}

export function rowCount(sheet: SheetData): number {
  return sheet.rows.length;
}

export function columnCount(sheet: SheetData): number {
  let n = 0;
  for (const r of sheet.rows) if (r.length > n) n = r.length;
  return n;
}
