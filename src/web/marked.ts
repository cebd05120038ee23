import ExcelJS from 'exceljs';
import { t, type Lang } from '../core/messages/index';
import { asRows, type WorkbookData } from '../core/model/workbook';
import { findingsWorkbook } from '../core/output/findings';
import type { OutputCell, OutputSheet } from '../core/output/spec';
import type { Finding } from '../core/validate/result';
import { toExcelJs } from '../xlsx/write';
import { parseWorkbook } from '../xlsx/read';

/**
 * 标记副本: a copy of one input with the audit's cells marked and a 审核结果 sheet listing the
 * file's errors and warnings. The copy is a new workbook loaded from the input's bytes (exceljs);
 * the input is never written. Cells of errors get the pane's red fill, of warnings its yellow
 * (a cell of both is red), as the pane's conditional formats show them (src/excel/highlight.ts).
 * A CSV input has no cells to keep styles on: its copy is a workbook of its values.
 */

export const MARK_FILLS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** The audit sheet's name, and the one it gets when the input already has such a sheet. */
export const AUDIT_SHEET = '审核结果';

/** The cells to mark in `file`, by sheet and address: what its errors and warnings read. */
export function cellsToMark(
  findings: readonly Finding[],
  file: string,
): Map<string, Map<string, string>> {
  const out = new Map<string, Map<string, string>>();
  for (const f of findings) {
    if (f.severity !== 'error' && f.severity !== 'warning') continue;
    const colour = MARK_FILLS[f.severity];
    for (const c of f.cells) {
      if (!c.cell || c.item.startsWith('PREV(') || (c.file ?? f.file) !== file) continue;
      const sheet = c.sheet ?? f.sheet;
      const cells = out.get(sheet) ?? new Map<string, string>();
      if (cells.get(c.cell) !== MARK_FILLS.error) cells.set(c.cell, colour);
      out.set(sheet, cells);
    }
  }
  return out;
}

/** The findings a file's 审核结果 sheet lists: its own, and those that read one of its cells. */
export function findingsOf(findings: readonly Finding[], file: string): Finding[] {
  return findings.filter((f) => f.file === file || f.cells.some((c) => c.file === file));
}

/**
 * The 审核结果 sheet: the findings export's columns (src/core/output/findings.ts) for this
 * file's errors and warnings, with the explanations written so far, so that the sheet, sent
 * back filled in, is read as explanations like the export is.
 */
export function auditSheet(
  findings: readonly Finding[],
  name: string,
  lang: Lang,
  period?: string,
): OutputSheet {
  const out = findingsWorkbook(findings, { lang, ...(period ? { period } : {}) });
  const units = out.sheets.slice(1);
  const [first] = units;
  if (!first) {
    return { name, rows: [[{ value: t(lang, 'web.auditSheetNone'), numberFormat: '@' }]] };
  }
  const rows: OutputCell[][] = [...first.rows];
  for (const s of units.slice(1)) for (const row of s.rows.slice(1)) rows.push(row);
  return { ...first, name, rows };
}

function freeSheetName(wb: ExcelJS.Workbook, base: string): string {
  const taken = new Set(wb.worksheets.map((w) => w.name.toLowerCase()));
  if (!taken.has(base.toLowerCase())) return base;
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${base} (Tally)` : `${base} (Tally ${n})`;
    if (!taken.has(name.toLowerCase())) return name;
  }
}

const argb = (hex: string) => 'FF' + hex.replace('#', '').toUpperCase();

/** A workbook of a CSV's values, as it was read (one sheet, its cells where they were). */
function fromValues(data: WorkbookData): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const sheet of data.sheets) {
    const ws = wb.addWorksheet(sheet.name.slice(0, 31) || 'Sheet1');
    const rows = asRows(sheet);
    rows.rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === null || value === undefined) return;
        const cell = ws.getCell(rows.origin.row + r + 1, rows.origin.col + c + 1);
        // Text stays text: a value such as `=1+1` read from a CSV is not made a formula.
        cell.value = typeof value === 'object' ? String((value as { code?: unknown }).code) : value;
      });
    });
  }
  return wb;
}

export interface CopyInput {
  name: string;
  bytes: Uint8Array;
}

export interface CopyResult {
  bytes: Uint8Array;
  marked: number;
  listed: number;
}

/** The marked copy of `input` (see above). */
export async function markedCopy(
  input: CopyInput,
  findings: readonly Finding[],
  lang: Lang,
  period?: string,
): Promise<CopyResult> {
  const ext = input.name.toLowerCase().slice(input.name.lastIndexOf('.'));
  let wb: ExcelJS.Workbook;
  if (ext === '.csv' || ext === '.txt') {
    wb = fromValues(parseWorkbook(input.bytes, input.name));
  } else {
    wb = new ExcelJS.Workbook();
    // A copy of the bytes: exceljs is given its own buffer, the input's stays as it was.
    await wb.xlsx.load(input.bytes.slice().buffer as ArrayBuffer);
  }
  let marked = 0;
  for (const [sheet, cells] of cellsToMark(findings, input.name)) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const [address, colour] of cells) {
      const cell = ws.getCell(address);
      const target = cell.isMerged ? cell.master : cell;
      // A new style object: exceljs may share one style among cells read from the same xf.
      target.style = {
        ...target.style,
        fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(colour) } },
      };
      marked++;
    }
  }
  const listed = findingsOf(findings, input.name).filter(
    (f) => f.severity === 'error' || f.severity === 'warning',
  );
  const sheet = auditSheet(listed, freeSheetName(wb, AUDIT_SHEET), lang, period);
  // The copy keeps the input's own properties; toExcelJs would give it Tally's.
  const { creator, lastModifiedBy, keywords } = wb;
  toExcelJs({ sheets: [sheet] }, 'template', wb);
  Object.assign(wb, { creator, lastModifiedBy, keywords });
  const buffer = await wb.xlsx.writeBuffer();
  return { bytes: new Uint8Array(buffer as ArrayBuffer), marked, listed: listed.length };
}
