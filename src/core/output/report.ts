import type { Assessment, IndicatorResult, NodeValue } from '../assess/assess';
import { pointUnit } from '../assess/targets';
import { countStatuses } from '../assess/assess';
import type { Stage } from '../assess/progress';
import { a1, columnLetter } from '../model/a1';
import { t, type Lang, type MessageKey } from '../messages/index';
import type { Block } from '../narrative/narrative';
import { attainmentRate, targetOrigins, wordingOf, type AuditDigest } from '../narrative/narrative';
import type { Profile } from '../profile/profile';
import type { Dataset } from '../rollup/dataset';
import { profileTargetChecks } from '../targets/apply';
import { pageNumbers, tablePrint } from './print';
import { wrappedHeight, type OutputCell, type OutputSheet } from './spec';

/**
 * The two tool-owned sheets of report.md, described as data: 指标汇总 (summary) and 监测报告
 * (narrative). Adapters write them; nothing here knows about Excel or files.
 */
export const COLOURS = {
  met: { fill: '#C6EFCE', font: '#006100' },
  notMet: { fill: '#FFC7CE', font: '#9C0006' },
  noData: { fill: '#D9D9D9', font: '#404040' },
  /** A value, but nothing to judge it against: amber, "look at this". */
  notAssessable: { fill: '#FCE4D6', font: '#843C0C' },
  /** Monitored without a target: neutral blue-grey, never a verdict colour. */
  noTarget: { fill: '#E7EEF7', font: '#44546A' },
  header: { fill: '#DDEBF7', font: '#1F3864' },
  group: { fill: '#F2F2F2', font: '#000000' },
  warning: { fill: '#FFEB9C', font: '#9C5700' },
  notReported: { fill: '#EDEDED', font: '#7F7F7F' },
} as const;

export interface SummaryInput {
  assessment: Assessment;
  profile: Profile;
  dataset: Dataset;
  period: string;
  audit: AuditDigest;
  lang: Lang;
  /** Run time as text (the caller's clock; the engine has none). */
  time: string;
}

const text = (value: string, extra: Partial<OutputCell> = {}): OutputCell => ({
  value,
  numberFormat: '@',
  ...extra,
});
/** `0`, `0.0`, `0.00`…: one string per number of decimals, not one per cell. */
const FORMATS: string[] = [];
const decimalsFormat = (decimals: number): string =>
  (FORMATS[decimals] ??= decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`);
/** `0.00"*"`: a 变化 over the units of both years (可比口径), marked as the legend says. */
const MARKED: string[] = [];
const comparableFormat = (decimals: number): string =>
  (MARKED[decimals] ??= `${decimalsFormat(decimals)}"*"`);
const num = (value: number | null, decimals: number, extra?: Partial<OutputCell>): OutputCell =>
  extra
    ? { value, numberFormat: decimalsFormat(decimals), ...extra }
    : { value, numberFormat: decimalsFormat(decimals) };
const blank = (): OutputCell => ({ value: null });

/** A value cell as every sheet writes one: the number to its indicator's decimals. */
export const numberCell = (value: number, decimals: number): OutputCell => num(value, decimals);

function statusCell(r: IndicatorResult, lang: Lang): OutputCell {
  const c = COLOURS[r.status];
  return text(t(lang, `status.${r.status}`), {
    fill: c.fill,
    fontColor: c.font,
    bold: true,
    align: 'center',
  });
}

/**
 * What a region's cell shows for an indicator: its pooled value; 未报 when no unit under it
 * reported the items; 缺 when they reported them blank; 分母为0.
 */
export function unitCell(r: IndicatorResult, key: string, lang: Lang): OutputCell {
  return nodeCell(r, r.nodes.get(key), lang);
}

const GREY = {
  fill: COLOURS.notReported.fill,
  fontColor: COLOURS.notReported.font,
  align: 'center',
} as const;

/** `unitCell` for a node already looked up (a units sheet asks once per cell, not twice). */
export function nodeCell(r: IndicatorResult, node: NodeValue | undefined, lang: Lang): OutputCell {
  const grey = GREY;
  if (!node) return text(t(lang, 'cell.notReported'), grey);
  if (node.pool.pooled === 0) return text(t(lang, 'cell.leftOut'), grey);
  if (node.shown === null) {
    return text(t(lang, 'cell.zeroDenominator'), {
      fontColor: COLOURS.noData.font,
      align: 'center',
    });
  }
  return num(node.shown, r.def.decimals);
}

/** The unit of an indicator as the sheets write it: `1/10万` is "per 100,000" in English. */
export function unitLabel(unit: string, lang: Lang): string {
  if (unit === '1/10万') return t(lang, 'unit.perHundredThousand');
  if (unit === '女=100') return t(lang, 'unit.sexRatio');
  return unit;
}

export const SUMMARY_HEADER_ROW = 4; // 0-based row of the column headers

export interface Column {
  header: MessageKey;
  width: number;
  cell: (r: IndicatorResult) => OutputCell;
  /** For the statistician's checks, not the printed table: kept at the right, collapsed. */
  internal?: true;
}

/**
 * The indicator columns, declared once: header, width, cell. Status comes early so a printed
 * page shows it next to the value; the internal columns (counts, point unit, verified) last.
 */
export function summaryColumns(lang: Lang, stage: Stage = 'annual'): Column[] {
  return [
    {
      header: 'col.outline',
      width: lang === 'zh' ? 12 : 9,
      cell: (r) =>
        text(t(lang, r.def.outline === 'women' ? 'outline.short.women' : 'outline.short.children')),
    },
    {
      header: 'col.domain',
      width: lang === 'zh' ? 9 : 15,
      cell: (r) => text(lang === 'zh' ? r.def.domain : r.def.domainEn),
    },
    { header: 'col.id', width: 6, cell: (r) => text(r.def.id) },
    {
      header: 'col.name',
      width: lang === 'zh' ? 24 : 40,
      cell: (r) => text(lang === 'zh' ? r.def.name : r.def.nameEn),
    },
    {
      header: 'col.value',
      width: 9,
      cell: (r) => num(r.root.shown, r.def.decimals, { bold: true }),
    },
    {
      header: 'col.unit',
      width: lang === 'zh' ? 7 : 12,
      cell: (r) => text(unitLabel(r.def.unit, lang)),
    },
    {
      header: 'col.target',
      width: lang === 'zh' ? 16 : 22,
      cell: (r) => text(wordingOf(r, lang), { wrap: true }),
    },
    { header: 'col.status', width: 9, cell: (r) => statusCell(r, lang) },
    ...(stage === 'midterm'
      ? [
          {
            header: 'col.progress' as const,
            width: 9,
            cell: (r: IndicatorResult) =>
              text(t(lang, `progress.${r.progress?.status ?? 'notAssessable'}`), {
                align: 'center',
              }),
          },
          {
            header: 'col.expected' as const,
            width: 8,
            cell: (r: IndicatorResult) => num(r.progress?.expected ?? null, r.def.decimals),
          },
        ]
      : []),
    { header: 'col.prior', width: 8, cell: (r) => num(r.prior, r.def.decimals) },
    {
      header: 'col.change',
      width: 8,
      cell: (r) =>
        r.priorCoverage && r.change !== null
          ? num(r.change, r.def.decimals, { numberFormat: comparableFormat(r.def.decimals) })
          : num(r.change, r.def.decimals),
    },
    {
      header: 'col.small',
      width: 8,
      cell: (r) =>
        r.smallNumber
          ? text(t(lang, 'cell.small'), {
              fill: COLOURS.warning.fill,
              fontColor: COLOURS.warning.font,
              align: 'center',
            })
          : blank(),
    },
    {
      header: 'col.changeUnit',
      width: 16,
      internal: true,
      cell: (r) => text(r.change === null ? '' : pointUnit(r.def.unit, lang).trim()),
    },
    {
      header: 'col.numerator',
      width: 10,
      internal: true,
      cell: (r) => num(r.root.pool.pooled === 0 ? null : r.root.pool.numerator, 0),
    },
    {
      header: 'col.denominator',
      width: 10,
      internal: true,
      cell: (r) => num(r.root.pool.pooled === 0 ? null : r.root.pool.denominator, 0),
    },
    {
      header: 'col.verified',
      width: 9,
      internal: true,
      cell: (r) => text(t(lang, r.def.verified ? 'cell.yes' : 'cell.no'), { align: 'center' }),
    },
  ];
}

const HEADER_CELL = {
  bold: true,
  fill: COLOURS.header.fill,
  fontColor: COLOURS.header.font,
  wrap: true,
  align: 'center',
} as const;

/** The height of a row whose text wraps in a merged area of `width` characters. */
const noteHeight = (value: string, width: number) => Math.max(16, wrappedHeight(value, width));

/** The summary sheet 指标汇总: one row per indicator of the whole area, and the domain table. */
export function summarySheet(input: SummaryInput, name: string): OutputSheet {
  const { assessment: a, profile, lang, period, audit } = input;
  const columns = summaryColumns(lang, a.stage);
  const shown = columns.filter((c) => !c.internal);
  const printedWidth = shown.reduce((w, c) => w + c.width, 0);
  const rows: OutputCell[][] = [];
  const rowHeights: (number | undefined)[] = [];
  const title = t(lang, 'report.summaryTitle', { region: a.rootName, period });
  rows.push([text(title, { bold: true })]);
  const meta =
    t(lang, 'report.meta', {
      profile: lang === 'zh' ? profile.meta.name : profile.meta.nameEn,
      time: input.time,
      errors: audit.errors,
      open: audit.openErrors,
      warnings: audit.warnings,
      explained: audit.explained,
    }) +
    '\u3000' +
    targetsMeta(a, lang);
  rows.push([text(meta, { wrap: true })]);
  rowHeights[1] = noteHeight(meta, printedWidth);
  if (audit.openErrors > 0) {
    const warning = t(lang, 'report.openErrors', { open: audit.openErrors });
    rows.push([
      text(warning, {
        bold: true,
        fill: COLOURS.notMet.fill,
        fontColor: COLOURS.notMet.font,
        wrap: true,
      }),
    ]);
    rowHeights[2] = noteHeight(warning, printedWidth);
  } else rows.push([blank()]);
  // The 变化 of an indicator whose two years pooled other units is over the units of both.
  const comparable = a.indicators.filter((r) => r.priorCoverage).map((r) => r.def.id);
  const legend =
    t(lang, 'report.legend') +
    (comparable.length > 0
      ? t(lang, 'report.legendComparable', { list: comparable.join(lang === 'zh' ? '、' : ', ') })
      : '');
  rows.push([text(legend, { italic: true, fontColor: '#595959', wrap: true })]);
  rowHeights[3] = noteHeight(legend, printedWidth);
  rows.push(columns.map(({ header: h }) => text(t(lang, h), HEADER_CELL)));
  rowHeights[SUMMARY_HEADER_ROW] = Math.max(
    ...columns.map((c) => wrappedHeight(t(lang, c.header), c.width)),
  );

  for (const outline of ['women', 'children'] as const) {
    for (const r of a.indicators.filter((x) => x.def.outline === outline)) {
      rows.push(columns.map((c) => c.cell(r)));
    }
  }
  const lastIndicatorRow = rows.length - 1;
  // The domain table and its chart begin a page of their own when printed.
  rows.push([blank()]);
  const domain = domainTable(a, lang, rows.length);
  rows.push(...domain.rows);

  const last = columnLetter(shown.length - 1);
  const firstInternal = shown.length;
  return {
    name,
    role: 'summary',
    rows,
    columnWidths: columns.map((c) => c.width),
    rowHeights,
    frozenRows: SUMMARY_HEADER_ROW + 1,
    frozenColumns: 4,
    merges: [`A1:${last}1`, `A2:${last}2`, `A3:${last}3`, `A4:${last}4`],
    borders: [
      `A${SUMMARY_HEADER_ROW + 1}:${columnLetter(columns.length - 1)}${lastIndicatorRow + 1}`,
      domain.range,
    ],
    columnGroups: [{ first: firstInternal, last: columns.length - 1, collapsed: true }],
    print: tablePrint({
      lang,
      region: a.rootName,
      period,
      title: name,
      profile: lang === 'zh' ? profile.meta.name : profile.meta.nameEn,
      orientation: 'landscape',
      titleRows: { first: SUMMARY_HEADER_ROW, last: SUMMARY_HEADER_ROW },
      titleColumns: { first: 0, last: 3 },
      breaksBefore: [domain.firstRow],
    }),
    charts: [
      {
        kind: 'column',
        title: t(lang, 'report.chartTitle'),
        categories: domain.categories,
        series: [{ name: t(lang, 'col.rate'), values: domain.values }],
        // Beside the domain table (columns A–E), as wide as the rest of the printed table.
        anchor: a1(domain.firstRow, 5),
        to: a1(domain.firstRow + 16, shown.length),
        percentAxis: true,
      },
    ],
  };
}

/**
 * The share met per domain, for the chart: a title row, a header row and one row per domain,
 * starting at the 0-based row `at`.
 */
function domainTable(
  a: Assessment,
  lang: Lang,
  at: number,
): { rows: OutputCell[][]; firstRow: number; range: string; categories: string; values: string } {
  const rows: OutputCell[][] = [];
  rows.push([text(t(lang, 'report.domainTable'), { bold: true })]);
  rows.push(
    (['col.domain', 'col.monitored', 'col.assessable', 'col.met', 'col.rate'] as const).map((k) =>
      text(t(lang, k), HEADER_CELL),
    ),
  );
  const domains: string[] = [];
  for (const r of a.indicators) if (!domains.includes(r.def.domain)) domains.push(r.def.domain);
  for (const domain of domains) {
    const rs = a.indicators.filter((r) => r.def.domain === domain);
    const counts = countStatuses(rs);
    const { assessable, rate } = attainmentRate(counts);
    const first = rs[0]?.def;
    rows.push([
      text(lang === 'zh' ? domain : (first?.domainEn ?? domain)),
      num(counts.monitored, 0),
      num(assessable, 0),
      num(counts.met, 0),
      num(rate === '—' ? null : Number(rate), 1),
    ]);
  }
  const head = at + 1;
  const firstData = at + 2;
  const lastData = at + rows.length - 1;
  return {
    rows,
    firstRow: at,
    range: `${a1(head, 0)}:${a1(lastData, 4)}`,
    categories: `${a1(firstData, 0)}:${a1(lastData, 0)}`,
    values: `${a1(firstData, 4)}:${a1(lastData, 4)}`,
  };
}

/** Whose targets the report used: the profile's, or the office's table for some of them. */
function targetsMeta(a: Assessment, lang: Lang): string {
  const stage = a.stage === 'midterm' ? '　' + t(lang, 'report.stageMidterm') : '';
  if (!a.targets)
    return t(lang, 'report.targetsProfile', profileTargetChecks(a.indicators)) + stage;
  return (
    t(lang, 'report.targetsTable', { label: a.targets.label, ...targetOrigins(a, lang) }) + stage
  );
}

/**
 * 监测报告 (and 数据质量说明, role `quality`): the blocks, one a row, printed portrait with page
 * numbers.
 */
export function narrativeSheet(
  blocks: readonly Block[],
  name: string,
  lang: Lang = 'zh',
  role: 'narrative' | 'quality' = 'narrative',
): OutputSheet {
  const rows: OutputCell[][] = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return [text(b.text, { bold: true, align: 'center', wrap: true })];
      case 'heading':
        return [text(b.text, { bold: true, fill: COLOURS.header.fill })];
      case 'subheading':
        return [text(b.text, { bold: true })];
      case 'item':
        return [text(`• ${b.text}`, { wrap: true })];
      case 'paragraph':
        return [text(b.text, { wrap: true })];
      case 'note':
        return [text(b.text, { wrap: true, italic: true, fontColor: '#595959' })];
    }
  });
  const width = 72;
  const rowHeights = rows.map((r) =>
    r[0]?.wrap ? wrappedHeight(String(r[0].value ?? ''), width) : undefined,
  );
  return {
    name,
    role,
    rows,
    columnWidths: [width],
    rowHeights,
    print: {
      orientation: 'portrait',
      fitToWidth: 1,
      margins: { left: 0.9, right: 0.9, top: 0.9, bottom: 0.9, header: 0.4, footer: 0.4 },
      centerHorizontally: true,
      footer: { center: pageNumbers(lang) },
    },
  };
}
