import type { Assessment, IndicatorResult } from '../assess/assess';
import { targetWording } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import type { Profile } from '../profile/profile';
import type { Departments } from './departments';
import { domainSections, type DomainSection } from './domains';
import { domainText, smallNote } from './sentences';
import { areaShort, headingNumber, listOf, lowerFirst, nounOf } from './words';

export { valueText } from './sentences';
export { weakestUnits } from './units';
export { qualityNotes } from './quality';

/**
 * The narrative report (监测报告) as a 妇儿工委办 sends it up: a preamble naming the
 * departments that reported, the overview, each programme's domains in the programme's order
 * (each indicator said once, in its domain, an unmet one with its weakest units), the small
 * numbers as footnotes, and next steps by department. The statistician's to-dos go to
 * 数据质量说明 (quality.ts), never into this text. Deterministic, and every figure is taken
 * from the Assessment the summary sheet shows.
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
  /** Explained warnings: the unit, the rule, the 说明, and the items of its cells (labels). */
  explanations: { unit: string; ruleId: string; text: string; items?: string[] }[];
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
  | { kind: 'item'; text: string }
  /** 注：… under a paragraph (small numbers). */
  | { kind: 'note'; text: string };

export interface NarrativeInput {
  assessment: Assessment;
  profile: Profile;
  period: string;
  audit: AuditDigest;
  lang: Lang;
  /** Name of a node of the hierarchy. */
  unitName: (key: string) => string;
  /** The previous period (`2024`), when known: "比上年", or "比2023年" when it is not the year before. */
  priorPeriod?: string;
  /** Departments as the forms' 填报单位 lines name them; the profile's wording without. */
  departments?: Departments;
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

/** The target as the programme words it (the summary sheet's column; never a maths symbol). */
export function wordingOf(r: IndicatorResult, lang: Lang): string {
  return targetWording(r.def.target, r.def.unit, lang);
}

/** `text（note）` in Chinese, `text (note)` in English. */
export function paren(text: string, note: string, lang: Lang): string {
  return lang === 'zh' ? `${text}（${note}）` : `${text} (${note})`;
}

const space = (lang: Lang) => (lang === 'zh' ? '' : ' ');

export function narrative(input: NarrativeInput): Block[] {
  const { assessment: a, profile, lang, period, audit } = input;
  const blocks: Block[] = [
    { kind: 'title', text: t(lang, 'report.narrativeTitle', { region: a.rootName, period }) },
  ];
  const names = a.units.map(input.unitName);
  const nounFor = nounOf(names);
  const noun = (count: number) => nounFor(lang, count);
  const departments = input.departments?.fillers(lang) ?? [];
  if (departments.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: t(lang, 'n.preamble', {
        departments:
          lang === 'zh'
            ? departments.join('、')
            : listOf(
                departments.map((d) => `the ${d}`),
                lang,
              ),
        area: areaShort(a.rootName, lang),
        units: a.units.length,
        noun: noun(a.units.length),
      }),
    });
  if (audit.openErrors > 0)
    blocks.push({ kind: 'note', text: t(lang, 'n.openErrorsLead', { open: audit.openErrors }) });

  const sections = domainSections(profile, lang);
  let heading = 0;
  const head = (text: string) =>
    blocks.push({
      kind: 'heading',
      text: t(lang, 'n.h.numbered', { n: headingNumber(heading++, lang), text }),
    });

  head(t(lang, 'n.head.overview'));
  blocks.push({ kind: 'paragraph', text: overview(input, sections) });

  for (const outline of ['women', 'children'] as const) {
    const own = sections.filter((d) => d.outline === outline);
    const withIndicators = own.filter((d) => indicatorsOf(a, d).length > 0);
    if (withIndicators.length === 0) continue;
    head(t(lang, outline === 'women' ? 'n.head.women' : 'n.head.children'));
    withIndicators.forEach((d, i) => {
      const rs = indicatorsOf(a, d);
      blocks.push({
        kind: 'subheading',
        text: t(lang, 'n.domainHead', { n: headingNumber(i, lang), domain: d.title }),
      });
      blocks.push({
        kind: 'paragraph',
        text: domainText(rs, {
          input,
          // The area's own name opens each programme's part; 全市 after that.
          area: i === 0 ? a.rootName : areaShort(a.rootName, lang),
          noun,
        }),
      });
      const note = smallNote(rs, input);
      if (note) blocks.push({ kind: 'note', text: note });
    });
  }

  head(t(lang, 'n.head.next'));
  blocks.push(...nextSteps(input, sections, noun));
  return blocks;
}

function indicatorsOf(a: Assessment, d: DomainSection): IndicatorResult[] {
  return a.indicators.filter((r) => r.def.outline === d.outline && r.def.domain === d.domain);
}

/**
 * The overview: how many indicators, of each programme; of those with a target how many met
 * it (of each programme), did not, could not be judged or had no data (a count of 0 of the
 * last two is not said); the 达标率 with the count it is over; where the unmet lie.
 */
function overview(input: NarrativeInput, sections: readonly DomainSection[]): string {
  const { assessment: a, lang, period } = input;
  const { assessable, rate } = attainmentRate(a.counts);
  const c = a.counts;
  const targeted = c.monitored - c.noTarget;
  const of = (outline: 'women' | 'children', met = false) =>
    a.indicators.filter((r) => r.def.outline === outline && (!met || r.status === 'met')).length;
  const parts = [
    t(lang, 'n.ov.total', {
      period,
      region: a.rootName,
      monitored: c.monitored,
      women: of('women'),
      children: of('children'),
    }),
  ];
  if (targeted > 0) {
    const counts = [
      t(lang, 'n.ov.met', {
        met: c.met,
        womenMet: of('women', true),
        childrenMet: of('children', true),
      }),
      t(lang, 'n.ov.notMet', { notMet: c.notMet }),
      ...(c.notAssessable > 0
        ? [t(lang, 'n.ov.notAssessable', { notAssessable: c.notAssessable })]
        : []),
      ...(c.noData > 0 ? [t(lang, 'n.ov.noData', { noData: c.noData })] : []),
    ];
    parts.push(
      t(lang, 'n.ov.targeted', {
        targeted,
        counts: lang === 'zh' ? counts.join('，') : listOf(counts, lang),
      }) +
        (c.noTarget > 0 ? t(lang, 'n.ov.noTarget', { noTarget: c.noTarget }) : '') +
        (lang === 'zh' ? '。' : '.'),
    );
  } else parts.push(t(lang, 'n.ov.noTargets'));
  parts.push(
    assessable > 0 ? t(lang, 'n.ov.rate', { assessable, rate }) : t(lang, 'n.ov.rateNone'),
  );
  // Where the indicators not met lie, by domain, in the programme's order: named in their domains.
  const unmet = sections
    .map((d) => ({ d, count: indicatorsOf(a, d).filter((r) => r.status === 'notMet').length }))
    .filter((x) => x.count > 0);
  if (unmet.length > 0)
    parts.push(
      t(lang, 'n.overviewNotMet', {
        count: c.notMet,
        list: listOf(
          unmet.map(({ d, count }) =>
            t(lang, 'n.domainCount', {
              domain: lang === 'zh' ? d.title : lowerFirst(d.title),
              count,
            }),
          ),
          lang,
        ),
      }),
    );
  const progress = overviewProgress(a, lang);
  if (progress) parts.push(progress);
  return parts.join(space(lang));
}

/** In a mid-term evaluation: how many indicators are on the line from base year to target year. */
function overviewProgress(a: Assessment, lang: Lang): string {
  if (a.stage !== 'midterm') return '';
  const judged = a.indicators.filter((r) => r.progress && r.progress.status !== 'notAssessable');
  const onTrack = judged.filter((r) => r.progress?.status === 'onTrack').length;
  return t(lang, 'n.overviewProgress', {
    assessed: judged.length,
    onTrack,
    behind: judged.length - onTrack,
  });
}

/**
 * 下一步工作: one paragraph naming each responsible department with the domains where its
 * indicators fall short and how many (the indicators themselves are said in their domains,
 * once); a profile's own `nextStep` for an indicator stands as it is written, an item of its own.
 */
function nextSteps(
  input: NarrativeInput,
  sections: readonly DomainSection[],
  noun: (count: number) => string,
): Block[] {
  const { assessment: a, lang } = input;
  const notMet = a.indicators.filter((r) => r.status === 'notMet');
  if (notMet.length === 0) return [{ kind: 'paragraph', text: t(lang, 'n.nextNone') }];
  const blocks: Block[] = [];
  const byDepartment = new Map<string, IndicatorResult[]>();
  for (const r of notMet) {
    if (r.def.nextStep) {
      blocks.push({ kind: 'item', text: r.def.nextStep });
      continue;
    }
    const department = input.departments?.name(r.def.department, lang) ?? r.def.department;
    byDepartment.set(department, [...(byDepartment.get(department) ?? []), r]);
  }
  const parts = [...byDepartment].map(([department, rs]) => {
    const domains = sections
      .filter((d) => rs.some((r) => r.def.outline === d.outline && r.def.domain === d.domain))
      .map((d) => (lang === 'zh' ? d.title : lowerFirst(d.title)));
    return t(lang, 'n.nextDeptPart', {
      department,
      domains: listOf(domains, lang),
      count: rs.length,
    });
  });
  if (parts.length > 0)
    blocks.push({
      kind: 'paragraph',
      text: t(lang, 'n.nextAll', {
        count: notMet.length,
        departments: lang === 'zh' ? parts.join('、') : listOf(parts, lang),
        many: parts.length,
        noun: noun(2),
      }),
    });
  return blocks;
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
 * The narrative as Markdown; with `quality`, the 数据质量说明 after a rule, as a part of its
 * own.
 */
export function toMarkdown(blocks: readonly Block[], quality: readonly Block[] = []): string {
  if (quality.length > 0) return `${toMarkdown(blocks)}\n---\n\n${toMarkdown(quality)}`;
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
      case 'note':
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
