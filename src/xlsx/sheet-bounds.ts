import { UnreadableInputError } from '../core/errors';
import { a1 } from '../core/model/a1';
import { FILE_LIMITS, formatCount } from './limits';

/**
 * The limits of one sheet (README, "Limits"), checked as its XML is scanned: by `xlsx-guard.ts`
 * before exceljs reads a workbook, and by `xlsx-columnar.ts` as it reads one. Each check throws
 * an UnreadableInputError naming the file, the sheet and the cell, range or columns.
 */

/** Cells counted across a workbook's sheets. */
export interface CellCount {
  cells: number;
}

/**
 * `XFD1048576` → row and column (1-based), Infinity past any sheet; undefined if not a cell
 * reference. By hand, without a regular expression: it runs for every cell of every sheet.
 */
export function cellRef(ref: string): { row: number; col: number } | undefined {
  let i = 0;
  const n = ref.length;
  while (i < n && ref.charCodeAt(i) <= 32) i++;
  if (ref.charCodeAt(i) === 36) i++; // $
  let col = 0;
  let letters = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    col = col * 26 + (c - 96);
    letters++;
  }
  if (ref.charCodeAt(i) === 36) i++;
  let row = 0;
  let digits = 0;
  for (; i < n; i++) {
    const c = ref.charCodeAt(i);
    if (c < 48 || c > 57) break;
    row = row * 10 + (c - 48);
    digits++;
  }
  while (i < n && ref.charCodeAt(i) <= 32) i++;
  if (letters === 0 || digits === 0 || i !== n) return undefined;
  return { row: digits > 9 ? Infinity : row, col: letters > 4 ? Infinity : col };
}

/** `A1:C3` → its corners, 1-based; a single cell is a range of one. */
export function rangeRef(ref: string): {
  top: number;
  left: number;
  bottom: number;
  right: number;
} {
  const [a = '', b = a] = ref.split(':');
  const from = cellRef(a) ?? { row: 1, col: 1 };
  const to = cellRef(b) ?? from;
  return {
    top: Math.min(from.row, to.row),
    left: Math.min(from.col, to.col),
    bottom: Math.max(from.row, to.row),
    right: Math.max(from.col, to.col),
  };
}

/** Column letters of a 1-based column number (for messages). */
export function columnName(col: number): string {
  if (!Number.isFinite(col)) return '?';
  let s = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26))
    s = String.fromCharCode(65 + ((c - 1) % 26)) + s;
  return s;
}

export class SheetBounds {
  private merges = 0;
  private merged = 0;
  // The values kept: their bounding box, the last row and the columns holding any (1-based).
  private top = Infinity;
  private left = Infinity;
  private bottom = 0;
  private right = 0;
  private room = 0;
  private readonly used = new Uint8Array(FILE_LIMITS.columns + 1);
  private columns = 0;
  /** Bit r: a `<row>` numbered r has been seen (`row`). */
  private seenRows: Uint8Array | undefined;

  constructor(
    private readonly file: string,
    private readonly sheet: string,
    private readonly count: CellCount,
  ) {}

  private beyond(key: 'limit.dimension' | 'limit.cell', params: Record<string, string>) {
    return new UnreadableInputError(key, {
      file: this.file,
      sheet: this.sheet,
      rows: formatCount(FILE_LIMITS.rows),
      cols: formatCount(FILE_LIMITS.columns),
      ...params,
    });
  }

  /** `<dimension ref>`: no further than Excel's last row and column. */
  dimension(ref: string): void {
    const d = rangeRef(ref);
    if (d.bottom > FILE_LIMITS.rows || d.right > FILE_LIMITS.columns)
      throw this.beyond('limit.dimension', { ref });
  }

  /** `<col min max>`: a column range within Excel's columns. */
  cols(min: string | undefined, max: string | undefined): void {
    const lo = Number(min ?? '1');
    const hi = Number(max ?? '1');
    if (lo >= 1 && hi >= lo && hi <= FILE_LIMITS.columns) return;
    throw new UnreadableInputError('limit.cols', {
      file: this.file,
      sheet: this.sheet,
      min: min ?? '',
      max: max ?? '',
      cols: formatCount(FILE_LIMITS.columns),
    });
  }

  /** A `<row>` numbered `r` (1-based; NaN or Infinity when unreadable), written as `shown`. */
  row(r: number, shown: string = String(r)): void {
    if (r > FILE_LIMITS.rows) throw this.beyond('limit.cell', { cell: `A${shown}` });
    // Row 0 is no row of a sheet: its cells would be dropped without a word (exceljs drops them).
    if (r < 1)
      throw new UnreadableInputError('limit.rowNumber', {
        file: this.file,
        sheet: this.sheet,
        row: shown,
      });
    if (!Number.isInteger(r)) return; // an unreadable number: each reader refuses it its own way
    // A row written twice: exceljs keeps the second and drops the first's cells without a word.
    // Which holds the figures nobody can say, so it is refused. A bit per row: 128 KB a sheet.
    const seen = (this.seenRows ??= new Uint8Array((FILE_LIMITS.rows >> 3) + 1));
    const bit = 1 << (r & 7);
    const at = r >> 3;
    if ((seen[at] as number) & bit)
      throw new UnreadableInputError('limit.rowTwice', {
        file: this.file,
        sheet: this.sheet,
        row: shown,
      });
    seen[at] = (seen[at] as number) | bit;
  }

  /** A `<c>` at `row`, `col` (1-based): within Excel's sheet, and one more cell in the workbook. */
  cell(row: number, col: number, ref: string | undefined): void {
    if (col > FILE_LIMITS.columns || row > FILE_LIMITS.rows)
      throw this.beyond('limit.cell', { cell: ref ?? `${columnName(col)}${row}` });
    if (++this.count.cells > FILE_LIMITS.cells) {
      throw new UnreadableInputError('limit.cells', {
        file: this.file,
        sheet: this.sheet,
        limit: formatCount(FILE_LIMITS.cells),
      });
    }
  }

  /** A merged area: within Excel's sheet, and the sheet's merges within their limits. */
  merge(ref: string): void {
    const m = rangeRef(ref);
    if (m.bottom > FILE_LIMITS.rows || m.right > FILE_LIMITS.columns)
      throw this.beyond('limit.dimension', { ref });
    this.merges++;
    this.merged += (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (this.merges > FILE_LIMITS.merges || this.merged > FILE_LIMITS.mergedCells) {
      throw new UnreadableInputError('limit.merges', {
        file: this.file,
        sheet: this.sheet,
        ref,
        merges: formatCount(FILE_LIMITS.merges),
        cells: formatCount(FILE_LIMITS.mergedCells),
      });
    }
  }

  /**
   * A value a reader keeps at `row`, `col` (1-based, within Excel's sheet): the grid it builds
   * stays within the used-range limit — the values' bounding box, and the room the reader holds
   * for each column that has a value: `room` rows (model/columnar.ts keeps a column from row 1
   * and grows it by doubling; parse.ts passes nothing, `row`).
   */
  value(row: number, col: number, room: number = row): void {
    let grew = false;
    if (!this.used[col]) {
      this.used[col] = 1;
      this.columns++;
      grew = true;
    }
    if (row < this.top) [this.top, grew] = [row, true];
    if (row > this.bottom) [this.bottom, grew] = [row, true];
    if (col < this.left) [this.left, grew] = [col, true];
    if (col > this.right) [this.right, grew] = [col, true];
    if (room > this.room) [this.room, grew] = [room, true];
    if (!grew) return;
    const L = FILE_LIMITS;
    const box = (this.bottom - this.top + 1) * (this.right - this.left + 1);
    const cell = a1(row - 1, col - 1);
    if (box > L.usedRange) {
      throw new UnreadableInputError('limit.usedRange', {
        file: this.file,
        sheet: this.sheet,
        from: a1(this.top - 1, this.left - 1),
        to: cell,
        cells: formatCount(box),
        limit: formatCount(L.usedRange),
      });
    }
    const grid = this.room * this.columns;
    if (grid > L.usedRange) {
      throw new UnreadableInputError('limit.grid', {
        file: this.file,
        sheet: this.sheet,
        cols: formatCount(this.columns),
        row: formatCount(this.bottom),
        cell,
        cells: formatCount(grid),
        limit: formatCount(L.usedRange),
      });
    }
  }
}
