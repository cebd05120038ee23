import { parseRange, rangeA1 } from '../model/a1';
import { displayWidth, wrappedHeight, type OutputCell, type OutputSheet } from './spec';

/**
 * Excel's limits on a sheet description, applied before it is written:
 *
 * - A row is at most 409 points high; setting more fails the whole write with InvalidArgument.
 *   A row holding one wrapped text (a narrative paragraph, a long explanation quoted in the
 *   report) that would need more is written as several rows, cut between sentences, each at
 *   most 409 points; the rows below move down (merges and chart ranges with them). Any other
 *   row taller than that keeps its text whole and is given 409 points.
 * - A cell holds at most 32,767 characters; a longer text is cut there with an ellipsis (a
 *   one-text row is split before that happens).
 *
 * Pure: the Excel adapter applies it, and the file writer may.
 */

export const MAX_ROW_HEIGHT = 409;
export const MAX_CELL_CHARS = 32_767;
const LINE_HEIGHT = 16;

/** The lone wrapped text of a row, if the row is one (every other cell empty). */
function loneText(row: readonly OutputCell[]): { index: number; cell: OutputCell } | undefined {
  let found: { index: number; cell: OutputCell } | undefined;
  for (const [index, cell] of row.entries()) {
    const empty = cell.value === null || cell.value === '';
    if (empty && cell.formula === undefined) continue;
    if (found || typeof cell.value !== 'string' || !cell.wrap || cell.formula !== undefined) {
      return undefined;
    }
    found = { index, cell };
  }
  return found;
}

/** Pieces of a text: sentences (kept with their end mark), or runs of characters if one is long. */
function pieces(text: string, width: number, maxLines: number): string[] {
  const sentences = text.match(/[^。！？；.!?;\n]*[。！？；.!?;\n]+|[^。！？；.!?;\n]+$/g) ?? [
    text,
  ];
  const out: string[] = [];
  const perPiece = Math.max(1, (width - 1) * maxLines);
  for (const s of sentences) {
    if (displayWidth(s) <= perPiece) {
      out.push(s);
      continue;
    }
    let run = '';
    let runWidth = 0;
    for (const ch of s) {
      const w = displayWidth(ch);
      if (runWidth + w > perPiece) {
        out.push(run);
        run = '';
        runWidth = 0;
      }
      run += ch;
      runWidth += w;
    }
    if (run) out.push(run);
  }
  return out;
}

/** How many lines a growing text wraps to in a column of `width` characters (as wrappedHeight). */
class Lines {
  constructor(
    private readonly width: number,
    private readonly done = 0,
    private readonly last = 0,
  ) {}

  private wrap(w: number): number {
    return Math.max(1, Math.ceil(w / Math.max(1, this.width - 1)));
  }

  plus(piece: string): Lines {
    const segments = piece.split('\n');
    let done = this.done;
    let last = this.last + displayWidth(segments[0] ?? '');
    for (const seg of segments.slice(1)) {
      done += this.wrap(last);
      last = displayWidth(seg);
    }
    return new Lines(this.width, done, last);
  }

  lines(): number {
    return this.done + this.wrap(this.last);
  }
}

/** A text cut into parts that each wrap within `max` points in a column of `width` characters. */
export function splitText(text: string, width: number, max = MAX_ROW_HEIGHT): string[] {
  const maxLines = Math.max(1, Math.floor(max / LINE_HEIGHT));
  const parts: string[] = [];
  let current = '';
  // The lines `current` wraps to, kept as it grows (no re-measuring the whole text each time).
  let height = new Lines(width);
  for (const p of pieces(text, width, maxLines)) {
    const next = height.plus(p);
    if (current && next.lines() * LINE_HEIGHT > max) {
      parts.push(current.trim());
      current = p;
      height = new Lines(width).plus(p);
    } else {
      current += p;
      height = next;
    }
  }
  if (current.trim()) parts.push(current.trim());
  return parts.length > 0 ? parts : [text];
}

/** Shift the rows of an A1 range at or below `from` down by `by`. */
function shiftRange(address: string, from: number, by: number): string {
  const r = parseRange(address);
  return rangeA1({
    top: r.top >= from ? r.top + by : r.top,
    bottom: r.bottom >= from ? r.bottom + by : r.bottom,
    left: r.left,
    right: r.right,
  });
}

function clip(cell: OutputCell): OutputCell {
  if (typeof cell.value !== 'string' || cell.value.length <= MAX_CELL_CHARS) return cell;
  return { ...cell, value: `${cell.value.slice(0, MAX_CELL_CHARS - 1)}…` };
}

/** Excel's grid: 1,048,576 rows of 16,384 columns. */
export const GRID = { rows: 1_048_576, columns: 16_384 } as const;

/**
 * A description past Excel's grid is a fault of the code that made it (分单位指标 goes on in
 * continuation sheets, the summary lists one level), never to be written as a file Excel
 * would call damaged or cut short: refused here, before any writer.
 */
function checkGrid(sheet: OutputSheet): void {
  let columns = 0;
  for (const r of sheet.rows) if (r.length > columns) columns = r.length;
  if (sheet.rows.length > GRID.rows || columns > GRID.columns)
    throw new Error(
      `sheet ${sheet.name}: ${sheet.rows.length} rows × ${columns} columns, past Excel's ${GRID.rows} × ${GRID.columns}`,
    );
}

/** The sheet as Excel can take it (see above). Returns the same object when nothing changes. */
export function fitToExcel(sheet: OutputSheet): OutputSheet {
  checkGrid(sheet);
  const heights = sheet.rowHeights ?? [];
  const tooTall = heights.some((h) => h !== undefined && h > MAX_ROW_HEIGHT);
  const tooLong = sheet.rows.some((r) =>
    r.some((c) => typeof c.value === 'string' && c.value.length > MAX_CELL_CHARS),
  );
  if (!tooTall && !tooLong) return sheet;
  const rows: OutputCell[][] = [];
  const rowHeights: (number | undefined)[] = [];
  /** [original row, rows added after it] for shifting what refers to rows below. */
  const inserted: [number, number][] = [];
  sheet.rows.forEach((row, r) => {
    const h = heights[r];
    const lone = h !== undefined && h > MAX_ROW_HEIGHT ? loneText(row) : undefined;
    const width = sheet.columnWidths?.[lone?.index ?? 0] ?? 8.43;
    if (!lone) {
      rows.push(row.map(clip));
      rowHeights.push(h !== undefined ? Math.min(h, MAX_ROW_HEIGHT) : undefined);
      return;
    }
    const parts = splitText(String(lone.cell.value), width);
    for (const part of parts) {
      const copy = row.map((c, j) => (j === lone.index ? clip({ ...c, value: part }) : c));
      rows.push(copy);
      rowHeights.push(Math.min(MAX_ROW_HEIGHT, wrappedHeight(part, width, LINE_HEIGHT)));
    }
    if (parts.length > 1) inserted.push([r, parts.length - 1]);
  });
  const shift = (address: string) =>
    inserted.reduceRight((a, [r, by]) => shiftRange(a, r + 1, by), address);
  const out: OutputSheet = { ...sheet, rows, rowHeights };
  if (inserted.length === 0) return out;
  if (sheet.merges) out.merges = sheet.merges.map(shift);
  if (sheet.charts) {
    out.charts = sheet.charts.map((c) => ({
      ...c,
      categories: shift(c.categories),
      anchor: shift(c.anchor),
      to: shift(c.to),
      series: c.series.map((s) => ({ ...s, values: shift(s.values) })),
    }));
  }
  if (sheet.validations) {
    out.validations = sheet.validations.map((v) => ({ ...v, range: shift(v.range) }));
  }
  return out;
}
