import { readTable } from '../../../src/core/read/table';
import { checkTableDuplicates, checkTotals } from '../../../src/core/validate/builtin';
import type { SheetData } from '../../../src/core/model/workbook';
import { defaultIndex } from '../../support/fixtures';

function sheet(rows: (string | number | null)[][]): SheetData {
  return { name: '表', origin: { row: 0, col: 0 }, rows };
}

function table(rows: (string | number | null)[][]) {
  const t = readTable(sheet(rows), defaultIndex());
  if (!t) throw new Error('no table');
  return { source: 'x.xlsx', sheet: '表', table: t };
}

describe('built-in checks without a written rule', () => {
  test('小计 rows add up their own units; 合计 adds up every unit', () => {
    const st = table([
      ['地区', '活产数'],
      ['一村', 10],
      ['二村', 20],
      ['小计', 30], // 10 + 20 ✓
      ['三村', 5],
      ['小计', 6], // 5 ≠ 6 ✗
      ['合计', 35], // 10 + 20 + 5 ✓ (the 小计 rows are not counted again)
    ]);
    const f = checkTotals(st, 'zh');
    expect(f.map((x) => [x.unit, x.cells[0]?.cell, x.message])).toEqual([
      ['小计', 'B6', '合计行“活产数”为 6，各单位之和为 5，相差 1'],
    ]);
  });

  test('a unit twice in one sheet, by name folded for width and spaces', () => {
    const st = table([
      ['地区', '活产数'],
      ['东城街道', 1],
      ['西山镇', 2],
      ['东城 街道', 3],
    ]);
    expect(checkTableDuplicates(st, 'en').map((f) => [f.unit, f.message])).toEqual([
      [
        '东城 街道',
        'reporting unit "东城 街道" appears twice in this form (rows 2 and 4); only the first counts',
      ],
    ]);
  });
});
