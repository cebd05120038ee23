import type { IndicatorDef } from '../profile/schema';
import type { Profile } from '../profile/profile';
import { leafUnits, type Dataset } from '../rollup/dataset';
import { Exclusions } from './exclusions';
import { judge, type Status } from './targets';

/**
 * Rollup and assessment (issue 4): every indicator recomputed at every level from pooled
 * counts — Σ numerator / Σ denominator × scale, never an average of rates — and judged against
 * its target and the previous period.
 */
export const SMALL_NUMBER = 20;

export interface Pool {
  numerator: number;
  denominator: number;
  /** Units under the node whose numerator or denominator is missing: left out of both sums. */
  leftOut: string[];
  /**
   * Units under the node whose numerator or denominator failed an error check (a negative
   * count, text, parts above their whole) or was reported twice with two values: set aside
   * from both sums and named, so the value is provisional.
   */
  setAside: string[];
  /** Units pooled. */
  pooled: number;
}

export interface NodeValue {
  node: string;
  pool: Pool;
  /** Σ numerator / Σ denominator × scale; null when nothing was pooled or Σ denominator is 0. */
  value: number | null;
  /** The value as published: rounded to the indicator's decimals. */
  shown: number | null;
  noDataReason?: 'noUnits' | 'zeroDenominator';
}

export interface IndicatorResult {
  def: IndicatorDef;
  /** Values at every node of the hierarchy that has units under it (the root first). */
  nodes: Map<string, NodeValue>;
  root: NodeValue;
  status: Status;
  statusReason?: 'noValue' | 'noPrior' | 'noBaseline' | 'zeroDenominator';
  /** Distance to the target when not met, in the indicator's unit. */
  gap?: number;
  prior: number | null;
  /** shown − prior, in points of the indicator's unit. */
  change: number | null;
  smallNumber: boolean;
  priorSmallNumber: boolean;
  /** Units set aside from the whole area's pool for failed error checks: the value is provisional. */
  provisional: boolean;
}

export interface Assessment {
  rootKey: string;
  rootName: string;
  indicators: IndicatorResult[];
  counts: { monitored: number; met: number; notMet: number; noData: number };
  /** Leaf reporting units, in hierarchy order. */
  units: string[];
  /** Every region under the whole area that has a value of some indicator, in hierarchy order. */
  regions: string[];
}

function round(v: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round((v + Number.EPSILON * Math.sign(v)) * f) / f;
}

function emptyPool(): Pool {
  return { numerator: 0, denominator: 0, leftOut: [], setAside: [], pooled: 0 };
}

/** What unit `key` brings to an indicator's pools: its counts, or why it is not pooled. */
type Contribution = { kind: 'pooled'; num: number; den: number } | { kind: 'leftOut' | 'setAside' };

function contribution(
  def: IndicatorDef,
  ds: Dataset,
  key: string,
  excluded: Exclusions,
): Contribution {
  const u = ds.unitIndex.get(key);
  if (u === undefined) return { kind: 'leftOut' };
  if (excluded.taints(ds, def.numerator, u) || excluded.taints(ds, def.denominator, u))
    return { kind: 'setAside' };
  const num = ds.items.get(def.numerator)?.value[u] ?? NaN;
  const den = ds.items.get(def.denominator)?.value[u] ?? NaN;
  if (Number.isNaN(num) || Number.isNaN(den)) return { kind: 'leftOut' };
  return { kind: 'pooled', num, den };
}

function add(pool: Pool, key: string, c: Contribution): void {
  if (c.kind === 'pooled') {
    pool.numerator += c.num;
    pool.denominator += c.den;
    pool.pooled++;
  } else if (c.kind === 'setAside') pool.setAside.push(key);
  else pool.leftOut.push(key);
}

/** The pool of one node: every leaf unit under it. */
export function poolAt(
  def: IndicatorDef,
  ds: Dataset,
  leaves: ReadonlySet<string>,
  node: string,
  excluded: Exclusions = Exclusions.none(),
): Pool {
  const pool = emptyPool();
  for (const key of ds.hierarchy.subtree(node))
    if (leaves.has(key)) add(pool, key, contribution(def, ds, key, excluded));
  return pool;
}

function nodeValue(def: IndicatorDef, node: string, pool: Pool): NodeValue {
  if (pool.pooled === 0) return { node, pool, value: null, shown: null, noDataReason: 'noUnits' };
  if (pool.denominator === 0)
    return { node, pool, value: null, shown: null, noDataReason: 'zeroDenominator' };
  const value = (pool.numerator / pool.denominator) * def.scale;
  return { node, pool, value, shown: round(value, def.decimals) };
}

/**
 * The indicator's pool at every node, in one pass: each leaf unit is added to its own node
 * and to every node above it (no walk of each node's subtree), in hierarchy order.
 */
function valuesAt(
  def: IndicatorDef,
  ds: Dataset,
  excluded: Exclusions,
  ordered: readonly string[],
): Map<string, NodeValue> {
  const leaves = leafUnits(ds, [def.numerator, def.denominator]);
  const pools = new Map<string, Pool>();
  const h = ds.hierarchy;
  for (const key of ordered) {
    if (!leaves.has(key)) continue;
    const c = contribution(def, ds, key, excluded);
    const seen = new Set<string>();
    for (let n: string | undefined = key; n !== undefined && !seen.has(n); n = h.node(n)?.parent) {
      seen.add(n);
      let pool = pools.get(n);
      if (!pool) {
        pool = emptyPool();
        pools.set(n, pool);
      }
      add(pool, key, c);
    }
  }
  const out = new Map<string, NodeValue>();
  for (const key of ordered) {
    const pool = pools.get(key);
    if (pool) out.set(key, nodeValue(def, key, pool));
  }
  return out;
}

export interface AssessOptions {
  /** Values of this period that failed an error check. */
  excluded?: Exclusions;
  /** Values of the previous period that failed an error check. */
  priorExcluded?: Exclusions;
}

export function assess(
  profile: Profile,
  ds: Dataset,
  prior?: Dataset,
  opts: AssessOptions = {},
): Assessment {
  const rootKey = ds.hierarchy.root;
  const leaves = leafUnits(ds);
  const excluded = opts.excluded ?? Exclusions.none();
  const ordered = ds.hierarchy.ordered().map((n) => n.key);
  const indicators = profile.indicators.map((def): IndicatorResult => {
    const nodes = valuesAt(def, ds, excluded, ordered);
    const root = nodes.get(rootKey) ?? nodeValue(def, rootKey, emptyPool());
    let priorValue: NodeValue | undefined;
    if (prior) {
      const pLeaves = leafUnits(prior, [def.numerator, def.denominator]);
      priorValue = nodeValue(
        def,
        prior.hierarchy.root,
        poolAt(def, prior, pLeaves, prior.hierarchy.root, opts.priorExcluded),
      );
    }
    const priorShown = priorValue?.shown ?? null;
    const result: IndicatorResult = {
      def,
      nodes,
      root,
      status: 'noData',
      prior: priorShown,
      change:
        root.shown !== null && priorShown !== null
          ? round(root.shown - priorShown, def.decimals)
          : null,
      smallNumber: root.value !== null && root.pool.numerator < SMALL_NUMBER,
      priorSmallNumber:
        priorValue?.value !== null &&
        priorValue !== undefined &&
        priorValue.pool.numerator < SMALL_NUMBER,
      provisional: root.pool.setAside.length > 0,
    };
    if (root.shown === null) {
      result.statusReason = root.noDataReason === 'zeroDenominator' ? 'zeroDenominator' : 'noValue';
      return result;
    }
    const j = judge(def.target, { value: root.shown, prior: priorShown, direction: def.direction });
    result.status = j.status;
    if (j.gap !== undefined) result.gap = round(j.gap, def.decimals);
    if (j.reason) result.statusReason = j.reason;
    return result;
  });
  const counts = {
    monitored: indicators.length,
    met: indicators.filter((i) => i.status === 'met').length,
    notMet: indicators.filter((i) => i.status === 'notMet').length,
    noData: indicators.filter((i) => i.status === 'noData').length,
  };
  const units = ordered.filter((k) => leaves.has(k));
  const regions = ordered.filter((k) => k !== rootKey && indicators.some((i) => i.nodes.has(k)));
  return { rootKey, rootName: ds.hierarchy.name(rootKey), indicators, counts, units, regions };
}
