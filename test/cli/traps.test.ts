import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { fixturePath } from '../support/fixtures';
import { runCli } from '../support/capture';

/**
 * Issue 8: forms shaped the way townships really send them, each of which used to give a
 * wrong figure with no finding. Each fixture (scripts/make-trap-fixtures.js) is run through
 * `tally report --json` / `tally validate --json`; the expected pooled numerator and
 * denominator are added up by hand from the rows written in the fixture script.
 * Education form: 3-5岁儿童数 (C11 denominator), 在园幼儿数 (C11 numerator),
 * 15-17岁人口数 (C13 denominator), 高中阶段在校生数 (C13 numerator).
 */
const trap = (name: string) => fixturePath('traps', name);

interface Indicator {
  id: string;
  numerator: number | null;
  denominator: number | null;
  value: number | null;
  pooledUnits: number;
  leftOut: string[];
  setAside: string[];
  provisional: boolean;
  units: Record<string, number | null>;
}
interface Report {
  period: string;
  region: string;
  indicators: Indicator[];
  notPooled: {
    rows: { row: number; label: string; role: string; why: string }[];
    unlisted: { unit: string; suggestions: string[] }[];
  };
}
interface Finding {
  ruleId: string;
  severity: string;
  unit: string;
  message: string;
  cells: { cell: string; value?: unknown }[];
}

async function report(...args: string[]): Promise<Report> {
  const r = await runCli('report', ...args, '--json');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as Report;
}

async function findings(...args: string[]): Promise<Finding[]> {
  const r = await runCli('validate', ...args, '--json');
  expect(r.code).toBeLessThan(2);
  return (JSON.parse(r.stdout) as { findings: Finding[] }).findings;
}

function ind(r: Report, id: string): Indicator {
  const i = r.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no ${id}`);
  return i;
}

const pool = (i: Indicator) => [i.numerator, i.denominator, i.pooledUnits];

test('county-name-total.xlsx: the row labelled 某县 is the total, not a sixth township', async () => {
  const r = await report(trap('county-name-total.xlsx'));
  // Five townships: 90+180+40+140+95 = 545 enrolled of 100+200+50+150+100 = 600 (not 1090/1200).
  expect(pool(ind(r, 'C11'))).toEqual([545, 600, 5]);
  expect(pool(ind(r, 'C13'))).toEqual([70 + 150 + 20 + 110 + 85, 80 + 160 + 30 + 120 + 90, 5]);
  expect(Object.keys(ind(r, 'C11').units)).toEqual(['甲镇', '乙镇', '丙乡', '丁镇', '戊镇']);
  expect(r.notPooled.rows).toEqual([
    expect.objectContaining({
      sheet: '教育',
      row: 9,
      label: '某县',
      role: 'total',
      why: '合计行：名称为县级，高于其余各行的乡镇级',
    }),
  ]);
  // The 某县 row adds up: no TOTAL error against it.
  expect(
    (await findings(trap('county-name-total.xlsx'))).filter((f) => f.ruleId === 'TOTAL'),
  ).toEqual([]);
});

test('breakdown-row.xlsx: 其中：城镇 is part of 乙镇, never pooled; the 合计 adds up without it', async () => {
  const r = await report(trap('breakdown-row.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([90 + 180 + 40, 100 + 200 + 50, 3]);
  expect(r.notPooled.rows.map((x) => [x.label, x.role])).toEqual([
    ['其中：城镇', 'breakdown'],
    ['合计', 'total'],
  ]);
  const f = await findings(trap('breakdown-row.xlsx'));
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
});

test('township-over-villages.xlsx: township rows are subtotals of their villages; only villages pool', async () => {
  const r = await report(trap('township-over-villages.xlsx'));
  // Villages: 东村 10/9, 西村 20/18, 南村 15/12, 北村 25/20, 中心社区 20/18 → 77 of 90.
  const c11 = ind(r, 'C11');
  expect(pool(c11)).toEqual([77, 90, 5]);
  expect(Object.keys(c11.units)).toEqual(['东村', '西村', '南村', '北村', '中心社区']);
  expect(r.notPooled.rows.map((x) => [x.row, x.label, x.role])).toEqual([
    [4, '甲镇', 'subtotal'],
    [7, '乙镇', 'subtotal'],
    [11, '合计', 'total'],
  ]);
  const f = await findings(trap('township-over-villages.xlsx'));
  // 乙镇 says 60 children but its villages add up to 15+25+20 = 60 ✓; enrolled 50 ≠ 12+20+18 = 50 ✓
  // 15-17: 45 = 10+15+20 ✓; high school 40 = 9+14+17 ✓; 甲镇 and the 合计 add up too.
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
});

test('negative-count.xlsx: a negative count is an error and is set aside, never pooled', async () => {
  const r = await report(trap('negative-count.xlsx'));
  const c11 = ind(r, 'C11');
  // 甲镇 95/100 + 丙乡 55/60 = 150/160 = 93.75%; 乙镇's −5 set aside (with it: 145/200 = 72.5%).
  expect(pool(c11)).toEqual([150, 160, 2]);
  expect(c11.value).toBe(93.75);
  expect(c11.setAside).toEqual(['乙镇']);
  expect(c11.provisional).toBe(true);
  // C13 does not read the bad cell: all three pool, 70+25+45 = 140 of 80+30+50 = 160.
  expect(pool(ind(r, 'C13'))).toEqual([140, 160, 3]);
  expect(ind(r, 'C13').provisional).toBe(false);
  const f = await findings(trap('negative-count.xlsx'));
  expect(f.filter((x) => x.ruleId === 'NEGATIVE').map((x) => x.unit)).toEqual(['乙镇']);
});

describe('periods: forms of two years are refused before anything is pooled', () => {
  test('two current files of different years: exit 2, naming both', async () => {
    const r = await runCli('report', trap('period-2024.xlsx'), trap('period-2025.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('本期的文件属于不同年度');
    expect(r.stderr).toContain('period-2024.xlsx「教育」（2024年，据表头标题）');
    expect(r.stderr).toContain('period-2025.xlsx「教育」（2025年，据表头标题）');
    expect(r.stderr.split('\n').filter((l) => l.trim() !== '')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat \w/); // no stack trace
  });

  test('a prior of the same year: exit 2', async () => {
    const r = await runCli('report', trap('period-2025.xlsx'), '--prior', trap('period-2025.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上期数据（--prior）与本期同为 2025 年');
  });

  test('a prior later than the current period: exit 2', async () => {
    const r = await runCli('report', trap('period-2025.xlsx'), '--prior', trap('period-2026.xlsx'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上期数据（--prior）的年度晚于本期 2025 年');
  });

  test('--period that the titles contradict: exit 2', async () => {
    const r = await runCli('report', trap('period-2025.xlsx'), '--period', '2024');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('指定的年度为 2024');
  });

  test('validate refuses the same mix', async () => {
    const r = await runCli('validate', trap('period-2024.xlsx'), trap('period-2025.xlsx'));
    expect(r.code).toBe(2);
  });

  test('a prior one year earlier is accepted', async () => {
    const r = await report(trap('period-2025.xlsx'), '--prior', trap('period-2024.xlsx'));
    expect(r.period).toBe('2025');
  });
});

test('one-code.xlsx: one township with a code does not become the area', async () => {
  const r = await report(trap('one-code.xlsx'), '--region', '某县');
  expect(r.region).toBe('某县');
  expect(pool(ind(r, 'C11'))).toEqual([90 + 180 + 40, 100 + 200 + 50, 3]);
  expect(Object.keys(ind(r, 'C11').units)).toEqual(['甲镇', '乙镇', '丙乡']);
});

test('unlisted-unit.xlsx: a unit the 地区 sheet does not list is an error with a suggestion, not pooled', async () => {
  const r = await report(trap('unlisted-unit.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([180 + 40, 200 + 50, 2]);
  expect(r.notPooled.unlisted).toEqual([
    expect.objectContaining({ unit: '城东街造', suggestions: ['城东街道'] }),
  ]);
  const f = await findings(trap('unlisted-unit.xlsx'));
  const u = f.find((x) => x.ruleId === 'UNLISTED_UNIT');
  expect(u?.severity).toBe('error');
  expect(u?.message).toContain('是否应为“城东街道”');
});

describe('renamed township (城东街道 → 东城街道)', () => {
  test('without a former name: the two are named together as a possible rename', async () => {
    const f = await findings(trap('renamed-2025.xlsx'), '--prior', trap('renamed-2024.xlsx'));
    const rename = f.filter((x) => x.ruleId === 'POSSIBLE_RENAME');
    expect(rename).toHaveLength(1);
    expect(rename[0]?.message).toContain('上期有、本期没有的单位：城东街道');
    expect(rename[0]?.message).toContain('本期有、上期没有的单位：东城街道');
  });

  test('with 曾用名 in the 地区 sheet, history rules run on it: 200 births against 400 (−50%) is FE1-15', async () => {
    const f = await findings(
      trap('renamed-2025-with-former-name.xlsx'),
      '--prior',
      trap('renamed-2024.xlsx'),
    );
    expect(f.filter((x) => x.ruleId === 'POSSIBLE_RENAME')).toEqual([]);
    // 西山镇 310 vs 300 and 白沙镇 210 vs 200 are within 30%; 东城街道 200 vs 400 is not.
    expect(f.filter((x) => x.ruleId === 'FE1-15').map((x) => x.unit)).toEqual(['东城街道']);
  });
});

test('duplicate-row.xlsx: a unit sent twice is pooled once and the 合计 check sums it once', async () => {
  const r = await report(trap('duplicate-row.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([310, 350, 3]);
  const f = await findings(trap('duplicate-row.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
  expect(f.filter((x) => x.ruleId === 'DUPLICATE').map((x) => x.unit)).toEqual(['乙镇']);
});

test('village-codes.xlsx: township rows whose codes are their villages’ parents are subtotals; no false TOTAL', async () => {
  const r = await report(trap('village-codes.xlsx'));
  // Villages: 9+18+12+20 = 59 enrolled of 10+20+15+25 = 70.
  expect(pool(ind(r, 'C11'))).toEqual([59, 70, 4]);
  const f = await findings(trap('village-codes.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
});

test('wan-ren-unit-row.xlsx: a 万人 unit row scales the values, with one notice and no fraction warnings', async () => {
  const r = await report(trap('wan-ren-unit-row.xlsx'));
  // (1.1 + 2.25) 万 = 33,500 enrolled of (1.2345 + 2.5) 万 = 37,345.
  expect(pool(ind(r, 'C11'))).toEqual([33500, 37345, 2]);
  const f = await findings(trap('wan-ren-unit-row.xlsx'));
  expect(f.filter((x) => x.ruleId === 'FRACTION')).toEqual([]);
  expect(f.filter((x) => x.ruleId === 'CONVERTED')).toHaveLength(1);
});

test('unfilled-form.xlsx: a blank template sent back is one notice, not a BLANK error per cell', async () => {
  const f = await findings(trap('unfilled-form.xlsx'));
  expect(f.filter((x) => x.ruleId === 'BLANK')).toEqual([]);
  expect(f.filter((x) => x.ruleId === 'UNFILLED').map((x) => x.severity)).toEqual(['notice']);
});

test('vertical-townships.xlsx: one 指标名称/计量单位/数值 sheet per township is read as that township', async () => {
  const r = await report(trap('vertical-townships.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([90 + 180, 100 + 200, 2]);
  expect(Object.keys(ind(r, 'C11').units)).toEqual(['甲镇', '乙镇']);
  const f = await findings(trap('vertical-townships.xlsx'));
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
});

test('marriages-in-pairs.xlsx: 结婚登记 in 对 is doubled into persons for the premarital check rate', async () => {
  const r = await report(trap('marriages-in-pairs.xlsx'));
  // (150 + 90) checked / ((100 + 50) couples × 2) = 240 / 300 = 80% (not 160%).
  expect(pool(ind(r, 'W05'))).toEqual([240, 300, 2]);
  const f = await findings(trap('marriages-in-pairs.xlsx'));
  expect(f.filter((x) => x.ruleId === 'CONVERTED')).toHaveLength(1);
});

test('vertical-failing.xlsx: a vertical form’s failing cells are named where they are, and set aside', async () => {
  const f = await findings(trap('vertical-failing.xlsx'));
  const errors = f.filter((x) => x.severity === 'error') as (Finding & {
    sheet: string;
    cells: { item: string; cell: string; value: number }[];
  })[];
  // 乙镇: 350 in good health of 300 tested. Rows 6 and 7 of column C hold them.
  expect(errors.map((x) => [x.ruleId, x.sheet, x.cells.map((c) => [c.cell, c.value])])).toEqual([
    [
      'FE2-03',
      '乙镇',
      [
        ['C7', 350],
        ['C6', 300],
      ],
    ],
  ]);
  // C14 (优良率) pools 甲镇 only: 400 / 500; 乙镇 is set aside, its value provisional.
  const c14 = ind(await report(trap('vertical-failing.xlsx')), 'C14');
  expect(pool(c14)).toEqual([400, 500, 1]);
  expect(c14.setAside).toEqual(['乙镇']);
  expect(c14.provisional).toBe(true);
});

test('villages-under-townships.xlsx: the 村 column is the unit, the 乡镇 column its township', async () => {
  const r = await report(trap('villages-under-townships.xlsx'));
  // C02: (0 + 1 + 1) infant deaths / (10 + 20 + 35) births over the three villages.
  expect(pool(ind(r, 'C02'))).toEqual([2, 65, 3]);
  // C05: boys 5 + 11 + 18 = 34, girls 5 + 9 + 17 = 31.
  expect(pool(ind(r, 'C05'))).toEqual([34, 31, 3]);
  expect(Object.keys(ind(r, 'C05').units).sort()).toEqual(['一村', '三村', '二村']);
  // 乙镇小计 adds up 三村 (the rows of 乙镇), 合计 every village: no TOTAL error, no repeat.
  expect(r.notPooled.rows.map((x) => [x.row, x.label, x.role])).toEqual([
    [6, '乙镇小计', 'subtotal'],
    [7, '合计', 'total'],
  ]);
  const f = await findings(trap('villages-under-townships.xlsx'));
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  const seen = await runCli('inspect', trap('villages-under-townships.xlsx'), '--json');
  const sheet = (JSON.parse(seen.stdout) as { sheets: Record<string, unknown>[] }).sheets[0];
  expect([sheet?.unitColumn, sheet?.areaColumn]).toEqual(['村（社区）', '乡镇']);
});

test('side-by-side.xlsx: a second form to the right is not read into the first one’s rows', async () => {
  const r = await report(trap('side-by-side.xlsx'));
  // The left form: C02 = (2 + 1) / (300 + 200).
  expect(pool(ind(r, 'C02'))).toEqual([3, 500, 2]);
  // The right form (its own 乡镇 column, in another order) is not pooled under the left's names.
  expect(ind(r, 'W07').pooledUnits).toBe(0);
  expect(ind(r, 'W07').value).toBeNull();
  const f = await findings(trap('side-by-side.xlsx'));
  expect(f.filter((x) => x.ruleId === 'ANOTHER_TABLE').map((x) => x.message)).toEqual([
    '第 G 列起是另一张表，未读取；请把它放到单独的工作表',
  ]);
});

test('vertical-two-years.xlsx: of 2024年 | 2025年 columns, the title’s year is read', async () => {
  const r = await report(trap('vertical-two-years.xlsx'));
  // 2025: infant deaths 3 + 4 over births 310 + 200; boys 160 + 100, girls 150 + 100.
  expect(pool(ind(r, 'C02'))).toEqual([7, 510, 2]);
  expect(pool(ind(r, 'C05'))).toEqual([260, 250, 2]);
});

test('vertical-twice.xlsx: findings on a vertical form name its cells and its unit', async () => {
  const f = await findings(trap('vertical-twice.xlsx'), '--all-findings');
  const said = (id: string) =>
    f.filter((x) => x.ruleId === id).map((x): [string, string] => [x.unit, x.message]);
  expect(said('DUPLICATE_COLUMN')).toEqual([
    ['', '“活产数”填了两处（D5 与 D9），只按第一处计算，请删除多余的一处'],
  ]);
  // The text '200' in D5 is 乙镇's, the sheet's one unit.
  expect(said('NOTICE').filter(([, m]) => m.includes('“200”'))).toEqual([
    ['乙镇', '“活产数”的“200”按数值 200 读取（文本格式的数字），建议改为数值格式'],
  ]);
  // The vertical sheet comes first: the 汇总 row repeats it; no row of the sheet is named.
  expect(said('DUPLICATE')).toEqual([
    [
      '乙镇',
      '填报单位“乙镇”已在「乙镇」报送过，本行（第 4 行）重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    ],
  ]);
});

test('total-with-colon.xlsx: a 合计： row that does not add up is a wrong total, not a fourth township', async () => {
  const r = await report(trap('total-with-colon.xlsx'));
  // C11: (90 + 180 + 40) / (100 + 200 + 50) over the three townships.
  expect(pool(ind(r, 'C11'))).toEqual([310, 350, 3]);
  const f = await findings(trap('total-with-colon.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL').map((x) => x.message)).toEqual([
    '合计行“在园幼儿数”为 300，各单位之和为 310，相差 -10',
  ]);
});

test('prior-missing-*.xlsx: a township absent last year is not counted as a rise (可比口径)', async () => {
  const r = await report(
    trap('prior-missing-2025.xlsx'),
    '--prior',
    trap('prior-missing-2024.xlsx'),
  );
  const w04 = ind(r, 'W04') as Indicator & Record<string, unknown>;
  // Published: (100 + 900) / 2000 = 50.00 %, last year 200 / 1000 = 20.00 %. Over 甲镇 alone,
  // the township of both years: 100 / 1000 = 10.00 % against 20.00 %, −10.00 points: not met.
  expect([w04.value, w04.prior, w04.change, w04.status]).toEqual([50, 20, -10, 'notMet']);
  expect(w04.priorCoverage).toEqual({
    onlyNow: ['乙镇'],
    onlyPrior: [],
    comparable: { now: 10, prior: 20 },
  });
  // W03 (≥70 %) does not look at last year: 1500 / 2000 = 75.00 %, met; change 75 − 70 = +5.00.
  const w03 = ind(r, 'W03') as Indicator & Record<string, unknown>;
  expect([w03.value, w03.change, w03.status]).toEqual([75, 5, 'met']);
});

// test/fixtures/traps/dot-thousands.csv is written by hand: three lines, semicolons, one 1.000.
test('dot-thousands.csv: 1.000 in a CSV (a thousand, with a dot between the thousands?) is said, not read as 1 in silence', async () => {
  const f = await findings(trap('dot-thousands.csv'));
  expect(f.filter((x) => x.ruleId === 'NOTICE').map((x) => [x.unit, x.message])).toEqual([
    [
      '甲镇',
      '“在园幼儿数”的“1.000”按数值 1 读取（带三位零小数；如“.”是千位分隔符，应为 1000，请核对），建议改为数值格式',
    ],
  ]);
});

test('uncalculated-formulas.xlsx: a formula saved with no result is unknown, said and set aside, not a blank', async () => {
  const r = await report(trap('uncalculated-formulas.xlsx'));
  // 乙镇's 在园幼儿数 is =B5-20 with no result: C11 pools 甲镇 and 丙乡, (90 + 40) / (100 + 50),
  // and sets 乙镇 aside (it is not "not filled in").
  const c11 = ind(r, 'C11');
  expect(pool(c11)).toEqual([130, 150, 2]);
  expect([c11.setAside, c11.leftOut]).toEqual([['乙镇'], []]);
  // C13 has values only: (70 + 150 + 20) / (80 + 160 + 30), three townships.
  expect(pool(ind(r, 'C13'))).toEqual([240, 270, 3]);
  const f = await findings(trap('uncalculated-formulas.xlsx'));
  expect(f.filter((x) => x.ruleId === 'BLANK')).toEqual([]);
  const type = f.filter((x) => x.ruleId === 'TYPE');
  expect(type.map((x) => [x.severity, x.unit])).toEqual([
    ['error', '合计'],
    ['error', '乙镇'],
    ['error', '合计'],
  ]);
  expect(type[1]?.message).toBe(
    '“在园幼儿数”是公式“=B5-20”，文件中没有计算结果（保存前未经计算），数值未知，暂不计入：请在 Excel 中打开该文件、重新计算并保存后再审核',
  );
});

test('parts-header.xlsx: 村委会成员数 over 合计 | 其中：女性 is read as the members and the women', async () => {
  const r = await report(trap('parts-header.xlsx'));
  // W07 = (12 + 10) / (50 + 40); W09 (居委会, its part written 女) = (10 + 16) / (20 + 30).
  expect(pool(ind(r, 'W07'))).toEqual([22, 90, 2]);
  expect(ind(r, 'W07').value).toBe(24.44);
  expect(pool(ind(r, 'W09'))).toEqual([26, 50, 2]);
  expect(ind(r, 'W09').value).toBe(52);
  const f = await findings(trap('parts-header.xlsx'), '--all-findings');
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
});

test('parts-header-unknown.xlsx: a header’s 合计 | 其中：… row is no unit named 合计, even when the part is unknown', async () => {
  const f = await findings(trap('parts-header-unknown.xlsx'), '--all-findings');
  // Before, row 3 was read as a 合计 row holding the text 合计: two type errors.
  expect(f.filter((x) => x.ruleId === 'TYPE')).toEqual([]);
  const r = await report(trap('parts-header-unknown.xlsx'));
  // The members are read (合计 is the group itself); the unknown part is not taken for women.
  expect(ind(r, 'W07').numerator).toBeNull();
  expect(r.notPooled.rows.map((x) => [x.row, x.label])).toEqual([[6, '合计']]);
});

test('vertical-years-*.xlsx: with 2024年 | 2025年 columns, the period comes from the file’s name, else the sheet is said to be unread', async () => {
  // The file's name gives 2025: its column is read. C02 = (3 + 4) / (310 + 200).
  const r = await report(trap('vertical-years-file-2025.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([7, 510, 2]);
  // Nothing names the year: no form can be read, and the refusal says why, not "no form".
  const v = await runCli('validate', trap('vertical-years-unnamed.xlsx'));
  expect(v.code).toBe(2);
  expect(v.stderr).toContain(
    '有 2 张工作表含报表数据项但未能读取（如「甲镇」），原因及改法请用 tally inspect 查看',
  );
  const i = await runCli('inspect', trap('vertical-years-unnamed.xlsx'));
  expect(i.stdout).toContain(
    '工作表「乙镇」: 本表按年份分列数值（2024年、2025年），无法确定哪一列是本期数据（标题、工作表名和文件名都没有写明本表年份，或写明的年份不在其中），未读取：请在标题中写明年份（如“2025年……”）',
  );
});

test('no-unit-column.xlsx: a sheet with a form’s items and no unit column is not pooled in silence', async () => {
  const r = await report(trap('no-unit-column.xlsx'));
  // 汇总's 甲镇 and 乙镇 only: C11 = (90 + 180) / (100 + 200); 丙乡's row is not guessed.
  expect(pool(ind(r, 'C11'))).toEqual([270, 300, 2]);
  const f = await findings(trap('no-unit-column.xlsx'));
  expect(
    f.filter((x) => x.ruleId === 'SHEET_NOT_READ').map((x) => [x.severity, x.message]),
  ).toEqual([
    [
      'warning',
      '本表有“教育”的数据项，但没有填报单位列（地区、乡镇、单位名称等），未读取，其数据未计入汇总：请加一列写明每行的填报单位',
    ],
  ]);
});

test('page-break-rows.xlsx: 栏次, a footnote mark, the header again, 合计（含开发区） and a signature with numbers are no townships', async () => {
  const r = await report(trap('page-break-rows.xlsx'));
  // 甲镇, 乙镇 and 丙乡 only: C11 = (90 + 180 + 40) / (100 + 200 + 50), read from 在园幼儿数①.
  expect(pool(ind(r, 'C11'))).toEqual([310, 350, 3]);
  expect(pool(ind(r, 'C13'))).toEqual([240, 270, 3]);
  expect(r.notPooled.rows.map((x) => [x.row, x.label, x.role])).toEqual([
    [9, '合计（含开发区）', 'total'],
  ]);
  // The mistyped total is checked as a total: 410 against 90 + 180 + 40.
  const f = await findings(trap('page-break-rows.xlsx'), '--all-findings');
  expect(f.map((x) => [x.ruleId, x.message])).toEqual([
    ['TOTAL', '合计行“在园幼儿数”为 410，各单位之和为 310，相差 100'],
  ]);
});

test('periods-*.xlsx: items over 2024 | 2025 or 上年 | 本年 read this period’s columns, or none with a reason', async () => {
  // This year's: C11 = (90 + 180 + 40) / (100 + 200 + 50), three townships (not the periods row).
  for (const name of ['periods-years.xlsx', 'periods-words.xlsx']) {
    const r = await report(trap(name));
    expect(pool(ind(r, 'C11'))).toEqual([310, 350, 3]);
  }
  // No year in the title, the sheet's name or the file's: not read, and said.
  const v = await runCli('validate', trap('periods-unnamed.xlsx'));
  expect(v.code).toBe(2);
  expect(v.stderr).toContain('有 1 张工作表含报表数据项但未能读取（如「教育」）');
  const i = await runCli('inspect', trap('periods-unnamed.xlsx'));
  expect(i.stdout).toContain('本表按年份分列数值（2024年、2025年）');
});

test('hidden-row.xlsx: a hidden row is pooled as submitted, and said, never in silence', async () => {
  const r = await report(trap('hidden-row.xlsx'));
  // As submitted, 原丁乡 included: C11 = (90 + 180 + 40 + 100) / (100 + 200 + 50 + 500).
  expect(pool(ind(r, 'C11'))).toEqual([410, 850, 4]);
  const f = await findings(trap('hidden-row.xlsx'));
  expect(f.filter((x) => x.ruleId === 'HIDDEN_ROWS').map((x) => [x.severity, x.message])).toEqual([
    [
      'warning',
      '第 7 行（原丁乡）是隐藏行（手工隐藏或被筛选），共 1 行，已按填报数据计入汇总：如为作废、撤并或旧数据，请删除这些行；如应计入，请说明',
    ],
  ]);
});

/*
 * Units at two levels in two tables: a township's own row and its villages' rows. The rollup
 * pools the villages in the township's place, never both, and checks the township's row
 * against them (LEVEL_TOTAL). Towns: 甲镇 90/100, 乙镇 180/200, 丙乡 40/50 (C11 = 在园/3-5岁).
 */
test('township-sheet-villages.xlsx: 甲镇 on the summary sheet and its villages on sheet 甲镇 are pooled once', async () => {
  const r = await report(trap('township-sheet-villages.xlsx'));
  // 东村 55/60 + 西村 35/40 (= 甲镇's 90/100) + 乙镇 180/200 + 丙乡 40/50: 310/350 over 4.
  expect(pool(ind(r, 'C11'))).toEqual([310, 350, 4]);
  expect(ind(r, 'C11').value).toBe(88.57);
  const f = await findings(trap('township-sheet-villages.xlsx'));
  expect(f.filter((x) => x.ruleId === 'LEVEL_TOTAL')).toEqual([]);
});

test('township-sheet-village-missing.xlsx: villages short of their township’s row are pooled and said', async () => {
  const r = await report(trap('township-sheet-village-missing.xlsx'));
  // 东村 55/60 + 乙镇 180/200 + 丙乡 40/50 = 275/310 over 3.
  expect(pool(ind(r, 'C11'))).toEqual([275, 310, 3]);
  const f = await findings(trap('township-sheet-village-missing.xlsx'));
  const level = f.filter((x) => x.ruleId === 'LEVEL_TOTAL');
  // One per item: 100 − 60, 90 − 55, 80 − 50, 70 − 40.
  expect(level.map((x) => [x.severity, x.unit])).toEqual(Array(4).fill(['error', '甲镇']));
  expect(level[0]?.message).toBe(
    '“甲镇”本身填报的“3-5岁儿童数”为 100，其下级 1 个单位（见“township-sheet-village-missing.xlsx”的“甲镇”表）合计为 60，相差 40：汇总按下级单位的数据计算，请核实是否有下级单位漏报或数据有误',
  );
});

test('village-codes-elsewhere.xlsx: a coded township above coded villages on another sheet is checked against them', async () => {
  const r = await report(trap('village-codes-elsewhere.xlsx'));
  // 东村 55/60 + 西村 30/30 + 乙镇 180/200 + 丙乡 40/50 = 305/340.
  expect(pool(ind(r, 'C11'))).toEqual([305, 340, 4]);
  const f = await findings(trap('village-codes-elsewhere.xlsx'));
  // 3-5岁: 100 against 60 + 30; 在园: 90 against 55 + 30; the other two items add up.
  expect(
    f.filter((x) => x.ruleId === 'LEVEL_TOTAL').map((x) => /相差 (\d+)/.exec(x.message)?.[1]),
  ).toEqual(['10', '5']);
});

interface Judged extends Indicator {
  status: string;
  unitsBelowTarget: { unit: string; value: number }[];
}

test('per-township-villages.xlsx: a per-township target (C10) is judged by township, not by village', async () => {
  // 东村 850/1000 = 85 %, but 甲镇 = 1840/2000 = 92 % and 乙镇 = 1880/2000 = 94 %: both ≥ 90 %.
  for (const files of [
    [trap('per-township-villages.xlsx')],
    [trap('per-township-甲镇.xlsx'), trap('per-township-乙镇.xlsx')],
  ]) {
    const c10 = ind(await report(...files), 'C10') as Judged;
    expect([c10.value, c10.status, c10.unitsBelowTarget]).toEqual([93, 'met', []]);
  }
});

test('near-total-unknown-label.xlsx: a hand-typed total one figure off, under a label Tally does not know, is no fifth township', async () => {
  const r = await report(trap('near-total-unknown-label.xlsx'));
  // 甲镇 360/400 + 乙镇 280/300 + 丙乡 450/500 + 丁乡 190/200 = 1280/1400 over 4.
  expect(pool(ind(r, 'C11'))).toEqual([1280, 1400, 4]);
  const f = await findings(trap('near-total-unknown-label.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL').map((x) => x.message)).toEqual([
    '合计行“3-5岁儿童数”为 1410，各单位之和为 1400，相差 10',
  ]);
});

test('near-subtotals.xlsx: township rows above villages without 村, one of them mistyped, are subtotals', async () => {
  const r = await report(trap('near-subtotals.xlsx'));
  // The six villages: 在园 50 + 40 + 30 + 25 + 20 + 20 = 185, 3-5岁 60 + 40 + 35 + 25 + 30 + 20 = 210.
  expect(pool(ind(r, 'C11'))).toEqual([185, 210, 6]);
  const f = await findings(trap('near-subtotals.xlsx'));
  // 乙镇's 61 against 35 + 25; 红旗 is a village (a name ending in 旗 is not a banner by itself).
  expect(f.filter((x) => x.ruleId === 'TOTAL').map((x) => [x.unit, x.message])).toEqual([
    ['乙镇', '合计行“3-5岁儿童数”为 61，各单位之和为 60，相差 1'],
  ]);
});

test('chengqu-first.xlsx: 城区 first under the header is a unit, not a part of the header', async () => {
  const r = await report(trap('chengqu-first.xlsx'));
  // 城区 290/300 + 甲镇 90/100 + 乙镇 180/200 = 560/600.
  expect(pool(ind(r, 'C11'))).toEqual([560, 600, 3]);
});

test('unit-in-scaled-cell.xlsx: 50人 in a column stated in 万人 is not scaled to 500,000; it is set aside and said', async () => {
  const r = await report(trap('unit-in-scaled-cell.xlsx'));
  // 甲镇 0.009/0.01 万人 = 90/100, 乙镇 180/200; 丙乡 (50人) and 丁乡 (0.005万人) set aside.
  expect(pool(ind(r, 'C11'))).toEqual([270, 300, 2]);
  const f = await findings(trap('unit-in-scaled-cell.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TYPE').map((x) => [x.unit, x.message])).toEqual([
    [
      '丙乡',
      '“3-5岁儿童数”的“50人”自带单位，而本列按“万人”填报，无法确定应按哪个单位读取，暂不计入：请去掉单元格中的单位，按本列的单位填写数字',
    ],
    ['丁乡', '“3-5岁儿童数”的值“0.005万人”不是数字，请改为数字或留空'],
  ]);
});

test('periods-over-items*.xlsx: 上年 | 本年 (or 2024 | 2025) merged over the items reads this period’s columns', async () => {
  for (const name of [
    'periods-over-items.xlsx',
    'periods-over-items-years.xlsx',
    'periods-over-items-labels.xlsx',
  ]) {
    const r = await report(trap(name));
    // This year's: 甲镇 90/100, 乙镇 180/200, 丙乡 40/50 — not last year's 60/120, 100/220, 30/60.
    expect(pool(ind(r, 'C11'))).toEqual([310, 350, 3]);
    const f = await findings(trap(name));
    expect(f.filter((x) => x.ruleId === 'DUPLICATE_COLUMN')).toEqual([]);
  }
});

async function narrative(...args: string[]): Promise<string> {
  const md = path.join(mkdtempSync(path.join(tmpdir(), 'tally-traps-')), 'report.md');
  const r = await runCli('report', ...args, '--md', md);
  expect(r.code).toBe(0);
  return readFileSync(md, 'utf8');
}

test('strict-bound.xlsx: a value published at a strict bound is said to be at it, not 尚差0.00', async () => {
  // 999 / 25,000 = 3.996 %, published 4.00 %: not below 4 %.
  const md = await narrative(
    trap('strict-bound.xlsx'),
    '--targets',
    trap('strict-bound-targets.csv'),
  );
  expect(md).toContain('低出生体重发生率为4.00%，恰与目标值持平，未达到“低于4%”的目标');
  expect(md).not.toContain('尚差0.00');
});

test('all-set-aside.xlsx: units that reported, all set aside, are never “各单位均未报送”', async () => {
  const md = await narrative(trap('all-set-aside.xlsx'));
  expect(md).toContain(
    '学前教育毛入园率暂无法计算：甲镇、乙镇报送的相关数据均有审核错误，暂未计入汇总，待核实更正后重新汇总。',
  );
  expect(md).not.toMatch(/学前教育毛入园率[^。]*各单位均未报送/);
});

test('same-name-villages*.xlsx: 东村 of 甲镇 and 东村 of 乙镇 are two villages, not one repeated', async () => {
  for (const name of [
    'same-name-villages.xlsx',
    'same-name-villages-under-rows.xlsx',
    'same-name-villages-listed.xlsx',
  ]) {
    const r = await report(trap(name));
    // 55 + 35 + 100 + 80 = 270 in 园, 60 + 40 + 120 + 80 = 300 aged 3-5, over the four villages.
    expect(pool(ind(r, 'C11'))).toEqual([270, 300, 4]);
    const f = await findings(trap(name));
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  }
});

test('big-unit-not-total.xlsx: the biggest township whose deaths equal the others’ sums is still a unit', async () => {
  // Its births (900) are not the others' 445: all five pooled, C02 = (1+1+0+1+3)/1,345.
  const r = await report(trap('big-unit-not-total.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([6, 1345, 5]);
  const f = await findings(trap('big-unit-not-total.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
});

test('unit-in-filler-name.xlsx: 赞皇 under 填报单位：赞皇县卫生健康局 is a township, not the region over the others', async () => {
  // 赞皇 4 + 院头 2 + 南邢郭 1 + 嶂石岩 1 = 8 infant deaths over 900 + 300 + 200 + 150 births.
  const r = await report(trap('unit-in-filler-name.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([8, 1550, 4]);
});

test('big-first-near-sum.xlsx: a big unit first, its deaths the others’ and its births nearly, is a unit', async () => {
  // All six pooled: C01 = (2+1+0+1+0+0) / (760+250+200+150+100+50) = 4/1,510.
  const r = await report(trap('big-first-near-sum.xlsx'));
  expect(pool(ind(r, 'C01'))).toEqual([4, 1510, 6]);
  const f = await findings(trap('big-first-near-sum.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
});

test('township-huizong-rows.xlsx: 石门镇（汇总） over its villages is their subtotal, not the table’s total', async () => {
  // The four villages: 55 + 35 + 100 + 80 = 270 over 60 + 40 + 120 + 80 = 300.
  const r = await report(trap('township-huizong-rows.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([270, 300, 4]);
  const f = await findings(trap('township-huizong-rows.xlsx'));
  expect(f.filter((x) => x.ruleId === 'TOTAL')).toEqual([]);
});

test('township-written-twice.xlsx: a village under 石门镇 on one sheet and 石门 on the other is one village', async () => {
  // Deaths 1 + 0 + 1 + 1 from 死亡 over births 120 + 100 + 120 + 80 from 出生.
  const r = await report(trap('township-written-twice.xlsx'));
  expect(pool(ind(r, 'C01'))).toEqual([3, 420, 4]);
});

/*
 * A township named only in brackets after its file's title (…（石门镇）, (石门镇填报)): its
 * villages are the township's, not units beside it. 石门镇 100/90/80/70 in the county's file;
 * its villages 石门村 60/55/50/40 and 上坝村 30/30/30/30 (3-5岁 and 在园 short by 10 and 5).
 */
test('bracket-title-*.xlsx: villages in a file titled …（石门镇） are pooled in 石门镇’s place, and checked against it', async () => {
  for (const villages of ['bracket-title-villages.xlsx', 'bracket-title-villages-filled.xlsx']) {
    const files = [trap('bracket-title-county.xlsx'), trap(villages)];
    const r = await report(...files);
    // 石门村 55/60 + 上坝村 30/30 + 青山镇 180/200 = 265/290 over 3 (not 355/390 over 4).
    expect(pool(ind(r, 'C11'))).toEqual([265, 290, 3]);
    const f = await findings(...files);
    expect(
      f
        .filter((x) => x.ruleId === 'LEVEL_TOTAL')
        .map((x) => [x.unit, /相差 (\d+)/.exec(x.message)?.[1]]),
    ).toEqual([
      ['石门镇', '10'],
      ['石门镇', '5'],
    ]);
  }
  // Brackets naming no township (（分乡镇）): the townships are the units, under the whole area.
  const r = await report(trap('bracket-title-not-a-township.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([270, 300, 2]);
});

/*
 * 结婚登记人数 in the 妇幼 form (600, 1000, 800) and in 民政's (640, 1100, 820): the value of each
 * town is known to neither, so W05 (婚前医学检查人数 ÷ 结婚登记人数) has nothing to pool — and
 * the audit says where the two figures are, rather than 0 errors.
 */
test('item-in-two-forms.xlsx: one item in two forms with two figures is an error naming both cells', async () => {
  const f = await findings(trap('item-in-two-forms.xlsx'));
  const conflicts = f.filter((x) => x.ruleId === 'ITEM_CONFLICT');
  expect(conflicts.map((x) => [x.severity, x.unit])).toEqual([
    ['error', '甲镇'],
    ['error', '乙镇'],
    ['error', '丙镇'],
  ]);
  expect(conflicts[0]?.message).toBe(
    '甲镇的“结婚登记人数”在「妇幼」D3填为 600，在「民政」D3填为 640，两张报表不一致：该项暂不计入汇总，请向两个填报部门核实后改正其中一处',
  );
  const w05 = ind(await report(trap('item-in-two-forms.xlsx')), 'W05');
  expect([w05.value, w05.setAside]).toEqual([null, ['甲镇', '乙镇', '丙镇']]);
  // The same figures in both: 婚检 300 + 500 + 400 = 1200 of 600 + 1000 + 800 = 2400, 50.00 %.
  expect((await findings(trap('item-in-two-forms-agree.xlsx'))).map((x) => x.ruleId)).not.toContain(
    'ITEM_CONFLICT',
  );
  const agree = ind(await report(trap('item-in-two-forms-agree.xlsx')), 'W05');
  expect([agree.numerator, agree.denominator, agree.value]).toEqual([1200, 2400, 50]);
});

/*
 * Like-for-like with last year (可比口径) over villages of one name in two townships: 东村 of
 * 甲镇 and 东村 of 乙镇 in both years, 北村 new this year. 低出生体重儿数 over 活产数:
 * 2024 20 + 20 + 80 + 20 = 140 of 4,000 = 3.50 %; 2025 over the same four 0 + 20 + 80 + 20 = 120
 * of 4,000 = 3.00 % (all five: 140 of 5,000 = 2.80 %). Keyed by name alone, one 东村 hid the
 * other: 4.00 % both years, 持平.
 */
interface Covered extends Indicator {
  prior: number | null;
  change: number | null;
  priorCoverage: { onlyNow: string[]; onlyPrior: string[]; comparable: Record<string, number> };
}
test('same-name-villages-2025.xlsx --prior 2024: the comparison keeps 甲镇东村 and 乙镇东村 apart', async () => {
  const r = await report(
    trap('same-name-villages-2025.xlsx'),
    '--prior',
    trap('same-name-villages-2024.xlsx'),
  );
  const c04 = ind(r, 'C04') as Covered;
  expect([c04.value, c04.prior]).toEqual([2.8, 3.5]);
  expect(c04.priorCoverage).toEqual({
    onlyNow: ['北村'],
    onlyPrior: [],
    comparable: { now: 3, prior: 3.5 },
  });
  expect(c04.change).toBe(-0.5);
});

/*
 * A form whose items come from two departments, one figure each (FE5: 统计局's 0-17岁儿童人口数,
 * 公安局's 伤害死亡数): each file holds one item of the form. C16 = (2 + 3 + 4) / (10,000 +
 * 20,000 + 25,000) × 10万 = 9 / 55,000 × 100,000 = 16.36; before, both sheets were left unread
 * and the report said 各单位均未报送相关数据.
 */
test('one-item-*.xlsx: a department’s sheet of one item is read as its form', async () => {
  const files = [trap('one-item-统计局.xlsx'), trap('one-item-公安局.xlsx')];
  const c16 = ind(await report(...files), 'C16');
  expect([c16.numerator, c16.denominator, c16.value, c16.pooledUnits]).toEqual([
    9, 55000, 16.36, 3,
  ]);
  // Each file's 合计 row adds up: no finding but the forms' completeness.
  const f = await findings(...files);
  expect(f.filter((x) => x.severity === 'error')).toEqual([]);
});

/*
 * Parts beside their whole in a one-row header (村委会成员数 | 其中：女性, 活产数 | 男 | 女,
 * 婴儿死亡数 | 其中：新生儿死亡数, 村（社区）数 | 其中：配备儿童主任的): each part is its item.
 * W07 = (12 + 20 + 10) / (50 + 60 + 40) = 42 / 150 = 28.00 %; C05 = (520 + 1030 + 790) /
 * (480 + 970 + 710) × 100 = 2340 / 2160 × 100 = 108.33; C01 = (1 + 2 + 2) / 4500 × 1000 = 1.11;
 * C15 = (9 + 12 + 6) / (10 + 12 + 8) = 27 / 30 = 90.00 %. Before, only C02 had a value.
 */
test('parts-in-one-row.xlsx: 其中：女性, 男 | 女 beside their whole are read as their items', async () => {
  const r = await report(trap('parts-in-one-row.xlsx'));
  const got = (id: string) => [ind(r, id).numerator, ind(r, id).denominator, ind(r, id).value];
  expect(got('W07')).toEqual([42, 150, 28]);
  expect(got('C05')).toEqual([2340, 2160, 108.33]);
  expect(got('C01')).toEqual([5, 4500, 1.11]);
  expect(got('C15')).toEqual([27, 30, 90]);
});

test('zones.xlsx: 高新区 and 滨江新区 beside the townships are units, not totals', async () => {
  // C11 = (90 + 180 + 50 + 30) / (100 + 200 + 60 + 40) = 350 / 400 = 87.50 % over 4; the 合计 row
  // adds up. Before, both zones were taken as county-level totals: 270/300 with TOTAL errors.
  const r = await report(trap('zones.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([350, 400, 4]);
  expect((await findings(trap('zones.xlsx'))).filter((x) => x.severity === 'error')).toEqual([]);
});

/*
 * The units across and the items down (指标名称 | 计量单位 | 甲镇 | 乙镇 | 丙镇 | 合计): before,
 * the 合计 column was read as one unit named after the file, so C10 (以乡镇为单位≥90%) was judged
 * on the county's 4330/4500 = 96.22 % (达标) and a wrong 合计 was pooled unchecked. Now each
 * column is a unit: 甲镇 850/1000 = 85 % < 90 % → C10 未达标; C02 = (3 + 5 + 4) / 4500 × 1000 = 2.67.
 */
test('units-across*.xlsx: a form with the townships across is read unit by unit, its 合计 checked', async () => {
  const r = await report(trap('units-across.xlsx'));
  const c10 = ind(r, 'C10') as Judged;
  expect([c10.status, c10.unitsBelowTarget]).toEqual(['notMet', [{ unit: '甲镇', value: 85 }]]);
  expect(pool(ind(r, 'C02'))).toEqual([12, 4500, 3]);
  const wrong = await findings(trap('units-across-wrong-total.xlsx'));
  expect(wrong.filter((x) => x.ruleId === 'TOTAL').map((x) => x.message)).toEqual([
    '合计行“婴儿死亡数”为 10，各单位之和为 12，相差 -2',
  ]);
  // The finding points at the sheet's own cells: the 合计 column F, 婴儿死亡数's row 4.
  const cells = (
    JSON.parse(
      (await runCli('validate', trap('units-across-wrong-total.xlsx'), '--json')).stdout,
    ) as {
      findings: { ruleId: string; cells: { cell: string }[] }[];
    }
  ).findings.find((x) => x.ruleId === 'TOTAL')?.cells;
  expect(cells?.map((c) => c.cell)).toEqual(['F4', 'C4', 'D4', 'E4']);
  expect(pool(ind(await report(trap('units-across-wrong-total.xlsx')), 'C02'))).toEqual([
    12, 4500, 3,
  ]);
});

test('zone-over-communities.xlsx: a 高新区 over its 社区 is their subtotal, as 甲镇 over its villages', async () => {
  // Villages and communities: C11 = (9 + 18 + 30 + 20) / (10 + 20 + 35 + 25) = 77 / 90 over 4.
  const r = await report(trap('zone-over-communities.xlsx'));
  expect(pool(ind(r, 'C11'))).toEqual([77, 90, 4]);
  expect(
    (await findings(trap('zone-over-communities.xlsx'))).filter((x) => x.severity === 'error'),
  ).toEqual([]);
});

test('working-sheet.xlsx: a sheet of one item beside the form it belongs to is not pooled, and said', async () => {
  // 低出生体重儿数 for 乙镇 and 丙镇 only, beside an FE1 form without it: C04 would read 15 / 2500
  // = 0.60 % over two townships. It is no figure of the form: C04 has none, and validate says why.
  expect(ind(await report(trap('working-sheet.xlsx')), 'C04').value).toBeNull();
  const r = await runCli('validate', trap('working-sheet.xlsx'));
  expect(r.stdout + r.stderr).toContain(
    '工作表「低体重儿登记」——只有一个数据项，且同一文件中已有该报表',
  );
});

test('ITEM_CONFLICT across two files names each cell with its file', async () => {
  // An 教育局 form with a 0-17岁儿童人口数 column of its own (9800 for 甲镇) beside 统计局's file
  // (10000): the two cells are in two files, and the message says which.
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-conflict-'));
  const file = path.join(dir, '教育局.xlsx');
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教育');
  ws.addRow(['2025年教育事业统计表']);
  ws.addRow(['乡镇', '3-5岁儿童数', '在园幼儿数', '0-17岁儿童人口数']);
  ws.addRow(['甲镇', 100, 90, 9800]);
  ws.addRow(['乙镇', 200, 180, 20000]);
  ws.addRow(['丙镇', 50, 40, 25000]);
  await wb.xlsx.writeFile(file);
  const f = await findings(file, trap('one-item-统计局.xlsx'));
  expect(f.filter((x) => x.ruleId === 'ITEM_CONFLICT').map((x) => x.message)).toEqual([
    '甲镇的“0-17岁儿童人口数”在教育局.xlsx「教育」D3填为 9800，在one-item-统计局.xlsx「Sheet1」B3填为 10000，两张报表不一致：该项暂不计入汇总，请向两个填报部门核实后改正其中一处',
  ]);
});

/*
 * 0-17岁儿童人口数 in a 万人 column: 1.2, 0.8, 1.5, 0.9, 1.1 and 己镇's 9000 (typed in persons).
 * Read, 12000, 8000, 15000, 9000, 11000 and 90,000,000; the median of the six (lower middle of
 * the sorted list) is 11000, and 90,000,000 / 11000 = 8181.8: 己镇 is a MAGNITUDE warning, and
 * no other township is (the largest, 15000, is 1.4 times the median).
 */
test('persons-in-wan-ren.xlsx: a figure a thousand times its peers’ is a warning naming its cell', async () => {
  const f = (await findings(trap('persons-in-wan-ren.xlsx'))).filter(
    (x) => x.ruleId === 'MAGNITUDE',
  );
  expect(f.map((x) => [x.severity, x.unit, x.cells[0]?.cell])).toEqual([['warning', '己镇', 'B9']]);
  expect(f[0]?.message).toContain(
    '为 9000万人（90000000人），是同表其他单位中位数（1.1万人）的 8181 倍',
  );
});

/*
 * Rows that group the units, as county forms write them, over 甲街道 100/90 80/70, 乙街道
 * 200/180 160/150, 丙镇 50/40 30/20, 丁镇 100/90 80/80 (3-5岁 / 在园, 15-17岁 / 高中在校):
 * C11 = (90+180+40+90) / (100+200+50+100) = 400/450 over the 4 units, C13 = 320/350. Pooled as
 * units, 城区 (300…) and 农村 (150…) counted each unit twice (670/750, 530/600) with no finding.
 */
test.each([
  ['group-headings.xlsx', '城区 / 农村 above their units'],
  ['group-headings-numbered.xlsx', '一、城区 / 二、农村'],
  ['group-headings-below.xlsx', '城区 / 农村 below their units'],
  ['group-heading-one.xlsx', '城区 over two units, two more after it'],
  ['total-then-breakdowns.xlsx', '合计, then 其中：城区 and 乡镇'],
  ['total-then-qizhong-heading.xlsx', '合计 at the top, then a 其中： line over the units'],
  ['near-total-blank-label.xlsx', 'a total with no label, one figure off'],
])('%s (%s): the four units are pooled, once', async (name) => {
  const r = await report(trap(name));
  expect(pool(ind(r, 'C11'))).toEqual([400, 450, 4]);
  expect(pool(ind(r, 'C13'))).toEqual([320, 350, 4]);
});

test('near-total-blank-label.xlsx: the mistyped figure is a TOTAL error naming its cell', async () => {
  // 3-5岁 451 against 100+200+50+100 = 450.
  const f = (await findings(trap('near-total-blank-label.xlsx'))).filter(
    (x) => x.ruleId === 'TOTAL',
  );
  expect(f.map((x) => [x.severity, /相差 (-?\d+)/.exec(x.message)?.[1], x.cells[0]?.cell])).toEqual(
    [['error', '1', 'B8']],
  );
});

/*
 * 妇幼 split by item over two sheets: births 石门镇 300, 白沙镇 200, 城东街道 100; deaths
 * (婴儿 / 新生儿 / 5岁以下) 3 2 4, 1 1 1, 0 0 0. With the deaths sheet naming 石门镇人民政府 and
 * 城东街道办事处, they are the same townships: C02 = 4/600 = 6.67‰, C01 3/600 = 5.00‰, C03
 * 5/600 = 8.33‰ (keyed as written, C02 was 1/300 over 白沙镇 alone, with no finding).
 */
test('split-form-office-names.xlsx: a township named by its office on one sheet is the same township', async () => {
  const r = await report(trap('split-form-office-names.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([4, 600, 3]);
  expect(pool(ind(r, 'C01'))).toEqual([3, 600, 3]);
  expect(pool(ind(r, 'C03'))).toEqual([5, 600, 3]);
  expect(await findings(trap('split-form-office-names.xlsx'))).toEqual([]);
});

test('split-form-missing-unit.xlsx: a unit on one part of a split form and not the other is an error', async () => {
  // No deaths row for 白沙镇: C02 = (3 + 0) / (300 + 100) = 7.50‰ over two, and validate says why.
  const r = await report(trap('split-form-missing-unit.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([3, 400, 2]);
  const f = (await findings(trap('split-form-missing-unit.xlsx'))).filter(
    (x) => x.ruleId === 'MISSING_UNIT',
  );
  expect(f.map((x) => [x.severity, x.unit])).toEqual([['error', '白沙镇']]);
  expect(f[0]?.message).toContain(
    '在「活产」表中填报，但同一报表（FE1 妇幼健康）的「死亡」表中没有该单位',
  );
});

test('township-noted-twice.xlsx: 石门镇 and 石门镇（补报） are one township, counted once and said', async () => {
  // 婴儿死亡数 3 + 1 + 1 of 活产数 300 + 200 + 100 = 5/600 = 8.33‰ (not 8/900).
  const r = await report(trap('township-noted-twice.xlsx'));
  expect(pool(ind(r, 'C02'))).toEqual([5, 600, 3]);
  const f = await findings(trap('township-noted-twice.xlsx'));
  expect(f.filter((x) => x.ruleId === 'DUPLICATE').map((x) => x.unit)).toEqual(['石门镇（补报）']);
});

test('unnamed-row.xlsx: a row with figures and no unit’s name is an error, not pooled', async () => {
  // The four units, 400/450 (the fifth row's 20/30 would make 420/480, under the name "#8").
  expect(pool(ind(await report(trap('unnamed-row.xlsx')), 'C11'))).toEqual([400, 450, 4]);
  const f = (await findings(trap('unnamed-row.xlsx'))).filter((x) => x.ruleId === 'UNNAMED_ROW');
  expect(f.map((x) => [x.severity, x.cells[0]?.cell])).toEqual([['error', 'C8']]);
  expect(f[0]?.message).toContain('第 8 行有数据（3-5岁儿童数 30、在园幼儿数 20');
});

test('hidden-sheet.xlsx: a hidden sheet’s figures are pooled as submitted, and a warning says so', async () => {
  // 甲镇 90/100, 乙镇 180/200 and, on the hidden sheet, 丙乡 20/50: C11 = 290/350 over 3.
  expect(pool(ind(await report(trap('hidden-sheet.xlsx')), 'C11'))).toEqual([290, 350, 3]);
  const f = (await findings(trap('hidden-sheet.xlsx'))).filter((x) => x.ruleId === 'HIDDEN_SHEET');
  expect(f.map((x) => [x.severity, x.message.slice(0, 18)])).toEqual([
    ['warning', '工作表「Sheet2」是隐藏的工作表'],
  ]);
});

/*
 * 在园幼儿数 marked with its period: 甲镇 90 and 乙镇 180 this year (70 and 120 in the column
 * unmarked, or marked 上年末). C11 = 270/300 = 90.00 % (not 190/300, not 无数据).
 */
test.each(['this-year-column.xlsx', 'year-end-columns.xlsx'])(
  '%s: the column marked 本年 (本年末) is this year’s figure',
  async (name) => {
    expect(pool(ind(await report(trap(name)), 'C11'))).toEqual([270, 300, 2]);
  },
);

test('this-year-column.xlsx: the unmarked column beside it is named as a second column', async () => {
  const f = (await findings(trap('this-year-column.xlsx'))).filter(
    (x) => x.ruleId === 'DUPLICATE_COLUMN',
  );
  expect(f.map((x) => x.message)).toEqual([
    '“在园幼儿数”有两列（D 列与 C 列），只按 D 列计算，请删除多余的一列',
  ]);
});

/** A workbook of one sheet, written to a temporary file (the false positives of a review). */
async function oneSheet(name: string, rows: (string | number)[][]): Promise<string> {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-fp-'));
  const file = path.join(dir, name);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼');
  for (const r of rows) ws.addRow(r);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('what the heuristics must leave alone (a review of their false positives)', () => {
  const HEAD = ['助产机构', '活产数', '孕产妇死亡数', '新生儿死亡数'];
  test('a county hospital last, named 全州县人民医院, is a unit, not a total', async () => {
    // 400 + 350 + 450 + 120 + 1300 = 2620 births, 1 + 1 = 2 maternal deaths, 8 neonatal deaths.
    const file = await oneSheet('2025年全州县助产机构.xlsx', [
      ['2025年全州县妇幼健康统计表'],
      HEAD,
      ['石门镇卫生院', 400, 0, 1],
      ['白沙镇卫生院', 350, 1, 1],
      ['城关镇卫生院', 450, 0, 2],
      ['县中医院', 120, 0, 0],
      ['全州县人民医院', 1300, 1, 4],
    ]);
    const r = await report(file);
    expect(pool(ind(r, 'C01'))).toEqual([8, 2620, 5]);
    expect(pool(ind(r, 'W01'))).toEqual([2, 2620, 5]);
  });

  test('a 镇卫生院 and a 社区卫生服务中心 of one town are two units', async () => {
    const file = await oneSheet('2025年助产机构.xlsx', [
      ['2025年妇幼健康统计表'],
      HEAD,
      ['县人民医院', 1200, 1, 4],
      ['城关镇卫生院', 30, 0, 0],
      ['城关镇社区卫生服务中心', 25, 0, 0],
      ['合计', 1255, 1, 4],
    ]);
    expect(pool(ind(await report(file), 'C01'))).toEqual([4, 1255, 3]);
    const f = await findings(file);
    expect(f.filter((x) => ['DUPLICATE', 'TOTAL', 'MAGNITUDE'].includes(x.ruleId))).toEqual([]);
  });

  test('a township named 城区 that a 合计 counts as a unit stays one', async () => {
    // 城区 120 births (as 3-5岁 / 在园 110) happens to equal 甲镇 + 乙镇: the 合计 says it is a unit.
    const file = await oneSheet('2025年教育.xlsx', [
      ['某县2025年教育事业统计表'],
      ['乡镇（街道）', '3-5岁儿童数', '在园幼儿数', '15-17岁人口数'],
      ['城区', 120, 110, 90],
      ['甲镇', 70, 60, 50],
      ['乙镇', 50, 50, 40],
      ['丙乡', 40, 35, 30],
      ['合计', 280, 255, 210],
    ]);
    expect(pool(ind(await report(file), 'C11'))).toEqual([255, 280, 4]);
  });
});
