import { strFromU8, unzipSync } from 'fflate';
// file.ts hands the fast writer Node's deflater and CRC-32, as the CLI runs it.
import '../../src/xlsx/file';
import { writeXlsxBytes } from '../../src/xlsx/write';

/**
 * The zip of a workbook the CLI writes (fast-write.ts with Node's zlib): every part's CRC-32
 * and size in the central directory are those of its contents, by a CRC-32 of our own here.
 */
/** CRC-32 (IEEE 802.3, reflected 0xEDB88320) bit by bit, as the zip format defines it. */
function referenceCrc(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

/** Each entry's CRC-32 and size as the zip's central directory records them. */
function centralDirectory(zip: Uint8Array): Map<string, { crc: number; size: number }> {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  let end = zip.length - 22;
  while (end >= 0 && view.getUint32(end, true) !== 0x06054b50) end--;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const out = new Map<string, { crc: number; size: number }>();
  for (let i = 0; i < count; i++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const nameLength = view.getUint16(at + 28, true);
    const name = strFromU8(zip.subarray(at + 46, at + 46 + nameLength));
    out.set(name, { crc: view.getUint32(at + 16, true), size: view.getUint32(at + 24, true) });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return out;
}

describe('the zip the CLI writes', () => {
  test("every part's CRC-32 and size are those of its contents (Node's zlib deflate and CRC)", async () => {
    expect(referenceCrc(new TextEncoder().encode('123456789'))).toBe(0xcbf43926); // the check value
    const rows = Array.from({ length: 3000 }, (_, i) => [
      { value: `单位${i}` },
      { value: i * 1.5 },
      { value: i % 7 === 0 ? null : i },
    ]);
    const bytes = await writeXlsxBytes(
      { sheets: [{ name: '分单位指标', rows }] },
      'report',
      'fast',
    );
    const parts = unzipSync(bytes);
    const listed = centralDirectory(bytes);
    expect([...listed.keys()].sort()).toEqual(Object.keys(parts).sort());
    for (const [name, data] of Object.entries(parts)) {
      expect({ name, ...listed.get(name) }).toEqual({
        name,
        crc: referenceCrc(data),
        size: data.length,
      });
    }
    expect(parts['xl/worksheets/sheet1.xml']?.length).toBeGreaterThan(100_000);
  });
});
