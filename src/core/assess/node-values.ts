import { KeyMap } from '../model/key-map';
import type { IndicatorDef } from '../profile/schema';
import type { Hierarchy } from '../rollup/hierarchy';
import type { NodeValue, Pool } from './assess';
import { Arena } from '../model/arena';

/**
 * One indicator's pools at every node, as columns: sums and counts in typed arrays indexed by
 * the node's place in the hierarchy, the names of units left out or set aside only where there
 * are some. A 100,000-village area is 27 indicators × 101,000 nodes; an object, a pool and two
 * arrays per node and indicator were 780 MB. It reads as a Map of NodeValues, each made when
 * asked for.
 */
export interface NodeLayout {
  /** Node keys in hierarchy order (the whole area first). */
  keys: readonly string[];
  /** Each key's place in `keys` (a KeyMap: 100,000 villages are looked up per indicator). */
  index: { get(key: string): number | undefined };
  /** The index of each node's parent; −1 for the whole area. */
  parent: Int32Array;
  /**
   * One past the last node under each node: the hierarchy order is parents first, each node's
   * subtree a run from it (`subtreeEnds`). Undefined when the parents do not form such runs
   * (never, for a hierarchy Hierarchy built; a list is then found by climbing from each leaf).
   */
  end: Int32Array | undefined;
}

/**
 * Where each node's run of descendants ends, when `parent` lists a tree in depth-first order
 * (each node right after its parent or after the whole run of an earlier sibling); else
 * undefined.
 */
export function subtreeEnds(parent: Int32Array): Int32Array | undefined {
  const n = parent.length;
  const end = new Int32Array(n);
  for (let i = 0; i < n; i++) end[i] = i + 1;
  for (let i = n - 1; i > 0; i--) {
    const p = parent[i] as number;
    if (p < 0 || p >= i) return undefined;
    if ((end[i] as number) > (end[p] as number)) end[p] = end[i] as number;
  }
  // Each node's parent must be the innermost run still open where the node stands.
  const open: number[] = n > 0 ? [0] : [];
  for (let k = 1; k < n; k++) {
    while (open.length > 0 && (end[open[open.length - 1] as number] as number) <= k) open.pop();
    if (open[open.length - 1] !== parent[k]) return undefined;
    open.push(k);
  }
  return end;
}

export function nodeLayout(h: Hierarchy): NodeLayout {
  const keys = h.ordered().map((n) => n.key);
  const index = new KeyMap<number>();
  keys.forEach((k, i) => index.set(k, i));
  const parent = new Int32Array(keys.length);
  keys.forEach((k, i) => {
    const p = h.node(k)?.parent;
    parent[i] = p === undefined ? -1 : (index.get(p) ?? -1);
  });
  return { keys, index, parent, end: subtreeEnds(parent) };
}

export interface PoolColumns {
  numerator: Float64Array;
  denominator: Float64Array;
  pooled: Int32Array;
  /** 1 where some leaf unit is under the node (pooled, left out or set aside). */
  present: Uint8Array;
  /**
   * Each leaf's standing: 0 pooled (or not a leaf), LEFT_OUT, SET_ASIDE. A node's lists of
   * units left out and set aside are the leaves under it so marked, in hierarchy order, made
   * when the node's pool is asked for: at 100,000 villages with errors, lists kept at every
   * node above each leaf were 300,000 arrays an indicator.
   */
  standing: Uint8Array;
}

/** Deeper than any region hierarchy (province → village is 5 levels): a climb's bound. */
export const MAX_DEPTH = 64;

export const LEFT_OUT = 1;
export const SET_ASIDE = 2;

/**
 * Each node's pool added into its parent's, from the last node to the first: the layout lists
 * parents before their children (its `end` is set), so a node is complete when its turn comes.
 * A million villages × 27 indicators: one pass, where climbing from each village took 3.2 s.
 */
export function addUp(p: PoolColumns, parent: Int32Array): void {
  for (let i = parent.length - 1; i > 0; i--) {
    const j = parent[i] as number;
    if (j < 0 || !p.present[i]) continue;
    p.present[j] = 1;
    p.numerator[j] = (p.numerator[j] as number) + (p.numerator[i] as number);
    p.denominator[j] = (p.denominator[j] as number) + (p.denominator[i] as number);
    p.pooled[j] = (p.pooled[j] as number) + (p.pooled[i] as number);
  }
}

/**
 * Each leaf's counts added to every node above it, leaf by leaf in hierarchy order: the sums
 * in the order a pool adds its units, for counts with fractions (whose sums depend on their
 * grouping) and for a layout that does not list parents first. A depth cap, not a set per
 * leaf, guards against a cycle.
 */
export function climb(p: PoolColumns, layout: NodeLayout, leaves: Uint8Array): void {
  const n = layout.keys.length;
  for (let i = 0; i < n; i++) {
    if (!leaves[i]) continue;
    const pooled = p.pooled[i] === 1;
    const num = p.numerator[i] as number;
    const den = p.denominator[i] as number;
    let depth = 1;
    for (
      let j = layout.parent[i] as number;
      j >= 0 && depth < MAX_DEPTH;
      j = layout.parent[j] as number, depth++
    ) {
      p.present[j] = 1;
      if (!pooled) continue;
      p.numerator[j] = (p.numerator[j] as number) + num;
      p.denominator[j] = (p.denominator[j] as number) + den;
      p.pooled[j] = (p.pooled[j] as number) + 1;
    }
    // The hierarchy breaks cycles when it is built (hierarchy.ts): reaching the cap is a bug.
    if (depth >= MAX_DEPTH)
      throw new Error(`the region hierarchy above ${layout.keys[i] as string} does not end`);
  }
}

/** The bytes an arena needs for one indicator's PoolColumns of `size` nodes. */
export function poolBytes(size: number): number {
  return Arena.bytesFor(size, 8, 2) + Arena.bytesFor(size, 4) + Arena.bytesFor(size, 1, 2);
}

/** Zeroed columns of `size` nodes, from `arena` (an assessment's, for every indicator). */
export function poolColumns(size: number, arena = new Arena(poolBytes(size))): PoolColumns {
  return {
    numerator: arena.f64(size),
    denominator: arena.f64(size),
    pooled: arena.i32(size),
    present: arena.u8(size),
    standing: arena.u8(size),
  };
}

/**
 * The list of a node with no unit left out or set aside: one shared, frozen list rather than
 * two new arrays per look-up (a sheet and the JSON look up every unit of every indicator).
 * Readers only read a pool's lists; one that wrote to it would throw, not corrupt other nodes.
 */
const NONE = Object.freeze([]) as unknown as string[];

export class NodeValues implements ReadonlyMap<string, NodeValue> {
  readonly size: number;

  constructor(
    private readonly def: IndicatorDef,
    private readonly layout: NodeLayout,
    private readonly pools: PoolColumns,
    private readonly valueOf: (def: IndicatorDef, node: string, pool: Pool) => NodeValue,
    /** `valueOf(…).shown` from the pool's figures, with no object made. */
    private readonly shownOf: (
      def: IndicatorDef,
      numerator: number,
      denominator: number,
      pooled: number,
    ) => number | null,
  ) {
    let n = 0;
    for (let i = 0; i < pools.present.length; i++) n += pools.present[i] as number;
    this.size = n;
  }

  private at(i: number): NodeValue {
    const p = this.pools;
    const lists = this.listsAt(i);
    const pool: Pool = {
      numerator: p.numerator[i] as number,
      denominator: p.denominator[i] as number,
      pooled: p.pooled[i] as number,
      leftOut: lists.leftOut,
      setAside: lists.setAside,
    };
    return this.valueOf(this.def, this.layout.keys[i] as string, pool);
  }

  /** Lists of nodes with more than one node under them, kept once made (the area's is read often). */
  private readonly lists = new Map<number, { leftOut: string[]; setAside: string[] }>();

  /** The leaves under node `i` left out and set aside, in hierarchy order. */
  private listsAt(i: number): { leftOut: string[]; setAside: string[] } {
    const known = this.lists.get(i);
    if (known) return known;
    const { keys, end, parent } = this.layout;
    const standing = this.pools.standing;
    let leftOut = NONE;
    let setAside = NONE;
    const take = (k: number) => {
      const s = standing[k];
      if (s === LEFT_OUT) (leftOut === NONE ? (leftOut = []) : leftOut).push(keys[k] as string);
      else if (s === SET_ASIDE)
        (setAside === NONE ? (setAside = []) : setAside).push(keys[k] as string);
    };
    if (end) {
      for (let k = i, e = end[i] as number; k < e; k++) take(k);
    } else {
      // Not in runs: every leaf whose parents lead up to i.
      for (let k = 0; k < keys.length; k++) {
        if (!standing[k]) continue;
        let j = k;
        for (let depth = 0; j >= 0 && j !== i && depth < MAX_DEPTH; depth++)
          j = parent[j] as number;
        if (j === i) take(k);
      }
    }
    const out = { leftOut, setAside };
    if (!end || (end[i] as number) - i > 1) this.lists.set(i, out);
    return out;
  }

  /**
   * A node's place in the layout, the same for every indicator of one assessment: looked up
   * once per unit by a caller that then asks every indicator with `atIndex`.
   */
  indexOf(key: string): number {
    return this.layout.index.get(key) ?? -1;
  }

  /** Whether `other` reads the same layout, so an index of one is an index of the other. */
  sameLayout(other: NodeValues | undefined): boolean {
    return other !== undefined && other.layout === this.layout;
  }

  /**
   * `atIndex(i)?.shown`, with no object made: the value a sheet or the JSON shows, null when
   * nothing was pooled or the denominator is 0, undefined when no unit is under the node.
   */
  shownAt(i: number): number | null | undefined {
    const p = this.pools;
    if (i < 0 || !p.present[i]) return undefined;
    return this.shownOf(
      this.def,
      p.numerator[i] as number,
      p.denominator[i] as number,
      p.pooled[i] as number,
    );
  }

  /** `atIndex(i)?.pool.pooled`, with no object made: 0 when no unit is under the node. */
  pooledAt(i: number): number {
    return i >= 0 && this.pools.present[i] ? (this.pools.pooled[i] as number) : 0;
  }

  atIndex(i: number): NodeValue | undefined {
    return i >= 0 && this.pools.present[i] ? this.at(i) : undefined;
  }

  get(key: string): NodeValue | undefined {
    const i = this.layout.index.get(key);
    return i !== undefined && this.pools.present[i] ? this.at(i) : undefined;
  }

  has(key: string): boolean {
    const i = this.layout.index.get(key);
    return i !== undefined && this.pools.present[i] === 1;
  }

  *entries(): MapIterator<[string, NodeValue]> {
    for (let i = 0; i < this.layout.keys.length; i++)
      if (this.pools.present[i]) yield [this.layout.keys[i] as string, this.at(i)];
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<NodeValue> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, NodeValue]> {
    return this.entries();
  }

  forEach(fn: (value: NodeValue, key: string, map: ReadonlyMap<string, NodeValue>) => void): void {
    for (const [k, v] of this.entries()) fn(v, k, this);
  }
}

/**
 * The places of `keys` in an indicator's layout: looked up once for every indicator that shares
 * the first one's (all of one assessment do), again only for one that does not.
 */
export function placesOf(
  keys: readonly string[],
  first: NodeValues | undefined,
): (nodes: NodeValues) => readonly number[] {
  const shared = keys.map((k) => first?.indexOf(k) ?? -1);
  return (nodes) => (nodes.sameLayout(first) ? shared : keys.map((k) => nodes.indexOf(k)));
}
