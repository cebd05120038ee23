import { fmt } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import { cellOf } from '../read/table';
import type { SheetTable } from './builtin';
import { BUILTIN, type Finding } from './result';

/**
 * A unit's figure a thousand times its peers' (MAGNITUDE, a warning): a figure typed in 人 into
 * a 万人 column (12000 read as 12000万人), digits typed twice, a county total under a label no
 * one knows. Pooled, that one unit makes the indicator, so the statistician is asked to look.
 * Peers are the unit rows of the same column (never totals or subtotals), at least
 * `MIN_UNITS` of them with a figure above zero; the mark is above `RATIO` × their median. A
 * thousand is far beyond what units of one level differ by (a 街道 of 80,000 people beside
 * villages of 800 is a hundred times), so a warning here is worth a look.
 */
export const RATIO = 1000;
/** Units that are institutions, not places (a form by 助产机构, by school). */
const INSTITUTION = /(?:医院|卫生院|保健院|服务中心|卫生室|学校|中学|小学|幼儿园|派出所)$/;
const MIN_UNITS = 5;

export function checkMagnitudes(fs: SheetTable, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const records = fs.table.records;
  for (const col of fs.table.columns) {
    if (!col.item) continue;
    const values = fs.table.numbers.get(col.col);
    if (!values) continue;
    const peers = positiveUnitValues(records, values);
    if (peers.length < MIN_UNITS) continue;
    let max = 0;
    for (let k = 0; k < peers.length; k++) if ((peers[k] as number) > max) max = peers[k] as number;
    const median = medianOf(peers);
    if (!(max > RATIO * median)) continue;
    const item = col.item.name;
    const conv = fs.table.conversions.find((c) => c.col === col.col);
    // As written and as read: 9000万人 (90000000人).
    const shown = (v: number) =>
      conv ? `${fmt(v / conv.factor, 6)}${conv.from}（${fmt(v, 6)}${conv.to}）` : fmt(v, 6);
    for (let i = 0; i < records.length; i++) {
      const rec = records[i];
      const v = values[i] ?? NaN;
      if (!rec || rec.role !== 'unit' || !(v > RATIO * median)) continue;
      // A county hospital among 卫生院 delivers most births: an institution may be that big.
      if (INSTITUTION.test(rec.unit)) continue;
      out.push({
        ruleId: BUILTIN.magnitude,
        severity: 'warning',
        message: t(lang, 'audit.magnitude', {
          item,
          value: shown(v),
          median: conv ? `${fmt(median / conv.factor, 6)}${conv.from}` : fmt(median, 6),
          ratio: Math.floor(v / median),
        }),
        file: fs.source,
        sheet: fs.sheet,
        unit: rec.unit,
        cells: [{ item, cell: cellOf(fs.table, i, col.col), value: v }],
      });
    }
  }
  return out;
}

function positiveUnitValues(
  records: SheetTable['table']['records'],
  values: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(records.length);
  let n = 0;
  for (let i = 0; i < records.length; i++) {
    const v = values[i] ?? NaN;
    if (v > 0 && records[i]?.role === 'unit') out[n++] = v;
  }
  return out.subarray(0, n);
}

/** The median (the lower middle of an even count), by selection: no sort of a million values. */
export function medianOf(values: Float64Array): number {
  const a = Float64Array.from(values);
  const k = (a.length - 1) >> 1;
  let lo = 0;
  let hi = a.length - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1] as number;
    let i = lo;
    let j = hi;
    while (i <= j) {
      while ((a[i] as number) < pivot) i++;
      while ((a[j] as number) > pivot) j--;
      if (i <= j) {
        const x = a[i] as number;
        a[i] = a[j] as number;
        a[j] = x;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return a[k] as number;
}
