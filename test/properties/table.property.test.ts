import fc from 'fast-check';
import { parseA1, type RangeRef } from '../../src/core/model/a1';
import { CellError, isBlank, type Cell } from '../../src/core/model/cell';
import { fromSheetData } from '../../src/core/model/columnar';
import type { RowSheet as SheetData } from '../../src/core/model/workbook';
import { readTable, type Table, type TableRecord } from '../../src/core/read/table';
import { defaultIndex } from '../support/fixtures';
import { expectEqual, runs } from '../support/property';

/**
 * The table reader (items.md) over random grids — ragged rows, blank rows, merged areas, a used
 * range that does not start at A1 — never throws and never changes the sheet; every record it
 * reads has exactly one row role, and the roles add up to the records read; no non-blank row
 * under the header is dropped silently between two records; the value arrays line up with the
 * records. Over generated forms whose answer is known (a header of known items, township rows,
 * total rows, blank rows, a merged title), it reads exactly the rows and numbers written.
 */

/** The row roles of the reader (issue 8 gives every record a `role`). */
const ROLES = ['unit', 'total', 'subtotal', 'breakdown', 'note'] as const;
type Role = (typeof ROLES)[number];
/** The record's role. When `TableRecord.role` lands (main, issue 8) this is `(r) => r.role`. */
const roleOf = (r: TableRecord): Role => (r.isTotal ? 'total' : 'unit');

const index = defaultIndex();

// ---- random grids ----

const WORDS = [
  // headers the profile knows
  '乡镇',
  '地区',
  '单位名称',
  '区划代码',
  '代码',
  '活产数',
  '男婴活产数',
  '女婴活产数',
  '孕产妇死亡数',
  '婴儿死亡数',
  '在园幼儿数',
  '活产数\n（人）',
  // labels of rows
  '合计',
  '总  计',
  '全县合计',
  '城区小计',
  '小计',
  '其中：城镇',
  '农村',
  '一、城区',
  '东城街道',
  '西山镇',
  '青川镇',
  '南河乡',
  '青川县',
  // codes, unit and column-code rows
  '510802',
  '510802001',
  '４５１２８１',
  '人',
  '（人）',
  '计量单位',
  '甲',
  '乙',
  '1',
  '2',
  // numbers in disguise and not
  '１２３',
  '1,234',
  '12人',
  '45%',
  '约300',
  '—',
  '/',
  '无',
  '不详',
  // titles, notes and signatures
  '2025年青川县妇幼健康统计表',
  '填报单位：青川县卫生健康局',
  '注：数据来源于卫健委',
  '填表人：张三',
  '联系电话：12345678',
  '单位负责人：',
];

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 4, arbitrary: fc.constant(null) },
  { weight: 5, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 4, arbitrary: fc.integer({ min: -10, max: 100_000 }) },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constantFrom('#DIV/0!', '#N/A').map((c) => new CellError(c)) },
);

const anyRow: fc.Arbitrary<Cell[]> = fc.oneof(
  { weight: 1, arbitrary: fc.constant<Cell[]>([]) },
  { weight: 6, arbitrary: fc.array(anyCell, { maxLength: 8 }) },
);

interface Grid {
  sheet: SheetData;
}

/** A used range at `origin`, with merged areas whose cells other than the first are blank. */
const grid: fc.Arbitrary<Grid> = fc
  .record({
    rows: fc.array(anyRow, { maxLength: 24 }),
    origin: fc.record({ row: fc.nat({ max: 5 }), col: fc.nat({ max: 3 }) }),
    merges: fc.array(
      fc.record({
        top: fc.nat({ max: 24 }),
        left: fc.nat({ max: 8 }),
        height: fc.nat({ max: 3 }),
        width: fc.nat({ max: 4 }),
      }),
      { maxLength: 4 },
    ),
  })
  .map(({ rows: generated, origin, merges }) => {
    // A copy: fast-check reuses generated values when it shrinks a counter-example.
    const rows = generated.map((r) => [...r]);
    const areas: RangeRef[] = merges.map((m) => ({
      top: origin.row + m.top,
      left: origin.col + m.left,
      bottom: origin.row + m.top + m.height,
      right: origin.col + m.left + m.width,
    }));
    // As a file gives them: only the merged area's first cell holds a value.
    for (const a of areas) {
      for (let r = a.top; r <= a.bottom; r++) {
        const row = rows[r - origin.row];
        if (!row) continue;
        for (let c = a.left; c <= a.right; c++) {
          if ((r !== a.top || c !== a.left) && c - origin.col < row.length)
            row[c - origin.col] = null;
        }
      }
    }
    return { sheet: { name: 'Sheet1', origin, rows, merges: areas } };
  });

/** A deep copy that keeps CellError instances, to show the sheet is left as it was. */
function copyOf(sheet: SheetData): SheetData {
  return {
    ...sheet,
    origin: { ...sheet.origin },
    rows: sheet.rows.map((r) => [...r]),
    merges: (sheet.merges ?? []).map((m) => ({ ...m })),
  };
}

function nonBlank(sheet: SheetData, row: number): boolean {
  return (sheet.rows[row - sheet.origin.row] ?? []).some((c) => !isBlank(c));
}

/**
 * What must hold of any table read, as a list of what does not (empty when all holds): one
 * `expect` per run keeps thousands of runs quick and a failure readable.
 */
function invariantFailures(sheet: SheetData, t: Table): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  // Every record has exactly one role, the roles add up to the records read, and a total is
  // what `isTotal` says it is.
  const count = new Map<Role, number>(ROLES.map((r) => [r, 0]));
  for (const rec of t.records) {
    const role = roleOf(rec);
    check(ROLES.includes(role), `row ${rec.row}: role ${role}`);
    count.set(role, (count.get(role) ?? 0) + 1);
    check(rec.isTotal === (role === 'total' || role === 'subtotal'), `row ${rec.row}: isTotal`);
    check(rec.unit !== '', `row ${rec.row}: no unit`);
  }
  const counted = [...count.values()].reduce((a, b) => a + b, 0);
  check(counted === t.records.length, `roles ${counted} ≠ records ${t.records.length}`);

  // Every value array lines up with the records; a number read is finite, else NaN.
  for (const [col, arr] of t.numbers) {
    check(arr.length === t.records.length, `numbers of column ${col}: length ${arr.length}`);
    for (const v of arr) check(Number.isNaN(v) || Number.isFinite(v), `column ${col}: ${v}`);
  }
  for (const [col, arr] of t.texts)
    check(arr.length === t.records.length, `texts of column ${col}: length ${arr.length}`);

  // A vertical form (main, issue 13) puts records in columns: the row checks do not apply.
  if ((t as { vertical?: true }).vertical) return bad;

  // Records: distinct rows, in order, below the header and the rows skipped under it, none
  // blank, above another table.
  const rows = t.records.map((r) => r.row);
  const below = Math.max(...t.headerRows, ...t.skippedRows);
  const bottom = sheet.origin.row + sheet.rows.length - 1;
  rows.forEach((r, i) => {
    check(r > below && r <= bottom, `record row ${r} outside ${below + 1}..${bottom}`);
    check(i === 0 || r > (rows[i - 1] ?? -1), `record row ${r} out of order`);
    check(nonBlank(sheet, r), `record row ${r} is blank`);
    check(!t.stoppedAt || r < t.stoppedAt.row, `record row ${r} after the stop`);
  });
  // No row is set aside silently between two records: from the first record to the last,
  // every non-blank row is a record.
  const first = rows[0];
  const last = rows[rows.length - 1];
  if (first !== undefined && last !== undefined) {
    const read = new Set(rows);
    for (let r = first; r <= last; r++)
      check(read.has(r) || !nonBlank(sheet, r), `row ${r} between records not read`);
  }

  // A finding names a cell of a record and of a numeric column; its value is NaN there (a type
  // error) or a number (a number in disguise).
  const recordAt = new Map(t.records.map((rec, i) => [rec.row, i]));
  const valueAt = (cell: string): number | undefined => {
    const { row, col } = parseA1(cell);
    const i = recordAt.get(row);
    const arr = t.numbers.get(col);
    check(i !== undefined && arr !== undefined, `${cell}: not a record's numeric cell`);
    return i === undefined ? undefined : arr?.[i];
  };
  for (const e of t.typeErrors) check(Number.isNaN(valueAt(e.cell)), `${e.cell}: type error read`);
  for (const n of t.notices)
    check(Number.isFinite(valueAt(n.cell) ?? NaN), `${n.cell}: disguised number not read`);
  return bad;
}

describe('the table reader over random grids', () => {
  test('never throws, never changes the sheet; every record has one role (2,000 runs)', () => {
    fc.assert(
      fc.property(grid, ({ sheet }) => {
        const before = copyOf(sheet);
        const t = readTable(sheet, index);
        expectEqual(sheet, before);
        if (t) expectEqual(invariantFailures(sheet, t), []);
      }),
      runs(2000),
    );
  });
});

/** What a table holds, as plain data (its numbers as arrays, whatever array they are). */
function contents(t: Table | undefined): unknown {
  if (!t) return undefined;
  return {
    ...t,
    numbers: [...t.numbers].map(([c, v]) => [c, Array.from(v)]),
  };
}

describe('a columnar sheet reads as its rows read', () => {
  // The reader takes numbers straight from a columnar sheet's arrays where nothing would change
  // them (values.ts sheetNumbers): the table must be the one the same cells give as rows.
  const same = (sheet: SheetData) =>
    expectEqual(
      contents(readTable(fromSheetData(sheet), index)),
      contents(readTable(sheet, index)),
    );

  test('random grids (2,000 runs)', () => {
    fc.assert(
      fc.property(grid, ({ sheet }) => same(sheet)),
      runs(2000),
    );
  });

  test('generated forms, one number in two made Infinity (2,000 runs)', () => {
    // A number cell of the form, by its place among them, made Infinity (a type error).
    const infinite = (sheet: SheetData, k: number): SheetData => {
      let seen = 0;
      const rows = sheet.rows.map((r) =>
        r.map((c) => (typeof c === 'number' && seen++ === k ? Infinity : c)),
      );
      return { ...sheet, rows };
    };
    let shared = 0;
    fc.assert(
      fc.property(form, fc.option(fc.nat({ max: 40 })), ({ sheet }, k) => {
        const s = k === null ? sheet : infinite(sheet, k);
        const t = readTable(fromSheetData(s), index);
        if (t && [...t.numbers.values()].some((v) => v.byteOffset > 0)) shared++;
        same(s);
      }),
      runs(2000),
    );
    // The shared path was taken, not only the copy.
    expect(shared).toBeGreaterThan(100);
  });
});

// ---- generated forms with a known answer ----

const ITEMS = ['活产数', '孕产妇死亡数', '婴儿死亡数', '在园幼儿数', '初中毕业生数'];
const TOWNS = ['东城街道', '西山镇', '青川镇', '南河乡', '北关街道', '石门镇', '龙泉乡', '白水镇'];
const TOTALS = ['合计', '总计', '合  计', '全县合计'];

interface Line {
  label: string;
  total: boolean;
  /** The numbers as read; `null` is written as a missing mark. */
  values: (number | null)[];
  /** Numbers written as text with a unit suffix (`12人`), a notice each. */
  suffixed: boolean[];
}

interface Form {
  sheet: SheetData;
  items: string[];
  lines: Line[];
}

const form: fc.Arbitrary<Form> = fc
  .record({
    items: fc.shuffledSubarray(ITEMS, { minLength: 2, maxLength: 4 }),
    titled: fc.boolean(),
    unitRow: fc.boolean(),
    origin: fc.record({ row: fc.nat({ max: 4 }), col: fc.nat({ max: 3 }) }),
    lines: fc.array(
      fc.record({
        total: fc.boolean(),
        town: fc.constantFrom(...TOWNS),
        totalLabel: fc.constantFrom(...TOTALS),
        // Unbiased, so no row equals the sum of others by chance.
        values: fc.array(
          fc.option(fc.noBias(fc.integer({ min: 1, max: 1_000_000 })), { freq: 8 }),
          { minLength: 4, maxLength: 4 },
        ),
        suffixed: fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }),
        blanksAfter: fc.nat({ max: 2 }),
      }),
      { minLength: 1, maxLength: 12 },
    ),
  })
  .map(({ items, titled, unitRow, origin, lines }): Form => {
    const width = items.length + 1;
    const rows: Cell[][] = [];
    const merges: RangeRef[] = [];
    if (titled) {
      rows.push(['2025年青川县妇幼健康统计表', ...Array<Cell>(width - 1).fill(null)]);
      merges.push({
        top: origin.row,
        left: origin.col,
        bottom: origin.row,
        right: origin.col + width - 1,
      });
    }
    rows.push(['乡镇', ...items]);
    if (unitRow) rows.push([null, ...items.map(() => '人')]);
    const read: Line[] = [];
    for (const l of lines) {
      const values = l.values.slice(0, items.length);
      const suffixed = l.suffixed.slice(0, items.length).map((s, j) => s && values[j] !== null);
      rows.push([
        l.total ? l.totalLabel : l.town,
        ...values.map((v, j) => (v === null ? '—' : suffixed[j] ? `${v}人` : v)),
      ]);
      for (let k = 0; k < l.blanksAfter; k++) rows.push(k % 2 ? [] : Array<Cell>(width).fill(null));
      read.push({ label: l.total ? l.totalLabel : l.town, total: l.total, values, suffixed });
    }
    return { sheet: { name: '妇幼', origin, rows, merges }, items, lines: read };
  });

describe('the table reader over generated forms', () => {
  test('reads exactly the rows, totals and numbers written (2,000 runs)', () => {
    fc.assert(
      fc.property(form, ({ sheet, items, lines }) => {
        const t = readTable(sheet, index);
        if (!t) throw new Error('no table found');
        const count = (f: (l: Line, j: number) => boolean): number =>
          lines.reduce((n, l) => n + items.filter((_, j) => f(l, j)).length, 0);
        // One comparison per run: what was read against what was written.
        expectEqual(
          {
            failures: invariantFailures(sheet, t),
            headers: t.columns.map((c) => c.header),
            records: t.records.map((r) => [r.unit, r.isTotal]),
            numbers: items.map((_, j) => Array.from(t.numbers.get(sheet.origin.col + 1 + j) ?? [])),
            notices: t.notices.length,
            typeErrors: t.typeErrors.length,
            missingMarks: t.missingMarks.size,
          },
          {
            failures: [],
            headers: ['乡镇', ...items],
            records: lines.map((l) => [l.label, l.total]),
            numbers: items.map((_, j) => lines.map((l) => l.values[j] ?? NaN)),
            notices: count((l, j) => l.suffixed[j] === true),
            typeErrors: 0,
            missingMarks: count((l, j) => l.values[j] === null),
          },
        );
      }),
      runs(2000),
    );
  });
});
