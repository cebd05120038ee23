import type { IndicatorDef } from '../profile/schema';
import type { Dataset } from '../rollup/dataset';
import type { Exclusions } from './exclusions';

/**
 * Where a unit stands in an indicator's pool: pooled, set aside for a failed check, or left out
 * for a missing count (assess.ts pools by it; coverage.ts compares two years by it).
 */
export type Standing = 'pooled' | 'leftOut' | 'setAside';

/** An indicator's counts by unit and the marks of its failed values, found once per indicator. */
export interface Counted {
  num: Float64Array | undefined;
  den: Float64Array | undefined;
  numFailed: Uint8Array | null;
  denFailed: Uint8Array | null;
}

export function countsOf(def: IndicatorDef, ds: Dataset, excluded: Exclusions): Counted {
  return {
    num: ds.items.get(def.numerator)?.value,
    den: ds.items.get(def.denominator)?.value,
    numFailed: excluded.marks(ds, def.numerator),
    denFailed: excluded.marks(ds, def.denominator),
  };
}

/** Whether unit `u` is pooled, set aside for a failed check, or left out for a missing count. */
export function standing(c: Counted, u: number): Standing {
  if (c.numFailed?.[u] === 1 || c.denFailed?.[u] === 1) return 'setAside';
  if (Number.isNaN(c.num?.[u] ?? NaN) || Number.isNaN(c.den?.[u] ?? NaN)) return 'leftOut';
  return 'pooled';
}
