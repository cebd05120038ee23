import fc from 'fast-check';
import { CellError, EXCEL_ERROR_CODES, type Cell } from '../../src/core/model/cell';
import { coerceNumber, type Coerced } from '../../src/core/read/coerce';
import { runs } from '../support/property';

/**
 * Reading a value in a numeric column (items.md, "Values that are not numbers") under random
 * input: never a throw; reading what was read gives it back; never a number out of text with
 * letters in it (other than a unit suffix); full-width digits and thousands separators give
 * exactly the number written.
 */

const numberOf = (c: Coerced): number | undefined =>
  c.kind === 'number' || c.kind === 'disguised' ? c.value : undefined;

const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.string({ maxLength: 30, unit: 'grapheme' }),
  fc.string({
    maxLength: 12,
    unit: fc.constantFrom(
      ...'0123456789.,-+ %eE１２３４５６７８９０．，－人个万次无约/—'.split(''),
    ),
  }),
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(...EXCEL_ERROR_CODES).map((code) => new CellError(code)),
);

/** Digits written full-width, as Chinese input methods type them: 1234.5 → １２３４．５. */
function fullWidth(s: string): string {
  return s.replace(/[0-9.\-+]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0));
}

describe('coerceNumber', () => {
  test('never throws, and always says one of its four kinds (5,000 runs)', () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, percentColumn) => {
        const c = coerceNumber(cell, { percentColumn });
        expect(['number', 'missing', 'disguised', 'typeError']).toContain(c.kind);
        const v = numberOf(c);
        if (v !== undefined) expect(Number.isFinite(v)).toBe(true);
      }),
      runs(5000),
    );
  });

  test('is idempotent: the number read, read again (as a number or as its text), is itself (5,000 runs)', () => {
    fc.assert(
      fc.property(anyCell, fc.boolean(), (cell, percentColumn) => {
        const v = numberOf(coerceNumber(cell, { percentColumn }));
        if (v === undefined) return;
        expect(coerceNumber(v)).toEqual({ kind: 'number', value: v });
        // Its text reads as the same number (-0 prints as "0": the same count, zero).
        expect(numberOf(coerceNumber(String(v)))).toBe(v === 0 ? 0 : v);
      }),
      runs(5000),
    );
  });

  test('text with a letter in it is never a number, unless the letter is a unit suffix (5,000 runs)', () => {
    // Letters that are neither an exponent (e, E) nor part of a unit word (人, 个, 万元 …).
    const letter = fc.constantFrom(
      ...'abcdfghijklmnopqrstuvwxyzABCDFGHIJKLMNOPQRSTUVWXYZ约多余左右共计县镇ａＢ'.split(''),
    );
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e6, max: 1e6 }),
          fc.double({ min: -1e6, max: 1e6, noNaN: true }),
        ),
        letter,
        fc.nat(),
        fc.constantFrom('', '人', '个', '%'),
        (n, ch, at, suffix) => {
          const digits = String(n);
          const i = at % (digits.length + 1);
          const text = digits.slice(0, i) + ch + digits.slice(i) + suffix;
          const c = coerceNumber(text, { percentColumn: true });
          expect({ text, kind: c.kind }).toEqual({ text, kind: 'typeError' });
        },
      ),
      runs(5000),
    );
  });

  test('a unit suffix does not hide the number, and is the only text allowed (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        // Not 万元 or 万人: a count in 万 is an error (text-shortcuts.property.test.ts).
        fc.constantFrom('人', '个', '人次', '户', '名', '所', '次', '例', '元', ' 人'),
        (n, unit) => {
          expect(coerceNumber(`${n}${unit}`)).toEqual({
            kind: 'disguised',
            value: n,
            raw: `${n}${unit}`,
            why: 'unitSuffix',
          });
        },
      ),
      runs(3000),
    );
  });

  test('full-width digits give exactly the number written (5,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.integer({ min: -1e9, max: 1e9 }).map(String),
          fc
            .tuple(fc.nat({ max: 99999 }), fc.nat({ max: 9999 }))
            .map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`),
        ),
        (written) => {
          const c = coerceNumber(fullWidth(written));
          expect(c).toEqual({
            kind: 'disguised',
            value: Number(written),
            raw: fullWidth(written),
            why: 'fullwidth',
          });
        },
      ),
      runs(5000),
    );
  });

  test('thousands separators give exactly the number written (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 2_000_000_000 }),
        fc.constantFrom(',', ' ', '，'),
        (n, sep) => {
          const text = n.toLocaleString('en-US').replace(/,/g, sep);
          expect(numberOf(coerceNumber(text))).toBe(n);
          // Separators in the wrong places are not a number in disguise.
          const wrong = String(n).replace(/^(\d)(\d)/, `$1${sep}$2`);
          if (!/^\d{1,3}(,\d{3})+$/.test(wrong.replace(/[ ，]/g, ',')))
            expect(coerceNumber(wrong).kind).toBe('typeError');
        },
      ),
      runs(3000),
    );
  });

  test('a missing mark is missing, never zero, whatever spaces surround it (2,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('', '—', '-', '/', '无', '不详', '…'),
        fc.string({ unit: fc.constantFrom(' ', '\t', '\u3000'), maxLength: 3 }),
        fc.string({ unit: fc.constantFrom(' ', '\t'), maxLength: 3 }),
        (mark, before, after) => {
          expect(coerceNumber(before + mark + after)).toEqual({ kind: 'missing' });
        },
      ),
      runs(2000),
    );
  });
});

test('a whole number with three zero decimals is read with a notice that it may be thousands', () => {
  fc.assert(
    fc.property(fc.integer({ min: 1, max: 999 }), (n) => {
      const s = `${n}.000`;
      expect(coerceNumber(s)).toEqual({ kind: 'disguised', value: n, raw: s, why: 'dotZeros' });
    }),
    runs(500),
  );
  // Other decimals are plain text numbers; a thousand written 1,000 is a thousands separator.
  expect(coerceNumber('1.500')).toEqual({
    kind: 'disguised',
    value: 1.5,
    raw: '1.500',
    why: 'text',
  });
  expect(coerceNumber('0.000')).toEqual({ kind: 'disguised', value: 0, raw: '0.000', why: 'text' });
});
