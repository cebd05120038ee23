import { CellError, type Cell } from '../core/model/cell';

/** Excel's dates: 1900-01-01 (1899-12-30 is serial 0 in the 1900 system) to 9999-12-31. */
const FIRST = Date.UTC(1899, 11, 30);
const LAST = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * A date cell as the engine reads it: its day, `2024-01-01`. A number in a date format that is
 * no date Excel can show (a count of 123,456,789 in a column formatted as dates: Excel shows
 * `########`) is `#NUM!`, which the audit reports by its cell: never a crash, never a made-up day.
 */
export function dateCell(d: Date): Cell {
  const t = d.getTime();
  if (!(t >= FIRST && t <= LAST)) return new CellError('#NUM!');
  return d.toISOString().slice(0, 10);
}
