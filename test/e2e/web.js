#!/usr/bin/env node
'use strict';
// Functions passed to page.evaluate and page.waitForFunction run in the page:
/* global document, window, performance, fetch */
/**
 * Browser tests of the web page (网页版, src/web; `npm run test:e2e` runs them after run.js).
 *
 *  1. Build the page's two configurations (webpack.config.js webConfigs) into
 *     test-results/e2e-web/web/ — or, with TALLY_WEB_DIR=dist/web, test that folder as built.
 *  2. Serve it with scripts/serve-web.js (what `npm run web` runs) on a free localhost port and
 *     open index.html in Debian's Chromium (playwright-core). Every request is intercepted: one
 *     for another origin is a failure and is refused.
 *  3. Scenarios, on real files (no fake Excel):
 *     - sample:     the bundled sample (青川市 2025, one workbook) as this period's file and 2024
 *                   as last period's, through the `current-files` / `prior-files` inputs; 审核
 *                   (findings by sheet and rule, each naming file, sheet, cells and values, in
 *                   the worker); an explanation typed; `make-report` downloads the report
 *                   workbook, whose 指标汇总 figures are checked against a hand calculation
 *                   (W07) and against `tally report --json` on the same two files, indicator by
 *                   indicator; the Word report, the findings export and a marked copy
 *                   downloaded and read; the inputs' bytes unchanged; no request off the
 *                   page's origin, and the Content-Security-Policy refuses one when tried.
 *     - townships:  a folder of township files (the sample split one workbook per township,
 *                   written here with exceljs) picked through the folder input: the same
 *                   figure as the one workbook.
 *     - targets:    the office's 指标目标 table (test/fixtures/targets/good.csv) as a third input:
 *                   every status as `tally report --targets` gives it.
 *     - unreadable: a corrupt .xlsx, a renamed text file and an encrypted workbook: each named
 *                   in an error note, nothing added, the page still works.
 *     - file:       index.html opened from disk (file://): the worker starts and the audit runs.
 *     - english:    the page in English for an English browser.
 *     - large:      a workbook of 100,000 townships (exceljs's streaming writer), audited in the
 *                   worker with progress; the report's figures by hand.
 *     Screenshots go to test-results/web-*.png. The page's first render (a performance mark,
 *     from navigation) is printed: a figure for the record, not asserted.
 * Prints one PASS or FAIL line per scenario; exits non-zero on failure.
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawnSync } = require('node:child_process');
const webpack = require('webpack');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');
const { strFromU8, unzipSync } = require('fflate');
const { webConfigs } = require('../../webpack.config.js');
const { serveStatic } = require('../../scripts/serve-web.js');
const { checkBundle, officeInWeb } = require('../../scripts/check-bundle.js');

const ROOT = path.resolve(__dirname, '../..');
const RESULTS = path.join(ROOT, 'test-results');
const BUILD_DIR = path.join(RESULTS, 'e2e-web'); // ignored by git
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = 60_000;
const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const SAMPLE_PRIOR = path.join(ROOT, 'samples', '2024年青川市两纲监测数据.xlsx');
const UNREADABLE = path.join(ROOT, 'test', 'fixtures', 'unreadable');
const RED = 'FFFFC7CE';

/**
 * W07 村委会成员中女性比例, by hand from the sample's 民政 sheet (rows 4–18, columns C and D):
 * women on village committees 0+0+3+22+19+25+21+17+19+9+17+13+9+7+9 = 190, members
 * 0+0+10+84+60+77+70+63+63+40+56+42+36+30+30 = 661 (the sheet's own 合计 row says 651: typed
 * 10 short, and not used). 190 / 661 × 100 = 28.744… → 28.74 (%).
 */
const W07 = { id: 'W07', numerator: 190, denominator: 661, value: 28.74 };

class Checks {
  constructor(name) {
    this.name = name;
    this.failures = [];
  }
  ok(cond, message) {
    if (!cond) this.failures.push(message);
  }
  eq(actual, expected, message) {
    const a = JSON.stringify(actual);
    const e = JSON.stringify(expected);
    if (a !== e) this.failures.push(`${message}: got ${a}, expected ${e}`);
  }
}

function build() {
  return new Promise((resolve, reject) => {
    const configs = webConfigs({ outDir: BUILD_DIR }).map((f) => f({}, { mode: 'production' }));
    webpack(configs, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) {
        return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      }
      resolve(path.join(BUILD_DIR, 'web'));
    });
  });
}

const sha256 = (file) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

/** `tally report --json` on the same files (the CLI compiled to lib/ by npm ci's prepare). */
function cliReport(files, prior, extra = []) {
  if (!fs.existsSync(path.join(ROOT, 'lib', 'cli', 'main.js'))) {
    const b = spawnSync('npx', ['tsc', '-p', 'tsconfig.cli.json'], { cwd: ROOT, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('npm run build:cli failed');
  }
  const r = spawnSync(
    process.execPath,
    [path.join(ROOT, 'bin', 'tally.js'), 'report', ...files, '--prior', prior, ...extra, '--json'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0 && r.status !== 1) {
    throw new Error(`tally report --json exited ${r.status}: ${r.stderr}`);
  }
  return JSON.parse(r.stdout);
}

/** A page of the site; requests off its origin refused and counted; errors collected. */
async function openPage(browser, url, checks, opts = {}) {
  const context = await browser.newContext({
    acceptDownloads: true,
    locale: opts.locale ?? 'zh-CN',
    viewport: { width: 1100, height: 1000 },
  });
  const page = await context.newPage();
  const offOrigin = [];
  const own = [];
  page.on('pageerror', (e) => checks.failures.push(`error in the page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !opts.allowConsole?.test(m.text()))
      checks.failures.push(`console error: ${m.text()}`);
  });
  // Workers' requests too (the context, not only the page).
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    const sameOrigin = url.startsWith('file:') ? u.startsWith('file:') : u.startsWith(`${origin}/`);
    if (sameOrigin || u.startsWith('blob:') || u.startsWith('data:')) {
      own.push(u);
      return route.continue();
    }
    offOrigin.push(u);
    return route.abort('blockedbyclient');
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(url);
  await page
    .locator('[data-testid="current-files"]')
    .waitFor({ state: 'attached', timeout: TIMEOUT });
  return { page, context, offOrigin, own };
}

/** Click, and wait until the page has a note of this action and is no longer busy. */
async function act(page, testId, timeout = TIMEOUT) {
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  await page.getByTestId(testId).first().click();
  await idle(page, timeout);
}

function idle(page, timeout = TIMEOUT) {
  return page.waitForFunction(
    () =>
      document.querySelector('[data-testid="note"]:not([data-stale])') &&
      !document.querySelector('[data-testid="progress"]') &&
      document.querySelector('main')?.getAttribute('aria-busy') === 'false',
    null,
    { timeout },
  );
}

/** Give files to an input and wait until the page has read them (listed, or a note). */
async function give(page, testId, files, expectListed) {
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  await page.getByTestId(testId).setInputFiles(files);
  await page.waitForFunction(
    ([names]) =>
      names.every((n) => document.querySelector(`[data-testid="file"][data-file="${n}"]`)) &&
      document.querySelector('main')?.getAttribute('aria-busy') === 'false',
    [expectListed],
    { timeout: TIMEOUT },
  );
}

/** Click something that downloads a file; the saved file's name and bytes. */
async function download(page, locator, timeout = TIMEOUT) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout }), locator.click()]);
  const bytes = fs.readFileSync(await d.path());
  return { name: d.suggestedFilename(), url: d.url(), bytes };
}

async function workbookOf(bytes) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

const cellValue = (v) => (v && typeof v === 'object' && 'result' in v ? v.result : v);

/** 指标汇总's rows by indicator id: { value, prior, numerator, denominator } from its header. */
function summaryRows(wb) {
  const ws = wb.getWorksheet('指标汇总');
  if (!ws) return undefined;
  let cols;
  const rows = new Map();
  ws.eachRow((row) => {
    const values = row.values.map(cellValue);
    if (!cols && values.includes('编号') && values.includes('数值')) {
      cols = Object.fromEntries(
        ['编号', '数值', '上年', '分子', '分母', '目标', '达标情况'].map((h) => [
          h,
          values.indexOf(h),
        ]),
      );
      return;
    }
    if (!cols) return;
    const id = values[cols['编号']];
    if (typeof id !== 'string' || !/^[WC]\d\d$/.test(id)) return;
    const num = (h) =>
      cols[h] > 0 && typeof values[cols[h]] === 'number' ? values[cols[h]] : null;
    rows.set(id, {
      value: num('数值'),
      prior: num('上年'),
      numerator: num('分子'),
      denominator: num('分母'),
      target: values[cols['目标']] ?? null,
      status: values[cols['达标情况']] ?? null,
      idColumn: cols['编号'],
      valueColumn: cols['数值'],
    });
  });
  return rows;
}

/** The report's figures equal the CLI's, indicator by indicator. */
function sameFigures(c, rows, json, what) {
  c.ok(
    rows && rows.size === json.indicators.length,
    `${what}: ${rows?.size} rows for ${json.indicators.length} indicators`,
  );
  if (!rows) return;
  for (const i of json.indicators) {
    const r = rows.get(i.id);
    if (!r) {
      c.failures.push(`${what}: no row for ${i.id}`);
      continue;
    }
    c.eq(
      [r.value, r.prior, r.numerator, r.denominator],
      [i.value, i.prior, i.numerator, i.denominator],
      `${what}: ${i.id} (value, prior, numerator, denominator) as tally report --json`,
    );
  }
}

async function shot(page, name) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, name), fullPage: true });
}

function finding(page, rule, unit) {
  return page.locator(`[data-testid="finding"][data-rule="${rule}"][data-unit="${unit}"]`);
}

const noteTexts = (page) => page.getByTestId('note-text').allInnerTexts();

async function scenarioSample(ctx) {
  const c = new Checks('web sample');
  const before = [sha256(SAMPLE), sha256(SAMPLE_PRIOR)];
  const { page, context, offOrigin, own } = await openPage(ctx.browser, `${ctx.origin}/`, c, {
    // The probe below: Chromium says on the console that the CSP refused it.
    allowConsole: /example\.org\/probe/,
  });
  ctx.timings.push(
    await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      rendered: performance.getEntriesByName('tally-pane-rendered')[0]?.startTime,
    })),
  );
  const csp = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  c.ok(
    /connect-src 'none'/.test(csp ?? '') && /default-src 'none'/.test(csp ?? ''),
    `the page's CSP: ${csp}`,
  );
  c.eq(await page.title(), 'Tally 统计审核（网页版）', 'the page title (Chinese first)');
  c.ok(
    (await page.getByTestId('privacy').innerText()).includes('不向任何服务器发送数据'),
    'the page says nothing leaves the machine',
  );

  await give(page, 'current-files', [SAMPLE], [path.basename(SAMPLE)]);
  await give(page, 'prior-files', [SAMPLE_PRIOR], [path.basename(SAMPLE_PRIOR)]);
  await shot(page, 'web-files.png');

  // 审核
  await act(page, 'audit');
  c.eq(
    await page.getByTestId('results').getAttribute('data-engine'),
    'worker',
    'the audit ran in the worker',
  );
  const count = async (id) => Number(await page.getByTestId(id).getAttribute('data-count'));
  const errors = await count('count-errors');
  const warnings = await count('count-warnings');
  c.eq(errors, 4, 'errors of the sample (as tally validate finds)');
  c.eq(warnings, 1, 'warnings of the sample');
  const fe1 = finding(page, 'FE1-01', '石门镇');
  c.eq(await fe1.getAttribute('data-severity'), 'error', 'FE1-01 石门镇 is an error');
  c.eq(
    await fe1.getByTestId('finding-message').innerText(),
    '男婴活产数（198）与女婴活产数（187）之和不等于活产数（358）',
    'FE1-01 message',
  );
  const place = await fe1.getByTestId('finding-place').innerText();
  c.ok(
    place.startsWith(`${path.basename(SAMPLE)} 妇幼卫生!`) &&
      /（198）/.test(place) &&
      /（358）/.test(place),
    `FE1-01 names the file, sheet, cells and values: ${place}`,
  );
  // An explanation of the warning, typed on the page.
  const x01 = finding(page, 'X-01', '龙潭镇');
  c.eq(await x01.getAttribute('data-severity'), 'warning', 'X-01 龙潭镇 is a warning');
  await x01.getByTestId('explanation-input').fill('本年有外地居民在龙潭镇登记结婚，已核实');
  await x01.getByTestId('explanation-save').click();
  await x01.getByTestId('explained').waitFor({ timeout: TIMEOUT });
  c.eq(await count('count-explained'), 1, 'the warning counts as explained');
  await shot(page, 'web-audit.png');

  // The report workbook (make-report), its figures by hand and as the CLI computes them.
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const report = await download(page, page.getByTestId('make-report'));
  await idle(page);
  fs.writeFileSync(path.join(RESULTS, 'web-report.xlsx'), report.bytes);
  c.ok(report.url.startsWith('blob:'), `the report is made in the page (${report.url})`);
  c.eq(report.name, '青川市2025年妇女儿童发展纲要监测统计评估报告.xlsx', 'the report file name');
  const wb = await workbookOf(report.bytes);
  const names = wb.worksheets.map((w) => w.name);
  for (const s of ['指标汇总', '分单位指标', '监测报告', '数据质量说明'])
    c.ok(names.includes(s), `the report has ${s} (${names.join(', ')})`);
  const rows = summaryRows(wb);
  const w07 = rows?.get(W07.id);
  c.ok(w07 && w07.valueColumn > w07.idColumn, 'W07: the value is in a later cell of its row');
  c.eq(
    w07 && [w07.value, w07.numerator, w07.denominator],
    [W07.value, W07.numerator, W07.denominator],
    'W07 村委会成员中女性比例 = 190 / 661 (by hand)',
  );
  sameFigures(c, rows, ctx.cli, 'the downloaded report');
  // 数据质量说明: a sheet of its own, with the explanation typed on the page.
  const textOf = (name) => {
    const lines = [];
    wb.getWorksheet(name)?.eachRow((row) =>
      lines.push(row.values.filter((v) => typeof v === 'string').join(' ')),
    );
    return lines;
  };
  const quality = textOf('数据质量说明');
  c.ok(
    quality.some((t) => t.includes('数据质量')),
    'the report has its data-quality sheet',
  );
  c.ok(
    quality.some((t) => t.includes('本年有外地居民在龙潭镇登记结婚')),
    'the typed explanation is in the data-quality sheet',
  );
  const chart = Object.keys(unzipSync(new Uint8Array(report.bytes))).filter((f) =>
    f.startsWith('xl/charts/chart'),
  );
  c.ok(chart.length >= 1, `the report has a chart (${chart.join(', ')})`);

  // The Word report.
  const docx = await download(page, page.locator('a[data-testid="download-docx"]'));
  c.eq(docx.name, '青川市2025年妇女儿童发展纲要监测统计评估报告.docx', 'the Word file name');
  const xml = strFromU8(
    unzipSync(new Uint8Array(docx.bytes))['word/document.xml'] ?? new Uint8Array(),
  );
  c.ok(
    xml.includes('附件') && xml.includes('<w:tbl>') && xml.includes('28.74'),
    'the Word report has the annex with W07',
  );

  // The findings export, for the townships.
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const exported = await download(page, page.getByTestId('export'));
  await idle(page);
  const ex = await workbookOf(exported.bytes);
  c.ok(
    ex.worksheets.length >= 2,
    `the findings export: ${exported.name}, ${ex.worksheets.map((w) => w.name)}`,
  );

  // A marked copy of the input.
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const copy = await download(
    page,
    page.locator(`[data-testid="marked-copy"][data-file="${path.basename(SAMPLE)}"]`),
  );
  await idle(page);
  const marked = await workbookOf(copy.bytes);
  const original = await workbookOf(fs.readFileSync(SAMPLE));
  c.eq(
    marked.worksheets.map((w) => w.name),
    [...original.worksheets.map((w) => w.name), '审核结果'],
    `the marked copy (${copy.name}) keeps every sheet and adds 审核结果`,
  );
  const fill = (wbk, sheet, cell) => wbk.getWorksheet(sheet)?.getCell(cell).fill?.fgColor?.argb;
  // FE1-01 石门镇 reads 活产数, 男婴, 女婴 on 妇幼卫生's row of 石门镇.
  const ws = marked.getWorksheet('妇幼卫生');
  let redCells = 0;
  ws?.eachRow((row) =>
    row.eachCell((cell) => {
      if (cell.fill?.fgColor?.argb === RED) redCells++;
    }),
  );
  c.ok(redCells >= 3, `cells of the errors are red in the copy (${redCells})`);
  let shimen;
  ws?.eachRow((row, r) => {
    if (row.values.includes('石门镇')) shimen = r;
  });
  const redOnShimen = [];
  ws?.getRow(shimen ?? 0).eachCell((cell) => {
    if (cell.fill?.fgColor?.argb === RED) redOnShimen.push(cell.address);
  });
  c.ok(redOnShimen.length >= 3, `石门镇's births cells are red (${redOnShimen.join(' ')})`);
  c.ok(
    fill(original, '妇幼卫生', redOnShimen[0] ?? 'A1') !== RED,
    'the input itself has no such fill',
  );
  const audit = marked.getWorksheet('审核结果');
  c.eq(
    audit ? audit.actualRowCount - 1 : -1,
    errors + warnings,
    '审核结果 lists the errors and warnings',
  );
  c.eq([sha256(SAMPLE), sha256(SAMPLE_PRIOR)], before, 'the inputs are unchanged');
  await shot(page, 'web-report.png');

  // Nothing left for another origin; the CSP refuses a request when one is tried.
  const tried = await page.evaluate(() =>
    fetch('https://example.org/probe').then(
      () => 'sent',
      () => 'refused',
    ),
  );
  c.eq(tried, 'refused', 'a request to another origin is refused by the page');
  c.eq(offOrigin, [], 'no request left for another origin');
  const violations = await page.evaluate(() => window.__csp);
  c.ok(
    violations.length === 1 && violations[0].includes('example.org'),
    `the CSP's only violation is the probe: ${violations.join('; ')}`,
  );
  c.ok(
    own.every((u) => !u.startsWith('http') || u.startsWith(ctx.origin)),
    'own requests only',
  );
  await context.close();
  return c;
}

/**
 * The sample split one workbook per township, as townships send them: each form's title and
 * header rows, then the township's own row (no 合计 row, no 地区 sheet), written with exceljs.
 */
async function townshipFolder() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-web-townships-'));
  const folder = path.join(dir, '2025年各乡镇报表');
  fs.mkdirSync(folder);
  const sample = await workbookOf(fs.readFileSync(SAMPLE));
  const units = [];
  sample.getWorksheet('地区').eachRow((row, r) => {
    if (r > 2) units.push(String(cellValue(row.getCell(2).value)));
  });
  const rowsOf = (ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: true }, (row) => rows.push(row.values.slice(1).map(cellValue)));
    return rows;
  };
  for (const unit of units) {
    const out = new ExcelJS.Workbook();
    for (const ws of sample.worksheets.filter((w) => w.name !== '地区')) {
      const rows = rowsOf(ws);
      const first = rows.findIndex((r) => r.some((v) => units.includes(v)));
      const copy = out.addWorksheet(ws.name);
      for (const r of [...rows.slice(0, first), ...rows.filter((r) => r.includes(unit))]) {
        copy.addRow(r.map((v) => (v === undefined ? null : v)));
      }
      // The header's merged cells (a two-row header: 活产数 over 合计 / 男 / 女).
      for (const range of ws.model.merges ?? []) {
        const top = Number(/\d+/.exec(range)?.[0]);
        if (top <= first) copy.mergeCells(range);
      }
    }
    fs.writeFileSync(path.join(folder, `${unit}.xlsx`), Buffer.from(await out.xlsx.writeBuffer()));
  }
  // An Excel lock file and a note: not forms, left out of the folder's files.
  fs.writeFileSync(path.join(folder, '~$石门镇.xlsx'), 'lock');
  fs.writeFileSync(path.join(folder, '说明.txt'), '各乡镇报表');
  return { folder, files: units.map((u) => `${u}.xlsx`) };
}

async function scenarioTownships(ctx) {
  const c = new Checks('web townships');
  const { folder, files } = await townshipFolder();
  const { page, context, offOrigin } = await openPage(ctx.browser, `${ctx.origin}/`, c);
  await give(page, 'current-folder', folder, files);
  await give(page, 'prior-files', [SAMPLE_PRIOR], [path.basename(SAMPLE_PRIOR)]);
  c.eq(
    await page.locator('[data-testid="files-current"] [data-testid="file"]').count(),
    files.length,
    `every township's file is listed (${files.length})`,
  );
  await act(page, 'audit');
  c.ok(
    (await finding(page, 'FE1-01', '石门镇').getByTestId('finding-place').innerText()).startsWith(
      '石门镇.xlsx 妇幼卫生!',
    ),
    'FE1-01 names the township file',
  );
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const report = await download(page, page.getByTestId('make-report'));
  await idle(page);
  const rows = summaryRows(await workbookOf(report.bytes));
  const w07 = rows?.get(W07.id);
  c.eq(
    w07 && [w07.value, w07.numerator, w07.denominator],
    [W07.value, W07.numerator, W07.denominator],
    'W07 from the township files = 190 / 661 (by hand)',
  );
  const cli = cliReport(
    files.map((f) => path.join(folder, f)),
    SAMPLE_PRIOR,
  );
  sameFigures(c, rows, cli, 'the township files');
  c.eq(offOrigin, [], 'no request left for another origin');
  await shot(page, 'web-townships.png');
  await context.close();
  fs.rmSync(path.dirname(folder), { recursive: true, force: true });
  return c;
}

/**
 * A births form of 100,000 townships (12 columns, 1.2 million cells), written with exceljs's
 * streaming writer. Township i (0-based) has 90 + i%10 boys and 85 + i%10 girls; every
 * 5,000th (i % 5000 = 17: 20 townships) has 3 births more than boys + girls; 孕产妇系统管理
 * = births − 3; 35-64岁妇女 900, 宫颈癌筛查 600.
 */
async function largeWorkbook(n) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tally-web-large-')), `${n}行.xlsx`);
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file });
  const ws = wb.addWorksheet('妇幼卫生');
  ws.addRow(['2025年妇幼健康监测统计表']).commit();
  ws.addRow([
    '乡镇',
    '活产数',
    '男婴活产数',
    '女婴活产数',
    '孕产妇死亡数',
    '新生儿死亡数',
    '婴儿死亡数',
    '5岁以下儿童死亡数',
    '低出生体重儿数',
    '孕产妇系统管理人数',
    '35-64岁妇女数',
    '宫颈癌筛查人数',
  ]).commit();
  for (let i = 0; i < n; i++) {
    const boys = 90 + (i % 10);
    const girls = 85 + (i % 10);
    const births = boys + girls + (i % 5000 === 17 ? 3 : 0);
    ws.addRow([`乡镇${i + 1}`, births, boys, girls, 0, 0, 1, 1, 5, births - 3, 900, 600]).commit();
  }
  await wb.commit();
  return file;
}

/**
 * By hand, for 100,000 townships: births 175 + 2·(i%10) (+3 for the 20), Σ = 17,500,000 +
 * 2·45·10,000 + 60 = 18,400,060. The 20 whose births do not add up (i%10 = 7: 192 births, 189
 * managed each) are set aside, as the sample's 石门镇 is: births 18,400,060 − 3,840 =
 * 18,396,220, managed (births − 3 each) 18,100,060 − 3,780 = 18,096,280; W02 孕产妇系统管理率 =
 * 18,096,280 / 18,396,220 × 100 = 98.3695… → 98.37. W03 宫颈癌筛查率 = 600 / 900 → 66.67.
 */
const LARGE = { n: 100_000, W02: [98.37, 18_096_280, 18_396_220], W03: 66.67 };

async function scenarioLarge(ctx) {
  const c = new Checks('web 100,000 rows');
  const file = await largeWorkbook(LARGE.n);
  const { page, context, offOrigin } = await openPage(ctx.browser, `${ctx.origin}/`, c);
  const long = 600_000;
  await page.getByTestId('current-files').setInputFiles(file);
  await page.waitForFunction(
    (name) =>
      document.querySelector(`[data-testid="file"][data-file="${name}"]`) &&
      document.querySelector('main')?.getAttribute('aria-busy') === 'false',
    path.basename(file),
    { timeout: long },
  );
  const progress = page.waitForFunction(
    () => document.querySelector('[data-testid="progress"]'),
    null,
    { timeout: long, polling: 50 },
  );
  await act(page, 'audit', long);
  await progress;
  c.eq(await page.getByTestId('results').getAttribute('data-engine'), 'worker', 'in the worker');
  c.eq(
    Number(await page.getByTestId('count-errors').getAttribute('data-count')),
    20,
    'the 20 FE1-01 errors',
  );
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const report = await download(page, page.getByTestId('make-report'), long);
  await idle(page, long);
  const rows = summaryRows(await workbookOf(report.bytes));
  const w02 = rows?.get('W02');
  c.eq(
    w02 && [w02.value, w02.numerator, w02.denominator],
    LARGE.W02,
    'W02 of 100,000 townships (by hand)',
  );
  c.eq(rows?.get('W03')?.value, LARGE.W03, 'W03 of 100,000 townships (by hand)');
  c.eq(offOrigin, [], 'no request left for another origin');
  await shot(page, 'web-large.png');
  await context.close();
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return c;
}

const STATUS_ZH = {
  met: '达标',
  notMet: '未达标',
  notAssessable: '无法评估',
  noData: '无数据',
  noTarget: '仅监测',
};

/** The office's targets table given as a file (the third input): judged as `--targets` is. */
async function scenarioTargets(ctx) {
  const c = new Checks('web targets table');
  const table = path.join(ROOT, 'test', 'fixtures', 'targets', 'good.csv');
  const { page, context, offOrigin } = await openPage(ctx.browser, `${ctx.origin}/`, c);
  await give(page, 'current-files', [SAMPLE], [path.basename(SAMPLE)]);
  await give(page, 'prior-files', [SAMPLE_PRIOR], [path.basename(SAMPLE_PRIOR)]);
  await give(page, 'table-files', [table], ['good.csv']);
  const notes = await noteTexts(page);
  c.ok(
    notes.some((n) => n.includes('good.csv') && n.includes('指标目标')),
    `the table is read as 指标目标: ${notes.join(' | ')}`,
  );
  await act(page, 'audit');
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  const report = await download(page, page.getByTestId('make-report'));
  await idle(page);
  const rows = summaryRows(await workbookOf(report.bytes));
  const cli = cliReport([SAMPLE], SAMPLE_PRIOR, ['--targets', table]);
  for (const i of cli.indicators) {
    c.eq(
      rows?.get(i.id)?.status,
      STATUS_ZH[i.status],
      `${i.id}'s status as tally report --targets`,
    );
  }
  // By hand: W02 94.21 against the table's ≥92% is met; W03 63.47 against 70% is not.
  c.eq(
    [rows?.get('W02')?.value, rows?.get('W02')?.status],
    [94.21, '达标'],
    'W02 against the table',
  );
  c.eq(
    [rows?.get('W03')?.value, rows?.get('W03')?.status],
    [63.47, '未达标'],
    'W03 against the table',
  );
  c.eq(offOrigin, [], 'no request left for another origin');
  await context.close();
  return c;
}

async function scenarioUnreadable(ctx) {
  const c = new Checks('web unreadable');
  const { page, context } = await openPage(ctx.browser, `${ctx.origin}/`, c);
  const bad = ['corrupt.xlsx', 'renamed-text.xlsx', 'encrypted.xlsx'];
  await page.getByTestId('current-files').setInputFiles(bad.map((f) => path.join(UNREADABLE, f)));
  await page.waitForFunction(
    (n) =>
      document.querySelectorAll('[data-testid="note"][data-intent="error"]').length >= n &&
      document.querySelector('main')?.getAttribute('aria-busy') === 'false',
    bad.length,
    { timeout: TIMEOUT },
  );
  const notes = await noteTexts(page);
  for (const f of bad)
    c.ok(
      notes.some((n) => n.includes(f)),
      `${f} is named in a note: ${notes.join(' | ')}`,
    );
  c.ok(
    notes.every((n) => !/\bat .+:\d+:\d+/.test(n)),
    'no stack trace in the notes',
  );
  c.eq(
    await page.locator('[data-testid="files-current"] [data-testid="file"]').count(),
    0,
    'nothing added',
  );
  // The page still works.
  await give(page, 'current-files', [SAMPLE], [path.basename(SAMPLE)]);
  await act(page, 'audit');
  c.eq(
    await finding(page, 'FE1-01', '石门镇').getAttribute('data-severity'),
    'error',
    'the sample audited after',
  );
  await shot(page, 'web-unreadable.png');
  await context.close();
  return c;
}

async function scenarioFile(ctx) {
  const c = new Checks('web file://');
  const url = `file://${path.join(ctx.dir, 'index.html')}`;
  const { page, context, offOrigin } = await openPage(ctx.browser, url, c);
  await give(page, 'current-files', [SAMPLE], [path.basename(SAMPLE)]);
  await act(page, 'audit');
  c.eq(
    await page.getByTestId('results').getAttribute('data-engine'),
    'worker',
    'the worker starts from disk',
  );
  c.eq(
    await finding(page, 'FE1-01', '石门镇').getAttribute('data-severity'),
    'error',
    'FE1-01 found',
  );
  const report = await download(page, page.getByTestId('make-report'));
  const w07 = summaryRows(await workbookOf(report.bytes))?.get(W07.id);
  c.eq(w07?.value, W07.value, 'W07 in the report made from disk');
  c.eq(offOrigin, [], 'no request off the folder');
  await context.close();
  return c;
}

async function scenarioEnglish(ctx) {
  const c = new Checks('web english');
  const { page, context } = await openPage(ctx.browser, `${ctx.origin}/`, c, { locale: 'en-US' });
  c.eq(await page.title(), 'Tally (web)', 'the title in English for an English browser');
  await give(page, 'current-files', [SAMPLE], [path.basename(SAMPLE)]);
  await act(page, 'audit');
  const text = await page.getByTestId('results').innerText();
  c.ok(/error/i.test(text), 'the results in English');
  await shot(page, 'web-english.png');
  await context.close();
  return c;
}

async function main() {
  let browser;
  let server;
  const results = [];
  const timings = [];
  let sizes = [];
  try {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: apt-get install -y chromium, or set CHROMIUM_PATH`);
    }
    const dir = process.env.TALLY_WEB_DIR ? path.resolve(process.env.TALLY_WEB_DIR) : await build();
    const bundle = checkBundle(dir);
    const bad = [
      ...bundle.filter((b) => b.problem).map((b) => `${b.file}: ${b.problem}`),
      ...officeInWeb(dir),
    ];
    const check = new Checks(`web bundle (${bundle.length} scripts, ES2019, no Office.js)`);
    check.failures.push(...bad);
    results.push(check);
    sizes = bundle;
    const cli = cliReport([SAMPLE], SAMPLE_PRIOR);
    server = await serveStatic(dir, 0);
    const origin = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const ctx = { browser, origin, dir, cli, timings };
    const only = process.env.TALLY_WEB_ONLY;
    for (const scenario of [
      scenarioSample,
      scenarioTownships,
      scenarioTargets,
      scenarioUnreadable,
      scenarioFile,
      scenarioEnglish,
      scenarioLarge,
    ]) {
      if (only && !scenario.name.toLowerCase().includes(only)) continue;
      try {
        results.push(await scenario(ctx));
      } catch (e) {
        const c = new Checks(`web ${scenario.name.replace(/^scenario/, '').toLowerCase()}`);
        c.failures.push(e instanceof Error ? e.stack || e.message : String(e));
        results.push(c);
      }
    }
  } catch (e) {
    const c = new Checks('web setup');
    c.failures.push(e instanceof Error ? e.stack || e.message : String(e));
    results.push(c);
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await new Promise((resolve) => server.close(() => resolve()));
  }
  let failed = 0;
  for (const r of results) {
    if (r.failures.length === 0) {
      console.log(`PASS e2e ${r.name}`);
    } else {
      failed++;
      console.log(`FAIL e2e ${r.name}: ${r.failures.length} problem(s)`);
      for (const f of r.failures) console.log(`  - ${f}`);
    }
  }
  if (failed === 0) console.log('screenshots: test-results/web-*.png');
  for (const b of sizes) {
    console.log(
      `web ${b.file}: ${(b.bytes / 1024).toFixed(1)} KiB, gzip ${(b.gzip / 1024).toFixed(1)} KiB`,
    );
  }
  const ms = (v) => (typeof v === 'number' ? `${Math.round(v)} ms` : 'n/a');
  for (const t of timings) {
    console.log(
      `web: first paint ${ms(t.firstPaint)}; the page's first render ${ms(t.rendered)} from navigation`,
    );
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
