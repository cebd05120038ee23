#!/usr/bin/env node
'use strict';
/**
 * After `tsc -p tsconfig.cli.json` (npm run build:cli): checks the bundled profile in full, as
 * every run would (schema and cross-checks), and writes the result with a digest of its files
 * and of the checking code to lib/cli/profile-checked.json. A run of `tally` whose profile
 * files and checking code have that digest takes the profile from there without loading the
 * schema library (src/cli/profile-files.ts). A profile that fails the check fails the build,
 * with the same message a run would give.
 */
const fs = require('node:fs');
const { checkProfileDir, CHECKED_PROFILE } = require('../lib/cli/profile-files');

let checked;
try {
  checked = checkProfileDir();
} catch (e) {
  process.stderr.write(`check-profile: ${e && e.message ? e.message : String(e)}\n`);
  process.exit(1);
}
// Written whole to a temporary name and renamed: a run started meanwhile reads the old file or
// the new one, never half of one.
const tmp = `${CHECKED_PROFILE}.${process.pid}.tmp`;
fs.writeFileSync(tmp, JSON.stringify(checked));
fs.renameSync(tmp, CHECKED_PROFILE);
