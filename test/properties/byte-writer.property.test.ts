import fc from 'fast-check';
import { ByteWriter } from '../../src/xlsx/sheetml';
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
        const ascii = (s: string) => [...s].every((c) => c.charCodeAt(0) < 0x80);
        for (const [s, asBytes] of pieces) {
          // Bytes made before are only ever ASCII (letters, digits): given so when they are.
          if (asBytes && ascii(s)) out.bytes(Uint8Array.from(s, (c) => c.charCodeAt(0)));
          else out.text(s);
        }
        out.flush();
        // Each piece is whole XML (a cell's tail, a tag): encoded on its own, so a lone
        // surrogate at a piece's end is U+FFFD, never joined with the next piece's.
        const encoder = new TextEncoder();
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
