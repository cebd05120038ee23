/**
 * Typed arrays carved out of one ArrayBuffer, for the engine's columns of a million units.
 *
 * V8 counts every ArrayBuffer as external memory and, once the heap is large, answers each
 * large new one with a full mark-compact of the whole heap. 27 indicators × 5 pool columns of
 * a million nodes, allocated one by one beside a 420 MB heap, took 1.97 s; the same arrays as
 * views of one buffer 0.27 s (a micro-benchmark on the 2-core machine). At 1,000,000 villages
 * the heap is 1.5–2.4 GB, and each such collection cost 0.3–1 s.
 *
 * The arrays are zeroed, as new typed arrays are. Every view keeps the whole buffer alive, so
 * an arena is for arrays that live and die together (an assessment's pools, a dataset's item
 * columns). Views are taken 8-byte aligned, in the order asked for, up to the bytes reserved.
 */
export class Arena {
  private readonly buffer: ArrayBuffer;
  private at = 0;

  /** Room for `bytes` (each request rounded up to 8 bytes: see `bytesFor`). */
  constructor(bytes: number) {
    this.buffer = new ArrayBuffer(bytes);
  }

  /** The bytes to reserve for `count` arrays of `length` elements of `size` bytes each. */
  static bytesFor(length: number, size: number, count = 1): number {
    return roundUp(length * size) * count;
  }

  f64(length: number): Float64Array {
    return new Float64Array(this.buffer, this.take(length * 8), length);
  }

  i32(length: number): Int32Array {
    return new Int32Array(this.buffer, this.take(length * 4), length);
  }

  u8(length: number): Uint8Array {
    return new Uint8Array(this.buffer, this.take(length), length);
  }

  /** Bytes not yet handed out. */
  get left(): number {
    return this.buffer.byteLength - this.at;
  }

  private take(bytes: number): number {
    const start = this.at;
    const end = start + roundUp(bytes);
    // A caller that reserved too little is a bug: never a view past the end, never an overlap.
    if (end > this.buffer.byteLength)
      throw new RangeError(
        `arena of ${this.buffer.byteLength} bytes: ${bytes} more asked at ${start}`,
      );
    this.at = end;
    return start;
  }
}

function roundUp(bytes: number): number {
  return Math.ceil(bytes / 8) * 8;
}
