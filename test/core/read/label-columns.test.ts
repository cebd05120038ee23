import { readTable } from '../../../src/core/read/table';
import { defaultIndex } from '../../support/fixtures';

/**
 * A village form names its township in a column of its own, before or after the village's
 * (read/columns.ts `unitColumns`): the villages are the units either way, each in its township.
 */
function read(header: string[], rows: (string | number | null)[][]) {
  const table = readTable(
    { name: '卫健', origin: { row: 0, col: 0 }, rows: [header, ...rows] },
    defaultIndex(),
  );
  if (!table) throw new Error('no table');
  return table.records.map((r) => [r.unit, r.area ?? null, r.role]);
}

const ITEMS = ['活产数', '男婴活产数', '女婴活产数'];

test.each([
  ['乡镇 | 村', ['乡镇', '村（社区）', ...ITEMS], (t: string, v: string) => [t, v]],
  ['村 | 乡镇', ['村（社区）', '乡镇', ...ITEMS], (t: string, v: string) => [v, t]],
])('%s: the villages are the units, each under its township', (_, header, order) => {
  const rows = [
    [...order('甲镇', '一村'), 10, 5, 5],
    [...order('甲镇', '二村'), 20, 11, 9],
    [...order('乙镇', '三村'), 35, 18, 17],
  ];
  expect(read(header, rows)).toEqual([
    ['一村', '甲镇', 'unit'],
    ['二村', '甲镇', 'unit'],
    ['三村', '乙镇', 'unit'],
  ]);
});

test('a township written once for its block holds for the rows under it', () => {
  expect(
    read(
      ['乡镇', '村', ...ITEMS],
      [
        ['甲镇', '一村', 10, 5, 5],
        [null, '二村', 20, 11, 9],
        ['合计', null, 30, 16, 14],
      ],
    ),
  ).toEqual([
    ['一村', '甲镇', 'unit'],
    ['二村', '甲镇', 'unit'],
    ['合计', null, 'total'],
  ]);
});
