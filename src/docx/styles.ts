import type { DocBlock } from '../core/output/document';

/**
 * The look of the report after GB/T 9704—2012 (党政机关公文格式), as one table: each paragraph
 * kind of the document description → its Word paragraph style. A new block kind of the
 * narrative (a section, a footnote) is one more row here; TypeScript refuses a kind without one.
 *
 * Sizes are the standard's 号: 2号 = 22 pt, 3号 = 16 pt, 4号 = 14 pt, 五号 = 10.5 pt. The body is
 * 22 lines a page of 28 characters: a 156 mm × 225 mm text block, lines exactly 28.95 pt.
 */
export type FontKey = 'xiaobiaosong' | 'fangsong' | 'heiti' | 'kaiti' | 'songti';

/** The fonts, with the face Word substitutes when the first is not installed (fontTable altName). */
export const FONTS: Record<FontKey, { name: string; altName: string }> = {
  xiaobiaosong: { name: '方正小标宋简体', altName: '黑体' },
  fangsong: { name: '仿宋', altName: '仿宋_GB2312' },
  heiti: { name: '黑体', altName: 'SimHei' },
  kaiti: { name: '楷体', altName: '楷体_GB2312' },
  songti: { name: '宋体', altName: 'SimSun' },
};
/** Latin letters and digits: the usual companion of 仿宋 in official documents. */
export const LATIN_FONT = 'Times New Roman';

export interface ParagraphLook {
  /** The style's id and name in Word. */
  id: string;
  name: string;
  font: FontKey;
  /** Points. */
  size: number;
  bold?: boolean;
  /** Bold in English, where the Chinese face (黑体) that marks a heading does not apply. */
  boldLatin?: boolean;
  align: 'left' | 'center' | 'right' | 'justify';
  /** First-line indent in characters of the style's size (正文首行缩进两字). */
  indentChars?: number;
  /** Right indent in characters (成文日期右空四字). */
  rightIndentChars?: number;
  /** Exact line height in points; absent: single spacing. */
  line?: number;
  /** Space before and after in points. */
  before?: number;
  after?: number;
  keepNext?: boolean;
  /** Consecutive paragraphs of this kind are numbered 1． 2． … (第三层序数). */
  numbered?: boolean;
}

/** Exactly 28.95 pt: 22 lines in the 225 mm text block. */
const BODY_LINE = 28.95;

/** The block kinds that are paragraphs; `table` and `pageBreak` are structure. */
export type ParagraphKind = Exclude<DocBlock['kind'], 'table' | 'pageBreak'>;

export const BLOCK_STYLES: Record<ParagraphKind, ParagraphLook> = {
  // 标题：2号小标宋，居中，标题下空一行。
  title: {
    id: 'TallyTitle',
    name: 'Tally 标题',
    font: 'xiaobiaosong',
    size: 22,
    align: 'center',
    line: 36,
    after: BODY_LINE,
    boldLatin: true,
    keepNext: true,
  },
  // 一级标题“一、”：3号黑体。
  heading: {
    id: 'TallyHeading1',
    name: 'Tally 一级标题',
    font: 'heiti',
    size: 16,
    align: 'justify',
    indentChars: 2,
    line: BODY_LINE,
    boldLatin: true,
    keepNext: true,
  },
  // 二级标题“（一）”：3号楷体。
  subheading: {
    id: 'TallyHeading2',
    name: 'Tally 二级标题',
    font: 'kaiti',
    size: 16,
    align: 'justify',
    indentChars: 2,
    line: BODY_LINE,
    boldLatin: true,
    keepNext: true,
  },
  // 正文：3号仿宋，首行缩进两字，两端对齐。
  paragraph: {
    id: 'TallyBody',
    name: 'Tally 正文',
    font: 'fangsong',
    size: 16,
    align: 'justify',
    indentChars: 2,
    line: BODY_LINE,
  },
  item: {
    id: 'TallyItem',
    name: 'Tally 条目',
    font: 'fangsong',
    size: 16,
    align: 'justify',
    indentChars: 2,
    line: BODY_LINE,
    numbered: true,
  },
  // 成文日期：右空四字。
  date: {
    id: 'TallyDate',
    name: 'Tally 成文日期',
    font: 'fangsong',
    size: 16,
    align: 'right',
    rightIndentChars: 4,
    line: BODY_LINE,
    before: BODY_LINE,
  },
  // “附件”：3号黑体，顶格，版心左上角第一行。
  annexLabel: {
    id: 'TallyAnnex',
    name: 'Tally 附件',
    font: 'heiti',
    size: 16,
    align: 'left',
    line: BODY_LINE,
    boldLatin: true,
    keepNext: true,
  },
  // 附件标题：居中，版心第三行。
  tableTitle: {
    id: 'TallyTableTitle',
    name: 'Tally 附件标题',
    font: 'xiaobiaosong',
    size: 22,
    align: 'center',
    line: 36,
    before: BODY_LINE,
    after: 14,
    boldLatin: true,
    keepNext: true,
  },
  note: {
    id: 'TallyNote',
    name: 'Tally 表注',
    font: 'fangsong',
    size: 10.5,
    align: 'justify',
    before: 6,
  },
};

/** The table's cells: 五号仿宋, the header row in 黑体. */
export const TABLE_LOOK = {
  cell: { id: 'TallyTableCell', name: 'Tally 表格', font: 'fangsong', size: 10.5 },
  header: { id: 'TallyTableHeader', name: 'Tally 表头', font: 'heiti', size: 10.5 },
} as const satisfies Record<string, { id: string; name: string; font: FontKey; size: number }>;

/** 页码：4号半角宋体阿拉伯数字，左右各一条一字线；单页居右空一字，双页居左空一字。 */
export const PAGE_NUMBER = { id: 'TallyPageNumber', font: 'songti', size: 14, dash: '—' } as const;

/** A4 and the GB/T 9704 margins, in millimetres: 天头 37, 订口 28, text block 156 × 225. */
export const PAGE_MM = {
  width: 210,
  height: 297,
  top: 37,
  left: 28,
  right: 210 - 28 - 156,
  bottom: 297 - 37 - 225,
  /** The page number's line sits 7 mm below the text block: its foot about 23 mm up. */
  footer: 297 - 37 - 225 - 7 - 5,
  header: 15,
} as const;
