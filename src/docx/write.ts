import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import type { DocBlock, DocTable, ReportDocument } from '../core/output/document';
import { DOCX_CREATOR, DOCX_KEYWORD } from './marks';
import {
  BLOCK_STYLES,
  FONTS,
  LATIN_FONT,
  PAGE_MM,
  PAGE_NUMBER,
  TABLE_LOOK,
  type FontKey,
  type ParagraphKind,
  type ParagraphLook,
} from './styles';

/**
 * The report as a Word document (.docx), written with the `docx` package from the document
 * description (src/core/output/document.ts): bytes in memory, no file system, so the CLI,
 * the pane and a web page can all use it. The look is src/docx/styles.ts.
 */
const TWIPS_PER_MM = 1440 / 25.4;
const twipsMm = (mm: number) => Math.round(mm * TWIPS_PER_MM);
const twipsPt = (pt: number) => Math.round(pt * 20);
/** The text block's width: 156 mm. */
const TEXT_WIDTH = twipsMm(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);

const ALIGN = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.BOTH,
} as const;

const runFont = (font: FontKey) => ({
  eastAsia: FONTS[font].name,
  ascii: LATIN_FONT,
  hAnsi: LATIN_FONT,
  cs: LATIN_FONT,
});

function paragraphStyle(look: ParagraphLook, english: boolean): IParagraphStyleOptions {
  return {
    id: look.id,
    name: look.name,
    basedOn: 'Normal',
    next: BLOCK_STYLES.paragraph.id,
    quickFormat: true,
    run: {
      font: runFont(look.font),
      size: look.size * 2,
      bold: look.bold ?? (english && look.boldLatin === true),
    },
    paragraph: {
      alignment: ALIGN[look.align],
      spacing: {
        ...(look.line ? { line: twipsPt(look.line), lineRule: LineRuleType.EXACT } : {}),
        before: twipsPt(look.before ?? 0),
        after: twipsPt(look.after ?? 0),
      },
      indent: {
        ...(look.indentChars ? { firstLine: twipsPt(look.indentChars * look.size) } : {}),
        ...(look.rightIndentChars ? { right: twipsPt(look.rightIndentChars * look.size) } : {}),
      },
      ...(look.keepNext ? { keepNext: true } : {}),
    },
  };
}

function simpleStyle(
  look: { id: string; name: string; font: FontKey; size: number },
  align: ParagraphLook['align'],
): IParagraphStyleOptions {
  return {
    id: look.id,
    name: look.name,
    basedOn: 'Normal',
    run: { font: runFont(look.font), size: look.size * 2 },
    paragraph: { alignment: ALIGN[align], spacing: { before: 0, after: 0 } },
  };
}

const THIN = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

function table(t: DocTable): Table {
  const total = t.widths.reduce((a, b) => a + b, 0);
  const widths = t.widths.map((w) => Math.floor((w / total) * TEXT_WIDTH));
  const cell = (text: string, i: number, style: string, bold = false, span = 1) =>
    new TableCell({
      width: { size: span > 1 ? TEXT_WIDTH : (widths[i] ?? 0), type: WidthType.DXA },
      columnSpan: span,
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { left: 60, right: 60, top: 30, bottom: 30 },
      children: [
        new Paragraph({
          style,
          alignment: span > 1 ? AlignmentType.LEFT : ALIGN[t.align[i] ?? 'left'],
          children: [new TextRun({ text, bold })],
        }),
      ],
    });
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: t.header.map(
      (h, i) =>
        new TableCell({
          width: { size: widths[i] ?? 0, type: WidthType.DXA },
          verticalAlign: VerticalAlignTable.CENTER,
          shading: { fill: 'F2F2F2' },
          margins: { left: 60, right: 60, top: 30, bottom: 30 },
          children: [
            new Paragraph({
              style: TABLE_LOOK.header.id,
              alignment: AlignmentType.CENTER,
              children: [new TextRun(h)],
            }),
          ],
        }),
    ),
  });
  const rows = t.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children:
          row.kind === 'group'
            ? [cell(row.text, 0, TABLE_LOOK.header.id, false, t.header.length)]
            : row.cells.map((c, i) => cell(c, i, TABLE_LOOK.cell.id, row.strong?.[i] ?? false)),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: THIN,
      bottom: THIN,
      left: THIN,
      right: THIN,
      insideHorizontal: THIN,
      insideVertical: THIN,
    },
    rows: [header, ...rows],
  });
}

/** The paragraphs and tables of the blocks, each paragraph in its kind's style. */
export function bodyOf(blocks: readonly DocBlock[]): (Paragraph | Table)[] {
  const out: (Paragraph | Table)[] = [];
  let breakBefore = false;
  let number = 0;
  let previous: DocBlock['kind'] | undefined;
  for (const b of blocks) {
    if (b.kind === 'pageBreak') {
      breakBefore = true;
      continue;
    }
    if (b.kind === 'table') {
      out.push(table(b.table));
      previous = b.kind;
      continue;
    }
    const kind: ParagraphKind = b.kind;
    const look = BLOCK_STYLES[kind];
    number = look.numbered ? (previous === kind ? number + 1 : 1) : 0;
    out.push(
      new Paragraph({
        style: look.id,
        ...(breakBefore ? { pageBreakBefore: true } : {}),
        // A \n in a title is a line break inside the paragraph.
        children: (look.numbered ? `${number}．${b.text}` : b.text)
          .split('\n')
          .map((text, i) => new TextRun({ text, ...(i > 0 ? { break: 1 } : {}) })),
      }),
    );
    breakBefore = false;
    previous = kind;
  }
  return out;
}

/** "— 1 —": right on odd pages and left on even pages, one character in from the edge. */
function pageNumberFooter(side: 'left' | 'right'): Footer {
  const oneChar = twipsPt(PAGE_NUMBER.size);
  return new Footer({
    children: [
      new Paragraph({
        style: PAGE_NUMBER.id,
        alignment: side === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'right' ? { right: oneChar } : { left: oneChar },
        children: [
          new TextRun({
            children: [`${PAGE_NUMBER.dash} `, PageNumber.CURRENT, ` ${PAGE_NUMBER.dash}`],
          }),
        ],
      }),
    ],
  });
}

/**
 * The font table with each face's substitute (`w:altName`), so Word falls back to 黑体 where
 * 方正小标宋 is not installed and to 仿宋_GB2312 where 仿宋 is not. Character set 86 is GB2312.
 */
export function fontTableXml(): string {
  const fonts = [...Object.values(FONTS), { name: LATIN_FONT, altName: '' }]
    .map(
      (f) =>
        `<w:font w:name="${f.name}">` +
        (f.altName ? `<w:altName w:val="${f.altName}"/>` : '') +
        `<w:charset w:val="${f.name === LATIN_FONT ? '00' : '86'}"/>` +
        `<w:family w:val="${f.name === LATIN_FONT ? 'roman' : 'auto'}"/>` +
        '<w:pitch w:val="variable"/></w:font>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    fonts +
    '</w:fonts>'
  );
}

/** What Tally writes into a document's properties, to know it again (src/xlsx/file.ts). */
export { DOCX_CREATOR, DOCX_KEYWORD };

export function toDocument(doc: ReportDocument): Document {
  const english = doc.lang === 'en';
  return new Document({
    creator: DOCX_CREATOR,
    lastModifiedBy: DOCX_CREATOR,
    keywords: DOCX_KEYWORD,
    title: doc.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: runFont('fangsong'), size: 32 },
          paragraph: { spacing: { before: 0, after: 0 } },
        },
      },
      paragraphStyles: [
        ...Object.values(BLOCK_STYLES).map((look) => paragraphStyle(look, english)),
        simpleStyle(TABLE_LOOK.cell, 'left'),
        simpleStyle(TABLE_LOOK.header, 'center'),
        simpleStyle({ ...PAGE_NUMBER, name: 'Tally 页码' }, 'right'),
      ],
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: twipsMm(PAGE_MM.width), height: twipsMm(PAGE_MM.height) },
            margin: {
              top: twipsMm(PAGE_MM.top),
              bottom: twipsMm(PAGE_MM.bottom),
              left: twipsMm(PAGE_MM.left),
              right: twipsMm(PAGE_MM.right),
              header: twipsMm(PAGE_MM.header),
              footer: twipsMm(PAGE_MM.footer),
              gutter: 0,
            },
          },
        },
        footers: { default: pageNumberFooter('right'), even: pageNumberFooter('left') },
        children: bodyOf(doc.blocks),
      },
    ],
  });
}

export async function writeDocxBytes(doc: ReportDocument): Promise<Uint8Array> {
  const buffer = await Packer.toArrayBuffer(toDocument(doc), false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  return new Uint8Array(buffer);
}
