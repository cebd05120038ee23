import type { IndicatorResult } from '../assess/assess';
import { t, type Lang, type MessageKey } from '../messages/index';
import type { Block } from '../narrative/narrative';
import { summaryColumns, type SummaryInput } from './report';
import { cellText } from './spec';

/**
 * The report as a document (the Word file, and later a web page): the narrative's blocks,
 * then an annex with the summary table, described as data. A writer maps each block kind to
 * a style (src/docx/styles.ts); nothing here knows about Word.
 */
export type Align = 'left' | 'center' | 'right';

export type DocRow =
  /** A row spanning the table: the programme (妇女发展纲要) the rows below belong to. */
  | { kind: 'group'; text: string }
  | { kind: 'data'; cells: string[]; /** Cells to set in bold (未达标). */ strong?: boolean[] };

export interface DocTable {
  header: string[];
  /** Relative column widths. */
  widths: number[];
  align: Align[];
  rows: DocRow[];
}

export type DocBlock =
  | Block
  /** The next block begins a new page. */
  | { kind: 'pageBreak' }
  /** 附件: the label of an annex. */
  | { kind: 'annexLabel'; text: string }
  /** The title of a table or annex. */
  | { kind: 'tableTitle'; text: string }
  | { kind: 'table'; table: DocTable }
  /** 注：… under a table. */
  | { kind: 'note'; text: string }
  /** The date the report was written (成文日期), at the end of the text. */
  | { kind: 'date'; text: string };

export interface ReportDocument {
  lang: Lang;
  /** The document's title property. */
  title: string;
  blocks: DocBlock[];
}

/**
 * The summary columns the printed table shows, in order, with widths in millimetres of the
 * 156 mm text block: a value such as 106.71 in 五号 needs about 13 mm and the cell's margins
 * 2 mm more, 达标情况 four characters (15 mm and 2 mm).
 */
const TABLE_COLUMNS: { header: MessageKey; width: number; align: Align }[] = [
  { header: 'col.id', width: 11, align: 'center' },
  { header: 'col.name', width: 36, align: 'left' },
  { header: 'col.value', width: 17, align: 'right' },
  { header: 'col.unit', width: 15, align: 'center' },
  { header: 'col.target', width: 27, align: 'center' },
  { header: 'col.status', width: 17, align: 'center' },
  { header: 'col.prior', width: 17, align: 'right' },
  { header: 'col.change', width: 16, align: 'right' },
];

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** `2026-03-01 10:00` as 2026年3月1日 (or 1 March 2026); undefined if it is not a date. */
export function documentDate(time: string, lang: Lang): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(time);
  if (!m || !m[1] || !m[2] || !m[3]) return undefined;
  const month = Number(m[2]);
  return t(lang, 'doc.date', {
    year: m[1],
    month,
    day: Number(m[3]),
    monthName: MONTHS[month - 1] ?? m[2],
  });
}

/**
 * The summary table of the annex: the same cells as the summary sheet (same columns, same
 * number formats), so the document's figures are the sheet's.
 */
export function summaryTable(input: SummaryInput): DocTable {
  const { lang, assessment: a } = input;
  const columns = summaryColumns(lang, a.stage);
  const pick = TABLE_COLUMNS.map((tc) => {
    const column = columns.find((c) => c.header === tc.header);
    if (!column) throw new Error(`the summary has no column ${tc.header}`);
    return column;
  });
  const rows: DocRow[] = [];
  for (const outline of ['women', 'children'] as const) {
    const rs = a.indicators.filter((r) => r.def.outline === outline);
    if (rs.length === 0) continue;
    rows.push({
      kind: 'group',
      text: t(lang, outline === 'women' ? 'outline.women' : 'outline.children'),
    });
    for (const r of rs) rows.push(dataRow(r, pick));
  }
  return {
    header: TABLE_COLUMNS.map((c) => t(lang, c.header)),
    widths: TABLE_COLUMNS.map((c) => c.width),
    align: TABLE_COLUMNS.map((c) => c.align),
    rows,
  };
}

function dataRow(r: IndicatorResult, pick: ReturnType<typeof summaryColumns>): DocRow {
  return {
    kind: 'data',
    cells: pick.map((c) => cellText(c.cell(r))),
    strong: pick.map((c) => c.header === 'col.status' && r.status === 'notMet'),
  };
}

export function reportDocument(blocks: readonly Block[], input: SummaryInput): ReportDocument {
  const { lang, assessment: a, period } = input;
  const title = blocks.find((b) => b.kind === 'title')?.text ?? '';
  const date = documentDate(input.time, lang);
  return {
    lang,
    title,
    blocks: [
      ...blocks,
      ...(date ? [{ kind: 'date' as const, text: date }] : []),
      { kind: 'pageBreak' },
      { kind: 'annexLabel', text: t(lang, 'doc.annex') },
      { kind: 'tableTitle', text: t(lang, 'doc.tableTitle', { region: a.rootName, period }) },
      { kind: 'table', table: summaryTable(input) },
      { kind: 'note', text: t(lang, 'doc.tableNote') },
    ],
  };
}
