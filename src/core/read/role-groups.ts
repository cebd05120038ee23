import { levelOfName } from './levels';
import { addRow, compareSum, compareSums, nearSum } from './sums';
import type { RoleReason, RowRoleResult } from './roles';

/**
 * Rows that group the units under them, as county forms write them: a heading row that carries
 * its group's figures (`城区 | 300 …` over 甲街道 and 乙街道, `一、城区`, `（二）农村`, `东片区`), a
 * second breakdown line after a total's `其中：` line (`合计` / `其中：城区` / `乡镇`), and a
 * hand-typed total one figure off under a label that names no unit (blank, `合记`, `—`).
 * Pooled as units, each counts its units twice; these steps make them what they are, so the
 * 合计 check compares them with their rows.
 */

type Working = RowRoleResult & { block?: number[]; names?: boolean };

/** A numbering before a heading: `一、` `（一）` `(1)` `1.` `1、` `第一部分`. */
const NUMBERING =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.．](?!\d)|第[一二三四五六七八九十\d]+[部分类组])/;
/** What NUMBERING can start with (a sufficient test: a label failing it has no numbering). */
const NUMBERED = /^[一二三四五六七八九十(（\d第]/;
const COLON_END = /[:：]$/;
/** A group of units rather than a unit: 城区, 农村, 街道, 乡镇, 东片区, 城关片… */
const GROUP_WORD =
  /^(?:城区|城镇|城市|农村|乡村|街道|乡镇|镇|乡|社区|村|城区街道|农村乡镇)(?:部分|合计|小计)?$/;
const AREA_GROUP = /^[东西南北中]?(?:片区|片|区域|部)$|^[^镇乡村街道]{1,4}片区$/;

/** Whether a squeezed label names a group of units (with or without its numbering). */
export function isGroupLabel(key: string): boolean {
  // No numbering and no colon (nearly every row): the label is its own bare form, tested as it
  // is, with no string made (a million villages are each asked).
  if (!NUMBERED.test(key) && !COLON_END.test(key))
    return GROUP_WORD.test(key) || AREA_GROUP.test(key);
  const bare = key.replace(NUMBERING, '').replace(COLON_END, '');
  if (bare === '') return false;
  return (
    GROUP_WORD.test(bare) ||
    AREA_GROUP.test(bare) ||
    (bare !== key && levelOfName(bare) === undefined)
  );
}

/**
 * A group label carrying figures equal to the sum of the rows right under it (two or more, in
 * every count column): the group's subtotal, over exactly those rows. 城区 may be a unit too
 * (a township-level district): a 城区 whose figures are not such a sum stays one.
 */
export function groupHeads(
  keys: readonly string[],
  counts: readonly Float64Array[],
  out: Working[],
): void {
  if (counts.length < 3) return;
  // A labelled 合计 that adds up the rows as they stand (a 城区 township among the others):
  // nothing is counted twice, so no row is taken for a group.
  let units: number[] | undefined; // listed only when the table has a total to compare
  for (let t = 0; t < out.length; t++) {
    if (out[t]?.role !== 'total') continue;
    units ??= out.flatMap((r, i) => (r.role === 'unit' ? [i] : []));
    if (compareSum(counts, t, units) === 0) return;
  }
  // Heads above their rows, then (a table that puts them last) below.
  for (let i = 0; i < out.length; i++) {
    const block = groupBlock(keys, counts, out, i, 1);
    if (!block) continue;
    out[i] = subtotal('sumBelow', block);
    i = block[block.length - 1] as number;
  }
  for (let i = out.length - 1; i >= 0; i--) {
    const block = groupBlock(keys, counts, out, i, -1);
    if (!block) continue;
    out[i] = subtotal('sumAbove', block.reverse());
    i = block[0] as number;
  }
}

/**
 * The two or more unit rows next to group row `i` (after it, or before it) that add up to it.
 * The rows' sums are kept as they grow, and the walk stops once one passes the head: a head
 * over a million villages costs a few rows, never a sum of sums.
 */
function groupBlock(
  keys: readonly string[],
  counts: readonly Float64Array[],
  out: readonly Working[],
  i: number,
  step: 1 | -1,
): number[] | undefined {
  const role = out[i]?.role;
  if ((role !== 'unit' && role !== 'breakdown') || !isGroupLabel(keys[i] ?? '')) return undefined;
  if (nonzeroColumns(counts, i) < 3) return undefined;
  const sums = new Float64Array(counts.length);
  const block: number[] = [];
  for (let j = i + step; j >= 0 && j < out.length && out[j]?.role === 'unit'; j += step) {
    if (isGroupLabel(keys[j] ?? '')) return undefined;
    block.push(j);
    addRow(counts, j, sums);
    const cmp = compareSums(counts, i, sums);
    if (cmp === 1) return undefined; // past the head
    if (cmp === 0 && block.length >= 2) return block;
  }
  return undefined;
}

/** How many count columns row `i` has a figure above zero in. */
function nonzeroColumns(counts: readonly Float64Array[], i: number): number {
  let n = 0;
  for (const c of counts) if ((c[i] ?? NaN) > 0) n++;
  return n;
}

const MAX_BREAKDOWNS = 20;

function subtotal(reason: RoleReason, block: number[]): Working {
  return { role: 'subtotal', why: { reason }, block, names: false };
}

/**
 * `合计` then `其中：城区 | 300` then `乡镇 | 150`: the 其中 covers the lines after it that, with it,
 * add up to the total. They are breakdowns of that total, never units.
 */
export function breakdownRuns(counts: readonly Float64Array[], out: Working[]): void {
  for (let i = 0; i + 1 < out.length; i++) {
    const head = out[i]?.role;
    if ((head !== 'total' && head !== 'subtotal') || out[i + 1]?.role !== 'breakdown') continue;
    // Only a total below its units: one at the top with 其中 under it introduces the units.
    let above = 0;
    for (let j = 0; j < i && above < 2; j++) if (out[j]?.role === 'unit') above++;
    if (above < 2) continue;
    const run = [i + 1];
    // 其中 lines are a few: a run is looked for over the next few rows only.
    for (let j = i + 2; j < out.length && j <= i + MAX_BREAKDOWNS; j++) {
      const r = out[j]?.role;
      if (r !== 'unit' && r !== 'breakdown') break;
      run.push(j);
      const cmp = compareSum(counts, i, run);
      if (cmp === 1) break;
      if (cmp === 0) {
        for (const k of run)
          if (out[k]?.role === 'unit')
            out[k] = { role: 'breakdown', why: { reason: 'breakdownLabel' } };
        break;
      }
    }
  }
}

/** No unit's name: blank, dashes and signs, Latin letters (`Total`), or a total word with no level. */
const NOT_A_NAME = /^[\p{P}\p{S}A-Za-z\d]*$/u;
/** A total word, typed or mistyped: never a lone 合 (合江镇), 全 (全州县) or 总 (总医院). */
const TOTALISH = /合计|合记|合計|总计|總計|共计|累计|汇总|合并|全县|全市|全区|全镇|全乡|全旗/;

function namesNoUnit(key: string): boolean {
  return NOT_A_NAME.test(key) || (TOTALISH.test(key) && levelOfName(key) === undefined);
}

/**
 * The first or last unit row, under a label that names no unit, whose figures are the sum of
 * all the others but one figure (within a tenth, in three columns or more): a hand-typed total
 * with a figure mistyped. Never a named row: a 县人民医院 among 卫生院 may come that close.
 */
export function nearTotal(
  keys: readonly string[],
  counts: readonly Float64Array[],
  units: readonly number[],
  out: Working[],
): void {
  if (units.length < 3) return;
  for (const i of [units[units.length - 1], units[0]]) {
    if (i === undefined || !namesNoUnit(keys[i] ?? '')) continue;
    if (nearSum(counts, i, units, i) !== 'near') continue;
    out[i] = { role: 'total', why: { reason: 'nearSumOfOthers' } };
    return;
  }
}
