import type { Cell } from '../../../src/core/model/cell';
import type { WorkbookData } from '../../../src/core/model/workbook';
import { monitor, reportSheets } from '../../../src/core/monitor';
import { reportJson } from '../../../src/core/output/json';
import { TallyError } from '../../../src/core/errors';
import { defaultIndex, defaultProfile } from '../../support/fixtures';
import type { Stage } from '../../../src/core/assess/progress';

/**
 * A three-township FE1 form (in memory) judged against the profile's targets and against an
 * office's own 指标目标 sheet. Every expected figure is worked out from these cells:
 *
 *           活产 男  女   孕产妇死亡 婴儿死亡 应种  实种
 *   甲镇    1000 520 480  0          5        1000  950   → 接种 95.00%
 *   乙镇    1000 515 485  0          4         500  440   → 接种 88.00%  (below 90)
 *   丙镇    1000 530 470  0          3         500  500   → 接种 100.00%
 *   total   3000 1565 1435 0        12        2000 1890
 *
 * W01 = 0/3000 → 0.00/10万; C02 = 12/3000×1000 = 4.00‰; C10 = 1890/2000 = 94.50%;
 * C05 = 1565/1435×100 = 109.059… → 109.06 (outside 103—107).
 */
const FORM: Cell[][] = [
  ['2025年妇幼健康统计表'],
  [
    '乡镇（街道）',
    '活产数',
    '男婴活产数',
    '女婴活产数',
    '孕产妇死亡数',
    '婴儿死亡数',
    '免疫规划疫苗应种人数',
    '免疫规划疫苗实种人数',
  ],
  ['甲镇', 1000, 520, 480, 0, 5, 1000, 950],
  ['乙镇', 1000, 515, 485, 0, 4, 500, 440],
  ['丙镇', 1000, 530, 470, 0, 3, 500, 500],
];

function workbook(targets?: Cell[][]): WorkbookData {
  const sheets = [{ name: '妇幼', origin: { row: 0, col: 0 }, rows: FORM }];
  if (targets) sheets.push({ name: '指标目标', origin: { row: 0, col: 0 }, rows: targets });
  return { source: '某县.xlsx', sheets };
}

/** The report of 某县 for 2025 on these workbooks (and last year's, when given). */
function runOn(workbooks: WorkbookData[], prior?: WorkbookData[], stage: Stage = 'annual') {
  return monitor({
    workbooks,
    ...(prior ? { prior } : {}),
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    period: '2025',
    regionName: '某县',
    stage,
  });
}

function run(targets?: Cell[][], stage: Stage = 'annual') {
  return runOn([workbook(targets)], undefined, stage);
}

/** The narrative (监测报告) of a run, as one text. */
const narrativeOf = (r: ReturnType<typeof run>) =>
  reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00')
    .blocks.map((b) => b.text)
    .join('\n');

const sheetOf = (name: string, rows: Cell[][]) => ({ name, origin: { row: 0, col: 0 }, rows });

const status = (r: ReturnType<typeof run>, id: string) => {
  const i = r.assessment.indicators.find((x) => x.def.id === id);
  if (!i) throw new Error(id);
  return i;
};

test('the profile: C10 holds per township, so 乙镇 at 88% makes it not met although the total is 94.5%', () => {
  const r = run();
  const c10 = status(r, 'C10');
  expect(c10.root.shown).toBe(94.5);
  expect([c10.status, c10.statusReason]).toEqual(['notMet', 'unitsBelow']);
  expect(c10.unitsBelow.map((u) => [r.dataset.hierarchy.name(u.unit), u.value])).toEqual([
    ['乙镇', 88],
  ]);
  expect(c10.gap).toBe(2); // 90 − 88
  // One sentence names the township.
  const { blocks } = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00');
  const text = blocks.map((b) => b.text).join('\n');
  expect(text).toContain('但按乡（镇、街道）计，乙镇（88.00%）未达到90%');
  // And one notice with 乙镇's cells: 应种 in column G, 实种 in H, row 4 (title, header, 甲镇).
  const notices = r.validation.findings.filter((f) => f.ruleId === 'C10-TARGET');
  expect(
    notices.map((f) => [f.severity, f.unit, f.sheet, f.cells.map((c) => [c.cell, c.value])]),
  ).toEqual([
    [
      'notice',
      '乙镇',
      '妇幼',
      [
        ['H4', 440],
        ['G4', 500],
      ],
    ],
  ]);
  expect(notices[0]?.message).toBe(
    '乙镇免疫规划疫苗接种率为88.00%，未达到“以乡（镇、街道）为单位保持在90%以上”的目标（该目标按乡（镇、街道）逐一考核）。',
  );
  // A notice needs no 说明: the audit's error and warning counts are the data's alone.
  expect(r.validation.summary.notices).toBeGreaterThanOrEqual(1);
  expect(r.digest.warnings).toBe(
    r.validation.findings.filter((f) => f.severity === 'warning').length,
  );
});

test('monitoring-only indicators are outside the 达标率; the counts add up', () => {
  const r = run();
  const c05 = status(r, 'C05');
  expect([c05.root.shown, c05.status, c05.plausible]).toEqual([109.06, 'noTarget', false]);
  // met: W01 (0 ≤ 12), C02 (4.00 ≤ 5); not met: C10; monitored only: W05, C05, C15;
  // the other 21 have no value here.
  expect(r.assessment.counts).toEqual({
    monitored: 27,
    met: 2,
    notMet: 1,
    noData: 21,
    notAssessable: 0,
    noTarget: 3,
  });
  // 达标率 = 2 / (2 + 1) = 66.7%, not 2 / (27 − 21) = 33.3% (which would count C05 and C15).
  expect(reportJson(r, 'zh').counts).toMatchObject({ assessable: 3, rate: 66.7 });
});

const LOCAL: Cell[][] = [
  ['某县妇女儿童发展规划（2021—2030年）监测目标'],
  ['编号', '目标', '容差', '目标年份', '基期年份', '基期值', '来源'],
  ['W01', '下降到10/10万以下', null, 2030, 2020, 20, '某县规划'],
  ['C02', '≤3.5‰', null, 2030, 2020, '6.0', '某县规划'],
  ['C10', '≥99%', null, 2030, 2020, 91, '某县规划'],
];

test("a local target flips a status: C02 at 4.00‰ meets the national 5‰ but not the county's 3.5‰", () => {
  const national = run();
  expect(status(national, 'C02').status).toBe('met');
  const local = run(LOCAL);
  const c02 = status(local, 'C02');
  expect([c02.status, c02.gap, c02.target.origin, c02.target.row]).toEqual([
    'notMet',
    0.5,
    'table',
    4,
  ]);
  // C10's local row does not say 以乡为单位: the 纲要 defines C10 per township, so it is still
  // judged per township (with a notice): 94.50 < 99 overall, 甲镇 95 and 乙镇 88 below 99.
  const c10 = status(local, 'C10');
  expect([c10.status, c10.gap]).toEqual(['notMet', 4.5]);
  expect(c10.unitsBelow.map((u) => [local.dataset.hierarchy.name(u.unit), u.value])).toEqual([
    ['甲镇', 95],
    ['乙镇', 88],
  ]);
  // Indicators the table does not list keep the profile's target.
  expect(status(local, 'C01').target.origin).toBe('profile');
  // met W01; not met C02, C10 → 1 / 3 = 33.3%.
  expect(reportJson(local, 'zh').counts).toMatchObject({ met: 1, notMet: 2, rate: 33.3 });
  const json = reportJson(local, 'zh');
  expect(json.targets).toMatchObject({ origin: 'table', applied: 3 });
  expect(json.targets.problems).toMatchObject([{ id: 'C10', dropped: false }]);
  expect(json.indicators.find((i) => i.id === 'W01')?.target).toMatchObject({
    kind: 'atMost',
    value: 10,
    wording: '下降到10/10万以下',
    origin: 'table',
    source: '某县规划',
    baseYear: 2020,
    baseline: 20,
    targetYear: 2030,
  });
});

test('--stage midterm: progress against the line from 2020 to 2030', () => {
  const r = run(LOCAL, 'midterm');
  // W01: 20 + (10 − 20) × 0.5 = 15.00; the value 0 meets the target → on track.
  expect(status(r, 'W01').progress).toMatchObject({ status: 'onTrack', expected: 15 });
  // C02: 6.0 + (3.5 − 6.0) × 0.5 = 4.75; 4.00 ≤ 4.75 → on track, although not yet met.
  expect(status(r, 'C02').progress).toMatchObject({ status: 'onTrack', expected: 4.75 });
  // C10: 91 + (99 − 91) × 0.5 = 95.00; 94.50 < 95 → behind.
  expect(status(r, 'C10').progress).toMatchObject({ status: 'behind', expected: 95 });
  const { blocks } = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00');
  const text = blocks.map((b) => b.text).join('\n');
  expect(text).toContain('本期应达到95.00%，进度滞后');
  // Of the three with a line (W01, C02, C10), two on track and one behind.
  expect(text).toContain('可评估进度的3项指标中，进度达标2项，进度滞后1项');
  // An annual report has no progress.
  expect(status(run(LOCAL), 'C10').progress).toBeUndefined();
});

test('a 指标目标 sheet with a bad row: the row is reported, the indicator not judged, the others apply', () => {
  const r = run([...LOCAL, ['W06', '45%左右', null, null, null, null, null]]);
  const w06 = status(r, 'W06');
  // No value for W06 here (no FE4): 无数据 comes before 无法评估.
  expect(w06.status).toBe('noData');
  expect(r.assessment.targets?.problems.map((p) => [p.row, p.id, p.issue.key])).toEqual([
    [5, 'C10', 'targets.row.perUnitKept'],
    [6, 'W06', 'targets.row.aboutNoBand'],
  ]);
  const bad = run([...LOCAL, ['C02', '约5‰', null, null, null, null, null]]);
  // C02 appears twice: the second row is a duplicate and the first still applies.
  expect(status(bad, 'C02').status).toBe('notMet');
  const broken = run([
    LOCAL[1] ?? [],
    LOCAL[2] ?? [],
    ['C02', '约5‰', null, null, null, null, null],
  ]);
  expect(broken.assessment.targets?.problems[0]?.issue.key).toBe('targets.row.badTarget');
  // Never silently the national default: C02 is not judged.
  expect([status(broken, 'C02').status, status(broken, 'C02').statusReason]).toEqual([
    'notAssessable',
    'targetInvalid',
  ]);
});

test('a 指标目标 sheet that cannot be used at all is unusable input', () => {
  expect(() =>
    run([
      ['编号', '指标'],
      ['W01', '孕产妇死亡率'],
    ]),
  ).toThrow(TallyError);
});

/**
 * 居委会成员中女性比例 (W09) from a small FE3 form: 3 × 53 women of 3 × 100 members = 53.00%.
 * The profile's "保持在50%左右" states no band and could not be verified, so it is 无法评估 and
 * the sentence says why; the office's "50%左右" with 容差 2 is one-sided (more women is no
 * failure): 53 ≥ 50 − 2 → met.
 */
function runW09(targets?: Cell[][]) {
  const fe3: Cell[][] = [
    ['乡镇（街道）', '居委会成员数', '居委会女性成员数'],
    ['甲镇', 100, 53],
    ['乙镇', 100, 53],
    ['丙镇', 100, 53],
  ];
  const wb = workbook(targets);
  wb.sheets.push({ name: '民政', origin: { row: 0, col: 0 }, rows: fe3 });
  return monitor({
    workbooks: [wb],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    period: '2025',
    regionName: '某县',
  });
}

test('a 左右 target: no invented band; a stated one is one-sided', () => {
  const r = runW09();
  const w09 = status(r, 'W09');
  expect([w09.root.shown, w09.status, w09.statusReason]).toEqual([53, 'notAssessable', 'noBand']);
  const sheets = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00');
  const text = sheets.blocks.map((b) => b.text).join('\n');
  const quality = sheets.quality.map((b) => b.text).join('\n');
  // The report says it is not judged, in plain words; what to enter is for the statistician.
  expect(text).toContain('目标为“保持在50%左右”，因未明确“左右”的范围，本次暂不评估是否达标');
  expect(quality).toContain(
    '“保持在50%左右”未规定容差，且该目标的表述未能核实，暂无法判断是否达标',
  );
  expect(text + quality).not.toContain('±');
  const local = runW09([
    ['编号', '目标', '容差', '来源'],
    ['W09', '50%左右', 2, '某县规划'],
  ]);
  expect(status(local, 'W09').status).toBe('met');
});

test('the report says whose targets it used and how many of the profile’s could be checked', () => {
  // The profile's 27 indicators: 3 monitored only (W05, C05, C15); of the other 24, 8 cite a
  // findable 2021—2030 source (W01, W03, C01, C02, C03, C08, C10, C14) and 16 do not.
  const r = run();
  const { workbook: out, quality } = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00');
  const meta = String(out.sheets[0]?.rows[1]?.[0]?.value);
  expect(meta).toContain('目标：监测方案默认目标（8项已与公开文件核对，16项未能核实）');
  // 数据质量说明 says so (the statistician's to-do, not the leadership text).
  const text = quality.map((b) => b.text).join('\n');
  expect(text).toContain('各指标目标采用监测方案的默认目标，其中8项的目标及表述已与以下文件核对');
  expect(text).toContain('以下16项指标的目标及其表述未能在可查的纲要原文或权威发布中核实');
  // Never that every target is the national programme's: 16 of them could not be checked.
  expect(text).not.toContain('国家纲要目标');
  expect(meta).not.toContain('国家纲要目标');
});

test('a per-township target missed by the total as well still names the townships below it', () => {
  // "以乡（镇、街道）为单位保持在95%以上": the total 94.50 < 95 → not met by 0.50; 甲镇 95.00 is
  // at the goal (met), 丙镇 100.00 above it, 乙镇 88.00 below.
  const r = run([
    ['编号', '目标'],
    ['C10', '以乡（镇、街道）为单位保持在95%以上'],
  ]);
  const c10 = status(r, 'C10');
  expect([c10.status, c10.statusReason, c10.gap]).toEqual(['notMet', undefined, 0.5]);
  expect(c10.unitsBelow.map((u) => [r.dataset.hierarchy.name(u.unit), u.value])).toEqual([
    ['乙镇', 88],
  ]);
  const text = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00')
    .blocks.map((b) => b.text)
    .join('\n');
  expect(text).toContain(
    '免疫规划疫苗接种率为94.50%，距“以乡（镇、街道）为单位保持在95%以上”的目标尚差0.50个百分点，按乡（镇、街道）计，乙镇（88.00%）未达到95%。',
  );
  expect(r.validation.findings.filter((f) => f.ruleId === 'C10-TARGET').map((f) => f.unit)).toEqual(
    ['乙镇'],
  );
});

test('a per-township target with every known township meeting it, and one unknown, cannot be certified', () => {
  // 乙镇's 实种人数 is blank: 甲镇 950/1000 = 95.00 % and 丙镇 500/500 = 100.00 % meet 90 %; the
  // pool is (950 + 500) / (1000 + 500) = 96.67 %. Whether 乙镇 meets it nobody can say.
  const form = FORM.map((row) => (row[0] === '乙镇' ? [...row.slice(0, 7), null] : row));
  const r = runOn([{ source: '某县.xlsx', sheets: [sheetOf('妇幼', form)] }]);
  const c10 = status(r, 'C10');
  expect(c10.root.shown).toBe(96.67);
  expect([c10.status, c10.statusReason]).toEqual(['notAssessable', 'unitsUnknown']);
  expect((c10.unitsUnknown ?? []).map((k) => r.dataset.hierarchy.name(k))).toEqual(['乙镇']);
  const sheets = reportSheets(r, defaultProfile(), 'zh', '2026-01-01 00:00');
  expect(narrativeOf(r)).toContain(
    '免疫规划疫苗接种率为96.67%，有数据的乡（镇、街道）均已达到，但乙镇无数据，是否实现“以乡（镇、街道）为单位保持在90%以上”的目标暂无法判断。',
  );
  expect(sheets.quality.map((b) => b.text).join('\n')).toContain(
    '免疫规划疫苗接种率：“以乡（镇、街道）为单位保持在90%以上”要求每个乡（镇、街道）都达到，乙镇无数据，暂无法判断是否达标。',
  );
});

test('a trend judged from last year on fewer than 20 events is not judged (indicators.md)', () => {
  // W01 逐步降低: 0 maternal deaths in 3,000 births now, 1 last year (33.33/10万). One event
  // either way is no trend: 无法评估 (smallNumber), not 达标. C10 (1,890 events) is judged.
  const prior = FORM.map((row, i) =>
    i === 0
      ? ['2024年妇幼健康统计表']
      : row[0] === '甲镇'
        ? [...row.slice(0, 4), 1, ...row.slice(5)]
        : row,
  );
  const targets = [
    ['编号', '目标'],
    ['W01', '逐步降低'],
  ];
  const r = runOn(
    [workbook(targets)],
    [{ source: '某县2024.xlsx', sheets: [sheetOf('妇幼', prior)] }],
  );
  const w01 = status(r, 'W01');
  expect([w01.root.shown, w01.prior]).toEqual([0, 33.33]);
  expect([w01.status, w01.statusReason]).toEqual(['notAssessable', 'smallNumber']);
  expect(narrativeOf(r)).toContain(
    '因例数较少、比率年际波动大，不据与上年的比较判断是否实现“逐步降低”的目标。',
  );
});

test('a trend judged against the baseline says so in its sentence, not only the change on last year', () => {
  // W08 逐步提高 from the 2020 baseline 11.50 %: (2 + 1) / (10 + 10) = 15.00 % > 11.50 → met.
  const wb = workbook([
    ['编号', '目标', '基期年份', '基期值'],
    ['W08', '逐步提高', 2020, 11.5],
  ]);
  wb.sheets.push(
    sheetOf('民政', [
      ['乡镇（街道）', '村委会主任数', '女性村委会主任数'],
      ['甲镇', 10, 2],
      ['乙镇', 10, 1],
    ]),
  );
  const r = runOn([wb]);
  expect([status(r, 'W08').root.shown, status(r, 'W08').status]).toEqual([15, 'met']);
  expect(narrativeOf(r)).toContain(
    '村委会主任中女性比例为15.00%，与2020年基期值11.50%相比，已实现“逐步提高”的目标。',
  );
});
