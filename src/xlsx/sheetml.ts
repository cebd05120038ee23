import { columnLetter, parseRange } from '../core/model/a1';
import { headerFooterString, type OutputCell, type OutputSheet } from '../core/output/spec';
import { ByteWriter, type ByteSink } from './byte-writer';

/**
 * SpreadsheetML for the fast writer (./fast-write.ts): the style table and a worksheet's XML,
 * written as text chunks row by row, with no object per cell. What it writes is what
 * ./write.ts asks exceljs for (test/xlsx/fast-write.test.ts reads both back and compares).
 */

export function xmlText(s: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let rep: string | undefined;
    if (c === 38) rep = '&amp;';
    else if (c === 60) rep = '&lt;';
    else if (c === 62) rep = '&gt;';
    else if (c === 34) rep = '&quot;';
    else if (c === 39) rep = '&apos;';
    // Control characters are not allowed in XML 1.0: dropped, as Excel cannot show them.
    else if (c < 32 && c !== 9 && c !== 10 && c !== 13) rep = '';
    else if (c === 0xfffe || c === 0xffff) rep = '';
    if (rep !== undefined) {
      out += s.slice(last, i) + rep;
      last = i + 1;
    }
  }
  return last === 0 ? s : out + s.slice(last);
}

/** Two cells look alike (number format aside, compared by the caller), as the xf key tells. */
function sameLook(a: OutputCell, b: OutputCell): boolean {
  return (
    (a.bold === true) === (b.bold === true) &&
    (a.italic === true) === (b.italic === true) &&
    (a.fontColor ?? '') === (b.fontColor ?? '') &&
    (a.fill ?? '') === (b.fill ?? '') &&
    (a.wrap === true) === (b.wrap === true) &&
    (a.align ?? '') === (b.align ?? '')
  );
}

/** Cell objects a StyleTable remembers by identity (see `StyleTable.index`). */
const MEMO_CELLS = 100_000;

/** A look as one string: number format, bold and italic, font colour, fill, wrap, alignment, border. */
function lookKey(cell: OutputCell, border: boolean): string {
  return `${cell.numberFormat ?? ''}|${cell.bold ? 1 : 0}${cell.italic ? 1 : 0}|${cell.fontColor ?? ''}|${cell.fill ?? ''}|${cell.wrap ? 1 : 0}|${cell.align ?? ''}|${border ? 1 : 0}`;
}

/** The look of a cell that says nothing of its look, without a border: xf 0. */
const DEFAULT_LOOK_KEY = lookKey({ value: null }, false);

/** Styles by their look, each numbered once: fonts, fills, borders, number formats, xfs. */
export class StyleTable {
  /**
   * xf indices by look (`numbered`'s key). The default look, no border, is xf 0 itself: not a
   * second xf like it, which readers take as a style of its own (exceljs reads its border as
   * `{}`, not none) and which made every plain cell carry an `s` it need not.
   */
  private readonly xfs = new Map<string, number>([[DEFAULT_LOOK_KEY, 0]]);
  private readonly xfXml: string[] = [
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>',
  ];
  private readonly fonts = new Map<
    string,
    { id: number; bold: boolean; italic: boolean; color?: string }
  >([['', { id: 0, bold: false, italic: false }]]);
  private readonly fills = new Map<string, number>([
    ['none', 0],
    ['gray125', 1],
  ]);
  private readonly numFmts = new Map<string, number>();

  /** Looks already numbered, by number format: compared field by field, no key made per cell. */
  private readonly seen = new Map<string, { look: OutputCell; border: boolean; id: number }[]>();

  /**
   * The index of each cell object already seen, with and without a border: a units sheet shares
   * one object per look and value (output/units.ts), so most cells are found by identity. A
   * description is not changed while it is written. Only the first `MEMO_CELLS` objects are
   * kept: a findings list's 3.8 million cells, each its own, took 66 s to put in a WeakMap;
   * past the cap a cell's look is compared field by field.
   */
  private readonly plain = new WeakMap<OutputCell, number>();
  private readonly bordered = new WeakMap<OutputCell, number>();
  private memoised = 0;

  /** The xf index of a cell's look (0: the default). */
  index(cell: OutputCell, border: boolean): number {
    const memo = border ? this.bordered : this.plain;
    let id = memo.get(cell);
    if (id !== undefined) return id;
    id = this.lookIndex(cell, border);
    if (this.memoised < MEMO_CELLS) {
      memo.set(cell, id);
      this.memoised++;
    }
    return id;
  }

  private lookIndex(cell: OutputCell, border: boolean): number {
    const format = cell.numberFormat ?? '';
    let same = this.seen.get(format);
    if (same === undefined) this.seen.set(format, (same = []));
    for (const s of same) if (s.border === border && sameLook(s.look, cell)) return s.id;
    const id = this.numbered(cell, border);
    same.push({ look: cell, border, id });
    return id;
  }

  private numbered(cell: OutputCell, border: boolean): number {
    const key = lookKey(cell, border);
    const known = this.xfs.get(key);
    if (known !== undefined) return known;
    const numFmtId = cell.numberFormat ? this.numFmt(cell.numberFormat) : 0;
    const fontId = this.font(cell);
    const fillId = cell.fill ? this.fill(cell.fill) : 0;
    const borderId = border ? 1 : 0;
    const aligned = cell.wrap || cell.align;
    const attrs =
      `numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"` +
      (numFmtId ? ' applyNumberFormat="1"' : '') +
      (fontId ? ' applyFont="1"' : '') +
      (fillId ? ' applyFill="1"' : '') +
      (borderId ? ' applyBorder="1"' : '') +
      (aligned ? ' applyAlignment="1"' : '');
    const alignment = aligned
      ? `<alignment${cell.align ? ` horizontal="${cell.align}"` : ''} vertical="top"${cell.wrap ? ' wrapText="1"' : ''}/>`
      : '';
    const id = this.xfXml.length;
    this.xfXml.push(alignment ? `<xf ${attrs}>${alignment}</xf>` : `<xf ${attrs}/>`);
    this.xfs.set(key, id);
    return id;
  }

  private numFmt(code: string): number {
    let id = this.numFmts.get(code);
    if (id === undefined) {
      id = 164 + this.numFmts.size;
      this.numFmts.set(code, id);
    }
    return id;
  }

  private font(cell: OutputCell): number {
    const key = `${cell.bold ? 'b' : ''}${cell.italic ? 'i' : ''}${cell.fontColor ?? ''}`;
    const known = this.fonts.get(key);
    if (known) return known.id;
    const id = this.fonts.size;
    this.fonts.set(key, {
      id,
      bold: cell.bold === true,
      italic: cell.italic === true,
      ...(cell.fontColor ? { color: cell.fontColor } : {}),
    });
    return id;
  }

  private fill(hex: string): number {
    let id = this.fills.get(hex);
    if (id === undefined) {
      id = this.fills.size;
      this.fills.set(hex, id);
    }
    return id;
  }

  xml(): string {
    const argb = (hex: string) => `FF${hex.replace('#', '').toUpperCase()}`;
    const numFmts = [...this.numFmts]
      .map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${xmlText(code)}"/>`)
      .join('');
    const fonts = [...this.fonts.values()]
      .map(
        (f) =>
          `<font>${f.bold ? '<b/>' : ''}${f.italic ? '<i/>' : ''}<sz val="11"/>` +
          (f.color ? `<color rgb="${argb(f.color)}"/>` : '<color theme="1"/>') +
          '<name val="Calibri"/><family val="2"/><scheme val="minor"/></font>',
      )
      .join('');
    const fills = [...this.fills.keys()]
      .map((key) =>
        key === 'none' || key === 'gray125'
          ? `<fill><patternFill patternType="${key}"/></fill>`
          : `<fill><patternFill patternType="solid"><fgColor rgb="${argb(key)}"/><bgColor indexed="64"/></patternFill></fill>`,
      )
      .join('');
    const thin = '<color rgb="FF808080"/>';
    const borders =
      '<border><left/><right/><top/><bottom/><diagonal/></border>' +
      `<border><left style="thin">${thin}</left><right style="thin">${thin}</right><top style="thin">${thin}</top><bottom style="thin">${thin}</bottom><diagonal/></border>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.size ? `<numFmts count="${this.numFmts.size}">${numFmts}</numFmts>` : '') +
      `<fonts count="${this.fonts.size}">${fonts}</fonts>` +
      `<fills count="${this.fills.size}">${fills}</fills>` +
      `<borders count="2">${borders}</borders>` +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join('')}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0"/></styleSheet>'
    );
  }
}

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** Strings once each, by first use: the shared-string table. */
export class SharedStrings {
  private readonly ids = new Map<string, number>();
  private count = 0;
  index(s: string): number {
    this.count += 1;
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(s, id);
    }
    return id;
  }
  /** One more use of a string already numbered (a text cell whose tail was kept). */
  reuse(): void {
    this.count += 1;
  }
  xml(): string {
    const items: string[] = [];
    for (const s of this.ids.keys()) {
      const space = /^\s|\s$|\n/.test(s) ? ' xml:space="preserve"' : '';
      items.push(`<si><t${space}>${xmlText(s)}</t></si>`);
    }
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.ids.size}">${items.join('')}</sst>`;
  }
}

/**
 * The columns of row `r` (0-based) that lie in one of the sheet's bordered ranges, as a mask
 * over `columns`, or undefined when none do. The mask is reused from row to row.
 */
function borderRows(sheet: OutputSheet, columns: number): (r: number) => Uint8Array | undefined {
  const boxes = (sheet.borders ?? []).map((b) => parseRange(b));
  const mask = new Uint8Array(columns);
  return (r) => {
    let any = false;
    for (const b of boxes) {
      if (r < b.top || r > b.bottom) continue;
      if (!any) mask.fill(0);
      any = true;
      mask.fill(1, b.left, Math.min(b.right + 1, columns));
    }
    return any ? mask : undefined;
  };
}

/** ` s="N"`, made once per style. */
const styleAttrs: string[] = [''];
function styleAttr(style: number): string {
  return (styleAttrs[style] ??= ` s="${style}"`);
}

/**
 * A cell's XML after `<c r="A1"`, or undefined when nothing is written (a blank cell of the
 * default look).
 */
function cellTail(spec: OutputCell, style: number, strings: SharedStrings): string | undefined {
  const s = style ? styleAttr(style) : '';
  const v = spec.value;
  if (spec.formula !== undefined) {
    const cached =
      typeof v === 'number' && Number.isFinite(v)
        ? `<v>${v}</v>`
        : typeof v === 'string'
          ? `<v>${xmlText(v)}</v>`
          : '';
    const t = typeof v === 'string' ? ' t="str"' : '';
    return `${s}${t}><f>${xmlText(spec.formula)}</f>${cached}</c>`;
  }
  if (v === null || v === undefined) return style ? `${s}/>` : undefined;
  if (typeof v === 'number') return Number.isFinite(v) ? `${s}><v>${v}</v></c>` : `${s}/>`;
  if (typeof v === 'boolean') return `${s} t="b"><v>${v ? 1 : 0}</v></c>`;
  return `${s} t="s"><v>${strings.index(v)}</v></c>`;
}

/**
 * The tails of cells already written, by cell object, with and without a border: a units sheet
 * shares one object per look and value (output/units.ts), so 3 million cells are a few thousand
 * tails. A text cell's tail is its shared string's number, which never changes, so it is kept
 * too and each use counted again (`SharedStrings.reuse`); not a formula. Only the first
 * MEMO_CELLS objects are kept, as StyleTable keeps them.
 */
class Tails {
  private readonly plain = new Map<OutputCell, string | null>();
  private readonly bordered = new Map<OutputCell, string | null>();

  constructor(
    private readonly styles: StyleTable,
    private readonly strings: SharedStrings,
  ) {}

  of(cell: OutputCell, border: boolean): string | undefined {
    if (cell.formula !== undefined) return cellTail(cell, this.style(cell, border), this.strings);
    const memo = border ? this.bordered : this.plain;
    const known = memo.get(cell);
    if (known !== undefined) {
      if (typeof cell.value === 'string') this.strings.reuse();
      return known ?? undefined;
    }
    const tail = cellTail(cell, this.style(cell, border), this.strings);
    if (memo.size < MEMO_CELLS) memo.set(cell, tail ?? null);
    return tail;
  }

  private style(cell: OutputCell, border: boolean): number {
    return cell === EMPTY && !border ? 0 : this.styles.index(cell, border);
  }
}

/** Every cell the sheet writes: its rows, and the bordered cells beyond them. */
function extent(sheet: OutputSheet): { rows: number; columns: number } {
  let rows = sheet.rows.length;
  let columns = 0;
  for (const r of sheet.rows) columns = Math.max(columns, r.length);
  for (const b of sheet.borders ?? []) {
    const box = parseRange(b);
    rows = Math.max(rows, box.bottom + 1);
    columns = Math.max(columns, box.right + 1);
  }
  return { rows, columns: Math.max(columns, 1) };
}

const EMPTY: OutputCell = { value: null };

const asciiBytes = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const CELL_OPEN = asciiBytes('<c r="');
const ROW_OPEN = asciiBytes('<row r="');
const ROW_CLOSE = asciiBytes('</row>');

/** `n`'s decimal digits into `out` (from 0); their count. */
function digitsOf(n: number, out: Uint8Array): number {
  let k = 0;
  for (let m = n; m > 0; m = Math.floor(m / 10)) k++;
  for (let i = k - 1, m = n; i >= 0; i--, m = Math.floor(m / 10)) out[i] = 48 + (m % 10);
  return k;
}

/**
 * The worksheet's XML as UTF-8, given to `emit` in blocks of about a megabyte, so a sheet of
 * 100,000 rows never exists as one string, nor as the strings of its cells: each cell is its
 * address's bytes and its tail's, copied into the block.
 */
export function writeSheetXml(
  sheet: OutputSheet,
  styles: StyleTable,
  strings: SharedStrings,
  emit: ByteSink,
  /** The relationship of the sheet's drawing (its charts), if it has one. */
  drawing?: string,
): void {
  const { rows, columns } = extent(sheet);
  const bordersOf = borderRows(sheet, columns);
  const p = sheet.print;
  const fit = p?.fitToWidth !== undefined;
  const outline = (sheet.columnGroups ?? []).length > 0;
  const out = new ByteWriter(emit);
  out.text(`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`);
  if (fit) {
    out.text(`<sheetPr>${fit ? '<pageSetUpPr fitToPage="1"/>' : ''}</sheetPr>`);
  }
  out.text(`<dimension ref="A1:${columnLetter(columns - 1)}${rows}"/>`);
  out.text(sheetViews(sheet));
  out.text(
    `<sheetFormatPr defaultRowHeight="15" defaultColWidth="9"${outline ? ' outlineLevelCol="1"' : ''}/>`,
  );
  out.text(colsXml(sheet));
  out.text('<sheetData>');
  const letters: Uint8Array[] = [];
  for (let c = 0; c < columns; c++) letters.push(asciiBytes(columnLetter(c)));
  const heights = sheet.rowHeights ?? [];
  const tails = new Tails(styles, strings);
  const rowNo = new Uint8Array(16);
  for (let r = 0; r < rows; r++) {
    const row = sheet.rows[r] ?? [];
    const digits = digitsOf(r + 1, rowNo);
    const h = heights[r];
    const height = h !== undefined ? ` ht="${h}" customHeight="1"` : '';
    const borders = bordersOf(r);
    let opened = false;
    if (height) {
      openRow(out, rowNo, digits, height);
      opened = true;
    }
    for (let c = 0; c < columns; c++) {
      const spec = row[c];
      const border = borders !== undefined && borders[c] === 1;
      if (!spec && !border) continue;
      const tail = tails.of(spec ?? EMPTY, border);
      if (tail === undefined) continue;
      if (!opened) {
        openRow(out, rowNo, digits, height);
        opened = true;
      }
      out.bytes(CELL_OPEN);
      out.bytes(letters[c] as Uint8Array);
      out.bytes(rowNo, digits);
      out.text('"');
      out.text(tail);
    }
    if (opened) out.bytes(ROW_CLOSE);
  }
  out.text('</sheetData>');
  out.text(tailXml(sheet));
  out.text(`${drawing ? `<drawing r:id="${drawing}"/>` : ''}</worksheet>`);
  out.flush();
}

/** `<row r="N"` and its height, `>`. */
function openRow(out: ByteWriter, rowNo: Uint8Array, digits: number, height: string): void {
  out.bytes(ROW_OPEN);
  out.bytes(rowNo, digits);
  out.text(`"${height}>`);
}

function sheetViews(sheet: OutputSheet): string {
  const x = sheet.frozenColumns ?? 0;
  const y = sheet.frozenRows ?? 0;
  if (!x && !y) return '<sheetViews><sheetView workbookViewId="0"/></sheetViews>';
  const pane = x && y ? 'bottomRight' : y ? 'bottomLeft' : 'topRight';
  const split = `${x ? ` xSplit="${x}"` : ''}${y ? ` ySplit="${y}"` : ''}`;
  const topLeft = `${columnLetter(x)}${y + 1}`;
  return (
    `<sheetViews><sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/>` +
    `<selection pane="${pane}" activeCell="${topLeft}" sqref="${topLeft}"/></sheetView></sheetViews>`
  );
}

function colsXml(sheet: OutputSheet): string {
  const widths = sheet.columnWidths ?? [];
  const grouped = new Map<number, boolean>();
  for (const g of sheet.columnGroups ?? []) {
    for (let c = g.first; c <= g.last; c++) grouped.set(c, g.collapsed);
  }
  const last = Math.max(widths.length, ...[...grouped.keys()].map((c) => c + 1), 0);
  const cols: string[] = [];
  for (let c = 0; c < last; c++) {
    const w = widths[c];
    const g = grouped.get(c);
    if (w === undefined && g === undefined) continue;
    cols.push(
      `<col min="${c + 1}" max="${c + 1}" width="${w ?? 9}"${w !== undefined ? ' customWidth="1"' : ''}` +
        `${g !== undefined ? ` outlineLevel="1"${g ? ' hidden="1"' : ''}` : ''}/>`,
    );
  }
  return cols.length ? `<cols>${cols.join('')}</cols>` : '';
}

function tailXml(sheet: OutputSheet): string {
  let xml = '';
  // CT_Worksheet's order: the filter comes before the merges.
  if (sheet.autoFilter) xml += `<autoFilter ref="${sheet.autoFilter}"/>`;
  const merges = sheet.merges ?? [];
  if (merges.length) {
    xml += `<mergeCells count="${merges.length}">${merges.map((m) => `<mergeCell ref="${m}"/>`).join('')}</mergeCells>`;
  }
  const validations = sheet.validations ?? [];
  if (validations.length) {
    xml += `<dataValidations count="${validations.length}">`;
    for (const v of validations) {
      xml +=
        `<dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" showErrorMessage="1"` +
        ` errorTitle="Tally" error="${xmlText(v.message)}" sqref="${v.range}"><formula1>${v.min}</formula1></dataValidation>`;
    }
    xml += '</dataValidations>';
  }
  const p = sheet.print;
  if (p?.centerHorizontally) xml += '<printOptions horizontalCentered="1"/>';
  const m = p?.margins ?? {
    left: 0.7,
    right: 0.7,
    top: 0.75,
    bottom: 0.75,
    header: 0.3,
    footer: 0.3,
  };
  xml += `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (p) {
    const fit = p.fitToWidth !== undefined ? ` fitToWidth="${p.fitToWidth}" fitToHeight="0"` : '';
    xml += `<pageSetup paperSize="9" orientation="${p.orientation}"${fit}/>`;
    const header = headerFooterString(p.header);
    const footer = headerFooterString(p.footer);
    if (header || footer) {
      xml += `<headerFooter>${header ? `<oddHeader>${xmlText(header)}</oddHeader>` : ''}${footer ? `<oddFooter>${xmlText(footer)}</oddFooter>` : ''}</headerFooter>`;
    }
    const breaks = (p.breaksBefore ?? []).filter((r) => r > 0);
    if (breaks.length) {
      xml += `<rowBreaks count="${breaks.length}" manualBreakCount="${breaks.length}">${breaks.map((r) => `<brk id="${r}" max="16383" man="1"/>`).join('')}</rowBreaks>`;
    }
  }
  return xml;
}
