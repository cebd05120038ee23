import type { Cell } from '../model/cell';
import { asRows, type SheetData } from '../model/workbook';

/**
 * The targets table's rows as the office sees them. A `95%` or `2%` typed into Excel is stored
 * as 0.95 or 0.02 in a cell formatted as a percentage; read as the number, C10's 目标 would be
 * "≥0.95" (met by any coverage at all) and a 容差 of 2 points 0.02. A number the reader says is
 * shown as a percentage is therefore read as the text it shows (`95%`), whose unit is then
 * checked against the indicator's like any written unit: 95% for a % indicator, refused for a ‰
 * one. A CSV has no formats: `95%` there is text already. A merged cell's value is read in every
 * row it spans.
 */
export function targetRows(sheet: SheetData): Cell[][] {
  const rows = asRows(sheet).rows;
  const at = sheet.percentCells ?? [];
  const merges = sheet.merges ?? [];
  if (at.length === 0 && merges.length === 0) return rows;
  const out = rows.map((r) => r.slice());
  const { row: top, col: left } = sheet.origin;
  for (let k = 0; k + 1 < at.length; k += 2) {
    const row = out[(at[k] as number) - sheet.origin.row];
    const j = (at[k + 1] as number) - sheet.origin.col;
    const v = row?.[j];
    if (row && typeof v === 'number' && Number.isFinite(v)) row[j] = percentText(v);
  }
  // A cell merged down rows (one 目标 over C06 and C07, one 目标年份 down a column) holds for
  // every row it spans. Merges across columns (a header over two) are left as they are.
  for (const m of merges) {
    if (m.left !== m.right || m.bottom <= m.top) continue;
    const v = out[m.top - top]?.[m.left - left];
    if (v === undefined || v === null) continue;
    for (let r = m.top + 1; r <= m.bottom; r++) {
      const row = out[r - top];
      if (row && m.left - left >= 0) row[m.left - left] = v;
    }
  }
  return out;
}

/** 0.95 → `95%`, 0.0725 → `7.25%` (the float noise of ×100 rounded away). */
export function percentText(v: number): string {
  return `${Number((v * 100).toPrecision(12))}%`;
}
