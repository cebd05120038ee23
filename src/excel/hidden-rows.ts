import { rangeA1 } from '../core/model/a1';
import type { RowSheet } from '../core/model/workbook';

/**
 * Which rows of an open sheet are hidden (by hand, or by an AutoFilter), so the pane warns of
 * them as the file readers do (HIDDEN_ROWS): a hidden row's figures are pooled as submitted,
 * and the statistician should know they are there. Read through the visible view of a range
 * (`getVisibleView`, ExcelApi 1.3):
 *   sync 1  per sheet, how many rows of the used range are visible (one number), and whether
 *           the first column is;
 *   sync 2+ only for a sheet with rows hidden: the addresses of the visible cells of one
 *           visible column, in blocks, so no response is large.
 * A host that cannot answer leaves the sheet without the list: the reading never fails for it.
 */

export interface RangeViewProxy {
  load(propertyNames: string): unknown;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly cellAddresses: unknown[][];
}

export interface ViewableRange {
  getVisibleView(): RangeViewProxy;
}

export interface ViewableSheet {
  getRange(address?: string): ViewableRange;
}

export interface ViewContext {
  sync(): Promise<unknown>;
}

/** Rows of visible-cell addresses asked for in one request (one column: ~20 bytes a row). */
export const ADDRESS_BLOCK_ROWS = 50_000;
/** Above this many cells, the addresses of a sheet whose first column is hidden are not read. */
const WIDE_VIEW_CELLS = 200_000;

/** The 0-based sheet row of an address such as `Sheet1!B7`, `'a b'!$B$7` or `B7:B7`. */
export function rowOfAddress(address: unknown): number | undefined {
  if (typeof address !== 'string') return undefined;
  const local = address.slice(address.lastIndexOf('!') + 1);
  const m = /^\$?[A-Za-z]{1,3}\$?(\d+)/.exec(local);
  return m?.[1] ? Number(m[1]) - 1 : undefined;
}

interface Probe {
  data: RowSheet;
  whole: RangeViewProxy;
  first: RangeViewProxy;
}

function columnAddress(data: RowSheet, col: number, top: number, count: number): string {
  return rangeA1({ top, left: col, bottom: top + count - 1, right: col });
}

function probe(sheet: ViewableSheet, data: RowSheet): Probe | undefined {
  const rows = data.rows.length;
  const cols = data.rows[0]?.length ?? 0;
  if (rows === 0 || cols === 0) return undefined;
  const { row, col } = data.origin;
  const used = rangeA1({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 });
  const whole = sheet.getRange(used).getVisibleView();
  whole.load('rowCount,columnCount');
  const first = sheet.getRange(columnAddress(data, col, row, rows)).getVisibleView();
  first.load('columnCount');
  return { data, whole, first };
}

/** The visible rows of `data`'s used range, read from one visible column (or all, if small). */
async function visibleRows(
  context: ViewContext,
  sheet: ViewableSheet,
  p: Probe,
): Promise<Set<number> | undefined> {
  const { data, whole, first } = p;
  const rows = data.rows.length;
  const seen = new Set<number>();
  const collect = (view: RangeViewProxy) => {
    for (const line of view.cellAddresses) {
      const r = rowOfAddress(line[0]);
      if (r !== undefined) seen.add(r);
    }
  };
  if (first.columnCount > 0) {
    for (let off = 0; off < rows; off += ADDRESS_BLOCK_ROWS) {
      const n = Math.min(ADDRESS_BLOCK_ROWS, rows - off);
      const address = columnAddress(data, data.origin.col, data.origin.row + off, n);
      const view = sheet.getRange(address).getVisibleView();
      view.load('cellAddresses');
      await context.sync();
      collect(view);
    }
    return seen;
  }
  // The first column is hidden itself: the whole view's addresses, when they are few. With no
  // column visible at all, nothing can be told (every row would look hidden).
  if (whole.columnCount === 0) return undefined;
  if (whole.rowCount * whole.columnCount > WIDE_VIEW_CELLS) return undefined;
  whole.load('cellAddresses');
  await context.sync();
  collect(whole);
  return seen;
}

/**
 * Set `hiddenRows` on each sheet that has any, as the file readers do (0-based sheet rows,
 * ascending). Sheets are paired with their worksheet proxies; a failure leaves them unset.
 */
export async function readHiddenRows(
  context: ViewContext,
  pairs: readonly { sheet: ViewableSheet; data: RowSheet }[],
): Promise<void> {
  try {
    const probes = pairs.map(({ sheet, data }) => ({ sheet, p: probe(sheet, data) }));
    if (probes.every((x) => x.p === undefined)) return;
    await context.sync();
    for (const { sheet, p } of probes) {
      if (!p || p.whole.rowCount >= p.data.rows.length) continue;
      const visible = await visibleRows(context, sheet, p);
      if (!visible) continue;
      const hidden: number[] = [];
      const top = p.data.origin.row;
      for (let r = top; r < top + p.data.rows.length; r++) if (!visible.has(r)) hidden.push(r);
      if (hidden.length > 0) p.data.hiddenRows = hidden;
    }
  } catch {
    // An older host, or a request Excel refused: the sheet is read without the list.
  }
}
