/**
 * What Tally reads (README, "Limits"). Each is checked before the work it bounds is done — a file
 * before it is read, a workbook's parts before they are inflated, a sheet's extent before its
 * grid is built — so hostile input is refused in a fraction of a second and a little memory,
 * with one line naming the file (and the sheet, part or cell).
 */

import { UnreadableInputError } from '../core/errors';

const MiB = 1024 * 1024;

export const FILE_LIMITS = {
  /** An .xlsx or .csv file, as read from disk or picked in the pane. */
  fileBytes: 64 * MiB,
  /** Parts (files) in an .xlsx package. */
  zipEntries: 10_000,
  /** One part, inflated, as its entry declares it (and as it turns out). */
  partBytes: 256 * MiB,
  /** All parts together, inflated. */
  totalBytes: 512 * MiB,
  /**
   * Inflated ÷ compressed size of one part above `ratioFrom`. Real sheets are 10–20 : 1, very
   * repetitive XML a few hundred; deflate cannot pass about 1,030 : 1, where zip bombs sit.
   */
  ratio: 500,
  ratioFrom: 1 * MiB,
  /** Sheets in a workbook. */
  sheets: 1_000,
  /** Excel's own limits of a sheet. */
  rows: 1_048_576,
  columns: 16_384,
  /** Cells written in a workbook's sheets (`<c>` elements), and fields of a CSV file. */
  cells: 10_000_000,
  /** A sheet's used range, from its first to its last non-blank cell (the grid Tally builds). */
  usedRange: 10_000_000,
  /** Merged areas in one sheet, and the cells they cover together. */
  merges: 10_000,
  mergedCells: 100_000,
  /** Characters in one CSV field (Excel's limit for a cell). */
  fieldChars: 32_767,
} as const;

/**
 * The file limit on a size known before the bytes are read (a file on disk, a file picked in
 * the pane): an UnreadableInputError naming the file past it.
 */
export function checkFileSize(size: number, file: string): void {
  if (size > FILE_LIMITS.fileBytes) throw fileSizeError(size, file);
}

/** The refusal of a file of `size` bytes, past the file limit: a CSV is split by its rows. */
export function fileSizeError(size: number, file: string): UnreadableInputError {
  const csv = /\.(csv|txt|tsv)$/i.test(file);
  return new UnreadableInputError(csv ? 'limit.fileSizeCsv' : 'limit.fileSize', {
    file,
    size: formatBytes(size),
    limit: formatBytes(FILE_LIMITS.fileBytes),
  });
}

/** A size as a reader says it: `64 MB`, `1.5 GB`, `812 KB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * MiB) return `${(n / (1024 * MiB)).toFixed(1)} GB`;
  if (n >= MiB) return `${(n / MiB).toFixed(n >= 10 * MiB ? 0 : 1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** A count as a reader says it: 1,048,576. */
export function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}
