import fc from 'fast-check';
import { Arena } from '../../src/core/model/arena';
import { runs } from '../support/property';

/**
 * Typed arrays carved out of one buffer (model/arena.ts) behave as separate new arrays: zeroed,
 * 8-byte aligned, none overlapping another, and no view past the bytes reserved.
 */
const requestArb = fc.array(
  fc.record({ kind: fc.constantFrom('f64', 'i32', 'u8'), length: fc.integer({ min: 0, max: 37 }) }),
  { minLength: 1, maxLength: 12 },
);
const SIZE = { f64: 8, i32: 4, u8: 1 } as const;

describe('Arena', () => {
  test('views reserved with bytesFor are zeroed, aligned and apart', () => {
    fc.assert(
      fc.property(requestArb, (requests) => {
        const bytes = requests.reduce((n, r) => n + Arena.bytesFor(r.length, SIZE[r.kind]), 0);
        const arena = new Arena(bytes);
        const views = requests.map((r) => arena[r.kind](r.length));
        views.forEach((v, k) => {
          expect(v.length).toBe(requests[k]?.length);
          expect(v.byteOffset % 8).toBe(0);
          expect([...v].every((x) => x === 0)).toBe(true);
          // Each view filled with its own number: were two to overlap, one would show the other's.
          v.fill(k + 1);
        });
        views.forEach((v, k) => expect([...v].every((x) => x === k + 1)).toBe(true));
        expect(arena.left).toBe(0);
      }),
      runs(300),
    );
  });

  test('a request past the bytes reserved throws, and hands out nothing', () => {
    const arena = new Arena(Arena.bytesFor(3, 8) + Arena.bytesFor(5, 1));
    arena.f64(3);
    expect(() => arena.i32(3)).toThrow(RangeError);
    // The 5 bytes (8 with alignment) are still there for what they were reserved for.
    expect(arena.u8(5)).toHaveLength(5);
    expect(() => arena.u8(1)).toThrow(RangeError);
    expect(Arena.bytesFor(5, 4, 3)).toBe(3 * 24);
  });
});
