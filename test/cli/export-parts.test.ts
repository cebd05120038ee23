import { partFile } from '../../src/cli/validate';

// The files of a split `--export`: the name given, then -2, -3 before the extension.
test.each([
  ['审核结果.xlsx', 2, '审核结果-2.xlsx'],
  ['out/findings.xlsx', 3, 'out/findings-3.xlsx'],
  ['out.d/findings', 2, 'out.d/findings-2'],
  ['C:\\报表\\审核.v2.xlsx', 2, 'C:\\报表\\审核.v2-2.xlsx'],
  ['.hidden', 2, '.hidden-2'],
  ['审核结果.xlsx', 1, '审核结果.xlsx'],
])('%s, file %i: %s', (file, k, expected) => {
  expect(partFile(file, k)).toBe(expected);
});
