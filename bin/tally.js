#!/usr/bin/env node
'use strict';
// The `tally` command. The TypeScript sources are compiled to lib/ by `npm run build:cli`,
// which `npm ci` runs through the prepare script. src/cli/launch.ts runs the command in a child
// process with room for a large area's heap (half the machine's memory); src/cli/run.ts does
// the rest: output that ends quietly in a closed pipe, one line for unusable input, the exit code.
function built(path) {
  try {
    return require(path);
  } catch (e) {
    if (e && e.code === 'MODULE_NOT_FOUND' && String(e.message).includes('lib/cli/')) {
      process.stderr.write('tally: 未编译，请先运行 npm run build:cli — not built; run npm run build:cli first\n');
      process.exit(2);
    }
    throw e;
  }
}
// Started as a command (not required by a script of its own): the work runs in the child.
const launched = require.main === module && built('../lib/cli/launch.js').relaunch(module.filename, process.argv.slice(2));
if (!launched) built('../lib/cli/run.js').run(process.argv);
