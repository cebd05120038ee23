import fc from 'fast-check';
import { a1 } from '../../src/core/model/a1';
import type { WorkbookData } from '../../src/core/model/workbook';
import { recogniseForms } from '../../src/core/read/forms';
import { buildDataset, valueOf, type ItemValue } from '../../src/core/rollup/dataset';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { expectEqual, runs } from '../support/property';

/**
 * The dataset's values by unit and item (rollup/dataset.ts `itemColumns`), whose items held by
 * the same tables share one array of rows, against a brute force that reads each item on its
 * own: a unit's value is its first row in a table holding the item, in reading order; a later
 * row of another value marks a conflict. Files and sheets hold random subsets of the items,
 * so items of one form fall in different groups.
 */
const ITEMS = ['活产数', '婴儿死亡数', '新生儿死亡数', '低出生体重儿数'] as const;
const UNITS = ['一村', '二村', '三村', '四村', '五村'];

const sheetArb = fc.record({
  // 活产数 always, so every sheet is the same form; the others at random.
  more: fc.subarray(ITEMS.slice(1) as unknown as string[]),
  rows: fc.array(
    fc.record({
      unit: fc.constantFrom(...UNITS),
      values: fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), {
        minLength: ITEMS.length,
        maxLength: ITEMS.length,
      }),
    }),
    { minLength: 1, maxLength: 6 },
  ),
});
const filesArb = fc.array(fc.array(sheetArb, { minLength: 1, maxLength: 2 }), {
  minLength: 1,
  maxLength: 3,
});

type Files = typeof filesArb extends fc.Arbitrary<infer T> ? T : never;

function workbooks(files: Files): WorkbookData[] {
  return files.map((sheets, f) => ({
    source: `f${f}.xlsx`,
    sheets: sheets.map((s, k) => {
      const items = ['活产数', ...ITEMS.filter((i) => s.more.includes(i))];
      return {
        name: `卫健${k}`,
        origin: { row: 0, col: 0 },
        rows: [
          ['地区', ...items],
          ...s.rows.map((r) => [
            r.unit,
            ...items.map((i) => r.values[ITEMS.indexOf(i as never)] ?? null),
          ]),
        ],
      };
    }),
  }));
}

test('each item’s values by unit are the brute force’s, item by item', () => {
  fc.assert(
    fc.property(filesArb, (files) => {
      const rec = recogniseForms(workbooks(files), defaultProfile(), defaultIndex());
      const ds = buildDataset(rec, '全部地区');
      const items = [...ds.items.keys()];
      // Brute force, one item at a time.
      const expected = new Map<string, ItemValue>();
      for (const item of items) {
        for (const fs of rec.forms) {
          const col = fs.table.columns.find((c) => c.item?.id === item);
          if (!col) continue;
          fs.table.records.forEach((r, i) => {
            if (r.role !== 'unit') return;
            const key = ds.hierarchy.resolve({ name: r.unit });
            const v = fs.table.numbers.get(col.col)?.[i] ?? NaN;
            const at = `${item}|${key}`;
            const first = expected.get(at);
            if (!first) {
              expected.set(at, {
                value: v,
                source: fs.source,
                sheet: fs.sheet,
                cell: a1(r.row, col.col),
              });
              return;
            }
            const same = (Number.isNaN(v) && Number.isNaN(first.value)) || v === first.value;
            if (!same) first.conflict = true;
          });
        }
      }
      const actual = new Map<string, ItemValue>();
      for (const item of items)
        for (const key of ds.units) {
          const v = valueOf(ds, key, item);
          if (v) actual.set(`${item}|${key}`, v);
        }
      expectEqual([...actual].sort(), [...expected].sort());
    }),
    runs(300),
  );
});
