import fc from 'fast-check';
import { Out } from '../../src/cli/output';
import { writeJson } from '../../src/cli/json-out';
import { JSON_ENTRIES } from '../../src/core/output/json';

/** writeJson against JSON.stringify(value, null, 2), the text it must reproduce exactly. */
function written(value: unknown, small?: number): string {
  const parts: Uint8Array[] = [];
  // A stream that never asks to wait: writeJson hands everything over before it returns.
  void writeJson(new Out({ write: (b) => (parts.push(toBytes(b)), true) }, false), value, small);
  return decoded(parts);
}

/** writeJson writes bytes; a test stream takes text too (Out.line). */
const toBytes = (b: string | Uint8Array): Uint8Array =>
  typeof b === 'string' ? new TextEncoder().encode(b) : b.slice();

/** The UTF-8 of every piece, joined before decoding (a character may span two blocks). */
function decoded(parts: readonly Uint8Array[]): string {
  return Buffer.concat(parts).toString('utf8');
}

describe('JSON written in pieces', () => {
  test('any JSON value reads exactly as JSON.stringify(value, null, 2) plus a newline', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(written(v)).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { seed: 20261201, numRuns: 500 },
    );
  });

  test('the same when every array and object, at any depth, is written member by member', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
        expect(written(v, 0)).toBe(`${JSON.stringify(v, null, 2)}\n`);
      }),
      { seed: 20261202, numRuns: 500 },
    );
  });

  test('an iterator member is written as the array of what it yields, each made in turn', () => {
    const made: number[] = [];
    function* indicators() {
      for (let i = 0; i < 3; i++) {
        made.push(i);
        yield {
          id: `W0${i}`,
          units: Object.fromEntries(Array.from({ length: 40 }, (_, k) => [`村${k}`, k / 7])),
        };
      }
    }
    const expected = {
      period: '2025',
      indicators: [...indicators()],
      counts: { met: 1 },
    };
    made.length = 0;
    const text = written({ period: '2025', indicators: indicators(), counts: { met: 1 } });
    expect(text).toBe(`${JSON.stringify(expected, null, 2)}\n`);
    expect(made).toEqual([0, 1, 2]);
    expect(written({ none: [][Symbol.iterator]() })).toBe('{\n  "none": []\n}\n');
  });

  test('a report-shaped object with long arrays, undefined members and nested objects', () => {
    const value = {
      period: '2025',
      skipped: undefined,
      findings: Array.from({ length: 2_500 }, (_, i) => ({
        ruleId: `R${i % 7}`,
        cells: [{ cell: `B${i + 2}`, value: i % 3 === 0 ? null : i }],
        explanation: undefined,
      })),
      empty: [],
      summary: { errors: 3, nested: { list: [1, [2, 3], {}] } },
      holes: [undefined, () => 1, 'x'],
    };
    expect(written(value)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(JSON.parse(written(value)).findings).toHaveLength(2_500);
  });

  test('an object of few keys holding a long array is written in pieces, never as one string', () => {
    // validate --json of 100,000 villages: three keys, 1.27 million findings, one string of more
    // than V8's longest. The largest piece handed to the stream must stay near the flush size.
    const findings = Array.from({ length: 20_000 }, (_, i) => ({
      ruleId: 'B1',
      message: '男婴活产数与女婴活产数之和应等于活产数',
      cells: [{ cell: `C${i + 2}`, value: i }],
    }));
    const value = { summary: { rules: 8 }, findings: { all: findings } };
    const pieces: number[] = [];
    const parts: Uint8Array[] = [];
    void writeJson(
      new Out({ write: (b) => (pieces.push(b.length), parts.push(toBytes(b)), true) }, false),
      value,
    );
    const text = decoded(parts);
    expect(text).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(text.length).toBeGreaterThan(2_000_000);
    expect(Math.max(...pieces)).toBeLessThan(2 * 65_536);
  });

  test('entries (an object never built) are written as the object of those members', () => {
    const units: [string, number | null][] = [
      ['西山镇', 98.37],
      ['东坝村', null],
      ['"引号"', 0],
    ];
    const keyed = {
      keys: units.map(([k]) => k),
      value: (k: number) => units[k]?.[1] ?? null,
    };
    const text = written({ id: 'W02', units: { [JSON_ENTRIES]: keyed }, n: 3 });
    expect(text).toBe(
      `${JSON.stringify({ id: 'W02', units: Object.fromEntries(units), n: 3 }, null, 2)}\n`,
    );
    // The same keys at two depths: each depth's indent is its own.
    const twice = { a: { [JSON_ENTRIES]: keyed }, b: { c: { [JSON_ENTRIES]: keyed } } };
    const plain = Object.fromEntries(units);
    expect(written(twice, 0)).toBe(`${JSON.stringify({ a: plain, b: { c: plain } }, null, 2)}\n`);
    const empty = { keys: [], value: () => null };
    expect(written({ units: { [JSON_ENTRIES]: empty } })).toBe('{\n  "units": {}\n}\n');
  });

  test('entries with any keys (quotes, controls, CJK, lone surrogates) read as JSON.stringify', () => {
    // An array index as a key would be moved first by a plain object: left out of the reference.
    const key = fc
      .string({ unit: 'binary', maxLength: 12 })
      .filter((k) => !/^(?:0|[1-9]\d*)$/.test(k));
    const value = fc.oneof(
      fc.double(),
      fc.constant(null),
      fc.string({ maxLength: 6 }),
      fc.boolean(),
    );
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(key, value), { selector: ([k]) => k, maxLength: 40 }),
        fc.integer({ min: 0, max: 3 }),
        (pairs, depth) => {
          const keyed = { keys: pairs.map(([k]) => k), value: (k: number) => pairs[k]?.[1] };
          let v: unknown = { [JSON_ENTRIES]: keyed };
          let plain: unknown = Object.fromEntries(pairs);
          for (let d = 0; d < depth; d++) {
            v = { level: d, inner: v };
            plain = { level: d, inner: plain };
          }
          expect(written(v, 0)).toBe(`${JSON.stringify(plain, null, 2)}\n`);
        },
      ),
      { seed: 20261208, numRuns: 400 },
    );
  });

  test('a stream that asks to wait is waited for: little is written past a full pipe', async () => {
    const value = {
      units: Array.from({ length: 30_000 }, (_, i) => ({ name: `第${i}村`, v: i / 3 })),
      names: Array.from({ length: 30_000 }, (_, i) => `东坝${i}村`),
    };
    const parts: Uint8Array[] = [];
    let full = false;
    let pastFull = 0;
    let most = 0;
    let waits = 0;
    let drain: (() => void) | undefined;
    const stream = {
      write: (b: string | Uint8Array) => {
        parts.push(toBytes(b));
        if (full) most = Math.max(most, ++pastFull);
        // Every third write fills the pipe; it drains on a later turn of the event loop.
        full = parts.length % 3 === 0;
        return !full;
      },
      once: (_e: 'drain', fn: () => void) => {
        waits++;
        drain = fn;
        setImmediate(() => {
          full = false;
          pastFull = 0;
          drain?.();
        });
      },
    };
    await writeJson(new Out(stream, false), value);
    expect(decoded(parts)).toBe(`${JSON.stringify(value, null, 2)}\n`);
    expect(waits).toBeGreaterThan(10);
    // Written after the pipe said it was full, before the wait: at most a block or two.
    expect(most).toBeLessThanOrEqual(2);
  });
});
