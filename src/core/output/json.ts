import type { MonitorResult } from '../monitor';
import type { Lang } from '../messages/index';
import type { Target } from '../profile/schema';
import type { Status } from '../assess/targets';

/** `tally report --json` (issue 4): the top level of the hierarchy, each unit's value. */
export interface ReportJson {
  period: string;
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
    units: Record<string, number | null>;
  }[];
  counts: { monitored: number; met: number; notMet: number; noData: number };
}

export function reportJson(r: MonitorResult, lang: Lang): ReportJson {
  const a = r.assessment;
  const h = r.dataset.hierarchy;
  // Units are keyed by name; two units of the same name (村 in different townships) get their code.
  const names = a.units.map((u) => h.name(u));
  const label = (u: string): string => {
    const name = h.name(u);
    return names.indexOf(name) !== names.lastIndexOf(name)
      ? `${name}（${h.node(u)?.code ?? u}）`
      : name;
  };
  return {
    period: r.period,
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
        units,
      };
    }),
    counts: a.counts,
  };
}
