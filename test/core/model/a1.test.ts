import {
  a1,
  columnIndex,
  columnLetter,
  parseA1,
  parseRange,
  rangeA1,
} from '../../../src/core/model/a1';

describe('A1 addressing', () => {
  test.each([
    [0, 'A'],
    [25, 'Z'],
    [26, 'AA'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
    [16383, 'XFD'], // Excel's last column
  ])('column %i is %s and back', (index, letters) => {
    expect(columnLetter(index)).toBe(letters);
    expect(columnIndex(letters)).toBe(index);
  });

  test('cells and ranges', () => {
    expect(a1(0, 0)).toBe('A1');
    expect(a1(1048575, 16383)).toBe('XFD1048576');
    expect(parseA1('$C$7')).toEqual({ row: 6, col: 2 });
    expect(parseRange('Sheet1!D4:B2')).toEqual({ top: 1, left: 1, bottom: 3, right: 3 });
    expect(rangeA1({ top: 1, left: 1, bottom: 3, right: 3 })).toBe('B2:D4');
    expect(rangeA1({ top: 4, left: 0, bottom: 4, right: 0 })).toBe('A5');
  });

  test('bad addresses are refused', () => {
    expect(() => parseA1('A0')).toThrow(RangeError);
    expect(() => parseA1('1A')).toThrow(RangeError);
    expect(() => columnLetter(-1)).toThrow(RangeError);
  });
});
