import { assess, SMALL_NUMBER } from '../../../src/core/assess/assess';
import type { Profile } from '../../../src/core/profile/profile';
import type { IndicatorDef, Target } from '../../../src/core/profile/schema';
import type { Table } from '../../../src/core/read/table';
import type { Dataset, ItemColumnData, SourceTable } from '../../../src/core/rollup/dataset';
import { Hierarchy, type RegionRow } from '../../../src/core/rollup/hierarchy';
import { defaultProfile } from '../../support/fixtures';

/**
 * assess() on a dataset written out by hand: 甲县 → 一镇 (一村, 二村), 二镇 (三村), 三镇 (no
 * unit reports). Every expected value is computed in the comments from the counts below —
 * Σ numerator / Σ denominator × scale, rounded half up to the indicator's decimals — never
 * taken from the code.
 */

const COUNTY = '450321000000';
const TOWN1 = '450321100000';
const TOWN2 = '450321101000';
const TOWN3 = '450321102000';
const V1 = '450321100001';
const V2 = '450321100002';
const V3 = '450321101001';

const REGIONS: RegionRow[] = [
  { code: COUNTY, name: '甲县' },
  { code: TOWN1, name: '一镇', parent: COUNTY },
  { code: V1, name: '一村', parent: TOWN1 },
  { code: V2, name: '二村', parent: TOWN1 },
  { code: TOWN2, name: '二镇', parent: COUNTY },
  { code: V3, name: '三村', parent: TOWN2 },
  { code: TOWN3, name: '三镇', parent: COUNTY },
];

/**
 * A dataset of the engine's shape (rollup/dataset.ts: each item's values by unit index), as if
 * read from one sheet 表 of x.xlsx with a row per unit (unit i on sheet row i + 1) and a column
 * per item. A missing key is an item the unit did not report.
 */
function dataset(
  values: Record<string, Record<string, number>>,
  regions: RegionRow[] = REGIONS,
): Dataset {
  const units = Object.keys(values);
  const itemIds = [...new Set(Object.values(values).flatMap((v) => Object.keys(v)))];
  const items = new Map<string, ItemColumnData>();
  for (const id of itemIds) {
    const n = units.length;
    const col: ItemColumnData = {
      value: new Float64Array(n).fill(NaN),
      table: new Int32Array(n).fill(-1),
      record: new Int32Array(n).fill(-1),
      conflict: new Uint8Array(n),
      conflicts: [],
    };
    units.forEach((unit, u) => {
      const v = values[unit]?.[id];
      if (v === undefined) return;
      col.value[u] = v;
      col.table[u] = 0;
      col.record[u] = u;
    });
    items.set(id, col);
  }
  const table = {
    sheet: '表',
    records: units.map((unit, u) => ({ row: u + 1, unit, role: 'unit', isTotal: false })),
  } as unknown as Table; // only what cellOf reads: the records' rows
  const source: SourceTable = {
    source: 'x.xlsx',
    sheet: '表',
    table,
    columns: new Map(itemIds.map((id, j) => [id, j + 1])),
    forms: [],
  };
  return {
    hierarchy: Hierarchy.build(regions, [], '甲县'),
    forms: [],
    tables: [source],
    units,
    unitIndex: new Map(units.map((unit, u) => [unit, u])),
    items,
    formUnits: new Map(),
    totals: [],
    unlisted: [],
    regionRows: regions,
    unread: [],
  };
}

function indicator(
  id: string,
  numerator: string,
  denominator: string,
  scale: number,
  target: Target,
  direction: IndicatorDef['direction'],
): IndicatorDef {
  const base = defaultProfile().indicators[0];
  if (!base) throw new Error('the default profile has no indicator');
  return { ...base, id, numerator, denominator, scale, target, direction, decimals: 2 };
}

const profile: Profile = {
  ...defaultProfile(),
  indicators: [
    indicator('A', 'n', 'd', 100, { kind: 'atLeast', value: 90 }, 'higher'),
    indicator('B', 'm', 'd', 1000, { kind: 'atMost', value: 4 }, 'lower'),
    indicator('C', 'z', 'zd', 100, { kind: 'atLeast', value: 50 }, 'higher'),
    indicator('D', 'q', 'qd', 100, { kind: 'atLeast', value: 50 }, 'higher'),
    indicator('E', 'e', 'ed', 100, { kind: 'atLeast', value: 1 }, 'higher'),
  ],
};

const current = () =>
  dataset({
    // 二村's n is blank: left out of A's numerator and denominator both.
    [V1]: { n: 9, d: 10, m: 1, z: 0, zd: 0, e: 201, ed: 20000 },
    [V2]: { n: NaN, d: 20, m: 0 },
    [V3]: { n: 181, d: 200, m: 0, e: 0, ed: 50 },
  });
const prior = () => dataset({ [V1]: { n: 17, d: 20, m: 1, z: 0, zd: 0 } });

function byId(id: string, withPrior = true) {
  const a = assess(profile, current(), withPrior ? prior() : undefined);
  const r = a.indicators.find((i) => i.def.id === id);
  if (!r) throw new Error(`no indicator ${id}`);
  return r;
}

describe('assess on a hand-written dataset', () => {
  test('pools counts, leaves out a unit with a blank, judges the published value', () => {
    const a = byId('A');
    // 甲县: (9 + 181) / (10 + 200) × 100 = 90.476… → 90.48 ≥ 90: met. 二村 left out.
    // Nothing in this dataset is set aside (no unit's value is excluded by a finding).
    expect(a.root.pool).toEqual({
      numerator: 190,
      denominator: 210,
      leftOut: [V2],
      setAside: [],
      pooled: 2,
    });
    expect(a.root.value).toBeCloseTo(90.476190476, 8);
    expect([a.root.shown, a.status, a.gap, a.statusReason]).toEqual([
      90.48,
      'met',
      undefined,
      undefined,
    ]);
    // 一镇 = 一村 only: 9/10 = 90.00; 二镇: 181/200 = 90.50.
    expect(a.nodes.get(TOWN1)?.shown).toBe(90);
    expect(a.nodes.get(TOWN1)?.pool.leftOut).toEqual([V2]);
    expect(a.nodes.get(TOWN2)?.shown).toBe(90.5);
    // 三镇 has no unit under it: no value at all, not a zero.
    expect(a.nodes.has(TOWN3)).toBe(false);
    // Last year 17/20 = 85.00, over 一村 alone; 17 events is a small number, 190 is not. The
    // change is over the units pooled in both years (可比口径): 一村's 9/10 = 90.00 against
    // 85.00, +5.00 points (not the published 90.48 − 85.00).
    expect([a.prior, a.change, a.smallNumber, a.priorSmallNumber]).toEqual([85, 5, false, true]);
    expect(a.priorCoverage?.comparable).toEqual({ now: 90, prior: 85 });
    expect(a.priorCoverage?.onlyPrior).toEqual([]);
    expect(a.priorCoverage?.onlyNow).toHaveLength(1);
  });

  test('a target not met has its gap, rounded like the value; few events are flagged', () => {
    const b = byId('B');
    // (1 + 0 + 0) / (10 + 20 + 200) × 1000 = 4.3478… → 4.35 > 4: not met by 0.35.
    expect([b.root.shown, b.status, b.gap]).toEqual([4.35, 'notMet', 0.35]);
    expect(b.root.pool.pooled).toBe(3);
    expect(b.smallNumber).toBe(1 < SMALL_NUMBER);
    // Last year 1/20 × 1000 = 50.00, over 一村 alone; over 一村 this year 1/10 × 1000 = 100.00:
    // +50.00 points (可比口径), not the published 4.35 − 50.00.
    expect([b.prior, b.change]).toEqual([50, 50]);
  });

  test('a zero denominator and an indicator no unit reported are no data, each with its reason', () => {
    const c = byId('C');
    expect([c.root.value, c.root.shown, c.root.noDataReason]).toEqual([
      null,
      null,
      'zeroDenominator',
    ]);
    expect([c.status, c.statusReason, c.change, c.smallNumber]).toEqual([
      'noData',
      'zeroDenominator',
      null,
      false,
    ]);
    // Last year's 0/0 is no value either: not a small number of events.
    expect([c.prior, c.priorSmallNumber]).toEqual([null, false]);
    const d = byId('D');
    expect([d.root.noDataReason, d.status, d.statusReason, d.nodes.size]).toEqual([
      'noUnits',
      'noData',
      'noValue',
      0,
    ]);
  });

  test('values are rounded half up as published, and a zero rate is zero', () => {
    const e = byId('E');
    // 一村: 201 / 20000 × 100 = 1.005 → 1.01 (half up, though 1.005 is stored as 1.00499…).
    expect(e.nodes.get(V1)?.shown).toBe(1.01);
    // 三村: 0 / 50 = 0.
    expect(e.nodes.get(V3)?.shown).toBe(0);
    // 甲县: 201 / 20050 × 100 = 1.0025 → 1.00 ≥ 1: met.
    expect([e.root.shown, e.status]).toEqual([1, 'met']);
  });

  test('without a prior period there is no change and no prior flag', () => {
    const a = byId('A', false);
    expect([a.prior, a.change, a.priorSmallNumber]).toEqual([null, null, false]);
  });

  test('counts, units and regions of the whole assessment', () => {
    const all = assess(profile, current(), prior());
    // A, B, E judged (met, notMet, met); C and D have no data; every indicator has a target and
    // none lacks what it needs to be judged.
    expect(all.counts).toEqual({
      monitored: 5,
      met: 2,
      notMet: 1,
      noData: 2,
      noTarget: 0,
      notAssessable: 0,
    });
    expect([all.rootKey, all.rootName]).toEqual([COUNTY, '甲县']);
    expect(all.units).toEqual([V1, V2, V3]);
    expect(all.regions).toEqual([TOWN1, V1, V2, TOWN2, V3]);
  });
});

describe('counts with fractions', () => {
  test('are pooled in the order the units are listed, as one sum (not township by township)', () => {
    // 甲县 → 一镇 (一村, 二村), 二镇 (三村, 四村). Doubles add up differently grouped:
    // ((0.1 + 0.1) + 0.1) + 2.3 is 2.5999999999999996, (0.1 + 0.1) + (0.1 + 2.3) is 2.6.
    const V4 = '450321101002';
    const regions = [...REGIONS.slice(0, 6), { code: V4, name: '四村', parent: TOWN2 }];
    const ds = dataset(
      {
        [V1]: { n: 0.1, d: 1 },
        [V2]: { n: 0.1, d: 1 },
        [V3]: { n: 0.1, d: 1 },
        [V4]: { n: 2.3, d: 1 },
      },
      regions,
    );
    const a = assess(profile, ds).indicators.find((i) => i.def.id === 'A');
    expect(a?.root.pool.numerator).toBe(2.5999999999999996);
    expect(a?.root.pool.denominator).toBe(4);
    expect(a?.nodes.get(TOWN2)?.pool.numerator).toBe(2.4);
    // Whole counts are the same sums in any grouping: 1 + 2 + 3 + 4 at the area.
    const whole = dataset(
      { [V1]: { n: 1, d: 1 }, [V2]: { n: 2, d: 1 }, [V3]: { n: 3, d: 1 }, [V4]: { n: 4, d: 1 } },
      regions,
    );
    const w = assess(profile, whole).indicators.find((i) => i.def.id === 'A');
    expect([w?.root.pool.numerator, w?.nodes.get(TOWN1)?.pool.numerator]).toEqual([10, 3]);
  });
});
