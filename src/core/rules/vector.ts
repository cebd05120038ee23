/**
 * Column vectors, the values a compiled rule computes with: one entry per record.
 *  - numbers: Float64Array, NaN = unknown (blank, missing, division by zero…);
 *  - truth values: Int8Array, 1 = TRUE, 0 = FALSE, -1 = unknown (R's NA);
 *  - text: an array of strings, null = unknown (blank).
 * Conversions follow R: TRUE/FALSE are 1/0 in arithmetic, a number is TRUE when not 0, text
 * that reads as a plain number is that number (anything else is unknown).
 */

export type Text = readonly (string | null)[];

export type Vec =
  | { kind: 'number'; values: Float64Array }
  | { kind: 'logical'; values: Int8Array }
  | { kind: 'text'; values: Text };

/** Module constants: in hot loops they are cheaper than the globals NaN and Infinity. */
export const NAN = Number.NaN;

export const TRUE = 1;
export const FALSE = 0;
export const UNKNOWN = -1;

const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

export function textToNumber(s: string | null): number {
  if (s === null) return NaN;
  const trimmed = s.trim();
  return PLAIN_NUMBER.test(trimmed) ? Number(trimmed) : NaN;
}

/** As R's as.character: 15 significant digits, so 0.1 + 0.2 reads "0.3". */
export function numberToText(x: number): string | null {
  if (Number.isNaN(x)) return null;
  if (!Number.isFinite(x)) return x > 0 ? 'Inf' : '-Inf';
  // Whole numbers below 2^53 print exactly: no toPrecision (the cost of 100,000 messages).
  if (Number.isSafeInteger(x)) return String(x);
  return String(Number(x.toPrecision(15)));
}

export function asNumbers(v: Vec, size: number): Float64Array {
  switch (v.kind) {
    case 'number':
      return v.values;
    case 'logical': {
      const out = new Float64Array(size);
      const b = v.values;
      for (let i = 0; i < size; i++) {
        const x = b[i] as number;
        out[i] = x === UNKNOWN ? NAN : x;
      }
      return out;
    }
    case 'text': {
      const out = new Float64Array(size);
      const s = v.values;
      for (let i = 0; i < size; i++) out[i] = textToNumber(s[i] ?? null);
      return out;
    }
  }
}

export function asLogical(v: Vec, size: number): Int8Array {
  if (v.kind === 'logical') return v.values;
  const x = asNumbers(v, size);
  const out = new Int8Array(size);
  for (let i = 0; i < size; i++) {
    const a = x[i] as number;
    out[i] = a !== a ? UNKNOWN : a !== 0 ? TRUE : FALSE;
  }
  return out;
}

export function asText(v: Vec, size: number): Text {
  switch (v.kind) {
    case 'text':
      return v.values;
    case 'number': {
      const out = new Array<string | null>(size);
      for (let i = 0; i < size; i++) out[i] = numberToText(v.values[i] as number);
      return out;
    }
    case 'logical': {
      const out = new Array<string | null>(size);
      for (let i = 0; i < size; i++) {
        const b = v.values[i];
        out[i] = b === TRUE ? 'TRUE' : b === FALSE ? 'FALSE' : null;
      }
      return out;
    }
  }
}

export function isUnknownText(s: string | null | undefined): boolean {
  return s === null || s === undefined || s.trim() === '';
}

export function filledNumbers(size: number, value: number): Float64Array {
  return new Float64Array(size).fill(value);
}
