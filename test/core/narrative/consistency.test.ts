import { monitor, reportSheets } from '../../../src/core/monitor';
import type { Lang } from '../../../src/core/messages/index';
import { defaultIndex, defaultProfile, ROOT } from '../../support/fixtures';
import { readFileSync } from 'node:fs';
import { parseXlsx } from '../../../src/xlsx/parse';

/**
 * report.md: "a narrative saying 其余90项达标 when the table says 88" must be impossible. The
 * overview's numbers are read back out of the text and compared with counts recomputed from
 * the summary sheet's status column.
 */
async function sample(lang: Lang) {
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
  });
  return { r, sheets: reportSheets(r, defaultProfile(), lang, '2026-02-20 09:00') };
}

function statusCounts(rows: { value: unknown }[][], lang: Lang) {
  const labels =
    lang === 'zh'
      ? { met: '达标', notMet: '未达标', noData: '无数据' }
      : { met: 'met', notMet: 'not met', noData: 'no data' };
  const header = rows.findIndex((r) =>
    r.some((c) => c.value === (lang === 'zh' ? '达标情况' : 'Status')),
  );
  const col =
    rows[header]?.findIndex((c) => c.value === (lang === 'zh' ? '达标情况' : 'Status')) ?? -1;
  const statuses: unknown[] = [];
  for (const row of rows.slice(header + 1)) {
    const v = row[col]?.value;
    if (v === labels.met || v === labels.notMet || v === labels.noData) statuses.push(v);
  }
  return {
    monitored: statuses.length,
    met: statuses.filter((s) => s === labels.met).length,
    notMet: statuses.filter((s) => s === labels.notMet).length,
    noData: statuses.filter((s) => s === labels.noData).length,
  };
}

test.each(['zh', 'en'] as const)(
  'the overview (%s) states exactly the counts of the summary table',
  async (lang) => {
    const { sheets } = await sample(lang);
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
        ? /共(\d+)项，其中达到2030年目标的(\d+)项，尚未达到的(\d+)项，无数据或暂无法评估的(\d+)项；在可评估的(\d+)项指标中，达标率为([\d.]+)%/.exec(
            overview,
          )
        : /monitored (\d+) indicators: (\d+) met their 2030 targets, (\d+) did not, and (\d+) had no data.*?of the (\d+) that could be assessed, ([\d.]+)% met/.exec(
            overview,
          );
    expect(nums).not.toBeNull();
    const [monitored, met, notMet, noData, assessable, rate] = (nums ?? []).slice(1).map(Number);
    expect({ monitored, met, notMet, noData }).toEqual(table);
    expect(met! + notMet! + noData!).toBe(monitored);
    expect(assessable).toBe(table.monitored - table.noData);
    expect(rate).toBeCloseTo(
      Math.round((table.met / (table.monitored - table.noData)) * 1000) / 10,
      5,
    );
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
    expect(items.some((t) => t.includes(`：${name}尚未达到`))).toBe(true);
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
  // 14 infant deaths / 3948 births × 1000 = 3.546 → 3.55‰ (sample: 2025 FE1 sheet, 合计 of G)
  expect(c02?.root.pool.numerator).toBe(14);
  expect(c02?.root.pool.denominator).toBe(3948);
  expect(text).toContain('青川市婴儿死亡率为3.55‰');
});
