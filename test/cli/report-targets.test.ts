import ExcelJS from 'exceljs';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/capture';
import { fixturePath } from '../support/fixtures';

/**
 * `tally report --targets FILE --json` (issue 9) on test/fixtures/monitor/three-levels-2025.xlsx
 * with the tables of test/fixtures/targets/. The values of that county are worked out in
 * test/cli/report.test.ts: W01 0.00/10万, W05 82.61%, W07 33.33%, C02 10.00‰, C05 107.25,
 * C11 115.00%, C13 no value (zero denominator); the other indicators have no form there.
 */
const CUR = fixturePath('monitor', 'three-levels-2025.xlsx');
const targets = (name: string) => fixturePath('targets', name);

interface Json {
  stage: string;
  targets: {
    origin: string;
    label: string | null;
    applied: number;
    problems: { row: number; id: string; message: string }[];
  };
  counts: Record<string, number | null>;
  indicators: {
    id: string;
    value: number | null;
    status: string;
    statusReason: string | null;
    gap: number | null;
    target: { kind: string; origin: string; source: string; wording: string; row: number | null };
    progress: { status: string; expected: number | null } | null;
  }[];
}

async function report(...args: string[]) {
  const r = await runCli('report', CUR, ...args, '--json');
  return { ...r, json: r.code === 0 ? (JSON.parse(r.stdout) as Json) : undefined };
}

const ind = (j: Json | undefined, id: string) => {
  const i = j?.indicators.find((x) => x.id === id);
  if (!i) throw new Error(id);
  return i;
};

test('--targets good.csv applies the office’s rows and keeps the profile’s targets for the rest', async () => {
  const { code, json } = await report('--targets', targets('good.csv'));
  expect(code).toBe(0);
  expect(json?.targets).toMatchObject({ origin: 'table', label: 'good.csv', problems: [] });
  // good.csv lists 16 indicators; every one applies.
  expect(json?.targets.applied).toBe(16);
  // W01: 0.00 against the table's "≤10/10万" → met, from row 4 with its source.
  expect(ind(json, 'W01')).toMatchObject({
    status: 'met',
    target: {
      kind: 'atMost',
      origin: 'table',
      row: 4,
      source: '《某市妇女发展规划（2021—2025年）》',
    },
  });
  // C05: the office made 103—107 a target: 107.25 > 107 → not met by 0.25.
  expect(ind(json, 'C05')).toMatchObject({
    status: 'notMet',
    gap: 0.25,
    target: { origin: 'table' },
  });
  // C11: 115.00 "超过90%" → met. W05: a blank 目标 → monitored only.
  expect(ind(json, 'C11').status).toBe('met');
  expect(ind(json, 'W05').status).toBe('noTarget');
  // C02 is not in the table: the profile's 5.0‰ → 10.00 not met; W07 the profile's 30% → met.
  expect(ind(json, 'C02')).toMatchObject({ status: 'notMet', target: { origin: 'profile' } });
  expect(ind(json, 'W07')).toMatchObject({ status: 'met', target: { origin: 'profile' } });
  // met W01, W07, C11; not met C02, C05; monitored only W05, C15; no value for the other 20.
  expect(json?.counts).toEqual({
    monitored: 27,
    met: 3,
    notMet: 2,
    noData: 20,
    notAssessable: 0,
    noTarget: 2,
    assessable: 5,
    rate: 60, // 3 / (3 + 2)
  });
  expect(json?.stage).toBe('annual');
  expect(ind(json, 'W01').progress).toBeNull();
});

test('--stage midterm adds progress', async () => {
  const { json } = await report('--targets', targets('good.csv'), '--stage', 'midterm');
  expect(json?.stage).toBe('midterm');
  // W01: base 14.2 (2020) to 10 (2025); 2025 is the target year: the line is at 10.00; met → on track.
  expect(ind(json, 'W01').progress).toMatchObject({ status: 'onTrack', expected: 10 });
  // C02 keeps the profile's target, which has no baseline: no line.
  expect(ind(json, 'C02').progress).toMatchObject({ status: 'notAssessable' });
});

test('a row that cannot be read is printed with its row and id; the others apply', async () => {
  const { code, json, stderr } = await report('--targets', targets('unit-mismatch.csv'));
  expect(code).toBe(0);
  expect(stderr).toContain('第3行（C02）：“≤5%”的单位是“%”，而婴儿死亡率的单位是“‰”');
  expect(json?.targets.problems.map((p) => [p.row, p.id])).toEqual([[3, 'C02']]);
  // C02 is not judged at all — not against the office's unreadable row, not against the default.
  expect(ind(json, 'C02')).toMatchObject({
    status: 'notAssessable',
    statusReason: 'targetInvalid',
  });
  expect(ind(json, 'W01').target.origin).toBe('table');
});

test('an .xlsx targets file: its 指标目标 sheet', async () => {
  const { code, json } = await report('--targets', targets('targets.xlsx'));
  expect(code).toBe(0);
  // C02 10.00 against "≤3.5‰" → not met by 6.5.
  expect(ind(json, 'C02')).toMatchObject({
    status: 'notMet',
    gap: 6.5,
    target: { origin: 'table', row: 5 },
  });
  expect(json?.targets.label).toContain('指标目标');
});

test.each([
  ['no-target-column.csv', '没有“目标”列'],
  ['no-header.csv', '找不到表头'],
  ['all-bad.csv', '没有一行可以采用'],
  ['empty.csv', '是空的'],
])('a table that cannot be used (%s) exits with 2 and says what it found', async (name, text) => {
  const r = await report('--targets', targets(name));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(text);
  expect(r.stderr).toContain(name);
  expect(r.stdout).toBe('');
});

test('a missing targets file exits with 2', async () => {
  const r = await report('--targets', targets('nope.csv'));
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('找不到文件');
});

test('--targets two-sheets.xlsx reads the women’s and the children’s sheets as one table', async () => {
  const { code, json, stderr } = await report('--targets', targets('two-sheets.xlsx'));
  expect(code).toBe(0);
  // W01 from the first sheet, C02 and C05 from the second; W05 is given on both with two targets
  // (≥90 %, ≥80 %): which holds nobody can say, so it is not judged.
  expect(json?.targets.applied).toBe(3);
  // C02 10.00‰ against the children's sheet's ≤3.5‰: not met by 6.50 (the profile's ≤5‰ would
  // give 5.00); C05 107.25 inside 103—108: met.
  expect([ind(json, 'C02').status, ind(json, 'C02').gap, ind(json, 'C02').target.origin]).toEqual([
    'notMet',
    6.5,
    'table',
  ]);
  expect([ind(json, 'C05').status, ind(json, 'C05').target.origin]).toEqual(['met', 'table']);
  // W05 (monitored only in the profile) is not judged against either: 无目标 stays.
  expect([ind(json, 'W05').status, ind(json, 'W05').target.origin]).toEqual(['noTarget', 'table']);
  expect(json?.targets.problems.map((p) => p.message)).toEqual([
    '工作表“儿童发展规划目标”第4行（W05）：编号W05在工作表“妇女发展规划目标”第3行已有另一个目标，两处不一致：该指标本次不作评估，请删去其中一处。',
  ]);
  expect(stderr).toContain('编号W05在工作表“妇女发展规划目标”第3行已有另一个目标');
});

test('a sheet named 指标目标 is the table: a progress sheet beside it is not read into it', async () => {
  // 中期评估完成情况 (编号 | 2025年目标 | 实际值) first, then 指标目标 with C02 ≤3.5‰: C02 10.00‰ is
  // judged against ≤3.5‰ only (not met by 6.50), never the progress sheet's ≤4.5‰ (5.50).
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-named-'));
  const file = path.join(dir, 'named.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('中期评估完成情况').addRows([
    ['编号', '2025年目标', '实际值'],
    ['C02', '≤4.5‰', 3.9],
  ]);
  wb.addWorksheet('指标目标').addRows([
    ['编号', '目标'],
    ['C02', '≤3.5‰'],
  ]);
  await wb.xlsx.writeFile(file);
  const { json } = await report('--targets', file);
  expect([ind(json, 'C02').status, ind(json, 'C02').gap]).toEqual(['notMet', 6.5]);
});

test('a 来源 that says it could not be checked leaves the target unchecked', async () => {
  const { json } = await report('--targets', targets('two-sheets.xlsx'));
  const verified = (id: string) =>
    (ind(json, id).target as unknown as { verified: boolean }).verified;
  // C05's 来源 reads 未能在可查的公开文本中核对…; the others name a plan in 《》.
  expect([verified('C05'), verified('C02'), verified('W01')]).toEqual([false, true, true]);
});

test('a trend met on its baseline keeps its basis in the report, never joined where it is dropped', async () => {
  // The sample's W03 63.47 % fell 5.33 points on last year; 逐步提高 judged on a 2020 baseline of
  // 60 is met (63.47 ≥ 60), and the sentence must say on what, not "降低5.33个百分点…实现了“逐步提高”".
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-trend-'));
  const csv = path.join(dir, 'targets.csv');
  writeFileSync(csv, '编号,目标,基期年份,基期值,来源\nW03,逐步提高,2020,60,《某市妇女发展规划》\n');
  const md = path.join(dir, 'report.md');
  const root = path.join(__dirname, '..', '..', 'samples');
  const r = await runCli(
    'report',
    path.join(root, '2025年青川市两纲监测数据.xlsx'),
    '--prior',
    path.join(root, '2024年青川市两纲监测数据.xlsx'),
    '--targets',
    csv,
    '--md',
    md,
  );
  expect(r.code).toBe(0);
  const text = readFileSync(md, 'utf8');
  expect(text).toContain(
    '适龄妇女宫颈癌筛查率为63.47%，降低5.33个百分点，与2020年基期值60.00%相比，已实现“逐步提高”的目标。',
  );
});

test('比上年提高 is judged on last year even where a baseline is given', async () => {
  // The sample's W03 is 63.47 %, 68.80 % last year (5.33 points down). Against the 2020 baseline
  // of 60 it would be met; 比上年提高 asks for more than last year's 68.80: not met by 5.33.
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-prior-trend-'));
  const csv = path.join(dir, 'targets.csv');
  writeFileSync(
    csv,
    '编号,目标,基期年份,基期值,来源\nW03,比上年提高,2020,60,《某市妇女发展规划》\nW04,逐步提高，达到60%以上,,,《某市妇女发展规划》\n',
  );
  const root = path.join(__dirname, '..', '..', 'samples');
  const r = await runCli(
    'report',
    path.join(root, '2025年青川市两纲监测数据.xlsx'),
    '--prior',
    path.join(root, '2024年青川市两纲监测数据.xlsx'),
    '--targets',
    csv,
    '--json',
  );
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as Json;
  expect(ind(json, 'W03')).toMatchObject({ status: 'notMet', gap: 5.33 });
  expect(ind(json, 'W03').target).toMatchObject({ kind: 'rising', basis: 'prior' });
  // W04 "逐步提高，达到60%以上": judged on the level, ≥ 60.
  expect(ind(json, 'W04').target).toMatchObject({ kind: 'atLeast', value: 60 });
  expect(json.targets.problems).toMatchObject([{ id: 'W04', row: 3, dropped: false }]);
});

describe('a 95% typed into Excel (0.95 formatted as a percentage) reads as 95%', () => {
  // The sample's W04 is 60.64 % and W06 44.82 %. A 基期值 typed 62.0% is 0.62 in a 0.0% cell:
  // read as 0.62, any rate "rose" above it (met); read as 62 %, 60.64 is below it (not met).
  // A 容差 typed 2% is 0.02: read as 0.02, 44.82 is 0.18 off 45 (not met); as 2, it is within.
  // A 目标 typed 0.5% for C02 (a ‰ rate) is in the wrong unit and set aside, not read as ≤0.005.
  const root = path.join(__dirname, '..', '..', 'samples');
  const fill = (ws: ExcelJS.Worksheet) => {
    ws.addRow(['编号', '目标', '容差', '基期年份', '基期值', '来源']);
    ws.addRow(['W04', '逐步提高', null, 2020, 0.62, '《某市妇女发展规划》']).getCell(5).numFmt =
      '0.0%';
    ws.addRow(['W06', '45%左右', 0.02, null, null, '《某市妇女发展规划》']).getCell(3).numFmt =
      '0%';
    ws.addRow(['C02', 0.005, null, null, null, '《某市儿童发展规划》']).getCell(2).numFmt = '0.0%';
  };
  const check = (json: Json) => {
    expect(ind(json, 'W04')).toMatchObject({ status: 'notMet', gap: 1.36 });
    expect(ind(json, 'W06')).toMatchObject({ status: 'met' });
    expect(ind(json, 'C02').status).toBe('notAssessable');
    expect(json.targets.problems.map((p) => [p.id, p.message])).toEqual([
      ['C02', expect.stringContaining('“0.5%”的单位是“%”')],
    ]);
  };

  test('in a --targets workbook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-pct-'));
    const file = path.join(dir, 'targets.xlsx');
    const wb = new ExcelJS.Workbook();
    fill(wb.addWorksheet('指标目标'));
    await wb.xlsx.writeFile(file);
    const r = await runCli(
      'report',
      path.join(root, '2025年青川市两纲监测数据.xlsx'),
      '--targets',
      file,
      '--json',
    );
    expect(r.code).toBe(0);
    check(JSON.parse(r.stdout) as Json);
  });

  test('in a 指标目标 sheet of the forms workbook', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-pct-'));
    const file = path.join(dir, '2025年青川市两纲监测数据.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(root, '2025年青川市两纲监测数据.xlsx'));
    fill(wb.addWorksheet('指标目标'));
    await wb.xlsx.writeFile(file);
    const r = await runCli('report', file, '--json');
    expect(r.code).toBe(0);
    check(JSON.parse(r.stdout) as Json);
  });
});

describe('targets tables as offices lay them out (a second review)', () => {
  const root = path.join(__dirname, '..', '..', 'samples');
  const run = async (file: string, ...more: string[]) => {
    const r = await runCli(
      'report',
      path.join(root, '2025年青川市两纲监测数据.xlsx'),
      '--prior',
      path.join(root, '2024年青川市两纲监测数据.xlsx'),
      '--targets',
      file,
      '--json',
      ...more,
    );
    expect(r.code).toBe(0);
    return JSON.parse(r.stdout) as Json;
  };

  test('a 目标 merged down two rows holds for both; a 目标年份 merged down a column for each', async () => {
    // C06 93.45 % and C07 93.74 % under one merged 保持在95%以上: both not met (C07 by 1.26).
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-merged-'));
    const file = path.join(dir, 'targets.xlsx');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('指标目标');
    ws.addRow(['编号', '指标', '目标', '目标年份', '来源']);
    ws.addRow(['C06', '3岁以下儿童系统管理率', '保持在95%以上', 2025, '《某县儿童发展规划》']);
    ws.addRow(['C07', '7岁以下儿童健康管理率', null, null, '《某县儿童发展规划》']);
    ws.mergeCells('C2:C3');
    ws.mergeCells('D2:D3');
    await wb.xlsx.writeFile(file);
    const json = await run(file);
    expect(ind(json, 'C07')).toMatchObject({ status: 'notMet', gap: 1.26 });
    expect(ind(json, 'C07').target).toMatchObject({ kind: 'atLeast', value: 95 });
    expect((ind(json, 'C07').target as unknown as { targetYear: number }).targetYear).toBe(2025);
    expect(ind(json, 'C06').status).toBe('notMet');
  });

  test('serial numbers for 编号, a year span in a header, 基期 | 基期值, a scope in 指标, a fraction 容差', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-layout-'));
    const csv = path.join(dir, 'targets.csv');
    writeFileSync(
      csv,
      [
        '编号,指标,规划目标（2021—2030年）,容差,基期,基期值,来源',
        '1,以乡（镇、街道）为单位免疫规划疫苗接种率,98%以上,,,,《规划》',
        '2,村委会主任中女性比例,逐步提高,,2020,11.5,《规划》',
        '3,就业人员中女性比例,45%左右,0.02,,,《规划》',
        '4,婴儿死亡率,降至3‰以下,,2020,5.6,《规划》',
      ].join('\n'),
    );
    const json = await run(csv, '--stage', 'midterm');
    // C10 (found by its name; 编号 1 is the office's serial) per township: 城东街道 97.80 and
    // three more are below 98, so not met, by township.
    expect(ind(json, 'C10')).toMatchObject({ status: 'notMet', statusReason: 'unitsBelow' });
    // W08 12.15 % against the 2020 baseline 11.5 (基期 is its year): raised, met.
    expect(ind(json, 'W08')).toMatchObject({ status: 'met' });
    expect(ind(json, 'W08').target).toMatchObject({ baseYear: 2020, baseline: 11.5 });
    // 规划目标（2021—2030年） is for 2030: C02's mid-term line from 5.6 (2020) to 3 (2030) is
    // 5.6 − 2.6 × 5/10 = 4.30 in 2025, and 3.62 is on track.
    expect(ind(json, 'C02').progress).toMatchObject({ status: 'onTrack', expected: 4.3 });
    // A 容差 of 0.02 for a % rate is a fraction typed for 2 points: the row is refused, said.
    expect(ind(json, 'W06').status).toBe('notAssessable');
    expect(json.targets.problems.find((p) => p.id === 'W06')?.message).toContain(
      '“0.02”是小于1的小数',
    );
  });

  test('逐年提高 is year on year: judged on last year, not the baseline', async () => {
    // W03 63.47 % against 68.80 % last year: not met by 5.33, though above the baseline 60.
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-yoy-'));
    const csv = path.join(dir, 'targets.csv');
    writeFileSync(csv, '编号,目标,基期年份,基期值,来源\nW03,逐年提高,2020,60,《规划》\n');
    expect(ind(await run(csv), 'W03')).toMatchObject({ status: 'notMet', gap: 5.33 });
  });
});
