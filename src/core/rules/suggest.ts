/**
 * "Did you mean …" hints: the known name closest to what was written, by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours, over code points).
 */

export function editDistance(a: string, b: string): number {
  const s = [...a];
  const u = [...b];
  const n = s.length;
  const m = u.length;
  if (n === 0) return m;
  if (m === 0) return n;
  let prev2 = new Array<number>(m + 1).fill(0);
  let prev = Array.from({ length: m + 1 }, (_, j) => j);
  let cur = new Array<number>(m + 1).fill(0);
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    for (let j = 1; j <= m; j++) {
      const cost = s[i - 1] === u[j - 1] ? 0 : 1;
      let d = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && s[i - 1] === u[j - 2] && s[i - 2] === u[j - 1]) {
        d = Math.min(d, (prev2[j - 2] ?? 0) + 1);
      }
      cur[j] = d;
    }
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return prev[m] ?? 0;
}

/**
 * The candidate closest to `written`, compared by `key` (e.g. normalizeHeader), or undefined when
 * none is close enough to be a plausible slip: at most about a third of the longer name differs.
 */
export function closest(
  written: string,
  candidates: Iterable<string>,
  key: (s: string) => string = (s) => s,
): string | undefined {
  const target = key(written);
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const c of candidates) {
    const k = key(c);
    if (k === target) continue;
    const d = editDistance(target, k);
    const longer = Math.max([...target].length, [...k].length);
    const limit = Math.max(1, Math.floor(longer / 3));
    const contained = k.includes(target) || target.includes(k);
    if ((d <= limit || (contained && d <= Math.ceil(longer / 2))) && d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best;
}
