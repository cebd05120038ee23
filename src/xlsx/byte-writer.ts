/**
 * UTF-8 written into fixed blocks with no string per piece: the sheet writer's (./sheetml.ts)
 * and `--json`'s (src/cli/json-out.ts).
 */

/** Bytes of a block before it is handed on: the block deflater's own size, so none is joined. */
export const BYTES = 1 << 20;

/**
 * A receiver of bytes. It returns true when it has used them up before returning (deflated
 * or copied them): the block it was given may then be written over. Anything else (undefined)
 * means it may keep them.
 */
export type ByteSink = (bytes: Uint8Array<ArrayBuffer>) => boolean | void;

/**
 * UTF-8 gathered into blocks of `size` bytes, each handed to `emit` when full: a new block
 * each time, unless `emit` said it had used the last one up (then that one is written over: a
 * megabyte block per flush of a 113 MB sheet made V8 collect a large heap over and over, each
 * ArrayBuffer counting as external memory). Markup is ASCII and copied a character at a time;
 * text with anything else goes through TextEncoder, as fflate's strToU8 does, so the bytes are
 * the same.
 */
export class ByteWriter {
  private buf: Uint8Array<ArrayBuffer>;
  private pos = 0;
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly emit: ByteSink,
    /** A block's size (smaller in the tests, to cross its edges). */
    private readonly size = BYTES,
  ) {
    this.buf = new Uint8Array(size);
  }

  text(s: string): void {
    const n = s.length;
    if (this.pos + n > this.size) this.flush();
    const buf = this.buf;
    let pos = this.pos;
    for (let i = 0; i < n; i++) {
      const c = s.charCodeAt(i);
      if (c >= 0x80 || pos >= this.size) {
        this.pos = pos;
        return this.encoded(i === 0 ? s : s.slice(i));
      }
      buf[pos++] = c;
    }
    this.pos = pos;
  }

  /** Text past its ASCII start, or longer than a block. */
  private encoded(s: string): void {
    // At most three bytes per UTF-16 unit (a surrogate pair is two units and four bytes).
    if (this.pos + 3 * s.length > this.size) this.flush();
    if (3 * s.length > this.size) {
      this.emit(this.encoder.encode(s));
      return;
    }
    this.pos += this.encoder.encodeInto(s, this.buf.subarray(this.pos)).written;
  }

  /** Bytes made before: `n` of them from `from` (a column's letters, a row's number, a JSON key). */
  bytes(b: Uint8Array, n = b.length, from = 0): void {
    if (this.pos + n > this.size) this.flush();
    if (n > this.size) {
      this.emit(b.slice(from, from + n));
      return;
    }
    const buf = this.buf;
    let pos = this.pos;
    for (let i = from, end = from + n; i < end; i++) buf[pos++] = b[i] as number;
    this.pos = pos;
  }

  /**
   * `String(v)`, written without the string where v is an integer below 2^53 or has at most
   * two decimals (a report's rates and counts): the decimal k/100 that divides back to v
   * exactly is the shortest that reads back as v when no double lies within 0.01 of it
   * (|v| < 2^46), so it is what ECMAScript's Number::toString writes. Anything else (NaN and
   * the infinities included) goes through `String`.
   */
  number(v: number): void {
    const a = v < 0 ? -v : v;
    if (a < 9007199254740992) {
      if (a === Math.floor(a)) {
        if (v < 0) this.ascii(45);
        this.digits(a);
        return;
      }
      if (a < 1e13) {
        const k = Math.round(a * 100);
        if (k / 100 === a) {
          const whole = Math.floor(k / 100);
          const cents = k - whole * 100;
          if (v < 0) this.ascii(45);
          this.digits(whole);
          this.ascii(46);
          const tens = Math.floor(cents / 10);
          this.ascii(48 + tens);
          if (cents !== tens * 10) this.ascii(48 + cents - tens * 10);
          return;
        }
      }
    }
    this.text(String(v));
  }

  /** The decimal digits of an integer 0 ≤ n < 2^53 (n / 10 never rounds up to the next integer). */
  private digits(n: number): void {
    let len = 1;
    for (let p = 10; p <= n && len < 16; p *= 10) len++;
    if (len > this.size) return this.text(String(n));
    if (this.pos + len > this.size) this.flush();
    const buf = this.buf;
    let at = this.pos + len;
    this.pos = at;
    do {
      const q = Math.floor(n / 10);
      buf[--at] = 48 + (n - q * 10);
      n = q;
    } while (n > 0);
  }

  private ascii(c: number): void {
    if (this.pos >= this.size) this.flush();
    this.buf[this.pos++] = c;
  }

  flush(): void {
    if (this.pos === 0) return;
    if (this.emit(this.buf.subarray(0, this.pos)) !== true) this.buf = new Uint8Array(this.size);
    this.pos = 0;
  }
}
