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
  /** The cell its bottom-right corner reaches (exclusive): the chart's size in cells. */
  to: string;
  /** The value axis as a percentage scale from 0 to 100 (a share met), else automatic. */
  percentAxis?: boolean;
}

/**
 * A header or footer line of a printed page: text, and fields the adapter turns into the
 * spreadsheet's own codes (`&P`, `&N`), in three parts.
 */
export type PageField = 'page' | 'pages' | 'sheet';
export type HeaderFooterText = (string | { field: PageField })[];
export interface HeaderFooter {
  left?: HeaderFooterText;
  center?: HeaderFooterText;
  right?: HeaderFooterText;
}

/** An inclusive span of 0-based rows or columns. */
export interface Span {
  first: number;
  last: number;
}

/**
 * How a sheet prints, as data that both adapters apply (exceljs `pageSetup`, Office.js
 * `pageLayout`). Pages are A4.
 */
export interface PrintSetup {
  orientation: 'portrait' | 'landscape';
  /** Fit to this many pages wide, as many pages tall as needed; absent: print at 100%. */
  fitToWidth?: number;
  /** Rows repeated at the top of every page (the header rows). */
  titleRows?: Span;
  /** Columns repeated at the left of every page (the indicator or unit names). */
  titleColumns?: Span;
  /** Margins in inches (the unit of the file format). */
  margins?: {
    left: number;
    right: number;
    top: number;
    bottom: number;
    header: number;
    footer: number;
  };
  centerHorizontally?: boolean;
  header?: HeaderFooter;
  footer?: HeaderFooter;
  /** 0-based rows that begin a new page (a manual page break above each). */
  breaksBefore?: number[];
}

/** Columns grouped in an outline (one level), collapsed (hidden) when `collapsed`. */
export interface ColumnGroup extends Span {
  collapsed: boolean;
}

/** Which of Tally's report sheets a sheet is: the pane replaces each role's previous sheet. */
export type ReportRole = 'summary' | 'units' | 'narrative' | 'quality';

export interface OutputSheet {
  name: string;
  role?: ReportRole;
  rows: OutputCell[][];
  /** Column widths in characters. */
  columnWidths?: number[];
  /** Row heights in points, where the engine knows better than the default (wrapped text). */
  rowHeights?: (number | undefined)[];
  frozenRows?: number;
  frozenColumns?: number;
  /** A list (A1, `A1:I304`) with filter buttons on its first row, to filter by any column. */
  autoFilter?: string;
  /** Merged areas in A1 (`A1:F1`). */
  merges?: string[];
  charts?: ChartSpec[];
  print?: PrintSetup;
  /** Ranges (A1) to draw thin borders around every cell of: the tables of the sheet. */
  borders?: string[];
  /** Internal columns kept at the right in a collapsed outline group. */
  columnGroups?: ColumnGroup[];
  /** Data validation: whole numbers ≥ min in a range (A1). */
  validations?: { range: string; kind: 'wholeNumber'; min: number; message: string }[];
}

export interface OutputWorkbook {
  sheets: OutputSheet[];
}

/** The margins of a printed table (inches): narrow, with room for a header and a footer. */
export const TABLE_MARGINS = {
  left: 0.4,
  right: 0.4,
  top: 0.6,
  bottom: 0.6,
  header: 0.25,
  footer: 0.25,
} as const;

/** `&` is the escape of the header and footer codes: text keeps it as `&&`. */
export function headerFooterCode(text: HeaderFooterText | undefined): string {
  const codes: Record<PageField, string> = { page: '&P', pages: '&N', sheet: '&A' };
  return (text ?? [])
    .map((part) => (typeof part === 'string' ? part.replace(/&/g, '&&') : codes[part.field]))
    .join('');
}

/** A whole header or footer as one code string: `&L…&C…&R…`. */
export function headerFooterString(hf: HeaderFooter | undefined): string {
  if (!hf) return '';
  return (['left', 'center', 'right'] as const)
    .filter((k) => hf[k] && hf[k].length > 0)
    .map((k) => `&${k === 'left' ? 'L' : k === 'center' ? 'C' : 'R'}${headerFooterCode(hf[k])}`)
    .join('');
}

/** Text that a spreadsheet would take as a formula if written as a plain value. */
export function looksLikeFormula(text: string): boolean {
  return /^[=+\-@]/.test(text);
}

/** Display width of text in character units: CJK and full-width characters count two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (let i = 0; i < text.length; i++) w += charWidth(text.charCodeAt(i));
  return w;
}

/** 2 for a wide character (CJK, Hangul, full-width forms), else 1; a surrogate half counts ½. */
export function charWidth(c: number): number {
  if (c >= 0xd800 && c <= 0xdfff) return 0.5;
  return (c >= 0x1100 && c <= 0x115f) ||
    (c >= 0x2e80 && c <= 0xa4cf) ||
    (c >= 0xac00 && c <= 0xd7a3) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    (c >= 0xfe30 && c <= 0xfe4f) ||
    (c >= 0xff00 && c <= 0xff60) ||
    (c >= 0xffe0 && c <= 0xffe6)
    ? 2
    : 1;
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

/**
 * A cell as it reads: a number with the decimals of its number format (`0.00` → `92.76`, and
 * `0.00"*"` → `0.76*`), text as it is, a blank as empty. For writers of documents, not sheets.
 */
export function cellText(cell: OutputCell | undefined): string {
  if (!cell || cell.value === null) return '';
  if (typeof cell.value !== 'number') return String(cell.value);
  const m = /^0(?:\.(0+))?(?:"([^"]*)")?$/.exec(cell.numberFormat ?? '');
  return m ? cell.value.toFixed(m[1]?.length ?? 0) + (m[2] ?? '') : String(cell.value);
}
