import type { Cell } from '../../../src/core/model/cell';
import { monitor, reportSheets } from '../../../src/core/monitor';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

/**
 * An area of many villages that sets aside, leaves out and misses thousands of them: the
 * narrative must stay a readable page and 数据质量说明 a short one, every list cut at ten
 * names with the count of all (等N个村（社区）, "and N other villages").
 *
 * 5,000 villages 青石0村 … 青石4999村 under 大县 (a 地区 sheet lists them), and — the
 * lists are cut the same at any size; 5,000 keeps the test quick —:
 * - 卫健: 20 births each (10 boys, 10 girls) — but 9 girls where i % 10 = 0 (500 villages
 *   fail FE1-01 and are set aside from the births' indicators); maternal deaths blank where
 *   i % 50 = 1 (100 villages left out of W01); 100 women aged 35–64, 60 screened — 0 where
 *   i % 20 = 2 (250 villages tied at 0%); 20 more rows 外0村 … 外19村 the 地区 sheet lacks.
 * - 民政: village committees (10 members, 3 women) of every village but i % 25 = 3 (200
 *   villages missing).
 */
const N = 5_000;
const name = (i: number) => `青石${i}村`;

function run(lang: 'zh' | 'en') {
  const region: Cell[][] = [
    ['代码', '名称', '上级代码'],
    ['990000000000', '大县', ''],
  ];
  const health: Cell[][] = [
    [
      '地区',
      '活产数',
      '男婴活产数',
      '女婴活产数',
      '孕产妇死亡数',
      '35-64岁妇女数',
      '宫颈癌筛查人数',
    ],
  ];
  const civil: Cell[][] = [
    ['地区', '村委会成员数', '村委会女性成员数', '村（社区）数', '配备儿童主任的村（社区）数'],
  ];
  for (let i = 0; i < N; i++) {
    region.push([String(990000000000 + i + 1), name(i), '990000000000']);
    health.push([
      name(i),
      20,
      10,
      i % 10 === 0 ? 9 : 10,
      i % 50 === 1 ? '' : 0,
      100,
      i % 20 === 2 ? 0 : 60,
    ]);
    if (i % 25 !== 3) civil.push([name(i), 10, 3, 1, 1]);
  }
  for (let k = 0; k < 20; k++) health.push([`外${k}村`, 20, 10, 10, 0, 100, 60]);
  const sheet = (n: string, rows: Cell[][]) => ({ name: n, origin: { row: 0, col: 0 }, rows });
  const r = monitor({
    workbooks: [
      {
        source: '2025年大县.xlsx',
        sheets: [sheet('地区', region), sheet('卫健', health), sheet('民政', civil)],
      },
    ],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang,
    period: '2025',
    regionName: '大县',
  });
  // Thirty explained warnings, as a 审核说明 sheet would bring them.
  r.digest.explanations = Array.from({ length: 30 }, (_, k) => ({
    unit: name(k),
    ruleId: 'FE1-H1',
    text: `说明${k}`,
  }));
  const sheets = reportSheets(r, defaultProfile(), lang, '2026-02-20 09:00');
  return {
    r,
    text: sheets.blocks.map((b) => b.text).join('\n'),
    quality: sheets.quality.map((b) => b.text).join('\n'),
    sheets,
  };
}

test('5,000 villages: every list of units names ten and counts the rest', () => {
  const { r, text, quality, sheets } = run('zh');
  // The figures first (by hand): W03 = 4,750 × 60 / (5,000 × 100) = 57.00%; every village
  // is below 70% (60% or 0%), the 250 at 0% tied worst.
  const w03 = r.assessment.indicators.find((i) => i.def.id === 'W03');
  expect(w03?.root.shown).toBeCloseTo(57, 10);
  // The villages at 0% are i = 2, 22, 42, …: the first ten named, all 5,000 counted.
  const tied = Array.from({ length: 10 }, (_, k) => name(2 + 20 * k)).join('、');
  expect(text).toContain(`${tied}（均为0.00%）等5000个村（社区）未达到目标`);
  expect(text).not.toContain(name(2 + 20 * 10));

  // 数据质量说明: each list ten names and the count of all.
  const first10 = (f: (k: number) => number) =>
    Array.from({ length: 10 }, (_, k) => name(f(k))).join('、');
  // 民政 missing where i % 25 = 3: i = 3, 28, 53, …; 200 of them.
  expect(quality).toContain(`未报送的单位：${first10((k) => 3 + 25 * k)}等200个村（社区）（民政）`);
  // W01 leaves out the 100 with a blank count of deaths (i = 1, 51, 101, …) — and none of the
  // 500 set aside for FE1-01, which are not pooled at all.
  expect(quality).toContain(`孕产妇死亡率（${first10((k) => 1 + 50 * k)}等100个村（社区））`);
  // Indicators no village reported (no column on the forms) are 暂无数据, not 4,500 left out.
  expect(quality).not.toContain('等4500个');
  // FE1-01 sets aside i % 10 = 0: i = 0, 10, 20, …; 500 of them, from each births indicator.
  expect(quality).toContain(
    `（${first10((k) => 10 * k)}等500个村（社区）的数据未通过强制性审核，暂未计入）`,
  );
  const outside = Array.from({ length: 10 }, (_, k) => `外${k}村`).join('、');
  expect(quality).toContain(`20个单位不在地区表中，未计入汇总：${outside}等20个村（社区）`);
  // Twenty explanations quoted, the other ten counted.
  expect(sheets.quality.filter((b) => b.kind === 'item' && /说明\d+$/.test(b.text))).toHaveLength(
    20,
  );
  expect(quality).toContain('另有10条核实说明未在此列出');

  // A readable page: no village is named more than a list's worth of times, and the whole
  // text stays short.
  const named = (s: string) => s.match(/青石\d+村/g)?.length ?? 0;
  expect(named(text)).toBeLessThanOrEqual(30);
  expect(named(quality)).toBeLessThanOrEqual(80);
  expect(text.length).toBeLessThan(8000);
  expect(quality.length).toBeLessThan(8000);
});

test('5,000 villages in English: "and N other villages"', () => {
  const { quality } = run('en');
  // 200 missing, ten named: 190 others.
  expect(quality).toMatch(/青石3村, 青石28村, [^.]*青石228村 and 190 other villages \(/);
});
