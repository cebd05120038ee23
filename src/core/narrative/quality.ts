import type { Assessment, IndicatorResult } from '../assess/assess';
import { formatValue } from '../assess/targets';
import { placesOf } from '../assess/node-values';
import { t, type Lang, type MessageKey } from '../messages/index';
import { normalizeHeader } from '../read/normalize';
import { profileTargetChecks } from '../targets/apply';
import { targetProblemText } from '../targets/table';
import type { Block, NarrativeInput } from './narrative';
import { paren, targetOrigins } from './narrative';
import { rangeText, targetPhrase, valueText } from './sentences';
import { unitValues } from './units';
import { LIST_CAP, headingNumber, lowerFirst, unitList, unitNoun } from './words';

/**
 * 数据质量说明: what the statistician must check or explain, kept out of the text that goes to
 * leadership — open errors, warnings and their explanations, units missing or set aside,
 * provisional values, small numbers, shares above 100%, values outside their normal range,
 * whose targets the report used with their sources, targets nobody could verify, targets that
 * could not be judged and what to enter so they can be. Its own sheet and its own part of the
 * Word document.
 */
export function qualityNotes(input: NarrativeInput): Block[] {
  const { assessment: a, lang, period } = input;
  const all: { heading: MessageKey; blocks: Block[] }[] = [
    { heading: 'q.h.audit', blocks: auditBlocks(input) },
    { heading: 'q.h.provisional', blocks: provisionalBlocks(input) },
    { heading: 'q.h.values', blocks: valueBlocks(input) },
    { heading: 'q.h.targets', blocks: targetBlocks(a, input) },
    { heading: 'q.h.notes', blocks: noteBlocks(a, lang) },
  ];
  const sections = all.filter((s) => s.blocks.length > 0);
  return [
    { kind: 'title', text: t(lang, 'q.title', { region: a.rootName, period }) },
    { kind: 'paragraph', text: t(lang, 'q.purpose') },
    ...sections.flatMap((s, i) => [
      {
        kind: 'heading' as const,
        text: t(lang, 'n.h.numbered', { n: headingNumber(i, lang), text: t(lang, s.heading) }),
      },
      ...s.blocks,
    ]),
  ];
}

const joined = (lang: Lang, xs: readonly string[]) => xs.join(lang === 'zh' ? '' : ' ');
const nameOf = (r: IndicatorResult, lang: Lang) => (lang === 'zh' ? r.def.name : r.def.nameEn);
/** A name inside an English list is in lower case (a line's head keeps its capital). */
const inList = (r: IndicatorResult, lang: Lang) =>
  lang === 'zh' ? r.def.name : lowerFirst(r.def.nameEn);
const sep = (lang: Lang) => t(lang, 'n.listSep');

function auditBlocks(input: NarrativeInput): Block[] {
  const { assessment: a, audit, lang, unitName } = input;
  const out: string[] = [];
  if (audit.openErrors > 0) out.push(t(lang, 'q.openErrors', { open: audit.openErrors }));
  out.push(t(lang, 'n.quality.scope', { forms: audit.forms, units: audit.units }));
  out.push(
    audit.errors === 0
      ? t(lang, 'n.quality.errorsNone')
      : t(lang, 'n.quality.errors', { errors: audit.errors, open: audit.openErrors }),
  );
  if (audit.warnings > 0)
    out.push(
      t(lang, 'n.quality.warnings', { warnings: audit.warnings, explained: audit.explained }),
    );
  // Missing units by form: 四村（民政）; 村1、村2…等500个村（社区）（民政）.
  const byForm = new Map<string, string[]>();
  for (const m of audit.missing) {
    const list = byForm.get(m.form);
    if (list) list.push(m.unit);
    else byForm.set(m.form, [m.unit]);
  }
  const missing = [...byForm].map(([form, units]) => paren(unitList(units, lang), form, lang));
  // Indicators that leave out the same units are said together; one that left out every unit
  // has no value, which the report says (暂无数据).
  const leftOut = byUnits(
    a.indicators.filter((r) => r.root.pool.leftOut.length > 0 && r.root.shown !== null),
    (r) => r.root.pool.leftOut,
  ).map((g) =>
    paren(
      g.indicators.map((r) => inList(r, lang)).join(sep(lang)),
      unitList(g.units.map(unitName), lang),
      lang,
    ),
  );
  // Every unit sent its forms, yet some left a figure out: one sentence, never "all reported"
  // beside a list of what was not.
  const gaps = leftOut.join(groupSep(lang));
  if (missing.length > 0) {
    out.push(t(lang, 'n.quality.missing', { list: missing.join(groupSep(lang)) }));
    if (leftOut.length > 0) out.push(t(lang, 'n.quality.leftOut', { list: gaps }));
  } else if (leftOut.length > 0) out.push(t(lang, 'n.quality.missingNoneLeftOut', { list: gaps }));
  else out.push(t(lang, 'n.quality.missingNone'));
  if (audit.unlisted.length > 0)
    out.push(
      t(lang, 'n.quality.rowsSetAside', {
        count: audit.unlisted.length,
        list: unitList(audit.unlisted, lang),
      }),
    );
  const shown = audit.explanations.slice(0, EXPLANATIONS_CAP);
  const more = audit.explanations.length - shown.length;
  return [
    { kind: 'paragraph', text: joined(lang, out) },
    ...shown.map((e) => ({
      kind: 'item' as const,
      text: t(lang, 'n.quality.explanation', { unit: e.unit, rule: e.ruleId, text: e.text }),
    })),
    ...(more > 0 ? [{ kind: 'item' as const, text: t(lang, 'q.moreExplanations', { more }) }] : []),
  ];
}

/** Explanations quoted here; the rest are counted (they are all in 审核说明). */
const EXPLANATIONS_CAP = 20;

const groupSep = (lang: Lang) => (lang === 'zh' ? '；' : '; ');

/** Indicators grouped by the list of units they share (in the order they come), as keys. */
function byUnits(
  rs: readonly IndicatorResult[],
  units: (r: IndicatorResult) => readonly string[],
): { indicators: IndicatorResult[]; units: readonly string[] }[] {
  // Lists compared member by member, not joined: a list set aside can be 100,000 villages.
  const groups: { indicators: IndicatorResult[]; units: readonly string[] }[] = [];
  for (const r of rs) {
    const list = units(r);
    const g = groups.find((x) => sameList(x.units, list));
    if (g) g.indicators.push(r);
    else groups.push({ indicators: [r], units: list });
  }
  return groups;
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Provisional values, grouped by the units set aside from them; then the small numbers. */
function provisionalBlocks(input: NarrativeInput): Block[] {
  const { assessment: a, lang, unitName } = input;
  const out: string[] = [];
  const groups = byUnits(
    a.indicators.filter((x) => x.provisional),
    (r) => r.root.pool.setAside,
  );
  if (groups.length > 0) {
    const list = groups.map((g) =>
      paren(
        g.indicators.map((r) => inList(r, lang)).join(sep(lang)),
        t(lang, 'report.setAside', { units: unitList(g.units.map(unitName), lang) }),
        lang,
      ),
    );
    out.push(t(lang, 'n.quality.setAside', { list: list.join(groupSep(lang)) }));
  }
  const small = a.indicators
    .filter((r) => r.smallNumber)
    .map((r) => paren(inList(r, lang), String(r.root.pool.numerator), lang));
  if (small.length > 0) out.push(t(lang, 'n.quality.small', { list: small.join(sep(lang)) }));
  return out.length > 0 ? [{ kind: 'paragraph', text: joined(lang, out) }] : [];
}

/**
 * Shares above 100% (gross ratios may be): unexplained, a value to check; explained by the
 * unit in a 说明 of a warning on the same items, quoted. Values outside their normal range.
 */
function valueBlocks(input: NarrativeInput): Block[] {
  const { assessment: a, lang, unitName } = input;
  const items: string[] = [];
  const explain = explainer(input);
  const keys = [a.rootKey, ...a.regions];
  const placesIn = placesOf(keys, a.indicators[0]?.nodes);
  for (const r of a.indicators.filter((x) => x.def.unit === '%' && !x.def.mayExceed100)) {
    const at = placesIn(r.nodes);
    const over: { key: string; shown: number }[] = [];
    keys.forEach((key, k) => {
      const shown = r.nodes.shownAt(at[k] as number) ?? 0;
      if (shown > 100) over.push({ key, shown });
    });
    const open: { key: string; value: number }[] = [];
    for (const { key, shown } of over) {
      const name = key === a.rootKey ? a.rootName : unitName(key);
      const e = explain(r, name);
      if (!e) {
        open.push({ key, value: shown });
        continue;
      }
      items.push(
        t(lang, 'q.over100Explained', {
          name: nameOf(r, lang),
          unit: name,
          value: formatValue(shown, r.def.decimals, r.def.unit, lang),
          text: e.text,
          rule: e.ruleId,
        }),
      );
    }
    if (open.length > 0) {
      // The highest first, at most LIST_CAP of them, the others counted.
      const worst = [...open].sort((x, y) => y.value - x.value).slice(0, LIST_CAP);
      const name = (k: string) => (k === a.rootKey ? a.rootName : unitName(k));
      const units = unitValues(r, worst, name, lang);
      items.unshift(
        t(lang, 'n.quality.over100', {
          name: nameOf(r, lang),
          units:
            open.length > worst.length
              ? t(lang, 'n.listMore', {
                  list: units,
                  count: open.length,
                  more: open.length - worst.length,
                  noun: unitNoun(
                    open.map((u) => name(u.key)),
                    lang,
                    lang === 'zh' ? open.length : open.length - worst.length,
                  ),
                })
              : units,
        }),
      );
    }
  }
  for (const r of a.indicators.filter((x) => x.plausible === false))
    items.push(
      t(lang, 'n.quality.plausibleOut', {
        name: nameOf(r, lang),
        value: valueText(r, lang),
        range: rangeText(r, lang),
      }),
    );
  return items.map((text) => ({ kind: 'item' as const, text }));
}

/** A unit's 说明 of a warning that reads the indicator's numerator or denominator. */
/**
 * The written explanation (说明) of a unit's value of an indicator, if any: one whose unit is
 * the unit and whose cells are of the indicator's numerator or denominator. The explanations
 * are grouped by unit and each indicator's item names normalised once, not once per unit.
 */
function explainer(input: NarrativeInput) {
  const byUnit = new Map<string, NarrativeInput['audit']['explanations']>();
  for (const e of input.audit.explanations) {
    const list = byUnit.get(e.unit);
    if (list) list.push(e);
    else byUnit.set(e.unit, [e]);
  }
  const namesOf = new Map<string, Set<string>>();
  const itemNames = (r: IndicatorResult): Set<string> => {
    let names = namesOf.get(r.def.id);
    if (!names) {
      names = new Set(
        input.profile.forms
          .flatMap((f) => f.items)
          .filter((i) => i.id === r.def.numerator || i.id === r.def.denominator)
          .flatMap((i) => [i.name, ...i.synonyms])
          .map(normalizeHeader),
      );
      namesOf.set(r.def.id, names);
    }
    return names;
  };
  return (r: IndicatorResult, unit: string) => {
    const list = byUnit.get(unit);
    if (!list) return undefined;
    const names = itemNames(r);
    return list.find((e) =>
      (e.items ?? []).some((label) => names.has(normalizeHeader(label.replace(/^.*!/, '')))),
    );
  };
}

/**
 * Whose targets the report used, with their sources (one item per source); the office
 * table's problems, one item each; targets that cannot be judged and what to enter; targets
 * monitored without one; targets nobody could check.
 */
function targetBlocks(a: Assessment, input: NarrativeInput): Block[] {
  const { lang } = input;
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
        text: t(lang, 'n.quality.source', { source, ids: ids.join(sep(lang)) }),
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
          ? t(lang, 'n.quality.targetsProfile', { checked, docs: [...docs].join(sep(lang)) })
          : t(lang, 'n.quality.targetsProfileNone'),
    });
  }
  for (const text of unjudged(a, lang, input.unitName)) blocks.push({ kind: 'item', text });
  for (const text of notCompared(a, lang)) blocks.push({ kind: 'item', text });
  const out: string[] = [];
  const noTarget = a.indicators.filter((r) => r.status === 'noTarget').map((r) => inList(r, lang));
  if (noTarget.length > 0)
    out.push(t(lang, 'n.quality.noTargetList', { list: noTarget.join(sep(lang)) }));
  const unverified = a.indicators
    .filter((r) => r.target.origin === 'profile' && !r.def.verified && r.def.target.kind !== 'none')
    .map((r) => inList(r, lang));
  if (unverified.length > 0)
    out.push(
      t(lang, 'n.quality.unverified', {
        count: unverified.length,
        list: unverified.join(sep(lang)),
      }),
    );
  const noSource = fromTable.filter((r) => !r.def.verified).map((r) => inList(r, lang));
  if (noSource.length > 0)
    out.push(t(lang, 'n.quality.tableNoSource', { list: noSource.join(sep(lang)) }));
  if (out.length > 0) blocks.push({ kind: 'paragraph', text: joined(lang, out) });
  return blocks;
}

/** The indicators that could not be judged for want of something the office can enter. */
function unjudged(a: Assessment, lang: Lang, unitName: (key: string) => string): string[] {
  const out: string[] = [];
  for (const r of a.indicators.filter((x) => x.status === 'notAssessable')) {
    const params = { name: nameOf(r, lang), target: targetPhrase(r, lang) };
    if (r.statusReason === 'noBand')
      out.push(t(lang, r.def.verified ? 'q.noBand' : 'q.noBandUnverified', params));
    else if (r.statusReason === 'noBaseline') out.push(t(lang, 'q.noBaseline', params));
    else if (r.statusReason === 'targetInvalid')
      out.push(t(lang, 'q.targetInvalid', { ...params, row: r.target.row ?? '' }));
    else if (r.statusReason === 'unitsUnknown')
      out.push(
        t(lang, 'q.unitsUnknown', {
          ...params,
          units: unitList((r.unitsUnknown ?? []).map(unitName), lang),
          count: r.unitsUnknown?.length ?? 0,
        }),
      );
  }
  return out;
}

/**
 * Indicators whose value last year pooled other units than this year's: no change is stated
 * and no trend target judged, and the units that differ are named.
 */
function notCompared(a: Assessment, lang: Lang): string[] {
  const none = noneWord(lang);
  return a.indicators.flatMap((r) => {
    const c = r.priorCoverage;
    if (!c) return [];
    return [
      t(lang, 'q.priorCoverage', {
        name: nameOf(r, lang),
        onlyNow: c.onlyNow.length > 0 ? unitList(c.onlyNow, lang) : none,
        onlyPrior: c.onlyPrior.length > 0 ? unitList(c.onlyPrior, lang) : none,
        now: shownOrNone(c.comparable.now, r, lang),
        prior: shownOrNone(c.comparable.prior, r, lang),
      }),
    ];
  });
}

const noneWord = (lang: Lang) => (lang === 'zh' ? '无' : 'none');
const shownOrNone = (v: number | null, r: IndicatorResult, lang: Lang) =>
  v === null ? noneWord(lang) : formatValue(v, r.def.decimals, r.def.unit, lang);

/** What a reader of the figures must know about their definitions, once each. */
function noteBlocks(a: Assessment, lang: Lang): Block[] {
  const notes = new Set<string>();
  for (const r of a.indicators) {
    const note = lang === 'zh' ? r.def.note : (r.def.noteEn ?? r.def.note);
    if (note) notes.add(note);
  }
  return notes.size > 0 ? [{ kind: 'paragraph', text: joined(lang, [...notes]) }] : [];
}
