import { monitor, reportSheets } from '../../../src/core/monitor';
import type { Lang } from '../../../src/core/messages/index';
import { defaultIndex, defaultProfile, ROOT } from '../../support/fixtures';
import { readFileSync } from 'node:fs';
import { parseCsv, parseXlsx } from '../../../src/xlsx/parse';
import { parseTargetTable, type TargetTable } from '../../../src/core/targets/table';
import type { Stage } from '../../../src/core/assess/progress';

/** An office's table (test/fixtures/targets/good.csv): local targets, bands, a blank target. */
function goodTable(): TargetTable {
  const file = `${ROOT}/test/fixtures/targets/good.csv`;
  const sheet = parseCsv(new Uint8Array(readFileSync(file)), file).sheets[0];
  const r = parseTargetTable(sheet?.rows ?? [], defaultProfile().indicators, { label: 'good.csv' });
  if (!r.ok) throw new Error('good.csv');
  return r.table;
}

/**
 * report.md: "a narrative saying 其余90项达标 when the table says 88" must be impossible. The
 * overview's numbers are read back out of the text and compared with counts recomputed from
 * the summary sheet's status column.
 */
async function sample(lang: Lang, opts: { targets?: TargetTable; stage?: Stage } = {}) {
  const load = async (year: number) => {
    const file = `${ROOT}/samples/${year}年青川市两纲监测数据.xlsx`;
    return parseXlsx(new Uint8Array(readFileSync(file)), file);
  };
  const r = monitor({
    workbooks: [await load(2025)],
    prior: [await load(2024)],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang,
    ...opts,
  });
  return { r, sheets: reportSheets(r, defaultProfile(), lang, '2026-02-20 09:00') };
}

function statusCounts(rows: { value: unknown }[][], lang: Lang) {
  const labels =
    lang === 'zh'
      ? {
          met: '达标',
          notMet: '未达标',
          noData: '无数据',
          notAssessable: '无法评估',
          noTarget: '仅监测',
        }
      : {
          met: 'met',
          notMet: 'not met',
          noData: 'no data',
          notAssessable: 'not assessable',
          noTarget: 'monitored only',
        };
  const header = rows.findIndex((r) =>
    r.some((c) => c.value === (lang === 'zh' ? '达标情况' : 'Status')),
  );
  const col =
    rows[header]?.findIndex((c) => c.value === (lang === 'zh' ? '达标情况' : 'Status')) ?? -1;
  const statuses: unknown[] = [];
  for (const row of rows.slice(header + 1)) {
    const v = row[col]?.value;
    if (Object.values(labels).includes(v as string)) statuses.push(v);
  }
  const n = (label: string) => statuses.filter((s) => s === label).length;
  return {
    monitored: statuses.length,
    met: n(labels.met),
    notMet: n(labels.notMet),
    noData: n(labels.noData),
    notAssessable: n(labels.notAssessable),
    noTarget: n(labels.noTarget),
  };
}

test.each([
  ['zh', 'profile', 'annual'],
  ['en', 'profile', 'annual'],
  ['zh', 'good.csv', 'annual'],
  ['en', 'good.csv', 'midterm'],
] as const)(
  'the overview (%s, targets of the %s, %s) states exactly the counts of the summary table',
  async (lang, from, stage) => {
    const { r, sheets } = await sample(lang, {
      ...(from === 'good.csv' ? { targets: goodTable() } : {}),
      stage,
    });
    // Every status occurs with the office's table, so every term of the sums is exercised.
    if (from === 'good.csv')
      for (const k of ['met', 'notMet', 'notAssessable', 'noTarget'] as const)
        expect(r.assessment.counts[k]).toBeGreaterThan(0);
    const role = (r: string) => sheets.workbook.sheets.find((s) => s.role === r);
    const summary = role('summary');
    const narrative = role('narrative');
    if (!summary || !narrative) throw new Error('a summary and a narrative sheet expected');
    const table = statusCounts(summary.rows, lang);
    const overview =
      sheets.blocks.find((b) => b.kind === 'paragraph' && /(纳入监测|monitored)/.test(b.text))
        ?.text ?? '';
    const nums =
      lang === 'zh'
        ? /共(\d+)项，其中设有目标的(\d+)项：已达到目标的(\d+)项，尚未达到的(\d+)项，暂无法评估的(\d+)项，无数据的(\d+)项；另有(\d+)项仅作监测、不设目标。达标率（达标项数占达标与未达标项数之和的比重）为([\d.]+)%/.exec(
            overview,
          )
        : /monitored (\d+) indicators, (\d+) of them with a target: (\d+) met it, (\d+) did not, (\d+) could not be assessed and (\d+) had no data; (\d+) more are monitored without a target\. The attainment rate \(met over met plus not met\) is ([\d.]+)%/.exec(
            overview,
          );
    expect(nums).not.toBeNull();
    const [monitored, targeted, met, notMet, notAssessable, noData, noTarget, rate] = (nums ?? [])
      .slice(1)
      .map(Number);
    expect({ monitored, met, notMet, noData, notAssessable, noTarget }).toEqual(table);
    // Every count adds up: the targeted ones and the monitored-only ones make the whole.
    expect(met! + notMet! + notAssessable! + noData!).toBe(targeted);
    expect(targeted! + noTarget!).toBe(monitored);
    // 达标率 = met / (met + notMet), never over indicators without data, target or judgement.
    expect(rate).toBeCloseTo(Math.round((table.met / (table.met + table.notMet)) * 1000) / 10, 5);
    // The domain table's 达标 and 可评估 columns add up to the same counts.
    const domainHeader = summary.rows.findIndex((r) =>
      r.some((c) => c.value === (lang === 'zh' ? '可评估' : 'Assessable')),
    );
    const domainRows = summary.rows
      .slice(domainHeader + 1)
      .filter((r) => typeof r[1]?.value === 'number');
    const sum = (col: number) => domainRows.reduce((s, r) => s + Number(r[col]?.value), 0);
    expect(sum(1)).toBe(table.monitored);
    expect(sum(2)).toBe(table.met + table.notMet);
    expect(sum(3)).toBe(table.met);
    // The narrative sheet carries the same blocks as text cells.
    expect(narrative.rows.some((r) => r[0]?.value === overview)).toBe(true);
  },
);

test('every not-met indicator of the table appears in 未达标指标 and 下一步', async () => {
  const { r, sheets } = await sample('zh');
  const notMet = r.assessment.indicators
    .filter((i) => i.status === 'notMet')
    .map((i) => i.def.name);
  const items = sheets.blocks.filter((b) => b.kind === 'item').map((b) => b.text);
  for (const name of notMet) {
    expect(items.some((t) => t.startsWith(`${name}：`))).toBe(true);
    expect(items.some((t) => t.includes(`：${name}尚未实现`))).toBe(true);
  }
});

test('the same data gives the same text', async () => {
  const a = await sample('zh');
  const b = await sample('zh');
  expect(b.sheets.blocks).toEqual(a.sheets.blocks);
});

test('values in the narrative are the table values', async () => {
  const { r, sheets } = await sample('zh');
  const c02 = r.assessment.indicators.find((i) => i.def.id === 'C02');
  const text = sheets.blocks.map((b) => b.text).join('\n');
  // Sample 2025 FE1 sheet: 14 infant deaths / 3948 births (rows 6–20), but 石门镇 (row 10:
  // 198 boys + 187 girls ≠ 358 births, FE1-01) is set aside: 13 / 3590 × 1000 = 3.621 → 3.62‰.
  expect(c02?.root.pool.numerator).toBe(13);
  expect(c02?.root.pool.denominator).toBe(3590);
  expect(c02?.root.pool.setAside).toEqual(['451281101000']);
  expect(text).toContain('青川市婴儿死亡率为3.62‰');
  expect(text).toContain('初步数据：石门镇的数据未通过强制性审核，暂未计入');
});
