import { isPercentFormat } from '../core/model/number-format';
import type * as ExcelJS from 'exceljs';
import { exceljs } from './exceljs';
import { parse as parseCsvText } from 'csv-parse/sync';
import { dateCell } from './cell-date';
import { CellError, EXCEL_ERROR_CODES, UncalculatedFormula, type Cell } from '../core/model/cell';
import { parseRange, type RangeRef } from '../core/model/a1';
import type { RowSheet as SheetData, WorkbookData } from '../core/model/workbook';
import { UnreadableInputError } from '../core/errors';
import { DOT_ZEROS } from '../core/read/coerce';
import { guardCsv } from './csv-guard';
import { utf16AsUtf8 } from './utf16';
import { checkFileSize } from './limits';
import { SheetBounds } from './sheet-bounds';
import { guardXlsx } from './xlsx-guard';

/**
 * Parsing .xlsx and .csv bytes into the engine's workbook model. No file system here, so the
 * task pane can parse a workbook the user picks with the same code.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An encrypted .xlsx is an OLE compound file holding an `EncryptedPackage` stream. */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const needle = 'EncryptedPackage';
  const utf16: number[] = [];
  for (const ch of needle) utf16.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + utf16.length <= bytes.length; i++) {
    for (let j = 0; j < utf16.length; j++) if (bytes[i + j] !== utf16[j]) continue outer;
    return true;
  }
  return false;
}

function toCell(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return EXCEL_ERROR_CODES.includes(value) ? new CellError(value) : value;
  if (value instanceof Date) return dateCell(value);
  if (typeof value === 'object') {
    if ('error' in value && value.error) return new CellError(String(value.error));
    if ('richText' in value && Array.isArray(value.richText))
      return value.richText.map((r) => r.text).join('');
    if ('result' in value) return toCell((value.result ?? null) as ExcelJS.CellValue);
    // A formula saved with no result: its value is unknown, never blank.
    if ('formula' in value || 'sharedFormula' in value)
      return new UncalculatedFormula('formula' in value ? value.formula : undefined);
    if ('text' in value) return String((value as { text: unknown }).text);
  }
  return String(value);
}

function sheetFromWorksheet(ws: ExcelJS.Worksheet, file: string): SheetData {
  let top = Infinity;
  let left = Infinity;
  let bottom = -1;
  let right = -1;
  const cells: { r: number; c: number; v: Cell }[] = [];
  const hidden: number[] = [];
  const percent: number[] = [];
  // The grid is as large as the values' used range: refused before it is built when beyond the
  // limit (a stray value in XFD1048576 would otherwise make 17 billion cells). The cell count
  // itself was bounded by guardXlsx.
  const bounds = new SheetBounds(file, ws.name, { cells: 0 });
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if (cell.isMerged && cell.master !== cell) return; // only the master holds the value
      // A formula's cached 0, FALSE or "" is dropped from exceljs's `value` but kept in its
      // `result`: read it there, so a 合计 of SUM(…) = 0 is 0, not blank.
      const value = cell.value;
      const v =
        value !== null &&
        typeof value === 'object' &&
        ('formula' in value || 'sharedFormula' in value) &&
        !('result' in value) &&
        cell.result !== undefined
          ? toCell(cell.result as ExcelJS.CellValue)
          : toCell(value);
      if (v === null) return;
      const r = rowNumber - 1;
      // A hidden row (by hand or by a filter) that holds a value: the reader says so.
      if (row.hidden && hidden[hidden.length - 1] !== r) hidden.push(r);
      const c = colNumber - 1;
      bounds.value(rowNumber, colNumber);
      cells.push({ r, c, v });
      if (typeof v === 'number' && isPercentFormat(cell.numFmt)) percent.push(r, c);
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    });
  });
  const merges: RangeRef[] = [];
  const model = ws.model as { merges?: string[] };
  for (const m of model.merges ?? []) merges.push(parseRange(m));
  const hid = ws.state === 'hidden' || ws.state === 'veryHidden' ? { hidden: true } : {};
  if (bottom < 0) return { name: ws.name, origin: { row: 0, col: 0 }, rows: [], merges, ...hid };
  const seen = hidden.length > 0 ? { hiddenRows: [...new Set(hidden)].sort((p, q) => p - q) } : {};
  const shown = percent.length > 0 ? { percentCells: percent } : {};
  const rows: Cell[][] = [];
  const width = right - left + 1;
  for (let i = 0; i <= bottom - top; i++) rows.push(new Array<Cell>(width).fill(null));
  for (const { r, c, v } of cells) {
    const row = rows[r - top];
    if (row) row[c - left] = v;
  }
  return {
    name: ws.name,
    origin: { row: top, col: left },
    rows,
    merges,
    ...seen,
    ...shown,
    ...hid,
  };
}

/** Parse .xlsx bytes. `file` names the input in every error. */
export async function parseXlsx(bytes: Uint8Array, file: string): Promise<WorkbookData<SheetData>> {
  checkFileSize(bytes.length, file);
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOle(bytes)) throw new UnreadableInputError('error.encrypted', { file });
    throw new UnreadableInputError('error.notWorkbook', { file });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new UnreadableInputError('error.notWorkbook', { file });
  // Sizes, ratios, sheets, rows, columns, cells and merges, before exceljs inflates anything.
  guardXlsx(bytes, file);
  const wb = new (exceljs().Workbook)();
  try {
    // exceljs accepts a Node Buffer or an ArrayBuffer; hand it a copy of exactly these bytes.
    const copy = bytes.slice().buffer;
    await wb.xlsx.load(copy as ArrayBuffer);
  } catch (e) {
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new UnreadableInputError('error.corrupt', { file, detail });
  }
  if (wb.worksheets.length === 0)
    throw new UnreadableInputError('error.corrupt', { file, detail: 'no worksheets' });
  return { source: file, sheets: wb.worksheets.map((ws) => sheetFromWorksheet(ws, file)) };
}

function decodeText(bytes: Uint8Array): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\uFFFD')) return utf8.replace(/^\uFEFF/, '');
  // Chinese Excel saves CSV in GBK by default.
  try {
    return new TextDecoder('gbk').decode(bytes);
  } catch {
    return utf8;
  }
}

function guessDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => [d, first.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

const CSV_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Parse CSV bytes (UTF-8 or GBK; `,`, `;` or tab). Plain numbers become numbers, `NA` and
 * empty fields become blanks (CSV has no types; R writes missing values as NA).
 */
export function parseCsv(
  bytes: Uint8Array,
  file: string,
  sheetName = 'Sheet1',
): WorkbookData<SheetData> {
  bytes = utf16AsUtf8(bytes, file);
  // Size, rows, columns, cells and field length, on the bytes, before anything is decoded.
  guardCsv(bytes, file);
  const text = decodeText(bytes);
  const unquoted = (field: string): Cell => {
    if (field === '' || field === 'NA') return null;
    // `1.000` stays text: it may be a thousand with a dot between the thousands (DOT_ZEROS).
    return CSV_NUMBER.test(field) && !DOT_ZEROS.test(field) ? Number(field) : field;
  };
  const options = {
    delimiter: guessDelimiter(text),
    relax_column_count: true,
    skip_empty_lines: false,
    bom: true,
  };
  let rows: Cell[][];
  try {
    if (text.includes('"')) {
      // A quoted field is text as written ("007" stays "007"). csv-parse's cast callback tells
      // quoted from unquoted but costs ~20× the parse, so it is used only when there are quotes.
      rows = parseCsvText(text, {
        ...options,
        cast: (field: string, context: { quoting: boolean }): Cell =>
          context.quoting ? (field === '' ? null : field) : unquoted(field),
      }) as Cell[][];
    } else {
      rows = (parseCsvText(text, options) as string[][]).map((r) => r.map(unquoted));
    }
  } catch (e) {
    const err = e as { lines?: number; message?: string };
    throw new UnreadableInputError('error.csv', {
      file,
      line: err.lines ?? '?',
      detail: (err.message ?? String(e)).split('\n')[0] ?? '',
    });
  }
  while (rows.length > 0 && (rows[rows.length - 1] ?? []).every((c) => c === null)) rows.pop();
  return { source: file, sheets: [{ name: sheetName, origin: { row: 0, col: 0 }, rows }] };
}
