import fc from 'fast-check';
import { coerceNumber } from '../../src/core/read/coerce';
import { normalizeHeader, UNIT_WORDS } from '../../src/core/read/normalize';
import { HeaderIndex } from '../../src/core/read/vocabulary';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { runs } from '../support/property';

/**
 * Header look-up and number reading let a text go early when it holds a CJK ideograph no key
 * (or no unit word) has: a finding's message, a note. The early answer must be the answer the
 * full normalisation gives, for any text near a header or a number.
 */
const index = defaultIndex();
const profile = defaultProfile();
const keys = new Set(index.keys());
const names = [
  ...profile.forms.flatMap((f) => f.items.map((i) => i.name)),
  '地区',
  '乡镇名称',
  '区划代码',
  '合计',
];
// Pieces a header is made of, and ideographs that are in no key.
const piece = fc.oneof(
  fc.constantFrom(...names),
  fc.constantFrom(...UNIT_WORDS.map((u) => `（${u}）`), '(单位：人)', '/人', '名称'),
  fc.constantFrom(' ', '\u3000', '\n', '（', '）', '【', '】', '：', 'Ａ', 'x', '-', '其中'),
  fc.constantFrom('之', '与', '等', '审', '核', '错', '误'),
);
const text = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));

test('a header is looked up as its normalised key says, whatever it holds', () => {
  fc.assert(
    fc.property(text, (s) => {
      const role = index.lookup(s);
      // Known keys; unit headers also by their loose key (no brackets, no trailing 名称).
      if (keys.has(normalizeHeader(s))) expect(role).toBeDefined();
      if (role === undefined) expect(keys.has(normalizeHeader(s))).toBe(false);
    }),
    runs(2000),
  );
  // The pieces do make headers: a plain name is found, one with a foreign ideograph is not.
  expect(index.lookup('活产数（人）')).toBeDefined();
  expect(index.lookup('活产数之')).toBeUndefined();
});

test('a number with a unit word is read; any other ideograph in it makes it text', () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 0, max: 10_000_000 }),
      fc.constantFrom('人次', '人', '个', '户', '名', '所', '次', '例', '元'),
      fc.constantFrom('约', '以', '上', '左', '右', '村', '乡'),
      fc.nat(12),
      (n, unit, other, at) => {
        const s = `${n}${unit}`;
        expect(coerceNumber(s)).toEqual({ kind: 'disguised', value: n, raw: s, why: 'unitSuffix' });
        const k = at % (s.length + 1);
        const spoiled = s.slice(0, k) + other + s.slice(k);
        expect(coerceNumber(spoiled)).toEqual({ kind: 'typeError', raw: spoiled, why: 'text' });
      },
    ),
    runs(500),
  );
  // A count in 万 is not the number before it: `1234万人` is an error, never 1,234 persons.
  for (const s of ['1234万人', '1.2万人', '56万元', '1234 万人'])
    expect(coerceNumber(s)).toEqual({ kind: 'typeError', raw: s, why: 'text' });
});

test('a total marker is known as its normalised key says, whatever case or spacing it is in', () => {
  // The profile's markers and two in Latin letters, so a marker's case is tried too.
  const given = [...index.vocabulary.totalMarkers, 'Total', 'ALL'];
  const withLatin = new HeaderIndex({ ...index.vocabulary, totalMarkers: given });
  const markers = new Set(given.map(normalizeHeader));
  const bit = fc.oneof(
    fc.constantFrom(...given, 'total', 'TOTAL', 'all'),
    fc.constantFrom('合', '计', '全', '市', '县', '小', '村', '镇', 'A', 'a', 'T', 't', 'ｚ'),
    fc.constantFrom(' ', '\u3000', '（', '）', '：', '-', '~', ''),
  );
  fc.assert(
    fc.property(fc.array(bit, { minLength: 0, maxLength: 4 }), (bits) => {
      const s = bits.join('');
      expect(withLatin.isTotal(s)).toBe(markers.has(normalizeHeader(s)));
    }),
    runs(3000),
  );
  expect(withLatin.isTotal('合 计')).toBe(true);
  expect(withLatin.isTotal('TOTAL')).toBe(true);
});
