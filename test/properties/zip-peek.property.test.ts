import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { unzipSync, zipSync } from 'fflate';
import { MAX_PART, peekZipPart } from '../../src/xlsx/zip-peek';

/**
 * zip-peek.ts reads one part of a zip on disk by its central directory. Against fflate's
 * reading of the whole zip: every part it finds is byte for byte the part fflate reads, stored
 * or deflated, with or without a comment; a name not in the zip is undefined; and bytes of a
 * zip changed at random give undefined or some bytes, never an exception.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-peek-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const onDisk = (bytes: Uint8Array, name = 'z.zip') => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};

const partName = fc
  .array(fc.constantFrom('a', 'b', 'x', '核', '/', '.', '1'), { minLength: 1, maxLength: 12 })
  .map((cs) => `p${cs.join('')}`)
  .filter((n) => !n.endsWith('/') && !n.includes('//'));
const content = fc.oneof(
  fc.uint8Array({ maxLength: 3000 }),
  fc.string({ maxLength: 500 }).map((s) => new TextEncoder().encode(s.repeat(5))),
);
const zipArb = fc.record({
  parts: fc.dictionary(partName, fc.tuple(content, fc.constantFrom(0, 1, 6, 9)), {
    minKeys: 1,
    maxKeys: 6,
  }),
  comment: fc.option(fc.string({ maxLength: 40 }), { nil: undefined }),
});

test('each part reads as fflate reads it; an absent name is undefined', async () => {
  await fc.assert(
    fc.asyncProperty(zipArb, async ({ parts, comment }) => {
      const input = Object.fromEntries(
        Object.entries(parts).map(([n, [data, level]]) => [n, [data, { level }] as const]),
      );
      const zipped = zipSync(input as Parameters<typeof zipSync>[0], { comment });
      const file = onDisk(zipped);
      const whole = unzipSync(zipped);
      for (const [name, data] of Object.entries(whole)) {
        expect(await peekZipPart(file, name)).toEqual(new Uint8Array(data));
      }
      expect(await peekZipPart(file, 'not/there.xml')).toBeUndefined();
    }),
    { numRuns: 150 },
  );
});

test('a zip changed at random never throws', async () => {
  await fc.assert(
    fc.asyncProperty(
      zipArb,
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 8,
      }),
      fc.nat(),
      async ({ parts }, changes, cut) => {
        const input = Object.fromEntries(
          Object.entries(parts).map(([n, [data, level]]) => [n, [data, { level }] as const]),
        );
        const bytes = zipSync(input as Parameters<typeof zipSync>[0]);
        for (const [at, v] of changes) bytes[at % bytes.length] = v;
        const file = onDisk(cut % 3 === 0 ? bytes.subarray(0, cut % bytes.length) : bytes);
        for (const name of Object.keys(parts)) {
          const got = await peekZipPart(file, name);
          if (got !== undefined) expect(got.length).toBeLessThanOrEqual(MAX_PART);
        }
      },
    ),
    { numRuns: 200 },
  );
});

test('a part that inflates past MAX_PART is undefined (a zip bomb costs nothing)', async () => {
  const zeros = new Uint8Array(MAX_PART + 1);
  const file = onDisk(zipSync({ 'docProps/core.xml': [zeros, { level: 9 }] }), 'bomb.zip');
  expect(fs.statSync(file).size).toBeLessThan(10_000);
  expect(await peekZipPart(file, 'docProps/core.xml')).toBeUndefined();
  // The same part declaring 100 bytes: the deflater stops at MAX_PART all the same.
  const lying = zipSync({ 'docProps/core.xml': [zeros, { level: 9 }] });
  const view = new DataView(lying.buffer, lying.byteOffset, lying.byteLength);
  let central = -1;
  for (let i = 0; i + 4 <= lying.length; i++)
    if (view.getUint32(i, true) === 0x02014b50) central = i;
  expect(central).toBeGreaterThan(0);
  view.setUint32(central + 24, 100, true);
  expect(await peekZipPart(onDisk(lying, 'lying.zip'), 'docProps/core.xml')).toBeUndefined();
});

test('a file that is not there, or no zip, is undefined', async () => {
  expect(await peekZipPart(path.join(dir, 'absent.zip'), 'a')).toBeUndefined();
  expect(await peekZipPart(onDisk(new Uint8Array(100), 'zeros.zip'), 'a')).toBeUndefined();
  expect(await peekZipPart(onDisk(new Uint8Array(0), 'empty.zip'), 'a')).toBeUndefined();
});
