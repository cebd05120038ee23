import { cellText, isBlank, type Cell } from '../model/cell';
import { rowOf, type SheetData } from '../model/workbook';

/** Row access shared by the header, extent and value readers of a sheet. */
export interface PositionedCell {
  col: number;
  value: Cell;
}

export function rowCells(sheet: SheetData, row: number, left: number): PositionedCell[] {
  return rowOf(sheet, row).map((value, j) => ({ col: left + j, value }));
}

/** The row's non-blank cells. */
export function filledCells(sheet: SheetData, row: number, left: number): PositionedCell[] {
  const out: PositionedCell[] = [];
  rowOf(sheet, row).forEach((value, j) => {
    if (!isBlank(value)) out.push({ col: left + j, value });
  });
  return out;
}

export function textOf(v: Cell): string {
  return isBlank(v) ? '' : cellText(v).trim();
}

/** The lines above a sheet row (a header's top), each as one text: `2025年妇幼健康统计表`. */
export function titlesAbove(sheet: SheetData, headerTop: number): string[] {
  const titles: string[] = [];
  for (let row = sheet.origin.row; row < headerTop; row++) {
    const t = rowCells(sheet, row, sheet.origin.col)
      .filter((c) => !isBlank(c.value))
      .map((c) => textOf(c.value))
      .join(' ');
    if (t) titles.push(t);
  }
  return titles;
}
