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
        ? /共(\d+)项，其中妇女发展纲要指标(\d+)项、儿童发展纲要指标(\d+)项。在设有目标的(\d+)项指标中，已达到目标的(\d+)项（妇女(\d+)项、儿童(\d+)项），尚未达到的(\d+)项(?:，暂无法评估的(\d+)项)?(?:，无数据的(\d+)项)?(?:；另有(\d+)项仅作监测、不设目标)?。按可评估的(\d+)项指标计算，达标率为([\d.]+)%/.exec(
            overview,
          )
        : /monitored (\d+) indicators, (\d+) of the programme for women and (\d+) of the programme for children\. Of the (\d+) with a target, (\d+) (?:was|were) met \((\d+) for women, (\d+) for children\)(?:, | and )(\d+) (?:was|were) not(?:(?:, | and )(\d+) could not be assessed)?(?:(?:, | and )(\d+) had no data)?(?:; (\d+) more (?:is|are) monitored without a target)?\. Over the (\d+) indicators? that could be judged, the attainment rate is ([\d.]+)%/.exec(
            overview,
          );
    expect(nums).not.toBeNull();
    // A count the sentence leaves out (暂无法评估, 无数据, 仅作监测 of 0) is 0.
    const [
      monitored,
      women,
      children,
      targeted,
      met,
      womenMet,
      childrenMet,
      notMet,
      notAssessable,
      noData,
      noTarget,
      assessable,
      rate,
    ] = (nums ?? []).slice(1).map((x) => Number(x ?? 0));
    expect({ monitored, met, notMet, noData, notAssessable, noTarget }).toEqual(table);
    // Every count adds up: the targeted ones and the monitored-only ones make the whole.
    expect(met! + notMet! + notAssessable! + noData!).toBe(targeted);
    expect(targeted! + noTarget!).toBe(monitored);
    expect(women! + children!).toBe(monitored);
    expect(womenMet! + childrenMet!).toBe(met);
    // 达标率 = met / (met + notMet), never over indicators without data, target or judgement.
    expect(assessable).toBe(table.met + table.notMet);
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

test('each not-met indicator is said once, in its domain, with its gap and weakest townships', async () => {
  const { r, sheets } = await sample('zh');
  const text = sheets.blocks.map((b) => b.text).join('\n');
  const notMet = r.assessment.indicators.filter((i) => i.status === 'notMet');
  expect(notMet.map((i) => i.def.id)).toEqual(['W01', 'W03', 'W07', 'C14']);
  for (const i of notMet)
    expect([i.def.name, text.split(i.def.name).length - 1]).toEqual([i.def.name, 1]);
  // C14, sample 2025 教育 rows 5–19: 体质健康优良 24815 / 测试 42735 = 58.067% → 58.07%, 1.93
  // points short of 60%. Below 60%: 城东 3840/6413 = 59.88, 青山 2074/3846 = 53.93, 白沙
  // 1704/3013 = 56.56, 桃源 1569/2820 = 55.64, 大坪 1165/2253 = 51.71, 新田 1052/2072 = 50.77,
  // 长岭 1097/1904 = 57.62, 黄竹 645/1245 = 51.81, 高峰 410/775 = 52.90: nine, the lowest three
  // 新田, 大坪, 黄竹.
  const education = sheets.blocks.find(
    (b) => b.kind === 'paragraph' && b.text.includes('学生体质健康达标优良率'),
  );
  expect(education?.text).toContain(
    '学生体质健康达标优良率为58.07%，提高1.15个百分点，距“达到60%以上”的目标尚差1.93个百分点，新田镇（50.77%）、大坪镇（51.71%）、黄竹乡（51.81%）等9个乡镇（街道）未达到目标。',
  );
  const heading = sheets.blocks[sheets.blocks.indexOf(education!) - 1];
  expect(heading?.text).toBe('（三）儿童与教育');
  // W07, sample 2025 民政 rows 4–18: 女性成员 190 / 成员 0+0+10+84+60+77+70+63+63+40+56+42+36+30+30
  // = 661 (the typed 合计 651 is 10 short and is not pooled): 28.74%, 1.26 short of 30%.
  expect(text).toContain(
    '村委会成员中女性比例为28.74%，比上年提高1.28个百分点，距“达到30%以上”的目标尚差1.26个百分点',
  );
  // W01 rests on one maternal death (大坪镇): the footnote says so, and no township is named by
  // a rate of 1 / 223 births.
  expect(text).toContain('注：孕产妇死亡1人，例数较少，该比率波动较大。');
  expect(text).not.toContain('大坪镇（448.43/10万）');
  // 下一步: the departments as the forms' 填报单位 lines name them (青川市教育局 → 市教育局).
  const next = sheets.blocks[sheets.blocks.length - 1]?.text ?? '';
  expect(next).toContain(
    '市卫生健康局（妇女与健康领域2项）、市民政局（妇女参与决策和管理领域1项）、市教育局（儿童与教育领域1项）',
  );
  // The leadership text carries none of the statistician's to-dos.
  for (const todo of ['请', '未能核实', '核对', '容差'])
    expect([todo, text.includes(todo)]).toEqual([todo, false]);
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
  const quality = sheets.quality.map((b) => b.text).join('\n');
  // Sample 2025 FE1 sheet: 14 infant deaths / 3948 births (rows 6–20), but 石门镇 (row 10:
  // 198 boys + 187 girls ≠ 358 births, FE1-01) is set aside: 13 / 3590 × 1000 = 3.621 → 3.62‰.
  expect(c02?.root.pool.numerator).toBe(13);
  expect(c02?.root.pool.denominator).toBe(3590);
  expect(c02?.root.pool.setAside).toEqual(['451281101000']);
  expect(text).toContain('婴儿死亡率为3.62‰（初步数据）');
  // Why it is provisional is the statistician's business: 数据质量说明, not the report.
  expect(text).not.toContain('石门镇');
  expect(quality).toContain('（石门镇的数据未通过强制性审核，暂未计入）');
});

test('a rate rises (上升) in 十万分点, a share falls (降低) in 百分点: the sample by hand', async () => {
  const { sheets } = await sample('zh');
  const text = sheets.blocks.map((b) => b.text).join('\n');
  // W01, 妇幼卫生 sheets: 2025 one maternal death (大坪镇) over the births without 石门镇 (set
  // aside, FE1-01): 3948 − 358 = 3590, 1 / 3590 × 100000 = 27.855 → 27.86/10万; 2024 one
  // death over 560+583+372+378+335+322+254+264+231+188+164+121+101+85+67 = 4025 births,
  // 24.845 → 24.84. The change is over the townships pooled in both years (可比口径): 2024
  // without 石门镇, 1 / (4025 − 335) = 1 / 3690 × 100000 = 27.100 → 27.10, and 27.86 − 27.10 =
  // 0.76: a rate, so 上升 (the shown values' 27.86 − 24.84 = 3.02 compared other townships).
  expect(text).toContain(
    '2025年，青川市孕产妇死亡率为27.86/10万（初步数据），按可比口径（两年均汇总的单位）比上年上升0.76个十万分点，距“下降到12/10万以下”的目标尚差15.86个十万分点。',
  );
  // W03: 2025 55969 screened / 88179 women = 63.47%; 2024 63989 / 93007 = 68.80%; −5.33 for a
  // share (higher is better) is 降低; the later sentences of the paragraph drop "比上年".
  expect(text).toContain('适龄妇女宫颈癌筛查率为63.47%，降低5.33个百分点');
  expect(text).not.toContain('提高3.02');
  // The summary sheet's legend says which 变化 are over the townships of both years: the FE1
  // indicators that 石门镇's births feed (W01, W02, C01–C05) and C16 (高峰乡).
  const summary = sheets.workbook.sheets.find((s) => s.role === 'summary');
  const legend = summary?.rows[3]?.[0]?.value;
  expect(legend).toContain(
    'W01、W02、C01、C02、C03、C04、C05、C16两年汇总的单位不同，“变化”（带*）按可比口径（两年均汇总的单位）计算',
  );
  // Those 变化 cells carry the *, so 数值 − 上年 ≠ 变化 is never unexplained (W01 +0.76*); the
  // others do not (W03, both years over the same townships).
  const header = summary?.rows.find((r) => r.some((c) => c.value === '编号')) ?? [];
  const idCol = header.findIndex((c) => c.value === '编号');
  const changeCol = header.findIndex((c) => c.value === '变化');
  const formatOf = (id: string) =>
    summary?.rows.find((r) => r[idCol]?.value === id)?.[changeCol]?.numberFormat;
  expect([formatOf('W01'), formatOf('C16'), formatOf('W03')]).toEqual([
    '0.00"*"',
    '0.00"*"',
    '0.00',
  ]);
});

test('English: plurals agree with their counts, targets read as English, no 万 left', async () => {
  const { sheets } = await sample('en');
  const text = [...sheets.blocks, ...sheets.quality].map((b) => b.text).join('\n');
  // One warning (X-01, 龙潭镇's premarital checks), one department with one unmet indicator.
  expect(text).toContain('1 warning needs an explanation (explained so far: 0).');
  expect(text).toContain('the Education Bureau (1 in children and education)');
  // W04's 逐步提高 and W06's 45%左右 without a band, in words.
  expect(text).toContain(
    'The breast cancer screening rate was 60.64%, up 0.35 percentage points, meeting the target of steady growth.',
  );
  expect(text).toContain(
    'no band is set for its target of about 45%, so it is not judged this time.',
  );
  // W01 in 1/10万: per 100,000, never 万.
  expect(text).toContain(
    '27.86 per 100,000 (provisional), up 0.76 per 100,000 on the previous year over the units of both years',
  );
  expect(text).not.toMatch(/万/);
  expect(text).not.toMatch(
    /\b1 (indicators|forms|warnings|errors|units|townships|targets|rows|problems)\b/,
  );
});
