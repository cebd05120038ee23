import fc from 'fast-check';
import { medianOf } from '../../src/core/validate/magnitude';
import { runs } from '../support/property';

/** MAGNITUDE's median by selection is the lower middle of the sorted values, for any values. */
test('medianOf is the sorted values’ lower middle, duplicates and all', () => {
  fc.assert(
    fc.property(
      fc.array(
        fc.oneof(fc.integer({ min: 1, max: 20 }), fc.double({ min: 0.001, max: 1e9, noNaN: true })),
        { minLength: 1, maxLength: 400 },
      ),
      (xs) => {
        const sorted = [...xs].sort((a, b) => a - b);
        const input = Float64Array.from(xs);
        expect(medianOf(input)).toBe(sorted[(sorted.length - 1) >> 1]);
        expect(Array.from(input)).toEqual(xs); // its input left as it was
      },
    ),
    runs(2000),
  );
});
