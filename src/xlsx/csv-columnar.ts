import type { Cell } from '../core/model/cell';
import {
  fromSheetData,
  type ColumnarSheet,
  type ColumnarWorkbook,
  type SheetColumn,
} from '../core/model/columnar';
import { DOT_ZEROS } from '../core/read/coerce';
import { guardCsv } from './csv-guard';
import { utf16AsUtf8 } from './utf16';
import type * as Parse from './parse';

/** parse.ts (and so exceljs) is loaded only for the input this scanner hands back to csv-parse. */
function legacyParseCsv(): typeof Parse.parseCsv {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('./parse') as typeof Parse).parseCsv;
}

/**
 * CSV bytes straight into columns: one pass over the text, numbers parsed from the characters
 * into Float64Arrays, no array per record and no string per numeric field.
 *
 * It gives exactly what `parseCsv` (csv-parse with `relax_column_count`, `bom`, auto-detected
 * record delimiter) gives, cell for cell and row width for row width:
 *  - the text is decoded as UTF-8, or as GBK when the UTF-8 reading has a U+FFFD anywhere;
 *    a leading BOM is dropped as `parseCsv` drops it;
 *  - the field delimiter is the most frequent of `,` `;` tab on the first line (`,` if none);
 *  - the record delimiter is the first `\r\n`, `\n` or `\r` met outside quotes, and only that
 *    one ends records from then on (as csv-parse does);
 *  - an unquoted field that is empty or `NA` is blank; one that matches
 *    `^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$` is `Number(field)`; any other is text as
 *    written (`１２３`, `1,234`, `12人` stay text: the engine's coercion reads them later with
 *    a notice);
 *  - a quoted field is text as written (`"007"` stays `007`), `""` is blank;
 *  - trailing records that are all blank are dropped.
 * Input csv-parse would refuse (a quote inside an unquoted field, text after a closing quote,
 * an unclosed quote) and the odd corners this scanner does not model are handed to `parseCsv`
 * itself, so the error is the same one, with the same line.
 *
 * The bytes are decoded a chunk at a time, so the whole file never becomes one string.
 */

const CHUNK_BYTES = 1 << 20;
const COMMA = 44;
const SEMI = 59;
const TAB = 9;
const QUOTE = 34;
const CR = 13;
const LF = 10;

/** Record delimiter: not seen yet, `\r\n`, `\n`, `\r`. */
const enum RD {
  Unknown = 0,
  CrLf = 1,
  Lf = 2,
  Cr = 3,
}

/** Thrown inside the scanner for input it leaves to csv-parse. */
class NotModelled extends Error {}

const POW10: number[] = [];
for (let k = 0; k <= 22; k++) POW10.push(Number(`1e${k}`));

/**
 * The number an unquoted CSV field holds, or NaN when it is not a plain decimal number
 * (`CSV_NUMBER` in parse.ts). Up to 15 significant digits, no exponent and at most 22 decimals,
 * the value is `m / 10^k` with both exact, which IEEE division rounds exactly as `Number()`
 * does; anything longer goes to `Number()` itself. (NaN rather than undefined keeps the
 * return a plain double, which V8 need not box.)
 */
export function csvNumber(s: string, a: number, b: number): number {
  let i = a;
  let neg = false;
  let c = s.charCodeAt(i);
  if (c === 43 || c === 45) {
    neg = c === 45;
    i++;
  }
  let m = 0;
  let sig = 0;
  let intDigits = 0;
  let fracDigits = 0;
  while (i < b) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) break;
    if (sig > 0 || c !== 48) {
      sig++;
      m = m * 10 + (c - 48);
    }
    intDigits++;
    i++;
  }
  if (i < b && s.charCodeAt(i) === 46) {
    i++;
    while (i < b) {
      c = s.charCodeAt(i);
      if (c < 48 || c > 57) break;
      if (sig > 0 || c !== 48) {
        sig++;
        m = m * 10 + (c - 48);
      }
      fracDigits++;
      i++;
    }
  }
  if (intDigits === 0 && fracDigits === 0) return NaN;
  if (i === b) {
    if (sig <= 15 && fracDigits <= 22) {
      const v = fracDigits === 0 ? m : m / (POW10[fracDigits] as number);
      return neg ? -v : v;
    }
    return Number(s.slice(a, b));
  }
  c = s.charCodeAt(i);
  if (c !== 101 && c !== 69) return NaN;
  i++;
  c = s.charCodeAt(i);
  if (c === 43 || c === 45) i++;
  const expStart = i;
  while (i < b) {
    c = s.charCodeAt(i);
    if (c < 48 || c > 57) return NaN;
    i++;
  }
  if (i === expStart) return NaN;
  return Number(s.slice(a, b));
}

/** Characters a..b of s are `1.000`-shaped (DOT_ZEROS), checked by code before the pattern. */
function dotZeros(s: string, a: number, b: number): boolean {
  const n = b - a;
  if (n < 5 || n > 8 || s.charCodeAt(b - 4) !== 46) return false;
  return DOT_ZEROS.test(s.slice(a, b));
}

/**
 * The number a CSV reader stores for the unquoted field a..b of s, or NaN when the field stays
 * text: not a plain decimal number (csvNumber), or `1.000`-shaped, which stays text as a text
 * cell of a workbook would, so that the reader says it may be a thousand with a dot between the
 * thousands (coerce.ts DOT_ZEROS) rather than read 1 in silence. parse.ts decides the same.
 */
export function csvFieldNumber(s: string, a: number, b: number): number {
  const num = csvNumber(s, a, b);
  return num === num && dotZeros(s, a, b) ? NaN : num;
}

function guessDelimiter(firstLine: string): number {
  const counts: [number, number][] = [
    [COMMA, 0],
    [SEMI, 0],
    [TAB, 0],
  ];
  for (let i = 0; i < firstLine.length; i++) {
    const c = firstLine.charCodeAt(i);
    for (const entry of counts) if (entry[0] === c) entry[1]++;
  }
  // Stable sort by count, as parse.ts does: ties keep `,` `;` tab order.
  counts.sort((x, y) => y[1] - x[1]);
  const best = counts[0];
  return best && best[1] > 0 ? best[0] : COMMA;
}

/** The scanner: fed decoded text a piece at a time, writing cells into a ColumnarBuilder. */
class CsvScanner {
  private rd: RD = RD.Unknown;
  private row = 0;
  private widths = new Uint32Array(1024);
  /** Rows up to and including this one have a cell that is not blank. */
  private lastFilled = -1;
  private cap: number;
  private nums: Float64Array[] = [];
  private others: ((Cell | undefined)[] | undefined)[] = [];

  constructor(
    private readonly delim: number,
    expectedRows: number,
  ) {
    this.cap = Math.max(16, expectedRows);
  }

  private num(col: number): Float64Array {
    while (this.nums.length <= col) this.nums.push(new Float64Array(this.cap).fill(NaN));
    return this.nums[col] as Float64Array;
  }

  private put(row: number, col: number, v: string): void {
    this.num(col);
    let o = this.others[col];
    if (!o) {
      o = [];
      this.others[col] = o;
    }
    o[row] = v;
  }

  private clear(row: number, col: number): void {
    const num = this.nums[col];
    if (num) num[row] = NaN;
    const o = this.others[col];
    if (o && o[row] !== undefined) o[row] = undefined;
  }

  private grow(): void {
    const cap = this.cap * 2;
    this.nums = this.nums.map((old) => {
      const num = new Float64Array(cap).fill(NaN, old.length);
      num.set(old);
      return num;
    });
    this.cap = cap;
  }

  /**
   * Scan the complete records of `s`; return where the unfinished one starts (s.length when
   * none). With `final`, the end of `s` ends the last record.
   */
  feed(s: string, final: boolean): number {
    const n = s.length;
    let pos = 0;
    while (pos < n) {
      const next = this.record(s, pos, final);
      if (next < 0) return pos;
      pos = next;
    }
    return n;
  }

  /** One record from `start`; the position after it, or -1 if `s` ends before it does. */
  private record(s: string, start: number, final: boolean): number {
    const n = s.length;
    const delim = this.delim;
    const row = this.row;
    if (row >= this.cap) this.grow();
    let col = 0;
    let filled = false;
    let pos = start;
    for (;;) {
      // One field from pos.
      let c = pos < n ? s.charCodeAt(pos) : -1;
      let value: Cell = null;
      let end: number; // position of the character that ends the field
      if (c === QUOTE) {
        let i = pos + 1;
        let parts: string | undefined;
        let from = i;
        for (;;) {
          if (i >= n) {
            if (!final) return this.unfinished(row, col);
            throw new NotModelled('quote not closed');
          }
          if (s.charCodeAt(i) === QUOTE) {
            if (i + 1 >= n && !final) return this.unfinished(row, col);
            if (s.charCodeAt(i + 1) === QUOTE) {
              parts = (parts ?? '') + s.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            break;
          }
          i++;
        }
        const text = parts === undefined ? s.slice(from, i) : parts + s.slice(from, i);
        end = i + 1;
        c = end < n ? s.charCodeAt(end) : -1;
        if (c === -1 && !final) return this.unfinished(row, col);
        if (c === CR && end + 1 >= n && !final) return this.unfinished(row, col);
        if (c !== -1 && c !== delim && !this.isRecordEnd(s, end, c, final))
          throw new NotModelled('text after a closing quote');
        if (text !== '') value = text;
      } else {
        // The usual field, digits only (a count), read as it is scanned and ended by the
        // delimiter or by this file's record delimiter: one pass, not a scan and a parse.
        // Anything else goes on from where the digits stop (none of them ends a field).
        let i = pos;
        let m = 0;
        while (i < n) {
          c = s.charCodeAt(i);
          if (c < 48 || c > 57) break;
          m = m * 10 + (c - 48);
          i++;
        }
        const plain = i > pos && i - pos <= 15 && i < n && this.endsPlainly(s, i, c);
        while (!plain && i < n) {
          c = s.charCodeAt(i);
          if (c === delim) break;
          if (c === CR || c === LF) {
            if (c === CR && i + 1 >= n && !final) return this.unfinished(row, col);
            if (this.isRecordEnd(s, i, c, final)) break;
          } else if (c === QUOTE) throw new NotModelled('quote in an unquoted field');
          i++;
        }
        if (i >= n) {
          if (!final) return this.unfinished(row, col);
          c = -1;
        }
        end = i;
        if (plain) {
          this.num(col)[row] = m;
          filled = true;
        } else if (
          end > pos &&
          !(end - pos === 2 && s.charCodeAt(pos) === 78 && s.charCodeAt(pos + 1) === 65)
        ) {
          const num = csvFieldNumber(s, pos, end);
          if (num === num) {
            this.num(col)[row] = num;
            filled = true;
          } else value = s.slice(pos, end);
        }
      }
      if (value !== null) {
        this.put(row, col, value);
        filled = true;
      }
      col++;
      if (c === delim) {
        pos = end + 1;
        continue;
      }
      // End of record: a record delimiter or the end of the text.
      this.commit(row, col, filled);
      if (c === -1) return n;
      return end + (this.rd === RD.CrLf ? 2 : 1);
    }
  }

  /**
   * Whether c at position i ends a field as the delimiter or as the record delimiter already
   * learnt (a CR of `\r\n` with its LF in the text); else the full scan decides.
   */
  private endsPlainly(s: string, i: number, c: number): boolean {
    if (c === this.delim) return true;
    if (c === LF) return this.rd === RD.Lf;
    return c === CR && this.rd === RD.CrLf && s.charCodeAt(i + 1) === LF;
  }

  /** Whether position i (holding c, a CR or LF) ends a record; learns the delimiter once. */
  private isRecordEnd(s: string, i: number, c: number, final: boolean): boolean {
    switch (this.rd) {
      case RD.CrLf:
        return c === CR && s.charCodeAt(i + 1) === LF;
      case RD.Lf:
        return c === LF;
      case RD.Cr:
        return c === CR;
      default:
        if (c === CR) {
          if (i + 1 >= s.length && !final) throw new NotModelled('unreachable: CR at chunk end');
          this.rd = s.charCodeAt(i + 1) === LF ? RD.CrLf : RD.Cr;
          return true;
        }
        if (c === LF) {
          this.rd = RD.Lf;
          return true;
        }
        return false;
    }
  }

  /** An unfinished record at the end of a chunk: undo what it wrote; the caller comes back. */
  private unfinished(row: number, cols: number): number {
    for (let j = 0; j <= cols; j++) this.clear(row, j);
    return -1;
  }

  private commit(row: number, width: number, filled: boolean): void {
    if (row >= this.widths.length) {
      const w = new Uint32Array(this.widths.length * 2);
      w.set(this.widths);
      this.widths = w;
    }
    this.widths[row] = width;
    if (filled) this.lastFilled = row;
    this.row = row + 1;
  }

  finish(name: string): ColumnarSheet {
    const rowCount = this.lastFilled + 1;
    let width = 0;
    let ragged = false;
    for (let i = 0; i < rowCount; i++) {
      const w = this.widths[i] ?? 0;
      if (i > 0 && w !== width) ragged = true;
      if (w > width) width = w;
    }
    const columns: SheetColumn[] = [];
    for (let j = 0; j < width; j++) {
      const num = this.num(j);
      const column: SheetColumn = {
        num: num.length <= rowCount * 1.25 ? num.subarray(0, rowCount) : num.slice(0, rowCount),
      };
      const o = this.others[j];
      if (o) {
        if (o.length > rowCount) o.length = rowCount;
        if (o.some((v) => v !== undefined)) column.other = o;
      }
      columns.push(column);
    }
    this.nums = [];
    this.others = [];
    const sheet: ColumnarSheet = { name, origin: { row: 0, col: 0 }, rowCount, columns };
    if (ragged) sheet.rowWidths = this.widths.slice(0, rowCount);
    return sheet;
  }
}

/** Records to make room for: the first piece's lines, scaled to the whole file (+5 %). */
function estimateRows(piece: string, pieceBytes: number, totalBytes: number): number {
  let lines = 0;
  for (let i = piece.indexOf('\n'); i >= 0; i = piece.indexOf('\n', i + 1)) lines++;
  return Math.max(
    16,
    Math.ceil((Math.max(1, lines) * totalBytes * 1.05) / Math.max(1, pieceBytes)),
  );
}

function firstLineOf(text: string): string {
  const nl = text.indexOf('\n');
  const line = nl < 0 ? text : text.slice(0, nl);
  return line.endsWith('\r') ? line.slice(0, -1) : line;
}

/** Scan with one decoder; undefined when UTF-8 turns out not to be (the caller retries GBK). */
function scan(
  bytes: Uint8Array,
  encoding: 'utf-8' | 'gbk',
  name: string,
  chunk: number,
): ColumnarSheet | undefined {
  const decoder = new TextDecoder(encoding, { fatal: false });
  let pending = '';
  let scanner: CsvScanner | undefined;
  let bomsLeft = encoding === 'utf-8' ? 2 : 1; // decodeText's replace, then csv-parse's `bom`
  for (let at = 0; at < bytes.length || (at === 0 && bytes.length === 0); at += chunk) {
    const last = at + chunk >= bytes.length;
    const piece = decoder.decode(bytes.subarray(at, at + chunk), { stream: !last });
    if (encoding === 'utf-8' && piece.includes('\uFFFD')) return undefined;
    pending += piece;
    if (!scanner) {
      while (bomsLeft > 0 && pending.charCodeAt(0) === 0xfeff) {
        pending = pending.slice(1);
        bomsLeft--;
      }
      if (!last && !pending.includes('\n')) continue;
      const expected = estimateRows(pending, Math.min(bytes.length, at + chunk), bytes.length);
      scanner = new CsvScanner(guessDelimiter(firstLineOf(pending)), expected);
      bomsLeft = 0;
    }
    const used = scanner.feed(pending, last);
    pending = pending.slice(used);
    if (last) break;
  }
  scanner ??= new CsvScanner(COMMA, 16);
  return scanner.finish(name);
}

/**
 * Parse CSV bytes into columns: the same cells as `parseCsv(bytes, file, sheetName)`, and its
 * errors for a file it cannot read. `chunkBytes` (tests) sets how much is decoded at a time.
 */
export function parseCsvColumnar(
  bytes: Uint8Array,
  file: string,
  sheetName = 'Sheet1',
  options: { chunkBytes?: number } = {},
): ColumnarWorkbook {
  bytes = utf16AsUtf8(bytes, file);
  // Size, rows, columns, cells, grid and field length, on the bytes, before anything is built.
  guardCsv(bytes, file);
  const chunk = Math.max(1, options.chunkBytes ?? CHUNK_BYTES);
  try {
    let sheet = scan(bytes, 'utf-8', sheetName, chunk);
    if (!sheet) {
      try {
        sheet = scan(bytes, 'gbk', sheetName, chunk);
      } catch (e) {
        if (e instanceof NotModelled) throw e;
        // No GBK decoder in this runtime: parse.ts then reads the UTF-8 text as it is.
        sheet = undefined;
      }
    }
    if (sheet) return { source: file, sheets: [sheet] };
  } catch (e) {
    if (!(e instanceof NotModelled)) throw e;
  }
  // What this scanner leaves to csv-parse: the same error, or (if csv-parse reads it) its rows.
  const wb = legacyParseCsv()(bytes, file, sheetName);
  return { source: wb.source, sheets: wb.sheets.map(fromSheetData) };
}
