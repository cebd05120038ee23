import { KeyMap } from '../model/key-map';
import { squeeze, unitIdentity } from './normalize';
import { breakdownRuns, groupHeads, isGroupLabel, nearTotal } from './role-groups';
import { addRow, compareSum, compareSums, nearSums } from './sums';
import { code12, levelOfCode, levelOfDigits, levelOfName, levelRank, type Level } from './levels';

/**
 * Row roles (issue 8): every data row of a form is one of
 *  - `unit` — a reporting unit: the only rows that are pooled;
 *  - `total` — the whole table added up (合计/总计/全县, the area's own name, a level above
 *    the units, or a row equal to the sum of all the others);
 *  - `subtotal` — a block added up (小计, a township above its villages, a code that is the
 *    parent of the codes below it, a row equal to the sum of the rows under it);
 *  - `breakdown` — a part of the row above (其中：城镇, 农村, 男, 女);
 *  - `note` — a heading inside the table (一、城区) with no numbers.
 * Decided from the label, the code, the level the name implies and the numbers, in that order
 * of trust. Totals and subtotals are checked against exactly the unit rows they add up, which
 * are the rows the rollup pools.
 */
export type RowRole = 'unit' | 'total' | 'subtotal' | 'breakdown' | 'note';

export type RoleReason =
  | 'totalLabel'
  | 'subtotalLabel'
  | 'areaLevel'
  | 'areaTitle'
  | 'sumOfOthers'
  | 'nearSumOfOthers'
  | 'levelAbove'
  | 'codeAbove'
  | 'sumBelow'
  | 'sumAbove'
  | 'nearSumBelow'
  | 'breakdownLabel'
  | 'heading'
  | 'noName';

export interface RoleWhy {
  reason: RoleReason;
  /** The level the row's name or code implies, and the units' level (for level reasons). */
  level?: Level;
  unitLevel?: Level;
  /** How many unit rows the row adds up (total and subtotal rows). */
  parts?: number;
}

export interface RowInfo {
  /** The unit cell as written (or the row's label). */
  unit: string;
  code?: string;
  /** The total word the row carries (`合计`, `城区小计`), or `''`. */
  totalLabel: string;
  /** The region a coarser unit column names for the row (the 乡镇 of a `乡镇 | 村` form). */
  area?: string;
}

export interface RoleInput {
  rows: readonly RowInfo[];
  /** The count columns (summable items), aligned with `rows`; NaN is missing. */
  counts: readonly Float64Array[];
  /** Names of the area the titles give (`青川市` from `青川市2025年…`). */
  areaNames: readonly string[];
  /** A form with a unit or code column: levels and sums may decide roles. */
  structured: boolean;
}

export interface RowRoleResult {
  role: RowRole;
  why?: RoleWhy;
  /** For a total or subtotal: the unit rows (indices) it adds up. */
  parts?: number[];
  /** For a unit in the block of a subtotal that names a region: that subtotal's index. */
  parent?: number;
  /** For a breakdown row: the row it is a part of. */
  partOf?: number;
  /** For a unit listed again in the same table: the index of its first row. */
  repeatOf?: number;
}

/** A 小计 label, folded (`乙镇小计`, `小计：`). */
const SUBTOTAL = /小计数?:?$/;
const BREAKDOWN_PREFIX = /^(?:其中|内|含|包括)\s*(?:[:、,，]|$)|^其中/;
const BREAKDOWN_WORDS: ReadonlySet<string> = new Set([
  '城镇',
  '农村',
  '城市',
  '乡村',
  '城区',
  '男',
  '女',
  '男性',
  '女性',
  '户籍',
  '非户籍',
  '流动人口',
  '常住人口',
]);
const HEADING =
  /^(?:[一二三四五六七八九十]+[、.．]|[(（][一二三四五六七八九十\d]+[)）]|第[一二三四五六七八九十\d]+[部分类组])|[:：]$/;

export function isBreakdownLabel(label: string): boolean {
  return isBreakdownKey(squeeze(label));
}

/** `isBreakdownLabel` of a label already squeezed. */
function isBreakdownKey(s: string): boolean {
  if (BREAKDOWN_PREFIX.test(s)) return true;
  const bracketed = s.startsWith('(') || s.startsWith('（');
  return BREAKDOWN_WORDS.has(bracketed ? s.replace(/^[(（](.*)[)）]$/, '$1') : s);
}

/** Assign every row its role. */
export function assignRoles(input: RoleInput): RowRoleResult[] {
  // Each unit cell squeezed once: the label, level and repeat steps all compare by it.
  const keys = input.rows.map((r) => squeeze(r.unit));
  keysOf.set(input, keys);
  const out = input.rows.map((r, i) => labelRole(r, keys[i] as string, input.counts, i));
  unitsWithNothingAbove(out);
  if (input.structured) {
    codeRoles(input, out);
    levelRoles(input, out);
    areaTitleRoles(input, out);
    groupHeads(keys, input.counts, out);
    sumRoles(input, out);
    breakdownRuns(input.counts, out);
    unnamedRows(keys, out);
  }
  markRepeats(input.rows, keys, out);
  linkParts(input.rows, out);
  return out;
}

/**
 * A breakdown word with no row above it to be a part of (`城区` as the table's first unit, a
 * township-level unit in many counties) names a unit: a part of the header would be dropped.
 */
function unitsWithNothingAbove(out: RowRoleResult[]): void {
  for (let i = 0; i < out.length; i++) {
    const role = out[i]?.role;
    if (role === 'note') continue;
    if (role !== 'breakdown') return;
    out[i] = UNIT;
  }
}

/** `key` is the row's unit cell squeezed. */
function labelRole(
  r: RowInfo,
  key: string,
  counts: readonly Float64Array[],
  i: number,
): RowRoleResult {
  if (r.totalLabel)
    return SUBTOTAL.test(squeeze(r.totalLabel))
      ? { role: 'subtotal', why: { reason: 'subtotalLabel' } }
      : { role: 'total', why: { reason: 'totalLabel' } };
  if (isBreakdownKey(key)) return { role: 'breakdown', why: { reason: 'breakdownLabel' } };
  if (HEADING.test(key) && counts.every((c) => Number.isNaN(c[i] ?? NaN)))
    return { role: 'note', why: { reason: 'heading' } };
  return UNIT;
}

/**
 * The role of most rows, shared: a million villages make no object each. Frozen, so a role
 * added to one row (`repeatOf`, `parent`) is given to a copy (`withRole`), never to every row.
 */
const UNIT: RowRoleResult = Object.freeze({ role: 'unit' });

/** Row `i`'s role with `more` added, as a new object (the shared UNIT is never changed). */
function withRole(out: Working[], i: number, more: Partial<Working>): void {
  out[i] = { ...(out[i] as Working), ...more };
}

/**
 * The label a row with no name is given (labels.ts: `#` and its row number). A constant: a
 * regular expression literal is a new object each time it is evaluated (56 MB a million rows).
 */
const ROW_NUMBER_LABEL = /^#\d+$/;

/**
 * A row with figures and no unit's name (its unit cell blank, no code), that is no total or
 * subtotal by its numbers: whose figures they are nobody can say, so it is not pooled, and the
 * audit says so (UNNAMED_ROW, an error).
 */
function unnamedRows(keys: readonly string[], out: Working[]): void {
  for (let i = 0; i < out.length; i++)
    if (out[i]?.role === 'unit' && ROW_NUMBER_LABEL.test(keys[i] ?? ''))
      out[i] = { role: 'note', why: { reason: 'noName' } };
}

/** Unit rows still undecided, in order. Counted first: a million rows, one array, no growing. */
function unitIndices(out: readonly RowRoleResult[]): number[] {
  return indicesWhere(out, (r) => r.role === 'unit');
}

function indicesWhere(
  out: readonly RowRoleResult[],
  keep: (r: RowRoleResult, i: number) => boolean,
): number[] {
  let n = 0;
  for (let i = 0; i < out.length; i++) if (keep(out[i] as RowRoleResult, i)) n++;
  const idx = new Array<number>(n);
  let k = 0;
  for (let i = 0; i < out.length && k < n; i++) if (keep(out[i] as RowRoleResult, i)) idx[k++] = i;
  return idx;
}

/** Internal: a subtotal's block, kept until parts are linked. */
interface Block {
  block?: number[];
  names?: boolean;
}
type Working = RowRoleResult & Block;

/**
 * A coded row whose code is the parent of other rows' codes: the total when it is above every
 * other coded row, else the subtotal of its descendants next to it. Each code's ancestors are
 * listed once, so a village form with 100,000 codes is read in one pass.
 */
function codeRoles(input: RoleInput, out: Working[]): void {
  const units = unitIndices(out).filter((i) => input.rows[i]?.code);
  if (units.length < 2) return;
  // Only divisions that are rows here can head a block: a village table with no township row
  // builds no list (it built four per village, the county's of every village).
  const levels = new Set(units.map((i) => levelOfCode(input.rows[i]?.code ?? '')));
  // Codes all at one level (a village form): none is above another, and no set of them is made.
  levels.delete(undefined);
  if (levels.size < 2) return;
  const codes = new Set(units.map((i) => code12(input.rows[i]?.code ?? '')));
  const below = new Map<string, number[]>();
  for (let k = 0; k < units.length; k++) {
    const j = units[k] as number;
    const code = input.rows[j]?.code ?? '';
    for (const a of ancestorsOf(code, levels)) {
      if (!codes.has(a)) continue;
      const list = below.get(a);
      if (list) list.push(j);
      else below.set(a, [j]);
    }
  }
  const levelOf = (i: number) => levelOfCode(input.rows[i]?.code ?? '');
  const heads = units
    .filter((i) => below.has(code12(input.rows[i]?.code ?? '')))
    .sort((a, b) => levelRank(levelOf(a) ?? 'village') - levelRank(levelOf(b) ?? 'village'));
  for (const i of heads) {
    if (out[i]?.role !== 'unit') continue;
    const mine = below.get(code12(input.rows[i]?.code ?? '')) ?? [];
    const level = levelOf(i);
    const why = { reason: 'codeAbove' as const, ...(level ? { level } : {}) };
    if (i === heads[0] && mine.length === units.length - 1) {
      out[i] = { role: 'total', why };
      continue;
    }
    out[i] = { role: 'subtotal', why, block: adjacent(i, new Set(mine), out), names: true };
  }
}

/**
 * The 12-digit codes of the divisions above `code`, of those at one of `levels` (the levels of
 * the table's codes: no other can be a row of it, so a village table makes no string here).
 */
function ancestorsOf(code: string, levels: ReadonlySet<Level | undefined>): string[] {
  const level = levelOfCode(code);
  if (!level) return [];
  const out: string[] = [];
  for (const [l, n] of CUTS)
    if (levelRank(l) < levelRank(level) && levels.has(levelOfDigits(code, n)))
      out.push(code12(code).slice(0, n).padEnd(12, '0'));
  return out;
}

const CUTS: readonly (readonly [Level, number])[] = [
  ['province', 2],
  ['prefecture', 4],
  ['county', 6],
  ['township', 9],
];

/** The run of rows in `members` right after `i` (else right before it), units only. */
function adjacent(
  i: number,
  members: ReadonlySet<number>,
  out: readonly RowRoleResult[],
): number[] {
  const after: number[] = [];
  for (let j = i + 1; j < out.length; j++) {
    if (out[j]?.role === 'breakdown' || out[j]?.role === 'note') continue;
    if (!members.has(j)) break;
    after.push(j);
  }
  if (after.length > 0) return after;
  const before: number[] = [];
  for (let j = i - 1; j >= 0; j--) {
    if (out[j]?.role === 'breakdown' || out[j]?.role === 'note') continue;
    if (!members.has(j)) break;
    before.unshift(j);
  }
  return before;
}

/** Each row's level, worked out once per table (the level steps ask for every unit row twice). */
const levels = new WeakMap<RoleInput, (Level | null)[]>();
/** Each row's unit cell squeezed, made once by assignRoles. */
const keysOf = new WeakMap<RoleInput, readonly string[]>();

function levelAt(input: RoleInput, i: number): Level | undefined {
  let known = levels.get(input);
  if (!known) levels.set(input, (known = new Array<Level | null>(input.rows.length)));
  const cached = known[i];
  if (cached !== undefined) return cached ?? undefined;
  const r = input.rows[i];
  if (!r) return undefined;
  // A group heading (`一、城区`, `东片区`) is at no level: its numbers say what it is.
  const key = keysOf.get(input)?.[i] ?? r.unit;
  const level =
    (r.code ? levelOfCode(r.code) : undefined) ??
    (isGroupLabel(key) ? undefined : levelOfName(key));
  known[i] = level ?? null;
  return level;
}

/** The level most unit rows are at (when at least two rows say so). */
function modeLevel(input: RoleInput, units: readonly number[]): Level | undefined {
  const counts = new Map<Level, number>();
  for (let k = 0; k < units.length; k++) {
    const l = levelAt(input, units[k] as number);
    if (l) counts.set(l, (counts.get(l) ?? 0) + 1);
  }
  let best: Level | undefined;
  let n = 1;
  for (const [l, c] of counts)
    if (c > n || (c === n && best && levelRank(l) > levelRank(best))) [best, n] = [l, c];
  return best;
}

/**
 * Rows whose name is at a level above the units' (a 县 among 镇, a 镇 among 村): the total at
 * the top or bottom of the table, else the subtotal of the rows below it down to the next row
 * of its level. A `…市` row (prefecture or county-level city) counts only if its numbers agree.
 */
function levelRoles(input: RoleInput, out: Working[]): void {
  const units = unitIndices(out);
  const mode = modeLevel(input, units);
  if (!mode) return;
  const higher = (l: Level | undefined, than: Level) =>
    l !== undefined && levelRank(l) < levelRank(than);
  const first = units[0];
  const last = units[units.length - 1];
  // A …市 row is a level apart only from 乡镇 and 村: among 县/区 it may be a county-level city.
  const cityIsWeak = levelRank(mode) <= levelRank('county');
  let left = units.length;
  // Townships above their villages (top-down) or below them (bottom-up): the first unit row
  // tells, unless a row's numbers say which block it adds up.
  const topDown = higher(levelAt(input, first ?? 0), mode);
  for (let k = 0; k < units.length; k++) {
    const i = units[k] as number;
    const level = levelAt(input, i);
    if (!level || !higher(level, mode)) continue;
    const weak = (level === 'city' && cityIsWeak) || mode === 'city';
    const blockAfter = runOf(input, out, i, 1, level);
    const blockBefore = runOf(input, out, i, -1, level);
    const why = { reason: 'areaLevel' as const, level, unitLevel: mode };
    // The total names the level above every other row: all of them are its block.
    const wholeTable =
      (i === last && blockBefore.length === left - 1) ||
      (i === first && blockAfter.length === left - 1);
    if (wholeTable) {
      const rest = () => units.filter((j) => j !== i && out[j]?.role === 'unit');
      if (!weak || sumsEqual(input.counts, i, rest())) {
        out[i] = { role: 'total', why };
        left--;
      }
      continue;
    }
    const block = sumsEqual(input.counts, i, blockAfter)
      ? blockAfter
      : sumsEqual(input.counts, i, blockBefore)
        ? blockBefore
        : weak
          ? []
          : topDown
            ? blockAfter
            : blockBefore;
    if (block.length === 0) continue;
    out[i] = {
      role: 'subtotal',
      why: { reason: 'levelAbove', level, unitLevel: mode },
      block,
      names: true,
    };
    left--;
  }
}

/** Unit rows next to `i` (step +1 below, −1 above) at a level below `level`, up to the next row at or above it. */
function runOf(
  input: RoleInput,
  out: readonly RowRoleResult[],
  i: number,
  step: 1 | -1,
  level: Level,
): number[] {
  const run: number[] = [];
  for (let j = i + step; j >= 0 && j < out.length; j += step) {
    const role = out[j]?.role;
    if (role === 'breakdown' || role === 'note') continue;
    if (role !== 'unit') break;
    const l = levelAt(input, j);
    if (l !== undefined && levelRank(l) <= levelRank(level)) break;
    run.push(j);
  }
  return step === 1 ? run : run.reverse();
}

/** The first or last unit row named as the area in the titles (`青川市` in `青川市2025年…`). */
function areaTitleRoles(input: RoleInput, out: Working[]): void {
  if (input.areaNames.length === 0) return;
  const areas = new Set(input.areaNames.map(squeeze));
  const units = unitIndices(out);
  if (units.length < 3) return;
  for (const i of [units[0], units[units.length - 1]]) {
    if (i === undefined) continue;
    if (areas.has(squeeze(input.rows[i]?.unit ?? '')))
      out[i] = { role: 'total', why: { reason: 'areaTitle' } };
  }
}

/**
 * Numbers decide what labels and levels left open: the first or last row equal to the sum of
 * all the others is a total; a chain of rows each equal to the sum of the rows under it (or
 * above it), covering the table, are subtotals.
 */
function sumRoles(input: RoleInput, out: Working[]): void {
  if (input.counts.length < 2) return;
  let units = unitIndices(out);
  if (units.length >= 3) totalOfOthers(input.counts, units, out);
  if (!out.some((r) => r.role === 'total'))
    nearTotal(keysOf.get(input) ?? [], input.counts, units, out);
  if (out.some((r) => r.role === 'subtotal')) return;
  units = unitIndices(out);
  if (units.length < 4) return;
  const reversed = [...units].reverse();
  const chain =
    sumChain(input.counts, units) ??
    sumChain(input.counts, reversed) ??
    sumChain(input.counts, units, true, keysOf.get(input)) ??
    sumChain(input.counts, reversed, true, keysOf.get(input));
  if (!chain) return;
  for (const { head, block, exact } of chain)
    out[head] = {
      role: 'subtotal',
      why: { reason: exact ? 'sumBelow' : 'nearSumBelow' },
      block: [...block].sort((a, b) => a - b),
      names: true,
    };
}

/**
 * The first or the last unit row is the total when its values are the sum of all the others, in
 * every count column. (Not "in all but one": a big unit — 县人民医院 among 卫生院 — may match the
 * others' deaths by chance; a hand-typed total is known by its label, TOTAL_LABEL.)
 */
function totalOfOthers(counts: readonly Float64Array[], units: readonly number[], out: Working[]) {
  for (const i of [units[0], units[units.length - 1]]) {
    if (i === undefined) continue;
    // All the others: the unit rows but row i itself (no copy of a million indices).
    if (compareSum(counts, i, units, i) !== 0) continue;
    out[i] = { role: 'total', why: { reason: 'sumOfOthers' } };
    return;
  }
}

/**
 * Whether row `i` is named at the level most other units are (城关镇 among 镇): a nearly-equal
 * sum does not make such a row a total (an exact one still does).
 */
function likeTheOthers(keys: readonly string[], i: number, units: readonly number[]): boolean {
  const level = levelOfName(keys[i] ?? '');
  if (level === undefined) return false;
  let same = 0;
  for (const u of units) if (u !== i && levelOfName(keys[u] ?? '') === level) same++;
  return same * 2 >= units.length - 1;
}

/**
 * Heads each equal to the sum of the run after them, covering `order` with two heads or more;
 * `nearly`: equal in most count columns (a subtotal with one figure mistyped).
 */
function sumChain(
  counts: readonly Float64Array[],
  order: readonly number[],
  nearly = false,
  keys: readonly string[] = [],
): { head: number; block: number[]; exact: boolean }[] | undefined {
  const chain: { head: number; block: number[]; exact: boolean }[] = [];
  let k = 0;
  while (k < order.length) {
    const head = order[k] as number;
    const block: number[] = [];
    // The block's sums kept as it grows: a head no run closes costs one pass, not a sum per row.
    const sums = new Float64Array(counts.length);
    let closed = false;
    for (let m = k + 1; m < order.length; m++) {
      block.push(order[m] as number);
      addRow(counts, order[m] as number, sums);
      let cmp: number | 'near' | 'over' | 'no' = nearly
        ? nearSums(counts, head, sums)
        : compareSums(counts, head, sums);
      // Nearly, a head named at its rows' level (a 镇 over 镇) is no subtotal of them.
      if (cmp === 'near' && likeTheOthers(keys, head, [head, ...block])) cmp = 'no';
      if (cmp === 1 || cmp === 'over') return undefined;
      if ((cmp === 0 || cmp === 'near') && block.length >= 2) {
        closed = true;
        break;
      }
    }
    if (!closed) return undefined;
    chain.push({ head, block, exact: !nearly || nearSumExact(counts, head, block) });
    k += block.length + 1;
  }
  if (chain.length < 2) return undefined;
  // Nearly: most heads add up exactly, and at least one does (one subtotal mistyped, not all).
  const exact = chain.filter((c) => c.exact).length;
  return exact >= 1 && exact * 2 >= chain.length ? chain : undefined;
}

function nearSumExact(counts: readonly Float64Array[], head: number, block: readonly number[]) {
  return compareSum(counts, head, block) === 0;
}

export function sumsEqual(
  counts: readonly Float64Array[],
  i: number,
  parts: readonly number[],
): boolean {
  return parts.length >= 1 && compareSum(counts, i, parts) === 0;
}

/** A unit row again (by code, else by name): its first row. Codes and names keyed apart, as given. */
function markRepeats(
  rows: readonly RowInfo[],
  keys: readonly string[],
  out: RowRoleResult[],
): void {
  // A million villages: KeyMap, faster than Map at that size (key-map.ts).
  const byCode = new KeyMap<number>();
  const byName = new KeyMap<number>();
  let coded = 0;
  for (let i = 0; i < rows.length; i++) if (rows[i]?.code !== undefined) coded++;
  byCode.reserve(coded);
  byName.reserve(rows.length - coded);
  // The township row a village lies under (a subtotal found by level, code or sum), if any.
  let under: Map<number, string> | undefined;
  out.forEach((r, j) => {
    const w = r as Working;
    if (!w.names || !w.block) return;
    under ??= new Map();
    for (const p of w.block) under.set(p, keys[j] as string);
  });
  out.forEach((r, i) => {
    if (r.role !== 'unit') return;
    const row = rows[i] as RowInfo;
    const first = row.code === undefined ? byName : byCode;
    // A village is named within its township (`乡镇 | 村`, or its township's row above it): 东村
    // of 甲镇 is not 东村 of 乙镇.
    const name = unitIdentity(keys[i] as string);
    const area = row.area === undefined ? under?.get(i) : squeeze(row.area);
    const key = row.code ?? (area === undefined ? name : `${area}/${name}`);
    const f = first.setIfAbsent(key, i);
    if (f !== undefined) withRole(out, i, { repeatOf: f });
  });
}

/**
 * What each total and subtotal adds up, and what each breakdown is part of. A 合计 adds up
 * every unit row; a 小计 its block (the rows after it up to the next total when the table puts
 * totals above their units, else the rows since the previous total); a subtotal found by level,
 * code or sum its block.
 */
function linkParts(rows: readonly RowInfo[], out: Working[]): void {
  const counted = (i: number) => out[i]?.role === 'unit' && out[i]?.repeatOf === undefined;
  const all = indicesWhere(out, (_, i) => counted(i));
  const areas = new AreaRows(rows);
  const firstRole = out.find((r) => r.role !== 'note')?.role;
  const totalsAbove = firstRole === 'total' || firstRole === 'subtotal';
  out.forEach((r, i) => {
    if (r.role === 'total') r.parts = all;
    else if (r.role === 'subtotal') {
      const block = r.block ?? areaBlock(rows, i, areas) ?? labelBlock(out, i, totalsAbove);
      r.parts = block.filter(counted);
      if (r.names) for (const p of r.block ?? []) if (out[p]) withRole(out, p, { parent: i });
    } else if (r.role === 'breakdown') {
      for (let j = i - 1; j >= 0; j--)
        if (out[j]?.role !== 'breakdown' && out[j]?.role !== 'note') {
          r.partOf = j;
          break;
        }
    }
    if (r.why && r.parts) r.why.parts = r.parts.length;
  });
  for (let i = 0; i < out.length; i++) {
    const r = out[i] as Working;
    if (r.block !== undefined) delete r.block;
    if (r.names !== undefined) delete r.names;
  }
}

/** The rows of each region a coarser unit column names, listed once when first asked. */
class AreaRows {
  private byName: Map<string, number[]> | undefined;
  constructor(private readonly rows: readonly RowInfo[]) {}
  of(name: string): number[] | undefined {
    if (!this.byName) {
      this.byName = new Map();
      this.rows.forEach((r, j) => {
        if (r.area === undefined) return;
        const key = squeeze(r.area);
        const list = this.byName?.get(key);
        if (list) list.push(j);
        else this.byName?.set(key, [j]);
      });
    }
    return this.byName.get(name);
  }
}

/**
 * The rows of the region a `甲镇小计` names, where a coarser unit column gives each row its
 * region (`乡镇 | 村`); undefined when none lies in it.
 */
function areaBlock(rows: readonly RowInfo[], i: number, areas: AreaRows): number[] | undefined {
  const name = squeeze(rows[i]?.totalLabel ?? '').replace(SUBTOTAL, '');
  return name === '' ? undefined : areas.of(name);
}

function labelBlock(out: readonly RowRoleResult[], i: number, totalsAbove: boolean): number[] {
  const isSum = (j: number) => out[j]?.role === 'total' || out[j]?.role === 'subtotal';
  const block: number[] = [];
  if (totalsAbove) {
    for (let j = i + 1; j < out.length && !isSum(j); j++) block.push(j);
  } else {
    for (let j = i - 1; j >= 0 && !isSum(j); j--) block.unshift(j);
  }
  return block;
}
