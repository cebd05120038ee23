import { cellNumber } from '../../../src/core/assess/exclusions';

describe('cellNumber: an A1 address as row × 16384 + column', () => {
  it.each([
    ['A1', 0],
    ['B1', 1],
    ['Z1', 25],
    ['AA1', 26],
    ['A2', 16384],
    ['C12', 11 * 16384 + 2],
    ['XFD1048576', 1048575 * 16384 + 16383],
  ])('%s is %d', (a, n) => expect(cellNumber(a)).toBe(n));

  it.each(['a1', '$A$1', 'A0', 'A012', 'ABCD1', 'A', '12', '', 'XFE1', 'A1:B2'])(
    '%s is no plain address (−1)',
    (a) => expect(cellNumber(a)).toBe(-1),
  );
});
