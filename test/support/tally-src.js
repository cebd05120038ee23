'use strict';
// bin/tally.js over the TypeScript sources (with register-ts.js), for tests of the real process.
// When TALLY_RSS_FILE is set, the process writes its peak resident set size (kB) there as it
// exits: VmHWM from /proc/self/status, the high-water mark of this program's own memory. Not
// process.resourceUsage().maxRSS, which on Linux carries over the parent's resident set from
// before exec (the forked copy of the jest worker: a worker at 300 MB makes any child "300 MB").
const fs = require('node:fs');

function peakKb() {
  try {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]);
  } catch {
    // no /proc (macOS, Windows): the kernel's maxRSS, which is this process's there
  }
  return process.resourceUsage().maxRSS;
}

const rssFile = process.env.TALLY_RSS_FILE;
if (rssFile) {
  process.on('exit', () => fs.writeFileSync(rssFile, String(peakKb())));
}
require('../../src/cli/run.ts').run(process.argv);
