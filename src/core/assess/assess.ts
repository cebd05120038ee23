import type { IndicatorDef } from '../profile/schema';
import { roundHalfUp as round } from './round';
import { countsOf, standing } from './standing';
import { priorCoverage, type PriorCoverage } from './coverage';
import type { Profile } from '../profile/profile';
import { leafUnits, type Dataset } from '../rollup/dataset';
import { levelOfNode, type RegionNode } from '../rollup/hierarchy';
import { levelRank } from '../read/levels';
import { Exclusions } from './exclusions';
import {
  LEFT_OUT,
  MAX_DEPTH,
  NodeValues,
  nodeLayout,
  addUp,
  climb,
  poolBytes,
  poolColumns,
  SET_ASIDE,
  type NodeLayout,
} from './node-values';
import { Arena } from '../model/arena';
import { targetFor, type TargetChoice } from '../targets/apply';
import type { TargetTable } from '../targets/table';
import { progressOf, type Progress, type Stage } from './progress';
import { judge, type Judgement, type Status, type StatusReason } from './targets';

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
  /** The indicator as judged: the profile's definition with the chosen target, source and verified. */
  def: IndicatorDef;
  /** Whose target it is (profile or the office's table) and where it comes from. */
  target: TargetChoice;
  /** Values at every node of the hierarchy that has units under it (the root first). */
  /** Read as a Map by key; `indexOf` and `atIndex` serve a caller that asks for every unit. */
  nodes: NodeValues;
  root: NodeValue;
  status: Status;
  statusReason?: StatusReason;
  /** Distance to the target when not met, in the indicator's unit. */
  gap?: number;
  /** What a trend or relative target was compared with. */
  reference?: Judgement['reference'];
  prior: number | null;
  /**
   * shown − prior, in points of the indicator's unit; over the units of both years when the
   * two pooled other units (`priorCoverage.comparable`).
   */
  change: number | null;
  /** Set when last year's value pooled other units than this year's (可比口径, coverage.ts). */
  priorCoverage?: PriorCoverage;
  smallNumber: boolean;
  priorSmallNumber: boolean;
  /** Units set aside from the whole area's pool for failed error checks: the value is provisional. */
  provisional: boolean;
  /** For a target that holds per township: the townships whose own value misses it. */
  unitsBelow: { unit: string; value: number }[];
  /** For a township-by-township target: the townships with no value, which cannot be judged. */
  unitsUnknown?: string[];
  /** Inside the profile's normal range (出生人口性别比 103—107); null without a range or value. */
  plausible: boolean | null;
  /** Mid-term progress against the line from the base year to the target year (--stage midterm). */
  progress?: Progress;
}

export interface Counts {
  monitored: number;
  met: number;
  notMet: number;
  noData: number;
  notAssessable: number;
  noTarget: number;
}

export interface Assessment {
  rootKey: string;
  rootName: string;
  indicators: IndicatorResult[];
  counts: Counts;
  /** Leaf reporting units, in hierarchy order. */
  units: string[];
  /** Every region under the whole area that has a value of some indicator, in hierarchy order. */
  regions: string[];
  stage: Stage;
  /** The year targets are for when they do not say (the profile's programme end, 2030). */
  targetYear: number;
  /** The office's targets table, when one was used. */
  targets?: TargetTable;
}

export interface AssessOptions {
  /** The office's targets; indicators it does not list keep the profile's. */
  targets?: TargetTable;
  stage?: Stage;
  /** The period (`2025`), for mid-term progress. */
  period?: string;
  /** Values of this period that failed an error check (issue 8). */
  excluded?: Exclusions;
  /** Values of the previous period that failed an error check. */
  priorExcluded?: Exclusions;
}

export function countStatuses(rs: readonly { status: Status }[]): Counts {
  const n = (s: Status) => rs.filter((r) => r.status === s).length;
  return {
    monitored: rs.length,
    met: n('met'),
    notMet: n('notMet'),
    noData: n('noData'),
    notAssessable: n('notAssessable'),
    noTarget: n('noTarget'),
  };
}

function emptyPool(): Pool {
  return { numerator: 0, denominator: 0, leftOut: [], setAside: [], pooled: 0 };
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
  const counted = countsOf(def, ds, excluded);
  for (const key of ds.hierarchy.subtree(node)) {
    if (!leaves.has(key)) continue;
    const u = ds.unitIndex.get(key);
    const kind = u === undefined ? 'leftOut' : standing(counted, u);
    if (kind === 'pooled' && u !== undefined) {
      pool.numerator += counted.num?.[u] as number;
      pool.denominator += counted.den?.[u] as number;
      pool.pooled++;
    } else (kind === 'setAside' ? pool.setAside : pool.leftOut).push(key);
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

/** `nodeValue(…).shown` without the objects: what a sheet or the JSON shows of every unit. */
function shownValue(
  def: IndicatorDef,
  numerator: number,
  denominator: number,
  pooled: number,
): number | null {
  if (pooled === 0 || denominator === 0) return null;
  return round((numerator / denominator) * def.scale, def.decimals);
}

/**
 * Each layout node's unit index in the dataset (−1: not a reporting unit), worked out once per
 * assessment, so no indicator looks a unit up by its key.
 */
function unitsOfLayout(ds: Dataset, layout: NodeLayout): Int32Array {
  const out = new Int32Array(layout.keys.length).fill(-1);
  layout.keys.forEach((k, i) => {
    out[i] = ds.unitIndex.get(k) ?? -1;
  });
  return out;
}

/**
 * `leafUnits(ds)` over the layout, in its order: the units with no unit under them. By index,
 * not by a Set of keys: the Sets of a million villages took 1.9 s where 100,000 took 0.06.
 */
function leafKeys(layout: NodeLayout, unitAt: Int32Array): string[] {
  const n = layout.keys.length;
  const above = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if ((unitAt[i] as number) < 0) continue;
    let depth = 0;
    for (let j = layout.parent[i] as number; j >= 0 && !above[j] && depth < MAX_DEPTH; depth++) {
      above[j] = 1;
      j = layout.parent[j] as number;
    }
  }
  const out: string[] = [];
  for (let i = 0; i < n; i++)
    if ((unitAt[i] as number) >= 0 && !above[i]) out.push(layout.keys[i] as string);
  return out;
}

/** Two work arrays of the layout's size, refilled for each indicator (leafMarks). */
interface Scratch {
  present: Uint8Array;
  above: Uint8Array;
}

/**
 * `leafUnits(ds, items)` over the layout's indices: 1 for a unit that reported one of the items
 * and has no such unit under it. Ancestors are marked by climbing until a node already marked.
 * The marks are `scratch.present`, valid until the next call.
 */
function leafMarks(
  ds: Dataset,
  items: readonly string[],
  layout: NodeLayout,
  unitAt: Int32Array,
  scratch: Scratch,
): Uint8Array {
  const n = layout.keys.length;
  const columns = items.flatMap((i) => {
    const c = ds.items.get(i);
    return c ? [c] : [];
  });
  const { present, above } = scratch;
  present.fill(0);
  above.fill(0);
  for (let i = 0; i < n; i++) {
    const u = unitAt[i] as number;
    if (u >= 0 && columns.some((c) => (c.table[u] as number) >= 0)) present[i] = 1;
  }
  for (let i = 0; i < n; i++) {
    if (!present[i]) continue;
    let depth = 0;
    for (let j = layout.parent[i] as number; j >= 0 && !above[j] && depth < MAX_DEPTH; depth++) {
      above[j] = 1;
      j = layout.parent[j] as number;
    }
  }
  for (let i = 0; i < n; i++) if (above[i]) present[i] = 0;
  return present;
}

/**
 * The indicator's pool at every node: each leaf unit's counts on its own node, then added up
 * the hierarchy (no walk of each node's subtree); a leaf left out or set aside is marked once,
 * and a node's lists are read from the marks.
 */
function valuesAt(
  def: IndicatorDef,
  ds: Dataset,
  excluded: Exclusions,
  layout: NodeLayout,
  unitAt: Int32Array,
  arena: Arena,
  scratch: Scratch,
): NodeValues {
  const leaves = leafMarks(ds, [def.numerator, def.denominator], layout, unitAt, scratch);
  const n = layout.keys.length;
  const p = poolColumns(n, arena);
  const counted = countsOf(def, ds, excluded);
  // Whether every count is a whole number and all of them together stay exact in a double:
  // then sums taken in any grouping are the same sums, to the last bit.
  let whole = true;
  let magnitude = 0;
  for (let i = 0; i < n; i++) {
    if (!leaves[i]) continue;
    const u = unitAt[i] as number;
    const kind = u < 0 ? 'leftOut' : standing(counted, u);
    p.present[i] = 1;
    if (kind !== 'pooled') {
      p.standing[i] = kind === 'setAside' ? SET_ASIDE : LEFT_OUT;
      continue;
    }
    const num = counted.num?.[u] as number;
    const den = counted.den?.[u] as number;
    // 0 + x, as the sums were always begun: a count written -0 is pooled as 0.
    p.numerator[i] = 0 + num;
    p.denominator[i] = 0 + den;
    p.pooled[i] = 1;
    if (whole && (!Number.isInteger(num) || !Number.isInteger(den))) whole = false;
    magnitude += Math.abs(num) + Math.abs(den);
  }
  if (layout.end && whole && magnitude <= Number.MAX_SAFE_INTEGER) addUp(p, layout.parent);
  else climb(p, layout, leaves);
  return new NodeValues(def, layout, p, nodeValue, shownValue);
}

/**
 * The townships a per-township target is checked in. For each reporting unit: the nearest of
 * it and its parents that is a township (by code or by name: 甲镇, 城关街道); else the unit
 * itself when it hangs straight under the area, or its parent when it does not (a village
 * placed under its township by a `乡镇` column, a township row above it, or a code), so a
 * village is never judged as if it were a township.
 */
function townships(ds: Dataset, leaves: ReadonlySet<string>): string[] {
  const h = ds.hierarchy;
  const wanted = new Set<string>();
  for (const key of leaves) wanted.add(townshipOf(h, key));
  return h
    .ordered()
    .map((n) => n.key)
    .filter((k) => wanted.has(k));
}

function townshipOf(h: Dataset['hierarchy'], key: string): string {
  const leaf = h.node(key);
  if (!leaf) return key;
  let n: RegionNode | undefined = leaf;
  for (let depth = 0; n && n.key !== h.root && depth < MAX_DEPTH; depth++) {
    if (levelOfNode(n) === 'township') return n.key;
    const up: RegionNode | undefined = n.parent === undefined ? undefined : h.node(n.parent);
    // A coarser unit above (a county): what lies under it is at township level.
    const above = up && up.key !== h.root ? levelOfNode(up) : undefined;
    if (above !== undefined && levelRank(above) < levelRank('township')) return n.key;
    n = up;
  }
  const parent = leaf.parent === undefined ? undefined : h.node(leaf.parent);
  return parent && parent.key !== h.root ? parent.key : key;
}

/**
 * A target judged against last year when the two years pool other units: over the units of
 * both (可比口径), or not at all when either has no value there. Undefined for any other case.
 */
function trendJudgement(
  target: IndicatorDef['target'],
  ctx: Parameters<typeof judge>[1],
  result: IndicatorResult,
): Judgement | undefined {
  const c = result.priorCoverage?.comparable;
  if (!c) return undefined;
  const alone = judge(target, { ...ctx, prior: null });
  if (alone.reason !== 'noPrior') return alone; // the target does not look at last year
  if (c.now === null || c.prior === null)
    return { status: 'notAssessable', reason: 'priorCoverage' };
  return judge(target, { ...ctx, value: c.now, prior: c.prior });
}

function judgeIndicator(result: IndicatorResult, ds: Dataset, choice: TargetChoice): void {
  const { def, root } = result;
  const target = choice.target;
  if (target.kind === 'none') {
    result.status = 'noTarget';
    if (root.shown === null)
      result.statusReason = root.noDataReason === 'zeroDenominator' ? 'zeroDenominator' : 'noValue';
    return;
  }
  if (root.shown === null) {
    result.statusReason = root.noDataReason === 'zeroDenominator' ? 'zeroDenominator' : 'noValue';
    return;
  }
  if (choice.invalid) {
    result.status = 'notAssessable';
    result.statusReason = 'targetInvalid';
    return;
  }
  const ctx = {
    value: root.shown,
    prior: result.prior,
    direction: def.direction,
    decimals: def.decimals,
    trendBasis: def.trendBasis,
  };
  const j = trendJudgement(target, ctx, result) ?? judge(target, ctx);
  if (j.reference?.against === 'prior' && (result.smallNumber || result.priorSmallNumber)) {
    // A rate on fewer than 20 events moves with one event: no trend is judged from last year on
    // it alone (indicators.md). 1 maternal death in each year is not "rising".
    result.status = 'notAssessable';
    result.statusReason = 'smallNumber';
    return;
  }
  result.status = j.status;
  if (j.gap !== undefined) result.gap = round(j.gap, def.decimals);
  if (j.reason) result.statusReason = j.reason;
  if (j.reference) result.reference = j.reference;
  if (!choice.perUnit) return;
  const leaves = leafUnits(ds, [def.numerator, def.denominator]);
  const unknown: string[] = [];
  for (const key of townships(ds, leaves)) {
    const v = result.nodes.get(key)?.shown;
    if (v === null || v === undefined) {
      unknown.push(key);
      continue;
    }
    if (judge(target, { ...ctx, value: v }).status === 'notMet')
      result.unitsBelow.push({ unit: key, value: v });
  }
  if (result.unitsBelow.length > 0 && result.status === 'met') {
    // The goal holds township by township: one township below it means it is not yet met.
    result.status = 'notMet';
    result.statusReason = 'unitsBelow';
    const worst = Math.min(
      ...result.unitsBelow
        .map((u) => judge(target, { ...ctx, value: u.value }).gap ?? 0)
        .map((g) => -g),
    );
    result.gap = round(-worst, def.decimals);
  } else if (unknown.length > 0 && result.status === 'met') {
    // Every township known meets it, but not every township is known: it cannot be certified.
    result.status = 'notAssessable';
    result.statusReason = 'unitsUnknown';
    result.unitsUnknown = unknown;
  }
}

export function assess(
  profile: Profile,
  ds: Dataset,
  prior?: Dataset,
  options: AssessOptions = {},
): Assessment {
  const rootKey = ds.hierarchy.root;
  const stage = options.stage ?? 'annual';
  const excluded = options.excluded ?? Exclusions.none();
  const layout = nodeLayout(ds.hierarchy);
  const unitAt = unitsOfLayout(ds, layout);
  const ordered = layout.keys;
  // Every indicator's pool columns in one buffer, and one pair of work arrays for them all:
  // a typed array of a million nodes each would make V8 collect a large heap each time
  // (model/arena.ts).
  const arena = new Arena(poolBytes(ordered.length) * profile.indicators.length);
  const scratch: Scratch = {
    present: new Uint8Array(ordered.length),
    above: new Uint8Array(ordered.length),
  };
  const indicators = profile.indicators.map((base): IndicatorResult => {
    const choice = targetFor(base, options.targets);
    const def: IndicatorDef = {
      ...base,
      target: choice.target,
      source: choice.source,
      verified: choice.verified,
    };
    const nodes = valuesAt(def, ds, excluded, layout, unitAt, arena, scratch);
    const root = nodes.get(rootKey) ?? nodeValue(def, rootKey, emptyPool());
    let priorValue: NodeValue | undefined;
    if (prior) {
      const pLeaves = leafUnits(prior, [def.numerator, def.denominator]);
      priorValue = nodeValue(
        def,
        prior.hierarchy.root,
        poolAt(def, prior, pLeaves, prior.hierarchy.root, options.priorExcluded),
      );
    }
    const priorShown = priorValue?.shown ?? null;
    // Two years pooled over different units are compared over the units of both (coverage.ts),
    // each value as published (at the indicator's decimals).
    const coverage =
      prior && priorShown !== null && root.shown !== null
        ? priorCoverage(def, ds, excluded, prior, options.priorExcluded ?? Exclusions.none())
        : undefined;
    const published = (v: number | null) => (v === null ? null : round(v, def.decimals));
    const comparable = coverage && {
      now: published(coverage.comparable.now),
      prior: published(coverage.comparable.prior),
    };
    const range = def.plausibleRange;
    const result: IndicatorResult = {
      def,
      target: choice,
      nodes,
      root,
      status: 'noData',
      prior: priorShown,
      change: comparable
        ? comparable.now !== null && comparable.prior !== null
          ? round(comparable.now - comparable.prior, def.decimals)
          : null
        : root.shown !== null && priorShown !== null
          ? round(root.shown - priorShown, def.decimals)
          : null,
      smallNumber: root.value !== null && root.pool.numerator < SMALL_NUMBER,
      priorSmallNumber:
        priorValue?.value !== null &&
        priorValue !== undefined &&
        priorValue.pool.numerator < SMALL_NUMBER,
      provisional: root.pool.setAside.length > 0,
      unitsBelow: [],
      plausible:
        range && root.shown !== null ? root.shown >= range.low && root.shown <= range.high : null,
    };
    if (coverage && comparable) result.priorCoverage = { ...coverage, comparable };
    judgeIndicator(result, ds, choice);
    if (stage === 'midterm' && choice.target.kind !== 'none')
      result.progress = progressOf(
        def,
        choice.target,
        root.shown,
        result.status,
        options.period ?? '',
        profile.meta.targetYear,
      );
    return result;
  });
  const units = leafKeys(layout, unitAt);
  const regions = ordered.filter((k) => k !== rootKey && indicators.some((i) => i.nodes.has(k)));
  const out: Assessment = {
    rootKey,
    rootName: ds.hierarchy.name(rootKey),
    indicators,
    counts: countStatuses(indicators),
    units,
    regions,
    stage,
    targetYear: profile.meta.targetYear,
  };
  if (options.targets) out.targets = options.targets;
  return out;
}
