#!/usr/bin/env node
'use strict';
/**
 * npm run bench:validate — how fast rules run. Generates a CSV of N records (default
 * 1,000,000) with the FE1 items, reads it the way `tally validate` does, compiles 8 rules once
 * and evaluates them column-wise. Prints each stage's time and records × rules per second.
 * Figures, not a test: nothing here passes or fails on speed.
 *   node scripts/bench-validate.js [records]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseCsv } = require('../lib/xlsx/parse');
const { readTable } = require('../lib/core/read/table');
const { HeaderIndex } = require('../lib/core/read/vocabulary');
const { vocabularyOf } = require('../lib/core/profile/profile');
const { readProfileDir } = require('../lib/cli/profile-files');
const { parseRuleTable } = require('../lib/core/rules/table');
const { runRules } = require('../lib/core/validate/profile-rules');
const rng = require('./rng');

const N = Number(process.argv[2] ?? 1_000_000);
const RULES = [
  ['B1', '[男婴活产数] + [女婴活产数] = [活产数]'],
  ['B2', '[新生儿死亡数] <= [婴儿死亡数]'],
  ['B3', '[婴儿死亡数] <= [5岁以下儿童死亡数]'],
  ['B4', '[低出生体重儿数] <= [活产数]'],
  ['B5', '[孕产妇系统管理人数] <= [活产数] * 1.05'],
  ['B6', 'OR([活产数] < 200, BETWEEN([男婴活产数] / [女婴活产数] * 100, 95, 125))'],
  ['B7', 'OR([活产数] < 200, [婴儿死亡数] / [活产数] * 1000 <= 20)'],
  [
    'B8',
    'IF(ISBLANK([低出生体重儿数]), [活产数] > 0, ROUND([低出生体重儿数] / [活产数] * 100, 1) < 15)',
  ],
];

function makeCsv(file) {
  const rand = rng(42);
  const out = fs.createWriteStream(file);
  const lines = [
    '地区,活产数,男婴活产数,女婴活产数,新生儿死亡数,婴儿死亡数,5岁以下儿童死亡数,低出生体重儿数,孕产妇系统管理人数',
  ];
  for (let i = 0; i < N; i++) {
    const births = 50 + Math.floor(rand() * 900);
    const male = Math.round(births * (0.5 + rand() * 0.04));
    const infant = Math.floor(rand() * 6);
    const low = rand() < 0.02 ? '' : String(Math.round(births * 0.04));
    lines.push(
      `村${i},${births},${male},${births - male + (rand() < 0.001 ? 1 : 0)},${Math.floor(infant / 2)},${infant},${infant + 1},${low},${Math.round(births * 0.95)}`,
    );
    if (lines.length >= 10000) {
      out.write(lines.join('\n') + '\n');
      lines.length = 0;
    }
  }
  out.write(lines.join('\n') + '\n');
  return new Promise((resolve) => out.end(resolve));
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const fmt = (x) => Math.round(x).toLocaleString('en-US');

(async () => {
  const file = path.join(os.tmpdir(), `tally-bench-${N}.csv`);
  if (!fs.existsSync(file)) {
    process.stderr.write(`generating ${fmt(N)} records → ${file}\n`);
    await makeCsv(file);
  }
  const profile = readProfileDir();
  const index = new HeaderIndex(vocabularyOf(profile));

  let t = process.hrtime.bigint();
  const wb = parseCsv(new Uint8Array(fs.readFileSync(file)), file);
  const tParse = ms(t);
  t = process.hrtime.bigint();
  const table = readTable(wb.sheets[0], index);
  const tRead = ms(t);
  t = process.hrtime.bigint();
  const set = parseRuleTable([['编号', '规则'], ...RULES]);
  const tCompile = ms(t);
  if (set.problems.length > 0) throw new Error(JSON.stringify(set.problems));
  t = process.hrtime.bigint();
  const run = runRules(set, [{ file, sheet: 'bench', table }], undefined, 'en');
  const tEval = ms(t);

  const records = table.records.length;
  const work = records * RULES.length;
  console.log(`records              ${fmt(records)}`);
  console.log(`rules                ${RULES.length}`);
  console.log(`parse CSV            ${fmt(tParse)} ms`);
  console.log(`recognise + coerce   ${fmt(tRead)} ms`);
  console.log(`compile rules        ${tCompile.toFixed(2)} ms (once)`);
  console.log(`evaluate + findings  ${fmt(tEval)} ms`);
  console.log(`findings             ${fmt(run.findings.length)}`);
  console.log(`evaluation rate      ${fmt((work / tEval) * 1000)} records×rules/s`);
  console.log(
    `end-to-end rate      ${fmt((work / (tParse + tRead + tCompile + tEval)) * 1000)} records×rules/s`,
  );
  console.log(
    `evaluation share     ${((tEval / (tParse + tRead + tCompile + tEval)) * 100).toFixed(1)}% of the run`,
  );
  for (const r of run.rules)
    console.log(
      `  ${r.id}  pass ${fmt(r.passes)}  fail ${fmt(r.fails)}  n/a ${fmt(r.notEvaluated)}`,
    );
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
