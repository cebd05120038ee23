/**
 * `x` taken to 14 significant digits, as `Number(x.toPrecision(14))` — but only where that can
 * change what rounding `x` gives: within a hair of a boundary (`edge` past an integer: 0.5 for
 * half up, 0 for floor and ceiling). Anywhere else `x` itself rounds the same, since 14 digits
 * move it by at most 5·10⁻¹⁴ of itself, and the margin here is 20 times that; `toPrecision`
 * makes a string, and a units sheet rounds millions of values.
 */
function to14(x: number, edge: number): number {
  const ax = Math.abs(x);
  if (ax < 1e15) {
    const d = Math.abs(ax - Math.floor(ax) - edge);
    const near = Math.min(d, 1 - d);
    if (near > 1e-12 * Math.max(ax, 1)) return x;
  }
  return Number(x.toPrecision(14));
}

/**
 * `v` at `decimals` places, rounded toward the strict side of a goal: down for a goal to fall
 * to (`toward` < 0), up for one to rise to. 4.56 × (1 − 20 %) = 3.648 is 3.64, not 3.65: a
 * published 3.65 is a fall of 19.96 %, short of 20 %. A value already on the grid stays.
 */
export function roundToward(v: number, decimals: number, toward: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const scaled = to14(v * f, 0);
  const r = toward < 0 ? Math.floor(scaled) : Math.ceil(scaled);
  return r / f + 0; // never -0
}

/**
 * Half away from zero at `decimals` places (四舍五入), as a statistician rounds the figure the
 * quotient writes out: 18,999 / 20,000 is 94.995 %, which is 95.00, though the double nearest
 * to it, times 100, is 9,499.499999999998. The scaled value is taken to 14 significant digits
 * first, which keeps every digit a rate or a count of this size has and drops the noise of the
 * division (a few units in the 16th digit).
 */
export function roundHalfUp(v: number, decimals: number): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** decimals;
  const scaled = to14(Math.abs(v) * f, 0.5);
  const r = Math.round(scaled) / f;
  return v < 0 && r !== 0 ? -r : r; // never -0
}
