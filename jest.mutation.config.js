// The tests of one folder of the engine, for its mutation check (npm run test:mutation,
// stryker.config.mjs): src/core/rules with test/core/rules, src/core/assess with
// test/core/assess — TALLY_MUTATION names the folder. One node project, as Stryker's jest runner
// needs it. Left out: the property tests (thousands of runs for each of thousands of mutants)
// and grammar-generated.test.ts, which reads the source text (Stryker's instrumented copy
// differs from it by construction).
const [node] = require('./jest.config.js').projects;

const folder = process.env.TALLY_MUTATION ?? 'rules';

module.exports = {
  ...node,
  displayName: undefined,
  testMatch: [`<rootDir>/test/core/${folder}/**/*.test.ts`],
  testPathIgnorePatterns: [...node.testPathIgnorePatterns, '/grammar-generated\\.test\\.ts$'],
};
