import type { MonitorResult } from '../monitor';
import type { Lang } from '../messages/index';
import type { Target } from '../profile/schema';
import { roleText } from '../validate/structure';
import type { Status, StatusReason } from '../assess/targets';
import { describeTarget, targetWording } from '../assess/targets';
import type { Counts } from '../assess/assess';
import type { Progress, Stage } from '../assess/progress';
import { placesOf } from '../assess/node-values';
import { attainmentRate } from '../narrative/narrative';
import { targetProblemText } from '../targets/table';

/**
 * `tally report --json` (issues 4 and 9): the top level of the hierarchy, each unit's value,
 * and for each indicator the target it was judged against — whose it is and where it comes
 * from — with its status and, in a mid-term evaluation, its progress.
 */
type OmitEach<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type TargetJson = OmitEach<Target, 'wording' | 'targetYear' | 'baseYear' | 'baseline'> & {
  /** The target as printed by the programme or the office (generated from the kind if neither gave it). */
  wording: string;
  /** The short symbol form: `≤12/10万`. */
  text: string;
  targetYear: number;
  baseYear: number | null;
  baseline: number | null;
  /** The target holds for every township (以乡（镇、街道）为单位). */
  perUnit: boolean;
  /** `profile`: the 国家纲要 default of the profile; `table`: the office's targets table. */
  origin: 'profile' | 'table';
  source: string;
  verified: boolean;
  /** The row of the office's table, when the target comes from (or was meant to come from) it. */
  row: number | null;
};

export interface ReportJson {
  period: string;
  /** The previous period the changes are against, when given. */
  priorPeriod?: string;
  region: string;
  stage: Stage;
  /** Whose targets were used. */
  targets: {
    origin: 'profile' | 'table';
    label: string | null;
    /** Indicators judged against the table's rows. */
    applied: number;
    problems: { row: number | null; id: string | null; dropped: boolean; message: string }[];
  };
  indicators: {
    id: string;
    name: string;
    value: number | null;
    unit: string;
    numerator: number | null;
    denominator: number | null;
    target: TargetJson;
    status: Status;
    statusReason: StatusReason | null;
    /** Distance to the target when not met, in the indicator's unit. */
    gap: number | null;
    /** What a trend or relative target was compared with. */
    reference: { value: number; against: 'baseline' | 'prior' | 'goal' } | null;
    /** Mid-term progress (`--stage midterm`); null in an annual report. */
    progress: Progress | null;
    /** Townships whose own value misses a per-township target. */
    unitsBelowTarget: { unit: string; value: number }[];
    /** A township-by-township target: the townships with no value (statusReason unitsUnknown). */
    unitsUnknown?: string[];
    /** Inside the profile's normal range (出生人口性别比); null without one. */
    plausible: boolean | null;
    prior: number | null;
    change: number | null;
    /** Units pooled in only one of the two years: then no change and no trend judgement. */
    priorCoverage: {
      onlyNow: string[];
      onlyPrior: string[];
      /** Both years over the units pooled in both (可比口径), which `change` is. */
      comparable: { now: number | null; prior: number | null };
    } | null;
    smallNumber: boolean;
    /** Units pooled into the whole area's value. */
    pooledUnits: number;
    /** Units left out for a missing numerator or denominator. */
    leftOut: string[];
    /** Units set aside: their numerator or denominator failed an error check. */
    setAside: string[];
    /** Units were set aside, so the value is provisional. */
    provisional: boolean;
    units: Record<string, number | null>;
  }[];
  /** The status counts; `assessable` is met + notMet and `rate` (达标率) is met / assessable × 100. */
  counts: Counts & { assessable: number; rate: number | null };
  /** Rows of the forms that are not reporting units, and units no region lists: never pooled. */
  notPooled: {
    rows: { file: string; sheet: string; row: number; label: string; role: string; why: string }[];
    unlisted: { file: string; sheet: string; row: number; unit: string; suggestions: string[] }[];
  };
}

function notPooled(r: MonitorResult, lang: Lang): ReportJson['notPooled'] {
  const rows: ReportJson['notPooled']['rows'] = [];
  const seen = new Set<unknown>();
  for (const fs of r.dataset.forms) {
    if (seen.has(fs.table)) continue;
    seen.add(fs.table);
    for (const rec of fs.table.records) {
      if (rec.role === 'unit' && rec.repeatOf === undefined) continue;
      rows.push({
        file: fs.source,
        sheet: fs.sheet,
        row: rec.row + 1,
        label: rec.unit,
        role: rec.role === 'unit' ? 'repeat' : rec.role,
        why: roleText(rec, fs.table.records, lang),
      });
    }
  }
  const unlisted = r.dataset.unlisted.map((u) => ({
    file: u.source,
    sheet: u.sheet,
    row: u.row + 1,
    unit: u.unit,
    suggestions: u.suggestions,
  }));
  return { rows, unlisted };
}

export type IndicatorJson = ReportJson['indicators'][number];

/**
 * An object written member by member from its keys and a value per key (src/cli/json-out.ts),
 * never built: each indicator's value at 100,000 units would otherwise be a 10 MB object per
 * indicator. The keys are unique, and one list may serve many objects (every indicator's
 * units), so a writer can make each key's text once.
 */
export const JSON_ENTRIES = Symbol.for('tally.json.entries');
export interface KeyedValues<T> {
  keys: readonly string[];
  value(k: number): T;
}
export interface JsonEntries<T> {
  readonly [JSON_ENTRIES]: KeyedValues<T>;
}

export type IndicatorJsonStream = Omit<IndicatorJson, 'units'> & {
  units: IndicatorJson['units'] | JsonEntries<number | null>;
};

/** `ReportJson` with its indicators made one at a time, as a writer takes them. */
export type ReportJsonStream = Omit<ReportJson, 'indicators'> & {
  indicators: IterableIterator<IndicatorJsonStream>;
};

/** An object's members from a JsonEntries (the object JSON.stringify would be given). */
function fromEntries<T>(e: Record<string, T> | JsonEntries<T>): Record<string, T> {
  if (!(JSON_ENTRIES in e)) return e;
  const { keys, value } = e[JSON_ENTRIES];
  return Object.fromEntries(keys.map((key, k) => [key, value(k)]));
}

/** A key a JS object puts first, in numeric order (an array index), whatever the insertion order. */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;

function* lazyMap<T, U>(items: readonly T[], fn: (item: T) => U): IterableIterator<U> {
  for (const item of items) yield fn(item);
}

export function reportJson(r: MonitorResult, lang: Lang): ReportJson {
  const stream = reportJsonStream(r, lang);
  const indicators = [...stream.indicators].map((i) => ({ ...i, units: fromEntries(i.units) }));
  return { ...stream, indicators };
}

/**
 * The report's JSON with each indicator's member (its value at every unit: 100,000 entries in
 * a county of villages) made only when it is written (src/cli/json-out.ts), never all at once.
 */
export function reportJsonStream(r: MonitorResult, lang: Lang): ReportJsonStream {
  const a = r.assessment;
  const h = r.dataset.hierarchy;
  // Units are keyed by name; two units of the same name (村 in different townships) get their code.
  const count = new Map<string, number>();
  for (const u of a.units) count.set(h.name(u), (count.get(h.name(u)) ?? 0) + 1);
  const label = (u: string): string => {
    const name = h.name(u);
    return (count.get(name) ?? 0) > 1 ? `${name}（${h.node(u)?.code ?? u}）` : name;
  };
  // Once per unit, not once per unit and indicator: the lists of units left out or set aside
  // (every indicator's, up to every village) read them from here, one look-up each.
  const unitLabels = a.units.map(label);
  const labels = new Map<string, string>();
  a.units.forEach((u, k) => labels.set(u, unitLabels[k] as string));
  const labelOf = (u: string): string => labels.get(u) ?? label(u);
  // Each unit's place in the (shared) layout, looked up once rather than once per indicator.
  const placesIn = placesOf(a.units, a.indicators[0]?.nodes);
  // Written straight from the entries when they read as the object would: no label twice and
  // none that an object would move to the front (`12`).
  const asEntries =
    new Set(unitLabels).size === unitLabels.length && !unitLabels.some((l) => INDEX_KEY.test(l));
  const { assessable, rate } = attainmentRate(a.counts);
  return {
    period: r.period,
    ...(r.priorPeriod ? { priorPeriod: r.priorPeriod } : {}),
    region: a.rootName,
    stage: a.stage,
    targets: {
      origin: a.targets ? 'table' : 'profile',
      label: a.targets?.label ?? null,
      applied: a.indicators.filter((i) => i.target.origin === 'table' && !i.target.invalid).length,
      problems: (a.targets?.problems ?? []).map((p) => ({
        row: p.row ?? null,
        id: p.id ?? null,
        dropped: p.dropped,
        message: targetProblemText(lang, p),
      })),
    },
    indicators: lazyMap(a.indicators, (ind): IndicatorJsonStream => {
      const pooled = ind.root.pool.pooled > 0;
      const at = placesIn(ind.nodes);
      const value = (k: number) => ind.nodes.shownAt(at[k] as number) ?? null;
      const units = asEntries
        ? { [JSON_ENTRIES]: { keys: unitLabels, value } }
        : Object.fromEntries(unitLabels.map((label, k) => [label, value(k)]));
      const tg = ind.def.target;
      const target: TargetJson = {
        ...tg,
        wording: targetWording(tg, ind.def.unit, lang),
        text: describeTarget(tg, ind.def.unit, lang),
        targetYear: tg.targetYear ?? a.targetYear,
        baseYear: tg.baseYear ?? null,
        baseline: tg.baseline ?? null,
        perUnit: ind.target.perUnit,
        origin: ind.target.origin,
        source: ind.target.source,
        verified: ind.target.verified,
        row: ind.target.row ?? null,
      };
      return {
        id: ind.def.id,
        name: lang === 'zh' ? ind.def.name : ind.def.nameEn,
        value: ind.root.shown,
        unit: ind.def.unit,
        numerator: pooled ? ind.root.pool.numerator : null,
        denominator: pooled ? ind.root.pool.denominator : null,
        target,
        status: ind.status,
        statusReason: ind.statusReason ?? null,
        gap: ind.gap ?? null,
        reference: ind.reference ?? null,
        progress: ind.progress ?? null,
        unitsBelowTarget: ind.unitsBelow.map((u) => ({ unit: labelOf(u.unit), value: u.value })),
        ...(ind.unitsUnknown ? { unitsUnknown: ind.unitsUnknown.map(labelOf) } : {}),
        plausible: ind.plausible,
        prior: ind.prior,
        change: ind.change,
        priorCoverage: ind.priorCoverage ?? null,
        smallNumber: ind.smallNumber,
        pooledUnits: ind.root.pool.pooled,
        leftOut: ind.root.pool.leftOut.map(labelOf),
        setAside: ind.root.pool.setAside.map(labelOf),
        provisional: ind.provisional,
        units,
      };
    }),
    counts: { ...a.counts, assessable, rate: rate === '—' ? null : Number(rate) },
    notPooled: notPooled(r, lang),
  };
}
