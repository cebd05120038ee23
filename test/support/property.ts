/**
 * Settings shared by the property-based tests (fast-check): a fixed seed, so a run is the same
 * run every time and a failure can be replayed, and the number of runs each property gets.
 * To explore further, change the seed locally: fast-check prints the seed and path of any
 * counter-example it finds.
 */
export const SEED = 20251201;

export function runs(numRuns: number): { seed: number; numRuns: number } {
  return { seed: SEED, numRuns };
}

/** JSON that keeps what plain JSON loses: NaN, ±Infinity, -0, Maps and Sets. */
function key(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => {
    if (typeof v === 'number' && (!Number.isFinite(v) || Object.is(v, -0))) return `\u0000${v}`;
    if (v instanceof Map) return { '\u0000map': [...v.entries()] };
    if (v instanceof Set) return { '\u0000set': [...v.values()] };
    return v;
  });
}

/**
 * `expect(actual).toEqual(expected)`, compared first as JSON: jest's deep equality costs about a
 * millisecond on a table's worth of values, too much for thousands of runs. When the two
 * differ, `toEqual` says how.
 */
export function expectEqual<T>(actual: T, expected: T): void {
  if (key(actual) !== key(expected)) expect(actual).toEqual(expected);
}
