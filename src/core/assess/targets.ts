import type { Lang } from '../messages/index';
import type { IndicatorDef, Target } from '../profile/schema';

/**
 * The target kinds of indicators.md as a declarative registry (like HyperFormula's function
 * registry): each kind says how to describe itself and how to judge a value. Adding a kind is
 * one entry here plus its schema in profile/schema.ts.
 */
export type Status = 'met' | 'notMet' | 'noData';

export interface JudgeContext {
  /** The value as published (rounded to the indicator's decimals). */
  value: number;
  /** The previous period's published value, if any. */
  prior: number | null;
  direction: IndicatorDef['direction'];
}

export interface Judgement {
  status: Status;
  /** Distance to the target in the indicator's unit when not met (always positive). */
  gap?: number;
  /** Why there is no judgement although there is a value. */
  reason?: 'noPrior' | 'noBaseline';
}

interface TargetKind<K extends Target['kind']> {
  /** `unit` is the suffix as written after a number (see unitSuffix). */
  describe(t: Extract<Target, { kind: K }>, unit: string, lang: Lang): string;
  judge(t: Extract<Target, { kind: K }>, ctx: JudgeContext): Judgement;
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

const better = (direction: IndicatorDef['direction'], value: number, prior: number) =>
  direction === 'lower' ? value < prior - EPS : value > prior + EPS;

export const TARGET_KINDS: Registry = {
  atMost: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `≤${fmt(t.value)}${unit}` : `≤ ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value <= t.value + EPS, value - t.value),
  },
  atLeast: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `≥${fmt(t.value)}${unit}` : `≥ ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value >= t.value - EPS, t.value - value),
  },
  below: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `<${fmt(t.value)}${unit}` : `< ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value < t.value - EPS, value - t.value),
  },
  above: {
    describe: (t, unit, lang) =>
      lang === 'zh' ? `>${fmt(t.value)}${unit}` : `> ${fmt(t.value)}${unit}`,
    judge: (t, { value }) => threshold(value > t.value + EPS, t.value - value),
  },
  about: {
    describe: (t, unit, lang) =>
      lang === 'zh'
        ? `${fmt(t.value)}${unit}左右（±${fmt(t.band)}）`
        : `about ${fmt(t.value)}${unit} (±${fmt(t.band)})`,
    judge: (t, { value }) => {
      const off = Math.abs(value - t.value);
      return threshold(off <= t.band + EPS, off - t.band);
    },
  },
  range: {
    describe: (t, unit, lang) =>
      lang === 'zh'
        ? `${fmt(t.low)}—${fmt(t.high)}${unit === '女=100' ? '' : unit}`
        : `${fmt(t.low)}–${fmt(t.high)}`,
    judge: (t, { value }) =>
      value < t.low - EPS
        ? { status: 'notMet', gap: t.low - value }
        : value > t.high + EPS
          ? { status: 'notMet', gap: value - t.high }
          : { status: 'met' },
  },
  rising: {
    describe: (_t, _unit, lang) => (lang === 'zh' ? '逐步提高' : 'rising'),
    judge: (_t, { value, prior, direction }) =>
      prior === null
        ? { status: 'noData', reason: 'noPrior' }
        : better(direction === 'band' ? 'higher' : direction, value, prior)
          ? { status: 'met' }
          : { status: 'notMet', gap: Math.abs(prior - value) },
  },
  falling: {
    describe: (_t, _unit, lang) => (lang === 'zh' ? '逐步降低' : 'falling'),
    judge: (_t, { value, prior }) =>
      prior === null
        ? { status: 'noData', reason: 'noPrior' }
        : value < prior - EPS
          ? { status: 'met' }
          : { status: 'notMet', gap: Math.abs(value - prior) },
  },
  relative: {
    describe: (t, unit, lang) => {
      const pct = fmt(Math.abs(t.change) * 100, 1);
      const dir =
        t.change < 0 ? (lang === 'zh' ? '降低' : 'below') : lang === 'zh' ? '提高' : 'above';
      const base =
        t.baseline === null
          ? ''
          : lang === 'zh'
            ? `（基期${fmt(t.baseline)}${unit}）`
            : ` (base ${fmt(t.baseline)}${unit})`;
      return lang === 'zh'
        ? `比${t.baseYear}年${dir}${pct}%${base}`
        : `${pct}% ${dir} ${t.baseYear}${base}`;
    },
    judge: (t, { value, direction }) => {
      if (t.baseline === null) return { status: 'noData', reason: 'noBaseline' };
      const goal = t.baseline * (1 + t.change);
      return direction === 'higher'
        ? threshold(value >= goal - EPS, goal - value)
        : threshold(value <= goal + EPS, value - goal);
    },
  },
};

export function describeTarget(target: Target, unit: string, lang: Lang): string {
  const kind = TARGET_KINDS[target.kind] as TargetKind<Target['kind']>;
  return kind.describe(target as never, unitSuffix(unit, lang), lang);
}

/** A value as published, with its unit: `3.55‰`, `25.33/10万`, `106.71`. */
export function formatValue(value: number, decimals: number, unit: string, lang: Lang): string {
  return `${value.toFixed(decimals)}${unitSuffix(unit, lang)}`;
}

export function judge(target: Target, ctx: JudgeContext): Judgement {
  const kind = TARGET_KINDS[target.kind] as TargetKind<Target['kind']>;
  return kind.judge(target as never, ctx);
}

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
