import { copyFileSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/capture';
import { fixturePath } from '../support/fixtures';

/**
 * Which file is this period's and which the previous period's. `--prior` takes the one file
 * (or folder) right after it; every other file is this period's. Expected values are the hand
 * calculations of test/cli/report.test.ts on test/fixtures/monitor/three-levels-*.xlsx:
 * C02 prior 3/420×1000 = 7.14‰, change 10.00 − 7.14 = 2.86; W05 prior (FE1 180 / FE3 260) =
 * 69.23%, which needs both the 卫健 (FE1) and the 民政 (FE3) sheet of 2024.
 */
const CUR = fixturePath('monitor', 'three-levels-2025.xlsx');
const PRIOR = fixturePath('monitor', 'three-levels-2024.xlsx');

interface Json {
  period: string;
  indicators: { id: string; prior: number | null; change: number | null }[];
}

const priorOf = (stdout: string, id: string) => {
  const i = (JSON.parse(stdout) as Json).indicators.find((x) => x.id === id);
  return i ? [i.prior, i.change] : undefined;
};

/** The 2024 fixture split in two workbooks by sheet, as two departments would send it. */
async function splitPrior(dir: string): Promise<{ health: string; civil: string }> {
  const keep = async (sheets: string[], name: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PRIOR);
    for (const ws of [...wb.worksheets]) if (!sheets.includes(ws.name)) wb.removeWorksheet(ws.id);
    const file = path.join(dir, name);
    await wb.xlsx.writeFile(file);
    return file;
  };
  return {
    // 卫健's title names 2024; 民政 and 教育 have none, so their file's name says the year.
    health: await keep(['卫健', '地区'], '2024年卫健.xlsx'),
    civil: await keep(['民政', '教育'], '2024年民政教育.xlsx'),
  };
}

const tmp = () => mkdtempSync(path.join(tmpdir(), 'tally-prior-'));

describe('--prior before or after the files means the same', () => {
  test('report --prior P C (the prior first) equals report C --prior P', async () => {
    const before = await runCli('report', '--prior', PRIOR, CUR, '--json');
    const after = await runCli('report', CUR, '--prior', PRIOR, '--json');
    expect([before.code, after.code]).toEqual([0, 0]);
    expect(priorOf(before.stdout, 'C02')).toEqual([7.14, 2.86]);
    expect(priorOf(after.stdout, 'C02')).toEqual([7.14, 2.86]);
    expect((JSON.parse(before.stdout) as Json).period).toBe('2025');
    expect(before.stdout).toBe(after.stdout);
  });

  test("the issue's own command: report --prior 2024.xlsx 2025.xlsx --out r.xlsx", async () => {
    const out = path.join(tmp(), 'r.xlsx');
    const r = await runCli('report', '--prior', PRIOR, CUR, '--out', out);
    expect(r.code).toBe(0);
    // Where the file went is a message (stderr); the overview is data (stdout).
    expect(r.stderr).toContain(`已写入 ${out}`);
    expect(r.stdout).toContain('甲县2025年');
  });

  test('validate --prior P C and validate C --prior P: the history rule runs both ways', async () => {
    for (const args of [
      ['--prior', PRIOR, CUR],
      [CUR, '--prior', PRIOR],
    ]) {
      const r = await runCli('validate', ...args, '--json');
      const rules = (JSON.parse(r.stdout) as { rules: { id: string; notEvaluated: number }[] })
        .rules;
      // FE1-15 compares 活产数 with PREV(活产数): evaluated for the units of both years.
      const fe115 = rules.find((x) => x.id === 'FE1-15');
      expect(fe115).toBeDefined();
      const without = await runCli('validate', CUR, '--json');
      const idle = (
        JSON.parse(without.stdout) as {
          rules: { id: string; records: number; notEvaluated: number }[];
        }
      ).rules.find((x) => x.id === 'FE1-15');
      // Without the prior every record is "not evaluated"; with it, fewer are.
      expect(idle && idle.notEvaluated).toBe(idle?.records);
      expect(fe115?.notEvaluated).toBeLessThan(idle?.records ?? 0);
    }
  });
});

describe('several prior files', () => {
  test('--prior a --prior b reads both: W05 needs FE1 from one and FE3 from the other', async () => {
    const { health, civil } = await splitPrior(tmp());
    const both = await runCli('report', CUR, '--prior', health, '--prior', civil, '--json');
    expect(both.code).toBe(0);
    expect(priorOf(both.stdout, 'W05')?.[0]).toBe(69.23);
    expect(priorOf(both.stdout, 'C02')).toEqual([7.14, 2.86]);
    // With only the health file there is no FE3 denominator for last year.
    const one = await runCli('report', CUR, '--prior', health, '--json');
    expect(priorOf(one.stdout, 'W05')?.[0]).toBeNull();
  });

  test('--prior takes a folder: every workbook in it is the previous period', async () => {
    const dir = tmp();
    const prior = path.join(dir, '2024');
    mkdirSync(prior);
    await splitPrior(prior);
    const r = await runCli('report', CUR, '--prior', prior, '--json');
    expect(r.code).toBe(0);
    expect(priorOf(r.stdout, 'W05')?.[0]).toBe(69.23);
  });

  test('a folder of this period with last run’s report in it: the report is not read, and is replaced', async () => {
    const dir = path.join(tmp(), '2025');
    mkdirSync(dir);
    copyFileSync(CUR, path.join(dir, 'three-levels-2025.xlsx'));
    const out = path.join(dir, '汇总.xlsx');
    expect((await runCli('report', dir, '--prior', PRIOR, '--out', out)).code).toBe(0);
    const again = await runCli('report', dir, '--prior', PRIOR, '--out', out);
    expect(again.stderr).not.toContain('不能把输出写到输入文件');
    expect(again.code).toBe(0);
  });

  test('an empty folder is named', async () => {
    const dir = tmp();
    const r = await runCli('report', CUR, '--prior', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`文件夹 ${dir} 中没有 .xlsx、.xlsm 或 .csv 文件`);
  });
});

describe('when the files cannot be where the user meant, the error says which went where', () => {
  test('C --prior a b (a shell glob after --prior): refused, b named as counted this period', async () => {
    const { health, civil } = await splitPrior(tmp());
    const r = await runCli('report', CUR, '--prior', health, civil, '--json');
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${civil} 紧跟在 --prior ${health} 之后，按规则算作本期报表`);
    expect(r.stderr).toContain(`上期（--prior）：${health}`);
    expect(r.stderr).toContain(`本期：${CUR}、${civil}`);
    expect(r.stderr).toContain('请在每个文件前写 --prior');
  });

  test('--prior a b C, where b is of last year too: refused by the years, each file with its year', async () => {
    const { health, civil } = await splitPrior(tmp());
    const r = await runCli('report', '--prior', health, civil, CUR, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('本期的文件属于不同年度');
    expect(r.stderr).toContain(`${path.basename(civil)}（2024年，据文件名）`);
    expect(r.stderr).toContain(`${path.basename(CUR)}「卫健」（2025年，据表头标题）`);
  });

  test('the two years swapped: refused, in English too', async () => {
    const r = await runCli('report', '--prior', CUR, PRIOR, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('上期数据（--prior）的年度晚于本期 2024 年');
    const en = await runCli('validate', PRIOR, '--prior', CUR, '--lang', 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain(
      'The previous-period files (--prior) are later than the current period 2024',
    );
    expect(en.stderr).toContain(`${path.basename(CUR)}「卫健」 (2025, from its title)`);
  });

  test('--prior P alone: no file of this period; the error says P was taken as the prior', async () => {
    const r = await runCli('report', '--prior', PRIOR, '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `tally: 缺少本期报表：${PRIOR} 已作为上期数据（--prior 只带紧跟其后的一个文件）。请写出本期报表，例如 tally report 2025年.xlsx --prior 2024年.xlsx。\n`,
    );
    const v = await runCli('validate', '--prior', PRIOR);
    expect(v.stderr).toContain(`缺少本期报表：${PRIOR} 已作为上期数据`);
  });

  test('no file at all', async () => {
    const r = await runCli('report', '--out', 'r.xlsx');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请指定至少一个 .xlsx 或 .csv 文件（或文件夹）');
  });

  test('--prior with nothing after it', async () => {
    const r = await runCli('report', CUR, '--prior');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('选项 --prior 后面缺少取值');
  });
});

test('--prior files with no form in them are refused, not dropped in silence', async () => {
  // A targets workbook given as last year's forms: every 比上年 would vanish without a word.
  const r = await runCli(
    'report',
    CUR,
    '--prior',
    fixturePath('targets', 'targets.xlsx'),
    '--json',
  );
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('上期文件“targets.xlsx”中没有识别出任何报表，无法与上年比较');
  expect(r.stdout).toBe('');
});
