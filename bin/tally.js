#!/usr/bin/env node
'use strict';
// The `tally` command. The TypeScript sources are compiled to lib/ by `npm run build:cli`,
// which `npm ci` runs through the prepare script.
let cli;
try {
  cli = require('../lib/cli/main.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/main.js')) {
    process.stderr.write('tally: 未编译，请先运行 npm run build:cli — not built; run npm run build:cli first\n');
    process.exit(2);
  }
  throw e;
}
cli.main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write('tally: 内部错误，请报告此问题 — internal error, please report it: ' + (e && e.stack ? e.stack : e) + '\n');
    process.exitCode = 70;
  },
);
