import { csvNumber } from './csv-columnar';
import type { XmlScanner } from './xml-scan';

/**
 * A worksheet's `<c>` as the columnar reader (xlsx-columnar.ts) collects it, before its value is
 * made a cell: the raw fields exceljs's cell parser would gather, its attributes read from their
 * positions in the XML with no string made, and the one-pass reading of the usual cell
 * (`quickCell`) that readSheet tries before going token by token.
 */

/** Thrown where exceljs would throw while loading: the caller turns it into `error.corrupt`. */
export class Damaged extends Error {}

/**
 * `addressColumn` of `xml.slice(from, to)` without making the string, or −1 when it holds an
 * entity or a character past ASCII before it ends (then the string is made and read).
 */
export function columnAt(xml: string, from: number, to: number): number {
  return columnIn(xml, from, to, true);
}

/** exceljs's column number from an A1 address (its `decodeAddress`), 1-based. */
export function addressColumn(ref: string): number {
  return columnIn(ref, 0, ref.length, false);
}

/**
 * The column letters of `s` from `from` to `to` as a number, as exceljs's `decodeAddress` reads
 * them; `raw` (XML not yet decoded): −1 at an entity or a character past ASCII.
 */
function columnIn(s: string, from: number, to: number, raw: boolean): number {
  let col = 0;
  let hasCol = false;
  let hasRow = false;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (raw && (c === 38 /* & */ || c >= 128)) return -1;
    if (!hasRow && c >= 65 && c <= 90) {
      hasCol = true;
      col = col * 26 + c - 64;
    } else if (c >= 48 && c <= 57) hasRow = true;
    else if (hasRow && hasCol && c !== 36) break;
  }
  return col;
}

/** A style number of up to 9 digits as written, or −1 (then `parseInt` of the text decides). */
export function digitsAt(xml: string, from: number, to: number): number {
  if (to <= from || to - from > 9) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = xml.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** The cell types as constants: a cell's `t` is one of them without a string made for it. */
const CELL_TYPES = ['s', 'n', 'str', 'b', 'e', 'inlineStr', 'd', ''];

/** A cell's `t`: one of CELL_TYPES, else the text as written. */
function typeAt(x: XmlScanner, from: number, to: number): string {
  return knownType(x.xml, from, to) ?? x.textAt(from, to);
}

/** One `<c>` as exceljs's cell parser collects it. */
export interface RawCell {
  address: string | undefined;
  /**
   * The column its `r` names, read from the XML as a number (`columnAt`), or −1: then it is
   * `address`'s. `r` lies at `refFrom`…`refTo` of the XML, for a message.
   */
  col: number;
  refFrom: number;
  refTo: number;
  /** `<v>` read as a plain decimal number straight from the XML, else NaN. */
  num: number;
  styleId: number | undefined;
  t: string | undefined;
  value: string | undefined;
  rich: (string | undefined)[] | undefined;
  formula: string | undefined;
  shareType: string | undefined;
  si: string | undefined;
  ref: string | undefined;
}

export function emptyRaw(): RawCell {
  return {
    address: undefined,
    col: -1,
    refFrom: -1,
    refTo: -1,
    num: NaN,
    styleId: undefined,
    t: undefined,
    value: undefined,
    rich: undefined,
    formula: undefined,
    shareType: undefined,
    si: undefined,
    ref: undefined,
  };
}

export function resetRaw(c: RawCell): RawCell {
  c.address = c.t = c.value = c.formula = c.shareType = c.si = c.ref = undefined;
  c.styleId = undefined;
  c.rich = undefined;
  c.num = NaN;
  c.col = -1;
  return c;
}

/** A cell's attributes, and where their values lie (`XmlScanner.attrRanges`). */
const CELL_ATTRS = ['r', 's', 't'] as const;
const attrFrom = new Int32Array(3);
const attrTo = new Int32Array(3);

/**
 * A cell's `r`, `s` and `t`, as `attrs` would give them. `plain`: a cell with no formula (one read
 * at once, or closed at once) and no hyperlink to look up by its address: its column is read as
 * a number, no address made.
 */
export function cellAttributes(x: XmlScanner, c: RawCell, plain: boolean, sheet: string): void {
  // `<c r="B2" r="C2">` is not XML; which value counts nobody can say (exceljs refuses it).
  const twice = x.attrRanges(CELL_ATTRS, attrFrom, attrTo);
  if (twice >= 0)
    throw new Damaged(`sheet "${sheet}": a cell gives its ${CELL_ATTRS[twice]} twice`);
  const rFrom = attrFrom[0] as number;
  const rTo = attrTo[0] as number;
  if (rFrom >= 0) {
    c.refFrom = rFrom;
    c.refTo = rTo;
    // An empty `r` is no address (the column follows the previous one): made as a string.
    if (plain && rTo > rFrom) c.col = columnAt(x.xml, rFrom, rTo);
    if (c.col < 0) c.address = x.textAt(rFrom, rTo);
  }
  const sFrom = attrFrom[1] as number;
  const sTo = attrTo[1] as number;
  // `if (s) c.styleId = parseInt(s, 10)`: an empty `s` sets nothing.
  if (sFrom >= 0 && sTo > sFrom) {
    const n = digitsAt(x.xml, sFrom, sTo);
    c.styleId = n >= 0 ? n : parseInt(x.textAt(sFrom, sTo), 10);
  }
  const tFrom = attrFrom[2] as number;
  if (tFrom >= 0) c.t = typeAt(x, tFrom, attrTo[2] as number);
}

/** Whether readSheet takes the usual cell in one pass (off in a test, to compare the two). */
export const QUICK_CELLS = { on: true };

/**
 * The usual cell, `<c r="C2" s="3" t="s"><v>12</v></c>`, read in one pass where the scanner
 * would make tokens of its tag, attributes, value and end: `r` (one to three letters, then
 * digits), `s` (digits) and `t` (a known type), each at most once, in any order, double-quoted
 * after one space, and a plain value. `c` is filled as cellAttributes and the plain-value step
 * fill it; gives the position after `</c>`, or −1 for any other cell, which is then read token
 * by token (and refused there when it is not well formed). 6 million cells of 100,000
 * villages: a fifth of reading them.
 */
export function quickCell(x: XmlScanner, at: number, c: RawCell): number {
  const xml = x.xml;
  if (xml.charCodeAt(at) !== 60 || xml.charCodeAt(at + 1) !== 99 || xml.charCodeAt(at + 2) !== 32)
    return -1;
  resetRaw(c);
  let seen = 0;
  let i = at + 2;
  for (;;) {
    const ch = xml.charCodeAt(i);
    if (ch === 62 /* > */) break;
    if (ch !== 32 || xml.charCodeAt(i + 2) !== 61 || xml.charCodeAt(i + 3) !== 34) return -1;
    const name = xml.charCodeAt(i + 1);
    const from = i + 4;
    const bit = name === 114 /* r */ ? 1 : name === 115 /* s */ ? 2 : name === 116 /* t */ ? 4 : 0;
    if (bit === 0 || seen & bit) return -1;
    seen |= bit;
    const to =
      bit === 1 ? refEnd(xml, from) : bit === 2 ? digitsEnd(xml, from) : lettersEnd(xml, from);
    if (to < 0) return -1;
    if (bit === 1) {
      c.refFrom = from;
      c.refTo = to;
      c.col = columnAt(xml, from, to);
    } else if (bit === 2) c.styleId = digitsAt(xml, from, to);
    else {
      const t = knownType(xml, from, to);
      if (t === undefined) return -1;
      c.t = t;
    }
    i = to + 1;
  }
  const end = plainValueEnd(xml, i + 1);
  if (end < 0) return -1;
  const from = i + 4;
  if (end > from) takePlainValue(x, c, from, end, false);
  return end + 8;
}

/**
 * A plain value (`<v>` at `from`…`end`, no markup in it) taken into `c`: the number scanned from
 * the XML, and its text only when it is read (a type, a hyperlink, no number): finalCell takes
 * a plain number's `num`, so no string is made for it, of the 6 million cells of 100,000
 * villages. Its value is then '' only to say the cell has one.
 */
export function takePlainValue(
  x: XmlScanner,
  c: RawCell,
  from: number,
  end: number,
  linked: boolean,
): void {
  c.num = csvNumber(x.xml, from, end);
  const bare = c.num === c.num && (c.t === undefined || c.t === 'n');
  c.value = bare && !linked ? '' : x.textAt(from, end);
}

/** The closing quote after `r`'s one to three capitals and one to seven digits, or −1. */
function refEnd(xml: string, from: number): number {
  let i = from;
  while (i - from < 3 && isCapital(xml.charCodeAt(i))) i++;
  if (i === from) return -1;
  const digits = i;
  while (i - digits < 7 && isDigit(xml.charCodeAt(i))) i++;
  return i > digits && xml.charCodeAt(i) === 34 ? i : -1;
}

/** The closing quote after one to nine digits, or −1. */
function digitsEnd(xml: string, from: number): number {
  let i = from;
  while (i - from < 9 && isDigit(xml.charCodeAt(i))) i++;
  return i > from && xml.charCodeAt(i) === 34 ? i : -1;
}

/** The closing quote after one to nine ASCII letters, or −1. */
function lettersEnd(xml: string, from: number): number {
  let i = from;
  while (i - from < 9 && (isCapital(xml.charCodeAt(i)) || isSmall(xml.charCodeAt(i)))) i++;
  return i > from && xml.charCodeAt(i) === 34 ? i : -1;
}

const isCapital = (c: number) => c >= 65 && c <= 90;
const isSmall = (c: number) => c >= 97 && c <= 122;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** One of CELL_TYPES written at `from`…`to`, or undefined. */
function knownType(xml: string, from: number, to: number): string | undefined {
  for (const t of CELL_TYPES) if (t.length === to - from && xml.startsWith(t, from)) return t;
  return undefined;
}

/**
 * Where `</v>` starts when the XML at `at` is exactly `<v>text</v></c>` (text with no markup,
 * no CDATA, no comment), else −1: the cell is then read token by token.
 */
export function plainValueEnd(xml: string, at: number): number {
  if (!holds(xml, at, OPEN_V)) return -1;
  const lt = xml.indexOf('<', at + 3);
  return lt >= 0 && holds(xml, lt, CLOSE_V_C) ? lt : -1;
}

const OPEN_V = codesOf('<v>');
const CLOSE_V_C = codesOf('</v></c>');

function codesOf(s: string): readonly number[] {
  return [...s].map((c) => c.charCodeAt(0));
}

/**
 * `xml.startsWith(text, at)` for the text whose codes are `codes`, compared code by code: at
 * each of 6 million cells the call to startsWith took longer than the scan of the cell.
 */
function holds(xml: string, at: number, codes: readonly number[]): boolean {
  for (let k = 0; k < codes.length; k++) if (xml.charCodeAt(at + k) !== codes[k]) return false;
  return true;
}
