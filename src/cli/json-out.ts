import { JSON_ENTRIES, type JsonEntries, type KeyedValues } from '../core/output/json';
import type { Out } from './output';

/**
 * JSON written in pieces: the same text as `JSON.stringify(value, null, 2)`, but every array
 * or object with more than a few members is written member by member, at any depth, so a
 * million findings or the 100,000 units of each indicator never become one string (V8's
 * longest is about 512 million characters), the text is never held twice, and output starts
 * before the end. An iterator (a generator of a report's indicators), as a value or an object's
 * member, is written as the array of what it yields, each element made only when its turn comes.
 */

/** Members up to which a value is stringified whole (small objects: one call, not many). */
const SMALL = 32;
/** Members written in a row as one piece (numbers, names): one yield per run, not per member. */
const RUN = 1 << 14;
/** Text gathered before a write. */
const FLUSH = 1 << 16;

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
 * One value, its first line already placed after `pad` (its nested lines indented by `pad`).
 * `small`: members up to which a value is stringified whole (0 in the tests: always streamed).
 */
function* emit(v: unknown, pad: string, small: number): Generator<string> {
  // The usual member, a unit's value: what JSON.stringify writes for a number, without the call.
  if (typeof v === 'number') return yield Number.isFinite(v) ? String(v) : 'null';
  if (v === null) return yield 'null';
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    if (isIterator(v)) return yield* emitArray(v, pad, small);
    if (JSON_ENTRIES in v)
      return yield* emitKeyed((v as JsonEntries<unknown>)[JSON_ENTRIES], pad, small);
    // Only a value of few members in all, at every depth, is one string: an object of three
    // keys can hold a million findings (one string would pass V8's longest).
    if (!fewMembers(v, small)) {
      if (Array.isArray(v)) return yield* emitArray(v, pad, small);
      const obj = v as Record<string, unknown>;
      return yield* emitObject(obj, Object.keys(obj), pad, small);
    }
  }
  const text = JSON.stringify(v, null, 2) ?? 'null';
  yield pad ? text.replace(/\n/g, `\n${pad}`) : text;
}

/**
 * What JSON.stringify writes for a number, null or string (a unit's value, a unit's name), or
 * undefined for anything else: a member that needs no generator of its own, which is most of
 * them at 100,000 units.
 */
function primitive(v: unknown): string | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (v === null) return 'null';
  if (typeof v === 'string') return JSON.stringify(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

/** A member being written: its leading text (`,\n    "key": `) and its value. */
interface Member {
  head: string;
  value: unknown;
}

/**
 * The members of an array or object, `k` = 0, 1, … while `more(k)`: `fill(k, first, m)` puts
 * member k's leading text and value in `m` and gives true, or false to leave it out. Runs of
 * number, string and null members are written as one piece; any other value as `emit` writes
 * it. Gives whether any member was written, for the closing bracket. One slot serves every
 * member: 100,000 units an indicator make no pair, and no iterator step, each.
 */
function* emitMembers(
  more: (k: number) => boolean,
  fill: (k: number, first: boolean, m: Member) => boolean,
  inner: string,
  small: number,
): Generator<string, boolean> {
  const m: Member = { head: '', value: undefined };
  let first = true;
  let run = '';
  for (let k = 0; more(k); k++) {
    if (!fill(k, first, m)) continue;
    first = false;
    const v = m.value;
    const text = primitive(v);
    if (text !== undefined) {
      run += m.head + text;
      if (run.length >= RUN) {
        yield run;
        run = '';
      }
      continue;
    }
    yield run + m.head;
    run = '';
    m.value = undefined;
    yield* emit(v, inner, small);
  }
  if (run) yield run;
  return !first;
}

function* emitArray(items: Iterable<unknown>, pad: string, small: number): Generator<string> {
  const inner = `${pad}  `;
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
  // In an array, what JSON cannot hold (undefined, a function) is null, as stringify has it.
  const any = yield* emitMembers(
    more,
    (k, first, m) => {
      const v = item(k);
      m.head = first ? `[\n${inner}` : `,\n${inner}`;
      m.value = omitted(v) ? null : v;
      return true;
    },
    inner,
    small,
  );
  yield any ? `\n${pad}]` : '[]';
}

/** An object's members, in the order of `keys` (its own, unique). */
function* emitObject(
  obj: Record<string, unknown>,
  keys: readonly string[],
  pad: string,
  small: number,
): Generator<string> {
  const inner = `${pad}  `;
  const any = yield* emitMembers(
    (k) => k < keys.length,
    (k, first, m) => {
      const key = keys[k] as string;
      const v = obj[key];
      if (omitted(v)) return false;
      m.head = `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `;
      m.value = v;
      return true;
    },
    inner,
    small,
  );
  yield any ? `\n${pad}}` : '{}';
}

/**
 * Each key's text at one indent (`    "西山镇": `), made once per list of keys: every indicator
 * names the same 100,000 units.
 */
const keyTexts = new WeakMap<readonly string[], Map<string, string[]>>();

function keyTextsOf(keys: readonly string[], inner: string): string[] {
  let byIndent = keyTexts.get(keys);
  if (!byIndent) keyTexts.set(keys, (byIndent = new Map()));
  let texts = byIndent.get(inner);
  if (!texts) byIndent.set(inner, (texts = keys.map((k) => `${inner}${JSON.stringify(k)}: `)));
  return texts;
}

/** An object from its keys and values (core's JsonEntries), with no pair made per member. */
function* emitKeyed(e: KeyedValues<unknown>, pad: string, small: number): Generator<string> {
  const inner = `${pad}  `;
  const texts = keyTextsOf(e.keys, inner);
  const any = yield* emitMembers(
    (k) => k < e.keys.length,
    (k, first, m) => {
      const v = e.value(k);
      if (omitted(v)) return false;
      m.head = (first ? '{\n' : ',\n') + (texts[k] as string);
      m.value = v;
      return true;
    },
    inner,
    small,
  );
  yield any ? `\n${pad}}` : '{}';
}

/** A stream that says when to wait (a Node stream: write() false, then 'drain'). */
interface Drainable {
  write(text: string): unknown;
  once?(event: 'drain', fn: () => void): unknown;
}

/**
 * Write `value` as JSON. Resolves when the text is handed over; a pipe read more slowly than
 * the text is made (a parent process, `| jq`) is waited for, so the text never piles up in
 * memory ahead of it.
 */
export async function writeJson(out: Out, value: unknown, small = SMALL): Promise<void> {
  const stream = out.stream as Drainable;
  let buf = '';
  /** Hands the text over; a promise only when the stream asks to wait (so no await otherwise). */
  const flush = (): Promise<void> | undefined => {
    const ok = stream.write(buf);
    buf = '';
    if (ok !== false || typeof stream.once !== 'function') return undefined;
    const once = stream.once.bind(stream);
    return new Promise<void>((resolve) => once('drain', resolve));
  };
  for (const piece of emit(value, '', small)) {
    buf += piece;
    if (buf.length >= FLUSH) {
      const wait = flush();
      if (wait) await wait;
    }
  }
  buf += '\n';
  const wait = flush();
  if (wait) await wait;
}
