import { readTable } from '../../../src/core/read/table';
import {
  checkCompleteness,
  checkCounts,
  checkDuplicates,
  checkTableDuplicates,
  checkTotals,
} from '../../../src/core/validate/builtin';
import { recogniseForms } from '../../../src/core/read/forms';
import { buildDataset } from '../../../src/core/rollup/dataset';
import type { SheetData, WorkbookData } from '../../../src/core/model/workbook';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

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

  test('a 合计 row above its units (the NBS layout) adds up the rows below it', () => {
    const st = table([
      ['地区', '活产数', '婴儿死亡数'],
      ['合计', 300, 3],
      ['一村', 100, 1],
      ['二村', 200, 1], // 1 + 1 = 2 ≠ 3
    ]);
    expect(checkTotals(st, 'zh').map((f) => [f.cells[0]?.cell, f.message])).toEqual([
      ['C2', '合计行“婴儿死亡数”为 3，各单位之和为 2，相差 1'],
    ]);
  });

  test('a 小计 heading its block adds up the rows up to the next total', () => {
    const st = table([
      ['地区', '活产数'],
      ['小计', 30], // 10 + 20 ✓
      ['一村', 10],
      ['二村', 20],
      ['小计', 9], // 5 ≠ 9 ✗
      ['三村', 5],
    ]);
    expect(
      checkTotals(st, 'zh').map((f) => [f.cells[0]?.cell, f.cells.slice(1).map((c) => c.cell)]),
    ).toEqual([['B5', ['B6']]]);
  });

  test('rate columns are not added up', () => {
    const st = table([
      ['地区', '活产数', '婴儿死亡数', '婴儿死亡率(‰)', '筛查率'],
      ['一村', 100, 1, 10, 50],
      ['二村', 200, 1, 5, 60],
      ['合计', 300, 2, 6.67, 56.67],
    ]);
    expect(checkTotals(st, 'zh')).toEqual([]);
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
        'reporting unit "东城 街道" appears twice in this form (rows 2 and 4): equal values count once, differing ones are left out until checked',
      ],
    ]);
  });
});

describe('counts and completeness', () => {
  test('a negative count is an error, a fraction a warning', () => {
    const st = table([
      ['地区', '活产数', '婴儿死亡数'],
      ['一村', -5, 1],
      ['二村', 20, 0.5],
    ]);
    expect(
      checkCounts(st, 'zh').map((f) => [f.ruleId, f.severity, f.unit, f.cells[0]?.cell, f.message]),
    ).toEqual([
      ['NEGATIVE', 'error', '一村', 'B2', '“活产数”为负数 -5：计数不能小于 0'],
      [
        'FRACTION',
        'warning',
        '二村',
        'C3',
        '“婴儿死亡数”为 0.5，不是整数：人数、个数应为整数，请核实',
      ],
    ]);
  });

  test('without a region sheet or last year, a unit seen in other forms is expected in every form', () => {
    const wb: WorkbookData = {
      source: 'x.xlsx',
      sheets: [
        {
          name: '卫健',
          origin: { row: 0, col: 0 },
          rows: [
            ['地区', '活产数', '婴儿死亡数'],
            ['甲镇', 100, 1],
            ['乙镇', 90, 0],
            ['丙镇', 80, 0],
          ],
        },
        {
          name: '民政',
          origin: { row: 0, col: 0 },
          rows: [
            ['地区', '村委会成员数', '村委会女性成员数'],
            ['甲镇', 7, 2],
            ['丙镇', 6, 2],
          ],
        },
      ],
    };
    const ds = buildDataset(recogniseForms([wb], defaultProfile(), defaultIndex()), '全部地区');
    expect(checkCompleteness(ds, 'zh').map((f) => [f.sheet, f.unit, f.message])).toEqual([
      ['民政', '乙镇', '填报单位“乙镇”出现在其他报表中，但未出现在FE3 民政中'],
    ]);
  });

  test('a township that reported a form is not "missing" from it because its villages reported another', () => {
    const wb: WorkbookData = {
      source: 'x.xlsx',
      sheets: [
        {
          name: '卫健',
          origin: { row: 0, col: 0 },
          rows: [
            ['区划代码', '地区', '活产数', '婴儿死亡数'],
            ['451281100001', '一村', 50, 1],
            ['451281100002', '二村', 40, 0],
          ],
        },
        {
          name: '民政',
          origin: { row: 0, col: 0 },
          rows: [
            ['区划代码', '地区', '村委会成员数', '村委会女性成员数'],
            ['451281100000', '青山镇', 13, 4],
          ],
        },
      ],
    };
    const ds = buildDataset(recogniseForms([wb], defaultProfile(), defaultIndex()), '全部地区');
    expect(checkCompleteness(ds, 'zh')).toEqual([]);
  });

  test('a unit reported in two files: the message names where it was first', () => {
    const form = (source: string, rows: (string | number)[][]): WorkbookData => ({
      source,
      sheets: [
        {
          name: '卫健',
          origin: { row: 0, col: 0 },
          rows: [['地区', '活产数', '婴儿死亡数'], ...rows],
        },
      ],
    });
    const ds = buildDataset(
      recogniseForms(
        [
          form('甲.xlsx', [['甲镇', 100, 1]]),
          form('乙.xlsx', [
            ['乙镇', 90, 0],
            ['甲镇', 100, 1],
          ]),
        ],
        defaultProfile(),
        defaultIndex(),
      ),
      '全部地区',
    );
    expect(checkDuplicates(ds, 'zh').map((f) => [f.file, f.unit, f.message])).toEqual([
      [
        '乙.xlsx',
        '甲镇',
        '填报单位“甲镇”已在甲.xlsx「卫健」第 2 行报送过，本行（第 3 行）重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
      ],
    ]);
  });
});
