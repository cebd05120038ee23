import type { IndicatorResult } from '../assess/assess';
import { roundHalfUp } from '../assess/round';
import { fmt, formatValue, isTrendTarget, targetWording, unitSuffix } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import type { NarrativeInput } from './narrative';
import { unitValues, unitsBelowShortfall, weakestUnits, type UnitShortfall } from './units';
import { changeVerb, listOf, lowerFirst, nameIn, pointsOf, unitList, upperFirst } from './words';

/**
 * A domain's paragraph, as a 统计监测报告 writes one: the year and the area open it once; later
 * sentences name only the indicator; "比上年" is said once, later changes are 上升/下降 (a rate)
 * or 提高/降低 (a share) alone; indicators met in a row with the same unit share a sentence
 * (…；…，分别实现了“…”“…”的目标); an indicator not met is said here, once, with the units
 * furthest from its target. Small numbers go to the footnote under it.
 */
export interface ParagraphContext {
  input: NarrativeInput;
  /** How the paragraph's first sentence names the area: 青川市, or 全市 after the first time. */
  area: string;
  /** The reporting units' noun (乡镇（街道）; "townships" for a count in English). */
  noun: (count: number) => string;
}

interface State {
  first: boolean;
  changeSaid: boolean;
}

/**
 * The target in the narrative's words: the programme's wording (`下降到12/10万以下`), never a
 * symbol; in English the kind's words, a trend as "steady growth" (the target of steady growth).
 */
export function targetPhrase(r: IndicatorResult, lang: Lang): string {
  const tg = r.def.target;
  if (lang === 'en' && tg.kind === 'rising') return 'steady growth';
  if (lang === 'en' && tg.kind === 'falling') return 'a steady decline';
  return targetWording(tg, r.def.unit, lang);
}

export function valueText(r: IndicatorResult, lang: Lang): string {
  return r.root.shown === null ? '—' : formatValue(r.root.shown, r.def.decimals, r.def.unit, lang);
}

/** "上年", or the previous period's year when it is not the year before. */
function priorName(input: NarrativeInput): string {
  const { period, priorPeriod, lang } = input;
  if (priorPeriod && Number(priorPeriod) !== Number(period) - 1)
    return t(lang, 'n.priorPeriod', { period: priorPeriod });
  return t(lang, 'n.priorYear');
}

function subject(r: IndicatorResult, ctx: ParagraphContext, s: State): string {
  const { lang, period } = ctx.input;
  const name = nameIn(r.def, lang);
  const text = s.first
    ? t(lang, 'n.subjectLead', { period, area: ctx.area, name })
    : t(lang, 'n.subject', { name });
  s.first = false;
  return text;
}

/** `婴儿死亡率为3.62‰（初步数据），比上年下降0.85个千分点` */
function valueClause(r: IndicatorResult, ctx: ParagraphContext, s: State): string {
  const { lang } = ctx.input;
  let text = t(lang, 'n.is', { subject: subject(r, ctx, s), value: valueText(r, lang) });
  if (r.provisional) text += t(lang, 'report.provisional');
  if (r.change !== null) {
    const prior = priorName(ctx.input);
    if (r.change === 0)
      text += t(lang, r.priorCoverage ? 'n.changeSameComparable' : 'n.changeSame', { prior });
    else {
      const params = {
        prior,
        verb: changeVerb(r.def, r.change > 0, lang),
        change: Math.abs(r.change).toFixed(r.def.decimals),
        points: pointsOf(r.def.unit, lang),
      };
      // Over the units of both years when the two pooled other units (可比口径).
      const key = r.priorCoverage
        ? 'n.changeComparable'
        : s.changeSaid
          ? 'n.changeShort'
          : 'n.change';
      text += t(lang, key, params);
      s.changeSaid = true;
    }
  }
  if (r.plausible !== null)
    text += t(lang, r.plausible ? 'n.plausibleIn' : 'n.plausibleOut', {
      range: rangeText(r, lang),
    });
  return text;
}

export function rangeText(r: IndicatorResult, lang: Lang): string {
  const range = r.def.plausibleRange;
  if (!range) return '';
  const unit = unitSuffix(r.def.unit, lang);
  return lang === 'zh'
    ? `${fmt(range.low)}—${fmt(range.high)}${unit}`
    : `${fmt(range.low)}–${fmt(range.high)}${unit}`;
}

/** The number a per-township target asks of each township: `90%`. */
function goalText(r: IndicatorResult, lang: Lang): string {
  const tg = r.def.target;
  return 'value' in tg
    ? formatValue(tg.value, r.def.decimals, r.def.unit, lang).replace(/\.0+(?=\D|$)/, '')
    : '';
}

/** 乙镇（88.00%）, or 甲镇（80.00%）、乙镇（85.00%）、丙镇（88.00%）等9个乡镇（街道）. */
function shortfallText(r: IndicatorResult, u: UnitShortfall, ctx: ParagraphContext): string {
  const { lang, unitName } = ctx.input;
  const units = unitValues(r, u.named, unitName, lang);
  if (u.total <= u.named.length) return units;
  return lang === 'zh' ? `${units}等${u.total}个${ctx.noun(u.total)}` : units;
}

function unitsMiss(r: IndicatorResult, ctx: ParagraphContext): string {
  const { lang, assessment } = ctx.input;
  if (r.def.perUnit && r.unitsBelow.length > 0) {
    const u = unitsBelowShortfall(r);
    return t(lang, 'n.unitsBelowAlso', {
      units: shortfallText(r, u, ctx),
      count: u.total,
      goal: goalText(r, lang),
    });
  }
  // A rate on fewer than 20 events says little about a township (one death in 223 births is
  // 448/10万): the footnote says the count, no unit is singled out by it.
  if (r.smallNumber) return '';
  const u = weakestUnits(r, assessment.units);
  if (u.named.length === 0) return '';
  const units = unitValues(r, u.named, ctx.input.unitName, lang);
  if (isTrendTarget(r.def.target) || r.def.target.kind === 'relative')
    return t(lang, r.def.direction === 'lower' ? 'n.trendHigh' : 'n.trendLow', {
      units,
      noun: ctx.noun(u.total),
    });
  return u.total > u.named.length
    ? t(lang, 'n.unitsMissSome', { units, count: u.total, noun: ctx.noun(u.total) })
    : t(lang, 'n.unitsMissAll', { units, count: u.total });
}

/** The end of one indicator's sentence: what its value means against its target. */
/**
 * A trend judged against its baseline, not last year: the sentence names it (乳腺癌筛查率…提高
 * 0.35个百分点 is on last year; 逐步提高 was judged on the 2020 baseline of 62.00%).
 */
function baselineClause(r: IndicatorResult, lang: Lang): string {
  if (!isTrendTarget(r.def.target) || r.reference?.against !== 'baseline') return '';
  const baseYear = r.target.target.baseYear;
  return t(lang, baseYear === undefined ? 'n.trendBaseline' : 'n.trendBaselineYear', {
    baseYear: baseYear ?? '',
    baseline: formatValue(r.reference.value, r.def.decimals, r.def.unit, lang),
  });
}

function statusClause(r: IndicatorResult, ctx: ParagraphContext): string {
  const { lang } = ctx.input;
  const target = targetPhrase(r, lang);
  const end = lang === 'zh' ? '。' : '.';
  switch (r.status) {
    case 'noTarget':
      return t(lang, 'n.noTargetClause');
    case 'met':
      return baselineClause(r, lang) + t(lang, 'n.met', { target });
    case 'notMet':
      if (r.statusReason === 'unitsBelow') {
        const u = unitsBelowShortfall(r);
        return t(lang, 'n.unitsBelow', {
          units: shortfallText(r, u, ctx),
          count: u.total,
          goal: goalText(r, lang),
          target,
        });
      }
      if (isTrendTarget(r.def.target))
        return (
          baselineClause(r, lang) + t(lang, 'n.notMetTrend', { target }) + unitsMiss(r, ctx) + end
        );
      return notMetClause(r, target, lang) + unitsMiss(r, ctx) + end;
    default:
      return notAssessableClause(r, target, ctx);
  }
}

/** How far from the target: 尚差1.20个百分点 (at the value's decimals, never 1.2), or — a
 * strict bound met exactly (4.00% against 低于4%) — that the value is at the bound. */
function notMetClause(r: IndicatorResult, target: string, lang: ParagraphContext['input']['lang']) {
  const gap = roundHalfUp(r.gap ?? 0, r.def.decimals);
  if (gap === 0) return t(lang, 'n.notMetAtBound', { target });
  return t(lang, 'n.notMet', {
    target,
    gap: gap.toFixed(r.def.decimals),
    points: pointsOf(r.def.unit, lang),
  });
}

function notAssessableClause(r: IndicatorResult, target: string, ctx: ParagraphContext): string {
  const { lang, unitName } = ctx.input;
  switch (r.statusReason) {
    case 'smallNumber':
      return t(lang, 'n.notAssessable.smallNumber', { target });
    case 'unitsUnknown': {
      const names = (r.unitsUnknown ?? []).map(unitName);
      return t(lang, 'n.notAssessable.unitsUnknown', {
        units: unitList(names, lang),
        count: names.length,
        target,
      });
    }
    case 'noBand':
      return t(lang, 'n.notAssessable.noBand', { target });
    case 'targetInvalid':
      return t(lang, 'n.notAssessable.targetInvalid');
    case 'noBaseline':
      return r.def.target.kind === 'relative' && r.def.target.baseYear !== undefined
        ? t(lang, 'n.noData.noBaseline', { target, baseYear: r.def.target.baseYear })
        : t(lang, 'n.notAssessable.noBaseline', { target });
    case 'priorCoverage':
      return t(lang, 'n.noData.priorCoverage', { target });
    default:
      return t(lang, 'n.noData.noPrior', { target });
  }
}

/** The mid-term sentence, when the stage asks for one and the line can be drawn. */
function progressSentence(r: IndicatorResult, lang: Lang): string {
  const p = r.progress;
  if (!p || p.status === 'notAssessable' || p.expected === null || p.baseline === null) return '';
  const f = (v: number) => formatValue(v, r.def.decimals, r.def.unit, lang);
  if (p.kept)
    return t(lang, p.status === 'onTrack' ? 'n.progress.keptOnTrack' : 'n.progress.keptBehind', {
      baseYear: p.baseYear ?? '',
      baseline: f(p.baseline),
    });
  return t(lang, p.status === 'onTrack' ? 'n.progress.onTrack' : 'n.progress.behind', {
    baseYear: p.baseYear ?? '',
    baseline: f(p.baseline),
    targetYear: p.targetYear,
    expected: f(p.expected),
  });
}

/**
 * Indicators met in a row that a report says in one sentence (up to three): the same unit and
 * direction (three death rates, two coverage rates), no mid-term sentence of their own, and
 * either one target for all (均已实现“…”) or a different one each (分别实现了“…”“…”).
 */
function metRun(rs: readonly IndicatorResult[], from: number): IndicatorResult[] {
  const run: IndicatorResult[] = [];
  const wording = (r: IndicatorResult) => targetPhrase(r, 'zh');
  const joinable = (r: IndicatorResult | undefined): r is IndicatorResult => {
    // A trend judged on its baseline says so (baselineClause): a sentence of its own, never
    // joined where the basis would be dropped (降低5.33个百分点 … 实现了“逐步提高”).
    if (
      !r ||
      r.status !== 'met' ||
      r.root.shown === null ||
      progressSentence(r, 'zh') !== '' ||
      baselineClause(r, 'zh') !== ''
    )
      return false;
    const head = run[0];
    if (!head) return true;
    if (r.def.unit !== head.def.unit || r.def.direction !== head.def.direction) return false;
    const same = run.length < 2 ? undefined : wording(run[1] as IndicatorResult) === wording(head);
    const equal = wording(r) === wording(head);
    if (same === undefined) return true;
    return same ? equal : !run.some((x) => wording(x) === wording(r));
  };
  for (let i = from; run.length < 3 && joinable(rs[i]); i++) run.push(rs[i] as IndicatorResult);
  return run;
}

function runSentence(run: readonly IndicatorResult[], ctx: ParagraphContext, s: State): string {
  const { lang } = ctx.input;
  const clauses = run.map((r) => valueClause(r, ctx, s));
  const targets = run.map((r) => targetPhrase(r, lang));
  const same = targets.every((x) => x === targets[0]);
  const joined = clauses.join(lang === 'zh' ? '；' : '; ');
  const close = same
    ? t(lang, 'n.metAll', { target: targets[0] ?? '', two: run.length === 2 ? 1 : 0 })
    : t(lang, 'n.metEach', {
        targets:
          lang === 'zh'
            ? targets.map((x) => t(lang, 'n.quoted', { text: x })).join('')
            : listOf(targets, lang),
      });
  return joined + close;
}

function oneSentence(r: IndicatorResult, ctx: ParagraphContext, s: State): string {
  const { lang } = ctx.input;
  if (r.root.shown === null)
    return t(
      lang,
      r.statusReason === 'zeroDenominator' ? 'n.noData.zeroDenominator' : 'n.noData.noValue',
      { subject: subject(r, ctx, s) },
    );
  const text = valueClause(r, ctx, s) + statusClause(r, ctx) + progressSentence(r, lang);
  return text;
}

/**
 * The indicators no unit reported, in one sentence at the end of the paragraph:
 * 孕产妇系统管理率、适龄妇女宫颈癌筛查率暂无数据，各单位均未报送相关数据。
 */
function noDataSentence(all: readonly IndicatorResult[], ctx: ParagraphContext, s: State): string {
  // Units did report, but every figure was set aside by an error (and none is merely missing):
  // never "no unit reported it".
  const aside = all.filter(
    (r) =>
      r.root.pool.pooled === 0 &&
      r.root.pool.setAside.length > 0 &&
      r.root.pool.leftOut.length === 0,
  );
  const rs = all.filter((r) => !aside.includes(r));
  return (
    aside.map((r) => setAsideSentence(r, ctx, s)).join('') +
    (rs.length > 0 ? noValueSentence(rs, ctx, s) : '')
  );
}

function setAsideSentence(r: IndicatorResult, ctx: ParagraphContext, s: State): string {
  const { lang, unitName } = ctx.input;
  const names = r.root.pool.setAside.map(unitName);
  return t(lang, 'n.noData.setAside', {
    subject: subject(r, ctx, s),
    units: unitList(names, lang),
  });
}

function noValueSentence(rs: readonly IndicatorResult[], ctx: ParagraphContext, s: State): string {
  const { lang } = ctx.input;
  if (rs.length === 1)
    return t(lang, 'n.noData.noValue', { subject: subject(rs[0] as IndicatorResult, ctx, s) });
  const names = rs.map((r) => nameIn(r.def, lang));
  const name = lang === 'zh' ? names.join('、') : listOf(names, lang);
  const text = s.first
    ? t(lang, 'n.subjectLead', { period: ctx.input.period, area: ctx.area, name })
    : t(lang, 'n.subject', { name });
  s.first = false;
  return t(lang, 'n.noData.noValueMany', { subject: text });
}

const unreported = (r: IndicatorResult) =>
  r.root.shown === null && r.statusReason !== 'zeroDenominator';

/** The sentences of one domain, joined; English sentences capitalised. */
export function domainText(all: readonly IndicatorResult[], ctx: ParagraphContext): string {
  const { lang } = ctx.input;
  const s: State = { first: true, changeSaid: false };
  const sentences: string[] = [];
  const rs = all.filter((r) => !unreported(r));
  const none = all.filter(unreported);
  for (let i = 0; i < rs.length;) {
    const run = metRun(rs, i);
    if (run.length > 1) {
      sentences.push(runSentence(run, ctx, s));
      i += run.length;
    } else {
      sentences.push(oneSentence(rs[i] as IndicatorResult, ctx, s));
      i++;
    }
  }
  if (none.length > 0) sentences.push(noDataSentence(none, ctx, s));
  return lang === 'zh' ? sentences.join('') : sentences.map(upperFirst).join(' ');
}

/** 注：孕产妇死亡1人，例数较少，该比率波动较大。 — for the domain's small numbers, if any. */
export function smallNote(rs: readonly IndicatorResult[], input: NarrativeInput): string {
  const { lang, profile } = input;
  const small = rs.filter((r) => r.smallNumber && r.root.shown !== null);
  if (small.length === 0) return '';
  const items = small.map((r) => {
    const item = profile.forms.flatMap((f) => f.items).find((i) => i.id === r.def.numerator);
    const n = r.root.pool.numerator;
    if (lang === 'zh')
      return t(lang, 'n.smallItem', {
        item: (item?.name ?? r.def.name).replace(/(人数|数)$/, ''),
        n,
        unit: item?.unit ?? '',
      });
    return t(lang, 'n.smallItem', { item: lowerFirst(item?.nameEn ?? r.def.nameEn), n });
  });
  return t(lang, 'n.smallNote', {
    list: lang === 'zh' ? items.join('、') : items.join('; '),
    count: small.length,
  });
}
