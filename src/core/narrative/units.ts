import type { IndicatorResult } from '../assess/assess';
import { placesOf, type NodeValues } from '../assess/node-values';
import { formatValue, isTrendTarget, judge } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import { LIST_CAP, listOf } from './words';

/**
 * The reporting units a sentence names for an indicator not met: the ones furthest from the
 * target, at most `n` — and every unit tied with the last of them, so four townships at 0%
 * are all named, never three of them — with how many miss it in all (…等9个乡镇).
 */
export interface UnitShortfall {
  named: { key: string; value: number }[];
  /** Units that miss the target themselves (for a trend target: units with a value). */
  total: number;
}

/**
 * The first `n` of a worst-first list, and every later one whose shown value equals the last's
 * — up to LIST_CAP in all: a thousand villages tied at 0% are ten names and 等1000个村（社区）.
 */
function withTies<T extends { value: number }>(sorted: readonly T[], n: number): T[] {
  const cut = sorted.slice(0, n);
  const last = cut[cut.length - 1];
  if (!last) return cut;
  for (let i = n; i < sorted.length && cut.length < LIST_CAP; i++) {
    const x = sorted[i] as T;
    if (x.value === last.value) cut.push(x);
  }
  return cut;
}

/**
 * For a threshold, band or range target only units that miss it themselves count; for a trend
 * or relative target (nothing for a unit to miss) the units with the worst values.
 */
export function weakestUnits(r: IndicatorResult, units: readonly string[], n = 3): UnitShortfall {
  const target = r.def.target;
  const trend = isTrendTarget(target) || target.kind === 'relative';
  const scored: { key: string; value: number; badness: number; at: number }[] = [];
  const places = placesFor(units, r.nodes);
  units.forEach((key, at) => {
    const v = r.nodes.shownAt(places[at] as number);
    if (v === null || v === undefined) return;
    if (
      !trend &&
      judge(target, { value: v, prior: null, direction: r.def.direction }).status !== 'notMet'
    )
      return;
    let badness: number;
    if (target.kind === 'range') badness = Math.max(target.low - v, v - target.high);
    else if (target.kind === 'about') badness = Math.abs(v - target.value);
    else badness = r.def.direction === 'lower' ? v : -v;
    scored.push({ key, value: v, badness, at });
  });
  scored.sort((a, b) => b.badness - a.badness || a.at - b.at);
  return { named: withTies(scored, n), total: scored.length };
}

/**
 * The units' places in the indicators' layout, found once per list of units: every indicator
 * of an assessment shares one layout, and each not met asks for all 100,000 villages.
 */
const placesByUnits = new WeakMap<readonly string[], (nodes: NodeValues) => readonly number[]>();

function placesFor(units: readonly string[], nodes: NodeValues): readonly number[] {
  let places = placesByUnits.get(units);
  if (!places) placesByUnits.set(units, (places = placesOf(units, nodes)));
  return places(nodes);
}

/** The townships below a per-township target (C10), worst first, named as weakestUnits names. */
export function unitsBelowShortfall(r: IndicatorResult, n = 3): UnitShortfall {
  const sign = r.def.direction === 'lower' ? -1 : 1;
  const sorted = r.unitsBelow
    .map((u, at) => ({ key: u.unit, value: u.value, at }))
    .sort((a, b) => sign * (a.value - b.value) || a.at - b.at);
  return { named: withTies(sorted, n), total: sorted.length };
}

/**
 * 新田镇（22.50%）、梅溪乡、云台乡（均为25.00%）: the units with their values, units of equal
 * value together.
 */
export function unitValues(
  r: IndicatorResult,
  named: readonly { key: string; value: number }[],
  unitName: (key: string) => string,
  lang: Lang,
): string {
  const groups: { keys: string[]; value: number }[] = [];
  for (const u of named) {
    const last = groups[groups.length - 1];
    if (last && last.value === u.value) last.keys.push(u.key);
    else groups.push({ keys: [u.key], value: u.value });
  }
  const shown = groups.map((g) => {
    const value = formatValue(g.value, r.def.decimals, r.def.unit, lang);
    const units = listOf(g.keys.map(unitName), lang);
    return g.keys.length === 1
      ? t(lang, 'n.unitValue', { unit: units, value })
      : t(lang, 'n.unitsSame', { units, value });
  });
  return lang === 'zh' ? shown.join('、') : listOf(shown, lang);
}
