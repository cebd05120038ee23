import type { IndicatorDef, Target } from '../profile/schema';
import { roundToward } from './round';
import { targetGoal, type Status } from './targets';

/**
 * Mid-term progress (中期评估): where the straight line from the base year's value to the
 * target year's goal stands in this period, and whether the value is at least there
 * (进度达标) or short of it (进度滞后). A value that already meets its target is on track.
 */
export type Stage = 'annual' | 'midterm';

export interface Progress {
  status: 'onTrack' | 'behind' | 'notAssessable';
  reason?: 'noValue' | 'noGoal' | 'noBaseline' | 'noPeriod' | 'beforeBase';
  baseYear: number | null;
  baseline: number | null;
  targetYear: number;
  /** The value the target asks for in the target year. */
  goal: number | null;
  /** The point on the line for this period, rounded to the published decimals. */
  expected: number | null;
  /** Share of the way from the base year to the target year, 0–1. */
  elapsed: number | null;
  /** The baseline already met the goal: no line is drawn, the goal itself is the bar. */
  kept?: true;
}

const EPS = 1e-9;

/**
 * Which way the line improves: the target's own way for ≥, ≤ and relative targets (a death rate
 * below its 3.5‰ ceiling does not improve by rising to it); else from the baseline to the goal.
 */
function improvesUp(target: Target, goal: number, baseline: number, def: IndicatorDef): boolean {
  if (target.kind === 'atLeast' || target.kind === 'above') return true;
  if (target.kind === 'atMost' || target.kind === 'below') return false;
  if (target.kind === 'relative') return target.change > 0;
  if (goal !== baseline) return goal > baseline;
  return def.direction !== 'lower';
}

export function progressOf(
  def: IndicatorDef,
  target: Target,
  value: number | null,
  status: Status,
  period: string,
  defaultTargetYear: number,
): Progress {
  const targetYear = target.targetYear ?? defaultTargetYear;
  const goal = targetGoal(target, def.decimals) ?? null;
  const baseline = target.baseline ?? null;
  const baseYear = target.baseYear ?? null;
  const out: Progress = {
    status: 'notAssessable',
    baseYear,
    baseline,
    targetYear,
    goal,
    expected: null,
    elapsed: null,
  };
  const year = /^\d{4}$/.test(period.trim()) ? Number(period.trim()) : NaN;
  if (value === null) return { ...out, reason: 'noValue' };
  if (goal === null) return { ...out, reason: 'noGoal' };
  if (baseline === null || baseYear === null) return { ...out, reason: 'noBaseline' };
  if (!Number.isFinite(year) || targetYear <= baseYear) return { ...out, reason: 'noPeriod' };
  if (year <= baseYear) return { ...out, reason: 'beforeBase' };
  const elapsed = Math.min(1, (year - baseYear) / (targetYear - baseYear));
  const up = improvesUp(target, goal, baseline, def);
  // A baseline already past the goal has no way to go: the line would run backwards.
  const kept = up ? baseline >= goal - EPS : baseline <= goal + EPS;
  // The point on the line rounded the strict way, as a relative goal is (targets.ts): 4.085 for a
  // rate to fall to is 4.08, so a published 4.09 is behind it, not on it.
  const expected = kept
    ? goal
    : roundToward(baseline + (goal - baseline) * elapsed, def.decimals, up ? 1 : -1);
  const onLine = up ? value >= expected - EPS : value <= expected + EPS;
  return {
    ...out,
    expected,
    elapsed,
    status: status === 'met' || onLine ? 'onTrack' : 'behind',
    ...(kept ? { kept: true as const } : {}),
  };
}
