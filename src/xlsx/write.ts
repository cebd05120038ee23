import ExcelJS from 'exceljs';
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
  cell.value = spec.value;
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

export function toExcelJs(
  out: OutputWorkbook,
  wb: ExcelJS.Workbook = new ExcelJS.Workbook(),
): ExcelJS.Workbook {
  for (const sheet of out.sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((row, r) => {
      row.forEach((spec, c) => applyCell(ws.getCell(r + 1, c + 1), spec));
    });
    (sheet.columnWidths ?? []).forEach((w, i) => (ws.getColumn(i + 1).width = w));
    for (const m of sheet.merges ?? []) ws.mergeCells(m);
    if (sheet.frozenRows || sheet.frozenColumns) {
      ws.views = [
        { state: 'frozen', xSplit: sheet.frozenColumns ?? 0, ySplit: sheet.frozenRows ?? 0 },
      ];
    }
  }
  return wb;
}

export async function writeXlsxBytes(out: OutputWorkbook): Promise<Uint8Array> {
  const buffer = await toExcelJs(out).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
