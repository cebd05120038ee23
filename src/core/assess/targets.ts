import type { Lang } from '../messages/index';
import { roundToward } from './round';
import type { IndicatorDef, Target } from '../profile/schema';

/**
 * The target kinds of indicators.md as a declarative registry (like HyperFormula's function
 * registry): each kind says how to write itself — a short symbol form for table columns, and
 * the programme's wording for sentences — and how to judge a value. Adding a kind is one entry
 * here plus its schema in profile/schema.ts (and, for the office's table, its spelling in
 * targets/text.ts).
 *
 * Statuses as evaluation offices use them: `met`, `notMet`, `noData` (no value),
 * `notAssessable` (a value, but nothing to judge it against: no baseline, no prior, no band),
 * `noTarget` (monitored only). The 达标率 is met / (met + notMet).
 */
export type Status = 'met' | 'notMet' | 'noData' | 'notAssessable' | 'noTarget';

export const STATUSES: readonly Status[] = ['met', 'notMet', 'notAssessable', 'noData', 'noTarget'];

export type StatusReason =
  | 'noValue'
  | 'zeroDenominator'
  | 'noPrior'
  /** Last year's value pooled other units than this year's (assess/coverage.ts). */
  | 'priorCoverage'
  | 'noBaseline'
  | 'noBand'
  | 'targetInvalid'
  | 'unitsBelow'
  /** A township-by-township target with every known township meeting it, and some unknown. */
  | 'unitsUnknown'
  /** A trend judged from last year on a rate of fewer than 20 events (either year). */
  | 'smallNumber';

export interface JudgeContext {
  /** The value as published (rounded to the indicator's decimals). */
  value: number;
  /** The previous period's published value, if any. */
  prior: number | null;
  direction: IndicatorDef['direction'];
  /** Decimals the indicator is published with: derived goals are rounded to them. */
  decimals?: number;
  /** What a trend target falls back to without a baseline (see IndicatorDef.trendBasis). */
  trendBasis?: IndicatorDef['trendBasis'];
}

export interface Judgement {
  status: Status;
  /** Distance to the target in the indicator's unit when not met (never negative). */
  gap?: number;
  /** Why there is no judgement although there is a value. */
  reason?: StatusReason;
  /** What the value was compared with, for trend and relative targets. */
  reference?: { value: number; against: 'baseline' | 'prior' | 'goal' };
}

interface TargetKind<K extends Target['kind']> {
  /** Short form for a table column: `≤12/10万`. `unit` is the suffix written after a number. */
  describe(t: Extract<Target, { kind: K }>, unit: string, lang: Lang): string;
  /** The target in words, when the profile or the office gave none: `12/10万以下`. */
  words(t: Extract<Target, { kind: K }>, unit: string, lang: Lang): string;
  judge(t: Extract<Target, { kind: K }>, ctx: JudgeContext): Judgement;
  /** The value the target asks for, for the mid-term line; undefined for trend targets. */
  goal?(t: Extract<Target, { kind: K }>, ctx: { decimals: number }): number | undefined;
}

type Registry = { [K in Target['kind']]: TargetKind<K> };

/** How a value's unit is written after a number: `12/10万`, `3.5‰`, `90%`. */
export function unitSuffix(unit: string, lang: Lang): string {
  const zh: Record<string, string> = { '1/10万': '/10万', '女=100': '' };
  const en: Record<string, string> = { '1/10万': ' per 100,000', '女=100': '', '‰': '‰', '%': '%' };
  return (lang === 'zh' ? zh[unit] : en[unit]) ?? unit;
}

export function fmt(n: number, decimals = 2): string {
  return Number(n.toFixed(decimals)).toString();
}

const EPS = 1e-9;

function threshold(ok: boolean, gap: number): Judgement {
  return ok ? { status: 'met' } : { status: 'notMet', gap: Math.abs(gap) };
}

const noJudgement = (reason: StatusReason): Judgement => ({ status: 'notAssessable', reason });

/**
 * 逐步提高 / 逐步降低: better than the baseline when one is given, else than the previous period
 * (unless the indicator moves only at a 换届). Equal is not better: 持平 is "not yet raised".
 */
function trend(up: boolean, t: Target, ctx: JudgeContext): Judgement {
  const onPrior = 'basis' in t && t.basis === 'prior';
  if (onPrior) {
    if (ctx.prior === null) return noJudgement('noPrior');
    const reference = { value: ctx.prior, against: 'prior' } as const;
    const ok = up ? ctx.value > ctx.prior + EPS : ctx.value < ctx.prior - EPS;
    return ok
      ? { status: 'met', reference }
      : { status: 'notMet', gap: Math.abs(ctx.prior - ctx.value), reference };
  }
  const baseline = t.baseline ?? null;
  const against = baseline !== null ? 'baseline' : 'prior';
  const ref = baseline ?? (ctx.trendBasis === 'baseline' ? null : ctx.prior);
  if (ref === null)
    return noJudgement(
      baseline === null && ctx.trendBasis === 'baseline' ? 'noBaseline' : 'noPrior',
    );
  const reference = { value: ref, against } as const;
  const ok = up ? ctx.value > ref + EPS : ctx.value < ref - EPS;
  return ok
    ? { status: 'met', reference }
    : { status: 'notMet', gap: Math.abs(ref - ctx.value), reference };
}

function relativeGoal(
  t: Extract<Target, { kind: 'relative' }>,
  decimals: number,
): number | undefined {
  // Rounded toward the strict side: a published value meets it exactly when it is the change
  // the target asks for, worked out on the published figures.
  return t.baseline === null
    ? undefined
    : roundToward(t.baseline * (1 + t.change), decimals, t.change);
}

const pct = (change: number) => fmt(Math.abs(change) * 100, 1);

/** `2020年` when the base year is known, else `基期`. */
const baseName = (year: number | undefined, lang: Lang) =>
  year === undefined
    ? lang === 'zh'
      ? '基期'
      : 'base'
    : lang === 'zh'
      ? `${year}年`
      : String(year);

/** 逐步提高 / 比上年提高 and their English. */
function trendWords(up: boolean, basis: 'prior' | undefined, lang: Lang): string {
  if (lang === 'zh') return (basis === 'prior' ? '比上年' : '逐步') + (up ? '提高' : '降低');
  return (up ? 'rising' : 'falling') + (basis === 'prior' ? ' on the previous year' : '');
}

export const TARGET_KINDS: Registry = {
  atMost: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `≤${fmt(t.value)}${unit}` : `≤ ${fmt(t.value)}${unit}`,
    words: (t, unit, lang) =>
      lang === 'zh' ? `${fmt(t.value)}${unit}以下` : `${fmt(t.value)}${unit} or below`,
    judge: (t, { value }) => threshold(value <= t.value + EPS, value - t.value),
    goal: (t) => t.value,
  },
  atLeast: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `≥${fmt(t.value)}${unit}` : `≥ ${fmt(t.value)}${unit}`,
    words: (t, unit, lang) =>
      lang === 'zh' ? `${fmt(t.value)}${unit}以上` : `${fmt(t.value)}${unit} or above`,
    judge: (t, { value }) => threshold(value >= t.value - EPS, t.value - value),
    goal: (t) => t.value,
  },
  below: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `<${fmt(t.value)}${unit}` : `< ${fmt(t.value)}${unit}`,
    words: (t, unit, lang) =>
      lang === 'zh' ? `低于${fmt(t.value)}${unit}` : `below ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value < t.value - EPS, value - t.value),
    goal: (t) => t.value,
  },
  above: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `>${fmt(t.value)}${unit}` : `> ${fmt(t.value)}${unit}`,
    words: (t, unit, lang) =>
      lang === 'zh' ? `高于${fmt(t.value)}${unit}` : `above ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value > t.value + EPS, t.value - value),
    goal: (t) => t.value,
  },
  about: {
    describe: (t, unit, lang) => {
      const band =
        t.band === undefined ? '' : lang === 'zh' ? `（±${fmt(t.band)}）` : ` (±${fmt(t.band)})`;
      return lang === 'zh'
        ? `${fmt(t.value)}${unit}左右${band}`
        : `about ${fmt(t.value)}${unit}${band}`;
    },
    words: (t, unit, lang) =>
      lang === 'zh' ? `${fmt(t.value)}${unit}左右` : `about ${fmt(t.value)}${unit}`,
    /**
     * Within the band on the side that matters: for a share where higher is better, only falling
     * short is a miss (53% women against "50%左右" is no failure); both sides for a neutral one.
     */
    judge: (t, { value, direction }) => {
      if (t.band === undefined) return noJudgement('noBand');
      const low = t.value - t.band;
      const high = t.value + t.band;
      if (direction !== 'lower' && value < low - EPS) return { status: 'notMet', gap: low - value };
      if (direction !== 'higher' && value > high + EPS)
        return { status: 'notMet', gap: value - high };
      return { status: 'met' };
    },
    goal: (t) => t.value,
  },
  range: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `${fmt(t.low)}—${fmt(t.high)}${unit}` : `${fmt(t.low)}–${fmt(t.high)}${unit}`,
    words: (t, unit, lang) =>
      lang === 'zh' ? `${fmt(t.low)}—${fmt(t.high)}${unit}` : `${fmt(t.low)}–${fmt(t.high)}${unit}`,
    judge: (t, { value }) =>
      value < t.low - EPS
        ? { status: 'notMet', gap: t.low - value }
        : value > t.high + EPS
          ? { status: 'notMet', gap: value - t.high }
          : { status: 'met' },
  },
  rising: {
    describe: (t, _unit, lang) => trendWords(true, t.basis, lang),
    words: (t, _unit, lang) => trendWords(true, t.basis, lang),
    judge: (t, ctx) => trend(true, t, ctx),
  },
  falling: {
    describe: (t, _unit, lang) => trendWords(false, t.basis, lang),
    words: (t, _unit, lang) => trendWords(false, t.basis, lang),
    judge: (t, ctx) => trend(false, t, ctx),
  },
  relative: {
    describe: (t, _unit, lang) => {
      const dir =
        t.change < 0 ? (lang === 'zh' ? '下降' : 'below') : lang === 'zh' ? '提高' : 'above';
      return lang === 'zh'
        ? `比${baseName(t.baseYear, lang)}${dir}${pct(t.change)}%`
        : `${pct(t.change)}% ${dir} ${baseName(t.baseYear, lang)}`;
    },
    words: (t, _unit, lang) => {
      const dir =
        t.change < 0 ? (lang === 'zh' ? '下降' : 'below') : lang === 'zh' ? '提高' : 'above';
      return lang === 'zh'
        ? `比${baseName(t.baseYear, lang)}${dir}${pct(t.change)}%`
        : `${pct(t.change)}% ${dir} the ${baseName(t.baseYear, lang)} level`;
    },
    /** The goal, baseline × (1 + change), at the published decimals, rounded the strict way. */
    judge: (t, { value, decimals }) => {
      const goal = relativeGoal(t, decimals ?? 2);
      if (goal === undefined) return noJudgement('noBaseline');
      const reference = { value: goal, against: 'goal' } as const;
      const j =
        t.change < 0
          ? threshold(value <= goal + EPS, value - goal)
          : threshold(value >= goal - EPS, goal - value);
      return { ...j, reference };
    },
    goal: (t, { decimals }) => relativeGoal(t, decimals),
  },
  none: {
    describe: (_t, _unit, lang) => (lang === 'zh' ? '（仅监测）' : '(monitored only)'),
    words: (_t, _unit, lang) => (lang === 'zh' ? '不设目标' : 'no target'),
    judge: () => ({ status: 'noTarget' }),
  },
};

function kindOf(target: Target): TargetKind<Target['kind']> {
  return TARGET_KINDS[target.kind] as TargetKind<Target['kind']>;
}

/** The short symbol form, for a table column: `≤12/10万`, `45%左右（±2）`. */
export function describeTarget(target: Target, unit: string, lang: Lang): string {
  return kindOf(target).describe(target as never, unitSuffix(unit, lang), lang);
}

/**
 * The target as the programme words it, for sentences: the profile's or the office's
 * `wording` when there is one (in Chinese), else words made from the kind.
 */
export function targetWording(target: Target, unit: string, lang: Lang): string {
  if (lang === 'zh' && target.wording) return target.wording;
  return kindOf(target).words(target as never, unitSuffix(unit, lang), lang);
}

/** A value as published, with its unit: `3.55‰`, `25.33/10万`, `106.71`. */
export function formatValue(value: number, decimals: number, unit: string, lang: Lang): string {
  return `${value.toFixed(decimals)}${unitSuffix(unit, lang)}`;
}

export function judge(target: Target, ctx: JudgeContext): Judgement {
  return kindOf(target).judge(target as never, ctx);
}

/** The number a target asks for (the end of the mid-term line), if it has one. */
export function targetGoal(target: Target, decimals: number): number | undefined {
  return kindOf(target).goal?.(target as never, { decimals });
}

export const isTrendTarget = (t: Target): boolean => t.kind === 'rising' || t.kind === 'falling';

/** The point unit of a change: 百分点 for %, 千分点 for ‰, 十万分点 for 1/10万. */
export function pointUnit(unit: string, lang: Lang): string {
  const zh: Record<string, string> = { '%': '个百分点', '‰': '个千分点', '1/10万': '个十万分点' };
  const en: Record<string, string> = {
    '%': ' percentage points',
    '‰': ' per-mille points',
    '1/10万': ' points per 100,000',
  };
  return (lang === 'zh' ? zh[unit] : en[unit]) ?? '';
}
