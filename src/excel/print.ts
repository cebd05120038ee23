import { columnLetter, parseRange } from '../core/model/a1';
import { headerFooterCode, type OutputSheet, type PrintSetup } from '../core/output/spec';
import type { ApiCheck } from './context';

/**
 * The print side of an output description with Office.js: borders and the collapsed column
 * group with the contents, the page layout (ExcelApi 1.9: A4, fit to pages wide, print
 * titles, margins, header and footer, page breaks) with the view, where a failure is
 * reported without failing the write.
 */

const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
] as const;

/** Thin grey borders around every cell of the description's bordered ranges (ExcelApi 1.1). */
export function queueBorders(ws: Excel.Worksheet, sheet: OutputSheet): void {
  for (const range of sheet.borders ?? []) {
    const { top, bottom, left, right } = parseRange(range);
    const borders = ws.getRange(range).format.borders;
    for (const edge of EDGES) {
      if (edge === 'InsideHorizontal' && top === bottom) continue;
      if (edge === 'InsideVertical' && left === right) continue;
      const b = borders.getItem(edge);
      b.style = 'Continuous';
      b.weight = 'Thin';
      b.color = '#808080';
    }
  }
}

/** The internal columns as an outline group (ExcelApi 1.10), else simply hidden. */
export function queueColumnGroups(ws: Excel.Worksheet, sheet: OutputSheet, api: ApiCheck): void {
  for (const g of sheet.columnGroups ?? []) {
    const cols = ws.getRange(`${columnLetter(g.first)}:${columnLetter(g.last)}`);
    if (api('1.10')) {
      cols.group('ByColumns');
      if (g.collapsed) cols.hideGroupDetails('ByColumns');
    } else if (g.collapsed) {
      cols.columnHidden = true;
    }
  }
}

/** Inches (the description's unit) to the points Office.js takes, to a tenth of a point. */
const points = (inches: number) => Math.round(inches * 720) / 10;

/** Queue the page layout; false when the host has no ExcelApi 1.9. */
export function queuePageLayout(ws: Excel.Worksheet, print: PrintSetup, api: ApiCheck): boolean {
  if (!api('1.9')) return false;
  const layout = ws.pageLayout;
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  layout.paperSize = 'A4';
  if (print.fitToWidth !== undefined) {
    // As many pages tall as needed: 0, as Excel's own "fit all columns on one page" writes.
    layout.zoom = { horizontalFitToPages: print.fitToWidth, verticalFitToPages: 0 };
  }
  if (print.margins) {
    const m = print.margins;
    layout.leftMargin = points(m.left);
    layout.rightMargin = points(m.right);
    layout.topMargin = points(m.top);
    layout.bottomMargin = points(m.bottom);
    layout.headerMargin = points(m.header);
    layout.footerMargin = points(m.footer);
  }
  if (print.centerHorizontally) layout.centerHorizontally = true;
  if (print.titleRows) {
    layout.setPrintTitleRows(`$${print.titleRows.first + 1}:$${print.titleRows.last + 1}`);
  }
  if (print.titleColumns) {
    const { first, last } = print.titleColumns;
    layout.setPrintTitleColumns(`$${columnLetter(first)}:$${columnLetter(last)}`);
  }
  const pages = layout.headersFooters.defaultForAllPages;
  if (print.header?.left) pages.leftHeader = headerFooterCode(print.header.left);
  if (print.header?.center) pages.centerHeader = headerFooterCode(print.header.center);
  if (print.header?.right) pages.rightHeader = headerFooterCode(print.header.right);
  if (print.footer?.left) pages.leftFooter = headerFooterCode(print.footer.left);
  if (print.footer?.center) pages.centerFooter = headerFooterCode(print.footer.center);
  if (print.footer?.right) pages.rightFooter = headerFooterCode(print.footer.right);
  for (const r of print.breaksBefore ?? []) ws.horizontalPageBreaks.add(`A${r + 1}`);
  return true;
}
