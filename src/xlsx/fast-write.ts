import { Zip, ZipDeflate, ZipPassThrough, strToU8 } from 'fflate';
import { drawingRels, sheetCharts, sheetRef, type SheetCharts } from './chart';
import { columnLetter } from '../core/model/a1';
import { fitToExcel } from '../core/output/fit';
import type { OutputSheet, OutputWorkbook } from '../core/output/spec';
import {
  NS_MAIN,
  NS_REL,
  SharedStrings,
  StyleTable,
  XML_HEAD,
  writeSheetXml,
  xmlText,
} from './sheetml';
import type { ByteSink } from './byte-writer';

/**
 * The workbook written as SpreadsheetML by Tally itself, streamed through fflate's zip: for
 * descriptions too large for exceljs (a 分单位指标 of 100,000 villages is 2.8 million cells, which
 * exceljs styles one object at a time: 16 s and 700 MB for 20,000 rows). ./write.ts chooses it
 * by size; the test reads what both writers make back with exceljs and compares them.
 */
export interface PackageInfo {
  creator: string;
  keywords: string;
}

const CT = {
  sheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  strings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  core: 'application/vnd.openxmlformats-package.core-properties+xml',
  app: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
};
const REL = {
  doc: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  core: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  app: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties',
  sheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  strings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
};

function rels(list: [string, string][]): string {
  const items = list
    .map(
      ([type, target], i) => `<Relationship Id="rId${i + 1}" Type="${type}" Target="${target}"/>`,
    )
    .join('');
  return `${XML_HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

/** `'S'!$A:$D,'S'!$5:$5`: the print titles as Excel writes them. */
function printTitles(sheet: OutputSheet): string | undefined {
  const p = sheet.print;
  if (!p?.titleRows && !p?.titleColumns) return undefined;
  const name = `'${sheet.name.replace(/'/g, "''")}'`;
  const parts: string[] = [];
  if (p.titleColumns) {
    parts.push(
      `${name}!$${columnLetter(p.titleColumns.first)}:$${columnLetter(p.titleColumns.last)}`,
    );
  }
  if (p.titleRows) parts.push(`${name}!$${p.titleRows.first + 1}:$${p.titleRows.last + 1}`);
  return parts.join(',');
}

/** `'S'!$A$1:$I$304`: the filtered list as the workbook names it. */
function filterRange(sheet: OutputSheet): string | undefined {
  return sheet.autoFilter ? sheetRef(sheet.name, sheet.autoFilter) : undefined;
}

function workbookXml(sheets: readonly OutputSheet[]): string {
  const list = sheets
    .map((s, i) => `<sheet name="${xmlText(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('');
  const names = sheets
    .map((s, i) => {
      const titles = printTitles(s);
      const filter = filterRange(s);
      return (
        // Excel keeps a sheet's filtered list under this hidden name, as it writes it.
        (filter
          ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${xmlText(filter)}</definedName>`
          : '') +
        (titles
          ? `<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(titles)}</definedName>`
          : '')
      );
    })
    .join('');
  return (
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<bookViews><workbookView/></bookViews><sheets>${list}</sheets>` +
    (names ? `<definedNames>${names}</definedNames>` : '') +
    '<calcPr calcId="171027" fullCalcOnLoad="1"/></workbook>'
  );
}

function coreXml(info: PackageInfo, now: Date): string {
  const when = now.toISOString().replace(/\.\d+Z$/, 'Z');
  return (
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    `<dc:creator>${xmlText(info.creator)}</dc:creator><cp:keywords>${xmlText(info.keywords)}</cp:keywords>` +
    `<cp:lastModifiedBy>${xmlText(info.creator)}</cp:lastModifiedBy>` +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${when}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${when}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}

/**
 * Deflate level 1: a sheet of repeated cell tags compresses almost as well as at 6 (the size
 * differs by a few per cent) at a third of the time.
 */
const LEVEL = 1;

const APP_XML = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`;

/**
 * A host's own deflater (Node's zlib, registered by file.ts): one block of raw DEFLATE for
 * `data`, ended by a sync flush and not final, so that blocks made one after another join into
 * one stream. Several times faster than fflate's; unset in the pane and the page.
 */
export type BlockDeflate = (data: Uint8Array) => Uint8Array;
/** A host's CRC-32 (Node's `zlib.crc32`): `value` is the CRC of what came before. */
export type Crc32 = (data: Uint8Array, value: number) => number;
let blockDeflate: BlockDeflate | undefined;
let hostCrc: Crc32 | undefined;

/**
 * `crc`: the host's CRC-32 for the same entries (fflate's, in JavaScript, took a quarter of a
 * second over the 113 MB sheet of 100,000 villages; zlib's is native).
 */
export function useBlockDeflate(fn: BlockDeflate | undefined, crc?: Crc32): void {
  blockDeflate = fn;
  hostCrc = fn ? crc : undefined;
}

/** The final, empty DEFLATE block (fixed Huffman, end of block at once) that ends the stream. */
const LAST_BLOCK = Uint8Array.of(0x03, 0x00);
/** Text gathered before a block is deflated: large enough that blocks lose little to their seams. */
const BLOCK = 1 << 20;
/**
 * Text that is deflated at once: the sheet writer's blocks (byte-writer.ts `ByteWriter`) end just
 * short of a megabyte, where the next cell would not fit; waiting for a whole megabyte joined
 * every two of them into a new 2 MB buffer (0.74 s for the 1,000,000-village 分单位指标).
 */
const READY = BLOCK / 2;

/**
 * A zip entry deflated by the host's deflater in blocks of about a megabyte, each independent
 * (a block starts with no dictionary, as pigz's can), so the part never sits whole in memory.
 * fflate's ZipPassThrough keeps the CRC and size and writes the headers.
 */
class BlockDeflatedEntry extends ZipPassThrough {
  private pending: Uint8Array[] = [];
  private pendingSize = 0;
  private crcSoFar = 0;

  constructor(
    name: string,
    private readonly deflate: BlockDeflate,
    private readonly hostCrc: Crc32 | undefined,
  ) {
    super(name);
    this.compression = 8;
  }

  /** fflate's `push` (CRC, size, then `process`), with the host's CRC when it has one. */
  override push(chunk: Uint8Array<ArrayBuffer>, final = false): void {
    if (!this.hostCrc || !this.ondata) return super.push(chunk, final);
    // zlib's crc32() of a null buffer is its initial value, 0: an empty chunk (whose buffer may
    // have no memory) would reset the CRC, so it is skipped.
    if (chunk.length > 0) this.crcSoFar = this.hostCrc(chunk, this.crcSoFar);
    this.size += chunk.length;
    if (final) this.crc = this.crcSoFar;
    this.process(chunk, final);
  }

  /**
   * `push`, then whether the chunk is used up (deflated, its CRC counted) rather than waiting
   * in `pending`: the sheet writer may then write its next block over it.
   */
  take(chunk: Uint8Array<ArrayBuffer>): boolean {
    this.push(chunk);
    return this.pendingSize === 0;
  }

  protected override process(chunk: Uint8Array<ArrayBuffer>, final: boolean): void {
    if (chunk.length > 0) {
      this.pending.push(chunk);
      this.pendingSize += chunk.length;
    }
    if (this.pendingSize >= READY || (final && this.pendingSize > 0)) {
      const data = this.pending.length === 1 ? (this.pending[0] as Uint8Array) : join(this.pending);
      this.pending = [];
      this.pendingSize = 0;
      this.ondata(null, this.deflate(data) as Uint8Array<ArrayBuffer>, false);
    }
    if (final) this.ondata(null, LAST_BLOCK, true);
  }
}

function join(chunks: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const c of chunks) size += c.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A deflated zip entry: the host's block deflater when it has one, else fflate's. */
function deflatedEntry(name: string): ZipPassThrough | ZipDeflate {
  return blockDeflate
    ? new BlockDeflatedEntry(name, blockDeflate, hostCrc)
    : new ZipDeflate(name, { level: LEVEL });
}

/** The package's bytes. Sheets are fitted to Excel's limits first, as by the exceljs writer. */
export function writeXlsxFast(
  out: OutputWorkbook,
  info: PackageInfo,
  now = new Date(),
): Uint8Array {
  const chunks: Uint8Array[] = [];
  let failure: Error | undefined;
  const zip = new Zip((err, data) => {
    if (err) failure = err;
    else chunks.push(data);
  });
  const part = (name: string, text: string) => {
    const f = deflatedEntry(name);
    zip.add(f);
    f.push(strToU8(text), true);
  };
  const sheets = out.sheets.map(fitToExcel);
  // Charts are drawn from the description (./chart.ts), numbered in sheet order.
  const drawings: (SheetCharts | undefined)[] = [];
  let drawingNo = 0;
  let chartNo = 1;
  for (const sheet of sheets) {
    if ((sheet.charts ?? []).length === 0) {
      drawings.push(undefined);
      continue;
    }
    drawingNo += 1;
    const drawn = sheetCharts(sheet, drawingNo, chartNo);
    chartNo += drawn.charts;
    drawings.push(drawn);
  }
  const styles = new StyleTable();
  const strings = new SharedStrings();
  part(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT.workbook}"/>` +
      sheets
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT.sheet}"/>`,
        )
        .join('') +
      `<Override PartName="/xl/styles.xml" ContentType="${CT.styles}"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT.strings}"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="${CT.core}"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT.app}"/>` +
      drawings.flatMap((d) => d?.overrides ?? []).join('') +
      '</Types>',
  );
  part(
    '_rels/.rels',
    rels([
      [REL.doc, 'xl/workbook.xml'],
      [REL.core, 'docProps/core.xml'],
      [REL.app, 'docProps/app.xml'],
    ]),
  );
  part('docProps/core.xml', coreXml(info, now));
  part('docProps/app.xml', APP_XML);
  part('xl/workbook.xml', workbookXml(sheets));
  part(
    'xl/_rels/workbook.xml.rels',
    rels([
      ...sheets.map((_, i): [string, string] => [REL.sheet, `worksheets/sheet${i + 1}.xml`]),
      [REL.styles, 'styles.xml'],
      [REL.strings, 'sharedStrings.xml'],
    ]),
  );
  sheets.forEach((sheet, i) => {
    const f = deflatedEntry(`xl/worksheets/sheet${i + 1}.xml`);
    zip.add(f);
    const drawn = drawings[i];
    // fflate's own deflater (the pane, the page) may keep a chunk: it gets a new block each time.
    const sink: ByteSink =
      f instanceof BlockDeflatedEntry ? (bytes) => f.take(bytes) : (bytes) => f.push(bytes);
    writeSheetXml(sheet, styles, strings, sink, drawn ? 'rId1' : undefined);
    f.push(new Uint8Array(0), true);
    if (drawn) {
      part(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, drawingRels('rId1', drawn.drawingTarget));
      for (const [name, xml] of Object.entries(drawn.parts)) part(name, xml);
    }
  });
  part('xl/styles.xml', styles.xml());
  part('xl/sharedStrings.xml', strings.xml());
  zip.end();
  if (failure) throw failure;
  return join(chunks);
}
