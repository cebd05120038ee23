import { readFileSync } from 'node:fs';
import { t } from '../../../src/core/messages/index';
import { parseTargetTable, targetProblemText } from '../../../src/core/targets/table';
import { targetsTableSheet } from '../../../src/core/targets/sheet';
import { parseCsv, parseXlsx } from '../../../src/xlsx/parse';
import { defaultProfile, fixturePath } from '../../support/fixtures';

/**
 * The targets-table parser on the fixtures of test/fixtures/targets/ (see its README; made by
 * scripts/make-target-fixtures.js). Row numbers are the file's own, counted by hand.
 */
async function table(name: string) {
  const file = fixturePath('targets', name);
  const bytes = new Uint8Array(readFileSync(file));
  const wb = name.endsWith('.csv') ? parseCsv(bytes, name) : await parseXlsx(bytes, name);
  const sheet = wb.sheets.find((s) => s.name === '指标目标') ?? wb.sheets[0];
  if (!sheet) throw new Error('no sheet');
  return parseTargetTable(sheet.rows, defaultProfile().indicators, {
    label: name,
    firstRow: sheet.origin.row + 1,
  });
}

async function ok(name: string) {
  const r = await table(name);
  if (!r.ok) throw new Error(`${name}: ${t('zh', r.issue.key, r.issue.params)}`);
  return r.table;
}

test('good.csv: title and blank rows above the header, BOM, every spelling, a closing note', async () => {
  const tb = await ok('good.csv');
  const byId = new Map(tb.rows.map((r) => [r.id, r]));
  // Header in row 3 (a title, then a blank row); W01 in row 4; a blank row after W05 (row 8).
  expect(tb.rows.map((r) => [r.row, r.id])).toEqual([
    [4, 'W01'],
    [5, 'W02'],
    [6, 'W03'],
    [7, 'W04'],
    [8, 'W05'],
    [10, 'W06'],
    [11, 'W09'],
    [12, 'C01'],
    [13, 'C04'],
    [14, 'C05'],
    [15, 'C06'],
    [16, 'C08'],
    [17, 'C09'],
    [18, 'C10'],
    [19, 'C11'],
    [20, 'C16'],
  ]);
  expect(tb.problems).toEqual([]);
  expect(byId.get('W01')).toMatchObject({
    target: { kind: 'atMost', value: 10, targetYear: 2025, baseYear: 2020, baseline: 14.2 },
    source: '《某市妇女发展规划（2021—2025年）》',
  });
  // ＞＝９２％: full-width signs and digits.
  expect(byId.get('W02')?.target).toMatchObject({ kind: 'atLeast', value: 92 });
  expect(byId.get('W03')?.target).toMatchObject({
    kind: 'atLeast',
    value: 70,
    wording: '达到70%以上',
  });
  expect(byId.get('W04')?.target).toMatchObject({ kind: 'rising', baseYear: 2020, baseline: 55.5 });
  // A blank 目标: monitored only.
  expect(byId.get('W05')?.target).toEqual({ kind: 'none' });
  // 左右 with the band in its column, and with the band in the text.
  expect(byId.get('W06')?.target).toMatchObject({ kind: 'about', value: 45, band: 2 });
  expect(byId.get('W09')?.target).toMatchObject({ kind: 'about', value: 50, band: 3 });
  expect(byId.get('C01')?.target).toMatchObject({ kind: 'atMost', value: 3 });
  expect(byId.get('C04')?.target).toMatchObject({ kind: 'below', value: 4 });
  expect(byId.get('C05')?.target).toMatchObject({ kind: 'range', low: 103, high: 107 });
  expect(byId.get('C06')?.target).toMatchObject({ kind: 'atLeast', value: 92 });
  expect(byId.get('C08')?.target).toMatchObject({ kind: 'atMost', value: 5 });
  expect(byId.get('C09')?.target).toMatchObject({ kind: 'atMost', value: 10 });
  expect(byId.get('C10')).toMatchObject({ target: { kind: 'atLeast', value: 95 }, perUnit: true });
  expect(byId.get('C11')?.target).toMatchObject({ kind: 'above', value: 90 });
  // 基期年份 "２０２０年" and 基期值 "4.54" typed as text.
  expect(byId.get('C16')?.target).toMatchObject({
    kind: 'relative',
    change: -0.2,
    baseYear: 2020,
    baseline: 4.54,
  });
});

test('english-headers.csv: English headers, semicolons, no BOM', async () => {
  const tb = await ok('english-headers.csv');
  expect(tb.rows.map((r) => [r.id, r.target.kind, r.source])).toEqual([
    ['W01', 'atMost', 'national'],
    ['W10', 'about', 'local plan'],
    ['C03', 'atMost', ''],
  ]);
  expect(tb.rows[1]?.target).toMatchObject({ value: 95, band: 1 });
});

test('gbk.csv: GBK bytes, as Chinese Excel saves a CSV', async () => {
  const tb = await ok('gbk.csv');
  expect(
    tb.rows.map((r) => [
      r.id,
      r.target.kind,
      'value' in r.target ? r.target.value : null,
      r.source,
    ]),
  ).toEqual([
    ['W01', 'atMost', 12, '国家纲要'],
    ['C02', 'atMost', 5, '国家纲要'],
  ]);
});

test('targets.xlsx: the 指标目标 sheet (not the first), numbers as numbers and as text', async () => {
  const tb = await ok('targets.xlsx');
  expect(tb.rows.map((r) => [r.row, r.id])).toEqual([
    [4, 'W01'],
    [5, 'C02'],
    [6, 'W06'],
  ]);
  expect(tb.rows[1]?.target).toMatchObject({
    kind: 'atMost',
    value: 3.5,
    baseline: 4.8,
    targetYear: 2025,
  });
});

/** Each fixture: the good W01 row (row 2) and one malformed row (row 3). */
test.each([
  ['bad-target.csv', 'C02', 'targets.row.badTarget', true],
  ['about-no-band.csv', 'W09', 'targets.row.aboutNoBand', true],
  ['unit-mismatch.csv', 'C02', 'targets.row.unitMismatch', true],
  ['unknown-id.csv', 'C0l', 'targets.row.unknownIdHint', false],
  ['duplicate-id.csv', 'W01', 'targets.row.duplicate', false],
  ['range-order.csv', 'C05', 'targets.row.rangeOrder', true],
  ['bad-year.csv', 'C02', 'targets.row.badTargetYear', true],
  ['bad-baseline.csv', 'C02', 'targets.row.badBaseline', true],
  ['bad-band.csv', 'W06', 'targets.row.badBand', true],
  ['bare-number-band.csv', 'C05', 'targets.row.bareNumber', true],
  ['bad-base-year.csv', 'C02', 'targets.row.badBaseYear', true],
  // 5.4% written as the 基期值 of a ‰ indicator.
  ['baseline-unit.csv', 'C02', 'targets.row.unitMismatch', true],
  // 50%左右（±3） with 容差 2: which band is meant?
  ['band-conflict.csv', 'W09', 'targets.row.bandConflict', true],
  // "到2025年，降至4.5‰以下" with 目标年份 2030.
  ['target-year-conflict.csv', 'C02', 'targets.row.targetYearConflict', true],
  // "比2020年下降20%" with 基期年份 2019.
  ['base-year-conflict.csv', 'C16', 'targets.row.baseYearConflict', true],
])(
  '%s: row 3 (%s) is reported and set aside; W01 still applies',
  async (name, id, key, notJudged) => {
    const tb = await ok(name);
    expect(tb.rows.map((r) => [r.row, r.id])).toEqual([[2, 'W01']]);
    expect(tb.problems.map((p) => [p.row, p.id, p.issue.key, p.dropped])).toEqual([
      [3, id, key, true],
    ]);
    // A known indicator whose row is set aside is not judged (never against the default).
    expect(tb.invalid.has(id)).toBe(notJudged);
    const text = targetProblemText('zh', tb.problems[0]!);
    expect(text.startsWith(`第3行（${id}）：`)).toBe(true);
  },
);

test('no-id.csv: a row with a target but no 编号 is reported by its row alone', async () => {
  const tb = await ok('no-id.csv');
  expect(tb.rows.map((r) => [r.row, r.id])).toEqual([[2, 'W01']]);
  expect(tb.problems.map((p) => [p.row, p.id, p.issue.key, p.dropped])).toEqual([
    [3, undefined, 'targets.row.noId', true],
  ]);
  expect(targetProblemText('zh', tb.problems[0]!)).toBe('第3行：没有编号，该行未采用。');
});

test('the conflict messages name both years and both bands', async () => {
  const sentence = async (name: string) => targetProblemText('zh', (await ok(name)).problems[0]!);
  expect(await sentence('target-year-conflict.csv')).toBe(
    '第3行（C02）：目标“到2025年，降至4.5‰以下”写的是2025年，与目标年份列的2030年不一致，该指标本次不作评估。',
  );
  expect(await sentence('base-year-conflict.csv')).toContain(
    '写的是2020年，与基期年份列的2019年不一致',
  );
  expect(await sentence('band-conflict.csv')).toContain('与“容差”列的2不一致');
  expect(await sentence('baseline-unit.csv')).toContain(
    '“5.4%”的单位是“%”，而婴儿死亡率的单位是“‰”',
  );
});

test('relative-no-year.csv: 比基期下降20% with a 基期值 and no 基期年份 is judged against the 基期值', async () => {
  const tb = await ok('relative-no-year.csv');
  expect(tb.problems).toEqual([]);
  const c16 = tb.rows.find((r) => r.id === 'C16');
  expect(c16?.target).toEqual({
    kind: 'relative',
    change: -0.2,
    baseline: 4.54,
    wording: '比基期下降20%',
  });
});

test('the messages say what was found and what to write', async () => {
  const sentence = async (name: string) => targetProblemText('zh', (await ok(name)).problems[0]!);
  expect(await sentence('unknown-id.csv')).toBe(
    '第3行（C0l）：编号“C0l”不是本监测方案的指标，该行未采用。是否应为“C01”？',
  );
  expect(await sentence('unit-mismatch.csv')).toBe(
    '第3行（C02）：“≤5%”的单位是“%”，而婴儿死亡率的单位是“‰”，该指标本次不作评估。请改用‰表示。',
  );
  expect(await sentence('about-no-band.csv')).toContain('目标“50%左右”是“左右”，但没有填写容差');
  expect(await sentence('bad-target.csv')).toContain('目标“约5左右吧”无法识别');
  expect(await sentence('bad-target.csv')).toContain('例如“≤5‰”');
  expect(targetProblemText('en', (await ok('unknown-id.csv')).problems[0]!)).toBe(
    'Row 3 (C0l): "C0l" is not an indicator of this profile; the row was not used. Did you mean "C01"?',
  );
});

test.each([
  ['no-target-column.csv', 'targets.fatal.noTargetColumn', '编号、指标、来源'],
  ['no-header.csv', 'targets.fatal.noHeader', '孕产妇死亡率、12'],
  ['all-bad.csv', 'targets.fatal.noRows', '读到2行'],
  ['empty.csv', 'targets.fatal.empty', 'empty.csv'],
])('%s cannot be used at all: %s, saying what was found', async (name, key, found) => {
  const r = await table(name);
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.issue.key).toBe(key);
  const nested = Object.fromEntries(
    Object.entries(r.nested ?? {}).map(([k, v]) => [k, t('zh', v.key, v.params)]),
  );
  expect(t('zh', r.issue.key, { ...r.issue.params, ...nested })).toContain(found);
});

test('the pre-filled 指标目标 sheet reads back as the profile’s targets', () => {
  const profile = defaultProfile();
  const sheet = targetsTableSheet(profile);
  const rows = sheet.rows.map((r) => r.map((c) => c.value as string | number | null));
  const r = parseTargetTable(rows, profile.indicators, { label: '指标目标' });
  expect(r.ok).toBe(true);
  if (!r.ok) return;
  // Every row applies but the three 左右 rows, whose 容差 the office must state.
  expect(r.table.problems.map((p) => [p.id, p.issue.key])).toEqual([
    ['W06', 'targets.row.aboutNoBand'],
    ['W09', 'targets.row.aboutNoBand'],
    ['W10', 'targets.row.aboutNoBand'],
  ]);
  const given = (o: object) =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
  for (const row of r.table.rows) {
    const def = profile.indicators.find((d) => d.id === row.id);
    if (!def) throw new Error(row.id);
    // Same kind, numbers, wording and years as the profile (2030 written out where implied).
    expect(row.target).toMatchObject(given(def.target));
    if (def.target.kind !== 'none') expect(row.target.targetYear).toBe(2030);
    expect(row.perUnit).toBe(def?.perUnit);
    expect(row.source).toBe(def?.source);
  }
});

test('a blank target with a 基期值: monitored only, and the unused baseline is a notice', () => {
  const r = parseTargetTable(
    [
      ['编号', '目标', '基期年份', '基期值'],
      ['C16', '', 2020, 4.54],
    ],
    defaultProfile().indicators,
    { label: 't.csv' },
  );
  if (!r.ok) throw new Error('t.csv');
  expect(r.table.rows.map((x) => [x.id, x.target.kind])).toEqual([['C16', 'none']]);
  expect(r.table.problems.map((p) => [p.row, p.id, p.issue.key, p.dropped])).toEqual([
    [2, 'C16', 'targets.row.baselineNoTarget', false],
  ]);
});

describe('a row whose 编号 and 指标 disagree, or whose name is only near one (never a default the office did not choose)', () => {
  const rows = (...data: string[][]) => [['编号', '指标', '目标'], ...data];
  const parse = (r: string[][]) =>
    parseTargetTable(r, defaultProfile().indicators, { label: 't.csv', firstRow: 1 });
  const good = ['W02', '孕产妇系统管理率', '≥90%'];

  test('C03 named 婴儿死亡率 (C02): set aside, and neither indicator is judged', () => {
    const r = parse(rows(good, ['C03', '婴儿死亡率', '降至3.5‰以下']));
    if (!r.ok) throw new Error('refused');
    expect(r.table.rows.map((x) => x.id)).toEqual(['W02']);
    expect(r.table.problems.map((p) => [p.row, p.issue.key, p.dropped])).toEqual([
      [3, 'targets.row.idNameMismatch', true],
    ]);
    expect([...r.table.invalid.keys()].sort()).toEqual(['C02', 'C03']);
    expect(targetProblemText('zh', r.table.problems[0]!)).toBe(
      '第3行（C03）：编号“C03”是“5岁以下儿童死亡率”，而指标名称“婴儿死亡率”是 C02：编号与名称不一致，该行未采用，两项指标本次均不作评估。请核对编号或名称后重试。',
    );
  });

  test('W1 named 宫颈癌筛查率 (part of W03’s name): a mismatch with W01, not W01 disabled in silence', () => {
    const r = parse(rows(good, ['W1', '宫颈癌筛查率', '达到60%以上']));
    if (!r.ok) throw new Error('refused');
    expect(r.table.problems.map((p) => p.issue.key)).toEqual(['targets.row.idNameMismatch']);
    expect([...r.table.invalid.keys()].sort()).toEqual(['W01', 'W03']);
  });

  test('no 编号 and a name near W03’s: a hint, and W03 is 无法评估 rather than judged against 70%', () => {
    const r = parse(rows(good, ['', '宫颈癌筛查率', '达到60%以上']));
    if (!r.ok) throw new Error('refused');
    expect(r.table.rows.map((x) => x.id)).toEqual(['W02']);
    expect(targetProblemText('zh', r.table.problems[0]!)).toBe(
      '第3行（宫颈癌筛查率）：编号“宫颈癌筛查率”不是本监测方案的指标，该行未采用。是否应为“适龄妇女宫颈癌筛查率”？',
    );
    expect([...r.table.invalid.keys()]).toEqual(['W03']);
  });

  test('an 编号 with its own name, or a name the profile writes, is taken as before', () => {
    const r = parse(
      rows(good, ['C02', '婴儿死亡率', '降至4.5‰以下'], ['', '新生儿死亡率', '降至3‰以下']),
    );
    if (!r.ok) throw new Error('refused');
    expect(r.table.rows.map((x) => x.id)).toEqual(['W02', 'C02', 'C01']);
    expect(r.table.problems).toEqual([]);
  });
});

test('a 规划 layout: 2020年现状值 is the baseline, and of two target columns the other is named', () => {
  const r = parseTargetTable(
    [
      ['编号', '指标', '2020年现状值', '2030年目标', '2025年目标'],
      ['W04', '适龄妇女乳腺癌筛查率', 62, '逐步提高', '逐步提高'],
    ],
    defaultProfile().indicators,
    { label: 't.csv' },
  );
  if (!r.ok) throw new Error('not read');
  expect(r.table.rows[0]?.target).toMatchObject({ kind: 'rising', baseline: 62, baseYear: 2020 });
  expect(r.table.problems.map((p) => targetProblemText('zh', p))).toEqual([
    '第1行：表头有两列同类目标：按“2030年目标”列评估，“2025年目标”列未采用；如应按“2025年目标”评估，请删去或移后“2030年目标”列。',
  ]);
});
