import { JSON_ENTRIES, type JsonEntries, type KeyedValues } from '../core/output/json';
import { ByteWriter } from '../xlsx/byte-writer';
import type { Out } from './output';

/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, but every array
 * or object with more than a few members is written member by member, at any depth, so a
 * million findings or the 100,000 units of each indicator never become one string (V8's
 * longest is about 512 million characters), the text is never held twice, and output starts
 * before the end. An iterator (a generator of a report's indicators), as a value or an object's
 * member, is written as the array of what it yields, each element made only when its turn comes.
 * The text goes straight into blocks of UTF-8 (`ByteWriter`): no string is joined per member
 * and none re-encoded by the stream (130 MB for a report of 100,000 villages), and each unit's
 * key is encoded once for every indicator that names it.
 */

/** Members up to which a value is stringified whole (small objects: one call, not many). */
const SMALL = 32;
/** Members written between two yields (the points where a full stream is waited for). */
const RUN = 1 << 10;
/** Bytes gathered before a write. */
const JSON_BLOCK = 1 << 16;

function isIterator(v: object): v is IterableIterator<unknown> {
  return typeof (v as { next?: unknown }).next === 'function' && Symbol.iterator in v;
}

/** A member JSON.stringify cannot be left to: an iterator (it writes {}), or entries (core's JsonEntries). */
function isMemberIterator(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (isIterator(v) || JSON_ENTRIES in v);
}

/**
 * Whether `v` holds at most `budget` members in all, counting nested arrays and objects, and no
 * iterator or entries (JSON.stringify writes those as {}). Stops counting past the budget.
 */
function fewMembers(v: unknown, budget: number): boolean {
  return spare(v, budget) >= 0;
}

/** `left` less the members of `x` at every depth; below 0 once past it or at an iterator. */
function spare(x: unknown, left: number): number {
  if (typeof x !== 'object' || x === null) return left;
  if (typeof (x as { toJSON?: unknown }).toJSON === 'function') return left;
  if (isMemberIterator(x)) return -1;
  if (Array.isArray(x)) {
    left -= x.length;
    for (let i = 0; i < x.length && left >= 0; i++) left = spare(x[i], left);
    return left;
  }
  // A key at a time, no array of them made: this runs for each of a million findings.
  for (const k in x) {
    if (!Object.prototype.hasOwnProperty.call(x, k)) continue;
    if (--left < 0) return left;
    left = spare((x as Record<string, unknown>)[k], left);
    if (left < 0) return left;
  }
  return left;
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * One value, its first line already placed after `pad` (its nested lines indented by `pad`),
 * written to `w`. It yields now and then (never a value) so that the writer can wait for a
 * stream that asks it to.
 * `small`: members up to which a value is stringified whole (0 in the tests: always streamed).
 */
function* emit(v: unknown, pad: string, small: number, w: ByteWriter): Generator<void> {
  if (writePrimitive(v, w)) return;
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    if (isIterator(v)) return yield* emitArray(v, pad, small, w);
    if (JSON_ENTRIES in v)
      return yield* emitKeyed((v as JsonEntries<unknown>)[JSON_ENTRIES], pad, small, w);
    // Only a value of few members in all, at every depth, is one string: an object of three
    // keys can hold a million findings (one string would pass V8's longest).
    if (!fewMembers(v, small)) {
      if (Array.isArray(v)) return yield* emitArray(v, pad, small, w);
      const obj = v as Record<string, unknown>;
      return yield* emitObject(obj, Object.keys(obj), pad, small, w);
    }
  }
  const text = JSON.stringify(v, null, 2) ?? 'null';
  w.text(pad ? text.replace(/\n/g, `\n${pad}`) : text);
}

/**
 * Writes what JSON.stringify writes for a number, null, string or boolean (a unit's value, a
 * unit's name) and gives true, or false for anything else: a member that needs no generator of
 * its own, which is most of them at 100,000 units.
 */
function writePrimitive(v: unknown, w: ByteWriter): boolean {
  if (typeof v === 'number') {
    if (Number.isFinite(v)) w.number(v);
    else w.text('null');
  } else if (v === null) w.text('null');
  else if (typeof v === 'string') w.text(JSON.stringify(v));
  else if (typeof v === 'boolean') w.text(v ? 'true' : 'false');
  else return false;
  return true;
}

/**
 * The members of an array or object, `k` = 0, 1, … while `more(k)`: `fill(k, first)` writes
 * member k's leading text (`,\n    "key": `), puts its value in `slot.value` and gives true,
 * or gives false to leave it out. Numbers, strings and null are written on the spot; any other
 * value as `emit` writes it. Gives whether any member was written, for the closing bracket.
 * One slot serves every member: 100,000 units an indicator make no pair, and no iterator step,
 * each.
 */
function* emitMembers(
  more: (k: number) => boolean,
  fill: (k: number, first: boolean) => boolean,
  slot: { value: unknown },
  inner: string,
  small: number,
  w: ByteWriter,
): Generator<void, boolean> {
  let first = true;
  let run = 0;
  for (let k = 0; more(k); k++) {
    if (!fill(k, first)) continue;
    first = false;
    const v = slot.value;
    slot.value = undefined;
    if (!writePrimitive(v, w)) yield* emit(v, inner, small, w);
    if (++run >= RUN) {
      run = 0;
      yield;
    }
  }
  return !first;
}

function* emitArray(
  items: Iterable<unknown>,
  pad: string,
  small: number,
  w: ByteWriter,
): Generator<void> {
  const inner = `${pad}  `;
  const open = `[\n${inner}`;
  const next = `,\n${inner}`;
  // An array by index; an iterator (a generator of indicators) one value at a time.
  let more: (k: number) => boolean;
  let item: (k: number) => unknown;
  if (Array.isArray(items)) {
    more = (k) => k < items.length;
    item = (k) => items[k] as unknown;
  } else {
    const it = items[Symbol.iterator]();
    let current: unknown;
    more = () => {
      const r = it.next();
      current = r.value;
      return r.done !== true;
    };
    item = () => current;
  }
  const slot = { value: undefined as unknown };
  // In an array, what JSON cannot hold (undefined, a function) is null, as stringify has it.
  const any = yield* emitMembers(
    more,
    (k, first) => {
      const v = item(k);
      w.text(first ? open : next);
      slot.value = omitted(v) ? null : v;
      return true;
    },
    slot,
    inner,
    small,
    w,
  );
  w.text(any ? `\n${pad}]` : '[]');
}

/** An object's members, in the order of `keys` (its own, unique). */
function* emitObject(
  obj: Record<string, unknown>,
  keys: readonly string[],
  pad: string,
  small: number,
  w: ByteWriter,
): Generator<void> {
  const inner = `${pad}  `;
  const slot = { value: undefined as unknown };
  const any = yield* emitMembers(
    (k) => k < keys.length,
    (k, first) => {
      const key = keys[k] as string;
      const v = obj[key];
      if (omitted(v)) return false;
      w.text(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
      slot.value = v;
      return true;
    },
    slot,
    inner,
    small,
    w,
  );
  w.text(any ? `\n${pad}}` : '{}');
}

/** Every key's text at one indent (`    "西山镇": `) as UTF-8 in one array, key k's from at[k]. */
interface KeyBytes {
  bytes: Uint8Array;
  at: Int32Array;
}

/**
 * Each key's text at one indent, made once per list of keys: every indicator names the same
 * 100,000 units. One array of bytes, not a string or an array per key.
 */
const keyTexts = new WeakMap<readonly string[], Map<string, KeyBytes>>();

function keyBytesOf(keys: readonly string[], inner: string): KeyBytes {
  let byIndent = keyTexts.get(keys);
  if (!byIndent) keyTexts.set(keys, (byIndent = new Map()));
  let made = byIndent.get(inner);
  if (!made) byIndent.set(inner, (made = encodeKeys(keys, inner)));
  return made;
}

function encodeKeys(keys: readonly string[], inner: string): KeyBytes {
  const encoder = new TextEncoder();
  const at = new Int32Array(keys.length + 1);
  let bytes = new Uint8Array(keys.length * (inner.length + 24) + 64);
  let pos = 0;
  for (let k = 0; k < keys.length; k++) {
    const text = `${inner}${JSON.stringify(keys[k])}: `;
    // At most three bytes per UTF-16 unit.
    if (pos + 3 * text.length > bytes.length) {
      const grown = new Uint8Array(Math.max(2 * bytes.length, pos + 3 * text.length));
      grown.set(bytes.subarray(0, pos));
      bytes = grown;
    }
    pos += encoder.encodeInto(text, bytes.subarray(pos)).written;
    at[k + 1] = pos;
  }
  return { bytes: bytes.slice(0, pos), at };
}

/** An object from its keys and values (core's JsonEntries), with no pair made per member. */
function* emitKeyed(
  e: KeyedValues<unknown>,
  pad: string,
  small: number,
  w: ByteWriter,
): Generator<void> {
  const inner = `${pad}  `;
  const { bytes, at } = keyBytesOf(e.keys, inner);
  const slot = { value: undefined as unknown };
  const any = yield* emitMembers(
    (k) => k < e.keys.length,
    (k, first) => {
      const v = e.value(k);
      if (omitted(v)) return false;
      w.text(first ? '{\n' : ',\n');
      const from = at[k] as number;
      w.bytes(bytes, (at[k + 1] as number) - from, from);
      slot.value = v;
      return true;
    },
    slot,
    inner,
    small,
    w,
  );
  w.text(any ? `\n${pad}}` : '{}');
}

/** A stream that says when to wait (a Node stream: write() false, then 'drain'). */
interface Drainable {
  write(bytes: Uint8Array): unknown;
  once?(event: 'drain', fn: () => void): unknown;
}

/**
 * Write `value` as JSON, as UTF-8 in blocks of `JSON_BLOCK` bytes (each a new array: a stream
 * may keep what it is given). Resolves when the text is handed over; a pipe read more slowly
 * than the text is made (a parent process, `| jq`) is waited for, so the text never piles up in
 * memory ahead of it.
 */
export async function writeJson(out: Out, value: unknown, small = SMALL): Promise<void> {
  const stream = out.stream as Drainable;
  let full = false;
  const w = new ByteWriter((block) => {
    if (stream.write(block) === false && typeof stream.once === 'function') full = true;
  }, JSON_BLOCK);
  const drained = (): Promise<void> | undefined => {
    if (!full) return undefined;
    full = false;
    const once = (stream.once as NonNullable<Drainable['once']>).bind(stream);
    return new Promise<void>((resolve) => once('drain', resolve));
  };
  for (const _ of emit(value, '', small, w)) {
    const wait = drained();
    if (wait) await wait;
  }
  w.text('\n');
  w.flush();
  const wait = drained();
  if (wait) await wait;
}
