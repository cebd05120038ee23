/**
 * Half away from zero at `decimals` places (四舍五入), as a statistician rounds the figure the
 * quotient writes out: 18,999 / 20,000 is 94.995 %, which is 95.00, though the double nearest
 * to it, times 100, is 9,499.499999999998. The scaled value is taken to 14 significant digits
 * first, which keeps every digit a rate or a count of this size has and drops the noise of the
 * division (a few units in the 16th digit).
 */
/**
 * `v` at `decimals` places, rounded toward the strict side of a goal: down for a goal to fall
 * to (`toward` < 0), up for one to rise to. 4.56 × (1 − 20 %) = 3.648 is 3.64, not 3.65: a
 * published 3.65 is a fall of 19.96 %, short of 20 %. A value already on the grid stays.
 */
export function roundToward(v: number, decimals: number, toward: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const scaled = Number((v * f).toPrecision(14));
  const r = toward < 0 ? Math.floor(scaled) : Math.ceil(scaled);
  return r / f + 0; // never -0
}

export function roundHalfUp(v: number, decimals: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const scaled = Number((Math.abs(v) * f).toPrecision(14));
  const r = Math.round(scaled) / f;
  return v < 0 && r !== 0 ? -r : r; // never -0
}
