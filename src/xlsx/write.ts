import type * as ExcelJS from 'exceljs';
import { exceljs } from './exceljs';
import { fitToExcel } from '../core/output/fit';
import { columnLetter, parseRange } from '../core/model/a1';
import {
  headerFooterString,
  type OutputCell,
  type OutputSheet,
  type OutputWorkbook,
} from '../core/output/spec';
import { addCharts } from './chart';
import { writeXlsxFast } from './fast-write';

/**
 * Applying an output description with exceljs. Strings are written as shared strings, never
 * as formulas, so a text such as `=SUM(A1)` stays text. exceljs cannot write charts: they are
 * added to the package it wrote by ./chart.ts.
 */
function argb(hex: string): string {
  return 'FF' + hex.replace('#', '').toUpperCase();
}

function applyCell(cell: ExcelJS.Cell, spec: OutputCell): void {
  // A plain string value is written as text by exceljs; only { formula } objects are formulas.
  cell.value =
    spec.formula !== undefined
      ? { formula: spec.formula, result: spec.value ?? undefined }
      : spec.value;
  if (spec.numberFormat) cell.numFmt = spec.numberFormat;
  if (spec.fill)
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(spec.fill) } };
  if (spec.bold || spec.italic || spec.fontColor) {
    cell.font = {
      ...(spec.bold ? { bold: true } : {}),
      ...(spec.italic ? { italic: true } : {}),
      ...(spec.fontColor ? { color: { argb: argb(spec.fontColor) } } : {}),
    };
  }
  if (spec.wrap || spec.align) {
    cell.alignment = {
      ...(spec.wrap ? { wrapText: true } : {}),
      ...(spec.align ? { horizontal: spec.align } : {}),
      vertical: 'top',
    };
  }
}

/** The creator written into every workbook Tally makes. */
export const TALLY_CREATOR = 'Tally';

/**
 * What a workbook Tally wrote is, in its keywords property: a report may be replaced by the
 * next report; a template, once handed out and filled in, never is.
 */
export type OutputKind = 'report' | 'template';
export const KIND_KEYWORD: Record<OutputKind, string> = {
  report: 'tally-report',
  template: 'tally-template',
};

export function toExcelJs(
  out: OutputWorkbook,
  kind: OutputKind,
  wb: ExcelJS.Workbook = new (exceljs().Workbook)(),
): ExcelJS.Workbook {
  wb.creator = TALLY_CREATOR;
  wb.lastModifiedBy = TALLY_CREATOR;
  wb.keywords = KIND_KEYWORD[kind];
  for (const description of out.sheets) {
    // Excel's limits (409-point rows) hold in files too: the same fitting as the Office.js writer.
    const sheet = fitToExcel(description);
    const ws = wb.addWorksheet(sheet.name);
    // exceljs takes 9 for the default width and leaves such columns out; Excel's own default
    // is 8.43, so the sheet says 9.
    ws.properties.defaultColWidth = 9;
    sheet.rows.forEach((row, r) => {
      row.forEach((spec, c) => applyCell(ws.getCell(r + 1, c + 1), spec));
    });
    (sheet.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    (sheet.rowHeights ?? []).forEach((h, i) => {
      if (h !== undefined) ws.getRow(i + 1).height = h;
    });
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    for (const v of sheet.validations ?? []) {
      const { top, left, bottom, right } = parseRange(v.range);
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          ws.getCell(r + 1, c + 1).dataValidation = {
            type: 'whole',
            operator: 'greaterThanOrEqual',
            allowBlank: true,
            formulae: [v.min],
            showErrorMessage: true,
            errorTitle: 'Tally',
            error: v.message,
          };
        }
      }
    }
    applyBorders(ws, sheet);
    applyColumnGroups(ws, sheet);
    applyPrint(ws, sheet);
    if (sheet.autoFilter) ws.autoFilter = sheet.autoFilter;
    if (sheet.frozenRows || sheet.frozenColumns) {
      ws.views = [
        { state: 'frozen', xSplit: sheet.frozenColumns ?? 0, ySplit: sheet.frozenRows ?? 0 },
      ];
    }
  }
  return wb;
}

const BORDER: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

function applyBorders(ws: ExcelJS.Worksheet, sheet: OutputSheet): void {
  for (const range of sheet.borders ?? []) {
    const { top, left, bottom, right } = parseRange(range);
    for (let r = top; r <= bottom; r++) {
      for (let c = left; c <= right; c++) {
        ws.getCell(r + 1, c + 1).border = {
          top: BORDER,
          left: BORDER,
          bottom: BORDER,
          right: BORDER,
        };
      }
    }
  }
}

function applyColumnGroups(ws: ExcelJS.Worksheet, sheet: OutputSheet): void {
  for (const g of sheet.columnGroups ?? []) {
    for (let c = g.first; c <= g.last; c++) {
      const col = ws.getColumn(c + 1);
      col.outlineLevel = 1;
      if (g.collapsed) col.hidden = true;
    }
    ws.properties.outlineLevelCol = Math.max(ws.properties.outlineLevelCol ?? 0, 1);
  }
}

/**
 * The page set-up. `fitToWidth` is honoured by Excel and LibreOffice only with
 * `<sheetPr><pageSetUpPr fitToPage="1"/>`, which exceljs writes for `fitToPage: true`;
 * `fitToHeight: 0` lets the pages run as long as needed. Print titles become the sheet's
 * `_xlnm.Print_Titles` defined name.
 */
function applyPrint(ws: ExcelJS.Worksheet, sheet: OutputSheet): void {
  const p = sheet.print;
  if (!p) return;
  const setup: Partial<ExcelJS.PageSetup> = {
    ...ws.pageSetup,
    paperSize: 9, // A4
    orientation: p.orientation,
    horizontalCentered: p.centerHorizontally ?? false,
  };
  if (p.fitToWidth !== undefined) {
    setup.fitToPage = true;
    setup.fitToWidth = p.fitToWidth;
    setup.fitToHeight = 0;
  }
  if (p.margins) setup.margins = { ...p.margins };
  if (p.titleRows) setup.printTitlesRow = `${p.titleRows.first + 1}:${p.titleRows.last + 1}`;
  if (p.titleColumns) {
    setup.printTitlesColumn = `${columnLetter(p.titleColumns.first)}:${columnLetter(p.titleColumns.last)}`;
  }
  ws.pageSetup = setup;
  // exceljs puts a break below a row: below the row above the one that begins the page. The
  // last column is given, as its default (16838) is past Excel's last column (16384).
  for (const r of p.breaksBefore ?? []) if (r > 0) ws.getRow(r).addPageBreak(0, 16384);
  const header = headerFooterString(p.header);
  const footer = headerFooterString(p.footer);
  if (header || footer) {
    ws.headerFooter = {
      ...(header ? { oddHeader: header } : {}),
      ...(footer ? { oddFooter: footer } : {}),
    };
  }
}

/**
 * A workbook's bytes, written by ./fast-write.ts. It gives what exceljs gives, cell by cell and
 * sheet by sheet (test/xlsx/fast-write.test.ts, with exceljs as the oracle), without a style
 * object and a model per cell (minutes and gigabytes at a 100,000-village 分单位指标), and a
 * small report never loads exceljs (the sample's `tally report`: 1.07–1.25 s → 0.52–0.65 s). It was
 * used only past 100,000 cells until 2026-12-08. `writer: 'exceljs'` asks for exceljs's own
 * writer, the oracle those tests compare with.
 */
export async function writeXlsxBytes(
  out: OutputWorkbook,
  kind: OutputKind,
  writer: 'auto' | 'exceljs' | 'fast' = 'auto',
): Promise<Uint8Array> {
  if (writer !== 'exceljs') {
    return writeXlsxFast(out, { creator: TALLY_CREATOR, keywords: KIND_KEYWORD[kind] });
  }
  const buffer = await toExcelJs(out, kind).xlsx.writeBuffer();
  return addCharts(new Uint8Array(buffer as ArrayBuffer), out);
}
