import { Exclusions } from '../../../src/core/assess/exclusions';
import type { WorkbookData } from '../../../src/core/model/workbook';
import { recogniseForms } from '../../../src/core/read/forms';
import { readTable } from '../../../src/core/read/table';
import { buildDataset } from '../../../src/core/rollup/dataset';
import { buildRules } from '../../../src/core/rules/table';
import { runRules, type RuleSheet } from '../../../src/core/validate/profile-rules';
import { applyExplanations } from '../../../src/core/validate/explanations';
import { findingKey, type Finding } from '../../../src/core/validate/result';
import {
  plainFinding,
  plainFindings,
  type RuleFinding,
} from '../../../src/core/validate/rule-finding';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

/**
 * A written rule's finding makes its message and cells when read (rule-finding.ts). What a
 * reader sees must be what the plain object said: the expected texts and cells below are
 * worked out by hand from the two small forms.
 */
function sheet(name: string, rows: (string | number | null)[][], form: string): RuleSheet {
  const table = readTable({ name, origin: { row: 0, col: 0 }, rows }, defaultIndex());
  if (!table) throw new Error('no table');
  return { file: 'x.xlsx', sheet: name, table, form: { id: form, name: form } };
}

const BIRTHS = [
  ['地区', '活产数', '男婴活产数', '女婴活产数'],
  ['一村', 10, 6, 4], // 6 + 4 = 10 ✓
  ['二村', 20, 9, 10], // 9 + 10 = 19 ✗
  ['三村', 5, 3, null], // 女婴 blank: not evaluated
];
const SCHOOLS = [
  ['地区', '在校生数'],
  ['一村', 30],
  ['二村', 12],
  ['三村', 8],
];
const births = sheet('妇幼', BIRTHS, 'FE1');
const schools = sheet('教育', SCHOOLS, 'FE3');

const set = buildRules([
  {
    id: 'R1',
    rule: '[男婴活产数] + [女婴活产数] = [活产数]',
    severity: 'error',
    message: '{unit}：男{[男婴活产数]}+女{[女婴活产数]}≠{[活产数]}',
    scope: 'FE1',
  },
  // Cross-form: a cell on another sheet is named with its sheet.
  { id: 'R2', rule: '[活产数] <= [FE3!在校生数]', severity: 'warning', scope: 'FE1' },
]);

function run(): Finding[] {
  return runRules(set, [births, schools], undefined, 'zh').findings;
}

test('a rule finding reads as the plain finding it stands for', () => {
  const [r1, r2, ...rest] = run();
  expect(rest).toEqual([]);
  expect(plainFinding(r1 as Finding)).toEqual({
    ruleId: 'R1',
    severity: 'error',
    message: '二村：男9+女10≠20',
    file: 'x.xlsx',
    sheet: '妇幼',
    unit: '二村',
    cells: [
      { item: '男婴活产数', cell: 'C3', value: 9 },
      { item: '女婴活产数', cell: 'D3', value: 10 },
      { item: '活产数', cell: 'B3', value: 20 },
    ],
  });
  // 三村 has 5 births and 8 pupils: passes; 二村 20 > 12 fails; without a message, the rule.
  expect(plainFinding(r2 as Finding)).toEqual({
    ruleId: 'R2',
    severity: 'warning',
    message: '[活产数] <= [FE3!在校生数]',
    file: 'x.xlsx',
    sheet: '妇幼',
    unit: '二村',
    cells: [
      { item: '活产数', cell: 'B3', value: 20 },
      { item: 'FE3!在校生数', cell: 'B3', value: 12, sheet: '教育' },
    ],
  });
});

test('JSON writes its fields in the plain order, the explanation last when there is one', () => {
  const findings = run();
  applyExplanations(findings, new Map([[findingKey(findings[1] as Finding), '已核实']]));
  const json = JSON.parse(JSON.stringify(findings)) as Record<string, unknown>[];
  expect(json.map((f) => Object.keys(f))).toEqual([
    ['ruleId', 'severity', 'message', 'file', 'sheet', 'unit', 'cells'],
    ['ruleId', 'severity', 'message', 'file', 'sheet', 'unit', 'cells', 'explanation'],
  ]);
  expect(json[1]?.explanation).toBe('已核实');
  expect(json[0]?.message).toBe('二村：男9+女10≠20');
});

test('plain findings survive a structured clone (the Web Worker) whole', () => {
  const plain = plainFindings(run());
  const cloned = structuredClone(plain);
  expect(cloned).toEqual(plain);
  expect(cloned.map((f) => f.message)).toEqual(['二村：男9+女10≠20', '[活产数] <= [FE3!在校生数]']);
  expect(cloned[1]?.cells[1]).toEqual({
    item: 'FE3!在校生数',
    cell: 'B3',
    value: 12,
    sheet: '教育',
  });
});

test('places gives the rows and columns of the cells, on the sheet each is on', () => {
  const [r1, r2] = run() as [RuleFinding, RuleFinding];
  const places = (f: RuleFinding) => {
    const out: [string, string, number, number][] = [];
    expect(f.places((...p) => out.push(p))).toBe(true);
    return out;
  };
  // C3, D3, B3 of 妇幼 (row 3 is index 2; B is column 1); B3 of 教育 for the cross-form cell.
  expect(places(r1)).toEqual([
    ['x.xlsx', '妇幼', 2, 2],
    ['x.xlsx', '妇幼', 2, 3],
    ['x.xlsx', '妇幼', 2, 1],
  ]);
  expect(places(r2)).toEqual([
    ['x.xlsx', '妇幼', 2, 1],
    ['x.xlsx', '教育', 2, 1],
  ]);
});

test('the cells a rule taints are the same read by place or by address', () => {
  const book: WorkbookData = {
    source: 'x.xlsx',
    sheets: [
      { name: '妇幼', origin: { row: 0, col: 0 }, rows: BIRTHS },
      // The profile's own items, so the sheet is recognised as 教育 (FE2).
      {
        name: '教育',
        origin: { row: 0, col: 0 },
        rows: [
          ['地区', '高中阶段在校生数', '15-17岁人口数', '在园幼儿数'],
          ['一村', 30, 31, 5],
          ['二村', 12, 14, 6],
          ['三村', 8, 9, 7],
        ],
      },
    ],
  };
  const rules = buildRules([
    { id: 'R1', rule: '[男婴活产数] + [女婴活产数] = [活产数]', severity: 'error', scope: 'FE1' },
    { id: 'R2', rule: '[活产数] <= [FE2!高中阶段在校生数]', severity: 'warning', scope: 'FE1' },
  ]);
  const rec = recogniseForms([book], defaultProfile(), defaultIndex());
  const sheets: RuleSheet[] = rec.forms.map((f) => ({
    file: f.source,
    sheet: f.sheet,
    table: f.table,
    form: { id: f.form.id, name: f.form.name },
  }));
  const findings = runRules(rules, sheets, undefined, 'zh').findings;
  expect(findings.map((f) => [f.ruleId, f.unit])).toEqual([
    ['R1', '二村'],
    ['R2', '二村'],
  ]);
  const ds = buildDataset(rec, '全部地区');
  const idOf = (name: string) =>
    defaultProfile()
      .forms.flatMap((f) => f.items)
      .find((i) => i.name === name)?.id ?? name;
  const at = (ex: Exclusions, item: string) =>
    Array.from(ex.marks(ds, idOf(item)) ?? new Uint8Array(3));
  for (const [severity, marked, clean] of [
    ['error', ['男婴活产数', '女婴活产数', '活产数'], ['高中阶段在校生数']],
    ['warning', ['活产数', '高中阶段在校生数'], ['男婴活产数']],
  ] as const) {
    const byPlace = Exclusions.fromFindings(findings, severity);
    const byAddress = Exclusions.fromFindings(plainFindings(findings), severity);
    // 二村, the second unit, is marked in every item its failing rule reads; nobody else.
    for (const ex of [byPlace, byAddress]) {
      for (const item of marked) expect(at(ex, item)).toEqual([0, 1, 0]);
      for (const item of clean) expect(at(ex, item)).toEqual([0, 0, 0]);
    }
  }
});

test('a cell stated in 万人 is named with the figure it holds, the rule compared in persons', () => {
  const children = sheet(
    '安全',
    [
      ['乡镇（街道）', '0-17岁儿童人口数（万人）', '0-17岁儿童伤害死亡数'],
      ['甲镇', 1.2, 3],
      ['乙镇', 0.0002, 5], // 2 children, 5 deaths: fails
    ],
    'FE5',
  );
  const rules = buildRules([
    {
      id: 'R5',
      rule: '[0-17岁儿童伤害死亡数] <= [0-17岁儿童人口数]',
      severity: 'error',
      scope: 'FE5',
    },
  ]);
  const [f, ...rest] = runRules(rules, [children], undefined, 'zh').findings;
  expect(rest).toEqual([]);
  expect(f?.unit).toBe('乙镇');
  expect(f?.cells).toEqual([
    { item: '0-17岁儿童伤害死亡数', cell: 'C3', value: 5 },
    { item: '0-17岁儿童人口数', cell: 'B3', value: 0.0002 },
  ]);
});
