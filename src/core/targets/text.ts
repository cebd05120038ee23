import type { MessageKey, Params } from '../messages/index';
import type { IndicatorDef, Target } from '../profile/schema';
import { fold } from '../read/normalize';
import { percentText } from './cells';
import { numeralsToNotation } from './numerals';

/**
 * A target as an office writes it (issue 9), read into a Target:
 *
 *   ≤N  <N  ≥N  >N  (also <= >=, full-width)       N以下 / N以内 / N及以下 / N（含）以下 (≤)   N以上 (≥)
 *   低于N / 不足N / 不满N (<)    高于N / 超过N (>)    不超过N / 不高于N (≤)   不低于N / 不少于N (≥)
 *   N左右 (needs a 容差)    A—B / A-B / A~B / A至B (range)    逐步提高 / 逐步降低
 *   比基期下降P% / 比2020年提高P% / 以2020年为基数下降P% (relative)    blank (no target)
 *
 * The programme's own sentences are read too (`下降到12/10万以下`, `以乡（镇、街道）为单位保持在
 * 90%以上`, `提高到96%`), so a sheet pre-filled with the profile's wording reads back as it was.
 * A unit after N (`%`, `‰`, `/10万`, `1/10万`, `‱`) must be the indicator's unit.
 */
export interface TextIssue {
  key: MessageKey;
  params: Params;
}

export type TextResult =
  | {
      ok: true;
      target: Target;
      /** The target holds for every township (`以乡（镇、街道）为单位…`). */
      perUnit: boolean;
      /** A reading worth telling the office about (a bare number read by the indicator's direction). */
      notice?: TextIssue;
      /** A year written in the text (`到2025年…`, `比2020年…`), for the row's columns to agree with. */
      targetYear?: number;
      baseYear?: number;
    }
  | { ok: false; issue: TextIssue };

const NUM = String.raw`(\d+(?:\.\d+)?)`;
/** Units as written after a number, folded (NFKC). */
const UNIT = String.raw`(%|‰|‱|个百分点|个千分点|(?:1|每)?\/(?:10万|十万|100000|1万|万|千|1000)(?:人|活产|名)?|每10万(?:人)?)?`;

/** The unit a suffix names, in the profile's spelling. */
export function unitOf(written: string): string {
  if (written === '%' || written === '个百分点') return '%';
  if (written === '‰' || written === '个千分点') return '‰';
  if (written === '‱') return '1/万';
  if (/10万|十万|100000/.test(written)) return '1/10万';
  if (/万/.test(written)) return '1/万';
  if (/千|1000/.test(written)) return '‰';
  return written;
}

/** Verbs the programmes put before a number, and the reading a bare number takes after them. */
const UP_VERBS = [
  '达到或保持在',
  '均达到',
  '达到并保持在',
  '达到并稳定在',
  '提高并保持在',
  '提高到',
  '提高至',
  '提升到',
  '提升至',
  '达到',
  '增加到',
  '增加至',
  '上升到',
  '上升至',
  '升至',
  '达',
];
const DOWN_VERBS = [
  '下降到',
  '下降至',
  '降至',
  '降到',
  '降低到',
  '降低至',
  '减少到',
  '减少至',
  '控制到',
  '控制在',
];
const NEUTRAL_VERBS = ['巩固在', '保持在', '稳定在', '维持在', '保持', '稳定', '为', '在'];
const VERBS = [...UP_VERBS, ...DOWN_VERBS, ...NEUTRAL_VERBS].sort((a, b) => b.length - a.length);

const PREFIX_OPS: readonly [string, Target['kind']][] = [
  ['不超过', 'atMost'],
  ['不高于', 'atMost'],
  ['不大于', 'atMost'],
  ['不低于', 'atLeast'],
  ['不少于', 'atLeast'],
  ['不小于', 'atLeast'],
  ['至少', 'atLeast'],
  ['低于', 'below'],
  ['不足', 'below'],
  ['不满', 'below'],
  ['小于', 'below'],
  ['少于', 'below'],
  ['高于', 'above'],
  ['超过', 'above'],
  ['大于', 'above'],
  ['多于', 'above'],
];
const SUFFIX_OPS: readonly [string, 'atMost' | 'atLeast' | 'about'][] = [
  ['及以下', 'atMost'],
  ['或以下', 'atMost'],
  ['以下', 'atMost'],
  ['以内', 'atMost'],
  ['及以上', 'atLeast'],
  ['或以上', 'atLeast'],
  ['以上', 'atLeast'],
  ['左右', 'about'],
];
const SYMBOL_OPS: readonly [string, Target['kind']][] = [
  ['小于等于', 'atMost'],
  ['小于或等于', 'atMost'],
  ['低于或等于', 'atMost'],
  ['大于等于', 'atLeast'],
  ['大于或等于', 'atLeast'],
  ['高于或等于', 'atLeast'],
  ['<=', 'atMost'],
  ['=<', 'atMost'],
  ['≤', 'atMost'],
  ['≦', 'atMost'],
  ['⩽', 'atMost'],
  ['>=', 'atLeast'],
  ['=>', 'atLeast'],
  ['≥', 'atLeast'],
  ['≧', 'atLeast'],
  ['⩾', 'atLeast'],
  ['<', 'below'],
  ['>', 'above'],
];

const NONE = new Set([
  '',
  '-',
  '--',
  '/',
  '无',
  '不设',
  '不设目标',
  '无目标',
  '仅监测',
  '监测',
  '不设定',
]);
const RISING = /^(?:逐步|稳步|持续|不断|有所|进一步)(?:提高|提升|上升|增加|增长)$/;
const FALLING = /^(?:逐步|稳步|持续|不断|有所|进一步)(?:降低|下降|减少)$/;

/** Folded, without spaces, with the symbols NFKC leaves alone made ASCII. */
export function foldTarget(text: string): string {
  return numeralsToNotation(
    fold(text)
      // `12 1/10万`: the unit written apart; `12 5`: two numbers, never one.
      .replace(/[\s\u00A0\u3000]+1\/(?=10万|十万|1万|万|千|100000|1000)/g, '/')
      .replace(/(\d)[\s\u00A0\u3000]+(?=\d)/g, '$1#')
      .replace(/[\s\u00A0\u3000]+/g, '')
      .replace(/[≦⩽]/g, '≤')
      .replace(/[≧⩾]/g, '≥')
      .replace(/[“”"'‘’「」]/g, '')
      .replace(/[。;；]$/, ''),
  );
}

interface Ctx {
  def: IndicatorDef;
  written: string;
}

function fail(key: MessageKey, ctx: Ctx, extra: Params = {}): TextResult {
  return { ok: false, issue: { key, params: { found: ctx.written, ...extra } } };
}

/** Check a written unit against the indicator's; undefined when it agrees (or none was written). */
function unitIssue(written: string | undefined, ctx: Ctx): TextResult | undefined {
  if (!written) return undefined;
  const unit = unitOf(written);
  if (unit === ctx.def.unit) return undefined;
  return fail('targets.row.unitMismatch', ctx, {
    written,
    unit: ctx.def.unit,
    name: ctx.def.name,
  });
}

function num(s: string): number {
  return Number(s);
}

function ok(
  target: Target,
  perUnit: boolean,
  years: { targetYear?: number; baseYear?: number },
): TextResult {
  return { ok: true, target, perUnit, ...years };
}

/** `45%左右(±2)` → band 2. */
function bandIn(rest: string, ctx: Ctx): { band?: number; error?: TextResult } {
  if (rest === '') return {};
  const m = new RegExp(`^\\(?±?${NUM}${UNIT}\\)?$`).exec(rest);
  if (!m || !m[1])
    return { error: fail('targets.row.badTarget', ctx, { example: exampleFor(ctx.def) }) };
  const issue =
    m[2] && m[2] !== '个百分点' && m[2] !== '个千分点' ? unitIssue(m[2], ctx) : undefined;
  if (issue) return { error: issue };
  return { band: num(m[1]) };
}

/** A target example in the indicator's own unit, from its profile target where it has a number. */
export function exampleFor(def: IndicatorDef): string {
  const suffix = def.unit === '1/10万' ? '/10万' : def.unit === '女=100' ? '' : def.unit;
  const tg = def.target;
  if (def.direction === 'band')
    return tg.kind === 'range' ? `${tg.low}—${tg.high}${suffix}` : `103—107${suffix}`;
  const v = 'value' in tg ? tg.value : def.direction === 'lower' ? 5 : 90;
  return def.direction === 'lower' ? `≤${v}${suffix}` : `${v}${suffix}以上`;
}

type Years = { targetYear?: number; baseYear?: number };

/** 以乡（镇、街道）为单位 as plans vary it (以乡镇、街道为单位，…, 以街（镇）为单位, 各乡镇均…). */
const SCOPE_LEAD = /^(?:以[乡镇街道()、]+为单位,?|各乡镇(?:\(街道\))?均)/;
/** …（以乡镇为单位） at the end. */
const SCOPE_TAIL = /\(以[乡镇街道()、]+为单位\)$/;
/** An indicator's name as the 纲要 words it, before its verb. */
const LONG_NAME =
  /^[\u4e00-\u9fff]{2,30}?(?:率|比例|性别比)(?=以|各|保持|达|提高|提升|下降|降低|降至|降到|控制|稳定|逐步|不低于|不超过|不高于|低于|高于|在|巩固)/;

/**
 * Read one target cell for one indicator. Years written in the text (`到2025年`, `比2020年`) are
 * returned for the caller to reconcile with the row's 目标年份 / 基期年份 columns.
 */
export function parseTargetText(cell: string | number | null, def: IndicatorDef): TextResult {
  const written = cell === null ? '' : String(cell).trim();
  const ctx: Ctx = { def, written };
  let s = foldTarget(written);
  const years: Years = {};
  if (NONE.has(s)) return ok({ kind: 'none' }, false, years);
  // `到2025年，…` / `2030年…`: the target year; `2020年下降20%` (比 left out): the base year.
  const lead = /^(?:到|至)?(\d{4})年(?:底|末)?[,:]?/.exec(s);
  if (lead?.[1]) {
    const rest = s.slice(lead[0].length);
    if (/^(?:下降|降低|减少|提高|上升|增加|增长)\d/.test(rest) && !/^(?:到|至)/.test(s))
      s = `比${s}`;
    else {
      years.targetYear = Number(lead[1]);
      s = rest;
    }
  }
  // The indicator's own name in front (`孕产妇死亡率下降到…`), or the 纲要's longer name of it
  // (`适龄儿童免疫规划疫苗接种率以乡…`): words ending in 率 or 比例 before the verb.
  // The scope may come before the name or after it (以乡…为单位适龄儿童…率保持在…).
  let perUnit = false;
  const scopeOff = () => {
    const scope = SCOPE_LEAD.exec(s) ?? SCOPE_TAIL.exec(s);
    if (!scope) return;
    perUnit = true;
    s = s.replace(scope[0], '');
  };
  scopeOff();
  const name = foldTarget(def.name);
  if (s.startsWith(name)) s = s.slice(name.length);
  else s = s.replace(LONG_NAME, '');
  scopeOff();
  return relativeNotice(
    checked(readCompound(s, ctx, perUnit, years) ?? readOne(s, ctx, perUnit, years), ctx),
    ctx,
  );
}

/**
 * What a reading must still pass: a % indicator's target written as a fraction (0.95, no %
 * sign: Excel's 95% pasted as its value) is refused rather than read as ≥0.95%; a relative
 * change of a % indicator is said to be one (offices sometimes mean points).
 */
function checked(r: TextResult, ctx: Ctx): TextResult {
  if (!r.ok || ctx.def.unit !== '%' || ctx.written.includes('%') || /％|百分/.test(ctx.written))
    return r;
  const tg = r.target;
  const values = 'value' in tg ? [tg.value] : tg.kind === 'range' ? [tg.low, tg.high] : [];
  if (values.length > 0 && values.every((v) => v > 0 && v < 1))
    return fail('targets.row.fractionPercent', ctx, {
      name: ctx.def.name,
      percent: percentText(values[0] as number),
    });
  return r;
}

/** The notice for a relative change of a % indicator (比2020年提高10%: ×1.1, not +10 points). */
function relativeNotice(r: TextResult, ctx: Ctx): TextResult {
  if (!r.ok || r.target.kind !== 'relative' || ctx.def.unit !== '%' || r.notice) return r;
  const factor = Number((1 + r.target.change).toPrecision(12));
  return {
    ...r,
    notice: {
      key: 'targets.row.relativePercent',
      params: { found: ctx.written, factor, example: exampleFor(ctx.def) },
    },
  };
}

const TREND_ADVERB = '(?:逐步|稳步|持续|不断|逐年|有所|进一步)';
const TREND_WORDS = `${TREND_ADVERB}(?:提高|提升|上升|增加|增长|降低|下降|减少)`;
const JOIN = '(?:,|、)?(?:并且|并|且|同时)?';
const TREND_FIRST = new RegExp(`^(${TREND_WORDS})${JOIN}(.+)$`);
const TREND_LAST = new RegExp(`^(.+?)${JOIN}(${TREND_WORDS})$`);

/**
 * `逐步提高，达到60%以上` / `达到60%以上并逐步提高`: a trend and a level in one cell. The level is
 * what an evaluation office judges, so it is the target, with a notice; a trend that points the
 * other way from the level cannot be read.
 */
function readCompound(s: string, ctx: Ctx, perUnit: boolean, years: Years): TextResult | undefined {
  if (RISING.test(s) || FALLING.test(s) || PRIOR_TREND.test(s)) return undefined;
  const first = TREND_FIRST.exec(s);
  const last = first ? null : TREND_LAST.exec(s);
  const trend = first?.[1] ?? last?.[2];
  const rest = first?.[2] ?? last?.[1];
  if (trend === undefined || rest === undefined) return undefined;
  // `逐步提高到60%` is one phrase, read as a level.
  if (first && /^(?:到|至)/.test(rest)) return undefined;
  const level = readOne(rest, ctx, perUnit, years);
  if (!level.ok) return undefined;
  const up = /提高|提升|上升|增加|增长/.test(trend);
  const k = level.target.kind;
  const agrees = up ? k === 'atLeast' || k === 'above' : k === 'atMost' || k === 'below';
  if (!agrees) return fail('targets.row.badTarget', ctx, { example: exampleFor(ctx.def) });
  return {
    ...level,
    notice: { key: 'targets.row.trendWithLevel', params: { found: ctx.written, trend } },
  };
}

/** `比上年提高` / `较上年有所下降` / `高于上年`: a trend against the previous year, whatever the baseline. */
const PRIOR_TREND =
  /^(?:(?:(?:比|较|与)上年(?:相比)?(?:有所|继续|进一步|持续)?|逐年)(提高|提升|上升|增加|增长|降低|下降|减少)|(高于|低于)上年(?:水平)?)$/;

function readOne(s: string, ctx: Ctx, perUnit: boolean, years: Years): TextResult {
  if (RISING.test(s)) return ok({ kind: 'rising' }, perUnit, years);
  if (FALLING.test(s)) return ok({ kind: 'falling' }, perUnit, years);
  const prior = PRIOR_TREND.exec(s);
  if (prior) {
    const up = /提高|提升|上升|增加|增长|高于/.test(prior[1] ?? prior[2] ?? '');
    return ok({ kind: up ? 'rising' : 'falling', basis: 'prior' }, perUnit, years);
  }
  return readRelative(s, ctx, perUnit, years) ?? readLevel(s, ctx, perUnit, years);
}

/**
 * `比2020年下降20%`, `以2020年为基数下降20%以上`, `下降20%` (the base year and value from the row's
 * columns). 以上 says what the change says already: at least that much.
 */
function readRelative(s: string, ctx: Ctx, perUnit: boolean, years: Years): TextResult | undefined {
  const relative = new RegExp(
    `^(?:(?:在|比|较|与|相比)?(?:以)?(基期|(\\d{4})年?)(?:为基数|为基期|水平)?(?:相比)?(?:的?基础上)?)?(下降|降低|减少|提高|上升|增加|增长)${NUM}%(?:及以上|或以上|以上)?$`,
  ).exec(s);
  if (!relative?.[4]) return undefined;
  if (relative[2]) years.baseYear = Number(relative[2]);
  const p = num(relative[4]) / 100;
  if (p <= 0 || p >= 1) return fail('targets.row.badTarget', ctx, { example: exampleFor(ctx.def) });
  const down = /下降|降低|减少/.test(relative[3] ?? '');
  // The base year and value come from the text or the 基期年份 / 基期值 columns (caller).
  return ok({ kind: 'relative', change: down ? -p : p, baseline: null }, perUnit, years);
}

/** A level: `≤5‰`, `不低于90%`, `95%以上（含95%）`, `45%±2`, `3—5‰`, a verb and a number. */
function readLevel(text: string, ctx: Ctx, perUnit: boolean, years: Years): TextResult {
  const { def } = ctx;
  let s = text.replace(
    new RegExp(`^${TREND_ADVERB}(?=提高|提升|上升|增加|降低|下降|减少|控制)`),
    '',
  );
  let verb = '';
  for (const v of VERBS) {
    if (
      s.startsWith(v) &&
      s.length > v.length &&
      /[\d<>≤≥不低高超至少大小多]/.test(s.charAt(v.length))
    ) {
      verb = v;
      s = s.slice(v.length);
      break;
    }
  }

  // `保持在92%以上水平`; `≥95%（含）` (≥ includes it already).
  s = s.replace(/水平$/, '');
  if (/^[≤≥]|^[<>]=/.test(s)) s = s.replace(/\(含(?:本数)?\)$/, '');
  for (const [sym, kind] of SYMBOL_OPS) {
    if (!s.startsWith(sym)) continue;
    const m = new RegExp(`^${NUM}${UNIT}$`).exec(s.slice(sym.length));
    if (!m?.[1]) break;
    return unitIssue(m[2], ctx) ?? ok({ kind, value: num(m[1]) } as Target, perUnit, years);
  }
  for (const [word, kind] of PREFIX_OPS) {
    if (!s.startsWith(word)) continue;
    const m = new RegExp(`^${NUM}${UNIT}$`).exec(s.slice(word.length));
    if (!m?.[1]) break;
    return unitIssue(m[2], ctx) ?? ok({ kind, value: num(m[1]) } as Target, perUnit, years);
  }
  const suffix = readSuffix(s, ctx, perUnit, years);
  if (suffix) return suffix;
  // `45%±2`, `45±2%`, `45%(±2个百分点)`: about a value, with its band.
  const plusMinus = new RegExp(`^${NUM}${UNIT}\\(?±${NUM}${UNIT}\\)?$`).exec(s);
  if (plusMinus?.[1] && plusMinus[3]) {
    const bandUnit = plusMinus[4];
    const issue =
      unitIssue(plusMinus[2], ctx) ??
      (bandUnit && bandUnit !== '个百分点' && bandUnit !== '个千分点'
        ? unitIssue(bandUnit, ctx)
        : undefined);
    if (issue) return issue;
    return ok({ kind: 'about', value: num(plusMinus[1]), band: num(plusMinus[3]) }, perUnit, years);
  }
  const range = new RegExp(`^${NUM}${UNIT}(?:-|至|到)${NUM}${UNIT}(?:之间)?$`).exec(s);
  if (range?.[1] && range[3]) {
    const issue = unitIssue(range[2], ctx) ?? unitIssue(range[4], ctx);
    if (issue) return issue;
    const low = num(range[1]);
    const high = num(range[3]);
    if (low > high) return fail('targets.row.rangeOrder', ctx, { low, high });
    return ok({ kind: 'range', low, high }, perUnit, years);
  }
  // A bare number: read by the verb before it, else by the indicator's direction.
  const bare = new RegExp(`^${NUM}${UNIT}$`).exec(s);
  if (bare?.[1]) {
    const issue = unitIssue(bare[2], ctx);
    if (issue) return issue;
    const value = num(bare[1]);
    if (UP_VERBS.includes(verb)) return ok({ kind: 'atLeast', value }, perUnit, years);
    if (DOWN_VERBS.includes(verb)) return ok({ kind: 'atMost', value }, perUnit, years);
    if (def.direction === 'band')
      return fail('targets.row.bareNumber', ctx, { example: exampleFor(def) });
    const kind = def.direction === 'lower' ? 'atMost' : 'atLeast';
    const target: Target = { kind, value };
    return {
      ok: true,
      target,
      perUnit,
      ...years,
      notice: {
        key: 'targets.row.bareRead',
        params: { found: ctx.written, read: kind === 'atMost' ? `≤${bare[1]}` : `≥${bare[1]}` },
      },
    };
  }
  return fail('targets.row.badTarget', ctx, { example: exampleFor(def) });
}

/**
 * `5‰以下`, `90%（含）以上`, `95%以上（含95%）`, `4%以下(含)`: 含 says what 以上/以下 say already (they
 * include the number); `（不含95%）` makes it strict. A number in the bracket must be the target's.
 */
function readSuffix(s: string, ctx: Ctx, perUnit: boolean, years: Years): TextResult | undefined {
  const suffix = new RegExp(
    `^${NUM}${UNIT}(?:\\(含\\))?(及以下|或以下|以下|以内|及以上|或以上|以上|左右)(.*)$`,
  ).exec(s);
  if (!suffix?.[1]) return undefined;
  let kind: Target['kind'] = SUFFIX_OPS.find(([w]) => w === suffix[3])?.[1] ?? 'atMost';
  const issue = unitIssue(suffix[2], ctx);
  if (issue) return issue;
  const value = num(suffix[1]);
  let rest = suffix[4] ?? '';
  if (kind === 'about') {
    const { band, error } = bandIn(rest, ctx);
    if (error) return error;
    return ok(
      band === undefined ? { kind: 'about', value } : { kind: 'about', value, band },
      perUnit,
      years,
    );
  }
  const incl = new RegExp(`^\\((不)?含(?:本数|${NUM}${UNIT})?\\)$`).exec(rest);
  if (incl) {
    if (incl[2] !== undefined && num(incl[2]) !== value)
      return fail('targets.row.badTarget', ctx, { example: exampleFor(ctx.def) });
    const inBracket = unitIssue(incl[3], ctx);
    if (inBracket) return inBracket;
    if (incl[1]) kind = kind === 'atMost' ? 'below' : 'above';
    rest = '';
  }
  if (rest !== '') return fail('targets.row.badTarget', ctx, { example: exampleFor(ctx.def) });
  return ok({ kind, value } as Target, perUnit, years);
}

/** A number as an office types it: `2`, `２`, `±2`, `2个百分点`, `16.9/10万`. */
export function parseNumberText(
  cell: string | number | null,
  def: IndicatorDef,
  opts: { signed?: boolean } = {},
): { ok: true; value: number | null } | { ok: false; unit?: string } {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number')
    return Number.isFinite(cell) ? { ok: true, value: cell } : { ok: false };
  const s = foldTarget(cell).replace(/,/g, '');
  if (s === '' || NONE.has(s)) return { ok: true, value: null };
  const m = new RegExp(`^(${opts.signed ? '[+-]?' : ''}±?)${NUM}${UNIT}$`).exec(s);
  if (!m?.[2]) return { ok: false };
  if (m[3] && m[3] !== '个百分点' && m[3] !== '个千分点' && unitOf(m[3]) !== def.unit)
    return { ok: false, unit: m[3] };
  const v = num(m[2]);
  return { ok: true, value: m[1] === '-' ? -v : v };
}

/** A year: `2020`, `2020年`, `２０２０`. */
export function parseYear(
  cell: string | number | null,
): { ok: true; value: number | null } | { ok: false } {
  if (cell === null) return { ok: true, value: null };
  if (typeof cell === 'number')
    return Number.isInteger(cell) && cell >= 1900 && cell <= 2200
      ? { ok: true, value: cell }
      : { ok: false };
  const s = foldTarget(cell);
  if (s === '' || NONE.has(s)) return { ok: true, value: null };
  const m = /^(\d{4})年?(?:底|末)?$/.exec(s);
  if (!m?.[1]) return { ok: false };
  const y = Number(m[1]);
  return y >= 1900 && y <= 2200 ? { ok: true, value: y } : { ok: false };
}
