import type { Cell } from '../../../src/core/model/cell';
import { readTable, type Table } from '../../../src/core/read/table';
import { GENERIC_VOCABULARY, HeaderIndex } from '../../../src/core/read/vocabulary';
import { compileRule } from '../../../src/core/rules/compile';
import type { ItemQuery } from '../../../src/core/rules/data';
import { tableDataset, type FormTable, type TableDataset } from '../../../src/core/rules/dataset';
import { outcomes, type Outcome } from './helpers';

/**
 * A form in several tables (batch use: one workbook per township, each holding every form; or a
 * form split over files). `[FE3!x]` and `PREV(…)` read each record's unit from whichever table
 * of the named form holds it.
 */

const index = new HeaderIndex({
  ...GENERIC_VOCABULARY,
  items: [
    { id: 'live_births', name: '活产数', synonyms: [], form: 'FE1' },
    { id: 'premarital_checked', name: '婚前医学检查人数', synonyms: [], form: 'FE1' },
    { id: 'marriages_registered', name: '结婚登记人数', synonyms: [], form: 'FE3' },
  ],
});
/** Knows no items: every column is read as numbers or text by its content. */
const plainIndex = new HeaderIndex(GENERIC_VOCABULARY);

function table(name: string, rows: Cell[][], idx: HeaderIndex = index): Table {
  const t = readTable({ name, origin: { row: 0, col: 0 }, rows }, idx);
  if (!t) throw new Error(`no table in ${name}`);
  return t;
}

const FE1 = { id: 'FE1', name: '妇幼健康' };
const FE3 = { id: 'FE3', name: '民政' };
const fe1 = (t: Table, source: string): FormTable => ({ table: t, form: FE1, source });
const fe3 = (t: Table, source: string): FormTable => ({ table: t, form: FE3, source });

function q(name: string, form?: string, previous = false): ItemQuery {
  const query: ItemQuery = { name, key: name, previous };
  if (form !== undefined) query.form = form;
  return query;
}

function numbers(data: TableDataset, query: ItemQuery): number[] {
  const c = data.column(query);
  if (c?.kind !== 'number') throw new Error(`${query.name}: not a number column`);
  return [...c.values];
}

function check(rule: string, data: TableDataset): Outcome[] {
  const compiled = compileRule(rule, { catalog: data });
  if (!compiled.ok) throw new Error(`${rule}: ${compiled.issue.key}`);
  return outcomes(compiled.rule.evaluate(data));
}

// Two townships' workbooks, the same sheet names in each (rows 1-2: header, the township).
const healthA = table('卫生', [
  ['乡镇', '活产数', '婚前医学检查人数'],
  ['甲镇', 100, 50],
]);
const healthB = table('卫生', [
  ['乡镇', '活产数', '婚前医学检查人数'],
  ['乙镇', 100, 500],
]);
const civilA = table('民政', [
  ['乡镇', '结婚登记人数'],
  ['甲镇', 80],
]);
const civilB = table('民政', [
  ['乡镇', '结婚登记人数', '离婚登记人数'],
  ['乙镇', 120, 30],
]);
const othersOf = [fe3(civilA, 'twnA.xlsx'), fe3(civilB, 'twnB.xlsx')];
const datasetA = (): TableDataset =>
  tableDataset({ current: fe1(healthA, 'twnA.xlsx'), others: othersOf });
const datasetB = (): TableDataset =>
  tableDataset({ current: fe1(healthB, 'twnB.xlsx'), others: othersOf });

describe('[FE3!x] over every table of FE3', () => {
  it('evaluates each township against its own FE3 row, whichever table it is in', () => {
    const x01 = '[FE1!婚前医学检查人数] <= [FE3!结婚登记人数]';
    // 甲镇: 50 ≤ 80. 乙镇: 500 > 120 — before, only the first FE3 table (甲镇's) was read and
    // 乙镇 was not evaluated.
    expect(check(x01, datasetA())).toEqual(['T']);
    expect(check(x01, datasetB())).toEqual(['F']);
    expect(numbers(datasetB(), q('结婚登记人数', 'FE3'))).toEqual([120]);
    expect(numbers(datasetB(), q('结婚登记人数', '民政'))).toEqual([120]);
  });

  it('locates the value in the table it came from: file, sheet and cell', () => {
    expect(datasetB().locate(q('结婚登记人数', 'FE3'), 0)).toEqual({
      file: 'twnB.xlsx',
      sheet: '民政',
      cell: 'B2',
      value: '120',
    });
    expect(datasetA().locate(q('结婚登记人数', 'FE3'), 0)).toEqual({
      file: 'twnA.xlsx',
      sheet: '民政',
      cell: 'B2',
      value: '80',
    });
    // Without a source, no file; an explicit sheet name replaces the table's.
    const plain = tableDataset({
      current: { table: healthB, form: FE1 },
      others: [
        { table: civilA, form: FE3 },
        { table: civilB, form: FE3, sheet: '民政（乙镇）' },
      ],
    });
    expect(plain.locate(q('结婚登记人数', 'FE3'), 0)).toEqual({
      sheet: '民政（乙镇）',
      cell: 'B2',
      value: '120',
    });
  });

  it('finds an item held by only some tables of the form; blank where the unit’s table lacks it', () => {
    expect(datasetA().lookup(q('离婚登记人数', 'FE3'))).toEqual({ found: true });
    expect(numbers(datasetA(), q('离婚登记人数', 'FE3'))).toEqual([NaN]);
    expect(datasetA().locate(q('离婚登记人数', 'FE3'), 0)).toBeUndefined();
    expect(numbers(datasetB(), q('离婚登记人数', 'FE3'))).toEqual([30]);
    expect(datasetB().locate(q('离婚登记人数', 'FE3'), 0)).toMatchObject({ cell: 'C2' });
    // Hints list every table's names once.
    expect(datasetA().lookup(q('登记人数', 'FE3'))).toEqual({
      found: false,
      missing: 'item',
      candidates: ['乡镇', '结婚登记人数', '离婚登记人数'],
    });
    expect(datasetA().lookup(q('在园幼儿数', 'FE2'))).toEqual({
      found: false,
      missing: 'form',
      candidates: ['FE3'],
    });
  });
});

describe('aligning a unit across several tables', () => {
  // A county's FE1 (records 0-5) and its FE3 split over two sheets.
  const county = table('卫生', [
    ['地区', '区划代码', '活产数'],
    ['城关镇', '110101001000', 10],
    ['东关街道', '110101002000', 20],
    ['西关街道', null, 30],
    ['南关镇', null, 40],
    ['北关镇', null, 50],
    ['合计', null, 150],
  ]);
  const part1 = table('民政', [
    ['地区', '区划代码', '结婚登记人数'],
    ['城关镇', '110101001000', 40],
    ['东关街道', null, 11],
    ['西关街道', null, 30],
    ['北关镇', null, 7],
    ['北关镇', null, 8],
    ['全县', null, 300],
  ]);
  const part2 = table('民政（续）', [
    ['地区', '区划代码', '结婚登记人数'],
    ['城关镇', null, 99],
    ['东关街道', '110101002000', 45],
    ['西关街道', null, 31],
    ['南关镇', null, 8],
    ['合计', null, 310],
  ]);
  const both = (): TableDataset =>
    tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part1, 'a.xlsx'), fe3(part2, 'b.xlsx')],
    });

  it('reads one table as before', () => {
    const one = tableDataset({ current: { table: county, form: FE1 }, others: [fe3(part1, 'a')] });
    // 城关镇 by code; 东关街道's code is not there, so by name (11); 西关街道 by name; 南关镇
    // missing; 北关镇 listed twice; 合计 with the only total row, 全县.
    expect(numbers(one, q('结婚登记人数', 'FE3'))).toEqual([40, 11, 30, NaN, NaN, 300]);
  });

  it('code first over all tables, then the one total row, then the name; ambiguous is blank', () => {
    // 城关镇: its code is in part 1 only, so part 2's uncoded 城关镇 (99) is not consulted.
    // 东关街道: its code is in part 2 (45), which wins over part 1's name match (11).
    // 西关街道: by name in both parts → ambiguous → blank.
    // 南关镇: by name in part 2 only → 8.
    // 北关镇: twice in part 1 → blank.
    // 合计: two total rows (全县, 合计) → not unambiguous, so by name: 合计 in part 2 → 310.
    expect(numbers(both(), q('结婚登记人数', 'FE3'))).toEqual([40, 45, NaN, 8, NaN, 310]);
    expect(check('[活产数] <= [FE3!结婚登记人数]', both())).toEqual(['T', 'T', 'U', 'F', 'U', 'T']);
  });

  it('gives each sheet the same values when the index of the tables is kept between sheets', () => {
    // The index of a form's tables is made once and kept (a form split over many files is read
    // by every other form's sheets): the tables in another order, another list, or names read
    // through another canonical function must each get their own, so nothing is mixed up.
    const first = numbers(both(), q('结婚登记人数', 'FE3'));
    expect(numbers(both(), q('结婚登记人数', 'FE3'))).toEqual(first);
    const reversed = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part2, 'b.xlsx'), fe3(part1, 'a.xlsx')],
    });
    // Same units found: 城关镇 by its code in part 1, 东关街道 in part 2, the rest as before.
    expect(numbers(reversed, q('结婚登记人数', 'FE3'))).toEqual([40, 45, NaN, 8, NaN, 310]);
    expect(reversed.locate(q('结婚登记人数', 'FE3'), 1)).toEqual({
      file: 'b.xlsx',
      sheet: '民政（续）',
      cell: 'C3',
      value: '45',
    });
    const partOnly = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part2, 'b')],
    });
    // Part 2 alone: 城关镇 by name (99), 西关街道 no longer ambiguous (31).
    expect(numbers(partOnly, q('结婚登记人数', 'FE3'))).toEqual([99, 45, 31, 8, NaN, 310]);
    // 南关镇 known by the name 南关 this year: matched only through the canonical function.
    const renamed = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part1, 'a'), fe3(part2, 'b')],
      canonical: (u) => (u === '南关镇' ? '北关镇' : u),
    });
    // 南关镇 now reads as 北关镇: twice in part 1 and once in part 2 → ambiguous, blank; 北关镇
    // itself likewise.
    expect(numbers(renamed, q('结婚登记人数', 'FE3'))).toEqual([40, 45, NaN, NaN, NaN, 310]);
    // A former name in the other form's table (南关, this year 南关镇): found only through the
    // canonical function, after the same tables were indexed without it.
    const former = table('民政（续）', [
      ['地区', '结婚登记人数'],
      ['南关', 8],
    ]);
    const withFormer = (canonical?: (u: string) => string) =>
      tableDataset({
        current: { table: county, form: FE1 },
        others: [fe3(part1, 'a'), fe3(former, 'c')],
        ...(canonical ? { canonical } : {}),
      });
    expect(numbers(withFormer(), q('结婚登记人数', 'FE3'))[3]).toBeNaN();
    expect(
      numbers(
        withFormer((u) => (u === '南关' ? '南关镇' : u)),
        q('结婚登记人数', 'FE3'),
      )[3],
    ).toBe(8);
    expect(numbers(both(), q('结婚登记人数', 'FE3'))).toEqual(first);
  });

  it('locates each value in its own table, none for a blank', () => {
    const at = (r: number) => both().locate(q('结婚登记人数', 'FE3'), r);
    expect(at(0)).toEqual({ file: 'a.xlsx', sheet: '民政', cell: 'C2', value: '40' });
    expect(at(1)).toEqual({ file: 'b.xlsx', sheet: '民政（续）', cell: 'C3', value: '45' });
    expect(at(2)).toBeUndefined();
    expect(at(3)).toEqual({ file: 'b.xlsx', sheet: '民政（续）', cell: 'C5', value: '8' });
    expect(at(4)).toBeUndefined();
    expect(at(5)).toEqual({ file: 'b.xlsx', sheet: '民政（续）', cell: 'C6', value: '310' });
  });

  it('matches the total row with the only total row there is, whatever its name', () => {
    const noTotal = table('民政（续）', [
      ['地区', '结婚登记人数'],
      ['南关镇', 8],
    ]);
    const data = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part1, 'a'), fe3(noTotal, 'b')],
    });
    // 合计 ↔ 全县 (300); 南关镇 from the second table; the rest as with part 1 alone.
    expect(numbers(data, q('结婚登记人数', 'FE3'))).toEqual([40, 11, 30, 8, NaN, 300]);
  });

  it('reads numbers when one table holds the item as text', () => {
    // Read without the vocabulary, a column of mostly text is text: '待核' and '45'.
    const texty = table(
      '民政（续）',
      [
        ['地区', '结婚登记人数'],
        ['南关镇', '待核'],
        ['北关镇', '45'],
      ],
      plainIndex,
    );
    expect(texty.texts.size).toBe(2);
    const withPart1 = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(part1, 'a'), fe3(texty, 'b')],
    });
    // 南关镇's '待核' is no number → blank; 北关镇 twice in part 1 and once here → blank.
    expect(numbers(withPart1, q('结婚登记人数', 'FE3'))).toEqual([40, 11, 30, NaN, NaN, 300]);
    const withPart2 = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(texty, 'b'), fe3(part2, 'c')],
    });
    // 城关镇 (no code in either) 99, 东关街道 45 by code and 西关街道 31, all from part 2;
    // 南关镇 in both → blank; 北关镇 '45' read as 45; 合计 with part 2's only total row.
    expect(numbers(withPart2, q('结婚登记人数', 'FE3'))).toEqual([99, 45, 31, NaN, 45, 310]);
    expect(withPart2.locate(q('结婚登记人数', 'FE3'), 4)).toEqual({
      file: 'b',
      sheet: '民政（续）',
      cell: 'B3',
      value: '45',
    });
    const textOnly = tableDataset({
      current: { table: county, form: FE1 },
      others: [fe3(texty, 'b')],
    });
    expect(textOnly.column(q('结婚登记人数', 'FE3'))).toEqual({
      kind: 'text',
      values: [null, null, null, '待核', '45', null],
    });
  });
});

describe('PREV(…) over every previous-period table', () => {
  const prevHealthA = table('卫生', [
    ['乡镇', '活产数'],
    ['甲镇', 90],
  ]);
  const prevHealthB = table('卫生', [
    ['乡镇', '活产数'],
    ['乙镇', 70],
  ]);
  const prevCivilA = table('民政', [
    ['乡镇', '结婚登记人数'],
    ['甲镇', 60],
  ]);
  const prevCivilB = table('民政', [
    ['乡镇', '结婚登记人数'],
    ['乙镇', 110],
  ]);
  const previous = [
    fe3(prevCivilA, 'twnA-2024.xlsx'),
    fe1(prevHealthA, 'twnA-2024.xlsx'),
    fe3(prevCivilB, 'twnB-2024.xlsx'),
    fe1(prevHealthB, 'twnB-2024.xlsx'),
  ];
  const data = (): TableDataset =>
    tableDataset({ current: fe1(healthB, 'twnB.xlsx'), others: othersOf, previous });

  it('reads this form’s previous value from the table holding the unit', () => {
    expect(numbers(data(), q('活产数', undefined, true))).toEqual([70]);
    expect(numbers(data(), q('活产数', 'FE1', true))).toEqual([70]);
    expect(numbers(data(), q('活产数', '妇幼健康', true))).toEqual([70]);
    // |100 / 70 − 1| ≈ 0.43 > 0.3; before, only 甲镇's table was read and this was unknown.
    expect(check('ABS([活产数] / PREV([活产数]) - 1) <= 0.3', data())).toEqual(['F']);
    expect(data().locate(q('活产数', undefined, true), 0)).toEqual({
      file: 'twnB-2024.xlsx',
      sheet: '卫生',
      cell: 'B2',
      value: '70',
    });
  });

  it('reads another form’s previous value the same way', () => {
    expect(numbers(data(), q('结婚登记人数', 'FE3', true))).toEqual([110]);
    expect(data().locate(q('结婚登记人数', 'FE3', true), 0)).toMatchObject({
      file: 'twnB-2024.xlsx',
      cell: 'B2',
    });
    // 120 vs 110: within 30%.
    expect(check('ABS([FE3!结婚登记人数] / PREV([FE3!结婚登记人数]) - 1) <= 0.3', data())).toEqual([
      'T',
    ]);
  });

  it('blanks a unit found in two previous tables of the form', () => {
    const twice = tableDataset({
      current: fe1(healthB, 'twnB.xlsx'),
      previous: [fe1(prevHealthB, 'x.xlsx'), fe1(prevHealthB, 'y.xlsx')],
    });
    expect(numbers(twice, q('活产数', undefined, true))).toEqual([NaN]);
    expect(twice.locate(q('活产数', undefined, true), 0)).toBeUndefined();
  });

  it('takes a single previous table of no named form as this form’s', () => {
    const single = tableDataset({
      current: fe1(healthB, 'twnB.xlsx'),
      previous: [{ table: prevHealthB }],
    });
    expect(numbers(single, q('活产数', undefined, true))).toEqual([70]);
    const none = tableDataset({ current: fe1(healthB, 'twnB.xlsx') });
    expect(none.lookup(q('活产数', undefined, true))).toEqual({
      found: false,
      missing: 'previous',
      candidates: [],
    });
    expect(data().lookup(q('活产数', 'FE2', true))).toEqual({
      found: false,
      missing: 'form',
      candidates: ['FE3', 'FE1'],
    });
  });
});
