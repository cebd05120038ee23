// The browser test's build: the production task pane, plus the fake office.js (fake-office.js)
// that run.js serves in place of Microsoft's CDN script. Output: test-results/e2e-dist/.
const path = require('node:path');
const { taskpaneConfig } = require('../../webpack.config.js');

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = path.join(ROOT, 'test-results', 'e2e-dist'); // ignored by git

const base = taskpaneConfig({
  outDir: OUT_DIR,
  extraEntries: { 'fake-office': './test/support/fake-office-browser.ts' },
});

module.exports = (env, argv) => {
  const config = base(env, { ...argv, mode: argv.mode ?? 'production' });
  // Stable names, so the test finds the fake without reading webpack's stats.
  config.output = { ...config.output, filename: '[name].js' };
  config.devtool = false;
  return config;
};
module.exports.OUT_DIR = OUT_DIR;
