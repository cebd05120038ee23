import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../support/capture';
import { failingVillages, sexRuleTable } from '../support/villages';
import { fixturePath, ROOT } from '../support/fixtures';

const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const PRIOR = path.join(ROOT, 'samples', '2024年青川市两纲监测数据.xlsx');

interface JsonRule {
  id: string;
  records: number;
  applicable: boolean;
  missing?: { forms: string[]; items: string[]; prior: string[] };
}

/** The rule ids in the table `tally validate` prints (the rows under the heading). */
const tableIds = (stdout: string) =>
  stdout
    .split('\n')
    .map((l) => /^ {2}(\S+)\s+(错误|核实|提示|error|warning|notice)\s/.exec(l)?.[1])
    .filter((x) => x !== undefined);

/*
 * The default profile (profiles/lianggang-2021-2030/rules.json) has 32 rules: FE1-01…FE1-18
 * (18), FE2-01…04 (4), FE3-01…05 (5), FE4-01…03 (3), FE5-01 (1) and X-01 (FE1 against FE3).
 * On the 妇幼卫生 sheet alone (form FE1) the 14 others cannot apply: 4 + 5 + 3 + 1 + 1.
 */
const FE1 = Array.from({ length: 18 }, (_, i) => `FE1-${String(i + 1).padStart(2, '0')}`);

describe('rules that do not apply are one line, not 13 rows of zeros', () => {
  test('--sheet 妇幼卫生: the 18 FE1 rules, then the one line naming the absent forms', async () => {
    const r = await runCli('validate', SAMPLE, '--sheet', '妇幼卫生');
    expect(r.code).toBe(1); // 石门镇's births do not add up
    expect(tableIds(r.stdout)).toEqual(FE1);
    expect(r.stdout).toContain(
      '另有 14 条规则不适用：缺少报表 FE2 教育、FE3 民政、FE4 就业与社会保障、FE5 人口与安全（--all-rules 列出全部规则）。',
    );
  });

  test('--all-rules lists all 32, each idle one with what it lacks', async () => {
    const r = await runCli('validate', SAMPLE, '--sheet', '妇幼卫生', '--all-rules');
    const ids = tableIds(r.stdout);
    expect(ids).toHaveLength(32);
    expect(ids.slice(0, 18)).toEqual(FE1);
    expect(r.stdout).toMatch(/FE2-01 .* 不适用：缺少报表 FE2 教育\n/);
    expect(r.stdout).toMatch(/X-01 .* 不适用：缺少报表 FE3 民政\n/);
    expect(r.stdout).toContain('共 14 条规则不适用');
  });

  test('--json keeps every rule, marked applicable or not, with what is missing', async () => {
    const r = await runCli('validate', SAMPLE, '--sheet', '妇幼卫生', '--json');
    const rules = (JSON.parse(r.stdout) as { rules: JsonRule[] }).rules;
    expect(rules).toHaveLength(32);
    expect(rules.filter((x) => !x.applicable).map((x) => x.id)).toEqual([
      'FE2-01',
      'FE2-02',
      'FE2-03',
      'FE2-04',
      'FE3-01',
      'FE3-02',
      'FE3-03',
      'FE3-04',
      'FE3-05',
      'FE4-01',
      'FE4-02',
      'FE4-03',
      'FE5-01',
      'X-01',
    ]);
    expect(rules.find((x) => x.id === 'X-01')?.missing).toEqual({
      forms: ['FE3'],
      items: [],
      prior: [],
    });
    expect(rules.find((x) => x.id === 'FE1-01')).toMatchObject({ applicable: true, records: 16 });
    expect(rules.find((x) => x.id === 'FE1-01')?.missing).toBeUndefined();
  });

  test('a short FE1 form on its own: the rules whose items it lacks are named by item', async () => {
    // title-rows.xlsx has 活产数, its two sexes and 孕产妇死亡数: FE1-01, FE1-13, FE1-15, FE1-16 can run.
    const r = await runCli('validate', fixturePath('quirks', 'title-rows.xlsx'));
    expect(tableIds(r.stdout)).toEqual(['FE1-01', 'FE1-13', 'FE1-15', 'FE1-16']);
    expect(r.stdout).toMatch(
      /另有 28 条规则不适用：缺少报表 FE2 教育、FE3 民政、FE4 就业与社会保障、FE5 人口与安全；数据项 新生儿死亡数、婴儿死亡数、\S+ 等 \d+ 项（--all-rules 列出全部规则）。/,
    );
    const json = await runCli('validate', fixturePath('quirks', 'title-rows.xlsx'), '--json');
    const fe102 = (JSON.parse(json.stdout) as { rules: JsonRule[] }).rules.find(
      (x) => x.id === 'FE1-02',
    );
    expect(fe102).toMatchObject({
      applicable: false,
      records: 0,
      missing: { forms: [], items: ['新生儿死亡数', '婴儿死亡数'], prior: [] },
    });
  });

  test('in English', async () => {
    const r = await runCli('validate', SAMPLE, '--sheet', '妇幼卫生', '--lang', 'en');
    expect(r.stdout).toContain(
      '14 more rules do not apply: forms FE2 Education, FE3 Civil affairs, FE4 Employment and social security, FE5 Population and child safety missing (--all-rules lists every rule).',
    );
  });

  test('a history rule whose previous data lack its item: said as missing from the prior', async () => {
    // Last year's 民政 sheet alone: PREV([活产数]) (FE1-15) has no FE1 to read.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PRIOR);
    for (const ws of [...wb.worksheets]) if (ws.name !== '民政') wb.removeWorksheet(ws.id);
    const civil = path.join(mkdtempSync(path.join(tmpdir(), 'tally-civil-')), '2024年民政.xlsx');
    await wb.xlsx.writeFile(civil);
    const r = await runCli('validate', SAMPLE, '--prior', civil);
    expect(tableIds(r.stdout)).not.toContain('FE1-15');
    expect(r.stdout).toContain(
      '另有 1 条规则不适用：缺少上期的 活产数（--all-rules 列出全部规则）。',
    );
  });

  test('the whole sample: every rule applies, no such line', async () => {
    const r = await runCli('validate', SAMPLE, '--prior', PRIOR);
    expect(tableIds(r.stdout)).toHaveLength(32);
    expect(r.stdout).not.toContain('不适用');
  });
});

describe('the unit is printed once', () => {
  /** README's own rule table, as README shows it. */
  const readmeRules = (): string => {
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const block = /```\n(编号,规则,级别,说明\n[\s\S]*?)```/.exec(readme)?.[1];
    if (!block) throw new Error('README has no rule table');
    return block;
  };
  const rulesFile = (text: string) => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'tally-readme-')), 'rules.csv');
    writeFileSync(file, text);
    return file;
  };

  test("README's rule table on the sample: 石门镇 198 + 187 ≠ 358, said once", async () => {
    const r = await runCli(
      'validate',
      SAMPLE,
      '--prior',
      PRIOR,
      '--rules',
      rulesFile(readmeRules()),
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('[FE1-01] 石门镇：男198+女187≠活产358');
    expect(r.stdout).not.toMatch(/石门镇：\s*石门镇/);
  });

  test('a message written to begin with {unit}：… is printed with the unit once; the data keeps it', async () => {
    const text = readmeRules().replace('强制,男{', '强制,{unit}：男{');
    expect(text).toContain('{unit}：男');
    const file = rulesFile(text);
    const r = await runCli('validate', SAMPLE, '--rules', file);
    expect(r.stdout).toContain('[FE1-01] 石门镇：男198+女187≠活产358');
    expect(r.stdout).not.toMatch(/石门镇：\s*石门镇/);
    const json = await runCli('validate', SAMPLE, '--rules', file, '--json');
    const f = (
      JSON.parse(json.stdout) as { findings: { ruleId: string; unit: string; message: string }[] }
    ).findings.find((x) => x.ruleId === 'FE1-01' && x.unit === '石门镇');
    expect(f?.message).toBe('石门镇：男198+女187≠活产358');
  });

  test('a built-in message that merely starts with the unit’s name keeps its own wording', async () => {
    const r = await runCli('validate', SAMPLE);
    // 民政's 合计 row: unit 合计, message 合计行“…”: not "合计：合计行…".
    expect(r.stdout).toContain('[TOTAL] 合计行“村委会成员数”为 651，各单位之和为 661，相差 -10');
    expect(r.stdout).toContain('[FE1-01] 石门镇：男婴活产数（198）');
  });
});

describe('a million findings are not a million lines', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-many-'));
  const csv = failingVillages(dir, 'villages.csv', 1500);
  const rules = sexRuleTable(dir);
  const listed = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('    [P-01]'));

  test('the first 1,000 errors of a sheet are listed, and the other 500 counted, with where to find them', async () => {
    const r = await runCli('validate', csv, '--rules', rules);
    expect(r.code).toBe(1);
    const lines = listed(r.stdout);
    expect(lines).toHaveLength(1000);
    expect(lines[0]).toContain('村0：男女之和不等于活产数');
    expect(lines[999]).toContain('村999：');
    expect(r.stdout).toContain('……另有 500 条未列出（--all-findings 全部列出');
    expect(r.stdout).toContain('共 1500 个错误');
  });

  test('--all-findings lists all 1,500', async () => {
    const r = await runCli('validate', csv, '--rules', rules, '--all-findings');
    expect(listed(r.stdout)).toHaveLength(1500);
    expect(r.stdout).not.toContain('未列出');
  });
});
