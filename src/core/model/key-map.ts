/**
 * A Map from strings for the million keys of a village form (unit names and codes): an
 * open-addressing hash table of int32 slots over arrays of keys and values, in insertion order.
 * Filling it with a million village names took 0.15–0.19 s where V8's `Map` took 0.54–0.85 s on
 * the 2-core machines Tally is measured on (a micro-benchmark); in the profile of a million-row
 * audit the look-ups it serves take about half the time they took. A slot costs 4 bytes, beside
 * the key, value and hash arrays.
 *
 * Keys are hashed with FNV-1a and a final mix. Since a hostile file could hold keys chosen to
 * collide, the table counts its probes: once they pass eight per operation (plus a margin), it
 * moves every entry, in order, to a native `Map` and uses that from then on. No input makes it
 * slower than `Map` by more than that constant.
 *
 * `values()`, `keys()` and `entries()` return arrays (a copy), so a caller may add or delete
 * while it walks them.
 */
export class KeyMap<V> {
  /** Entry keys in insertion order; undefined where deleted. */
  private ks: (string | undefined)[] = [];
  private vs: (V | undefined)[] = [];
  private hs: number[] = [];
  /** Slot → entry + 1; 0 is empty, −1 a deleted entry's slot. */
  private slots = new Int32Array(16);
  /** Slots not empty (live and deleted). */
  private used = 0;
  private live = 0;
  private ops = 0;
  private probes = 0;
  private native: Map<string, V> | undefined;
  private readonly hash: (key: string) => number;

  /** `hash` is for tests (a bad hash, to reach the fall-back); leave it out. */
  constructor(entries?: Iterable<readonly [string, V]>, hash: (key: string) => number = fnv) {
    this.hash = hash;
    if (entries) for (const [k, v] of entries) this.set(k, v);
  }

  get size(): number {
    return this.native ? this.native.size : this.live;
  }

  get(key: string): V | undefined {
    if (this.native) return this.native.get(key);
    const e = this.entryOf(key, this.hash(key));
    const fell = this.fellBack();
    if (fell) return fell.get(key);
    return e < 0 ? undefined : this.vs[e];
  }

  has(key: string): boolean {
    if (this.native) return this.native.has(key);
    const e = this.entryOf(key, this.hash(key));
    const fell = this.fellBack();
    if (fell) return fell.has(key);
    return e >= 0;
  }

  set(key: string, value: V): this {
    if (this.native) {
      this.native.set(key, value);
      return this;
    }
    const h = this.hash(key);
    const e = this.entryOf(key, h);
    if (this.fellBack()) return this.set(key, value);
    if (e >= 0) {
      this.vs[e] = value;
      return this;
    }
    this.append(key, value, h);
    return this;
  }

  /** A new entry for a key not in the table. */
  private append(key: string, value: V, h: number): void {
    if ((this.used + 1) * 2 > this.slots.length) this.rebuild();
    this.place(this.ks.length, h);
    this.ks.push(key);
    this.vs.push(value);
    this.hs.push(h);
    this.used++;
    this.live++;
  }

  /**
   * The value of `key` if it has one; else `value` is set for it and undefined returned. One
   * hash and one probe where `get` then `set` took two (a million names checked for repeats).
   */
  setIfAbsent(key: string, value: V): V | undefined {
    if (this.native) {
      if (this.native.has(key)) return this.native.get(key);
      this.native.set(key, value);
      return undefined;
    }
    const h = this.hash(key);
    const e = this.entryOf(key, h);
    if (this.fellBack()) return this.setIfAbsent(key, value);
    if (e >= 0) return this.vs[e];
    this.append(key, value, h);
    return undefined;
  }

  delete(key: string): boolean {
    if (this.native) return this.native.delete(key);
    const s = this.slotOf(key, this.hash(key));
    const fell = this.fellBack();
    if (fell) return fell.delete(key);
    if (s < 0) return false;
    const e = (this.slots[s] as number) - 1;
    this.slots[s] = -1;
    this.ks[e] = undefined;
    this.vs[e] = undefined;
    this.live--;
    return true;
  }

  values(): V[] {
    if (this.native) return [...this.native.values()];
    if (this.live === this.vs.length) return this.vs.slice() as V[];
    const out: V[] = [];
    for (let e = 0; e < this.ks.length; e++)
      if (this.ks[e] !== undefined) out.push(this.vs[e] as V);
    return out;
  }

  /**
   * `fn` on each value, in insertion order, without copying them into an array (a million
   * nodes, 8 MB a copy). Entries added during the walk are not visited; one deleted during it
   * may still be (its place may have been compacted away by then), so do not delete in `fn`.
   */
  each(fn: (value: V) => void): void {
    if (this.native) {
      for (const v of [...this.native.values()]) fn(v);
      return;
    }
    const ks = this.ks;
    const vs = this.vs;
    const end = ks.length;
    for (let e = 0; e < end; e++) if (ks[e] !== undefined) fn(vs[e] as V);
  }

  keys(): string[] {
    if (this.native) return [...this.native.keys()];
    if (this.live === this.ks.length) return this.ks.slice() as string[];
    return this.ks.filter((k): k is string => k !== undefined);
  }

  entries(): [string, V][] {
    if (this.native) return [...this.native.entries()];
    const out: [string, V][] = [];
    for (let e = 0; e < this.ks.length; e++) {
      const k = this.ks[e];
      if (k !== undefined) out.push([k, this.vs[e] as V]);
    }
    return out;
  }

  /**
   * Room for `n` more entries without growing: a caller that knows it will add a million keys
   * sizes the slots once, not by doubling twenty times (each a pass over every entry and the
   * old slots left to the collector).
   */
  reserve(n: number): void {
    if (this.native || (this.used + n + 1) * 2 <= this.slots.length) return;
    this.rebuild(this.live + n);
  }

  /** Whether the table has given up hashing and moved to a native Map (for tests). */
  get isNative(): boolean {
    return this.native !== undefined;
  }

  /** The native Map, once the table has moved there (read again after a probe). */
  private fellBack(): Map<string, V> | undefined {
    return this.native;
  }

  /** The entry of `key`, or −1. */
  private entryOf(key: string, h: number): number {
    const s = this.slotOf(key, h);
    return s < 0 ? -1 : (this.slots[s] as number) - 1;
  }

  /**
   * The slot of `key`, or −1. Past the probe budget it moves to a native Map and gives −1:
   * the caller asks `native` again.
   */
  private slotOf(key: string, h: number): number {
    const mask = this.slots.length - 1;
    this.ops++;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const at = this.slots[s] as number;
      if (at === 0) return -1;
      if (at > 0 && this.hs[at - 1] === h && this.ks[at - 1] === key) return s;
      if (++this.probes > 8 * this.ops + 1024) {
        this.goNative();
        return -1;
      }
    }
  }

  /** Put entry `e` of hash `h` in the first free slot of its run. */
  private place(e: number, h: number): void {
    const mask = this.slots.length - 1;
    let s = h & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = e + 1;
  }

  /**
   * A table twice the live entries' need (or room for `room` entries at most half full, when
   * reserved), deleted entries dropped, order kept.
   */
  private rebuild(room = 0): void {
    let size = 16;
    while (size < (this.live + 1) * 4 || size < (room + 1) * 2) size *= 2;
    if (this.live < this.ks.length) {
      const ks: (string | undefined)[] = [];
      const vs: (V | undefined)[] = [];
      const hs: number[] = [];
      for (let e = 0; e < this.ks.length; e++) {
        if (this.ks[e] === undefined) continue;
        ks.push(this.ks[e]);
        vs.push(this.vs[e]);
        hs.push(this.hs[e] as number);
      }
      this.ks = ks;
      this.vs = vs;
      this.hs = hs;
    }
    this.slots = new Int32Array(size);
    for (let e = 0; e < this.ks.length; e++) this.place(e, this.hs[e] as number);
    this.used = this.ks.length;
    this.ops = 0;
    this.probes = 0;
  }

  private goNative(): void {
    const m = new Map<string, V>();
    for (let e = 0; e < this.ks.length; e++) {
      const k = this.ks[e];
      if (k !== undefined) m.set(k, this.vs[e] as V);
    }
    this.native = m;
    this.ks = [];
    this.vs = [];
    this.hs = [];
    this.slots = new Int32Array(0);
  }
}

/** FNV-1a over UTF-16 code units, then murmur3's final mix (the table masks the low bits). */
function fnv(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
