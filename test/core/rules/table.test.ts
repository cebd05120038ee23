import * as fs from 'fs';
import * as path from 'path';
import type { Cell } from '../../../src/core/model/cell';
import { columnsDataset } from '../../../src/core/rules/data';
import {
  buildRules,
  parseRuleTable,
  problemText,
  type RuleSpec,
} from '../../../src/core/rules/table';
import { parseTemplate, renderTemplate } from '../../../src/core/rules/template';

// Made in each test that uses it, so that the mutation check counts its making as the test's.
const fe1 = () =>
  columnsDataset({
    form: ['FE1'],
    columns: {
      活产数: [100, null],
      男婴活产数: [52, 10],
      女婴活产数: [47, 12],
      婴儿死亡数: [1, 0],
    },
    units: ['城关镇', '东关街道'],
  });

describe('reading a rule table', () => {
  it('accepts the Chinese column names of rules.md and maps the severities', () => {
    const rows: Cell[][] = [
      [],
      ['编号', '审核公式', '级别', '提示信息', '容差', '范围'],
      [
        'FE1-01',
        '[男婴活产数] + [女婴活产数] = [活产数]',
        '强制',
        '男{[男婴活产数]}女{[女婴活产数]}',
        1,
        'FE1',
      ],
      ['FE1-02', '[婴儿死亡数] <= [活产数]', '核实', '', '', 'FE1、FE3'],
      ['FE1-03', '[婴儿死亡数] >= 0', '提示', null, '0.5', null],
      ['FE1-04', '[活产数] >= 0', 'ERROR', null, null, null],
      ['FE1-05', '[活产数] >= 0', 'Warning', null, null, null],
      ['FE1-06', '[活产数] >= 0', 'ｅｒｒｏｒ', null, null, null],
    ];
    const set = parseRuleTable(rows);
    expect(set.problems).toEqual([]);
    expect(set.rules.map((r) => [r.id, r.severity, r.tolerance, r.scope, r.row])).toEqual([
      ['FE1-01', 'error', 1, ['FE1'], 3],
      ['FE1-02', 'warning', 1e-8, ['FE1', 'FE3'], 4],
      ['FE1-03', 'warning', 0.5, [], 5],
      ['FE1-04', 'error', 1e-8, [], 6],
      ['FE1-05', 'warning', 1e-8, [], 7],
      ['FE1-06', 'error', 1e-8, [], 8],
    ]);
    // The tolerance is the rule's: 52 + 47 = 99 is within 1 of 100.
    expect([...(set.rules[0]?.compiled.evaluate(fe1()) ?? [])]).toEqual([1, -1]);
  });

  it('accepts the English names and the other aliases, in any order; severity defaults to error', () => {
    const set = parseRuleTable([
      ['Message', 'RULE', 'ID'],
      ['说明', '[活产数] > 0', 'A'],
    ]);
    expect(set.problems).toEqual([]);
    expect(set.rules[0]).toMatchObject({ id: 'A', severity: 'error', expression: '[活产数] > 0' });
    const cn = parseRuleTable([
      ['编号', '规则', '说明'],
      ['B', '[活产数] > 0', 'x'],
    ]);
    expect(cn.rules[0]).toMatchObject({ id: 'B', severity: 'error' });
  });

  it('skips a title above the header', () => {
    const set = parseRuleTable(
      [
        ['妇幼健康审核规则（2024 年版）'],
        [],
        ['编号', '规则', '级别'],
        ['A', '[活产数] >= 0', '核实'],
      ],
      { firstRow: 1 },
    );
    expect(set.problems).toEqual([]);
    expect(set.rules.map((r) => [r.id, r.row, r.severity])).toEqual([['A', 4, 'warning']]);
  });

  it('a table without the id or rule column is one problem', () => {
    const set = parseRuleTable(
      [
        ['编号', '级别'],
        ['A', 'error'],
      ],
      { firstRow: 3 },
    );
    expect(set.rules).toEqual([]);
    expect(set.problems).toEqual([
      {
        row: 3,
        dropped: true,
        issue: {
          key: 'rules.table.missingColumns',
          params: { columns: 'rule/规则/审核公式', header: '编号, 级别' },
        },
      },
    ]);
  });

  it('reports bad rows with id, row and position, and keeps the other rules', () => {
    const rows: Cell[][] = [
      ['编号', '规则', '级别', '说明', '容差'],
      ['R1', '[活产数] >= 0', 'error', '', ''],
      ['', '[活产数] >= 0', 'error', '', ''],
      ['R1', '[婴儿死亡数] >= 0', 'error', '', ''],
      ['R3', '[活产数] >= 0', '严重', '', ''],
      ['R4', '[活产数] >= 0', '', '', ''],
      ['R5', '[活产数] + * 1 > 0', 'warning', '', ''],
      ['R6', '[婴儿死忙数] <= [活产数]', 'error', '', ''],
      ['R7', '[活产数] = 1', 'error', '', 'abc'],
      ['R8', '[活产数] = 1', 'error', '', -1],
      ['R9', '', 'error', '', ''],
      ['R10', 'SUMM([活产数]) > 0', 'error', '', ''],
      ['R11', '[活产数] >= 0', 'warning', '活产{[活产数]}，{[活产数}', ''],
      ['R12', '[活产数] >= 0', 'warning', '{[出生数]}', ''],
      [null, null, null, null, null],
    ];
    const set = parseRuleTable(rows, { catalog: fe1(), firstRow: 2 });
    expect(set.rules.map((r) => r.id)).toEqual(['R1', 'R11', 'R12']);
    const brief = set.problems.map((p) => ({
      id: p.id,
      row: p.row,
      key: p.issue.key,
      position: p.issue.position,
      dropped: p.dropped,
    }));
    expect(brief).toEqual([
      { id: undefined, row: 4, key: 'rules.table.noId', position: undefined, dropped: true },
      { id: 'R1', row: 5, key: 'rules.table.duplicateId', position: undefined, dropped: true },
      { id: 'R3', row: 6, key: 'rules.table.unknownSeverity', position: undefined, dropped: true },
      { id: 'R4', row: 7, key: 'rules.table.noSeverity', position: undefined, dropped: true },
      { id: 'R5', row: 8, key: 'rules.syntax', position: 9, dropped: true },
      { id: 'R6', row: 9, key: 'rules.unknownItem', position: 1, dropped: true },
      { id: 'R7', row: 10, key: 'rules.badTolerance', position: undefined, dropped: true },
      { id: 'R8', row: 11, key: 'rules.badTolerance', position: undefined, dropped: true },
      { id: 'R9', row: 12, key: 'rules.table.noRule', position: undefined, dropped: true },
      { id: 'R10', row: 13, key: 'rules.unknownFunction', position: 1, dropped: true },
      { id: 'R11', row: 14, key: 'rules.table.messageRef', position: undefined, dropped: false },
      { id: 'R12', row: 15, key: 'rules.table.messageRef', position: undefined, dropped: false },
    ]);
    const text = set.problems.map((p) => problemText('zh', p));
    expect(text[1]).toBe('规则 R1（第 5 行）：编号 R1 与第 3 行重复，该规则未运行。');
    expect(text[2]).toBe(
      '规则 R3（第 6 行）：级别「严重」无法识别（应为 error / 强制，或 warning / 核实 / 提示），该规则未运行。',
    );
    expect(text[4]).toBe(
      '规则 R5（第 8 行）：第 9 个字符处有语法错误：遇到「*」，这里应为数据项（如 [活产数]）、数字、函数、带双引号的文字、「(」、「-」或「+」。',
    );
    expect(text[5]).toBe(
      '规则 R6（第 9 行）：第 1 个字符处：找不到数据项 [婴儿死忙数]。是否应为 [婴儿死亡数]？',
    );
    expect(problemText('en', set.problems[0]!)).toBe(
      'Rule table row 4: the rule has no id; it was not run.',
    );
    expect(problemText('en', set.problems[9]!)).toBe(
      'Rule R10 (row 13): At character 1: there is no function SUMM. Functions: AND, OR, NOT, IF, ABS, MIN, MAX, SUM, ROUND, ISBLANK, BETWEEN, PREV. Did you mean SUM?',
    );
    expect(set.problems[10]?.issue.params).toEqual({ ref: '{[活产数}' });
    expect(set.problems[11]?.issue.params).toEqual({ ref: '{[出生数]}' });
  });

  it('rules given as data (a profile) go through the same checks', () => {
    const specs: RuleSpec[] = [
      { id: 'X', rule: '[活产数] >= 0', severity: 'error', scope: 'FE1' },
      { id: 'Y', rule: '[活产数] >= 0', severity: 'warning', tolerance: 2, scope: ['FE1', 'FE2'] },
      { id: 'Y', rule: '[活产数] >= 0', severity: 'warning' },
    ];
    const set = buildRules(specs);
    expect(set.rules.map((r) => [r.id, r.tolerance, r.scope])).toEqual([
      ['X', 1e-8, ['FE1']],
      ['Y', 2, ['FE1', 'FE2']],
    ]);
    expect(set.problems.map((p) => problemText('en', p))).toEqual([
      'Rule Y: the id Y is used twice; the rule was not run.',
    ]);
  });

  it("every rule of the default profile's rules.json compiles", () => {
    const file = path.resolve(__dirname, '../../../profiles/lianggang-2021-2030/rules.json');
    const { rules } = JSON.parse(fs.readFileSync(file, 'utf8')) as { rules: RuleSpec[] };
    const set = buildRules(rules);
    expect(set.problems.map((p) => problemText('en', p))).toEqual([]);
    expect(set.rules.length).toBe(rules.length);
    expect(set.rules.find((r) => r.id === 'X-01')?.compiled.refs.map((r) => r.text)).toEqual([
      '[FE1!婚前医学检查人数]',
      '[FE3!结婚登记人数]',
    ]);
  });
});

describe('message templates', () => {
  it('fills {[item]} with the record’s value and {unit} with the reporting unit', () => {
    const { template, unresolved } = parseTemplate(
      '{unit}：男{[男婴活产数]}+女{［女婴活产数］}≠{[活产数]}（{other}）',
    );
    expect(unresolved).toEqual([]);
    expect(renderTemplate(template, fe1(), 0)).toBe('城关镇：男52+女47≠100（{other}）');
    expect(renderTemplate(template, fe1(), 1)).toBe('东关街道：男10+女12≠空（{other}）');
    expect(renderTemplate(template, fe1(), 1, 'en')).toBe('东关街道：男10+女12≠blank（{other}）');
  });

  it('other forms and the previous period; numbers shown without binary noise', () => {
    const data = columnsDataset({
      columns: { a: [0.1 + 0.2] },
      forms: { FE3: { 结婚登记人数: [40] } },
      previous: { a: [1234567] },
    });
    const { template } = parseTemplate('{[a]} {[FE3!结婚登记人数]} {PREV([a])} {[b]}');
    expect(renderTemplate(template, data, 0)).toBe('0.3 40 1234567 {[b]}');
  });
});
