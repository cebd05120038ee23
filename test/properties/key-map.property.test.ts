import fc from 'fast-check';
import { KeyMap } from '../../src/core/model/key-map';
import { runs } from '../support/property';

/**
 * KeyMap stands in for Map<string, V> where a form has a million units: any sequence of sets,
 * deletes, reservations and look-ups must leave it holding what a Map holds, in the same order, with the
 * real hash, with a hash that collides often (long probe runs, deleted slots reused) and with
 * one that always collides (the fall-back to a native Map part-way through).
 */
const key = fc.oneof(
  fc.constantFrom('', '村1', '村2', 'n:村1', '320102001001', '*', '村１'),
  fc.string({ maxLength: 6 }),
  fc.integer({ min: 0, max: 300 }).map((i) => `村${i}`),
);
const op = fc.oneof(
  fc.tuple(fc.constant('set' as const), key, fc.integer()),
  fc.tuple(fc.constant('delete' as const), key, fc.constant(0)),
  fc.tuple(fc.constant('get' as const), key, fc.constant(0)),
  // The first value kept: what a Map gives for `has ? get : (set, undefined)`.
  fc.tuple(fc.constant('setIfAbsent' as const), key, fc.integer()),
  // Room reserved ahead (a form's rows, before its units are keyed): never changes what it holds.
  fc.tuple(fc.constant('reserve' as const), key, fc.integer({ min: 0, max: 5000 })),
);
const hashes: [string, ((k: string) => number) | undefined][] = [
  ['FNV', undefined],
  ['length', (k: string) => k.length],
  ['constant', () => 7],
];

describe.each(hashes)('KeyMap with the %s hash', (_name, hash) => {
  it('holds what a Map holds after any operations, in insertion order', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 2000 }), (ops) => {
        const ours = new KeyMap<number>(undefined, hash);
        const theirs = new Map<string, number>();
        for (const [what, k, v] of ops) {
          if (what === 'set') {
            ours.set(k, v);
            theirs.set(k, v);
          } else if (what === 'setIfAbsent') {
            const had = theirs.has(k) ? theirs.get(k) : undefined;
            if (!theirs.has(k)) theirs.set(k, v);
            expect(ours.setIfAbsent(k, v)).toBe(had);
          } else if (what === 'delete') expect(ours.delete(k)).toBe(theirs.delete(k));
          else if (what === 'reserve') ours.reserve(v);
          else {
            expect(ours.get(k)).toBe(theirs.get(k));
            expect(ours.has(k)).toBe(theirs.has(k));
          }
        }
        expect(ours.size).toBe(theirs.size);
        expect(ours.entries()).toEqual([...theirs.entries()]);
        expect(ours.keys()).toEqual([...theirs.keys()]);
        expect(ours.values()).toEqual([...theirs.values()]);
        const walked: number[] = [];
        ours.each((v) => walked.push(v));
        expect(walked).toEqual([...theirs.values()]);
      }),
      runs(300),
    );
  });

  it('each() visits the entries there when it began, once, while the walk adds more', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(key, fc.integer()), { maxLength: 300 }),
        fc.array(key, { maxLength: 300 }),
        (start, added) => {
          const ours = new KeyMap<number>(undefined, hash);
          const theirs = new Map<string, number>();
          for (const [k, v] of start) {
            ours.set(k, v);
            theirs.set(k, v);
          }
          const before = [...theirs.values()];
          const walked: number[] = [];
          let i = 0;
          // Each visit adds a key (new or not), which may rebuild the table or move it to a Map.
          ours.each((v) => {
            walked.push(v);
            const k = added[i++ % Math.max(1, added.length)];
            if (k !== undefined && !theirs.has(k)) {
              ours.set(k, -1);
              theirs.set(k, -1);
            }
          });
          expect(walked).toEqual(before);
          expect(ours.values()).toEqual([...theirs.values()]);
        },
      ),
      runs(300),
    );
  });
});

describe('KeyMap at scale', () => {
  it('hashes 200,000 unit names and codes without falling back, and finds each', () => {
    const m = new KeyMap<number>();
    for (let i = 0; i < 100_000; i++) m.set(`村${i}`, i);
    for (let i = 0; i < 100_000; i++) m.set(String(320102001000 + i * 7), i);
    expect(m.isNative).toBe(false);
    expect(m.size).toBe(200_000);
    expect(m.get('村99999')).toBe(99_999);
    expect(m.get(String(320102001000 + 7 * 12345))).toBe(12_345);
    expect(m.get('村100000')).toBeUndefined();
  });

  it('keys made to collide send it to a native Map part-way, and nothing is lost', () => {
    const m = new KeyMap<number>(undefined, () => 0);
    for (let i = 0; i < 5_000; i++) m.set(`k${i}`, i);
    expect(m.isNative).toBe(true);
    expect(m.size).toBe(5_000);
    expect(m.keys().slice(0, 3)).toEqual(['k0', 'k1', 'k2']);
    expect(m.get('k4999')).toBe(4_999);
    // Once native, setIfAbsent still keeps the first value and adds only a new key.
    expect(m.setIfAbsent('k17', -1)).toBe(17);
    expect(m.get('k17')).toBe(17);
    expect(m.setIfAbsent('k5000', 5_000)).toBeUndefined();
    expect(m.get('k5000')).toBe(5_000);
    expect(m.size).toBe(5_001);
  });
});
