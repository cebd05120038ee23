import { promises as fs } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * One small part of a zip file on disk, read without reading the file: the end record, the
 * central directory, then the part's own bytes. Whether a 150 MB report where the next report
 * goes is Tally's is its docProps/core.xml, a few hundred bytes; the whole file is past the
 * reading limit (limits.ts), so it could not be loaded to learn that.
 *
 * Anything unexpected gives undefined, never an exception: no such part, not a zip, a zip64 or
 * encrypted entry, a central directory past MAX_DIRECTORY or a part past MAX_PART (declared or
 * inflated: the deflater stops at MAX_PART, so a zip bomb costs nothing).
 */
export const MAX_DIRECTORY = 4 * 1024 * 1024;
export const MAX_PART = 1024 * 1024;

const END = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const END_BYTES = 22;

export async function peekZipPart(file: string, name: string): Promise<Uint8Array | undefined> {
  const handle = await fs.open(file, 'r').catch(() => undefined);
  if (!handle) return undefined;
  try {
    const { size } = await handle.stat();
    const read = async (at: number, length: number): Promise<Buffer | undefined> => {
      if (at < 0 || length < 0 || at + length > size) return undefined;
      const buf = Buffer.alloc(length);
      const { bytesRead } = await handle.read(buf, 0, length, at);
      return bytesRead === length ? buf : undefined;
    };
    const tailBytes = Math.min(size, END_BYTES + 0xffff);
    const tail = await read(size - tailBytes, tailBytes);
    if (!tail) return undefined;
    const end = endRecord(tail);
    if (end < 0) return undefined;
    const count = tail.readUInt16LE(end + 10);
    const dirBytes = tail.readUInt32LE(end + 12);
    if (dirBytes > MAX_DIRECTORY) return undefined;
    const dir = await read(tail.readUInt32LE(end + 16), dirBytes);
    if (!dir) return undefined;
    const at = findEntry(dir, count, Buffer.from(name, 'utf8'));
    return at < 0 ? undefined : await entryBytes(dir, at, read);
  } catch {
    return undefined;
  } finally {
    await handle.close();
  }
}

/** The end-of-central-directory record: the last signature whose comment ends the file. */
function endRecord(tail: Buffer): number {
  for (let i = tail.length - END_BYTES; i >= 0; i--) {
    if (tail.readUInt32LE(i) === END && i + END_BYTES + tail.readUInt16LE(i + 20) === tail.length)
      return i;
  }
  return -1;
}

/** The offset in the central directory of the entry named `want`, or −1. */
function findEntry(dir: Buffer, count: number, want: Buffer): number {
  let at = 0;
  for (let k = 0; k < count && at + 46 <= dir.length; k++) {
    if (dir.readUInt32LE(at) !== CENTRAL) return -1;
    const nameBytes = dir.readUInt16LE(at + 28);
    const nameEnd = at + 46 + nameBytes;
    if (nameEnd <= dir.length && dir.subarray(at + 46, nameEnd).equals(want)) return at;
    at = nameEnd + dir.readUInt16LE(at + 30) + dir.readUInt16LE(at + 32);
  }
  return -1;
}

async function entryBytes(
  dir: Buffer,
  at: number,
  read: (at: number, length: number) => Promise<Buffer | undefined>,
): Promise<Uint8Array | undefined> {
  const flags = dir.readUInt16LE(at + 8);
  const method = dir.readUInt16LE(at + 10);
  const packed = dir.readUInt32LE(at + 20);
  const size = dir.readUInt32LE(at + 24);
  if ((flags & 1) !== 0 || packed > MAX_PART || size > MAX_PART) return undefined;
  const local = dir.readUInt32LE(at + 42);
  const head = await read(local, 30);
  if (!head || head.readUInt32LE(0) !== LOCAL) return undefined;
  const data = await read(local + 30 + head.readUInt16LE(26) + head.readUInt16LE(28), packed);
  if (!data) return undefined;
  if (method === 0) return packed === size ? data : undefined;
  if (method !== 8) return undefined;
  const out = inflateRawSync(data, { maxOutputLength: MAX_PART });
  return out.length === size ? out : undefined;
}
