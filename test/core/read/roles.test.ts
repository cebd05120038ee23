import type { Cell } from '../../../src/core/model/cell';
import { readTable } from '../../../src/core/read/table';
import { defaultIndex } from '../../support/fixtures';

/** Row roles (issue 8) on small hand-written grids: which rows are units, and why the others are not. */
function roles(rows: Cell[][], titles: string[] = []): [string, string, number[]?][] {
  const t = readTable(
    { name: 'S', origin: { row: 0, col: 0 }, rows: [...titles.map((x) => [x]), ...rows] },
    defaultIndex(),
  );
  if (!t) throw new Error('no table');
  return t.records.map((r) => {
    const label = r.role === 'unit' && r.repeatOf !== undefined ? 'repeat' : r.role;
    return r.parts ? [r.unit, label, r.parts.map((p) => t.records[p]?.row ?? -1)] : [r.unit, label];
  });
}

const HEAD: Cell[] = ['地区', '3-5岁儿童数', '在园幼儿数', '15-17岁人口数'];

test('townships below their villages (bottom-up) add up the villages above them', () => {
  expect(
    roles([
      HEAD,
      ['东村', 10, 9, 8],
      ['西村', 20, 18, 12],
      ['甲镇', 30, 27, 20],
      ['南村', 15, 12, 10],
      ['北村', 25, 20, 15],
      ['乙镇', 40, 32, 25],
    ]),
  ).toEqual([
    ['东村', 'unit'],
    ['西村', 'unit'],
    ['甲镇', 'subtotal', [1, 2]],
    ['南村', 'unit'],
    ['北村', 'unit'],
    ['乙镇', 'subtotal', [4, 5]],
  ]);
});

test('a township row that does not add up is still its villages’ subtotal (and the total check will say so)', () => {
  const r = roles([
    HEAD,
    ['甲镇', 31, 27, 20], // 10 + 20 = 30, not 31
    ['东村', 10, 9, 8],
    ['西村', 20, 18, 12],
    ['乙镇', 40, 32, 25],
    ['南村', 15, 12, 10],
    ['北村', 25, 20, 15],
  ]);
  expect(r.map((x) => x[1])).toEqual(['subtotal', 'unit', 'unit', 'subtotal', 'unit', 'unit']);
});

test('an unlabelled last row equal to the sum of all the others is the total', () => {
  expect(
    roles([HEAD, ['甲', 10, 9, 8], ['乙', 20, 18, 12], ['丙', 5, 4, 3], ['青川', 35, 31, 23]]).map(
      (x) => x[1],
    ),
  ).toEqual(['unit', 'unit', 'unit', 'total']);
});

test('a row named as the area in the title is the total, whatever its name ends in', () => {
  expect(
    roles(
      [HEAD, ['青川', 36, 31, 23], ['甲', 10, 9, 8], ['乙', 20, 18, 12], ['丙', 5, 4, 3]],
      ['青川2025年教育统计表'],
    ).map((x) => x[1]),
  ).toEqual(['total', 'unit', 'unit', 'unit']);
});

test('a county-level city among counties is a unit unless its numbers are the sum', () => {
  expect(
    roles([
      HEAD,
      ['甲县', 10, 9, 8],
      ['乙市', 20, 18, 12],
      ['丙区', 5, 4, 3],
      ['丁县', 7, 6, 5],
    ]).map((x) => x[1]),
  ).toEqual(['unit', 'unit', 'unit', 'unit']);
});

test('breakdown rows in their several spellings are parts, never units', () => {
  expect(
    roles([
      HEAD,
      ['甲镇', 100, 90, 80],
      ['其中：城镇', 60, 50, 40],
      ['农村', 40, 40, 40],
      ['乙镇', 50, 40, 30],
      ['（女）', 25, 20, 15],
    ]).map((x) => x[1]),
  ).toEqual(['unit', 'breakdown', 'breakdown', 'unit', 'breakdown']);
});

test('coincidence is not a subtotal: a row equal to the next rows in one column only stays a unit', () => {
  expect(
    roles([HEAD, ['甲', 30, 9, 8], ['乙', 10, 18, 12], ['丙', 20, 4, 3], ['丁', 5, 7, 9]]).map(
      (x) => x[1],
    ),
  ).toEqual(['unit', 'unit', 'unit', 'unit']);
});

test('a chain of unlabelled rows each the sum of the rows under it, covering the table, are subtotals', () => {
  expect(
    roles([
      HEAD,
      ['一片', 30, 27, 20],
      ['甲', 10, 9, 8],
      ['乙', 20, 18, 12],
      ['二片', 40, 32, 25],
      ['丙', 15, 12, 10],
      ['丁', 25, 20, 15],
    ]).map((x) => x[1]),
  ).toEqual(['subtotal', 'unit', 'unit', 'subtotal', 'unit', 'unit']);
});
