/**
 * A small pull scanner over an XML string, enough for SpreadsheetML parts: start and end tags
 * with their attributes, text (entities decoded, CDATA kept), comments, processing
 * instructions and the DOCTYPE skipped. Names are compared as written, prefix included, as
 * exceljs's SAX parser compares them. No object per token: the scanner's fields describe the
 * current one.
 */

export const enum Tok {
  End = 0,
  Open = 1,
  Close = 2,
  Text = 3,
}

export class XmlScanner {
  /** The current token's kind. */
  tok: Tok = Tok.End;
  /** Tag name (Open, Close). */
  name = '';
  /** An Open tag that closes itself (`<c/>`); `next()` then yields its Close. */
  selfClosing = false;
  private pendingClose = false;
  private attrStart = 0;
  private attrEnd = 0;
  private textStart = 0;
  private textEnd = 0;
  private cdata: string | undefined;
  private pos = 0;

  /**
   * `binary`: `xml` holds the part's UTF-8 bytes one per character (`binaryString`), half the
   * memory of the decoded text when the part has any CJK; text and attribute values are decoded
   * as they are taken. Markup is ASCII, and no UTF-8 sequence contains an ASCII byte, so every
   * position and every value is the same as in the decoded text.
   */
  constructor(
    readonly xml: string,
    private readonly binary = false,
  ) {}

  next(): Tok {
    const xml = this.xml;
    if (this.pendingClose) {
      this.pendingClose = false;
      this.tok = Tok.Close;
      return this.tok;
    }
    for (;;) {
      const at = this.pos;
      if (at >= xml.length) return (this.tok = Tok.End);
      if (xml.charCodeAt(at) !== 60 /* < */) {
        let lt = xml.indexOf('<', at);
        if (lt < 0) lt = xml.length;
        this.textStart = at;
        this.textEnd = lt;
        this.cdata = undefined;
        this.pos = lt;
        return (this.tok = Tok.Text);
      }
      const c1 = xml.charCodeAt(at + 1);
      if (c1 === 33 /* ! */) {
        if (xml.startsWith('<![CDATA[', at)) {
          const end = xml.indexOf(']]>', at + 9);
          const stop = end < 0 ? xml.length : end;
          this.cdata = this.utf8(xml.slice(at + 9, stop));
          this.pos = end < 0 ? xml.length : end + 3;
          return (this.tok = Tok.Text);
        }
        const close = xml.startsWith('<!--', at)
          ? xml.indexOf('-->', at + 4)
          : xml.indexOf('>', at);
        this.pos = close < 0 ? xml.length : close + (xml.startsWith('<!--', at) ? 3 : 1);
        continue;
      }
      if (c1 === 63 /* ? */) {
        const close = xml.indexOf('?>', at + 2);
        this.pos = close < 0 ? xml.length : close + 2;
        continue;
      }
      if (c1 === 47 /* / */) {
        const gt = xml.indexOf('>', at);
        this.name = xml.slice(at + 2, gt < 0 ? xml.length : gt).trim();
        this.pos = gt < 0 ? xml.length : gt + 1;
        return (this.tok = Tok.Close);
      }
      // Start tag: name, then attributes up to the `>` that is not inside quotes.
      let i = at + 1;
      while (i < xml.length) {
        const c = xml.charCodeAt(i);
        if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47 || c === 62) break;
        i++;
      }
      this.name = xml.slice(at + 1, i);
      this.attrStart = i;
      let quote = 0;
      while (i < xml.length) {
        const c = xml.charCodeAt(i);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === 34 || c === 39) quote = c;
        else if (c === 62) break;
        i++;
      }
      this.selfClosing = xml.charCodeAt(i - 1) === 47;
      this.attrEnd = this.selfClosing ? i - 1 : i;
      this.pos = i + 1;
      this.pendingClose = this.selfClosing;
      return (this.tok = Tok.Open);
    }
  }

  /** Where the scanner is: just after the current token. */
  get position(): number {
    return this.pos;
  }

  /** A self-closing tag's Close is still to come (`skipTo` would refuse to move). */
  get closing(): boolean {
    return this.pendingClose;
  }

  /**
   * Go on from `pos`, after a caller has read what lies before it (the text of a plain cell):
   * only forward, and never from inside a self-closing tag's pending Close.
   */
  skipTo(pos: number): void {
    if (this.pendingClose || pos < this.pos) throw new Error('XmlScanner.skipTo: not forward');
    this.pos = pos;
  }

  /** The value of `xml.slice(from, to)` as text: UTF-8 decoded (binary), entities decoded. */
  textAt(from: number, to: number): string {
    return decodeEntities(this.utf8(this.xml.slice(from, to)));
  }

  /** Where the current Text token lies in `xml` (undefined for CDATA). */
  get rawTextStart(): number {
    return this.cdata === undefined ? this.textStart : -1;
  }

  get rawTextEnd(): number {
    return this.textEnd;
  }

  /** The current Text token, entities decoded. */
  text(): string {
    if (this.cdata !== undefined) return this.cdata;
    return this.textAt(this.textStart, this.textEnd);
  }

  /** An attribute of the current Open tag, entities decoded; undefined when absent. */
  attr(name: string): string | undefined {
    // Into scratch arrays: a row's `r` and `hidden` are asked of 500,000 rows, and two typed
    // arrays and a list made for each took a tenth of reading them.
    ONE_NAME[0] = name;
    this.attrRanges(ONE_NAME, ONE_FROM, ONE_TO);
    const from = ONE_FROM[0] as number;
    return from < 0 ? undefined : this.textAt(from, ONE_TO[0] as number);
  }

  /**
   * Several attributes of the current Open tag in one pass (a cell's `r`, `s` and `t`): `out[k]`
   * becomes `names[k]`'s value, entities decoded, or undefined. The first of a repeated name counts,
   * as in `attr`.
   */
  attrs(names: readonly string[], out: (string | undefined)[]): void {
    const from = new Int32Array(names.length);
    const to = new Int32Array(names.length);
    this.attrRanges(names, from, to);
    for (let k = 0; k < names.length; k++)
      out[k] =
        (from[k] as number) < 0 ? undefined : this.textAt(from[k] as number, to[k] as number);
  }

  /**
   * Where `attrs` would take each value from, without making it: `xml.slice(from[k], to[k])` is
   * `names[k]`'s value as written (entities not decoded), or `from[k]` is −1 when it is absent.
   * A cell's column and style are read from there as numbers, no string made (5 million cells).
   * Gives the first of `names` written twice (not well-formed XML: exceljs refuses it), or −1.
   */
  attrRanges(names: readonly string[], from: Int32Array, to: Int32Array): number {
    const xml = this.xml;
    // Set one by one, and a one-character name (a cell's r, s, t) compared by its code: a call
    // to fill or startsWith cost more than the scan of a cell's attributes.
    for (let k = 0; k < names.length; k++) {
      from[k] = -1;
      to[k] = -1;
    }
    let found = 0; // bit k: names[k] seen
    let twice = -1;
    let i = this.attrStart;
    const end = this.attrEnd;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < end && xml.charCodeAt(i) !== 61 /* = */ && !isSpace(xml.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (xml.charCodeAt(i) !== 61) {
        if (nameEnd === nameStart) i++;
        continue;
      }
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const q = xml.charCodeAt(i);
      if (q !== 34 && q !== 39) return twice; // `attr` gives undefined from here on too
      const close = xml.indexOf(q === 34 ? '"' : "'", i + 1);
      const valueEnd = close < 0 ? end : close;
      for (let k = 0; k < names.length; k++) {
        const name = names[k] as string;
        const bit = 1 << k;
        if (nameEnd - nameStart !== name.length) continue;
        if (
          name.length === 1
            ? xml.charCodeAt(nameStart) !== name.charCodeAt(0)
            : !xml.startsWith(name, nameStart)
        )
          continue;
        if (found & bit) {
          if (twice < 0) twice = k;
          break;
        }
        from[k] = i + 1;
        to[k] = valueEnd;
        found |= bit;
        break;
      }
      i = valueEnd + 1;
    }
    return twice;
  }

  private utf8(s: string): string {
    return this.binary ? fromBinary(s) : s;
  }
}

/**
 * How many times `<` and `name` stand in `xml` (`<row` of `<row r="2">`, of `<rowBreaks>` too).
 * Searched for by the name and the `<` checked after: V8 finds `row` in a sheet's XML about
 * three times faster than `<row`, whose `<` starts every tag (0.08 s for each 78 MB sheet).
 */
export function countTags(xml: string, name: string): number {
  let n = 0;
  for (let i = xml.indexOf(name, 1); i >= 0; i = xml.indexOf(name, i + name.length))
    if (xml.charCodeAt(i - 1) === 60 /* < */) n++;
  return n;
}

/** Whether `<` and `name` stand anywhere in `xml`: `xml.includes('<' + name)`, found as `countTags` is. */
export function hasTag(xml: string, name: string): boolean {
  for (let i = xml.indexOf(name, 1); i >= 0; i = xml.indexOf(name, i + 1))
    if (xml.charCodeAt(i - 1) === 60 /* < */) return true;
  return false;
}

/** `attr`'s scratch: one name, and where its value lies. */
const ONE_NAME: string[] = [''];
const ONE_FROM = new Int32Array(1);
const ONE_TO = new Int32Array(1);

const UTF8 = new TextDecoder('utf-8');

/** Bytes as a string of one character per byte (U+0000–U+00FF), a leading BOM dropped. */
export function binaryString(bytes: Uint8Array): string {
  const from =
    bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  const B = (globalThis as { Buffer?: { from(b: ArrayBufferLike, o: number, n: number): Latin1 } })
    .Buffer;
  if (B) return B.from(from.buffer, from.byteOffset, from.length).toString('latin1');
  let out = '';
  const step = 1 << 15;
  for (let i = 0; i < from.length; i += step)
    out += String.fromCharCode.apply(null, from.subarray(i, i + step) as unknown as number[]);
  return out;
}

interface Latin1 {
  toString(encoding: 'latin1'): string;
}

/** A `binaryString` slice decoded as UTF-8 (ASCII, the usual case, as it is). */
export function fromBinary(s: string): string {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s;
  const b = new Uint8Array(s.length);
  for (let k = 0; k < s.length; k++) b[k] = s.charCodeAt(k);
  return UTF8.decode(b);
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** XML's five entities and character references; anything else is left as written. */
export function decodeEntities(s: string): string {
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}
