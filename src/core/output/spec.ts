/**
 * The description of sheets the engine wants written. Adapters (the Excel add-in, the file writer) apply it;
 * the engine never touches a workbook. Strings are always written as text: an adapter must
 * never let a value that starts with `=`, `+`, `-` or `@` become a formula.
 */
export type OutputValue = number | string | boolean | null;

export interface OutputCell {
  value: OutputValue;
  /**
   * A formula the engine itself built (`SUM(B4:B18)`, without `=`); never text from a user.
   * `value` is then its cached result.
   */
  formula?: string;
  /** An Excel number format, e.g. `0.0`, `0.00"‰"`, `@`. */
  numberFormat?: string;
  /** Fill colour as `#RRGGBB`. */
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  italic?: boolean;
  wrap?: boolean;
  align?: 'left' | 'center' | 'right';
}

export interface ChartSpec {
  kind: 'bar' | 'column';
  title: string;
  /** Ranges in the same sheet, A1 (`B3:B20`). */
  categories: string;
  series: { name: string; values: string }[];
  /** Where to place it: the top-left cell. */
  anchor: string;
}

export interface OutputSheet {
  name: string;
  rows: OutputCell[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Row heights in points, where the engine knows better than the default (wrapped text). */
  rowHeights?: (number | undefined)[];
  frozenRows?: number;
  frozenColumns?: number;
  /** Merged areas in A1 (`A1:F1`). */
  merges?: string[];
  charts?: ChartSpec[];
  /** Print on landscape pages. */
  landscape?: boolean;
  /** Data validation: whole numbers ≥ min in a range (A1). */
  validations?: { range: string; kind: 'wholeNumber'; min: number; message: string }[];
}

export interface OutputWorkbook {
  sheets: OutputSheet[];
}

/** Text that a spreadsheet would take as a formula if written as a plain value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Display width of text in character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text)
    w +=
      /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** The height a wrapped text needs in a column of `width` characters (16 points a line). */
export function wrappedHeight(text: string, width: number, lineHeight = 16): number {
  const lines = text
    .split('\n')
    .reduce(
      (n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / Math.max(1, width - 1))),
      0,
    );
  return lines * lineHeight;
}
