/** A1 addressing. Rows and columns are 0-based inside the engine and 1-based in A1 text. */

/** Letters of the first columns, made once: an address is made for every finding's cell. */
const LETTERS: string[] = [];

export function columnLetter(col: number): string {
  const known = LETTERS[col];
  if (known !== undefined) return known;
  if (!Number.isInteger(col) || col < 0) throw new RangeError(`column index ${col} is not valid`);
  const letters = lettersOf(col);
  if (col < 1024) LETTERS[col] = letters;
  return letters;
}

function lettersOf(col: number): string {
  let n = col + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export function columnIndex(letters: string): number {
  const s = letters.toUpperCase();
  if (!/^[A-Z]{1,3}$/.test(s)) throw new RangeError(`"${letters}" is not a column`);
  let n = 0;
  for (const ch of s) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/** `a1(0, 0)` is `A1`. */
export function a1(row: number, col: number): string {
  return `${columnLetter(col)}${row + 1}`;
}

export interface CellRef {
  row: number;
  col: number;
}

export function parseA1(ref: string): CellRef {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m || !m[1] || !m[2]) throw new RangeError(`"${ref}" is not an A1 cell address`);
  const row = Number(m[2]) - 1;
  if (row < 0) throw new RangeError(`"${ref}" is not an A1 cell address`);
  return { row, col: columnIndex(m[1]) };
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B2:D4`, or a single cell. A sheet prefix (`Sheet1!B2:D4`) is accepted and dropped. */
export function parseRange(ref: string): RangeRef {
  const bare = ref.includes('!') ? ref.slice(ref.lastIndexOf('!') + 1) : ref;
  const [from, to] = bare.split(':');
  const a = parseA1(from ?? '');
  const b = to === undefined ? a : parseA1(to);
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

export function rangeA1(r: RangeRef): string {
  const from = a1(r.top, r.left);
  const to = a1(r.bottom, r.right);
  return from === to ? from : `${from}:${to}`;
}
