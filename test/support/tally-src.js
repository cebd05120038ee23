'use strict';
// bin/tally.js over the TypeScript sources (with register-ts.js), for tests of the real process.
// When TALLY_RSS_FILE is set, the process writes its peak resident set size (kB, measured by the
// kernel: process.resourceUsage().maxRSS) there as it exits.
const fs = require('node:fs');

const rssFile = process.env.TALLY_RSS_FILE;
if (rssFile) {
  process.on('exit', () => fs.writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
}
require('../../src/cli/run.ts').run(process.argv);
