import { judge, targetWording, describeTarget } from '../../../src/core/assess/targets';
import { progressOf } from '../../../src/core/assess/progress';
import type { Target } from '../../../src/core/profile/schema';
import { defaultProfile } from '../../support/fixtures';

/**
 * Boundary cases of the target kinds (issue 9), each worked out by hand in its comment. The
 * value passed is the published value (already rounded to the indicator's decimals).
 */
const higher = { prior: null, direction: 'higher' as const, decimals: 2 };
const lower = { prior: null, direction: 'lower' as const, decimals: 2 };

describe('以下 / 以上 include the number (民法典 第1259条)', () => {
  test('exactly at a ≤ target is met; one hundredth over is not', () => {
    // 婴儿死亡率 5.0‰ against "降至5.0‰以下": 5.00 ≤ 5 → met (the national 2021 figure).
    expect(judge({ kind: 'atMost', value: 5 }, { ...lower, value: 5 }).status).toBe('met');
    // 5.01 > 5 → not met, short by 5.01 − 5 = 0.01.
    const j = judge({ kind: 'atMost', value: 5 }, { ...lower, value: 5.01 });
    expect(j.status).toBe('notMet');
    expect(j.gap).toBeCloseTo(0.01, 9);
    // 4.00% against "控制在4%以下" is met.
    expect(judge({ kind: 'atMost', value: 4 }, { ...lower, value: 4 }).status).toBe('met');
  });

  test('exactly at a ≥ target is met; 低于 (<) excludes the number', () => {
    expect(judge({ kind: 'atLeast', value: 90 }, { ...higher, value: 90 }).status).toBe('met');
    expect(judge({ kind: 'atLeast', value: 90 }, { ...higher, value: 89.99 }).status).toBe(
      'notMet',
    );
    // "低于4%": 4.00 is not below 4 → not met, gap 0.
    const j = judge({ kind: 'below', value: 4 }, { ...lower, value: 4 });
    expect([j.status, j.gap]).toEqual(['notMet', 0]);
    expect(judge({ kind: 'below', value: 4 }, { ...lower, value: 3.99 }).status).toBe('met');
    // "超过90%": 90.00 is not above 90.
    expect(judge({ kind: 'above', value: 90 }, { ...higher, value: 90 }).status).toBe('notMet');
  });

  test('a range includes both ends', () => {
    const range: Target = { kind: 'range', low: 103, high: 107 };
    expect(judge(range, { ...higher, value: 103 }).status).toBe('met');
    expect(judge(range, { ...higher, value: 107 }).status).toBe('met');
    const j = judge(range, { ...higher, value: 107.01 });
    expect(j.status).toBe('notMet');
    expect(j.gap).toBeCloseTo(0.01, 9);
  });
});

describe('左右 needs a stated band, and is one-sided where a direction is better', () => {
  test('without a band it is not assessable — never judged with an invented ±2', () => {
    const j = judge({ kind: 'about', value: 50 }, { ...higher, value: 53 });
    expect([j.status, j.reason]).toEqual(['notAssessable', 'noBand']);
  });

  test('higher is better: only falling short of value − band misses', () => {
    const t: Target = { kind: 'about', value: 50, band: 2 };
    // 53% women on residents' committees against "50%左右（±2）": 53 > 52, but more women is
    // no failure → met.
    expect(judge(t, { ...higher, value: 53 }).status).toBe('met');
    // 48.00 = 50 − 2 → met (the band includes its end).
    expect(judge(t, { ...higher, value: 48 }).status).toBe('met');
    // 47.99 < 48 → not met, short by 0.01.
    const j = judge(t, { ...higher, value: 47.99 });
    expect(j.status).toBe('notMet');
    expect(j.gap).toBeCloseTo(0.01, 9);
  });

  test('lower is better: only exceeding value + band misses; neutral: both sides', () => {
    const t: Target = { kind: 'about', value: 10, band: 1 };
    expect(judge(t, { ...lower, value: 5 }).status).toBe('met');
    expect(judge(t, { ...lower, value: 11 }).status).toBe('met');
    expect(judge(t, { ...lower, value: 11.5 }).gap).toBeCloseTo(0.5, 9);
    const neutral = { ...higher, direction: 'band' as const };
    const b: Target = { kind: 'about', value: 105, band: 2 };
    expect(judge(b, { ...neutral, value: 102.5 }).status).toBe('notMet'); // < 103
    expect(judge(b, { ...neutral, value: 107.5 }).status).toBe('notMet'); // > 107
    expect(judge(b, { ...neutral, value: 104 }).status).toBe('met');
  });
});

describe('逐步提高 against the baseline, else the previous period', () => {
  test('持平 with the baseline is not yet raised; 持平 with last year above the baseline is met', () => {
    // Baseline (2020) 12.15%, this year 12.15% → equal, not raised → not met, gap 0.
    const flat = judge(
      { kind: 'rising', baseYear: 2020, baseline: 12.15 },
      { ...higher, value: 12.15, prior: 11 },
    );
    expect([flat.status, flat.gap, flat.reference]).toEqual([
      'notMet',
      0,
      { value: 12.15, against: 'baseline' },
    ]);
    // Baseline 10%, last year 12.15%, this year 12.15%: unchanged on last year, but above the
    // baseline → met. Year on year would call it a failure; against the baseline it is not.
    expect(
      judge(
        { kind: 'rising', baseYear: 2020, baseline: 10 },
        { ...higher, value: 12.15, prior: 12.15 },
      ).status,
    ).toBe('met');
  });

  test('an indicator that moves only at a 换届 is never compared with last year', () => {
    const j = judge(
      { kind: 'rising' },
      { ...higher, value: 13, prior: 12, trendBasis: 'baseline' },
    );
    expect([j.status, j.reason]).toEqual(['notAssessable', 'noBaseline']);
  });

  test('without a baseline, other indicators compare with last year; no last year: not assessable', () => {
    expect(judge({ kind: 'rising' }, { ...higher, value: 60.64, prior: 60.29 }).status).toBe('met');
    expect(judge({ kind: 'rising' }, { ...higher, value: 60.29, prior: 60.29 }).status).toBe(
      'notMet',
    );
    expect(judge({ kind: 'falling' }, { ...lower, value: 3.5, prior: 3.6 }).status).toBe('met');
    const j = judge({ kind: 'rising' }, { ...higher, value: 60 });
    expect([j.status, j.reason]).toEqual(['notAssessable', 'noPrior']);
  });
});

describe('a relative target, with and without its baseline', () => {
  const c16: Target = { kind: 'relative', baseYear: 2020, change: -0.2, baseline: 4.54 };
  test('the goal is rounded toward the strict side: a published value meets it only if it is the change asked for', () => {
    // 4.56 × 0.8 = 3.648. A published 3.65 is a fall of (4.56 − 3.65) / 4.56 = 19.96 %: short
    // of 20 %, by 0.01 (the goal is 3.64). 3.64 is a fall of 20.18 %: met.
    const c = { ...c16, baseline: 4.56 };
    const short = judge(c, { ...lower, value: 3.65 });
    expect([short.status, short.reference]).toEqual(['notMet', { value: 3.64, against: 'goal' }]);
    expect(short.gap).toBeCloseTo(0.01, 9);
    expect(judge(c, { ...lower, value: 3.64 }).status).toBe('met');
    // 比基期提高10%: 47.35 × 1.1 = 52.085. 52.08 is a rise of 9.99 % (not met), 52.09 of 10.01 %.
    const up: Target = { kind: 'relative', baseYear: 2020, change: 0.1, baseline: 47.35 };
    expect(judge(up, { ...higher, value: 52.08 }).status).toBe('notMet');
    expect(judge(up, { ...higher, value: 52.09 }).status).toBe('met');
  });

  test('the goal is baseline × (1 + change), at the published decimals', () => {
    // 4.54 × 0.8 = 3.632 → 3.63/10万. 3.63 ≤ 3.63 → met; 3.64 → not met by 0.01.
    const j = judge(c16, { ...lower, value: 3.63 });
    expect([j.status, j.reference]).toEqual(['met', { value: 3.63, against: 'goal' }]);
    expect(judge(c16, { ...lower, value: 3.64 }).gap).toBeCloseTo(0.01, 9);
    // 比基期提高10%: 50 × 1.1 = 55. 55 met, 54.99 not.
    const up: Target = { kind: 'relative', baseYear: 2020, change: 0.1, baseline: 50 };
    expect(judge(up, { ...higher, value: 55 }).status).toBe('met');
    expect(judge(up, { ...higher, value: 54.99 }).status).toBe('notMet');
  });

  test('without the baseline it is 无法评估, not 无数据', () => {
    const j = judge({ ...c16, baseline: null }, { ...lower, value: 3.63 });
    expect([j.status, j.reason]).toEqual(['notAssessable', 'noBaseline']);
  });
});

test('monitored only: noTarget', () => {
  expect(judge({ kind: 'none' }, { ...higher, value: 111 }).status).toBe('noTarget');
});

test('the narrative quotes the wording; a table column gets the short symbol form', () => {
  const w01: Target = { kind: 'atMost', value: 12, wording: '下降到12/10万以下' };
  expect(targetWording(w01, '1/10万', 'zh')).toBe('下降到12/10万以下');
  expect(describeTarget(w01, '1/10万', 'zh')).toBe('≤12/10万');
  // Without a wording, words are made from the kind (以下 for ≤), never a symbol.
  expect(targetWording({ kind: 'atMost', value: 3 }, '‰', 'zh')).toBe('3‰以下');
  expect(targetWording({ kind: 'below', value: 4 }, '%', 'zh')).toBe('低于4%');
  expect(targetWording({ kind: 'atLeast', value: 90 }, '%', 'en')).toBe('90% or above');
});

describe('mid-term progress on the line from the base year to the target year', () => {
  const def = defaultProfile().indicators.find((d) => d.id === 'W01');
  if (!def) throw new Error('W01');
  const target: Target = {
    kind: 'atMost',
    value: 10,
    baseYear: 2020,
    baseline: 20,
    targetYear: 2030,
  };
  test('on and off the line', () => {
    // 2025 is half way: 20 + (10 − 20) × 5/10 = 15.00. 15 is on the line (on track).
    const on = progressOf(def, target, 15, 'notMet', '2025', 2030);
    expect([on.status, on.expected, on.elapsed]).toEqual(['onTrack', 15, 0.5]);
    // 15.01 is above the line for a falling target → behind.
    expect(progressOf(def, target, 15.01, 'notMet', '2025', 2030).status).toBe('behind');
    // A value that already meets its target is on track whatever the line says.
    expect(progressOf(def, target, 9, 'met', '2025', 2030).status).toBe('onTrack');
  });
  test('the point on the line is rounded the strict way, as the goal is', () => {
    // C16 比2020年下降20%, 2020 baseline 4.54: goal 4.54 × 0.8 = 3.632 → 3.63 (strict, down);
    // 2025 is half way: 4.54 − (4.54 − 3.63) × 0.5 = 4.085 → 4.08, so 4.09 is behind the line.
    const c16 = defaultProfile().indicators.find((d) => d.id === 'C16');
    if (!c16) throw new Error('C16');
    const fall: Target = { kind: 'relative', change: -0.2, baseYear: 2020, baseline: 4.54 };
    expect(progressOf(c16, fall, 4.09, 'notMet', '2025', 2030)).toMatchObject({
      status: 'behind',
      goal: 3.63,
      expected: 4.08,
    });
    expect(progressOf(c16, fall, 4.08, 'notMet', '2025', 2030).status).toBe('onTrack');
  });
  test('a rising goal: 2023 is 3/10 of the way from 80 (2020) to 90 (2030) → 83.00', () => {
    const c = defaultProfile().indicators.find((d) => d.id === 'C10');
    if (!c) throw new Error('C10');
    const up: Target = { kind: 'atLeast', value: 90, baseYear: 2020, baseline: 80 };
    expect(progressOf(c, up, 83, 'notMet', '2023', 2030)).toMatchObject({
      status: 'onTrack',
      expected: 83,
    });
    expect(progressOf(c, up, 82.99, 'notMet', '2023', 2030).status).toBe('behind');
  });
  test('a baseline already past the goal draws no line: the goal is the bar, the target’s own way', () => {
    // 降至3.5‰以下, 2020 baseline 3.0: 3.62 misses 3.5 and is behind (not "should be 3.25").
    const c02 = defaultProfile().indicators.find((d) => d.id === 'C02');
    if (!c02) throw new Error('C02');
    const ceiling: Target = { kind: 'atMost', value: 3.5, baseYear: 2020, baseline: 3 };
    expect(progressOf(c02, ceiling, 3.62, 'notMet', '2025', 2030)).toMatchObject({
      status: 'behind',
      expected: 3.5,
      kept: true,
    });
    // 达到60%以上, 2020 baseline 70: 59.99 is behind, 63.47 (met) on track.
    const c = defaultProfile().indicators.find((d) => d.id === 'W03');
    if (!c) throw new Error('W03');
    const floor: Target = { kind: 'atLeast', value: 60, baseYear: 2020, baseline: 70 };
    expect(progressOf(c, floor, 59.99, 'notMet', '2025', 2030)).toMatchObject({
      status: 'behind',
      expected: 60,
    });
    expect(progressOf(c, floor, 63.47, 'met', '2025', 2030).status).toBe('onTrack');
  });
  test('without a baseline there is no line', () => {
    expect(
      progressOf(def, { kind: 'atMost', value: 10 }, 15, 'notMet', '2025', 2030),
    ).toMatchObject({
      status: 'notAssessable',
      reason: 'noBaseline',
    });
  });
});
