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
