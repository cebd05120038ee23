/** Whether rows add up to another, in every count column (the role steps' arithmetic). */

const TOLERANCE = 1e-6;

/**
 * Whether `parts` (but `skip`) add up to row `i` in all count columns, or all but one and that
 * one within a tenth (a figure mistyped): `near` when at least three columns are compared and at
 * least two of those that match are not 0; `over` when the parts exceed the
 * row in more than half; else `no`.
 */
export function nearSum(
  counts: readonly Float64Array[],
  i: number,
  parts: readonly number[],
  skip = -1,
): 'near' | 'over' | 'no' {
  return nearSums(counts, i, sumsOf(counts, parts, skip));
}

/** `nearSum` of parts whose sums, column by column, are `sums` (kept as a block grows). */
export function nearSums(
  counts: readonly Float64Array[],
  i: number,
  sums: Float64Array,
): 'near' | 'over' | 'no' {
  let compared = 0;
  let matchedNonzero = 0;
  let over = 0;
  let wrong = 0;
  let far = false;
  for (let c = 0; c < counts.length; c++) {
    const total = counts[c]?.[i] ?? NaN;
    if (Number.isNaN(total)) continue;
    const sum = sums[c] as number;
    compared++;
    const diff = sum - total;
    if (Math.abs(diff) <= TOLERANCE * Math.max(1, Math.abs(total))) {
      // A column of zeros says nothing.
      if (sum !== 0) matchedNonzero++;
      continue;
    }
    if (diff > 0) over++;
    wrong++;
    // A figure mistyped, not another unit's: within a tenth of the sum.
    if (Math.abs(diff) > 0.1 * Math.abs(sum)) far = true;
  }
  if (over * 2 > compared) return 'over';
  return compared >= 3 && matchedNonzero >= 2 && wrong <= 1 && !far ? 'near' : 'no';
}

/** The sums of `parts` (but `skip`), one per count column. */
function sumsOf(
  counts: readonly Float64Array[],
  parts: readonly number[],
  skip: number,
): Float64Array {
  const out = new Float64Array(counts.length);
  for (let c = 0; c < counts.length; c++) out[c] = partsSum(counts[c] as Float64Array, parts, skip);
  return out;
}

/** Add row `r`'s figures to `sums` (a block grown by one row), blanks left out. */
export function addRow(counts: readonly Float64Array[], r: number, sums: Float64Array): void {
  for (let c = 0; c < counts.length; c++) {
    const v = counts[c]?.[r] ?? NaN;
    if (!Number.isNaN(v)) sums[c] = (sums[c] as number) + v;
  }
}

/**
 * The sum of `parts` (but `skip`) in one count column, blanks left out. Indexed, not `for…of`:
 * called a few times over a million parts, the loop runs before V8 optimises it, and each
 * step of an array iterator there allocates its result (643 MB for the million-record bench).
 */
function partsSum(col: Float64Array, parts: readonly number[], skip: number): number {
  let sum = 0;
  for (let k = 0; k < parts.length; k++) {
    const p = parts[k] as number;
    if (p === skip) continue;
    const v = col[p] ?? NaN;
    if (!Number.isNaN(v)) sum += v;
  }
  return sum;
}

/**
 * 0 when `parts` (but `skip`) add up to row `i` in every count column, 1 when they exceed it
 * somewhere, else −1.
 */
export function compareSum(
  counts: readonly Float64Array[],
  i: number,
  parts: readonly number[],
  skip = -1,
): number {
  return compareSums(counts, i, sumsOf(counts, parts, skip));
}

/** `compareSum` of parts whose sums, column by column, are `sums`. */
export function compareSums(
  counts: readonly Float64Array[],
  i: number,
  sums: Float64Array,
): number {
  let compared = 0;
  let nonzero = 0;
  let result = 0;
  for (let c = 0; c < counts.length; c++) {
    const total = counts[c]?.[i] ?? NaN;
    if (Number.isNaN(total)) continue;
    const sum = sums[c] as number;
    compared++;
    if (sum !== 0) nonzero++;
    const diff = sum - total;
    if (Math.abs(diff) <= TOLERANCE * Math.max(1, Math.abs(total))) continue;
    if (diff > 0) return 1;
    result = -1;
  }
  if (result !== 0) return result;
  return compared >= 2 && nonzero >= Math.min(2, compared) ? 0 : -1;
}
