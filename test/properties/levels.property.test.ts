import fc from 'fast-check';
import { levelOfCode, type Level } from '../../src/core/read/levels';
import { runs } from '../support/property';

/**
 * The level of a division code, read digit by digit (it is asked several times for every coded
 * row), against the definition written as the statistical division code reads: 6, 9 or 12 ASCII
 * digits, padded with zeros to 12; village when digits 10–12 are not 000, township when 7–9 are
 * not, county when 5–6 are not 00, prefecture when 3–4 are not, else province.
 */
function byDefinition(code: string): Level | undefined {
  if (!/^(?:[0-9]{6}|[0-9]{9}|[0-9]{12})$/.test(code)) return undefined;
  const c = code.padEnd(12, '0');
  if (c.slice(9, 12) !== '000') return 'village';
  if (c.slice(6, 9) !== '000') return 'township';
  if (c.slice(4, 6) !== '00') return 'county';
  if (c.slice(2, 4) !== '00') return 'prefecture';
  return 'province';
}

describe('levelOfCode', () => {
  test('the levels of codes from the 2023 division list (广西 钦州)', () => {
    expect(levelOfCode('450000')).toBe('province');
    expect(levelOfCode('450700')).toBe('prefecture');
    expect(levelOfCode('450702')).toBe('county');
    expect(levelOfCode('450702100')).toBe('township');
    expect(levelOfCode('450702100000')).toBe('township');
    expect(levelOfCode('450702100001')).toBe('village');
    expect(levelOfCode('450700000000')).toBe('prefecture');
  });

  test('anything but 6, 9 or 12 ASCII digits has no level', () => {
    for (const c of [
      '',
      '45070',
      '4507021',
      '45070210000',
      '4507021000011',
      '４５０７０２',
      '45070a',
      ' 450702',
    ])
      expect(levelOfCode(c)).toBeUndefined();
  });

  test('random codes: as the definition reads them', () => {
    const digit = fc.constantFrom('0', '0', '0', '1', '5', '9');
    const unit = fc.oneof(digit, fc.constantFrom('a', '٣', '１', ' ', '-'));
    const code = fc.oneof(
      fc
        .constantFrom(6, 9, 12)
        .chain((n) => fc.string({ unit: digit, minLength: n, maxLength: n })),
      fc.string({ unit, maxLength: 14 }),
    );
    fc.assert(
      fc.property(code, (c) => levelOfCode(c) === byDefinition(c)),
      runs(2000),
    );
  });
});
