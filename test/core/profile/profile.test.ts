import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { loadProfile } from '../../../src/core/profile/load';
import { ProfileError, type ProfileFiles } from '../../../src/core/profile/profile';
import {
  DOMAIN_FORMS,
  DOMAIN_INDICATORS,
  DOMAIN_RULES,
  domainRulesWithAdded,
  domainItemsWithAdded,
} from '../../support/domain';
import { ROOT } from '../../support/fixtures';

const DIR = path.join(ROOT, 'profiles', 'lianggang-2021-2030');

function files(): ProfileFiles {
  const out: ProfileFiles = {};
  for (const f of readdirSync(DIR))
    if (f.endsWith('.json')) out[f] = JSON.parse(readFileSync(path.join(DIR, f), 'utf8'));
  return out;
}

/** The profile's JSON, to be broken on purpose: any shape goes. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyJson = Record<string, any>;

function expectProfileError(mutate: (f: AnyJson) => void, file: string, field: RegExp): void {
  const f = files() as AnyJson;
  mutate(f);
  try {
    loadProfile(f);
  } catch (e) {
    expect(e).toBeInstanceOf(ProfileError);
    const err = e as ProfileError;
    expect(err.params.file).toBe(file);
    expect(String(err.params.field)).toMatch(field);
    expect(err.text('zh')).toContain(`配置文件 ${file} 有误`);
    return;
  }
  throw new Error('loadProfile accepted a broken profile');
}

describe('the bundled 两纲 profile', () => {
  const profile = loadProfile(files());

  test('has the five forms and every item of items.md, with every synonym', () => {
    expect(profile.forms.map((f) => f.id)).toEqual(['FE1', 'FE2', 'FE3', 'FE4', 'FE5']);
    expect(profile.forms.map((f) => [f.id, f.name, f.department])).toEqual(DOMAIN_FORMS);
    const items = Object.fromEntries(
      profile.forms.map((f) => [f.id, f.items.map((i) => [i.id, i.name, i.synonyms])]),
    );
    expect(items).toEqual(domainItemsWithAdded());
    expect(profile.forms.flatMap((f) => f.items)).toHaveLength(48);
  });

  test('has the 27 indicators of indicators.md with their targets', () => {
    const rows = DOMAIN_INDICATORS;
    expect(rows).toHaveLength(27);
    expect(
      profile.indicators.map((i) => [
        i.id,
        i.name,
        i.numerator,
        i.denominator,
        i.scale,
        i.unit,
        i.direction,
      ]),
    ).toEqual(rows);
    const byId = new Map(profile.indicators.map((i) => [i.id, i]));
    // indicators.md, Corrections: the wording as printed; 以下 is ≤ (民法典 第1259条) for C04, C08,
    // C09 too; 左右 carries no invented band; W05, C05, C15 are monitored without a target.
    expect(byId.get('W01')?.target).toEqual({
      kind: 'atMost',
      value: 12,
      wording: '下降到12/10万以下',
      targetYear: 2030,
    });
    for (const id of ['C04', 'C08', 'C09']) expect(byId.get(id)?.target.kind).toBe('atMost');
    expect(byId.get('W06')?.target).toMatchObject({ kind: 'about', value: 45 });
    expect(byId.get('W06')?.target).not.toHaveProperty('band');
    for (const id of ['W05', 'C05', 'C15']) expect(byId.get(id)?.target).toEqual({ kind: 'none' });
    expect(byId.get('C05')?.plausibleRange).toEqual({ low: 103, high: 107 });
    expect(byId.get('C10')).toMatchObject({ perUnit: true, verified: true });
    expect(byId.get('W08')?.trendBasis).toBe('baseline');
    // verified only where the source names a document a reader can find.
    for (const id of ['W07', 'W09', 'W10', 'C09']) expect(byId.get(id)?.verified).toBe(false);
    for (const ind of profile.indicators.filter((i) => i.verified))
      expect(ind.source).toMatch(/《[^》]+》/);
    expect(byId.get('C16')?.target).toMatchObject({
      kind: 'relative',
      baseYear: 2020,
      change: -0.2,
      baseline: null,
    });
    expect(byId.get('C02')).toMatchObject({
      numerator: 'infant_deaths',
      denominator: 'live_births',
      scale: 1000,
      unit: '‰',
    });
  });

  test('has the 28 default rules of rules.md, word for word, and the 4 it adds on purpose', () => {
    expect(DOMAIN_RULES).toHaveLength(28);
    expect(profile.rules.map((r) => [r.id, r.rule, r.severity])).toEqual(domainRulesWithAdded());
  });
});

describe('a broken profile is named by file and field', () => {
  test('an indicator naming an item no form has', () =>
    expectProfileError(
      (f) => (f['indicators.json'].indicators[1].numerator = 'no_such_item'),
      'indicators.json',
      /^indicators\.1\.numerator$/,
    ));
  test('an unknown target kind', () =>
    expectProfileError(
      (f) => (f['indicators.json'].indicators[0].target = { kind: 'roughly', value: 3 }),
      'indicators.json',
      /^indicators\.0\.target/,
    ));
  test('a range upside down', () =>
    expectProfileError(
      (f) => (f['indicators.json'].indicators[15].target = { kind: 'range', low: 107, high: 103 }),
      'indicators.json',
      /^indicators\.15\.target\.low$/,
    ));
  test('a rule scoped to a form that does not exist', () =>
    expectProfileError(
      (f) => (f['rules.json'].rules[0].scope = 'FE9'),
      'rules.json',
      /^rules\.0\.scope$/,
    ));
  test('two items sharing a name', () =>
    expectProfileError(
      (f) => f['forms.json'].forms[1].items[0].synonyms.push('活产数'),
      'forms.json',
      /^forms\.1\.items\.0$/,
    ));
  test('verified without a source a reader can find', () =>
    expectProfileError(
      (f) => (f['indicators.json'].indicators[0].source = '国家纲要'),
      'indicators.json',
      /^indicators\.0\.verified$/,
    ));
  test('a misspelt field', () =>
    expectProfileError(
      (f) => (f['profile.json'].totalMarker = ['合计']),
      'profile.json',
      /\(root\)|totalMarker/,
    ));
  test('a missing file', () =>
    expectProfileError((f) => delete f['forms.json'], 'forms.json', /.*/));
});
