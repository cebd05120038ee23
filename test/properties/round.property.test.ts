import fc from 'fast-check';
import { roundHalfUp, roundToward } from '../../src/core/assess/round';
import { runs } from '../support/property';

/**
 * A rate rounds as the quotient written out does (四舍五入): numerator / denominator × scale at
 * `decimals` places, worked out here exactly in integers (BigInt), never with doubles.
 */
function exact(n: number, d: number, scale: number, decimals: number): number {
  // round(n × scale × 10^decimals / d), half away from zero, for n ≥ 0 and d > 0.
  const num = BigInt(n) * BigInt(scale) * 10n ** BigInt(decimals);
  const q = (2n * num + BigInt(d)) / (2n * BigInt(d));
  return Number(q) / 10 ** decimals;
}

test('a rate rounds as its exact quotient does, halves up', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1, max: 2_000_000 }),
      fc.integer({ min: 0, max: 2_000_000 }),
      fc.constantFrom(100, 1000, 100_000),
      fc.integer({ min: 0, max: 3 }),
      (d, raw, scale, decimals) => {
        const n = raw % (d + 1);
        expect(roundHalfUp((n / d) * scale, decimals)).toBe(exact(n, d, scale, decimals));
        expect(roundHalfUp(-(n / d) * scale, decimals)).toBe(-exact(n, d, scale, decimals) || 0);
      },
    ),
    runs(5000),
  );
  // 18,999 / 20,000 = 94.995 %: 95.00, though 18999 / 20000 × 100 is 94.99499999999999 as a double.
  expect((18999 / 20000) * 100).toBe(94.99499999999999);
  expect(roundHalfUp((18999 / 20000) * 100, 2)).toBe(95);
});

test('values that are not finite pass through', () => {
  expect(roundHalfUp(Number.POSITIVE_INFINITY, 2)).toBe(Number.POSITIVE_INFINITY);
  expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
});

describe('roundToward: a goal at published decimals, rounded the strict way', () => {
  it('a published value (k / 100) meets the rounded goal exactly when it meets the exact one', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.integer({ min: -90, max: 90 }).filter((p) => p !== 0),
        fc.integer({ min: 0, max: 20_000_000 }),
        (baseCents, percent, valueCents) => {
          // Exact in integers: the goal is base × (100 + percent) / 100, in cents × 100.
          const base = baseCents / 100;
          const value = valueCents / 100;
          const goal = roundToward(base * (1 + percent / 100), 2, percent);
          const exactScaled = BigInt(baseCents) * BigInt(100 + percent); // goal × 10,000
          const valueScaled = BigInt(valueCents) * 100n;
          const meetsExact = percent < 0 ? valueScaled <= exactScaled : valueScaled >= exactScaled;
          const meetsRounded = percent < 0 ? value <= goal + 1e-9 : value >= goal - 1e-9;
          expect(meetsRounded).toBe(meetsExact);
        },
      ),
      runs(5000),
    );
  });
});

/** The reference: every value taken to 14 significant digits before it is rounded. */
const slowHalfUp = (v: number, decimals: number) => {
  const f = 10 ** decimals;
  const r = Math.round(Number((Math.abs(v) * f).toPrecision(14))) / f;
  return v < 0 && r !== 0 ? -r : r;
};
const slowToward = (v: number, decimals: number, toward: number) => {
  const f = 10 ** decimals;
  const s = Number((v * f).toPrecision(14));
  return (toward < 0 ? Math.floor(s) : Math.ceil(s)) / f + 0;
};

test('rounding skips the 14-digit step only where it changes nothing', () => {
  // Values on and around halves and integers at every scale, where the step matters.
  const near = fc
    .tuple(
      fc.integer({ min: -10_000_000, max: 10_000_000 }),
      fc.constantFrom(0, 0.5),
      fc.integer({ min: -40, max: 40 }),
      fc.integer({ min: -6, max: 12 }),
    )
    .map(([k, edge, ulps, e]) => {
      const base = (k + edge) / 10 ** Math.max(0, e % 4);
      return base + ulps * Number.EPSILON * Math.max(Math.abs(base), 1) * 10 ** (e > 8 ? 3 : 0);
    });
  fc.assert(
    fc.property(
      fc.oneof(near, fc.double({ noNaN: true, min: -1e16, max: 1e16 })),
      fc.integer({ min: 0, max: 3 }),
      fc.constantFrom(-1, 1),
      (v, decimals, toward) => {
        expect(roundHalfUp(v, decimals)).toBe(slowHalfUp(v, decimals));
        expect(roundToward(v, decimals, toward)).toBe(slowToward(v, decimals, toward));
      },
    ),
    runs(8000),
  );
});
