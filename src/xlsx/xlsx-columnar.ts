import { dateCell } from './cell-date';
import { CellError, EXCEL_ERROR_CODES, UncalculatedFormula, type Cell } from '../core/model/cell';
import { parseRange, type RangeRef } from '../core/model/a1';
import { ColumnarBuilder, type ColumnarSheet, type ColumnarWorkbook } from '../core/model/columnar';
import { UnreadableInputError } from '../core/errors';
import { binaryString, countTags, hasTag, Tok, XmlScanner } from './xml-scan';
import { csvNumber } from './csv-columnar';
import {
  addressColumn,
  cellAttributes,
  Damaged,
  emptyRaw,
  plainValueEnd,
  QUICK_CELLS,
  quickCell,
  resetRaw,
  type RawCell,
  takePlainValue,
} from './sheet-cell';
import { FILE_LIMITS, formatCount } from './limits';
import { isPercentFormat } from '../core/model/number-format';
import { SheetBounds, type CellCount } from './sheet-bounds';
import { inflatePart, zipEntries, type ZipEntry } from './zip-guard';

/**
 * .xlsx bytes straight into columns: the zip read part by part with fflate (one part inflated
 * at a time, never every sheet at once), and a SpreadsheetML scanner of our own that writes
 * each cell into its column.
 *
 * It gives what `parseXlsx` (exceljs 4.4 + `toCell` in parse.ts) gives, cell for cell,
 * including exceljs's corners, which are kept on purpose so that moving the engine onto
 * columns changes no figure (each is listed in the report of issue 13 for the lead to decide):
 *  - parts are found by exceljs's fixed names (`xl/workbook.xml`, `xl/sharedStrings.xml`,
 *    `xl/styles.xml`, `xl/worksheets/sheetN.xml`), sheets in workbook.xml order, hidden ones
 *    included, chartsheets left out; a sheet whose `sheetId` repeats replaces the earlier one;
 *  - a number whose cell style has a date format (exceljs's `isDateFmt`) becomes the date's
 *    ISO text `YYYY-MM-DD` (1900 or 1904 system);
 *  - a formula's cached value is its value, 0, FALSE and "" included (exceljs drops a falsy
 *    one from `cell.value`; parse.ts reads it from `cell.result`, so both readers agree);
 *  - a cell with an external hyperlink reads as the text of its value (`String(v)`);
 *  - a shared string that is rich text is its runs joined; an empty `<si/>` is exceljs's
 *    `"[object Object]"`;
 *  - a merged area keeps only its top-left cell; overlapping merges, a row without `r`, a first
 *    cell without `r`, a shared-string index out of range or a sheet name exceljs refuses make
 *    the workbook unreadable (`error.corrupt`), as they make exceljs throw.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** An encrypted .xlsx is an OLE compound file holding an `EncryptedPackage` stream. */
function isEncryptedOle(bytes: Uint8Array): boolean {
  const needle: number[] = [];
  for (const ch of 'EncryptedPackage') needle.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The zip's parts, inflated one at a time on request, through the zip guard (zip-guard.ts): the
 * central directory is checked against the limits before anything is inflated, and a part is
 * inflated a piece at a time and refused as soon as it gives more than it declared.
 */
class Parts {
  /** Part name as exceljs sees it (no leading `/`) → its entry in the zip. */
  private readonly names = new Map<string, ZipEntry>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    // The central directory only: nothing is inflated here.
    for (const e of zipEntries(bytes, file))
      if (!e.name.endsWith('/')) this.names.set(e.name.replace(/^\//, ''), e);
  }

  has(name: string): boolean {
    return this.names.has(name);
  }

  list(): string[] {
    return [...this.names.keys()];
  }

  /** One part as text (UTF-8), or undefined when the zip has no such part. */
  text(name: string): string | undefined {
    const bytes = this.bytesOf(name);
    return bytes === undefined ? undefined : new TextDecoder('utf-8').decode(bytes);
  }

  /**
   * One part as a binary string (xml-scan.ts `binaryString`): one character per byte, so a
   * sheet of CJK text costs its size once, not twice as UTF-16 text.
   */
  binary(name: string): string | undefined {
    const bytes = this.bytesOf(name);
    return bytes === undefined ? undefined : binaryString(bytes);
  }

  private bytesOf(name: string): Uint8Array | undefined {
    const e = this.names.get(name);
    // The declared size is within the limits, and the inflater stops past it.
    return e === undefined ? undefined : inflatePart(this.bytes, e, this.file);
  }
}

// ---------------------------------------------------------------------------------------------
// workbook.xml, its rels, styles, shared strings

interface SheetDef {
  name: string;
  id: number;
  rId: string | undefined;
  hidden: boolean;
}

/** exceljs's `utils.xmlDecode`, applied on top of the parser's own decoding. */
function xmlDecodeAgain(text: string): string {
  // Nearly every text has no `&`: no pattern is run over it (a million names and codes).
  if (!text.includes('&')) return text;
  return text.replace(/&([a-z]*);/g, (c) => {
    switch (c) {
      case '&lt;':
        return '<';
      case '&gt;':
        return '>';
      case '&amp;':
        return '&';
      case '&apos;':
        return "'";
      case '&quot;':
        return '"';
      default:
        return c;
    }
  });
}

function readWorkbook(xml: string | undefined): { sheets: SheetDef[]; date1904: boolean } {
  const sheets: SheetDef[] = [];
  let date1904 = false;
  if (xml === undefined) return { sheets, date1904 };
  const x = new XmlScanner(xml);
  while (x.next() !== Tok.End) {
    if (x.tok !== Tok.Open) continue;
    if (x.name === 'sheet') {
      const name = x.attr('name');
      if (name === undefined)
        throw new Damaged("Cannot read properties of undefined (reading 'replace')");
      sheets.push({
        name: xmlDecodeAgain(name),
        id: parseInt(x.attr('sheetId') ?? '', 10),
        rId: x.attr('r:id'),
        hidden: x.attr('state') === 'hidden' || x.attr('state') === 'veryHidden',
      });
    } else if (x.name === 'workbookPr') date1904 = x.attr('date1904') === '1';
  }
  return { sheets, date1904 };
}

function readRels(xml: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (xml === undefined) return out;
  const x = new XmlScanner(xml);
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Open && x.name === 'Relationship') {
      const id = x.attr('Id');
      const target = x.attr('Target');
      if (id !== undefined && target !== undefined) out.set(id, target);
    }
  }
  return out;
}

/** exceljs's built-in number formats that `isDateFmt` calls dates: 14–22, 45–47. */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const BUILTIN_FORMATS: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  48: '##0.0E+0',
  49: '@',
};

/** exceljs's `utils.isDateFmt`. */
function isDateFormat(fmt: string | undefined): boolean {
  if (!fmt) return false;
  const bare = fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, '');
  return /[ymdhMsb]+/.test(bare);
}

/** For each cellXfs index: whether a number in that style is a date, or shown as a percentage. */
function readStyles(xml: string | undefined): { dates: boolean[]; percent: boolean[] } {
  const dates: boolean[] = [];
  const percent: boolean[] = [];
  if (xml === undefined) return { dates, percent };
  const custom = new Map<number, string>();
  const x = new XmlScanner(xml);
  let inXfs = false;
  const xfFormats: number[] = [];
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Open) {
      if (x.name === 'numFmt') {
        const code = x.attr('formatCode');
        if (code !== undefined) custom.set(parseInt(x.attr('numFmtId') ?? '', 10), code);
      } else if (x.name === 'cellXfs') inXfs = true;
      else if (inXfs && x.name === 'xf') xfFormats.push(parseInt(x.attr('numFmtId') ?? '', 10));
    } else if (x.tok === Tok.Close && x.name === 'cellXfs') inXfs = false;
  }
  for (const id of xfFormats) {
    const code = custom.get(id);
    if (!id) dates.push(false);
    else if (code !== undefined) dates.push(isDateFormat(code.replace(/[\\](.)/g, '$1')));
    else dates.push(DATE_FORMAT_IDS.has(id) || isDateFormat(BUILTIN_FORMATS[id]));
    percent.push(isPercentFormat(code ?? BUILTIN_FORMATS[id]));
  }
  return { dates, percent };
}

/** A shared string as exceljs holds it: text, rich text runs, or `{}` for an empty `<si/>`. */
type Shared = string | { richText: { text: string | undefined }[] } | Record<string, never>;

const X_ESCAPE = /_x([0-9A-F]{4})_/g;
const unescapeX = (s: string) =>
  s.replace(X_ESCAPE, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));

function readSharedStrings(xml: string | undefined): Shared[] | undefined {
  const out: Shared[] = [];
  if (xml === undefined) return undefined;
  const x = new XmlScanner(xml, true);
  let item: Shared | undefined;
  let depth = 0; // inside <r> (1) or <rPh> (2)
  let text: string[] | undefined;
  let runText: string | undefined;
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Open) {
      if (x.name === 'si') item = {};
      else if (item !== undefined && depth === 0 && x.name === 'r') {
        depth = 1;
        runText = undefined;
      } else if (item !== undefined && depth === 0 && x.name === 'rPh') depth = 2;
      else if (item !== undefined && x.name === 't') text = [];
    } else if (x.tok === Tok.Text) {
      if (text) text.push(x.text());
    } else if (x.tok === Tok.Close) {
      if (x.name === 't' && text) {
        const t = unescapeX(text.join(''));
        text = undefined;
        if (depth === 0) item = t;
        else if (depth === 1) runText = t;
      } else if (x.name === 'r' && depth === 1) {
        depth = 0;
        if (item !== undefined && typeof item === 'object') {
          const rich = (item as { richText?: { text: string | undefined }[] }).richText;
          if (rich) rich.push({ text: runText });
          else item = { richText: [{ text: runText }] };
        }
      } else if (x.name === 'rPh' && depth === 2) depth = 0;
      else if (x.name === 'si' && item !== undefined) {
        out.push(item);
        item = undefined;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// One worksheet

/** `toCell` in parse.ts, for a value already in exceljs's shape. */
function plainCell(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return EXCEL_ERROR_CODES.includes(v) ? new CellError(v) : v;
  if (v instanceof Date) return dateCell(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('error' in o && o.error) return new CellError(String(o.error));
    if ('richText' in o && Array.isArray(o.richText))
      return (o.richText as { text?: string }[]).map((r) => r.text).join('');
    if ('result' in o) return plainCell(o.result ?? null);
    // A formula saved with no result: its value is unknown, never blank (parse.ts alike).
    if ('formula' in o || 'sharedFormula' in o)
      return new UncalculatedFormula(typeof o.formula === 'string' ? o.formula : undefined);
    if ('text' in o) return String(o.text);
  }
  return String(v);
}

function excelDate(v: unknown, date1904: boolean): Date {
  return new Date(Math.round(((v as number) - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

interface SheetContext {
  /** Undefined when the workbook has no sharedStrings part. */
  shared: Shared[] | undefined;
  dateStyles: boolean[];
  /** For each style: whether a number in it is shown as a percentage (SheetData.percentCells). */
  percentStyles: boolean[];
  date1904: boolean;
  /** Cell address → hyperlink target, for hyperlinks with an `r:id`. */
  hyperlinks: Map<string, string>;
}

function readHyperlinks(xml: string, rels: Map<string, string>): Map<string, string> {
  const out = new Map<string, string>();
  const at = xml.indexOf('<hyperlinks');
  if (at < 0) return out;
  const x = new XmlScanner(xml.slice(at), true);
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Close && x.name === 'hyperlinks') break;
    if (x.tok !== Tok.Open || x.name !== 'hyperlink') continue;
    const rId = x.attr('r:id');
    if (!rId) continue;
    const target = rels.get(rId);
    if (target === undefined)
      throw new Damaged("Cannot read properties of undefined (reading 'Target')");
    out.set(x.attr('ref') ?? 'undefined', target);
  }
  return out;
}

type Rich = { richText: { text: string | undefined }[] };

/**
 * The cell as `toCell(cell.value)` sees it: exceljs's cell parser (`parseClose`), its
 * reconcile (shared strings, dates, shared formulas, hyperlinks) and its `cell.value`, in that
 * order. 'merge' is exceljs's cell with neither value nor style, which it does not create.
 */
function finalCell(
  c: RawCell,
  ctx: SheetContext,
  formulae: Map<string, string | undefined>,
): Cell | 'merge' {
  const isDate = c.styleId ? ctx.dateStyles[c.styleId] === true : false;
  const link =
    c.address !== undefined && ctx.hyperlinks.size > 0 ? ctx.hyperlinks.get(c.address) : undefined;
  // The common case first: a plain number.
  if (
    !c.formula &&
    !c.shareType &&
    c.value !== undefined &&
    link === undefined &&
    (c.t === undefined || c.t === 'n')
  ) {
    const n = c.num === c.num ? c.num : parseFloat(c.value);
    return isDate ? plainCell(excelDate(n, ctx.date1904)) : n;
  }
  let type: 'formula' | 'string' | 'boolean' | 'error' | 'number' | 'null' | 'merge';
  let value: unknown;
  let result: unknown;
  if (c.formula || c.shareType) {
    type = 'formula';
    if (c.value) {
      if (c.t === 'str') result = xmlDecodeAgain(c.value);
      else if (c.t === 'b') result = parseInt(c.value, 10) !== 0;
      else if (c.t === 'e') result = { error: c.value };
      else result = parseFloat(c.value);
    }
  } else if (c.value !== undefined || c.rich !== undefined) {
    switch (c.t) {
      case 's':
        type = 'string';
        value = parseInt(c.value ?? '', 10);
        // Without a sharedStrings part exceljs keeps the index as the value.
        if (ctx.shared) value = ctx.shared[value as number];
        if (value === undefined)
          throw new Damaged("Cannot read properties of undefined (reading 'richText')");
        break;
      case 'str':
        type = 'string';
        value = xmlDecodeAgain(c.value ?? '');
        break;
      case 'inlineStr':
        type = 'string';
        value = c.rich ? ({ richText: c.rich.map((text) => ({ text })) } satisfies Rich) : c.value;
        break;
      case 'b':
        type = 'boolean';
        value = parseInt(c.value ?? '', 10) !== 0;
        break;
      case 'e':
        type = 'error';
        value = { error: c.value };
        break;
      default:
        type = 'number';
        value = parseFloat(c.value ?? '');
    }
  } else type = c.styleId ? 'null' : 'merge';

  // reconcile
  if (type === 'number' && isDate) value = excelDate(value, ctx.date1904);
  let sharedFormula: string | undefined;
  if (type === 'formula') {
    if (result !== undefined && isDate) result = excelDate(result, ctx.date1904);
    if (c.shareType === 'shared') {
      if (c.ref) formulae.set(String(c.si), c.address ?? 'undefined');
      else sharedFormula = formulae.get(String(c.si));
    }
  }
  if (link !== undefined)
    return plainCell({ text: type === 'formula' ? result : value, hyperlink: link });
  switch (type) {
    case 'merge':
      return 'merge';
    case 'null':
      return null;
    case 'formula': {
      // A cached 0, FALSE or "" is a value too (exceljs drops it from `value`; parse.ts reads
      // it back from `result`).
      const copy: Record<string, unknown> = {};
      if (c.formula) copy.formula = c.formula;
      if (result !== undefined && result !== null) copy.result = result;
      if (c.ref) copy.ref = c.ref;
      if (sharedFormula) copy.sharedFormula = sharedFormula;
      return plainCell(copy);
    }
    default:
      return plainCell(value);
  }
}

/** A row's number and whether it is hidden: where their values lie (`XmlScanner.attrRanges`). */
const ROW_ATTRS = ['r', 'hidden'] as const;
const rowFrom = new Int32Array(2);
const rowTo = new Int32Array(2);

function readSheet(
  xml: string,
  name: string,
  ctx: SheetContext,
  expectedRows: number,
  bounds: SheetBounds,
): ColumnarSheet {
  const b = new ColumnarBuilder(expectedRows);
  const x = new XmlScanner(xml, true);
  const formulae = new Map<string, string | undefined>();
  const merges: RangeRef[] = [];
  const hidden: number[] = [];
  const percent: number[] = [];
  let row = -1; // 1-based row number of the current <row>, NaN if unreadable
  let inRow = false;
  let prevCol = 0; // column of the previous stored cell in this row, 0 = none
  const raw = emptyRaw();
  let c: RawCell | undefined;
  let current: 'v' | 't' | 'f' | undefined;
  let inRun = false;
  let runText: string[] | undefined;
  let inMerges = false;
  /** A cell's end (`</c>`): its value stored at its column. */
  const endCell = (c: RawCell) => {
    const cell = finalCell(c, ctx, formulae);
    if (cell === 'merge') return;
    let col: number;
    if (c.col >= 0) col = c.col;
    else if (c.address) col = addressColumn(c.address);
    else if (prevCol > 0) col = prevCol + 1;
    else throw new Damaged("Cannot read properties of undefined (reading 'col')");
    // `r="12"`: a reference with no column letters. Its value would be dropped: refused, as
    // exceljs refuses it, rather than read without it.
    if (col === 0) {
      const ref = c.address ?? x.textAt(c.refFrom, c.refTo);
      throw new Damaged(`sheet "${name}": the cell reference "${ref}" names no column`);
    }
    prevCol = col;
    // The address as written, made only for the message of a cell past Excel's sheet.
    const beyond = c.col >= 0 && (col > FILE_LIMITS.columns || row > FILE_LIMITS.rows);
    bounds.cell(row, col, beyond ? x.textAt(c.refFrom, c.refTo) : c.address);
    if (row >= 1 && col >= 1 && cell !== null) {
      // The room every column will have once this cell is set (ColumnarBuilder.grow).
      let room = b.rowCapacity;
      while (room < row) room *= 2;
      bounds.value(row, col, room);
      b.set(row - 1, col - 1, cell);
      if (typeof cell === 'number' && c.styleId && ctx.percentStyles[c.styleId] === true)
        percent.push(row - 1, col - 1);
    } else if (row >= 1 && col >= 1) b.set(row - 1, col - 1, null);
  };
  // The usual cell read in one pass (quickCell); anything else token by token.
  const quick = ctx.hyperlinks.size === 0 && QUICK_CELLS.on;
  for (;;) {
    if (quick && inRow && c === undefined && !x.closing) {
      const after = quickCell(x, x.position, raw);
      if (after >= 0) {
        x.skipTo(after);
        endCell(raw);
        continue;
      }
    }
    if (x.next() === Tok.End) break;
    const tok = x.tok;
    if (tok === Tok.Open) {
      const n = x.name;
      if (c) {
        if (inRun) {
          if (n === 't') runText = [];
        } else if (n === 'v') current = 'v';
        else if (n === 't') current = 't';
        else if (n === 'f') {
          current = 'f';
          c.si = x.attr('si');
          c.shareType = x.attr('t');
          c.ref = x.attr('ref');
        } else if (n === 'r') {
          inRun = true;
          runText = undefined;
        }
      } else if (n === 'c' && inRow) {
        c = resetRaw(raw);
        // The usual cell, `<c …><v>text</v></c>`, read at once: what the tokens <v>, its text,
        // </v> and </c> would have done, without them.
        const end = x.selfClosing ? -1 : plainValueEnd(xml, x.position);
        // A cell closed at once (`<c r="B2" s="3"/>`) holds no formula either.
        cellAttributes(x, c, (end >= 0 || x.selfClosing) && ctx.hyperlinks.size === 0, name);
        current = undefined;
        if (end >= 0) {
          const from = x.position + 3;
          if (end > from) takePlainValue(x, c, from, end, ctx.hyperlinks.size > 0);
          x.skipTo(end + 8);
          endCell(c);
          c = undefined;
        }
      } else if (n === 'row') {
        // Both attributes in one pass (`attr` twice took a look through the tag each).
        x.attrRanges(ROW_ATTRS, rowFrom, rowTo);
        const r =
          (rowFrom[0] as number) < 0 ? '' : x.textAt(rowFrom[0] as number, rowTo[0] as number);
        row = parseInt(r, 10);
        if (Number.isNaN(row)) throw new Damaged('Invalid row number in model');
        // `1.5`, `2x`: refused as the guard of the exceljs reader refuses them (xlsx-guard.ts).
        if (!/^\d{1,9}$/.test(r.trim())) row = Infinity;
        bounds.row(row, r);
        const h =
          (rowFrom[1] as number) < 0
            ? undefined
            : x.textAt(rowFrom[1] as number, rowTo[1] as number);
        if (h === '1' || h === 'true') hidden.push(row - 1);
        inRow = true;
        prevCol = 0;
      } else if (n === 'mergeCells') inMerges = true;
      else if (inMerges && n === 'mergeCell') {
        const ref = x.attr('ref');
        if (ref !== undefined) {
          bounds.merge(ref); // before the overlap check, which is quadratic in merges
          merges.push(mergeRange(ref, merges));
        }
      } else if (n === 'dimension') bounds.dimension(x.attr('ref') ?? '');
      else if (n === 'col') bounds.cols(x.attr('min'), x.attr('max'));
    } else if (tok === Tok.Text) {
      if (!c) continue;
      if (inRun) {
        if (runText) runText.push(x.text());
      } else if (current === 'f') c.formula = (c.formula ?? '') + x.text();
      else if (current === 'v' || current === 't') {
        if (c.value === undefined) {
          const from = x.rawTextStart;
          c.value = x.text();
          c.num = from >= 0 ? csvNumber(xml, from, x.rawTextEnd) : NaN;
        } else {
          c.value += x.text();
          c.num = NaN;
        }
      }
    } else if (tok === Tok.Close) {
      const n = x.name;
      if (c) {
        if (inRun) {
          if (n === 'r') {
            inRun = false;
            (c.rich ??= []).push(runText ? unescapeX(runText.join('')) : undefined);
            current = undefined;
          }
          continue;
        }
        if (n === 'v' || n === 'f' || n === 't' || n === 'is') current = undefined;
        else if (n === 'c') {
          endCell(c);
          c = undefined;
        }
      } else if (n === 'row') inRow = false;
      else if (n === 'mergeCells') inMerges = false;
    }
  }
  for (const m of merges) b.clearRange(m);
  const sheet = b.finish(name, merges);
  // Hidden rows that hold a value (as parse.ts keeps them).
  const kept = [...new Set(hidden)].filter((r) => rowHasValue(sheet, r)).sort((p, q) => p - q);
  if (kept.length > 0) sheet.hiddenRows = kept;
  if (percent.length > 0) sheet.percentCells = percent;
  return sheet;
}

function rowHasValue(sheet: ColumnarSheet, row: number): boolean {
  const i = row - sheet.origin.row;
  if (i < 0 || i >= sheet.rowCount) return false;
  return sheet.columns.some((c) => {
    const o = c.other?.[i];
    if (o !== undefined) return o !== null;
    const n = c.num[i];
    return n !== undefined && n === n;
  });
}

/** A merge as exceljs applies it: refused when it overlaps one already made. */
function mergeRange(ref: string, made: readonly RangeRef[]): RangeRef {
  let r: RangeRef;
  try {
    r = parseRange(ref);
  } catch {
    throw new Damaged(`Invalid merge ${ref}`);
  }
  for (const m of made)
    if (m.left <= r.right && r.left <= m.right && m.top <= r.bottom && r.top <= m.bottom)
      throw new Damaged('Cannot merge already merged cells');
  return r;
}

// ---------------------------------------------------------------------------------------------
// The workbook

/** exceljs's checks on a sheet name (it throws, so today's reader calls the file damaged). */
function checkSheetName(name: string, taken: readonly string[]): void {
  if (name === '') throw new Damaged("The name can't be empty.");
  if (name === 'History')
    throw new Damaged('The name "History" is protected. Please use a different name.');
  if (/[*?:/\\[\]]/.test(name))
    throw new Damaged(
      `Worksheet name ${name} cannot include any of the following characters: * ? : \\ / [ ]`,
    );
  if (/(^')|('$)/.test(name))
    throw new Damaged(
      `The first or last character of worksheet name cannot be a single quotation mark: ${name}`,
    );
  // Longer than 31: exceljs truncates, then finds the truncated sheet itself and refuses.
  if (name.length > 31)
    throw new Damaged(`Worksheet name already exists: ${name.substring(0, 31)}`);
  if (taken.some((t) => t.toLowerCase() === name.toLowerCase()))
    throw new Damaged(`Worksheet name already exists: ${name}`);
}

/** Parse .xlsx bytes into columns. `file` names the input in every error, as in parseXlsx. */
export function parseXlsxColumnar(bytes: Uint8Array, file: string): ColumnarWorkbook {
  if (startsWith(bytes, OLE_MAGIC)) {
    if (isEncryptedOle(bytes)) throw new UnreadableInputError('error.encrypted', { file });
    throw new UnreadableInputError('error.notWorkbook', { file });
  }
  if (!startsWith(bytes, ZIP_MAGIC)) throw new UnreadableInputError('error.notWorkbook', { file });
  try {
    return readWorkbookParts(bytes, file);
  } catch (e) {
    if (e instanceof UnreadableInputError || e instanceof RangeError) throw e;
    const detail = e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e);
    throw new UnreadableInputError('error.corrupt', { file, detail });
  }
}

function readWorkbookParts(bytes: Uint8Array, file: string): ColumnarWorkbook {
  // The zip guard: the central directory checked before anything is inflated (zip-guard.ts).
  const parts = new Parts(bytes, file);
  const worksheetParts = new Set(
    parts.list().filter((p) => /xl\/worksheets\/sheet(\d+)[.]xml/.test(p)),
  );
  const tooManySheets = () =>
    new UnreadableInputError('limit.sheets', { file, limit: formatCount(FILE_LIMITS.sheets) });
  if (worksheetParts.size > FILE_LIMITS.sheets) throw tooManySheets();
  const { sheets: defs, date1904 } = readWorkbook(parts.text('xl/workbook.xml'));
  if (defs.length > FILE_LIMITS.sheets) throw tooManySheets();
  const rels = readRels(parts.text('xl/_rels/workbook.xml.rels'));

  // exceljs keys sheets by sheetId (a repeated id replaces the earlier sheet) and orders them
  // by the first workbook.xml entry with that id; ids below 1 are dropped by its `slice(1)`.
  const byId = new Map<number, { def: SheetDef; part: string; order: number }>();
  const found = new Set<SheetDef>();
  for (const def of defs) {
    const target = def.rId === undefined ? undefined : rels.get(def.rId);
    if (target === undefined) continue;
    const part = `xl/${target.replace(/^(\s|\/xl\/)+/, '')}`;
    if (!worksheetParts.has(part)) continue; // a chartsheet, or a part exceljs does not read
    const order = defs.findIndex((d) => d.id === def.id);
    byId.set(def.id, { def, part, order });
    found.add(def);
  }
  const chosen = [...byId.entries()]
    .filter(([id]) => Number.isInteger(id) && id >= 1)
    .sort((a, b) => a[0] - b[0])
    .map(([, v]) => v)
    .sort((a, b) => a.order - b.order);
  // exceljs checks each name against the sheets it holds at that moment (keyed by id).
  const held = new Map<number, string>();
  for (const def of defs) {
    if (!found.has(def)) continue;
    checkSheetName(
      def.name,
      [...held.entries()].filter(([id]) => Number.isInteger(id) && id >= 0).map(([, n]) => n),
    );
    held.set(def.id, def.name);
  }
  if (chosen.length === 0) throw new Damaged('no worksheets');

  const shared = readSharedStrings(parts.binary('xl/sharedStrings.xml'));
  const styles = readStyles(parts.text('xl/styles.xml'));
  const dateStyles = styles.dates;
  const percentStyles = styles.percent;
  const sheets: ColumnarSheet[] = [];
  const count: CellCount = { cells: 0 };
  for (const { def, part } of chosen) {
    const xml = parts.binary(part) ?? '';
    const sheetNo = /sheet(\d+)[.]xml/.exec(part)?.[1] ?? '';
    const hyperlinks = hasTag(xml, 'hyperlink')
      ? readHyperlinks(xml, readRels(parts.text(`xl/worksheets/_rels/sheet${sheetNo}.xml.rels`)))
      : new Map<string, string>();
    const rowsGuess = 16 + countTags(xml, 'row');
    const bounds = new SheetBounds(file, def.name, count);
    const context = { shared, dateStyles, percentStyles, date1904, hyperlinks };
    const sheet = readSheet(xml, def.name, context, rowsGuess, bounds);
    if (def.hidden) sheet.hidden = true;
    sheets.push(sheet);
  }
  return { source: file, sheets };
}
