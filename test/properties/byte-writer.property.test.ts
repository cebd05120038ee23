import fc from 'fast-check';
import { ByteWriter } from '../../src/xlsx/byte-writer';
import { runs } from '../support/property';

/**
 * The sheet writer copies markup into blocks a byte at a time and hands text with anything
 * but ASCII to TextEncoder. Whatever the pieces and wherever the blocks' edges fall, the bytes
 * handed on, joined, must be TextEncoder's UTF-8 of the pieces (fflate's strToU8, which the
 * writer used before, is TextEncoder where there is one).
 */

// ASCII markup, CJK text, a character of four bytes (a surrogate pair), a lone surrogate
// (TextEncoder writes U+FFFD), and runs long enough to span several small blocks.
const piece = fc.oneof(
  fc.constantFrom('<c r="', 'A1', '"', ' s="3"><v>12.5</v></c>', '</row>', ''),
  fc.constantFrom('分单位指标', '81县1乡1村', '𠀋', '\uD800', '\uDC00x', 'é'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.nat(200).map((n) => 'x'.repeat(n)),
  fc.nat(60).map((n) => '村'.repeat(n)),
);

function joined(blocks: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(blocks.reduce((n, b) => n + b.length, 0));
  let at = 0;
  for (const b of blocks) {
    out.set(b, at);
    at += b.length;
  }
  return out;
}

test('text and bytes in blocks are the UTF-8 of the text, whatever the block size and receiver', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(piece, fc.boolean()), { maxLength: 60 }),
      fc.integer({ min: 8, max: 300 }),
      fc.boolean(),
      (pieces, size, usesUp) => {
        const blocks: Uint8Array[] = [];
        // A receiver that keeps each block (the writer must then start a new one), or one that
        // copies it and says so (the writer then writes its next block over the same bytes).
        const out = new ByteWriter(
          usesUp ? (b) => (blocks.push(b.slice()), true) : (b) => void blocks.push(b),
          size,
        );
        const encoder = new TextEncoder();
        for (const [s, asBytes] of pieces) {
          // Bytes made before: a piece's UTF-8 given whole, or as a run inside a larger array
          // (a JSON key among all the keys of a list), padded with bytes that must not be copied.
          if (!asBytes) out.text(s);
          else if (s.length % 2 === 0) out.bytes(encoder.encode(s));
          else {
            const own = encoder.encode(s);
            const padded = new Uint8Array(own.length + 5).fill(0x7e);
            padded.set(own, 3);
            out.bytes(padded, own.length, 3);
          }
        }
        out.flush();
        // Each piece is whole XML (a cell's tail, a tag): encoded on its own, so a lone
        // surrogate at a piece's end is U+FFFD, never joined with the next piece's.
        const want = joined(pieces.map(([s]) => encoder.encode(s)));
        expect(Buffer.from(joined(blocks)).equals(Buffer.from(want))).toBe(true);
        // No empty block is handed on.
        for (const b of blocks) expect(b.length > 0).toBe(true);
      },
    ),
    runs(400),
  );
});

test('a block is handed on only when full enough, never past its size for short pieces', () => {
  const blocks: Uint8Array[] = [];
  const out = new ByteWriter((b) => void blocks.push(b), 16);
  for (let i = 0; i < 10; i++) out.text('abcde'); // 50 bytes: 15 + 15 + 15 + 5
  out.text('镇'); // 3 bytes: fits beside the last 5
  out.flush();
  expect(blocks.map((b) => b.length)).toEqual([15, 15, 15, 8]);
  expect(new TextDecoder().decode(joined(blocks))).toBe(`${'abcde'.repeat(10)}镇`);
});

test('number(v) writes String(v), for any double and for the rates and counts a report holds', () => {
  // Two-decimal values as a report rounds them, integers, their neighbours one ulp away (which
  // must not be written as the two-decimal value), and any double at all.
  const cents = fc.integer({ min: -1e15, max: 1e15 }).map((k) => k / 100);
  const near = fc
    .tuple(cents, fc.integer({ min: -2, max: 2 }))
    .map(([v, d]) => (d === 0 ? v : v + d * Number.EPSILON * Math.max(1, Math.abs(v))));
  const value = fc.oneof(
    cents,
    near,
    fc.integer({ min: -1e6, max: 1e6 }).map((k) => k / 10),
    fc.maxSafeInteger(),
    fc.double(),
    fc.constantFrom(0, -0, 0.01, -0.01, 0.1, 1e13 - 0.01, 2 ** 53, 2 ** 53 - 1, 1e21, 5e-7),
  );
  fc.assert(
    fc.property(fc.array(value, { maxLength: 30 }), fc.integer({ min: 8, max: 40 }), (vs, size) => {
      const blocks: Uint8Array[] = [];
      const out = new ByteWriter((b) => void blocks.push(b), size);
      for (const v of vs) {
        out.number(v);
        out.text(',');
      }
      out.flush();
      expect(new TextDecoder().decode(joined(blocks))).toBe(
        vs.map((v) => `${String(v)},`).join(''),
      );
    }),
    runs(1000),
  );
});
