import { CellError } from '../../../src/core/model/cell';
import { coerceNumber } from '../../../src/core/read/coerce';

describe('value coercion (items.md, "Values that are not numbers")', () => {
  test('numbers are numbers, zero is zero', () => {
    expect(coerceNumber(0)).toEqual({ kind: 'number', value: 0 });
    expect(coerceNumber(12.5)).toEqual({ kind: 'number', value: 12.5 });
  });

  test.each([null, '', '  ', '—', '——', '-', '/', '无', '不详'])(
    '%j is missing, never zero',
    (v) => {
      expect(coerceNumber(v)).toEqual({ kind: 'missing' });
    },
  );

  test.each([
    ['１２３', 123, 'fullwidth'],
    ['1,234', 1234, 'thousands'],
    ['1 234', 1234, 'thousands'],
    ['12,345,678.5', 12345678.5, 'thousands'],
    ['12人', 12, 'unitSuffix'],
    ['３０人', 30, 'unitSuffix'],
    ['56', 56, 'text'],
    ['-33', -33, 'text'],
  ])('%j is the number %d in disguise (%s)', (raw, value, why) => {
    expect(coerceNumber(raw)).toEqual({ kind: 'disguised', value, raw, why });
  });

  test('a percent string reads as its number only in a % column', () => {
    expect(coerceNumber('45%', { percentColumn: true })).toEqual({
      kind: 'disguised',
      value: 45,
      raw: '45%',
      why: 'percent',
    });
    expect(coerceNumber('45%')).toEqual({ kind: 'typeError', raw: '45%', why: 'text' });
  });

  test.each(['约300', 'N/A?', '12,34', '1.2.3', 'abc', '300左右'])('%j is a type error', (raw) => {
    expect(coerceNumber(raw)).toEqual({ kind: 'typeError', raw, why: 'text' });
  });

  // A footnote mark after the figure folds (NFKC) into one more digit: 1000① would be 10001.
  test.each(['1000①', '1000¹', '1000²', '25⑴', '12⒈', '300❶', '₂40'])(
    '%j, a figure with a footnote mark, is a type error, not a longer number',
    (raw) => {
      expect(coerceNumber(raw)).toEqual({ kind: 'typeError', raw, why: 'text' });
    },
  );

  test('Excel errors and booleans are type errors', () => {
    expect(coerceNumber(new CellError('#DIV/0!'))).toEqual({
      kind: 'typeError',
      raw: '#DIV/0!',
      why: 'excelError',
    });
    expect(coerceNumber('#N/A')).toEqual({ kind: 'typeError', raw: '#N/A', why: 'excelError' });
    expect(coerceNumber(true)).toEqual({ kind: 'typeError', raw: 'TRUE', why: 'boolean' });
  });

  test('extra missing marks, such as NA from R', () => {
    expect(coerceNumber('NA', { missing: new Set(['NA']) })).toEqual({ kind: 'missing' });
    expect(coerceNumber('NA')).toEqual({ kind: 'typeError', raw: 'NA', why: 'text' });
  });
});
