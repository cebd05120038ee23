#!/usr/bin/env node
'use strict';
/**
 * npm run bench — the table of issue 13: for each row, Tally's wall time and peak memory
 * measured from outside the process (/usr/bin/time), median of 3, alternating with the peer in
 * the same run; the peer's figures and the ratio where the peer is installed (R with validate,
 * pandas + openpyxl, DuckDB). Extra rows time the columnar readers alone against parse.ts.
 * Figures, not a test: nothing here passes or fails.
 *
 *   npm run bench                                   every row, full size
 *   npm run bench -- --rows validate,read-csv --scale 0.1 --runs 1
 *
 * Data is generated once per size (seeded, scripts/rng.js) under $TMPDIR/tally-bench/.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const rng = require('./rng');

const ROOT = path.join(__dirname, '..');
const TALLY = path.join(ROOT, 'bin', 'tally.js');
const DIR = path.join(os.tmpdir(), 'tally-bench');

// The 8 rules of scripts/bench-validate.js.
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
const VALIDATE_ITEMS = [
  '活产数',
  '男婴活产数',
  '女婴活产数',
  '新生儿死亡数',
  '婴儿死亡数',
  '5岁以下儿童死亡数',
  '低出生体重儿数',
  '孕产妇系统管理人数',
];

function parseArgs(argv) {
  const out = { rows: undefined, scale: 1, runs: 3 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--rows') out.rows = argv[++i].split(',');
    else if (a === '--scale') out.scale = Number(argv[++i]);
    else if (a === '--runs') out.runs = Number(argv[++i]);
    else if (a === '--child') out.child = argv.slice(i + 1);
    else if (a === '--help' || a === '-h') out.help = true;
  }
  return out;
}

const fmtN = (n) => Math.round(n).toLocaleString('en-US');

// ------------------------------------------------------------------------------------------
// Data

function writeLines(file, header, count, line) {
  const fd = fs.openSync(file, 'w');
  let buf = [header];
  for (let i = 0; i < count; i++) {
    buf.push(line(i));
    if (buf.length >= 10000) {
      fs.writeSync(fd, buf.join('\n') + '\n');
      buf = [];
    }
  }
  fs.writeSync(fd, buf.join('\n') + (buf.length ? '\n' : ''));
  fs.closeSync(fd);
}

/** 1M records of FE1 counts; `quoted`: as R's write.csv writes them (header and text quoted). */
function validateCsv(n, quoted) {
  const file = path.join(DIR, `validate-${n}-${quoted ? 'quoted' : 'plain'}.csv`);
  if (fs.existsSync(file)) return file;
  const q = (s) => (quoted ? `"${s}"` : s);
  const rand = rng(42);
  writeLines(file, ['地区', ...VALIDATE_ITEMS].map(q).join(','), n, (i) => {
    const births = 50 + Math.floor(rand() * 900);
    const male = Math.round(births * (0.5 + rand() * 0.04));
    const infant = Math.floor(rand() * 6);
    const low = rand() < 0.02 ? 'NA' : String(Math.round(births * 0.04));
    const female = births - male + (rand() < 0.001 ? 1 : 0);
    return `${q(`村${i}`)},${births},${male},${female},${Math.floor(infant / 2)},${infant},${infant + 1},${low},${Math.round(births * 0.95)}`;
  });
  return file;
}

function rulesCsv() {
  const file = path.join(DIR, 'rules-8.csv');
  const cell = (s) => `"${s.replace(/"/g, '""')}"`;
  fs.writeFileSync(
    file,
    ['编号,规则,级别,说明', ...RULES.map(([id, r]) => `${id},${cell(r)},强制,${id}`)].join('\n') +
      '\n',
  );
  return file;
}

/** 50,000 × 32 numbers with a header row, written by exceljs's streaming writer. */
async function inspectXlsx(rows) {
  const file = path.join(DIR, `inspect-${rows}x32.xlsx`);
  if (fs.existsSync(file)) return file;
  const ExcelJS = require('exceljs');
  const items = require(path.join(ROOT, 'profiles', 'lianggang-2021-2030', 'forms.json'));
  const forms = Array.isArray(items) ? items : items.forms;
  const names = forms.flatMap((f) => f.items.map((i) => i.name)).slice(0, 31);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('数据');
  ws.addRow(['地区', ...names]).commit();
  const rand = rng(7);
  for (let i = 0; i < rows; i++) {
    const r = [`单位${i}`];
    for (let j = 0; j < 31; j++) r.push(Math.floor(rand() * 1000));
    ws.addRow(r).commit();
  }
  ws.commit();
  await wb.commit();
  return file;
}

/** 10 × 100 × 100 villages with 12-digit codes, in the five forms: five CSVs and one .xlsx. */
async function reportData(scale) {
  const perLevel = Math.max(2, Math.round(100 * Math.sqrt(scale)));
  const tag = `${10 * perLevel * perLevel}`;
  const csvs = [1, 2, 3, 4, 5].map((k) => path.join(DIR, `report-${tag}-FE${k}.csv`));
  const xlsx = path.join(DIR, `report-${tag}.xlsx`);
  if (csvs.every((f) => fs.existsSync(f)) && fs.existsSync(xlsx))
    return { csvs, xlsx, villages: 10 * perLevel * perLevel };
  const formsJson = require(path.join(ROOT, 'profiles', 'lianggang-2021-2030', 'forms.json'));
  const forms = Array.isArray(formsJson) ? formsJson : formsJson.forms;
  const units = [];
  for (let c = 0; c < 10; c++)
    for (let t = 1; t <= perLevel; t++)
      for (let v = 1; v <= perLevel; v++)
        units.push([
          `4512${81 + c}${String(t).padStart(3, '0')}${String(v).padStart(3, '0')}`,
          `${81 + c}县${t}乡${v}村`,
        ]);
  const ExcelJS = require('exceljs');
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: xlsx });
  for (const [k, form] of forms.slice(0, 5).entries()) {
    const rand = rng(100 + k);
    const header = ['区划代码', '地区', ...form.items.map((i) => i.name)];
    const values = () => form.items.map(() => Math.floor(rand() * 200) + 1);
    const rows = units.map(([code, name]) => [code, name, ...values()]);
    writeLines(csvs[k], header.join(','), rows.length, (i) => rows[i].join(','));
    const ws = wb.addWorksheet(form.name);
    ws.addRow(header).commit();
    for (const r of rows) ws.addRow(r).commit();
    ws.commit();
  }
  await wb.commit();
  return { csvs, xlsx, villages: units.length };
}

/**
 * The same 10 × 100 × 100 villages with forms as a real area sends them: each village repeats
 * the values of one of the sample's townships (village i takes township i mod 15), so the forms
 * are as consistent as the sample's, which has four planted errors and one warning among its
 * fifteen townships. The random data above fail about ten checks per village: the worst case.
 */
async function reportCleanData(scale) {
  const perLevel = Math.max(2, Math.round(100 * Math.sqrt(scale)));
  const tag = `${10 * perLevel * perLevel}-clean`;
  const csvs = [1, 2, 3, 4, 5].map((k) => path.join(DIR, `report-${tag}-FE${k}.csv`));
  if (csvs.every((f) => fs.existsSync(f))) return { csvs };
  // The sample's values by form, unit and item, as tally export reads them.
  const exported = path.join(DIR, 'sample-long.csv');
  fs.rmSync(exported, { force: true });
  const r = spawnSync(
    process.execPath,
    [
      TALLY,
      'export',
      path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx'),
      '--csv',
      exported,
    ],
    { encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`tally export failed: ${r.stderr}`);
  const { parse } = require('csv-parse/sync');
  const long = parse(fs.readFileSync(exported, 'utf8').replace(/^\uFEFF/, ''), { columns: true });
  const forms = new Map(); // form → { items: [name], units: Map(unit → Map(name → value)) }
  for (const row of long) {
    if (!forms.has(row.form)) forms.set(row.form, { items: [], units: new Map() });
    const f = forms.get(row.form);
    if (!f.items.includes(row.item_name)) f.items.push(row.item_name);
    if (!f.units.has(row.unit)) f.units.set(row.unit, new Map());
    f.units.get(row.unit).set(row.item_name, row.value);
  }
  [...forms.values()].slice(0, 5).forEach((f, k) => {
    const templates = [...f.units.values()];
    const header = ['区划代码', '地区', ...f.items].join(',');
    writeLines(csvs[k], header, 10 * perLevel * perLevel, (i) => {
      const c = Math.floor(i / (perLevel * perLevel));
      const t = Math.floor(i / perLevel) % perLevel;
      const v = i % perLevel;
      const code = `4512${81 + c}${String(t + 1).padStart(3, '0')}${String(v + 1).padStart(3, '0')}`;
      const values = templates[i % templates.length];
      return [
        code,
        `${81 + c}县${t + 1}乡${v + 1}村`,
        ...f.items.map((n) => values.get(n) ?? ''),
      ].join(',');
    });
  });
  return { csvs };
}

/**
 * The consistent villages as townships send them: one CSV per township and form (each with the
 * header row), in a folder of their own — 1,000 townships × 5 forms = 5,000 files at scale 1.
 */
async function townshipFiles(scale) {
  const { csvs } = await reportCleanData(scale);
  const perLevel = Math.max(2, Math.round(100 * Math.sqrt(scale)));
  const dir = path.join(DIR, `townships-${10 * perLevel * perLevel}`);
  const done = path.join(dir, '.complete');
  if (fs.existsSync(done)) return dir;
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  csvs.forEach((csv, k) => {
    const [header, ...lines] = fs
      .readFileSync(csv, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    for (let t = 0; t * perLevel < lines.length; t++) {
      const rows = lines.slice(t * perLevel, (t + 1) * perLevel);
      const name = `FE${k + 1}-${String(t + 1).padStart(4, '0')}.csv`;
      fs.writeFileSync(path.join(dir, name), `${header}\n${rows.join('\n')}\n`);
    }
  });
  fs.writeFileSync(done, '');
  return dir;
}

// ------------------------------------------------------------------------------------------
// Measuring

/** One run under /usr/bin/time: wall seconds, peak RSS in MB, or the failure. */
function measure(cmd, args, opts = {}) {
  const timeFile = path.join(DIR, 'time.txt');
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M', '-o', timeFile, cmd, ...args], {
    cwd: opts.cwd ?? ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 30,
    env: { ...process.env, ...(opts.env ?? {}) },
  });
  const [wall, kb] = fs
    .readFileSync(timeFile, 'utf8')
    .trim()
    .split('\n')
    .pop()
    .split(' ')
    .map(Number);
  const okCodes = opts.okCodes ?? [0];
  if (!okCodes.includes(r.status)) {
    const first =
      (r.stderr || r.stdout || '')
        .split('\n')
        .find((l) => l.trim() && !/^Command exited/.test(l)) ?? `exit ${r.status}`;
    return { failed: first.slice(0, 160), wall, mb: kb / 1024 };
  }
  return { wall, mb: kb / 1024 };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function summarise(runs) {
  const failed = runs.find((r) => r.failed);
  if (failed) return { failed: failed.failed, wall: failed.wall, mb: failed.mb };
  return { wall: median(runs.map((r) => r.wall)), mb: median(runs.map((r) => r.mb)) };
}

function have(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0;
}

const PY = fs.existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
const peers = {
  r: () => have('Rscript', ['-e', 'suppressMessages(library(validate))']),
  rBase: () => have('Rscript', ['-e', 'invisible(1)']),
  pandas: () => have(PY, ['-c', 'import pandas, openpyxl']),
  duckdb: () => have('duckdb', ['-c', 'select 1']),
};

function peerScript(name, body) {
  const file = path.join(DIR, name);
  fs.writeFileSync(file, body);
  return file;
}

/** The 8 rules of bench-validate.js in R, over columns v1…v8 of the CSV. */
const R_RULES = [
  'v2 + v3 == v1',
  'v4 <= v5',
  'v5 <= v6',
  'v7 <= v1',
  'v8 <= v1 * 1.05',
  'v1 < 200 | (v2/v3*100 >= 95 & v2/v3*100 <= 125)',
  'v1 < 200 | v5/v1*1000 <= 20',
  'ifelse(is.na(v7), v1 > 0, round(v7/v1*100, 1) < 15)',
];
const R_READ = (file) =>
  `d <- read.csv(${JSON.stringify(file)})\nnames(d) <- c("unit", paste0("v", 1:8))\n`;

/**
 * The R peer: the validate package (read.csv + confront), as the issue measured it; where only R
 * itself is installed (Debian has no package of validate), base R evaluating the same rules as
 * vectors and counting passes, fails and NAs — no slower than confront, so the ratio is not
 * flattered. Labelled as what it is.
 */
const rPeer = (() => {
  let kind;
  const which = () => (kind ??= peers.r() ? 'validate' : peers.rBase() ? 'base' : 'none');
  return {
    get label() {
      return which() === 'base' ? 'base R (read.csv + the rules as vectors)' : 'R validate';
    },
    available: () => which() !== 'none',
    script: (file) =>
      which() === 'validate'
        ? `suppressMessages(library(validate))\n${R_READ(file)}rules <- validator(${R_RULES.join(', ')})\nprint(summary(confront(d, rules)))\n`
        : `${R_READ(file)}r <- with(d, list(${R_RULES.join(', ')}))\nprint(sapply(r, function(x) c(pass = sum(x, na.rm = TRUE), fail = sum(!x, na.rm = TRUE), na = sum(is.na(x)))))\n`,
  };
})();

// ------------------------------------------------------------------------------------------
// Rows

async function rows(scale) {
  const n = Math.max(1000, Math.round(1_000_000 * scale));
  const inspectRows = Math.max(500, Math.round(50_000 * scale));
  const node = process.execPath;
  const out = [];
  const reader = (which, file) => [
    node,
    [path.join(__dirname, 'bench.js'), '--child', which, file],
  ];

  out.push({
    id: 'validate',
    label: `tally validate ${fmtN(n)} × 8 rules, CSV quoted (R's write.csv)`,
    tally: async () => [
      node,
      [TALLY, 'validate', validateCsv(n, true), '--rules', rulesCsv(), '--json'],
      { okCodes: [0, 1] },
    ],
    peer: rPeer.label,
    peerAvailable: rPeer.available,
    peerCmd: async () => [
      'Rscript',
      [peerScript('validate.R', rPeer.script(validateCsv(n, true)))],
    ],
  });
  out.push({
    id: 'validate-plain',
    label: `tally validate ${fmtN(n)} × 8 rules, CSV unquoted`,
    tally: async () => [
      node,
      [TALLY, 'validate', validateCsv(n, false), '--rules', rulesCsv(), '--json'],
      { okCodes: [0, 1] },
    ],
    peer: rPeer.label,
    peerAvailable: rPeer.available,
    peerCmd: async () => [
      'Rscript',
      [peerScript('validate-plain.R', rPeer.script(validateCsv(n, false)))],
    ],
  });
  out.push({
    id: 'inspect',
    label: `tally inspect ${fmtN(inspectRows)} × 32 .xlsx`,
    tally: async () => [node, [TALLY, 'inspect', await inspectXlsx(inspectRows), '--json']],
    peer: 'pandas + openpyxl',
    peerAvailable: peers.pandas,
    peerCmd: async () => [
      PY,
      [
        '-c',
        `import pandas as pd\nd = pd.read_excel(${JSON.stringify(await inspectXlsx(inspectRows))}, engine="openpyxl")\nprint(d.shape)`,
      ],
    ],
  });
  // The forms (`ds`, one data frame each) merged by unit and summed by township and county.
  const pooled =
    'd = ds[0]\nfor x in ds[1:]: d = d.merge(x, on=["区划代码", "地区"])\nnum = d.select_dtypes("number")\nfor n in (6, 9):\n    g = num.groupby(d["区划代码"].str[:n]).sum()\n    print(len(g), (g["婴儿死亡数"] / g["活产数"] * 1000).round(2).head(1).tolist())\n';
  const groupby = (files) =>
    `import pandas as pd\nfs = ${JSON.stringify(files)}\nds = [pd.read_csv(f, dtype={"区划代码": str}) for f in fs]\n${pooled}`;
  out.push({
    id: 'report-csv',
    label: `tally report, villages (10 × 100 × 100) in the five forms, CSV`,
    tally: async () => [
      node,
      [
        TALLY,
        'report',
        ...(await reportData(scale)).csvs,
        '--period',
        '2025',
        '--out',
        path.join(DIR, 'out-csv.xlsx'),
        '--json',
      ],
      { okCodes: [0, 1] },
    ],
    peer: 'pandas groupby (CSV)',
    peerAvailable: peers.pandas,
    peerCmd: async () => [PY, ['-c', groupby((await reportData(scale)).csvs)]],
  });
  out.push({
    id: 'report-clean',
    label: `tally report, villages (10 × 100 × 100), forms as consistent as the sample's, CSV`,
    tally: async () => [
      node,
      [
        TALLY,
        'report',
        ...(await reportCleanData(scale)).csvs,
        '--period',
        '2025',
        '--out',
        path.join(DIR, 'out-clean.xlsx'),
        '--json',
      ],
      { okCodes: [0, 1] },
    ],
    peer: 'pandas groupby (CSV)',
    peerAvailable: peers.pandas,
    peerCmd: async () => [PY, ['-c', groupby((await reportCleanData(scale)).csvs)]],
  });
  out.push({
    id: 'report-files',
    label: `tally report, the consistent villages in one CSV per township and form (5,000 files)`,
    tally: async () => [
      node,
      [
        TALLY,
        'report',
        await townshipFiles(scale),
        '--period',
        '2025',
        '--out',
        path.join(DIR, 'out-files.xlsx'),
        '--json',
      ],
      { okCodes: [0, 1] },
    ],
    peer: 'pandas groupby (the same CSVs, concatenated per form)',
    peerAvailable: peers.pandas,
    peerCmd: async () => {
      const dir = await townshipFiles(scale);
      return [
        PY,
        [
          '-c',
          `import glob, pandas as pd\nds = [pd.concat([pd.read_csv(f, dtype={"区划代码": str}) for f in sorted(glob.glob(${JSON.stringify(dir)} + f"/FE{k}-*.csv"))]) for k in range(1, 6)]\n${pooled}`,
        ],
      ];
    },
  });
  out.push({
    id: 'export',
    label: `tally export --parquet, villages (10 × 100 × 100), consistent forms, CSV`,
    tally: async () => {
      const file = path.join(DIR, 'out-clean.parquet');
      return [
        node,
        [
          TALLY,
          'export',
          ...(await reportCleanData(scale)).csvs,
          '--period',
          '2025',
          '--parquet',
          file,
        ],
        { okCodes: [0] },
      ];
    },
    peer: 'pandas melt + to_parquet (pyarrow)',
    peerAvailable: () => false,
    peerCmd: async () => undefined,
  });
  out.push({
    id: 'report-xlsx',
    label: `tally report, villages (10 × 100 × 100) in the five forms, .xlsx`,
    tally: async () => [
      node,
      [
        TALLY,
        'report',
        (await reportData(scale)).xlsx,
        '--period',
        '2025',
        '--out',
        path.join(DIR, 'out-xlsx.xlsx'),
        '--json',
      ],
      { okCodes: [0, 1] },
    ],
    peer: 'pandas + openpyxl groupby',
    peerAvailable: peers.pandas,
    peerCmd: async () => {
      const { xlsx } = await reportData(scale);
      return [
        PY,
        [
          '-c',
          `import pandas as pd\nds = list(pd.read_excel(${JSON.stringify(xlsx)}, sheet_name=None, engine="openpyxl", dtype={"区划代码": str}).values())\nd = ds[0]\nfor x in ds[1:]: d = d.merge(x, on=["区划代码", "地区"])\nnum = d.select_dtypes("number")\nfor n in (6, 9):\n    g = num.groupby(d["区划代码"].str[:n]).sum()\n    print(len(g))\n`,
        ],
      ];
    },
  });
  for (const quoted of [true, false]) {
    out.push({
      id: quoted ? 'read-csv' : 'read-csv-plain',
      label: `reader alone: ${fmtN(n)}-record CSV ${quoted ? 'quoted' : 'unquoted'} → columns`,
      tally: async () => reader('csv-columnar', validateCsv(n, quoted)),
      peer: "today's parseCsv",
      peerAvailable: () => true,
      peerCmd: async () => reader('csv-today', validateCsv(n, quoted)),
    });
  }
  out.push({
    id: 'read-xlsx',
    label: `reader alone: ${fmtN(inspectRows)} × 32 .xlsx → columns`,
    tally: async () => reader('xlsx-columnar', await inspectXlsx(inspectRows)),
    peer: "today's parseXlsx",
    peerAvailable: () => true,
    peerCmd: async () => reader('xlsx-today', await inspectXlsx(inspectRows)),
  });
  return out;
}

/** `--child WHICH FILE`: read one file with one reader and exit (measured from outside). */
async function child([which, file]) {
  const bytes = fs.readFileSync(file); // a Buffer is a Uint8Array: no second copy
  const lib = path.join(ROOT, 'lib', 'xlsx');
  let cells = 0;
  if (which === 'csv-columnar')
    cells = require(path.join(lib, 'csv-columnar')).parseCsvColumnar(bytes, file).sheets[0]
      .rowCount;
  else if (which === 'csv-today')
    cells = require(path.join(lib, 'parse')).parseCsv(bytes, file).sheets[0].rows.length;
  else if (which === 'xlsx-columnar')
    cells = require(path.join(lib, 'xlsx-columnar')).parseXlsxColumnar(bytes, file).sheets[0]
      .rowCount;
  else if (which === 'xlsx-today')
    cells = (await require(path.join(lib, 'parse')).parseXlsx(bytes, file)).sheets[0].rows.length;
  else throw new Error(`unknown reader ${which}`);
  process.stdout.write(`${cells} rows\n`);
}

function cell(s) {
  if (!s) return '—';
  const t = `${s.wall.toFixed(2)} s, ${fmtN(s.mb)} MB`;
  return s.failed ? `failed: ${s.failed} (after ${t})` : t;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  if (args.child) return child(args.child);
  if (args.help) {
    process.stdout.write(
      'npm run bench -- [--rows validate,validate-plain,inspect,report-csv,report-clean,report-files,export,report-xlsx,read-csv,read-csv-plain,read-xlsx] [--scale 0.1] [--runs 3]\n',
    );
    return;
  }
  fs.mkdirSync(DIR, { recursive: true });
  const all = await rows(args.scale);
  const chosen = args.rows ? all.filter((r) => args.rows.includes(r.id)) : all;
  process.stdout.write(
    `Tally bench — scale ${args.scale}, median of ${args.runs}, ${os.cpus().length} cores, node ${process.version}\n\n`,
  );
  process.stdout.write('| work | Tally | peer | peer figures | ratio |\n|---|---|---|---|---|\n');
  for (const row of chosen) {
    process.stderr.write(`${row.id}: preparing data…\n`);
    const [tc, ta, topts] = await row.tally();
    const peerOk = row.peerAvailable();
    const peer = peerOk ? await row.peerCmd() : undefined;
    const tRuns = [];
    const pRuns = [];
    for (let i = 0; i < args.runs; i++) {
      process.stderr.write(`${row.id}: run ${i + 1}/${args.runs}\n`);
      tRuns.push(measure(tc, ta, topts));
      if (peer) pRuns.push(measure(peer[0], peer[1], peer[2]));
    }
    const t = summarise(tRuns);
    const p = peer ? summarise(pRuns) : undefined;
    const ratio = p && !p.failed && !t.failed ? (t.wall / p.wall).toFixed(2) : '—';
    process.stdout.write(
      `| ${row.label} | ${cell(t)} | ${row.peer} | ${peer ? cell(p) : 'not installed'} | ${ratio} |\n`,
    );
  }
}

main().catch((e) => {
  process.stderr.write(`${e.stack ?? e}\n`);
  process.exit(1);
});
