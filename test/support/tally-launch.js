'use strict';
// bin/tally.js as it starts the command (src/cli/launch.ts: a child with a larger heap, when
// the input is large or TALLY_HEAP_MB asks for one), over the TypeScript sources: the child is
// this file again, with the same -r register-ts.js, and runs src/cli/run.ts itself.
const { relaunch } = require('../../src/cli/launch.ts');

if (!relaunch(module.filename, process.argv.slice(2))) require('../../src/cli/run.ts').run(process.argv);
