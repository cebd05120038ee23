import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runCli } from '../support/capture';
import { fixturePath, ROOT } from '../support/fixtures';

const run = runCli;

interface Json {
  rules: {
    id: string;
    severity: string;
    records: number;
    passes: number;
    fails: number;
    notEvaluated: number;
    error: string | null;
  }[];
  findings: {
    ruleId: string;
    severity: string;
    message: string;
    sheet: string;
    unit: string;
    cells: { item: string; cell: string; value: unknown }[];
  }[];
  summary: { errors: number; warnings: number; notices: number };
}

/**
 * R validate's `summary(confront(retailers, rules))` for the 18 rules of
 * test/fixtures/peer/retailers-rules.csv: items, passes, fails, nNA. Worked out by the
 * R-semantics reference in test/core/rules/retailers.test.ts; R01, R02, R07, R12 also by awk.
 */
const PEER: Record<string, [number, number, number, number]> = {
  R01: [60, 19, 4, 37],
  R02: [60, 54, 0, 6],
  R03: [60, 54, 0, 6],
  R04: [60, 44, 0, 16],
  R05: [60, 29, 25, 6],
  R06: [60, 39, 5, 16],
  R07: [60, 34, 26, 0],
  R08: [60, 49, 4, 7],
  R09: [60, 34, 21, 5],
  R10: [60, 48, 0, 12],
  R11: [60, 34, 21, 5],
  R12: [60, 26, 34, 0],
  R13: [60, 48, 7, 5],
  R14: [60, 51, 3, 6],
  R15: [60, 3, 50, 7],
  R16: [60, 34, 13, 13],
  R17: [60, 47, 6, 7],
  R18: [60, 43, 11, 6],
};
const RULES = fixturePath('peer', 'retailers-rules.csv');

describe('tally validate --rules: per-rule counts equal R validate on retailers', () => {
  test.each(['retailers.xlsx', 'retailers.csv'])('%s', async (file) => {
    const r = await run('validate', fixturePath('retailers', file), '--rules', RULES, '--json');
    const json = JSON.parse(r.stdout) as Json;
    const got = Object.fromEntries(
      json.rules.map((s) => [s.id, [s.records, s.passes, s.fails, s.notEvaluated]]),
    );
    expect(got).toEqual(PEER);
    expect(json.rules.every((s) => s.error === null)).toBe(true);
    // R01..R03 are errors and R01 fails 4 times: exit 1.
    expect(json.summary.errors).toBe(4);
    expect(r.code).toBe(1);
  });

  test('the CSV split in two files, as the size refusal advises, gives the same counts', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-split-'));
    const lines = readFileSync(fixturePath('retailers', 'retailers.csv'), 'utf8').trimEnd();
    const [header, ...records] = lines.split('\n');
    const halves = [records.slice(0, 30), records.slice(30)].map((part, k) => {
      const file = path.join(dir, `retailers-${k + 1}.csv`);
      writeFileSync(file, [header, ...part, ''].join('\n'));
      return file;
    });
    const r = await run('validate', ...halves, '--rules', RULES, '--json');
    const json = JSON.parse(r.stdout) as Json;
    const got = Object.fromEntries(
      json.rules.map((s) => [s.id, [s.records, s.passes, s.fails, s.notEvaluated]]),
    );
    expect(got).toEqual(PEER);
    expect(json.summary.errors).toBe(4);
  });

  test('a finding names the rule, the sheet, the record and every cell read, with the message filled in', async () => {
    const r = await run(
      'validate',
      fixturePath('retailers', 'retailers.xlsx'),
      '--rules',
      RULES,
      '--json',
    );
    const json = JSON.parse(r.stdout) as Json;
    const f = json.findings.find((x) => x.ruleId === 'R01');
    expect(f?.sheet).toBe('retailers');
    expect(f?.severity).toBe('error');
    expect(f?.cells.map((c) => c.item)).toEqual(['turnover', 'other.rev', 'total.rev']);
    // Every cell is in the record's row, columns D, E, F (turnover, other.rev, total.rev).
    const row = /\d+$/.exec(f?.cells[0]?.cell ?? '')?.[0];
    expect(f?.cells.map((c) => c.cell)).toEqual([`D${row}`, `E${row}`, `F${row}`]);
    const [turnover, other, total] = f?.cells.map((c) => c.value) ?? [];
    expect(f?.message).toBe(
      `#${row}: turnover ${turnover} + other.rev ${other} ≠ total.rev ${total}`,
    );
    expect(Number(turnover) + Number(other)).not.toBe(Number(total));
  });
});

describe('bad rule tables', () => {
  test('a malformed rule table: exit 2, each problem named by rule id, row and position; the other rules run', async () => {
    const r = await run(
      'validate',
      path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx'),
      '--rules',
      fixturePath('rules', 'broken-rules', 'rules.csv'),
      '--json',
    );
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as Json;
    // B-01 (the first one) is fine and ran over the FE1 sheet's 16 records (15 units + 合计).
    expect(json.rules.find((s) => s.id === 'B-01')).toMatchObject({ records: 16, error: null });
    expect(r.stderr).toMatch(/规则 B-05（第 7 行）.*第 \d+ 个字符/);
    expect(r.stderr).toMatch(/B-06.*AVG/);
    expect(
      r.stderr.split('\n').filter((l) => l.startsWith('tally: ')).length,
    ).toBeGreaterThanOrEqual(8);
    expect(r.stderr).not.toMatch(/\bat .*\.(ts|js):\d+/);
  });

  test('a missing rule file: exit 2 naming it', async () => {
    const r = await run(
      'validate',
      path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx'),
      '--rules',
      'nope.csv',
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('找不到文件 nope.csv');
  });
});

describe('tally validate with the default profile', () => {
  test('the sample: the wrong births total, the wrong 合计 row, the blank, the cross-form warning; exit 1', async () => {
    const r = await run(
      'validate',
      path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx'),
      '--json',
    );
    expect(r.code).toBe(1);
    const json = JSON.parse(r.stdout) as Json;
    const errors = json.findings
      .filter((f) => f.severity === 'error')
      .map((f) => `${f.ruleId}|${f.sheet}|${f.unit}`);
    // 石门镇: 198 + 187 = 385 ≠ 358; its 合计 row carries the same error (Σ boys + Σ girls ≠ Σ births).
    expect(errors).toEqual(
      expect.arrayContaining([
        'FE1-01|妇幼卫生|石门镇',
        'FE1-01|妇幼卫生|合计',
        'BLANK|人口与安全|高峰乡',
        'TOTAL|民政|合计',
      ]),
    );
    expect(errors).toHaveLength(4);
    // 民政's hand-typed 合计: 村委会成员数 651, while its 15 unit rows (C4:C18) add up to 661.
    const total = json.findings.find((f) => f.ruleId === 'TOTAL');
    expect(total?.message).toBe('合计行“村委会成员数”为 651，各单位之和为 661，相差 -10');
    expect(total?.cells[0]).toEqual({ item: '村委会成员数', cell: 'C19', value: 651 });
    expect(total?.cells.slice(1).map((c) => c.cell)).toEqual(
      Array.from({ length: 15 }, (_, i) => `C${4 + i}`),
    );
    expect(total?.cells.slice(1).reduce((a, c) => a + Number(c.value), 0)).toBe(661);
    const warning = json.findings.find((f) => f.severity === 'warning');
    expect([warning?.ruleId, warning?.unit]).toEqual(['X-01', '龙潭镇']);
    expect(warning?.cells.map((c) => c.cell)).toEqual(['N12', '民政!K10']);
  });

  test('a wrong 合计 row is found for every count column it gets wrong', async () => {
    const r = await run('validate', fixturePath('quirks', 'title-rows.xlsx'), '--json');
    const json = JSON.parse(r.stdout) as Json;
    // title-rows.xlsx: 512+301 = 813 ✓, 270+160 = 430 ✓, 242+141 = 383 ✓, 0+1 = 1 ✓: no TOTAL finding.
    expect(json.findings.filter((f) => f.ruleId === 'TOTAL')).toEqual([]);
  });
});

describe('what reading a sheet finds is reported, with its cell', () => {
  const findings = async (file: string) => {
    const r = await run('validate', fixturePath('quirks', file), '--json');
    return (JSON.parse(r.stdout) as Json).findings;
  };

  test('duplicate-item-columns.xlsx: the second 活产数 column is named and not used', async () => {
    const f = (await findings('duplicate-item-columns.xlsx')).filter(
      (x) => x.ruleId === 'DUPLICATE_COLUMN',
    );
    expect(f.map((x) => [x.severity, x.message])).toEqual([
      ['warning', '“活产数”有两列（B 列与 E 列），只按 B 列计算，请删除多余的一列'],
    ]);
  });

  test('bad-codes.xlsx: codes that are not 6, 9 or 12 digits, each with its cell', async () => {
    const f = (await findings('bad-codes.xlsx')).filter((x) => x.ruleId === 'BAD_CODE');
    expect(f.map((x) => [x.unit, x.cells[0]?.cell, x.cells[0]?.value])).toEqual([
      ['石门镇', 'A6', '4.51281E+11'],
      ['白沙镇', 'A7', '451281101000.5'],
      ['龙潭镇', 'A8', '45128110200'],
    ]);
  });

  test('two-tables-one-sheet.xlsx: the table below is said not to be read', async () => {
    const f = (await findings('two-tables-one-sheet.xlsx')).filter(
      (x) => x.ruleId === 'ANOTHER_TABLE',
    );
    expect(f.map((x) => [x.sheet, x.message])).toEqual([
      ['有标题', '第 7 行起是另一张表，未读取；请把它放到单独的工作表'],
      ['无标题', '第 7 行起是另一张表，未读取；请把它放到单独的工作表'],
      ['签名之后', '第 8 行起是另一张表，未读取；请把它放到单独的工作表'],
    ]);
  });

  test("the profile's rules are not errors on a short form that lacks their items", async () => {
    const r = await run('validate', fixturePath('quirks', 'two-tables-one-sheet.xlsx'), '--json');
    const rules = (JSON.parse(r.stdout) as Json).rules;
    expect(rules.filter((x) => x.error !== null)).toEqual([]);
    expect(rules.find((x) => x.id === 'FE1-01')?.records).toBeGreaterThan(0);
    expect(rules.find((x) => x.id === 'FE1-02')?.records).toBe(0);
  });

  test('a rule table naming an item no sheet has is an error with a hint', async () => {
    const rules = path.join(mkdtempSync(path.join(tmpdir(), 'tally-rules-')), 'rules.csv');
    writeFileSync(rules, '编号,规则\nT1,[活产树] >= 0\n');
    const r = await run(
      'validate',
      fixturePath('quirks', 'title-rows.xlsx'),
      '--rules',
      rules,
      '--json',
    );
    expect(r.code).toBe(2);
    const t1 = (JSON.parse(r.stdout) as Json).rules.find((x) => x.id === 'T1');
    expect(t1?.records).toBe(0);
    expect(t1?.error).toContain('[活产树]');
    expect(t1?.error).toContain('[活产数]');
  });
});

test('--lang en: the default rules speak English, with the values filled in', async () => {
  const r = await run(
    'validate',
    path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx'),
    '--json',
    '--lang',
    'en',
  );
  const f = (JSON.parse(r.stdout) as Json).findings.find(
    (x) => x.ruleId === 'FE1-01' && x.unit === '石门镇',
  );
  expect(f?.message).toBe('boys 198 + girls 187 ≠ live births 358');
});
