import fc from 'fast-check';
import type { NodeValue, Pool } from '../../src/core/assess/assess';
import {
  LEFT_OUT,
  NodeValues,
  poolColumns,
  SET_ASIDE,
  subtreeEnds,
  type NodeLayout,
} from '../../src/core/assess/node-values';
import { KeyMap } from '../../src/core/model/key-map';
import type { IndicatorDef } from '../../src/core/profile/schema';
import { runs } from '../support/property';

/**
 * A node's units left out and set aside are made when asked for, from each leaf's mark
 * (node-values.ts): they must be the lists kept before at every node, the marked leaves at or
 * under it in hierarchy order — for a tree in depth-first order (runs) and for parents in any
 * order (the climb).
 */

/** A tree in depth-first order: each node's parent is one of the nodes still open. */
const depthFirst = fc.array(fc.nat(), { maxLength: 60 }).map((picks) => {
  const parent = [-1];
  const path = [0];
  for (const pick of picks) {
    path.length = 1 + (pick % path.length); // close some runs
    const i = parent.length;
    parent.push(path[path.length - 1] as number);
    path.push(i);
  }
  return Int32Array.from(parent);
});
/** Parents in any order (each below the whole area, none a cycle). */
const anyOrder = fc
  .array(fc.nat(), { maxLength: 60 })
  .chain((picks) => fc.shuffledSubarray(picks, { minLength: picks.length }))
  .map((picks) => Int32Array.from([-1, ...picks.map((p, i) => p % (i + 1))]))
  .chain((parent) =>
    fc
      .shuffledSubarray([...parent.keys()].slice(1), { minLength: parent.length - 1 })
      .map((order) => {
        // Renumber: the whole area stays 0, the others in the shuffled order.
        const place = new Int32Array(parent.length);
        order.forEach((old, k) => (place[old] = k + 1));
        const out = new Int32Array(parent.length).fill(-1);
        for (let old = 1; old < parent.length; old++)
          out[place[old] as number] = place[parent[old] as number] as number;
        return out;
      }),
  );

function listsBoth(parent: Int32Array, marks: number[]): void {
  const n = parent.length;
  const keys = Array.from({ length: n }, (_, i) => `u${i}`);
  const index = new KeyMap<number>();
  keys.forEach((k, i) => index.set(k, i));
  const layout: NodeLayout = { keys, index, parent, end: subtreeEnds(parent) };
  const pools = poolColumns(n);
  pools.present.fill(1);
  for (let i = 0; i < n; i++) pools.standing[i] = (marks[i] ?? 0) % 3;
  const nodes = new NodeValues(
    {} as IndicatorDef,
    layout,
    pools,
    (_d, node, pool: Pool): NodeValue => ({ node, pool, value: null, shown: null }),
    () => null,
  );
  for (let j = 0; j < n; j++) {
    // Brute force: every marked node whose parents lead to j (itself included), in order.
    const under = (k: number) => {
      for (let x = k; x >= 0; x = parent[x] as number) if (x === j) return true;
      return false;
    };
    const want = (mark: number) => keys.filter((_, k) => pools.standing[k] === mark && under(k));
    const pool = nodes.atIndex(j)?.pool;
    expect(pool?.leftOut).toEqual(want(LEFT_OUT));
    expect(pool?.setAside).toEqual(want(SET_ASIDE));
  }
}

describe('units left out and set aside, made when asked for', () => {
  it('a depth-first tree: its runs are found, and the lists are every marked leaf under a node', () => {
    fc.assert(
      fc.property(depthFirst, fc.array(fc.nat(), { maxLength: 61 }), (parent, marks) => {
        expect(subtreeEnds(parent)).toBeDefined();
        listsBoth(parent, marks);
      }),
      runs(500),
    );
  });

  it('parents in any order: the same lists, by climbing where there are no runs', () => {
    let climbed = 0;
    fc.assert(
      fc.property(anyOrder, fc.array(fc.nat(), { maxLength: 61 }), (parent, marks) => {
        if (subtreeEnds(parent) === undefined) climbed++;
        listsBoth(parent, marks);
      }),
      runs(500),
    );
    expect(climbed).toBeGreaterThan(100);
  });
});
