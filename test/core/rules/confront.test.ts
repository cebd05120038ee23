import type { Cell } from '../../../src/core/model/cell';
import { readTable, type Table } from '../../../src/core/read/table';
import { GENERIC_VOCABULARY, HeaderIndex } from '../../../src/core/read/vocabulary';
import { confront, describeRecord, failingRecords, tally } from '../../../src/core/rules/confront';
import { tableDataset } from '../../../src/core/rules/dataset';
import { issueText } from '../../../src/core/rules/issues';
import { parseRuleTable } from '../../../src/core/rules/table';
import { outcomes } from './helpers';

const index = new HeaderIndex({
  ...GENERIC_VOCABULARY,
  items: [
    { id: 'live_births', name: '活产数', synonyms: ['活产儿数'], form: 'FE1' },
    { id: 'live_births_male', name: '男婴活产数', synonyms: [], form: 'FE1' },
    { id: 'live_births_female', name: '女婴活产数', synonyms: [], form: 'FE1' },
    { id: 'premarital_checked', name: '婚前医学检查人数', synonyms: ['婚检人数'], form: 'FE1' },
    { id: 'marriages_registered', name: '结婚登记人数', synonyms: [], form: 'FE3' },
  ],
});

function table(name: string, rows: Cell[][]): Table {
  const t = readTable({ name, origin: { row: 0, col: 0 }, rows }, index);
  if (!t) throw new Error(`no table in ${name}`);
  return t;
}

// Sheet rows 1-6 (A1 row numbers); columns A 地区, B 区划代码, C 活产数, D 男, E 女, F 婚检.
const fe1 = table('FE1', [
  ['地区', '区划代码', '活产儿数（人）', '男婴活产数', '女婴活产数', '婚检人数'],
  ['城关镇', '110101001000', 100, 52, 48, 30],
  ['东关街道', '110101002000', 80, 40, 41, 50],
  ['西关街道', '110101003000', '—', 10, 10, 5],
  ['南关镇', null, 50, 25, 25, 10],
  ['合计', null, 230, 127, 124, 95],
]);
// Another order; 西关街道 missing; 南关镇 has no code (matched by name); totals match totals.
const fe3 = table('FE3', [
  ['地区', '区划代码', '结婚登记人数'],
  ['东关街道', '110101002000', 45],
  ['全县', null, 200],
  ['城关镇', '110101001000', 40],
  ['南关镇', null, 8],
]);
// The previous period: 南关镇 listed twice, so its previous value is unknown.
const fe1Previous = table('FE1上年', [
  ['地区', '区划代码', '活产数'],
  ['城关镇', '110101001000', 90],
  ['东关街道', '110101002000', 200],
  ['西关街道', '110101003000', 50],
  ['南关镇', null, 40],
  ['南关镇', null, 41],
  ['合计', null, 280],
]);

const ruleTable: Cell[][] = [
  ['编号', '规则', '级别', '说明', '范围'],
  [
    'FE1-01',
    '[男婴活产数] + [女婴活产数] = [活产数]',
    '强制',
    '{unit}：男{[男婴活产数]}+女{[女婴活产数]}≠{[活产数]}',
    'FE1',
  ],
  [
    'FE1-15',
    'OR(PREV([活产数]) < 100, ABS([活产数] / PREV([活产数]) - 1) <= 0.3)',
    '核实',
    '活产数{[活产数]}，上年{PREV([活产数])}',
    'FE1',
  ],
  [
    'X-01',
    '[FE1!婚前医学检查人数] <= [FE3!结婚登记人数]',
    '核实',
    '婚检{[FE1!婚前医学检查人数]}，登记{[FE3!结婚登记人数]}',
    '',
  ],
  ['FE3-01', '[村委会女性成员数] <= [村委会成员数]', '强制', '', 'FE3'],
  ['G-01', '[活产数] >= 0', '强制', '', ''],
  ['G-02', '[在园幼儿数] >= 0', '强制', '', ''],
  ['Y-01', '[FE9!x] > 0', '强制', '', ''],
  ['Z-01', '[活产数] <= [FE2!在园幼儿数] * 10', '核实', '', ''],
];

/**
 * The data of these tests, made afresh by each test that uses it: the code that makes it is
 * then the test's, not the file's loading (for the mutation check, npm run test:mutation).
 */
function setup() {
  const dataset = tableDataset({
    current: { table: fe1, form: { id: 'FE1', name: '妇幼健康' } },
    others: [{ table: fe3, form: { id: 'FE3', name: '民政' } }],
    previous: [{ table: fe1Previous, form: { id: 'FE1', name: '妇幼健康' } }],
  });
  const { rules, problems } = parseRuleTable(ruleTable);
  const result = confront(rules, dataset);
  const byId = new Map(result.results.map((r) => [r.summary.id, r]));
  return { dataset, rules, problems, result, byId };
}

describe('confront on a recognised table', () => {
  it('runs the rules of this form, skips the others', () => {
    const { problems, result } = setup();
    expect(problems).toEqual([]);
    expect(result.results.map((r) => r.summary.id)).toEqual([
      'FE1-01',
      'FE1-15',
      'X-01',
      'G-01',
      'Z-01',
    ]);
    expect(result.notApplicable).toEqual(['FE3-01', 'G-02', 'Y-01']);
  });

  it('counts per rule like validate: records, passes, fails, not evaluated', () => {
    const { result, byId } = setup();
    expect(result.results.map((r) => r.summary)).toEqual([
      {
        id: 'FE1-01',
        severity: 'error',
        expression: '[男婴活产数] + [女婴活产数] = [活产数]',
        records: 5,
        passes: 2,
        fails: 2,
        notEvaluated: 1,
      },
      {
        id: 'FE1-15',
        severity: 'warning',
        expression: 'OR(PREV([活产数]) < 100, ABS([活产数] / PREV([活产数]) - 1) <= 0.3)',
        records: 5,
        passes: 3,
        fails: 1,
        notEvaluated: 1,
      },
      {
        id: 'X-01',
        severity: 'warning',
        expression: '[FE1!婚前医学检查人数] <= [FE3!结婚登记人数]',
        records: 5,
        passes: 2,
        fails: 2,
        notEvaluated: 1,
      },
      {
        id: 'G-01',
        severity: 'error',
        expression: '[活产数] >= 0',
        records: 5,
        passes: 4,
        fails: 0,
        notEvaluated: 1,
      },
      {
        id: 'Z-01',
        severity: 'warning',
        expression: '[活产数] <= [FE2!在园幼儿数] * 10',
        records: 0,
        passes: 0,
        fails: 0,
        notEvaluated: 0,
        error: expect.objectContaining({
          key: 'rules.unknownForm',
          params: { position: 10, form: 'FE2', item: '在园幼儿数' },
        }),
      },
    ]);
    const z = byId.get('Z-01')?.summary.error;
    expect(z && issueText('en', z)).toBe(
      'At character 10: there is no form FE2 ([FE2!在园幼儿数]). Did you mean [FE3!在园幼儿数]?',
    );
  });

  it('keeps every record’s outcome: units aligned by code, total row, then name', () => {
    const { byId } = setup();
    // Records: 城关镇, 东关街道, 西关街道, 南关镇, 合计.
    expect(outcomes(byId.get('FE1-01')!.outcomes)).toEqual(['T', 'F', 'U', 'T', 'F']);
    // 90 < 100; |80/200 - 1| = 0.6; 50 < 100 (OR is TRUE although 活产数 is blank); 南关镇 twice in
    // the previous table → unknown; |230/280 - 1| ≈ 0.18.
    expect(outcomes(byId.get('FE1-15')!.outcomes)).toEqual(['T', 'F', 'T', 'U', 'T']);
    // 30 ≤ 40; 50 > 45; 西关街道 not in FE3; 10 > 8 (by name); 95 ≤ 200 (合计 with 全县).
    expect(outcomes(byId.get('X-01')!.outcomes)).toEqual(['T', 'F', 'U', 'F', 'T']);
    expect(failingRecords(byId.get('X-01')!)).toEqual([1, 3]);
    expect(tally(byId.get('X-01')!.outcomes)).toEqual({ passes: 2, fails: 2, notEvaluated: 1 });
  });

  it('describes a failing record: unit, message, and the cell and value of every item read', () => {
    const { dataset, byId } = setup();
    const r = byId.get('FE1-01')!;
    expect(describeRecord(r, dataset, 1)).toEqual({
      record: 1,
      unit: '东关街道',
      message: '东关街道：男40+女41≠80',
      cells: [
        {
          ref: expect.objectContaining({ text: '[男婴活产数]' }),
          value: '40',
          location: { sheet: 'FE1', cell: 'D3', value: '40' },
        },
        {
          ref: expect.objectContaining({ text: '[女婴活产数]' }),
          value: '41',
          location: { sheet: 'FE1', cell: 'E3', value: '41' },
        },
        {
          ref: expect.objectContaining({ text: '[活产数]' }),
          value: '80',
          location: { sheet: 'FE1', cell: 'C3', value: '80' },
        },
      ],
    });
    const x = describeRecord(byId.get('X-01')!, dataset, 3);
    expect(x.message).toBe('婚检10，登记8');
    expect(x.cells.map((c) => c.location)).toEqual([
      { sheet: 'FE1', cell: 'F5', value: '10' },
      { sheet: 'FE3', cell: 'C5', value: '8' },
    ]);
    const p = describeRecord(byId.get('FE1-15')!, dataset, 1, 'en');
    expect(p.message).toBe('活产数80，上年200');
    expect(p.cells.map((c) => [c.ref.text, c.location?.sheet, c.location?.cell, c.value])).toEqual([
      ['PREV([活产数])', 'FE1上年', 'C3', '200'],
      ['[活产数]', 'FE1', 'C3', '80'],
    ]);
    // A unit missing from the other form: no cell to point at, value blank.
    const missing = describeRecord(byId.get('X-01')!, dataset, 2);
    expect(missing.cells[1]).toEqual({
      ref: expect.objectContaining({ text: '[FE3!结婚登记人数]' }),
      value: '空',
    });
  });

  it('finds items by synonym, id and header, and leaves total rows out on request', () => {
    const { rules } = setup();
    const units = tableDataset({
      current: { table: fe1, form: { id: 'FE1' } },
      includeTotals: false,
    });
    expect(units.size).toBe(4);
    expect(units.lookup({ name: 'live_births', key: 'live_births', previous: false })).toEqual({
      found: true,
    });
    expect(units.column({ name: '活产儿数', key: '活产儿数', previous: false })?.values).toEqual(
      new Float64Array([100, 80, NaN, 50]),
    );
    expect(units.lookup({ name: '活产', key: '活产', previous: false })).toEqual({
      found: false,
      missing: 'item',
      candidates: ['地区', '区划代码', '活产数', '男婴活产数', '女婴活产数', '婚前医学检查人数'],
    });
    expect(units.lookup({ name: 'x', key: 'x', previous: true })).toMatchObject({
      found: false,
      missing: 'previous',
    });
    const r = confront(rules, units);
    expect(r.results.find((x) => x.summary.id === 'FE1-01')?.summary).toMatchObject({
      records: 4,
      passes: 2,
      fails: 1,
    });
  });
});
