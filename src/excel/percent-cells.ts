import { rangeA1 } from '../core/model/a1';
import { isPercentFormat } from '../core/model/number-format';
import type { RowSheet } from '../core/model/workbook';
import { isTargetSheetName } from '../core/targets/apply';

/**
 * Which numbers of the open workbook's targets sheet (指标目标) are shown as a percentage, as
 * the file readers say (`SheetData.percentCells`): a `95%` typed into Excel is the number 0.95
 * formatted `0%`, and the targets table must read it as 95%, not "≥0.95" (targets/cells.ts).
 * Only targets sheets are asked, in one more request, and only their number formats: a form's
 * sheets never pay for it. A host that cannot answer leaves the list unset.
 */
export interface FormatRange {
  load(propertyNames: string): unknown;
  readonly numberFormat: unknown;
}

export interface FormatSheet {
  getRange(address?: string): FormatRange;
}

/** A targets table larger than this is no office's targets table: its formats are not read. */
const MAX_CELLS = 20_000;

export async function readPercentCells(
  context: { sync(): Promise<unknown> },
  pairs: readonly { sheet: FormatSheet; data: RowSheet }[],
): Promise<void> {
  try {
    const pending = pairs.flatMap(({ sheet, data }) => {
      const rows = data.rows.length;
      const cols = data.rows.reduce((n, r) => Math.max(n, r.length), 0);
      if (!isTargetSheetName(data.name) || rows === 0 || cols === 0) return [];
      if (rows * cols > MAX_CELLS) return [];
      if (!data.rows.some((r) => r.some((v) => typeof v === 'number'))) return [];
      const { row, col } = data.origin;
      const range = sheet.getRange(
        rangeA1({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
      );
      range.load('numberFormat');
      return [{ data, range }];
    });
    if (pending.length === 0) return;
    await context.sync();
    for (const { data, range } of pending) {
      const formats = range.numberFormat;
      if (!Array.isArray(formats)) continue;
      const found: number[] = [];
      data.rows.forEach((r, i) => {
        const f = formats[i] as unknown;
        if (!Array.isArray(f)) return;
        r.forEach((v, j) => {
          if (typeof v === 'number' && isPercentFormat(String(f[j] ?? '')))
            found.push(data.origin.row + i, data.origin.col + j);
        });
      });
      if (found.length > 0) data.percentCells = found;
    }
  } catch {
    // An older host, or a request Excel refused: the sheet is read as its values.
  }
}
