#!/usr/bin/env node
'use strict';
/**
 * Browser test of the task pane (`npm run test:e2e`).
 *
 *  1. Build the production pane plus a fake office.js (test/e2e/webpack.e2e.js).
 *  2. Read a fixture workbook with exceljs, as Excel would hand its values to Office.js.
 *  3. Serve the build on a free localhost port; open taskpane.html in Debian's Chromium
 *     (playwright-core). The page's request for Microsoft's office.js is answered with the fake,
 *     which runs Excel.run over the fixture; every other request off localhost is refused.
 *  4. Check that the pane lists the fixture's sheets with the recognised forms, then switch to
 *     English; save a screenshot to test-results/pane-sheets.png.
 * Prints one PASS or FAIL line; exits non-zero on failure. Always closes the browser and server.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const webpack = require('webpack');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');
const e2eConfig = require('./webpack.e2e.js');

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = e2eConfig.OUT_DIR;
const RESULTS = path.join(ROOT, 'test-results');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = 30_000;

/** The workbook the pane reads, and what it must recognise in each sheet (by sheet name). */
const FIXTURE = {
  file: path.join(ROOT, 'test/fixtures/quirks/title-rows.xlsx'),
  expect: {
    妇幼卫生: { form: 'FE1', header: '第 4 行', records: '2 条（合计行 1 行）' },
  },
};

function build() {
  return new Promise((resolve, reject) => {
    const config = e2eConfig({}, { mode: 'production' });
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats.hasErrors()) {
        return reject(new Error(stats.toString({ all: false, errors: true, colors: false })));
      }
      resolve();
    });
  });
}

/** Days since 1899-12-30, as Excel stores a date. */
function excelDate(d) {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** A cell as Office.js returns it: number, boolean, text, '#DIV/0!' for an error, '' if empty. */
function excelValue(v) {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string') return v;
  if (v instanceof Date) return excelDate(v);
  if (typeof v === 'object') {
    if (v.error) return String(v.error);
    if (Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return excelValue(v.result);
    if ('formula' in v || 'sharedFormula' in v) return '';
    if ('text' in v) return String(v.text);
  }
  return String(v);
}

function columnIndex(letters) {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseRef(ref) {
  const m = /^\$?([A-Z]+)\$?(\d+)(?::\$?([A-Z]+)\$?(\d+))?$/i.exec(ref);
  if (!m) throw new Error(`bad merge ${ref}`);
  const a = { row: Number(m[2]) - 1, col: columnIndex(m[1]) };
  const b = m[3] ? { row: Number(m[4]) - 1, col: columnIndex(m[3]) } : a;
  return {
    top: Math.min(a.row, b.row),
    left: Math.min(a.col, b.col),
    bottom: Math.max(a.row, b.row),
    right: Math.max(a.col, b.col),
  };
}

/** The fixture as the fake's workbook: values by sheet, only merge masters holding a value. */
async function readFixture(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const sheets = wb.worksheets.map((ws) => {
    const rows = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        if (cell.isMerged && cell.master !== cell) return;
        const v = excelValue(cell.value);
        if (v === '') return;
        (rows[r - 1] ??= [])[c - 1] = v;
      });
    });
    const dense = Array.from(rows, (row) =>
      Array.from(row ?? [], (v) => (v === undefined ? null : v)),
    );
    return { name: ws.name, rows: dense, merges: (ws.model.merges ?? []).map(parseRef) };
  });
  return { name: path.basename(file), sheets };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

function serve(dir) {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
}

function check(failures, ok, message) {
  if (!ok) failures.push(message);
}

async function main() {
  const failures = [];
  let browser;
  let server;
  try {
    if (!fs.existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} not found: apt-get install -y chromium, or set CHROMIUM_PATH`);
    }
    if (!fs.existsSync(FIXTURE.file)) throw new Error(`fixture ${FIXTURE.file} is missing`);
    await build();
    const fakeOffice = fs.readFileSync(path.join(OUT_DIR, 'fake-office.js'));
    const workbook = await readFixture(FIXTURE.file);
    server = await serve(OUT_DIR);
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
    const page = await browser.newPage({ viewport: { width: 380, height: 760 } });
    const blocked = [];
    const pageErrors = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(`console: ${m.text()}`);
    });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url === OFFICE_JS) {
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
      }
      if (url.startsWith(`${origin}/`)) return route.continue();
      blocked.push(url);
      return route.abort('blockedbyclient');
    });
    await page.addInitScript(
      (setup) => {
        globalThis.__TALLY_FAKE_OFFICE__ = setup;
      },
      { workbook, displayLanguage: 'zh-CN' },
    );

    await page.goto(`${origin}/taskpane.html`);
    await page.waitForSelector('[data-testid="sheet-list"], [data-testid="error-bar"]', {
      timeout: TIMEOUT,
    });
    const error = await page.locator('[data-testid="error-bar"]').count();
    if (error > 0) {
      failures.push(
        `the pane shows an error: ${await page.locator('[data-testid="error-bar"]').innerText()}`,
      );
    } else {
      const names = await page.getByTestId('sheet-name').allInnerTexts();
      const expectedNames = workbook.sheets.map((s) => s.name);
      check(
        failures,
        JSON.stringify(names) === JSON.stringify(expectedNames),
        `sheets listed ${JSON.stringify(names)}, expected ${JSON.stringify(expectedNames)}`,
      );
      for (const [sheet, want] of Object.entries(FIXTURE.expect)) {
        const card = page.locator(`[data-testid="sheet-card"][data-sheet="${sheet}"]`);
        if ((await card.count()) !== 1) {
          failures.push(`no card for sheet ${sheet}`);
          continue;
        }
        const form = await card.getByTestId('sheet-form').getAttribute('data-form');
        check(failures, form === want.form, `${sheet}: form ${form}, expected ${want.form}`);
        const header = await card.getByTestId('sheet-header').innerText();
        check(
          failures,
          header === want.header,
          `${sheet}: header "${header}", expected "${want.header}"`,
        );
        const records = await card.getByTestId('sheet-records').innerText();
        check(
          failures,
          records === want.records,
          `${sheet}: records "${records}", expected "${want.records}"`,
        );
      }
      const syncs = await page.evaluate(() => globalThis.__tallyFakeExcel.syncCount);
      check(
        failures,
        syncs <= 3,
        `the pane used ${syncs} context.sync() calls to read, expected ≤ 3`,
      );
      fs.mkdirSync(RESULTS, { recursive: true });
      await page.screenshot({ path: path.join(RESULTS, 'pane-sheets.png'), fullPage: true });

      await page.getByTestId('lang-en').click();
      const name = await page.getByTestId('app-name').innerText();
      check(failures, name === 'Tally', `after switching to English the title is "${name}"`);
      const formText = await page
        .locator('[data-testid="sheet-form"][data-form]')
        .first()
        .innerText();
      check(
        failures,
        /Maternal and child health/.test(formText),
        `English form name missing: "${formText}"`,
      );
    }
    check(failures, pageErrors.length === 0, `errors in the page: ${pageErrors.join(' | ')}`);
    if (blocked.length > 0) console.log(`blocked requests off localhost: ${blocked.join(', ')}`);
  } catch (e) {
    failures.push(e instanceof Error ? e.stack || e.message : String(e));
  } finally {
    if (browser) await browser.close().catch(() => undefined);
    if (server) await new Promise((resolve) => server.close(() => resolve()));
  }
  if (failures.length === 0) {
    console.log(
      `PASS e2e: the pane lists ${path.basename(FIXTURE.file)}'s sheets with their forms (screenshot: test-results/pane-sheets.png)`,
    );
    return 0;
  }
  console.log(`FAIL e2e: ${failures.length} problem(s)`);
  for (const f of failures) console.log(`  - ${f}`);
  return 1;
}

main().then((code) => {
  process.exitCode = code;
});
