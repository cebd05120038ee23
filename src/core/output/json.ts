import type { MonitorResult } from '../monitor';
import type { Lang } from '../messages/index';
import type { Target } from '../profile/schema';
import type { Status } from '../assess/targets';
import { roleText } from '../validate/structure';

/** `tally report --json` (issue 4): the top level of the hierarchy, each unit's value. */
export interface ReportJson {
  period: string;
  /** The previous period the changes are against, when given. */
  priorPeriod?: string;
  region: string;
  indicators: {
    id: string;
    name: string;
    value: number | null;
    unit: string;
    numerator: number | null;
    denominator: number | null;
    target: Target;
    status: Status;
    prior: number | null;
    change: number | null;
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
  counts: { monitored: number; met: number; notMet: number; noData: number };
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

export function reportJson(r: MonitorResult, lang: Lang): ReportJson {
  const a = r.assessment;
  const h = r.dataset.hierarchy;
  // Units are keyed by name; two units of the same name (村 in different townships) get their code.
  const count = new Map<string, number>();
  for (const u of a.units) count.set(h.name(u), (count.get(h.name(u)) ?? 0) + 1);
  const label = (u: string): string => {
    const name = h.name(u);
    return (count.get(name) ?? 0) > 1 ? `${name}（${h.node(u)?.code ?? u}）` : name;
  };
  return {
    period: r.period,
    ...(r.priorPeriod ? { priorPeriod: r.priorPeriod } : {}),
    region: a.rootName,
    indicators: a.indicators.map((ind) => {
      const pooled = ind.root.pool.pooled > 0;
      const units: Record<string, number | null> = {};
      for (const u of a.units) units[label(u)] = ind.nodes.get(u)?.shown ?? null;
      return {
        id: ind.def.id,
        name: lang === 'zh' ? ind.def.name : ind.def.nameEn,
        value: ind.root.shown,
        unit: ind.def.unit,
        numerator: pooled ? ind.root.pool.numerator : null,
        denominator: pooled ? ind.root.pool.denominator : null,
        target: ind.def.target,
        status: ind.status,
        prior: ind.prior,
        change: ind.change,
        smallNumber: ind.smallNumber,
        pooledUnits: ind.root.pool.pooled,
        leftOut: ind.root.pool.leftOut.map(label),
        setAside: ind.root.pool.setAside.map(label),
        provisional: ind.provisional,
        units,
      };
    }),
    counts: a.counts,
    notPooled: notPooled(r, lang),
  };
}
