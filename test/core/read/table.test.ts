import { readTable, type Table } from '../../../src/core/read/table';
import { defaultIndex, loadXlsx } from '../../support/fixtures';

async function table(file: string, sheet = 0): Promise<Table> {
  const wb = await loadXlsx('quirks', file);
  const s = wb.sheets[sheet];
  if (!s) throw new Error(`${file} has no sheet ${sheet}`);
  const t = readTable(s, defaultIndex());
  if (!t) throw new Error(`no table found in ${file}`);
  return t;
}

function itemIds(t: Table): (string | undefined)[] {
  return t.columns.map((c) => c.item?.id ?? c.kind);
}

function numbers(t: Table, itemId: string): number[] {
  const col = t.columns.find((c) => c.item?.id === itemId);
  if (!col) throw new Error(`no column for ${itemId}`);
  return Array.from(t.numbers.get(col.col) ?? []);
}

describe('header recognition on real workbooks', () => {
  test('title-rows.xlsx: header found in row 4 below two title rows; unit suffixes and line breaks normalised', async () => {
    const t = await table('title-rows.xlsx');
    expect(t.headerRows).toEqual([3]); // 0-based row 3 = sheet row 4
    expect(t.titles).toEqual(['2025年妇幼健康监测统计表', '填报单位：某某市卫生健康局 2025年度']);
    expect(itemIds(t)).toEqual([
      'unit',
      'live_births',
      'live_births_male',
      'live_births_female',
      'maternal_deaths',
    ]);
    expect(t.columns.map((c) => c.unit)).toEqual([undefined, '人', '人', '人', '人']);
    expect(t.records.map((r) => [r.unit, r.isTotal])).toEqual([
      ['东城街道', false],
      ['西山镇', false],
      ['合  计', true], // spaces inside 合计 do not hide a total row
    ]);
    expect(numbers(t, 'live_births')).toEqual([512, 301, 813]);
    expect(t.notices).toEqual([]);
    expect(t.typeErrors).toEqual([]);
  });

  test('merged-header.xlsx: a two-row merged header collapses into item names; the 栏号 row is skipped', async () => {
    const t = await table('merged-header.xlsx');
    expect(t.headerRows).toEqual([1, 2]);
    expect(itemIds(t)).toEqual([
      'unit',
      'live_births',
      'live_births_male',
      'live_births_female',
      'infant_deaths',
      'neonatal_deaths',
    ]);
    expect(t.columns[2]?.header).toBe('活产数（男）');
    expect(t.skippedRows).toEqual([3]);
    expect(t.records.map((r) => r.unit)).toEqual(['东城街道', '西山镇']);
    expect(numbers(t, 'live_births_female')).toEqual([242, 141]);
  });

  test('fullwidth-digits.xlsx: full-width digits read as numbers with a notice per cell', async () => {
    const t = await table('fullwidth-digits.xlsx');
    expect(numbers(t, 'village_committee_members')).toEqual([123, 88]);
    expect(numbers(t, 'village_committee_women')).toEqual([45, 30]);
    expect(t.notices.map((n) => [n.cell, n.raw, n.value, n.why])).toEqual([
      ['B2', '１２３', 123, 'fullwidth'],
      ['C2', '４５', 45, 'fullwidth'],
      ['C3', '３０', 30, 'fullwidth'],
    ]);
  });

  test('text-numbers.xlsx: disguised numbers, missing marks and type errors, each with its cell', async () => {
    const t = await table('text-numbers.xlsx');
    const employed = numbers(t, 'employed');
    // 1,234 | 2 345 | — | blank | 约300 | 0
    expect(employed.slice(0, 2)).toEqual([1234, 2345]);
    expect(employed.slice(2, 5).every(Number.isNaN)).toBe(true);
    expect(employed[5]).toBe(0); // zero stays zero
    const rate = t.columns.find((c) => c.header === '女性参保率（%）');
    expect(rate?.numeric).toBe(true);
    expect(rate?.unit).toBe('%');
    expect(Array.from(t.numbers.get(rate?.col ?? -1) ?? [])[0]).toBe(45);
    expect(t.notices.map((n) => `${n.cell}:${n.why}`)).toEqual([
      'B2:thousands',
      'B3:thousands',
      'C2:text',
      'C3:unitSuffix',
      'D2:percent',
    ]);
    expect(t.typeErrors.map((e) => [e.cell, e.raw, e.unit, e.why])).toEqual([
      ['B6', '约300', '青石乡', 'text'],
      ['C6', 'N/A?', '青石乡', 'text'],
      ['D6', '#DIV/0!', '青石乡', 'excelError'],
    ]);
  });

  test('unit-row-signature.xlsx: 计量单位 and 栏号 rows skipped, codes kept as 12 digits, note and signature are not records', async () => {
    const t = await table('unit-row-signature.xlsx');
    expect(t.skippedRows).toEqual([1, 2]);
    expect(itemIds(t)).toEqual(['code', 'unit', 'communities', 'communities_with_child_officer']);
    expect(t.columns[2]?.unit).toBe('个');
    expect(t.records.map((r) => [r.code, r.unit, r.isTotal])).toEqual([
      ['440183001000', '东城街道', false],
      ['440183101000', '西山镇', false],
      [undefined, '合计', true],
    ]);
  });
});

function records(t: Table): [string, string | undefined, boolean][] {
  return t.records.map((r) => [r.unit, r.code, r.isTotal]);
}

function columnNumbers(t: Table, col: number): number[] {
  return Array.from(t.numbers.get(col) ?? []);
}

describe('total rows', () => {
  test('merged-total-row.xlsx: 合计 merged across code and name keeps its text in the code column: a total row named 合计, no code', async () => {
    const t = await table('merged-total-row.xlsx');
    expect(itemIds(t)).toEqual([
      'code',
      'unit',
      'live_births',
      'live_births_male',
      'live_births_female',
    ]);
    expect(records(t)).toEqual([
      ['东城街道', '451281001000', false],
      ['西山镇', '451281101000', false],
      ['合计', undefined, true],
    ]);
    expect(t.codeIssues).toEqual([]); // 合计 is a label, not a bad code
    expect(numbers(t, 'live_births')).toEqual([120, 80, 200]);
  });

  test('total-labels.xlsx: 总  计 above the units (NBS layout), 城区小计 and 乡村小计 are total rows', async () => {
    const t = await table('total-labels.xlsx', 0);
    expect(records(t)).toEqual([
      ['总  计', undefined, true],
      ['城区小计', undefined, true],
      ['东城街道', undefined, false],
      ['西城街道', undefined, false],
      ['乡村小计', undefined, true],
      ['青山镇', undefined, false],
    ]);
  });

  test('total-labels.xlsx: 全镇合计 merged across 序号 and 乡镇 is found in the first text cell', async () => {
    const t = await table('total-labels.xlsx', 1);
    expect(t.columns.map((c) => c.kind)).toEqual(['other', 'unit', 'item', 'item', 'item']);
    expect(records(t)).toEqual([
      ['东城街道', undefined, false],
      ['西山镇', undefined, false],
      ['全镇合计', undefined, true],
    ]);
    expect(numbers(t, 'live_births_female')).toEqual([58, 39, 97]);
  });
});

describe('notes and signature lines are not records', () => {
  test('notes-and-signature.xlsx: 填表说明 and 数据来源 end the records', async () => {
    const t = await table('notes-and-signature.xlsx', 0);
    expect(records(t)).toEqual([
      ['东城街道', undefined, false],
      ['西山镇', undefined, false],
      ['全市合计', undefined, true],
    ]);
    expect(numbers(t, 'live_births')).toEqual([120, 80, 200]);
    expect(t.typeErrors).toEqual([]);
    expect(t.stoppedAt).toBeUndefined();
  });

  test('notes-and-signature.xlsx: 负责人： / 制表： and 填表日期： in an item column end the records, with no type error', async () => {
    const t = await table('notes-and-signature.xlsx', 1);
    expect(t.records.map((r) => r.unit)).toEqual(['东城街道', '西山镇', '全市合计']);
    expect(t.typeErrors).toEqual([]);
  });

  test('notes-and-signature.xlsx: any 标签：内容 line with the item cells empty ends the records; a remark with a colon does not', async () => {
    const t = await table('notes-and-signature.xlsx', 2);
    // 南湖镇 reported nothing and has 原因：未上报 in 备注: still a record. 编制单位：… ends the
    // records, so 某某镇 below it is not read.
    expect(t.records.map((r) => r.unit)).toEqual(['东城街道', '南湖镇', '西山镇', '全市合计']);
    expect(numbers(t, 'live_births')).toEqual([120, NaN, 80, 200]);
    expect(t.texts.get(4)).toEqual([null, '原因：未上报', null, null]);
  });
});

describe('another table on the same sheet', () => {
  const FE1 = [
    ['东城街道', undefined, false],
    ['西山镇', undefined, false],
    ['合计', undefined, true],
  ];

  test('two-tables-one-sheet.xlsx: records stop at the second table’s title (row 7); where is recorded', async () => {
    const t = await table('two-tables-one-sheet.xlsx', 0);
    expect(records(t)).toEqual(FE1);
    expect(t.stoppedAt).toEqual({ row: 6, reason: 'anotherTable' });
    expect(numbers(t, 'live_births')).toEqual([120, 80, 200]);
    expect(t.typeErrors).toEqual([]);
  });

  test('two-tables-one-sheet.xlsx: without a title, records stop at the second header (row 7)', async () => {
    const t = await table('two-tables-one-sheet.xlsx', 1);
    expect(records(t)).toEqual(FE1);
    expect(t.stoppedAt).toEqual({ row: 6, reason: 'anotherTable' });
    expect(t.typeErrors).toEqual([]);
  });

  test('two-tables-one-sheet.xlsx: a table after the signature line is reported from its title (row 8)', async () => {
    const t = await table('two-tables-one-sheet.xlsx', 2);
    expect(records(t)).toEqual(FE1);
    // Row 8 title, row 9 填报单位：…, row 10 the header.
    expect(t.stoppedAt).toEqual({ row: 7, reason: 'anotherTable' });
  });

  test('a sheet with one table has no stoppedAt', async () => {
    expect((await table('title-rows.xlsx')).stoppedAt).toBeUndefined();
  });
});

describe('percent strings in a column the vocabulary does not know', () => {
  test('percent-strings.xlsx: values like 92.5% make a % column read as numbers, with a notice each', async () => {
    const t = await table('percent-strings.xlsx');
    const rate = t.columns[3];
    expect(rate?.header).toBe('孕产妇系统管理率');
    expect(rate?.kind).toBe('other');
    expect(rate?.unit).toBe('%');
    expect(rate?.numeric).toBe(true);
    expect(columnNumbers(t, 3)).toEqual([92.5, 90, NaN, 85]);
    expect(t.notices.map((n) => [n.cell, n.raw, n.value, n.why])).toEqual([
      ['D2', '92.5%', 92.5, 'percent'],
      ['D3', '90%', 90, 'percent'],
      ['D5', '８５％', 85, 'percent'],
    ]);
    expect(t.typeErrors).toEqual([]);
    expect(t.missingMarks).toEqual(new Map([['D4', '—']]));
  });

  test('percent-strings.xlsx: one % string among numbers does not make a % column: a type error', async () => {
    const t = await table('percent-strings.xlsx', 1);
    const rate = t.columns[2];
    expect(rate?.header).toBe('筛查率');
    expect(rate?.unit).toBeUndefined();
    expect(rate?.numeric).toBe(true); // 4 of 5 values are numbers
    expect(columnNumbers(t, 2)).toEqual([0.9, 0.85, NaN, 0.8, 0.95]);
    expect(t.typeErrors.map((e) => [e.cell, e.raw, e.unit, e.why])).toEqual([
      ['C4', '88%', '南湖镇', 'text'],
    ]);
    expect(t.notices).toEqual([]);
  });
});

describe('two columns naming the same item', () => {
  test('duplicate-item-columns.xlsx: the first is the item; the second is a numeric other column marked duplicateOf', async () => {
    const t = await table('duplicate-item-columns.xlsx');
    expect(itemIds(t)).toEqual([
      'unit',
      'live_births',
      'live_births_male',
      'live_births_female',
      'other',
    ]);
    const dup = t.columns[4];
    expect(dup?.header).toBe('活产儿数（人）');
    expect(dup?.duplicateOf).toBe('live_births');
    expect(dup?.item).toBeUndefined();
    expect(dup?.numeric).toBe(true);
    expect(t.columns.filter((c) => c.item?.id === 'live_births').map((c) => c.col)).toEqual([1]);
    expect(numbers(t, 'live_births')).toEqual([120, 80]);
    expect(columnNumbers(t, 4)).toEqual([999, 888]);
    expect(t.columns[1]?.duplicateOf).toBeUndefined();
  });
});

describe('division codes', () => {
  test('bad-codes.xlsx: codes normalised (number, apostrophe, spaces, full width); the rest listed as code issues', async () => {
    const t = await table('bad-codes.xlsx');
    expect(records(t)).toEqual([
      ['东城街道', '451281001000', false],
      ['西城街道', '451281002000', false],
      ['河滨街道', '451281003000', false],
      ['青山镇', '451281100000', false],
      ['石门镇', undefined, false],
      ['白沙镇', undefined, false],
      ['龙潭镇', undefined, false],
      ['桃源镇', undefined, false],
      ['合计', '451281', true],
    ]);
    expect(t.codeIssues).toEqual([
      { cell: 'A6', raw: '4.51281E+11', unit: '石门镇' },
      { cell: 'A7', raw: '451281101000.5', unit: '白沙镇' },
      { cell: 'A8', raw: '45128110200', unit: '龙潭镇' },
    ]);
  });

  test('unit-row-signature.xlsx: good codes leave no issue', async () => {
    expect((await table('unit-row-signature.xlsx')).codeIssues).toEqual([]);
  });
});

describe('a unit column whose header is not known', () => {
  const UNITS = [
    ['东城街道', undefined, false],
    ['西山镇', undefined, false],
    ['合计', undefined, true],
  ];

  test('unit-header-unknown.xlsx: 单位（乡镇） is the first text column left of the items; 序号 (numbers) is not', async () => {
    const t = await table('unit-header-unknown.xlsx', 0);
    expect(t.columns.map((c) => [c.header, c.kind, c.numeric])).toEqual([
      ['序号', 'other', true],
      ['单位（乡镇）', 'unit', false],
      ['活产数', 'item', true],
      ['男婴活产数', 'item', true],
      ['女婴活产数', 'item', true],
    ]);
    expect(records(t)).toEqual(UNITS);
  });

  test('unit-header-unknown.xlsx: a blank header over text in column A makes column A the unit column', async () => {
    const t = await table('unit-header-unknown.xlsx', 1);
    expect(t.columns[0]).toEqual({ col: 0, header: '', key: '', kind: 'unit', numeric: false });
    expect(records(t)).toEqual(UNITS);
    expect(t.texts.get(0)).toEqual(['东城街道', '西山镇', '合计']);
    expect(numbers(t, 'live_births')).toEqual([120, 80, 200]);
  });

  test.each([
    [2, '乡镇名称'],
    [3, '乡镇街道'],
  ])('unit-header-unknown.xlsx sheet %d: %s is known as a unit header', async (sheet, header) => {
    const t = await table('unit-header-unknown.xlsx', sheet);
    expect(t.columns[0]?.header).toBe(header);
    expect(t.columns[0]?.kind).toBe('unit');
    expect(records(t)).toEqual(UNITS);
  });
});

describe('the English template', () => {
  test('english-template-headers.xlsx: `区划代码 code` and `乡镇（街道） unit` are the code and unit columns', async () => {
    const t = await table('english-template-headers.xlsx');
    expect(t.headerRows).toEqual([2]);
    expect(itemIds(t)).toEqual([
      'code',
      'unit',
      'live_births',
      'live_births_male',
      'live_births_female',
    ]);
    expect(records(t)).toEqual([
      ['甲镇', '451281001000', false],
      ['乙镇', '451281002000', false],
      ['合计', undefined, true],
    ]);
    expect(t.codeIssues).toEqual([]);
  });
});
