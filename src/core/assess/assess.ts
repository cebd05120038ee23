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

export function poolAt(
  def: IndicatorDef,
  ds: Dataset,
  leaves: ReadonlySet<string>,
  node: string,
  excluded: Exclusions = Exclusions.none(),
): Pool {
  const pool: Pool = { numerator: 0, denominator: 0, leftOut: [], setAside: [], pooled: 0 };
  for (const key of ds.hierarchy.subtree(node)) {
    if (!leaves.has(key)) continue;
    const mine = ds.values.get(key);
    const n = mine?.get(def.numerator);
    const d = mine?.get(def.denominator);
    if (excluded.taints(n) || excluded.taints(d)) {
      pool.setAside.push(key);
      continue;
    }
    const num = n?.value;
    const den = d?.value;
    if (num === undefined || den === undefined || Number.isNaN(num) || Number.isNaN(den)) {
      pool.leftOut.push(key);
      continue;
    }
    pool.numerator += num;
    pool.denominator += den;
    pool.pooled++;
  }
  return pool;
}

function nodeValue(def: IndicatorDef, node: string, pool: Pool): NodeValue {
  if (pool.pooled === 0) return { node, pool, value: null, shown: null, noDataReason: 'noUnits' };
  if (pool.denominator === 0)
    return { node, pool, value: null, shown: null, noDataReason: 'zeroDenominator' };
  const value = (pool.numerator / pool.denominator) * def.scale;
  return { node, pool, value, shown: round(value, def.decimals) };
}

function valuesAt(def: IndicatorDef, ds: Dataset, excluded: Exclusions): Map<string, NodeValue> {
  const leaves = leafUnits(ds, [def.numerator, def.denominator]);
  const out = new Map<string, NodeValue>();
  for (const n of ds.hierarchy.ordered()) {
    const pool = poolAt(def, ds, leaves, n.key, excluded);
    if (pool.pooled === 0 && pool.leftOut.length === 0 && pool.setAside.length === 0) continue;
    out.set(n.key, nodeValue(def, n.key, pool));
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
  const indicators = profile.indicators.map((def): IndicatorResult => {
    const nodes = valuesAt(def, ds, excluded);
    const root =
      nodes.get(rootKey) ??
      nodeValue(def, rootKey, {
        numerator: 0,
        denominator: 0,
        leftOut: [],
        setAside: [],
        pooled: 0,
      });
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
  const ordered = ds.hierarchy.ordered().map((n) => n.key);
  const units = ordered.filter((k) => leaves.has(k));
  const regions = ordered.filter((k) => k !== rootKey && indicators.some((i) => i.nodes.has(k)));
  return { rootKey, rootName: ds.hierarchy.name(rootKey), indicators, counts, units, regions };
}
