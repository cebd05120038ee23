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

/** Each pooled unit's number in `ds`, by name: the names last year's forms are read with. */
function pooledByName(def: IndicatorDef, ds: Dataset, excluded: Exclusions): Map<string, number> {
  const counted = countsOf(def, ds, excluded);
  const out = new Map<string, number>();
  for (const key of leafUnits(ds, [def.numerator, def.denominator])) {
    const u = ds.unitIndex.get(key);
    if (u !== undefined && standing(counted, u) === 'pooled') out.set(ds.hierarchy.name(key), u);
  }
  return out;
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
  const onlyNow = [...now.keys()].filter((n) => !before.has(n));
  const onlyPrior = [...before.keys()].filter((n) => !now.has(n));
  if (onlyNow.length === 0 && onlyPrior.length === 0) return undefined;
  const both = [...now.keys()].filter((n) => before.has(n));
  return {
    onlyNow,
    onlyPrior,
    comparable: { now: valueOver(def, ds, now, both), prior: valueOver(def, prior, before, both) },
  };
}
