import fc from 'fast-check';
import {
  addUp,
  climb,
  poolColumns,
  subtreeEnds,
  LEFT_OUT,
  type NodeLayout,
} from '../../src/core/assess/node-values';
import { KeyMap } from '../../src/core/model/key-map';
import { expectEqual, runs } from '../support/property';

/**
 * An indicator's pool at every node (assess.ts `valuesAt`): each leaf unit's counts sit on its
 * own node, then are summed up the hierarchy — by one pass from the last node (`addUp`, for a
 * tree in depth-first order and whole counts) or by climbing from each leaf (`climb`, in the
 * order a pool adds its units). Both against a brute force: at every node, the pooled leaves at
 * or under it, added one by one in hierarchy order from 0.
 */

/** A tree in depth-first order: each node's parent is one of the nodes still open. */
const depthFirst = fc.array(fc.nat(), { maxLength: 50 }).map((picks) => {
  const parent = [-1];
  const path = [0];
  for (const pick of picks) {
    path.length = 1 + (pick % path.length);
    const i = parent.length;
    parent.push(path[path.length - 1] as number);
    path.push(i);
  }
  return Int32Array.from(parent);
});

/** Per node: pooled with counts, left out, or no leaf. Only childless nodes are leaves. */
const leafArb = (counts: fc.Arbitrary<number>) =>
  fc.record({ kind: fc.constantFrom('pooled', 'pooled', 'leftOut'), num: counts, den: counts });

function layoutOf(parent: Int32Array): NodeLayout {
  const keys = Array.from(parent, (_, i) => `u${i}`);
  const index = new KeyMap<number>();
  keys.forEach((k, i) => index.set(k, i));
  return { keys, index, parent, end: subtreeEnds(parent) };
}

function check(
  parent: Int32Array,
  leafInfo: { kind: string; num: number; den: number }[],
  sum: 'addUp' | 'climb',
): void {
  const n = parent.length;
  const layout = layoutOf(parent);
  const hasChild = new Uint8Array(n);
  for (let i = 1; i < n; i++) hasChild[parent[i] as number] = 1;
  const leaves = new Uint8Array(n);
  const p = poolColumns(n);
  for (let i = 0; i < n; i++) {
    const info = leafInfo[i % leafInfo.length];
    if (hasChild[i] || !info) continue;
    leaves[i] = 1;
    p.present[i] = 1;
    if (info.kind === 'pooled') {
      p.numerator[i] = 0 + info.num;
      p.denominator[i] = 0 + info.den;
      p.pooled[i] = 1;
    } else p.standing[i] = LEFT_OUT;
  }
  // Brute force, before the sums change the columns.
  const under = (k: number, j: number) => {
    for (let x = k; x >= 0; x = parent[x] as number) if (x === j) return true;
    return false;
  };
  const want = Array.from({ length: n }, (_, j) => {
    let num = 0;
    let den = 0;
    let pooled = 0;
    let present = 0;
    for (let k = 0; k < n; k++) {
      if (!leaves[k] || !under(k, j)) continue;
      present = 1;
      if (p.pooled[k] !== 1) continue;
      num += p.numerator[k] as number;
      den += p.denominator[k] as number;
      pooled++;
    }
    return { num, den, pooled, present };
  });
  if (sum === 'addUp') addUp(p, parent);
  else climb(p, layout, leaves);
  const got = Array.from({ length: n }, (_, j) => ({
    num: p.numerator[j] as number,
    den: p.denominator[j] as number,
    pooled: p.pooled[j] as number,
    present: p.present[j] as number,
  }));
  expectEqual(got, want);
}

describe('pools summed up the hierarchy', () => {
  test('one pass from the last node: the same sums as each leaf added in order (whole counts)', () => {
    fc.assert(
      fc.property(
        depthFirst,
        fc.array(leafArb(fc.integer({ min: -5, max: 1_000_000 })), { minLength: 1 }),
        (parent, info) => check(parent, info, 'addUp'),
      ),
      runs(400),
    );
  });

  test('climbing from each leaf: the same sums, to the last bit, for counts with fractions', () => {
    fc.assert(
      fc.property(
        depthFirst,
        fc.array(leafArb(fc.double({ min: -10, max: 1e6, noNaN: true })), { minLength: 1 }),
        (parent, info) => check(parent, info, 'climb'),
      ),
      runs(400),
    );
  });

  test('a tree of four levels summed by hand', () => {
    // 0 area; 1 county → 2 township → 3, 4 villages; 5 township reporting itself (a leaf).
    const parent = Int32Array.from([-1, 0, 1, 2, 2, 1]);
    check(
      parent,
      [
        { kind: 'pooled', num: 0, den: 0 }, // 0, 1, 2 have children: not leaves
        { kind: 'pooled', num: 0, den: 0 },
        { kind: 'pooled', num: 0, den: 0 },
        { kind: 'pooled', num: 3, den: 1000 },
        { kind: 'leftOut', num: 9, den: 9 },
        { kind: 'pooled', num: 2, den: 500 },
      ],
      'addUp',
    );
    const p = poolColumns(6);
    for (const [i, num, den] of [
      [3, 3, 1000],
      [5, 2, 500],
    ] as const) {
      p.present[i] = 1;
      p.numerator[i] = num;
      p.denominator[i] = den;
      p.pooled[i] = 1;
    }
    p.present[4] = 1;
    addUp(p, parent);
    // The area: 3 + 2 deaths over 1000 + 500 births, two villages' worth of units pooled.
    expect([p.numerator[0], p.denominator[0], p.pooled[0]]).toEqual([5, 1500, 2]);
    expect([p.numerator[2], p.denominator[2], p.pooled[2], p.present[2]]).toEqual([3, 1000, 1, 1]);
  });
});
