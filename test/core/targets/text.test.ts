import { parseTargetText } from '../../../src/core/targets/text';
import { defaultProfile } from '../../support/fixtures';

/** Target text as offices write it (issue 9), read for the indicator it belongs to. */
const def = (id: string) => {
  const d = defaultProfile().indicators.find((x) => x.id === id);
  if (!d) throw new Error(id);
  return d;
};
const read = (text: string | number | null, id = 'C02') => {
  const r = parseTargetText(text, def(id));
  return r.ok
    ? { target: r.target, perUnit: r.perUnit, notice: r.notice?.key }
    : { error: r.issue.key };
};

test.each([
  // symbols, ASCII and full-width
  ['≤5', { kind: 'atMost', value: 5 }],
  ['<=5‰', { kind: 'atMost', value: 5 }],
  ['＜＝５‰', { kind: 'atMost', value: 5 }],
  ['≦5.0‰', { kind: 'atMost', value: 5 }],
  ['<5', { kind: 'below', value: 5 }],
  ['＜5‰', { kind: 'below', value: 5 }],
  ['>3', { kind: 'above', value: 3 }],
  ['>=3', { kind: 'atLeast', value: 3 }],
  ['≥ 3 ‰', { kind: 'atLeast', value: 3 }],
  ['＞＝３', { kind: 'atLeast', value: 3 }],
  ['＞3‰', { kind: 'above', value: 3 }],
  ['≧3', { kind: 'atLeast', value: 3 }],
  // words: 以下/以内 include the number (≤); 低于/不足/不满 exclude it (<)
  ['5‰以下', { kind: 'atMost', value: 5 }],
  ['5‰以内', { kind: 'atMost', value: 5 }],
  ['5‰及以下', { kind: 'atMost', value: 5 }],
  ['降至5.0‰以下', { kind: 'atMost', value: 5 }],
  ['控制在5‰以下', { kind: 'atMost', value: 5 }],
  ['低于5‰', { kind: 'below', value: 5 }],
  ['不足5‰', { kind: 'below', value: 5 }],
  ['不满5', { kind: 'below', value: 5 }],
  ['不超过5‰', { kind: 'atMost', value: 5 }],
  ['高于3', { kind: 'above', value: 3 }],
  ['超过3‰', { kind: 'above', value: 3 }],
  ['3‰以上', { kind: 'atLeast', value: 3 }],
  // （含） repeats what 以上/以下 say; 达到并保持在 is a verb before the number
  ['5‰（含）以下', { kind: 'atMost', value: 5 }],
  ['3‰(含)以上', { kind: 'atLeast', value: 3 }],
  ['达到并保持在3‰以上', { kind: 'atLeast', value: 3 }],
  // ranges, with any dash
  ['3—5', { kind: 'range', low: 3, high: 5 }],
  ['3-5‰', { kind: 'range', low: 3, high: 5 }],
  ['3~5', { kind: 'range', low: 3, high: 5 }],
  ['3～5', { kind: 'range', low: 3, high: 5 }],
  ['3‰至5‰', { kind: 'range', low: 3, high: 5 }],
  // trends and relative changes
  ['逐步降低', { kind: 'falling' }],
  ['逐步提高', { kind: 'rising' }],
  ['比基期下降20%', { kind: 'relative', change: -0.2, baseline: null }],
  ['比基期提高15%', { kind: 'relative', change: 0.15, baseline: null }],
  ['以2020年为基数下降20%', { kind: 'relative', change: -0.2, baseline: null }],
  ['比2020年提高10%', { kind: 'relative', change: 0.1, baseline: null }],
  // blank: no target
  ['', { kind: 'none' }],
  [null, { kind: 'none' }],
  ['—', { kind: 'none' }],
])('C02 "%s"', (text, target) => {
  expect(read(text)).toMatchObject({ target });
});

test('the programme sentences of the profile read back as their targets', () => {
  for (const d of defaultProfile().indicators) {
    if (d.target.kind === 'none' || !d.target.wording) continue;
    const r = parseTargetText(d.target.wording, d);
    expect([d.id, r.ok]).toEqual([d.id, true]);
    if (!r.ok) continue;
    expect(r.target.kind).toBe(d.target.kind);
    if ('value' in d.target) expect(r.target).toMatchObject({ value: d.target.value });
    expect(r.perUnit).toBe(d.perUnit);
  }
});

test('the unit after a number must be the indicator’s', () => {
  expect(read('≤12/10万', 'W01')).toMatchObject({ target: { kind: 'atMost', value: 12 } });
  expect(read('≤12 1/10万', 'W01')).toMatchObject({ target: { kind: 'atMost', value: 12 } });
  expect(read('12‱以下', 'W01')).toEqual({ error: 'targets.row.unitMismatch' });
  expect(read('≤5%', 'C02')).toEqual({ error: 'targets.row.unitMismatch' });
  expect(read('≤5/10万', 'C02')).toEqual({ error: 'targets.row.unitMismatch' });
  expect(read('90％以上', 'C10')).toMatchObject({ target: { kind: 'atLeast', value: 90 } });
});

test('左右 with its band in the text; without it, the band column must give one', () => {
  expect(read('50%左右（±3）', 'W09')).toMatchObject({
    target: { kind: 'about', value: 50, band: 3 },
  });
  expect(read('保持在50%左右', 'W09')).toMatchObject({ target: { kind: 'about', value: 50 } });
});

test('a bare number: read by a verb, else by direction with a notice, else refused', () => {
  expect(read('提高到96%', 'C12')).toMatchObject({ target: { kind: 'atLeast', value: 96 } });
  expect(read('降至5', 'C02')).toMatchObject({ target: { kind: 'atMost', value: 5 } });
  expect(read(90, 'C10')).toMatchObject({
    target: { kind: 'atLeast', value: 90 },
    notice: 'targets.row.bareRead',
  });
  expect(read('5', 'C02')).toMatchObject({
    target: { kind: 'atMost', value: 5 },
    notice: 'targets.row.bareRead',
  });
  // 出生人口性别比 has no better direction: 105 is a ceiling, a floor or a centre?
  expect(read('105', 'C05')).toEqual({ error: 'targets.row.bareNumber' });
});

test('what cannot be read is refused, never guessed', () => {
  for (const text of [
    '约5',
    '5左右吧',
    '尽量降低',
    '≤',
    '5‰以下以上',
    '3—',
    '比基期下降',
    '比基期下降120%',
  ])
    expect([text, read(text)]).toEqual([text, { error: 'targets.row.badTarget' }]);
  expect(read('5—3')).toEqual({ error: 'targets.row.rangeOrder' });
});

test('以乡（镇、街道）为单位 makes the target hold per township', () => {
  expect(read('以乡（镇、街道）为单位保持在95%以上', 'C10')).toMatchObject({
    target: { kind: 'atLeast', value: 95 },
    perUnit: true,
  });
  expect(read('≥95%', 'C10')).toMatchObject({ perUnit: false });
});

/**
 * Wordings a review found in plan tables and refused (stop 28's note), each read as an evaluation
 * office reads it: 以上/以下 with （含N） include N, （不含N） excludes it; worded fractions are the
 * unit they name; a trend beside a level is judged on the level.
 */
test.each([
  ['95%以上（含95%）', 'C10', { kind: 'atLeast', value: 95 }],
  ['95%以上(含本数)', 'C10', { kind: 'atLeast', value: 95 }],
  ['95%以上（不含95%）', 'C10', { kind: 'above', value: 95 }],
  ['4‰以下(含)', 'C02', { kind: 'atMost', value: 4 }],
  ['4‰以下（含4‰）', 'C02', { kind: 'atMost', value: 4 }],
  ['千分之三以下', 'C02', { kind: 'atMost', value: 3 }],
  ['千分之三点五以下', 'C02', { kind: 'atMost', value: 3.5 }],
  ['控制在千分之五以内', 'C02', { kind: 'atMost', value: 5 }],
  ['百分之九十五以上', 'C10', { kind: 'atLeast', value: 95 }],
  ['不低于百分之九十', 'C10', { kind: 'atLeast', value: 90 }],
  ['十万分之十二以下', 'W01', { kind: 'atMost', value: 12 }],
  ['每10万活产12例以下', 'W01', { kind: 'atMost', value: 12 }],
  ['下降到每10万活产12例以下', 'W01', { kind: 'atMost', value: 12 }],
  ['12例/10万以下', 'W01', { kind: 'atMost', value: 12 }],
  ['45%±2', 'W06', { kind: 'about', value: 45, band: 2 }],
  ['45±2%', 'W06', { kind: 'about', value: 45, band: 2 }],
  ['45%(±2个百分点)', 'W06', { kind: 'about', value: 45, band: 2 }],
  ['比2020年下降20%以上', 'C16', { kind: 'relative', change: -0.2, baseline: null }],
  ['下降20%', 'C16', { kind: 'relative', change: -0.2, baseline: null }],
  ['降低20%以上', 'C16', { kind: 'relative', change: -0.2, baseline: null }],
  ['比上年提高', 'W04', { kind: 'rising', basis: 'prior' }],
  ['较上年有所下降', 'C02', { kind: 'falling', basis: 'prior' }],
  ['高于上年', 'W04', { kind: 'rising', basis: 'prior' }],
  ['逐步提高到60%', 'W04', { kind: 'atLeast', value: 60 }],
])('"%s" (%s)', (text, id, target) => {
  const r = read(text, id);
  expect(r).toMatchObject({ target });
  expect(r).not.toHaveProperty('error');
});

test('a trend beside a level is judged on the level, with a notice; pointing the other way, refused', () => {
  for (const text of ['逐步提高，达到60%以上', '达到60%以上并逐步提高', '稳步提升，不低于60%'])
    expect([text, read(text, 'W04')]).toMatchObject([
      text,
      { target: { kind: 'atLeast', value: 60 }, notice: 'targets.row.trendWithLevel' },
    ]);
  expect(read('逐步降低，控制在5‰以下', 'C02')).toMatchObject({
    target: { kind: 'atMost', value: 5 },
    notice: 'targets.row.trendWithLevel',
  });
  expect(read('逐步提高，控制在5‰以下', 'C02')).toEqual({ error: 'targets.row.badTarget' });
});

test('worded forms that still cannot be read are refused', () => {
  for (const [text, id] of [
    ['95%以上（含90%）', 'C10'],
    ['千分之三五以下', 'C02'],
    ['下降20个百分点', 'C10'],
    ['比上年', 'W04'],
    ['每10万活产12例以下', 'C02'],
  ] as const)
    expect([text, read(text, id)]).toMatchObject([text, { error: expect.any(String) }]);
});

/** A second review's plan wordings (the 纲要's own long names, scope variants, verbs), read. */
test.each([
  [
    '适龄儿童免疫规划疫苗接种率以乡（镇、街道）为单位保持在90%以上',
    'C10',
    { kind: 'atLeast', value: 90 },
    true,
  ],
  ['适龄妇女宫颈癌人群筛查率达到70%以上', 'W03', { kind: 'atLeast', value: 70 }, false],
  ['就业人员中的女性比例保持在45%左右', 'W06', { kind: 'about', value: 45 }, false],
  ['以乡（镇、街道）为单位，保持在90%以上', 'C10', { kind: 'atLeast', value: 90 }, true],
  ['以乡镇、街道为单位保持在90%以上', 'C10', { kind: 'atLeast', value: 90 }, true],
  ['以街（镇）为单位达95%以上', 'C10', { kind: 'atLeast', value: 95 }, true],
  ['各乡镇均达到90%以上', 'C10', { kind: 'atLeast', value: 90 }, true],
  ['90%以上（以乡镇为单位）', 'C10', { kind: 'atLeast', value: 90 }, true],
  ['达95%', 'C10', { kind: 'atLeast', value: 95 }, false],
  ['巩固在95%以上', 'C10', { kind: 'atLeast', value: 95 }, false],
  ['保持在92%以上水平', 'C10', { kind: 'atLeast', value: 92 }, false],
  ['小于等于3‰', 'C02', { kind: 'atMost', value: 3 }, false],
  ['≥95%（含）', 'C10', { kind: 'atLeast', value: 95 }, false],
  ['10万分之10以下', 'W01', { kind: 'atMost', value: 10 }, false],
  ['逐年提高', 'W03', { kind: 'rising', basis: 'prior' }, false],
  ['逐年下降', 'C16', { kind: 'falling', basis: 'prior' }, false],
])('"%s" (%s)', (text, id, target, perUnit) => {
  expect(read(text, id)).toMatchObject({ target, perUnit });
});

test('2020年下降20% names the base year, 到2025年下降20% the target year', () => {
  const r = parseTargetText('2020年下降20%', def('C16'));
  expect(r).toMatchObject({ ok: true, baseYear: 2020, target: { kind: 'relative', change: -0.2 } });
  expect(r.ok && r.targetYear).toBe(undefined);
  expect(parseTargetText('到2025年下降20%', def('C16'))).toMatchObject({
    ok: true,
    targetYear: 2025,
  });
});

test('a % target typed as its fraction is refused; a relative change of a % rate is said to be one', () => {
  expect(read('0.95', 'C10')).toEqual({ error: 'targets.row.fractionPercent' });
  expect(read('≥0.95', 'C10')).toEqual({ error: 'targets.row.fractionPercent' });
  // 0.5% written with its sign is a real target, and a ‰ rate's 0.5 is 0.5‰.
  expect(read('<4%', 'C04')).toMatchObject({ target: { kind: 'below', value: 4 } });
  expect(read('≤0.5', 'C02')).toMatchObject({ target: { kind: 'atMost', value: 0.5 } });
  expect(read('比2020年提高10%', 'W03')).toMatchObject({ notice: 'targets.row.relativePercent' });
  expect(read('比2020年下降20%', 'C16')).toMatchObject({ notice: undefined });
});
