#!/usr/bin/env node
'use strict';
// npm run test:mutation [-- rules|assess] [stryker options, e.g. --mutate src/core/rules/parse.ts]
// Runs Stryker (stryker.config.mjs) on each folder of the engine in turn — src/core/rules, then
// src/core/assess — at a low priority, since the machine is shared, and prints each folder's
// mutation score from its report (reports/mutation/<folder>/mutation.json). Not part of CI.
const { spawnSync } = require('node:child_process');
const { readFileSync } = require('node:fs');
const path = require('node:path');

const FOLDERS = ['rules', 'assess'];
const args = process.argv.slice(2);
const chosen = FOLDERS.filter((f) => args.includes(f));
const folders = chosen.length > 0 ? chosen : FOLDERS;
const passOn = args.filter((a) => !FOLDERS.includes(a));
const root = path.resolve(__dirname, '..');
const stryker = path.join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');

/** Killed (and timed out) over all that were tested, as Stryker counts its mutation score. */
function score(folder) {
  const report = JSON.parse(
    readFileSync(path.join(root, 'reports', 'mutation', folder, 'mutation.json'), 'utf8'),
  );
  const n = { Killed: 0, Timeout: 0, Survived: 0, NoCoverage: 0, Ignored: 0, other: 0 };
  for (const file of Object.values(report.files)) {
    for (const m of file.mutants) n[m.status in n ? m.status : 'other']++;
  }
  const detected = n.Killed + n.Timeout;
  const valid = detected + n.Survived + n.NoCoverage;
  const pct = valid === 0 ? 0 : (100 * detected) / valid;
  return `src/core/${folder}: ${pct.toFixed(2)}% (${detected} of ${valid} killed; ${n.Survived} survived, ${n.NoCoverage} not covered, ${n.Ignored} static, ignored)`;
}

let status = 0;
const lines = [];
for (const folder of folders) {
  const nice = process.platform === 'win32' ? [] : ['nice', '-n', '10'];
  const cmd = [...nice, process.execPath, stryker, 'run', ...passOn];
  const r = spawnSync(cmd[0], cmd.slice(1), {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, TALLY_MUTATION: folder },
  });
  if (r.status !== 0) {
    status = r.status ?? 1;
    lines.push(`src/core/${folder}: Stryker failed (exit ${r.status ?? r.signal})`);
    continue;
  }
  lines.push(score(folder));
}
process.stdout.write(`\nMutation scores:\n${lines.map((l) => `  ${l}`).join('\n')}\n`);
process.exit(status);
