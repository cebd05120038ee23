#!/usr/bin/env node
'use strict';
// The `tally` command. The TypeScript sources are compiled to lib/ by `npm run build:cli`,
// which `npm ci` runs through the prepare script. src/cli/run.ts does the rest: output that
// ends quietly in a closed pipe, one line for unusable input, the exit code.
let cli;
try {
  cli = require('../lib/cli/run.js');
} catch (e) {
  if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/run.js')) {
    process.stderr.write('tally: 未编译，请先运行 npm run build:cli — not built; run npm run build:cli first\n');
    process.exit(2);
  }
  throw e;
}
cli.run(process.argv);
