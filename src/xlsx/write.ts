import ExcelJS from 'exceljs';
import { fitToExcel } from '../core/output/fit';
import { parseRange } from '../core/model/a1';
import type { OutputCell, OutputWorkbook } from '../core/output/spec';

/**
 * Applying an output description with exceljs. Strings are written as shared strings, never
 * as formulas, so a text such as `=SUM(A1)` stays text. exceljs cannot write charts: the
 * description's charts are left to the Excel adapter.
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
  wb: ExcelJS.Workbook = new ExcelJS.Workbook(),
): ExcelJS.Workbook {
  wb.creator = TALLY_CREATOR;
  wb.lastModifiedBy = TALLY_CREATOR;
  wb.keywords = KIND_KEYWORD[kind];
  for (const description of out.sheets) {
    // Excel's limits (409-point rows) hold in files too: the same fitting as the Office.js writer.
    const sheet = fitToExcel(description);
    const ws = wb.addWorksheet(sheet.name);
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
    if (sheet.landscape) ws.pageSetup = { ...ws.pageSetup, orientation: 'landscape', paperSize: 9 };
    if (sheet.frozenRows || sheet.frozenColumns) {
      ws.views = [
        { state: 'frozen', xSplit: sheet.frozenColumns ?? 0, ySplit: sheet.frozenRows ?? 0 },
      ];
    }
  }
  return wb;
}

export async function writeXlsxBytes(out: OutputWorkbook, kind: OutputKind): Promise<Uint8Array> {
  const buffer = await toExcelJs(out, kind).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
