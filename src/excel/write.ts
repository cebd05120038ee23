import { a1, parseA1, rangeA1 } from '../core/model/a1';
import { fitToExcel } from '../core/output/fit';
import type { ChartSpec, OutputCell, OutputSheet } from '../core/output/spec';
import type { ApiCheck } from './context';
import { queueBorders, queueColumnGroups, queuePageLayout } from './print';

/**
 * Applying an output description (src/core/output/spec.ts) to a worksheet with Office.js.
 * Everything is queued: the caller syncs once for the contents of the sheet (writeSheet), and
 * apart for its view (writeSheetView).
 *
 * Text is always written as text: every string cell gets the number format `@` before its
 * value is written (in the same request, in that order), so `=…`, `+…`, `-…`, `@…` and
 * numeric-looking text such as `001` stay exactly what they were.
 */

/**
 * A column width in characters as points: Excel's own conversion for Calibri 11 (7 pixels a
 * character plus 5 pixels of padding, at 0.75 points a pixel); 8.43 characters is 48 points.
 */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const CHART_TYPES: Record<ChartSpec['kind'], 'ColumnClustered' | 'BarClustered'> = {
  column: 'ColumnClustered',
  bar: 'BarClustered',
};

const ALIGN: Record<NonNullable<OutputCell['align']>, 'Left' | 'Center' | 'Right'> = {
  left: 'Left',
  center: 'Center',
  right: 'Right',
};

/** The number format a cell is written with: text is always `@`. */
export function numberFormatOf(cell: OutputCell | undefined): string {
  if (!cell) return 'General';
  if (cell.formula === undefined && typeof cell.value === 'string') return '@';
  return cell.numberFormat ?? 'General';
}

/**
 * The values and number formats of a sheet description as two rectangles: rows `from` to `to`
 * (exclusive; all by default), every row as wide as the widest row of the whole sheet.
 */
export function grids(
  sheet: OutputSheet,
  from = 0,
  to = sheet.rows.length,
  cols = widthOf(sheet),
): {
  rows: number;
  cols: number;
  values: (string | number | boolean)[][];
  formats: string[][];
} {
  const values: (string | number | boolean)[][] = [];
  const formats: string[][] = [];
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    const v: (string | number | boolean)[] = [];
    const f: string[] = [];
    for (let c = 0; c < cols; c++) {
      const cell = row[c];
      // A formula cell is written after the values; its cached value is not written.
      v.push(cell === undefined || cell.formula !== undefined ? '' : (cell.value ?? ''));
      f.push(numberFormatOf(cell));
    }
    values.push(v);
    formats.push(f);
  }
  return { rows: values.length, cols, values, formats };
}

/** The widest row's length, at least 1 (no spread: 100,000 rows). */
function widthOf(sheet: OutputSheet): number {
  return sheet.rows.reduce((n, r) => Math.max(n, r.length), 1);
}

/** The style of a cell that Office.js sets on a range, as a key for runs of equal cells. */
function styleKey(c: OutputCell | undefined): string {
  if (!c) return '';
  return [
    c.fill ?? '',
    c.fontColor ?? '',
    c.bold ? 'b' : '',
    c.italic ? 'i' : '',
    c.wrap ? 'w' : '',
    c.align ?? '',
  ].join('|');
}

/** A rectangle by 0-based row and column, as an A1 address. */
function rect(ws: Excel.Worksheet, row: number, col: number, rows: number, cols: number) {
  return ws.getRange(
    rangeA1({ top: row, left: col, bottom: row + rows - 1, right: col + cols - 1 }),
  );
}

/**
 * Queue writing a sheet description into `ws`, which should be empty. The description is fitted
 * to Excel's limits first (core/output/fit.ts): a text row taller than 409 points becomes
 * several rows, since Excel fails the whole request on such a row.
 */
export function writeSheet(ws: Excel.Worksheet, description: OutputSheet): void {
  const sheet = fitToExcel(description);
  writeRows(ws, sheet, 0, sheet.rows.length, widthOf(sheet));
  writeSheetWide(ws, sheet);
}

/**
 * Cells a request of the pane's carries at most when it writes a sheet in pieces: Excel on the
 * web refuses a request over 5 MB (its JSON in UTF-16, about 40 bytes a cell with its format and
 * style), and a report's 分单位指标 at 100,000 villages is 2.8 million cells.
 */
export const CELLS_PER_REQUEST = 25_000;

/** What one request writes: rows `from`–`to` of a fitted sheet, or (`from` −1) its sheet-wide parts. */
export interface SheetPiece {
  sheet: OutputSheet;
  from: number;
  to: number;
  /** The sheet's width (its widest row), worked out once for all its pieces. */
  cols: number;
}

/**
 * A sheet (already fitted: fitToExcel) cut into pieces of whole rows of about `cells` cells,
 * its sheet-wide parts (merges, widths, heights, borders, charts) last, once every row is in.
 */
export function sheetPieces(sheet: OutputSheet, cells = CELLS_PER_REQUEST): SheetPiece[] {
  const cols = widthOf(sheet);
  const rows = Math.max(1, Math.floor(cells / cols));
  const out: SheetPiece[] = [];
  for (let from = 0; from < sheet.rows.length; from += rows)
    out.push({ sheet, from, to: Math.min(sheet.rows.length, from + rows), cols });
  out.push({ sheet, from: -1, to: -1, cols });
  return out;
}

/** Queue one piece of a sheet (see sheetPieces). */
export function writePiece(ws: Excel.Worksheet, piece: SheetPiece): void {
  if (piece.from < 0) writeSheetWide(ws, piece.sheet);
  else writeRows(ws, piece.sheet, piece.from, piece.to, piece.cols);
}

/** Rows `from`–`to` of a fitted sheet: values, number formats, formulas and cell styles. */
function writeRows(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  from: number,
  to: number,
  width: number,
): void {
  const { rows, cols, values, formats } = grids(sheet, from, to, width);
  if (rows > 0) {
    const all = rect(ws, from, 0, rows, cols);
    all.numberFormat = formats;
    all.values = values;
  }
  for (let r = from; r < to; r++) {
    const row = sheet.rows[r] ?? [];
    row.forEach((cell, c) => {
      if (cell.formula !== undefined) {
        rect(ws, r, c, 1, 1).formulas = [[`=${cell.formula}`]];
      }
    });
    // Runs of cells with the same style get one range each.
    let c = 0;
    while (c < row.length) {
      const key = styleKey(row[c]);
      let end = c + 1;
      while (end < row.length && styleKey(row[end]) === key) end++;
      const spec = row[c];
      if (key !== '' && spec) styleRange(rect(ws, r, c, 1, end - c), spec);
      c = end;
    }
  }
}

/** What belongs to a fitted sheet as a whole: merges, widths and heights, borders, charts. */
function writeSheetWide(ws: Excel.Worksheet, sheet: OutputSheet): void {
  for (const m of sheet.merges ?? []) ws.getRange(m).merge(false);
  (sheet.columnWidths ?? []).forEach((w, i) => {
    rect(ws, 0, i, 1, 1).format.columnWidth = columnWidthPoints(w);
  });
  (sheet.rowHeights ?? []).forEach((h, i) => {
    if (h !== undefined && h > 0) rect(ws, i, 0, 1, 1).format.rowHeight = h;
  });
  queueBorders(ws, sheet);
  for (const chart of sheet.charts ?? []) addChart(ws, chart);
  // Data validations (used by the template, not by the report) need ExcelApi 1.8 and are
  // left to the .xlsx writer.
}

/**
 * Queue the sheet's view and page settings: frozen panes (ExcelApi 1.7), the page layout
 * (ExcelApi 1.9, ./print.ts) and the collapsed column group. Freezing acts on the sheet's
 * view and has failed on hidden or inactive sheets (office-js #3148, #1463, #2196), so the
 * caller sends these apart, once the sheet is visible, and does not let them fail the write.
 */
/** Every ExcelApi set the writer uses is within the manifest's floor (1.13): all supported. */
const ALL: ApiCheck = () => true;

export function writeSheetView(
  ws: Excel.Worksheet,
  sheet: OutputSheet,
  api: ApiCheck = ALL,
): boolean {
  let queued = false;
  const frozenRows = sheet.frozenRows ?? 0;
  const frozenCols = sheet.frozenColumns ?? 0;
  if (frozenRows > 0 || frozenCols > 0) {
    if (frozenRows > 0 && frozenCols > 0) {
      ws.freezePanes.freezeAt(rect(ws, 0, 0, frozenRows, frozenCols));
    } else if (frozenRows > 0) {
      ws.freezePanes.freezeRows(frozenRows);
    } else {
      ws.freezePanes.freezeColumns(frozenCols);
    }
    queued = true;
  }
  if (sheet.print && queuePageLayout(ws, sheet.print, api)) queued = true;
  // Filter buttons on a list's header (ExcelApi 1.9); without them the list is the same list.
  if (sheet.autoFilter && api('1.9')) {
    ws.autoFilter.apply(ws.getRange(sheet.autoFilter));
    queued = true;
  }
  if (sheet.columnGroups?.length) {
    queueColumnGroups(ws, sheet, api);
    queued = true;
  }
  return queued;
}

function styleRange(range: Excel.Range, c: OutputCell): void {
  const format = range.format;
  if (c.fill) format.fill.color = c.fill;
  if (c.fontColor) format.font.color = c.fontColor;
  if (c.bold) format.font.bold = true;
  if (c.italic) format.font.italic = true;
  if (c.wrap) {
    format.wrapText = true;
    format.verticalAlignment = 'Top';
  }
  if (c.align) format.horizontalAlignment = ALIGN[c.align];
}

/**
 * An Excel chart from a ChartSpec: the first series' values make the chart, the categories its
 * x-axis labels, and further series are added with their names.
 */
export function addChart(ws: Excel.Worksheet, spec: ChartSpec): void {
  const [first, ...rest] = spec.series;
  if (!first) return;
  const chart = ws.charts.add(CHART_TYPES[spec.kind], ws.getRange(first.values), 'Columns');
  chart.title.text = spec.title;
  const s0 = chart.series.getItemAt(0);
  s0.setXAxisValues(ws.getRange(spec.categories));
  s0.name = first.name;
  for (const s of rest) {
    const added = chart.series.add(s.name);
    added.setValues(ws.getRange(s.values));
    added.setXAxisValues(ws.getRange(spec.categories));
  }
  // The spec's corner is exclusive (the drawing's `to` cell); Office.js covers its end cell.
  const to = parseA1(spec.to);
  chart.setPosition(spec.anchor, a1(Math.max(0, to.row - 1), Math.max(0, to.col - 1)));
}
