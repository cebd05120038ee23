import type { Assessment, IndicatorResult } from '../assess/assess';
import {
  fmt,
  formatValue,
  isTrendTarget,
  judge,
  pointUnit,
  targetWording,
  unitSuffix,
} from '../assess/targets';
import { targetProblemText } from '../targets/table';
import { profileTargetChecks } from '../targets/apply';
import { t, type Lang } from '../messages/index';
import type { Profile } from '../profile/profile';

/**
 * The narrative report (report.md): overview, by domain, not met, data quality, next steps.
 * Deterministic, and every figure is taken from the Assessment the summary sheet shows.
 */
export interface AuditDigest {
  /** Form sheets audited. */
  forms: number;
  /** Reporting units seen. */
  units: number;
  errors: number;
  openErrors: number;
  warnings: number;
  explained: number;
  explanations: { unit: string; ruleId: string; text: string }[];
  /** Units expected but missing, per form (form name, unit name). */
  missing: { form: string; unit: string }[];
  /** Units of the forms the region sheet does not list: set aside. */
  unlisted: string[];
}

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'heading'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'paragraph'; text: string }
  | { kind: 'item'; text: string };

export interface NarrativeInput {
  assessment: Assessment;
  profile: Profile;
  period: string;
  audit: AuditDigest;
  lang: Lang;
  /** Name of a node of the hierarchy. */
  unitName: (key: string) => string;
}

/**
 * The 达标率: met / (met + notMet), as a percentage with one decimal. Indicators without data,
 * without a target, or that cannot be judged are outside it.
 */
export function attainmentRate(counts: Pick<Assessment['counts'], 'met' | 'notMet'>): {
  assessable: number;
  rate: string;
} {
  const assessable = counts.met + counts.notMet;
  return {
    assessable,
    rate: assessable === 0 ? '—' : ((counts.met / assessable) * 100).toFixed(1),
  };
}

export function valueText(r: IndicatorResult, lang: Lang): string {
  return r.root.shown === null ? '—' : formatValue(r.root.shown, r.def.decimals, r.def.unit, lang);
}

/**
 * The reporting units furthest from the target, worst first (at most three). For a threshold,
 * band or range target only units that miss it themselves are named; for a trend target the
 * units with the worst values.
 */
export function weakestUnits(r: IndicatorResult, units: readonly string[], n = 3): string[] {
  const target = r.def.target;
  const trend = isTrendTarget(target) || target.kind === 'relative';
  const scored: { key: string; badness: number }[] = [];
  for (const key of units) {
    const v = r.nodes.get(key)?.shown;
    if (v === null || v === undefined) continue;
    if (
      !trend &&
      judge(target, { value: v, prior: null, direction: r.def.direction }).status !== 'notMet'
    )
      continue;
    let badness: number;
    if (target.kind === 'range') badness = Math.max(target.low - v, v - target.high);
    else if (target.kind === 'about') badness = Math.abs(v - target.value);
    else badness = r.def.direction === 'lower' ? v : -v;
    scored.push({ key, badness });
  }
  scored.sort((a, b) => b.badness - a.badness || a.key.localeCompare(b.key));
  return scored.slice(0, n).map((s) => s.key);
}

function domainsInOrder(profile: Profile): { outline: string; domain: string; domainEn: string }[] {
  const seen = new Set<string>();
  const out: { outline: string; domain: string; domainEn: string }[] = [];
  for (const d of profile.indicators) {
    const key = `${d.outline}|${d.domain}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ outline: d.outline, domain: d.domain, domainEn: d.domainEn });
  }
  return out;
}

/** `text（note）` in Chinese, `text (note)` in English. */
export function paren(text: string, note: string, lang: Lang): string {
  return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

const CN_NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

/** Trend targets (逐步提高) have no distance to speak of: only a direction. */
function isTrend(r: IndicatorResult): boolean {
  return isTrendTarget(r.def.target);
}

/** The target as the programme words it (the narrative quotes it, never a maths symbol). */
export function wordingOf(r: IndicatorResult, lang: Lang): string {
  return targetWording(r.def.target, r.def.unit, lang);
}

function rangeText(r: IndicatorResult, lang: Lang): string {
  const range = r.def.plausibleRange;
  if (!range) return '';
  const unit = unitSuffix(r.def.unit, lang);
  return lang === 'zh'
    ? `${fmt(range.low)}—${fmt(range.high)}${unit}`
    : `${fmt(range.low)}–${fmt(range.high)}${unit}`;
}

/** The townships a per-township target misses in, with their values. */
function unitsBelowText(r: IndicatorResult, input: NarrativeInput): string {
  const { lang, unitName } = input;
  return r.unitsBelow
    .map((u) =>
      paren(unitName(u.unit), formatValue(u.value, r.def.decimals, r.def.unit, lang), lang),
    )
    .join(t(lang, 'n.listSep'));
}

function goalText(r: IndicatorResult, lang: Lang): string {
  const tg = r.def.target;
  return 'value' in tg
    ? formatValue(tg.value, r.def.decimals, r.def.unit, lang).replace(/\.0+(?=\D|$)/, '')
    : '';
}

/** The mid-term sentence, when the stage asks for one and the line can be drawn. */
function progressSentence(r: IndicatorResult, lang: Lang): string {
  const p = r.progress;
  if (!p || p.status === 'notAssessable' || p.expected === null || p.baseline === null) return '';
  const f = (v: number) => formatValue(v, r.def.decimals, r.def.unit, lang);
  return t(lang, p.status === 'onTrack' ? 'n.progress.onTrack' : 'n.progress.behind', {
    baseYear: p.baseYear ?? '',
    baseline: f(p.baseline),
    targetYear: p.targetYear,
    expected: f(p.expected),
  });
}

function indicatorSentence(r: IndicatorResult, input: NarrativeInput): string {
  const { lang, period, assessment } = input;
  const name = lang === 'zh' ? r.def.name : r.def.nameEn;
  const target = wordingOf(r, lang);
  const points = pointUnit(r.def.unit, lang);
  if (r.root.shown === null) {
    return t(
      lang,
      r.statusReason === 'zeroDenominator' ? 'n.noData.zeroDenominator' : 'n.noData.noValue',
      { name },
    );
  }
  let s = t(lang, 'n.value', {
    period,
    region: assessment.rootName,
    // "the infant mortality rate" in the middle of an English sentence.
    name: lang === 'zh' ? name : name.charAt(0).toLowerCase() + name.slice(1),
    value: valueText(r, lang),
  });
  if (r.smallNumber) s += t(lang, 'n.small', { n: r.root.pool.numerator });
  if (r.provisional)
    s += t(lang, 'report.provisional', {
      detail: t(lang, 'report.setAside', {
        units: r.root.pool.setAside.map(input.unitName).join(t(lang, 'n.listSep')),
      }),
    });
  if (r.change !== null) {
    if (r.change === 0) s += t(lang, 'n.changeSame');
    else
      s += t(lang, r.change < 0 ? 'n.changeDown' : 'n.changeUp', {
        change: Math.abs(r.change).toFixed(r.def.decimals),
        points,
      });
  }
  if (r.plausible !== null)
    s += t(lang, r.plausible ? 'n.plausibleIn' : 'n.plausibleOut', { range: rangeText(r, lang) });
  return s + statusClause(r, input, target, points) + progressSentence(r, lang);
}

function statusClause(
  r: IndicatorResult,
  input: NarrativeInput,
  target: string,
  points: string,
): string {
  const { lang } = input;
  switch (r.status) {
    case 'noTarget':
      return t(lang, 'n.noTargetClause');
    case 'met':
      return t(lang, 'n.met', { target });
    case 'notMet':
      if (r.statusReason === 'unitsBelow')
        return t(lang, 'n.unitsBelow', {
          units: unitsBelowText(r, input),
          goal: goalText(r, lang),
          target,
        });
      if (isTrend(r)) return t(lang, 'n.notMetTrend', { target });
      return (
        t(lang, 'n.notMet', { target, gap: fmt(r.gap ?? 0, r.def.decimals), points }) +
        // A per-township target missed by the total too: the townships are named all the same.
        (r.unitsBelow.length > 0
          ? t(lang, 'n.unitsBelowAlso', {
              units: unitsBelowText(r, input),
              goal: goalText(r, lang),
            })
          : '')
      );
    default:
      break;
  }
  if (r.statusReason === 'noBand')
    return t(lang, r.def.verified ? 'n.notAssessable.noBand' : 'n.notAssessable.noBandUnverified', {
      target,
    });
  if (r.statusReason === 'targetInvalid')
    return t(lang, 'n.notAssessable.targetInvalid', { row: r.target.row ?? '' });
  if (
    r.statusReason === 'noBaseline' &&
    r.def.target.kind === 'relative' &&
    r.def.target.baseYear !== undefined
  )
    return t(lang, 'n.noData.noBaseline', { target, baseYear: r.def.target.baseYear });
  if (r.statusReason === 'noBaseline') return t(lang, 'n.notAssessable.noBaseline', { target });
  return t(lang, 'n.noData.noPrior', { target });
}

export function narrative(input: NarrativeInput): Block[] {
  const { assessment: a, profile, lang, period, audit, unitName } = input;
  const sep = t(lang, 'n.listSep');
  const nameOf = (r: IndicatorResult) => (lang === 'zh' ? r.def.name : r.def.nameEn);
  const blocks: Block[] = [
    { kind: 'title', text: t(lang, 'report.narrativeTitle', { region: a.rootName, period }) },
  ];
  if (audit.openErrors > 0) {
    blocks.push({
      kind: 'paragraph',
      text: t(lang, 'report.openErrors', { open: audit.openErrors }),
    });
  }

  // 1. Overview
  const { rate } = attainmentRate(a.counts);
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.overview') });
  const targeted = a.counts.monitored - a.counts.noTarget;
  const women = a.indicators.filter((r) => r.def.outline === 'women');
  const children = a.indicators.filter((r) => r.def.outline === 'children');
  blocks.push({
    kind: 'paragraph',
    text:
      t(lang, 'n.overview5', { period, region: a.rootName, ...a.counts, targeted, rate }) +
      (lang === 'zh' ? '' : ' ') +
      t(lang, 'n.overviewOutline', {
        women: women.length,
        womenMet: women.filter((r) => r.status === 'met').length,
        children: children.length,
        childrenMet: children.filter((r) => r.status === 'met').length,
      }) +
      overviewProgress(a, lang),
  });

  // 2. By domain
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.domains') });
  domainsInOrder(profile).forEach((d, i) => {
    const outline = t(lang, d.outline === 'women' ? 'outline.women' : 'outline.children');
    const domain = paren(lang === 'zh' ? d.domain : d.domainEn, outline, lang);
    blocks.push({
      kind: 'subheading',
      text: t(lang, 'n.domainHead', {
        n: lang === 'zh' ? (CN_NUMBERS[i] ?? String(i + 1)) : i + 1,
        domain,
      }),
    });
    const rs = a.indicators.filter((r) => r.def.outline === d.outline && r.def.domain === d.domain);
    blocks.push({
      kind: 'paragraph',
      text: rs.map((r) => indicatorSentence(r, input)).join(lang === 'zh' ? '' : ' '),
    });
  });

  // 3. Not met
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.notMet') });
  const notMet = a.indicators.filter((r) => r.status === 'notMet');
  if (notMet.length === 0) blocks.push({ kind: 'paragraph', text: t(lang, 'n.notMetNone') });
  for (const r of notMet) {
    const weakest = weakestUnits(r, a.units).map((k) => {
      const v = r.nodes.get(k)?.shown;
      return paren(
        unitName(k),
        v === null || v === undefined ? '—' : formatValue(v, r.def.decimals, r.def.unit, lang),
        lang,
      );
    });
    if (r.statusReason === 'unitsBelow') {
      blocks.push({
        kind: 'item',
        text: t(lang, 'n.notMetItemUnits', {
          name: nameOf(r),
          value: valueText(r, lang),
          target: wordingOf(r, lang),
          units: unitsBelowText(r, input),
          goal: goalText(r, lang),
        }),
      });
      continue;
    }
    blocks.push({
      kind: 'item',
      text: t(lang, isTrend(r) ? 'n.notMetItemTrend' : 'n.notMetItem', {
        name: nameOf(r),
        value: valueText(r, lang),
        target: wordingOf(r, lang),
        gap: fmt(r.gap ?? 0, r.def.decimals),
        points: pointUnit(r.def.unit, lang),
        weakest: weakest.length > 0 ? t(lang, 'n.weakest', { units: weakest.join(sep) }) : '',
      }).trim(),
    });
  }

  // 4. Data quality
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.quality') });
  const quality: string[] = [
    t(lang, 'n.quality.scope', { forms: audit.forms, units: audit.units }),
  ];
  quality.push(
    audit.errors === 0
      ? t(lang, 'n.quality.errorsNone')
      : t(lang, 'n.quality.errors', { errors: audit.errors, open: audit.openErrors }),
  );
  if (audit.warnings > 0)
    quality.push(
      t(lang, 'n.quality.warnings', { warnings: audit.warnings, explained: audit.explained }),
    );
  const missing = audit.missing.map((m) => paren(m.unit, m.form, lang));
  quality.push(
    missing.length > 0
      ? t(lang, 'n.quality.missing', { list: missing.join(sep) })
      : t(lang, 'n.quality.missingNone'),
  );
  const leftOut = a.indicators
    .filter((r) => r.root.pool.leftOut.length > 0)
    .map((r) => paren(nameOf(r), r.root.pool.leftOut.map(unitName).join(sep), lang));
  if (leftOut.length > 0) quality.push(t(lang, 'n.quality.leftOut', { list: leftOut.join(sep) }));
  const setAside = a.indicators
    .filter((r) => r.provisional)
    .map((r) => paren(nameOf(r), r.root.pool.setAside.map(unitName).join(sep), lang));
  if (setAside.length > 0)
    quality.push(t(lang, 'n.quality.setAside', { list: setAside.join(sep) }));
  if (audit.unlisted.length > 0)
    quality.push(
      t(lang, 'n.quality.rowsSetAside', {
        count: audit.unlisted.length,
        list: audit.unlisted.join(sep),
      }),
    );
  const small = a.indicators
    .filter((r) => r.smallNumber)
    .map((r) => paren(nameOf(r), String(r.root.pool.numerator), lang));
  if (small.length > 0) quality.push(t(lang, 'n.quality.small', { list: small.join(sep) }));
  // Shares and coverage rates cannot exceed 100% (gross ratios may): such a value is a data error.
  const over = a.indicators
    .filter((r) => r.def.unit === '%' && !r.def.mayExceed100)
    .map((r) => {
      const units = a.regions.filter((k) => (r.nodes.get(k)?.shown ?? 0) > 100).map(unitName);
      const root = (r.root.shown ?? 0) > 100;
      return root || units.length > 0
        ? paren(nameOf(r), [...(root ? [a.rootName] : []), ...units].join(sep), lang)
        : '';
    })
    .filter((x) => x !== '');
  if (over.length > 0) quality.push(t(lang, 'n.quality.over100', { list: over.join(sep) }));
  blocks.push({ kind: 'paragraph', text: quality.join(lang === 'zh' ? '' : ' ') });
  for (const e of audit.explanations) {
    blocks.push({
      kind: 'item',
      text: t(lang, 'n.quality.explanation', { unit: e.unit, rule: e.ruleId, text: e.text }),
    });
  }
  blocks.push(...targetQuality(a, input));

  // 5. Next steps
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.next') });
  if (notMet.length === 0) blocks.push({ kind: 'paragraph', text: t(lang, 'n.nextNone') });
  for (const r of notMet) {
    const weakest =
      r.unitsBelow.length > 0
        ? r.unitsBelow.map((u) => unitName(u.unit))
        : weakestUnits(r, a.units).map(unitName);
    blocks.push({
      kind: 'item',
      text:
        r.def.nextStep ??
        t(lang, 'n.next', {
          department: r.def.department,
          name: nameOf(r),
          target: wordingOf(r, lang),
          focus: weakest.length > 0 ? t(lang, 'n.nextFocus', { units: weakest.join(sep) }) : '',
        }),
    });
  }
  return blocks;
}

/** In a mid-term evaluation: how many indicators are on the line from base year to target year. */
function overviewProgress(a: Assessment, lang: Lang): string {
  if (a.stage !== 'midterm') return '';
  const judged = a.indicators.filter((r) => r.progress && r.progress.status !== 'notAssessable');
  const onTrack = judged.filter((r) => r.progress?.status === 'onTrack').length;
  return (
    (lang === 'zh' ? '' : ' ') +
    t(lang, 'n.overviewProgress', {
      assessed: judged.length,
      onTrack,
      behind: judged.length - onTrack,
    })
  );
}

/**
 * How many targets came from the office's table (`n`), how many of its rows were set aside
 * (`invalid`, as a clause) and how many indicators kept the profile's target (`rest`).
 */
export function targetOrigins(
  a: Assessment,
  lang: Lang,
): { n: number; invalid: string; rest: number } {
  const table = a.indicators.filter((r) => r.target.origin === 'table');
  const invalid = table.filter((r) => r.target.invalid).length;
  return {
    n: table.length - invalid,
    invalid: invalid > 0 ? t(lang, 'targets.invalidNote', { count: invalid }) : '',
    rest: a.indicators.length - table.length,
  };
}

/**
 * Whose targets the report used, with their sources (one item per source, so no row grows
 * without bound); the office table's problems, one item each; indicators monitored without a
 * target; targets nobody could check; notes on definitions.
 */
function targetQuality(a: Assessment, input: NarrativeInput): Block[] {
  const { lang } = input;
  const sep = t(lang, 'n.listSep');
  const join = (xs: string[]) => xs.join(lang === 'zh' ? '' : ' ');
  const nameOf = (r: IndicatorResult) => (lang === 'zh' ? r.def.name : r.def.nameEn);
  const blocks: Block[] = [];
  const fromTable = a.indicators.filter((r) => r.target.origin === 'table' && !r.target.invalid);
  if (a.targets) {
    blocks.push({
      kind: 'paragraph',
      text: t(lang, 'n.quality.targetsTable', {
        label: a.targets.label,
        ...targetOrigins(a, lang),
      }),
    });
    const bySource = new Map<string, string[]>();
    for (const r of fromTable) {
      const key = r.target.source || t(lang, 'n.quality.noSourceGiven');
      bySource.set(key, [...(bySource.get(key) ?? []), r.def.id]);
    }
    for (const [source, ids] of bySource)
      blocks.push({
        kind: 'item',
        text: t(lang, 'n.quality.source', { source, ids: ids.join(sep) }),
      });
    if (a.targets.problems.length > 0) {
      blocks.push({
        kind: 'paragraph',
        text: t(lang, 'n.quality.targetProblems', { count: a.targets.problems.length }),
      });
      for (const p of a.targets.problems)
        blocks.push({ kind: 'item', text: targetProblemText(lang, p) });
    }
  } else {
    // The documents the checked targets were checked against: the 《…》 titles of their sources.
    const docs = new Set<string>();
    for (const r of a.indicators)
      if (r.def.verified) for (const m of r.def.source.matchAll(/《[^》]+》/g)) docs.add(m[0]);
    const { checked } = profileTargetChecks(a.indicators);
    blocks.push({
      kind: 'paragraph',
      text:
        checked > 0 && docs.size > 0
          ? t(lang, 'n.quality.targetsProfile', { checked, docs: [...docs].join(sep) })
          : t(lang, 'n.quality.targetsProfileNone'),
    });
  }
  const out: string[] = [];
  const noTarget = a.indicators.filter((r) => r.status === 'noTarget').map(nameOf);
  if (noTarget.length > 0)
    out.push(t(lang, 'n.quality.noTargetList', { list: noTarget.join(sep) }));
  for (const r of a.indicators.filter((x) => x.plausible === false))
    out.push(
      t(lang, 'n.quality.plausibleOut', {
        name: nameOf(r),
        value: valueText(r, lang),
        range: rangeText(r, lang),
      }),
    );
  const unverified = a.indicators
    .filter((r) => r.target.origin === 'profile' && !r.def.verified && r.def.target.kind !== 'none')
    .map(nameOf);
  if (unverified.length > 0)
    out.push(
      t(lang, 'n.quality.unverified', { count: unverified.length, list: unverified.join(sep) }),
    );
  const noSource = fromTable.filter((r) => !r.def.verified).map(nameOf);
  if (noSource.length > 0)
    out.push(t(lang, 'n.quality.tableNoSource', { list: noSource.join(sep) }));
  const notes = new Set<string>();
  for (const r of a.indicators) {
    const note = lang === 'zh' ? r.def.note : (r.def.noteEn ?? r.def.note);
    if (note) notes.add(note);
  }
  const rest = join([...out, ...notes]);
  if (rest) blocks.push({ kind: 'paragraph', text: rest });
  return blocks;
}

/** The narrative as Markdown. */
export function toMarkdown(blocks: readonly Block[]): string {
  const lines: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        lines.push(`# ${b.text}`, '');
        break;
      case 'heading':
        lines.push(`## ${b.text}`, '');
        break;
      case 'subheading':
        lines.push(`### ${b.text}`, '');
        break;
      case 'paragraph':
        lines.push(b.text, '');
        break;
      case 'item':
        lines.push(`- ${b.text}`);
        break;
    }
  }
  // A blank line after each list.
  const out: string[] = [];
  lines.forEach((l, i) => {
    out.push(l);
    const next = lines[i + 1];
    if (l.startsWith('- ') && next !== undefined && !next.startsWith('- ') && next !== '')
      out.push('');
  });
  return out.join('\n').trimEnd() + '\n';
}
