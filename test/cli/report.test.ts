import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/capture';
import { fixturePath } from '../support/fixtures';

/**
 * `tally report --json` on test/fixtures/monitor/three-levels-*.xlsx (county → township →
 * village; see scripts/make-fixtures.js for the cells). Every expected number below is worked
 * out by hand from those cells, in the comments; none comes from running Tally.
 */
const CUR = fixturePath('monitor', 'three-levels-2025.xlsx');
const PRIOR = fixturePath('monitor', 'three-levels-2024.xlsx');

const run = runCli;

interface Json {
  period: string;
  region: string;
  counts: {
    monitored: number;
    met: number;
    notMet: number;
    noData: number;
    notAssessable: number;
    noTarget: number;
    assessable: number;
    rate: number | null;
  };
  indicators: {
    id: string;
    value: number | null;
    numerator: number | null;
    denominator: number | null;
    status: string;
    plausible: boolean | null;
    target: { kind: string; origin: string; wording: string };
    prior: number | null;
    change: number | null;
    priorCoverage: {
      onlyNow: string[];
      onlyPrior: string[];
      comparable: Record<string, number | null>;
    } | null;
    smallNumber: boolean;
    units: Record<string, number | null>;
  }[];
}

let json: Json;
beforeAll(async () => {
  const r = await run('report', CUR, '--prior', PRIOR, '--json');
  expect(r.code).toBe(0);
  json = JSON.parse(r.stdout) as Json;
});

const ind = (id: string) => {
  const i = json.indicators.find((x) => x.id === id);
  if (!i) throw new Error(`no ${id}`);
  return i;
};

test('period and region come from the titles and the 地区 sheet', () => {
  expect(json.period).toBe('2025');
  expect(json.region).toBe('甲县');
});

test('C02 infant mortality: pooled, never averaged', () => {
  // deaths 1+0+2+1 = 4; births 100+150+80+70 = 400; 4/400×1000 = 10.00‰ (> 5 → not met).
  // The mean of the villages' rates would be (10+0+25+14.29)/4 = 12.32: not what we want.
  // prior: deaths 1+1+1+0 = 3, births 110+160+80+70 = 420 → 7.142857 → 7.14; change 10.00−7.14 = 2.86.
  const c = ind('C02');
  expect([c.numerator, c.denominator, c.value, c.status]).toEqual([4, 400, 10, 'notMet']);
  expect([c.prior, c.change]).toEqual([7.14, 2.86]);
  expect(c.smallNumber).toBe(true); // 4 < 20
  // Each village: 1/100 = 10.00, 0/150 = 0, 2/80 = 25.00, 1/70 = 14.2857 → 14.29
  expect(c.units).toEqual({ 一村: 10, 二村: 0, 三村: 25, 四村: 14.29 });
});

test('W05 premarital check rate across two forms; 四村, missing from FE3, is left out of both sums', () => {
  // numerator FE1 60+90+40 = 190 (四村's 30 left out); denominator FE3 80+100+50 = 230
  // 190/230×100 = 82.6087 → 82.61. Prior (all four): 180/260 = 69.2308 → 69.23. The 两纲 set no
  // target for it (indicators.md, Corrections): monitored only, outside the 达标率. The change
  // is over the villages pooled in both years (可比口径, 四村 was pooled only last year): prior
  // (50+55+45)/(80+90+50) = 150/220 = 68.18, 82.61 − 68.18 = 14.43.
  const w = ind('W05');
  expect([w.numerator, w.denominator, w.value, w.prior, w.change, w.status]).toEqual([
    190,
    230,
    82.61,
    69.23,
    14.43,
    'noTarget',
  ]);
  expect(w.units['四村']).toBeNull();
  expect(w.priorCoverage).toEqual({
    onlyNow: [],
    onlyPrior: ['四村'],
    comparable: { now: 82.61, prior: 68.18 },
  });
});

test('C13 with a zero denominator has no data; C11, a gross ratio, may exceed 100%', () => {
  const c13 = ind('C13');
  expect(c13.value).toBeNull();
  expect(c13.status).toBe('noData');
  // kindergarten 60+70+50+50 = 230 over 3–5 population 50+60+40+50 = 200 → 115.00% ≥ 90 → met
  const c11 = ind('C11');
  expect([c11.numerator, c11.denominator, c11.value, c11.status]).toEqual([230, 200, 115, 'met']);
});

test('C05 sex ratio: monitored only; 103–107 is a normal range to check against, not a target', () => {
  // 52+78+41+36 = 207 boys, 48+72+39+34 = 193 girls → 107.2539 → 107.25, above 107 → a prompt
  // to check (plausible: false), never 未达标.
  const c = ind('C05');
  expect([c.value, c.status, c.plausible, c.target.kind]).toEqual([
    107.25,
    'noTarget',
    false,
    'none',
  ]);
});

test('W07 women on village committees and W01 with zero deaths', () => {
  // (2+3+2)/(7+9+5) = 7/21 = 33.33% ≥ 30 → met; prior (2+2+1+1)/(7+9+5+6) = 6/27 = 22.22
  expect([ind('W07').value, ind('W07').prior, ind('W07').status]).toEqual([33.33, 22.22, 'met']);
  // 0 deaths / 400 births: a real zero, met (≤ 12 per 100,000)
  expect([ind('W01').value, ind('W01').status]).toEqual([0, 'met']);
});

test('counts add up to the 27 indicators, and equal the statuses listed', () => {
  const { counts } = json;
  expect(counts.monitored).toBe(27);
  expect(counts.met + counts.notMet + counts.noData + counts.notAssessable + counts.noTarget).toBe(
    27,
  );
  // met: W01 (0 ≤ 12), W07 (33.33 ≥ 30), C11 (115 ≥ 90); not met: C02 (10.00 > 5);
  // monitored only: W05, C05, C15 (C15 has no form here, still noTarget);
  // the other 20 have no value (no form here, or C13's zero denominator).
  expect(counts).toEqual({
    monitored: 27,
    met: 3,
    notMet: 1,
    noData: 20,
    notAssessable: 0,
    noTarget: 3,
    assessable: 4,
    rate: 75, // 3 / (3 + 1)
  });
  expect(json.indicators.filter((i) => i.status === 'met').map((i) => i.id)).toEqual([
    'W01',
    'W07',
    'C11',
  ]);
  expect(json.indicators.filter((i) => i.status === 'noTarget').map((i) => i.id)).toEqual([
    'W05',
    'C05',
    'C15',
  ]);
  expect(json.indicators.every((i) => i.target.origin === 'profile')).toBe(true);
});

test('without --prior: no prior, no change', async () => {
  const r = await run('report', CUR, '--json');
  const j = JSON.parse(r.stdout) as Json;
  const w05 = j.indicators.find((i) => i.id === 'W05');
  expect([w05?.prior, w05?.change, w05?.status]).toEqual([null, null, 'noTarget']);
});

test('writes the workbook and the Markdown, never over an input, never over a foreign file', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-report-'));
  const xlsx = path.join(dir, 'report.xlsx');
  const md = path.join(dir, 'report.md');
  const r = await run('report', CUR, '--prior', PRIOR, '--out', xlsx, '--md', md);
  expect(r.code).toBe(0);
  // Where the files are is a message (stderr); stdout has the report's overview.
  expect(r.stderr).toContain(`已写入 ${xlsx}`);
  expect(r.stdout).not.toContain('已写入');
  const text = readFileSync(md, 'utf8');
  expect(text).toContain('# 甲县2025年妇女儿童发展纲要监测统计评估报告');
  // 四村 missing from FE3: one open error, said under the title; the to-do in 数据质量说明,
  // the Markdown's second part after a rule.
  expect(text).toContain('注：本报告所用数据中尚有1条强制性审核错误未解决');
  const [report, quality] = text.split('\n---\n');
  expect(report).not.toContain('数据质量说明\n');
  expect(quality).toContain('# 甲县2025年两纲监测数据质量说明');
  expect(quality).toContain('数据中仍有1条强制性审核错误未解决');
  expect(quality).toContain('未报送的单位：四村（民政）。');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '指标汇总',
    '分单位指标',
    '监测报告',
    '数据质量说明',
  ]);
  // Rerun over our own output: allowed.
  expect((await run('report', CUR, '--out', xlsx)).code).toBe(0);
  // Over an input: refused, exit 2, input untouched.
  const before = readFileSync(CUR);
  const over = await run('report', CUR, '--out', CUR);
  expect(over.code).toBe(2);
  expect(over.stderr).toContain('Tally 从不修改输入文件');
  expect(readFileSync(CUR).equals(before)).toBe(true);
  // Over a workbook Tally did not write: refused.
  const foreignBefore = readFileSync(PRIOR);
  const foreign = await run('report', CUR, '--out', PRIOR);
  expect(foreign.code).toBe(2);
  expect(foreign.stderr).toContain('不是 Tally 上次生成的同类输出');
  expect(readFileSync(PRIOR).equals(foreignBefore)).toBe(true);
  expect(existsSync(`${xlsx}.tally-${process.pid}.tmp`)).toBe(false);
});
