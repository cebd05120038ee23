import { Inflate } from 'fflate';
import { UnreadableInputError } from '../core/errors';
import { checkFileSize, FILE_LIMITS, formatBytes, formatCount } from './limits';

/**
 * The zip layer of an .xlsx, read before anything is inflated: the central directory (what each
 * part declares), checked against FILE_LIMITS, and a bounded inflate that stops as soon as a part
 * gives more than it declared. No file system, so the pane's file import uses it as the CLI does.
 *
 * The directory is read as JSZip (inside exceljs) reads it: entries from the central directory,
 * each part's data after its local header, `compressedSize` bytes long. So what is checked here
 * is exactly what exceljs would inflate afterwards.
 */

export interface ZipEntry {
  /** Path inside the package, e.g. `xl/worksheets/sheet1.xml`. */
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** General-purpose flags (bit 0: encrypted). */
  flags: number;
  /** Bytes of data in the file. */
  compressedSize: number;
  /** Bytes once inflated, as declared. */
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return (u16(b, i) | (u16(b, i + 2) << 16)) >>> 0;
}
/** A 64-bit field; exact below 2^53, which is far past any limit. */
function u64(b: Uint8Array, i: number): number {
  return u32(b, i) + u32(b, i + 4) * 0x100000000;
}

function corrupt(file: string, detail: string): UnreadableInputError {
  return new UnreadableInputError('error.corrupt', { file, detail });
}

/** Where the central directory is, and how many entries it says it holds. */
function findDirectory(bytes: Uint8Array, file: string): { count: number; offset: number } {
  const last = bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  let at = -1;
  for (let i = last; i >= first; i--) {
    if (u32(bytes, i) === EOCD) {
      at = i;
      break;
    }
  }
  if (at < 0) throw corrupt(file, 'no zip central directory');
  let count = u16(bytes, at + 10);
  let offset = u32(bytes, at + 16);
  if (count === 0xffff || offset === MAX32) {
    const locator = at - 20;
    if (locator < 0 || u32(bytes, locator) !== ZIP64_LOCATOR) {
      throw corrupt(file, 'zip64 directory missing');
    }
    const record = u64(bytes, locator + 8);
    if (record + 56 > bytes.length || u32(bytes, record) !== ZIP64_EOCD) {
      throw corrupt(file, 'zip64 directory missing');
    }
    count = u64(bytes, record + 32);
    offset = u64(bytes, record + 48);
  }
  return { count, offset };
}

/** The sizes and offset an entry's zip64 extra field holds for its 0xFFFFFFFF fields. */
function zip64Sizes(
  bytes: Uint8Array,
  extra: number,
  extraEnd: number,
  e: { size: number; compressedSize: number; localOffset: number },
): void {
  for (let i = extra; i + 4 <= extraEnd;) {
    const id = u16(bytes, i);
    const len = u16(bytes, i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      if (e.size === MAX32) {
        e.size = u64(bytes, p);
        p += 8;
      }
      if (e.compressedSize === MAX32) {
        e.compressedSize = u64(bytes, p);
        p += 8;
      }
      if (e.localOffset === MAX32) e.localOffset = u64(bytes, p);
      return;
    }
    i += 4 + len;
  }
}

/**
 * The parts of an .xlsx as its central directory declares them, or an UnreadableInputError
 * naming the file: too many parts, a part whose declared size or compression ratio is
 * implausible, a total beyond the limit, an unsupported or encrypted entry, a damaged directory.
 * Nothing is inflated. This is the first thing to call on the bytes of any .xlsx.
 */
export function zipEntries(bytes: Uint8Array, file: string): ZipEntry[] {
  checkFileSize(bytes.length, file);
  const { count, offset } = findDirectory(bytes, file);
  if (count > FILE_LIMITS.zipEntries) {
    throw new UnreadableInputError('limit.zipEntries', {
      file,
      count: formatCount(count),
      limit: formatCount(FILE_LIMITS.zipEntries),
    });
  }
  const decoder = new TextDecoder('utf-8');
  const entries: ZipEntry[] = [];
  let total = 0;
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== CENTRAL) {
      throw corrupt(file, 'damaged zip central directory');
    }
    const nameLength = u16(bytes, p + 28);
    const extraLength = u16(bytes, p + 30);
    const commentLength = u16(bytes, p + 32);
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    const e: ZipEntry = {
      name,
      flags: u16(bytes, p + 8),
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      size: u32(bytes, p + 24),
      localOffset: u32(bytes, p + 42),
    };
    const extra = p + 46 + nameLength;
    zip64Sizes(bytes, extra, extra + extraLength, e);
    p = extra + extraLength + commentLength;
    checkEntry(e, file);
    total += e.size;
    if (total > FILE_LIMITS.totalBytes) {
      throw new UnreadableInputError('limit.totalSize', {
        file,
        size: `${formatBytes(total)}+`,
        limit: formatBytes(FILE_LIMITS.totalBytes),
      });
    }
    entries.push(e);
  }
  return entries;
}

function checkEntry(e: ZipEntry, file: string): void {
  if (e.flags & 1) throw corrupt(file, `${e.name} is encrypted`);
  if (e.method !== 0 && e.method !== 8) {
    throw corrupt(file, `${e.name} uses compression method ${e.method}`);
  }
  if (e.size > FILE_LIMITS.partBytes) {
    throw new UnreadableInputError('limit.partSize', {
      file,
      part: e.name,
      size: formatBytes(e.size),
      limit: formatBytes(FILE_LIMITS.partBytes),
    });
  }
  const ratio = e.size / Math.max(1, e.compressedSize);
  if (e.size > FILE_LIMITS.ratioFrom && ratio > FILE_LIMITS.ratio) {
    throw new UnreadableInputError('limit.ratio', {
      file,
      part: e.name,
      ratio: formatCount(Math.round(ratio)),
      compressed: formatBytes(e.compressedSize),
      size: formatBytes(e.size),
      limit: formatCount(FILE_LIMITS.ratio),
    });
  }
  if (e.method === 0 && e.size !== e.compressedSize) {
    throw new UnreadableInputError('limit.sizeMismatch', {
      file,
      part: e.name,
      declared: formatBytes(e.size),
    });
  }
}

/** Where an entry's data is in the file. */
function dataOf(bytes: Uint8Array, e: ZipEntry, file: string): Uint8Array {
  const p = e.localOffset;
  if (p + 30 > bytes.length || u32(bytes, p) !== LOCAL) {
    throw corrupt(file, `${e.name}: damaged local header`);
  }
  const start = p + 30 + u16(bytes, p + 26) + u16(bytes, p + 28);
  const end = start + e.compressedSize;
  if (end > bytes.length) throw corrupt(file, `${e.name}: truncated`);
  return bytes.subarray(start, end);
}

/** Input is fed to the inflater this much at a time: a part can yield at most ~1,000× that. */
const STEP = 16 * 1024;

class Overrun {}

/**
 * Inflate one part a piece at a time, handing each piece to `onChunk`, and stop — with an
 * UnreadableInputError naming the part — as soon as it gives more than it declared, or if it
 * ends short. Memory stays at a few pieces whatever the part holds. Returns the bytes inflated.
 */
export function inflateEntry(
  bytes: Uint8Array,
  entry: ZipEntry,
  file: string,
  onChunk?: (chunk: Uint8Array) => void,
): number {
  const data = dataOf(bytes, entry, file);
  const mismatch = () =>
    new UnreadableInputError('limit.sizeMismatch', {
      file,
      part: entry.name,
      declared: formatBytes(entry.size),
    });
  if (entry.method === 0) {
    for (let i = 0; i < data.length; i += STEP) onChunk?.(data.subarray(i, i + STEP));
    return data.length;
  }
  let produced = 0;
  const inflater = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > entry.size) throw new Overrun();
    onChunk?.(chunk);
  });
  try {
    for (let i = 0; i < data.length; i += STEP) {
      inflater.push(data.subarray(i, i + STEP), i + STEP >= data.length);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof Overrun) throw mismatch();
    if (e instanceof UnreadableInputError) throw e;
    throw corrupt(file, `${entry.name}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (produced !== entry.size) throw mismatch();
  return produced;
}

/**
 * A host's own inflater for a whole part (Node's zlib, registered by file.ts), several times
 * faster than fflate's. It must throw rather than give more than `maxOutput` bytes. Left unset
 * in the pane and the page, which inflate with fflate.
 */
export type WholeInflate = (data: Uint8Array, maxOutput: number) => Uint8Array;
let wholeInflate: WholeInflate | undefined;

export function useWholeInflate(fn: WholeInflate | undefined): void {
  wholeInflate = fn;
}

/**
 * One part inflated whole, into exactly its declared size, with the same limits and errors as
 * `inflateEntry`: the host's inflater when it has one (stopped at the declared size), else
 * fflate a piece at a time. A part the host's inflater cannot read goes the fflate way, so a
 * damaged part gets the same message everywhere.
 */
export function inflatePart(bytes: Uint8Array, entry: ZipEntry, file: string): Uint8Array {
  if (wholeInflate && entry.method === 8 && entry.size > 0) {
    let out: Uint8Array | undefined;
    try {
      out = wholeInflate(dataOf(bytes, entry, file), entry.size);
    } catch {
      out = undefined; // larger than declared, or damaged: fflate's pass says which
    }
    if (out !== undefined && out.length === entry.size) return out;
  }
  const out = new Uint8Array(entry.size);
  let at = 0;
  inflateEntry(bytes, entry, file, (chunk) => {
    out.set(chunk, at);
    at += chunk.length;
  });
  return out.subarray(0, at);
}
