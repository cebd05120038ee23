import { runCli } from '../support/capture';
import { fixturePath } from '../support/fixtures';

const run = runCli;

describe('tally inspect', () => {
  test('prints each sheet, its header row, the recognised items and the notices', async () => {
    const r = await run('inspect', fixturePath('quirks', 'merged-header.xlsx'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('工作表「Sheet1」: 识别为 FE1 妇幼健康（5/23 个数据项）');
    expect(r.stdout).toContain('表头在第 2–3 行');
    expect(r.stdout).toMatch(/C\s+男婴活产数 ← 活产数（男）\s+\[live_births_male\]/);
  });

  test('--lang en prints English', async () => {
    const r = await run('inspect', '--lang', 'en', fixturePath('quirks', 'fullwidth-digits.xlsx'));
    expect(r.stdout).toContain('Sheet "村委会": recognised as FE3 民政 (2/9 items)');
    expect(r.stdout).toContain('B2 "１２３" read as the number 123 (full-width digits)');
  });

  test('--json gives the same facts as data', async () => {
    const r = await run('inspect', '--json', fixturePath('quirks', 'text-numbers.xlsx'));
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      source: string;
      sheets: {
        sheet: string;
        form: { id: string };
        records: number;
        typeErrors: { cell: string }[];
      }[];
    };
    expect(json.sheets[0]?.form.id).toBe('FE4');
    expect(json.sheets[0]?.records).toBe(6);
    expect(json.sheets[0]?.typeErrors.map((e) => e.cell)).toEqual(['B6', 'C6', 'D6']);
  });

  test.each([
    ['missing.xlsx', /^tally: 找不到文件 .*missing\.xlsx：请检查路径。\n$/],
    ['renamed-text.xlsx', /^tally: 无法读取 .*renamed-text\.xlsx：不是有效的 \.xlsx 工作簿/],
    ['encrypted.xlsx', /^tally: 无法读取 .*encrypted\.xlsx：工作簿已加密/],
    ['corrupt.xlsx', /^tally: 无法读取 .*corrupt\.xlsx：文件已损坏/],
  ])('unreadable %s: exit 2, one line naming the file, no stack trace', async (name, message) => {
    const r = await run('inspect', fixturePath('unreadable', name));
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test('a bad file among good ones: the good ones are still inspected, exit 2', async () => {
    const r = await run(
      'inspect',
      fixturePath('unreadable', 'corrupt.xlsx'),
      fixturePath('quirks', 'title-rows.xlsx'),
    );
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('工作表「妇幼卫生」');
  });

  test('no file named: usage error, exit 2', async () => {
    const r = await run('inspect');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('请指定至少一个 .xlsx 或 .csv 文件（或文件夹）');
  });

  test('--help exits 0', async () => {
    const r = await run('--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('inspect');
  });
});

test('inspect says what else reading found: invalid codes, with their cells', async () => {
  const r = await run('inspect', '--json', fixturePath('quirks', 'bad-codes.xlsx'));
  const json = JSON.parse(r.stdout) as {
    sheets: { issues: { ruleId: string; unit: string; cells: { cell: string }[] }[] }[];
  };
  expect(json.sheets[0]?.issues.map((i) => [i.ruleId, i.unit, i.cells[0]?.cell])).toEqual([
    ['BAD_CODE', '石门镇', 'A6'],
    ['BAD_CODE', '白沙镇', 'A7'],
    ['BAD_CODE', '龙潭镇', 'A8'],
  ]);
  const human = await run('inspect', fixturePath('quirks', 'bad-codes.xlsx'));
  expect(human.stdout).toContain('石门镇：区划代码“4.51281E+11”无效');
});
