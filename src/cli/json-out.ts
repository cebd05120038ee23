import { JSON_ENTRIES, type JsonEntries } from '../core/output/json';
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
/** Text gathered before a write. */
const FLUSH = 1 << 16;

class Sink {
  private buf = '';

  constructor(private readonly write: (s: string) => void) {}

  push(s: string): void {
    this.buf += s;
    if (this.buf.length >= FLUSH) this.flush();
  }

  flush(): void {
    if (this.buf) this.write(this.buf);
    this.buf = '';
  }
}

function isIterator(v: object): v is IterableIterator<unknown> {
  return typeof (v as { next?: unknown }).next === 'function' && Symbol.iterator in v;
}

/** A member JSON.stringify cannot be left to: an iterator (it writes {}), or entries (core's JsonEntries). */
function isMemberIterator(v: unknown): boolean {
  return typeof v === 'object' && v !== null && (isIterator(v) || JSON_ENTRIES in v);
}

/** What JSON.stringify leaves out of an object (and writes as null in an array). */
function omitted(v: unknown): boolean {
  return v === undefined || typeof v === 'function' || typeof v === 'symbol';
}

/**
 * One value, its first line already placed after `pad` (its nested lines indented by `pad`).
 * `small`: members up to which a value is stringified whole (0 in the tests: always streamed).
 */
function emit(v: unknown, pad: string, sink: Sink, small: number): void {
  // The usual member, a unit's value: what JSON.stringify writes for a number, without the call.
  if (typeof v === 'number') return sink.push(Number.isFinite(v) ? String(v) : 'null');
  if (v === null) return sink.push('null');
  if (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as { toJSON?: unknown }).toJSON !== 'function'
  ) {
    if (isIterator(v)) return emitArray(v, pad, sink, small);
    if (JSON_ENTRIES in v)
      return emitEntries((v as JsonEntries<unknown>)[JSON_ENTRIES](), pad, sink, small);
    if (Array.isArray(v) && v.length > small) return emitArray(v, pad, sink, small);
    if (!Array.isArray(v)) {
      const obj = v as Record<string, unknown>;
      const keys = Object.keys(obj);
      // A member that is an iterator is never left to JSON.stringify, which writes it as {}.
      if (keys.length > small || keys.some((k) => isMemberIterator(obj[k])))
        return emitObject(obj, keys, pad, sink, small);
    }
  }
  const text = JSON.stringify(v, null, 2) ?? 'null';
  sink.push(pad ? text.replace(/\n/g, `\n${pad}`) : text);
}

function emitArray(items: Iterable<unknown>, pad: string, sink: Sink, small: number): void {
  const inner = `${pad}  `;
  let first = true;
  for (const item of items) {
    sink.push(first ? `[\n${inner}` : `,\n${inner}`);
    first = false;
    // In an array, what JSON cannot hold (undefined, a function) is null, as stringify has it.
    emit(omitted(item) ? null : item, inner, sink, small);
  }
  sink.push(first ? '[]' : `\n${pad}]`);
}

function emitObject(
  obj: Record<string, unknown>,
  keys: readonly string[],
  pad: string,
  sink: Sink,
  small: number,
): void {
  emitEntries(
    keys.map((k): [string, unknown] => [k, obj[k]]),
    pad,
    sink,
    small,
  );
}

/** An object's members from its entries, in their order (the caller keeps keys unique). */
function emitEntries(
  entries: Iterable<[string, unknown]>,
  pad: string,
  sink: Sink,
  small: number,
): void {
  const inner = `${pad}  `;
  let first = true;
  for (const [key, v] of entries) {
    if (omitted(v)) continue;
    sink.push(`${first ? '{\n' : ',\n'}${inner}${JSON.stringify(key)}: `);
    first = false;
    emit(v, inner, sink, small);
  }
  sink.push(first ? '{}' : `\n${pad}}`);
}

export function writeJson(out: Out, value: unknown, small = SMALL): void {
  const sink = new Sink((s) => out.stream.write(s));
  emit(value, '', sink, small);
  sink.push('\n');
  sink.flush();
}
