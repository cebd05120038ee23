import type { Assessment, IndicatorResult } from '../assess/assess';
import { pointUnit } from '../assess/targets';
import { a1, columnLetter } from '../model/a1';
import { t, type Lang, type MessageKey } from '../messages/index';
import type { Block } from '../narrative/narrative';
import { attainmentRate, targetOrigins, wordingOf, type AuditDigest } from '../narrative/narrative';
import { countStatuses } from '../assess/assess';
import type { Profile } from '../profile/profile';
import type { Dataset } from '../rollup/dataset';
import { profileTargetChecks } from '../targets/apply';
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
const num = (
  value: number | null,
  decimals: number,
  extra: Partial<OutputCell> = {},
): OutputCell => ({
  value,
  numberFormat: decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`,
  ...extra,
});
const blank = (): OutputCell => ({ value: null });

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
function unitCell(r: IndicatorResult, key: string, lang: Lang): OutputCell {
  const grey = {
    fill: COLOURS.notReported.fill,
    fontColor: COLOURS.notReported.font,
    align: 'center',
  } as const;
  const node = r.nodes.get(key);
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

export const SUMMARY_HEADER_ROW = 4; // 0-based row of the column headers

export function summarySheet(input: SummaryInput, name: string): OutputSheet {
  const { assessment: a, profile, dataset: ds, lang, period, audit } = input;
  const leaves = new Set(a.units);
  // Regions above the reporting units (a township over its villages) are marked as totals.
  const unitNames = a.regions.map((u) =>
    leaves.has(u) ? ds.hierarchy.name(u) : `${ds.hierarchy.name(u)}${t(lang, 'cell.subtotal')}`,
  );
  // The indicator columns, declared once: header, width, cell. Status comes early so a
  // printed page shows it next to the value.
  const columns: { header: MessageKey; width: number; cell: (r: IndicatorResult) => OutputCell }[] =
    [
      {
        header: 'col.outline',
        width: 12,
        cell: (r) =>
          text(t(lang, r.def.outline === 'women' ? 'outline.women' : 'outline.children')),
      },
      {
        header: 'col.domain',
        width: 9,
        cell: (r) => text(lang === 'zh' ? r.def.domain : r.def.domainEn),
      },
      { header: 'col.id', width: 6, cell: (r) => text(r.def.id) },
      {
        header: 'col.name',
        width: 24,
        cell: (r) => text(lang === 'zh' ? r.def.name : r.def.nameEn),
      },
      {
        header: 'col.value',
        width: 9,
        cell: (r) => num(r.root.shown, r.def.decimals, { bold: true }),
      },
      { header: 'col.unit', width: 7, cell: (r) => text(r.def.unit) },
      {
        header: 'col.target',
        width: 16,
        cell: (r) => text(wordingOf(r, lang), { wrap: true }),
      },
      { header: 'col.status', width: 8, cell: (r) => statusCell(r, lang) },
      ...(a.stage === 'midterm'
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
      { header: 'col.change', width: 8, cell: (r) => num(r.change, r.def.decimals) },
      {
        header: 'col.changeUnit',
        width: 9,
        cell: (r) => text(r.change === null ? '' : pointUnit(r.def.unit, lang).trim()),
      },
      {
        header: 'col.small',
        width: 7,
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
        header: 'col.numerator',
        width: 10,
        cell: (r) => num(r.root.pool.pooled === 0 ? null : r.root.pool.numerator, 0),
      },
      {
        header: 'col.denominator',
        width: 10,
        cell: (r) => num(r.root.pool.pooled === 0 ? null : r.root.pool.denominator, 0),
      },
      {
        header: 'col.verified',
        width: 9,
        cell: (r) => text(t(lang, r.def.verified ? 'cell.yes' : 'cell.no'), { align: 'center' }),
      },
    ];
  const width = columns.length + unitNames.length;
  const rows: OutputCell[][] = [];
  const title = t(lang, 'report.summaryTitle', { region: a.rootName, period });
  rows.push([text(title, { bold: true })]);
  rows.push([
    text(
      t(lang, 'report.meta', {
        profile: lang === 'zh' ? profile.meta.name : profile.meta.nameEn,
        time: input.time,
        errors: audit.errors,
        open: audit.openErrors,
        warnings: audit.warnings,
        explained: audit.explained,
      }) +
        '　' +
        targetsMeta(a, lang),
    ),
  ]);
  rows.push(
    audit.openErrors > 0
      ? [
          text(t(lang, 'report.openErrors', { open: audit.openErrors }), {
            bold: true,
            fill: COLOURS.notMet.fill,
            fontColor: COLOURS.notMet.font,
          }),
        ]
      : [blank()],
  );
  rows.push([text(t(lang, 'report.legend'), { italic: true, fontColor: '#595959' })]);
  rows.push([
    ...columns.map(({ header: h }) =>
      text(t(lang, h), {
        bold: true,
        fill: COLOURS.header.fill,
        fontColor: COLOURS.header.font,
        wrap: true,
        align: 'center',
      }),
    ),
    ...unitNames.map((n) =>
      text(n, {
        bold: true,
        fill: COLOURS.header.fill,
        fontColor: COLOURS.header.font,
        wrap: true,
        align: 'center',
      }),
    ),
  ]);

  for (const outline of ['women', 'children'] as const) {
    const rs = a.indicators.filter((r) => r.def.outline === outline);
    if (rs.length === 0) continue;
    for (const r of rs) {
      rows.push([...columns.map((c) => c.cell(r)), ...a.regions.map((u) => unitCell(r, u, lang))]);
    }
  }
  const lastIndicatorRow = rows.length - 1;

  // Share met per domain, for the chart.
  rows.push([blank()]);
  rows.push([text(t(lang, 'report.domainTable'), { bold: true })]);
  rows.push(
    ['col.domain', 'col.monitored', 'col.assessable', 'col.met', 'col.rate'].map((k) =>
      text(t(lang, k as 'col.domain'), {
        bold: true,
        fill: COLOURS.header.fill,
        fontColor: COLOURS.header.font,
        align: 'center',
      }),
    ),
  );
  const firstDomainRow = rows.length;
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
  const lastDomainRow = rows.length - 1;

  const columnWidths = [...columns.map((c) => c.width), ...unitNames.map(() => 10)];

  return {
    name,
    rows,
    columnWidths,
    frozenRows: SUMMARY_HEADER_ROW + 1,
    frozenColumns: 4,
    landscape: true,
    merges: [
      `A1:${columnLetter(width - 1)}1`,
      `A2:${columnLetter(width - 1)}2`,
      `A3:${columnLetter(width - 1)}3`,
      `A4:${columnLetter(width - 1)}4`,
    ],
    charts: [
      {
        kind: 'column',
        title: t(lang, 'report.chartTitle'),
        categories: `${a1(firstDomainRow, 0)}:${a1(lastDomainRow, 0)}`,
        series: [
          { name: t(lang, 'col.rate'), values: `${a1(firstDomainRow, 4)}:${a1(lastDomainRow, 4)}` },
        ],
        anchor: a1(lastIndicatorRow + 2, 6),
      },
    ],
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

export function narrativeSheet(blocks: readonly Block[], name: string): OutputSheet {
  const rows: OutputCell[][] = blocks.map((b) => {
    switch (b.kind) {
      case 'title':
        return [text(b.text, { bold: true, align: 'center' })];
      case 'heading':
        return [text(b.text, { bold: true, fill: COLOURS.header.fill })];
      case 'subheading':
        return [text(b.text, { bold: true })];
      case 'item':
        return [text(`• ${b.text}`, { wrap: true })];
      case 'paragraph':
        return [text(b.text, { wrap: true })];
    }
  });
  const width = 72;
  const rowHeights = rows.map((r) =>
    // A paragraph taller than Excel's 409 points is split over several rows by fit.ts when written.
    r[0]?.wrap ? wrappedHeight(String(r[0].value ?? ''), width) : undefined,
  );
  return { name, rows, columnWidths: [width], rowHeights };
}
