import type { IndicatorDef } from '../profile/schema';
import { leafUnits, type Dataset } from '../rollup/dataset';
import type { Exclusions } from './exclusions';
import { countsOf, standing } from './standing';

/**
 * Whether this year's and last year's values of an indicator pool the same units. A change
 * between two pools of different units (乙镇 in this year's and not in last year's) is no
 * change of the area's rate: as an evaluation office does, the change and a trend target
 * are then worked out over the units pooled in both years (可比口径), and the units that differ
 * are named.
 */
export interface PriorCoverage {
  /** Units pooled this year and not last year (missing, left out or set aside then). */
  onlyNow: string[];
  /** Units pooled last year and not this year. */
  onlyPrior: string[];
  /**
   * Both years' values over the units pooled in both, null without a denominator: unrounded from
   * `priorCoverage`, as published (at the indicator's decimals) in an `IndicatorResult`.
   */
  comparable: { now: number | null; prior: number | null };
}

/**
 * Each pooled unit's number in `ds`, by its name within its parent's (甲镇/东村): last year's
 * forms are read with these names, and two villages of one name in two townships stay two.
 */
function pooledByName(def: IndicatorDef, ds: Dataset, excluded: Exclusions): Map<string, number> {
  const counted = countsOf(def, ds, excluded);
  const out = new Map<string, number>();
  for (const key of leafUnits(ds, [def.numerator, def.denominator])) {
    const u = ds.unitIndex.get(key);
    if (u !== undefined && standing(counted, u) === 'pooled') out.set(nameIn(ds, key), u);
  }
  return out;
}

/** A unit's name after its parent's and a `/` (`甲镇/东村`); the name alone at the top. */
function nameIn(ds: Dataset, key: string): string {
  const parent = ds.hierarchy.node(key)?.parent;
  const name = ds.hierarchy.name(key);
  return parent && parent !== ds.hierarchy.root ? `${ds.hierarchy.name(parent)}/${name}` : name;
}

/** `甲镇/东村` as the report names it: 东村, or 甲镇东村 where another unit has its name. */
function shownNames(names: readonly string[], all: Iterable<string>): string[] {
  const count = new Map<string, number>();
  for (const n of all) {
    const own = n.slice(n.lastIndexOf('/') + 1);
    count.set(own, (count.get(own) ?? 0) + 1);
  }
  return names.map((n) => {
    const own = n.slice(n.lastIndexOf('/') + 1);
    return (count.get(own) ?? 0) > 1 ? n.replace('/', '') : own;
  });
}

/** The value over the units of `names` only (unrounded), or null with nothing to divide by. */
function valueOver(
  def: IndicatorDef,
  ds: Dataset,
  units: ReadonlyMap<string, number>,
  names: readonly string[],
): number | null {
  const num = ds.items.get(def.numerator)?.value;
  const den = ds.items.get(def.denominator)?.value;
  let n = 0;
  let d = 0;
  for (const name of names) {
    const u = units.get(name) as number;
    n += num?.[u] ?? 0;
    d += den?.[u] ?? 0;
  }
  return d === 0 ? null : (n / d) * def.scale;
}

/**
 * How this year's and last year's pools differ, and both values over the units pooled in both
 * years (可比口径), which the change and a trend target are worked out from; undefined when
 * the two pool the same units.
 */
export function priorCoverage(
  def: IndicatorDef,
  ds: Dataset,
  excluded: Exclusions,
  prior: Dataset,
  priorExcluded: Exclusions,
): PriorCoverage | undefined {
  const now = pooledByName(def, ds, excluded);
  const before = pooledByName(def, prior, priorExcluded);
  const pairs = matchUnits(now, before);
  const onlyNow = [...now.keys()].filter((n) => !pairs.has(n));
  const matched = new Set(pairs.values());
  const onlyPrior = [...before.keys()].filter((n) => !matched.has(n));
  if (onlyNow.length === 0 && onlyPrior.length === 0) return undefined;
  const all = [...now.keys(), ...onlyPrior];
  return {
    onlyNow: shownNames(onlyNow, all),
    onlyPrior: shownNames(onlyPrior, all),
    comparable: {
      now: valueOver(def, ds, now, [...pairs.keys()]),
      prior: valueOver(def, prior, before, [...pairs.values()]),
    },
  };
}

/**
 * This year's units paired with last year's: by name within the parent's (甲镇/东村), else —
 * a form that named the township one year and not the other — by the name alone where only one
 * unit of each year left over has it.
 */
function matchUnits(
  now: ReadonlyMap<string, number>,
  before: ReadonlyMap<string, number>,
): Map<string, string> {
  const pairs = new Map<string, string>();
  for (const n of now.keys()) if (before.has(n)) pairs.set(n, n);
  const own = (n: string) => n.slice(n.lastIndexOf('/') + 1);
  const left = (names: Iterable<string>, taken: (n: string) => boolean) => {
    const by = new Map<string, string[]>();
    for (const n of names) if (!taken(n)) by.set(own(n), [...(by.get(own(n)) ?? []), n]);
    return by;
  };
  const nowLeft = left(now.keys(), (n) => pairs.has(n));
  const beforeLeft = left(before.keys(), (n) => now.has(n));
  for (const [name, ns] of nowLeft) {
    const bs = beforeLeft.get(name);
    if (ns.length === 1 && bs?.length === 1) pairs.set(ns[0] as string, bs[0] as string);
  }
  return pairs;
}
