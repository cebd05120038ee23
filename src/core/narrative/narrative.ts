import type { Assessment, IndicatorResult } from '../assess/assess';
import { describeTarget, fmt, formatValue, judge, pointUnit } from '../assess/targets';
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

/** The share met among assessable indicators, as a percentage with one decimal. */
export function attainmentRate(counts: Assessment['counts']): { assessable: number; rate: string } {
  const assessable = counts.monitored - counts.noData;
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
  const trend = target.kind === 'rising' || target.kind === 'falling' || target.kind === 'relative';
  const scored: { key: string; badness: number }[] = [];
  for (const key of units) {
    const v = r.nodes.get(key)?.shown;
    if (v === null || v === undefined) continue;
    if (
      !trend &&
      judge(target, { value: v, prior: null, direction: r.def.direction }).status === 'met'
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
  return r.def.target.kind === 'rising' || r.def.target.kind === 'falling';
}

function indicatorSentence(r: IndicatorResult, input: NarrativeInput): string {
  const { lang, period, assessment } = input;
  const name = lang === 'zh' ? r.def.name : r.def.nameEn;
  const target = describeTarget(r.def.target, r.def.unit, lang);
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
  if (r.status === 'met') return s + t(lang, 'n.met', { target });
  if (r.status === 'notMet' && isTrend(r)) return s + t(lang, 'n.notMetTrend', { target });
  if (r.status === 'notMet')
    return s + t(lang, 'n.notMet', { target, gap: fmt(r.gap ?? 0, r.def.decimals), points });
  if (r.statusReason === 'noBaseline' && r.def.target.kind === 'relative') {
    return s + t(lang, 'n.noData.noBaseline', { target, baseYear: r.def.target.baseYear });
  }
  return s + t(lang, 'n.noData.noPrior', { target });
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
  const { assessable, rate } = attainmentRate(a.counts);
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.overview') });
  const women = a.indicators.filter((r) => r.def.outline === 'women');
  const children = a.indicators.filter((r) => r.def.outline === 'children');
  blocks.push({
    kind: 'paragraph',
    text:
      t(lang, 'n.overview', { period, region: a.rootName, ...a.counts, assessable, rate }) +
      (lang === 'zh' ? '' : ' ') +
      t(lang, 'n.overviewOutline', {
        women: women.length,
        womenMet: women.filter((r) => r.status === 'met').length,
        children: children.length,
        childrenMet: children.filter((r) => r.status === 'met').length,
      }),
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
    blocks.push({
      kind: 'item',
      text: t(lang, isTrend(r) ? 'n.notMetItemTrend' : 'n.notMetItem', {
        name: nameOf(r),
        value: valueText(r, lang),
        target: describeTarget(r.def.target, r.def.unit, lang),
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
  const unverified = a.indicators.filter((r) => !r.def.verified).map(nameOf);
  if (unverified.length > 0)
    quality.push(t(lang, 'n.quality.unverified', { list: unverified.join(sep) }));
  blocks.push({ kind: 'paragraph', text: quality.join(lang === 'zh' ? '' : ' ') });
  for (const e of audit.explanations) {
    blocks.push({
      kind: 'item',
      text: t(lang, 'n.quality.explanation', { unit: e.unit, rule: e.ruleId, text: e.text }),
    });
  }

  // 5. Next steps
  blocks.push({ kind: 'heading', text: t(lang, 'n.h.next') });
  if (notMet.length === 0) blocks.push({ kind: 'paragraph', text: t(lang, 'n.nextNone') });
  for (const r of notMet) {
    const weakest = weakestUnits(r, a.units).map(unitName);
    blocks.push({
      kind: 'item',
      text:
        r.def.nextStep ??
        t(lang, 'n.next', {
          department: r.def.department,
          name: nameOf(r),
          target: describeTarget(r.def.target, r.def.unit, lang),
          focus: weakest.length > 0 ? t(lang, 'n.nextFocus', { units: weakest.join(sep) }) : '',
        }),
    });
  }
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
