#!/usr/bin/env node
'use strict';
// Functions passed to page.evaluate and page.waitForFunction run in the page:
/* global document, window, performance */
/**
 * Browser tests of the task pane (`npm run test:e2e`).
 *
 *  1. Build the production pane plus a fake office.js (test/e2e/webpack.e2e.js).
 *  2. Read fixture workbooks with exceljs, as Excel would hand their values to Office.js.
 *  3. Serve the build on a free localhost port; open taskpane.html in Debian's Chromium
 *     (playwright-core). The page's request for Microsoft's office.js is answered with the fake,
 *     which runs Excel.run over an in-memory workbook; every other request off localhost is
 *     refused.
 *  4. Scenarios:
 *     - sheets:   the pane lists a fixture's sheets with their forms, then switches to English.
 *     - sample:   the bundled sample (青川市 2025) with fills of the user's own: 审核 (findings,
 *                 counts, highlights as conditional formats, ≤ 3 syncs to read, no fill changed), clicking
 *                 findings (selection), an explanation saved to 审核说明, 清除标记 (every fill as it
 *                 was, no mark left), 汇总并生成报告 twice (sheets,
 *                 values, status colours, a chart; nothing changed by the second run),
 *                 下载报告 (Word) (the .docx the browser saves), audit again (the
 *                 explanation is back).
 *     - user sheet: a user's own 指标汇总 is never touched; Tally writes 指标汇总 (Tally).
 *     - rules and prior: 插入审核规则表, a broken rule shown with its row; last year's workbook
 *                 imported (exceljs in the browser) and used for the report's previous values.
 *     - worker:   a workbook above 20,000 cells is recognised and audited in the Web Worker.
 *     - export:   导出审核结果 opens a new workbook; a township fills in 说明 and sends it back;
 *                 导入说明 saves it in 审核说明 and the warning counts as explained.
 *     - old host: Office.js reports ExcelApi 1.7 (Office 2019): the start-up page says which
 *                 Excel is needed, and the bundle is never loaded.
 *     - old webview: the sample audited and reported with the built-ins newer than ES2020
 *                 taken away (at, findLast, hasOwn, replaceAll, structuredClone, …), as a
 *                 Safari 14 / Chromium 86 webview lacks them; the bundle itself is checked to
 *                 parse as ES2019 after the build (scripts/check-bundle.js).
 *     Screenshots of the pane go to test-results/ (pane-*.png). The pane's first render (from
 *     navigation, a performance mark) and the bundle's gzipped sizes are printed: figures for
 *     the record, not asserted.
 * Prints one PASS or FAIL line per scenario; exits non-zero on failure. Always closes the browser
 * and server.
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');
const webpack = require('webpack');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');
const { strFromU8, unzipSync } = require('fflate');
const e2eConfig = require('./webpack.e2e.js');
const { checkBundle } = require('../../scripts/check-bundle.js');

const ROOT = path.resolve(__dirname, '../..');
const OUT_DIR = e2eConfig.OUT_DIR;
const RESULTS = path.join(ROOT, 'test-results');
const OFFICE_JS = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const TIMEOUT = 30_000;
const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const SAMPLE_PRIOR = path.join(ROOT, 'samples', '2024年青川市两纲监测数据.xlsx');
const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';
const STATUS = {
  达标: '#C6EFCE',
  未达标: '#FFC7CE',
  无数据: '#D9D9D9',
  无法评估: '#FCE4D6',
  仅监测: '#E7EEF7',
};

/** The quirks fixture and what the pane must recognise in it (by sheet name). */
const FIXTURE = {
  file: path.join(ROOT, 'test/fixtures/quirks/title-rows.xlsx'),
  expect: {
    妇幼卫生: { form: 'FE1', header: '第 4 行', records: '2 条（合计行 1 行）' },
  },
};

/** Fills the statistician gave cells herself, some of them cells the audit marks. */
const USER_FILLS = {
  妇幼卫生: {
    A10: '#E2EFDA',
    B10: '#DDEBF7',
    C10: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
    N12: '#FCE4D6',
  },
  民政: { K10: '#FFFFFF', B3: '#D9E1F2' },
  人口与安全: { A19: '#FFF2CC' },
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

/** A workbook as the fake's workbook: values by sheet, only merge masters holding a value. */
async function readFixture(file, fills = {}) {
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
    return {
      name: ws.name,
      rows: dense,
      merges: (ws.model.merges ?? []).map(parseRef),
      ...(fills[ws.name] ? { fills: fills[ws.name] } : {}),
    };
  });
  return { name: path.basename(file), sheets };
}

/** A births form of `n` townships (12 columns): enough cells to go to the worker. */
function bigWorkbook(n) {
  const header = [
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
  ];
  const rows = [['2025年妇幼健康监测统计表'], header];
  for (let i = 0; i < n; i++) {
    const boys = 90 + (i % 10);
    const girls = 85 + (i % 10);
    // Every 5,000th township's births do not add up.
    const births = boys + girls + (i % 5000 === 17 ? 3 : 0);
    rows.push([`乡镇${i + 1}`, births, boys, girls, 0, 0, 1, 1, 5, births - 3, 900, 600]);
  }
  return { name: 'big.xlsx', sheets: [{ name: '妇幼卫生', rows }] };
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

/** One scenario's findings, to print and count. */
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

/** A page over a fake workbook; requests off localhost refused; errors in the page collected. */
async function openPane(browser, origin, fakeOffice, setup, checks, opts = {}) {
  const page = await browser.newPage({ viewport: { width: 380, height: 900 } });
  if (opts.init) await page.addInitScript(opts.init);
  const requests = [];
  page.on('pageerror', (e) => checks.failures.push(`error in the page: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') checks.failures.push(`console error: ${m.text()}`);
  });
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === OFFICE_JS) {
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: fakeOffice });
    }
    if (url.startsWith(`${origin}/`)) {
      requests.push(url.slice(origin.length));
      return route.continue();
    }
    checks.failures.push(`request off localhost: ${url}`);
    return route.abort('blockedbyclient');
  });
  // A fixed clock for the report's run time; the timing scenario keeps the real one (the
  // fake clock stands in for performance.now and records no marks).
  if (!opts.realClock) await page.clock.setFixedTime(new Date('2026-03-01T10:00:00'));
  await page.addInitScript((s) => {
    globalThis.__TALLY_FAKE_OFFICE__ = s;
  }, setup);
  await page.goto(`${origin}/taskpane.html`);
  await page.waitForSelector(
    opts.waitFor ?? '[data-testid="sheet-list"], [data-testid="error-bar"]',
    { timeout: TIMEOUT },
  );
  return { page, requests };
}

/**
 * Click an action and wait until it is done: every action replaces the pane's notes with at
 * least one of its own, and ends with the pane no longer busy. (Waiting for "not busy" alone
 * could return before React rendered the click.)
 */
async function act(page, testId, timeout = TIMEOUT) {
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  await page.getByTestId(testId).click();
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="note"]:not([data-stale])') &&
      !document.querySelector('[data-testid="progress"]') &&
      document.querySelector('main')?.getAttribute('aria-busy') === 'false',
    null,
    { timeout },
  );
}

const fake = (page, fn, arg) => page.evaluate(fn, arg);

/** Every sheet's fills, by sheet name and A1 address. */
function allFills(page) {
  return fake(page, () =>
    Object.fromEntries(globalThis.__tallyFakeExcel.sheets.map((s) => [s.name, s.allFills()])),
  );
}

/**
 * Every sheet's cells that show a colour, by sheet name and A1 address: `shown` the colour the
 * user sees (a mark, a conditional format of Tally's, over the fill), `fill` the cell's own.
 */
function displayed(page) {
  return fake(page, () => {
    const column = (n) => {
      let s = '';
      for (let k = n + 1; k > 0; k = Math.floor((k - 1) / 26))
        s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
      return s;
    };
    return Object.fromEntries(
      globalThis.__tallyFakeExcel.sheets.map((s) => {
        const out = {};
        const used = s.usedRange(false);
        for (let r = used?.top ?? 0; used && r <= used.bottom; r++) {
          for (let c = used.left; c <= used.right; c++) {
            const shown = s.displayColourAt(r, c);
            if (shown) out[`${column(c)}${r + 1}`] = { shown, fill: s.fillAt(r, c) };
          }
        }
        return [s.name, out];
      }),
    );
  });
}

/** Every sheet: name, values, fills, number formats, formulas, charts, frozen panes. */
function snapshot(page) {
  return fake(page, () =>
    globalThis.__tallyFakeExcel.sheets.map((s) => ({
      name: s.name,
      values: s.table(),
      fills: s.allFills(),
      formats: [...s.formats.entries()],
      formulas: [...s.formulas.entries()],
      charts: s.charts.map((c) => ({ ...c, id: '' })),
      frozen: s.frozen,
    })),
  );
}

const noteTexts = (page) => page.getByTestId('note-text').allInnerTexts();

function finding(page, rule, unit) {
  return page.locator(`[data-testid="finding"][data-rule="${rule}"][data-unit="${unit}"]`);
}

/** The pane as the user sees it (the viewport), or the whole page. */
async function shot(page, name, { fullPage = false } = {}) {
  fs.mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: path.join(RESULTS, name), fullPage });
}

const toTop = (page) => page.evaluate(() => window.scrollTo(0, 0));

async function scenarioSheets(ctx) {
  const c = new Checks('sheets');
  const workbook = await readFixture(FIXTURE.file);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
    {
      realClock: true,
    },
  );
  if ((await page.getByTestId('error-bar').count()) > 0) {
    c.failures.push(`the pane shows an error: ${await page.getByTestId('error-bar').innerText()}`);
    return c;
  }
  const names = await page.getByTestId('sheet-name').allInnerTexts();
  c.eq(
    names,
    workbook.sheets.map((s) => s.name),
    'sheets listed',
  );
  for (const [sheet, want] of Object.entries(FIXTURE.expect)) {
    const card = page.locator(`[data-testid="sheet-card"][data-sheet="${sheet}"]`);
    if ((await card.count()) !== 1) {
      c.failures.push(`no card for sheet ${sheet}`);
      continue;
    }
    c.eq(
      await card.getByTestId('sheet-form').getAttribute('data-form'),
      want.form,
      `${sheet}: form`,
    );
    c.eq(await card.getByTestId('sheet-header').innerText(), want.header, `${sheet}: header`);
    c.eq(await card.getByTestId('sheet-records').innerText(), want.records, `${sheet}: records`);
  }
  const syncs = await fake(page, () => globalThis.__tallyFakeExcel.syncCount);
  c.ok(syncs <= 3, `the pane used ${syncs} context.sync() calls to read, expected ≤ 3`);
  ctx.timings.push(await timings(page));
  await shot(page, 'pane-sheets.png', { fullPage: true });
  await page.getByTestId('lang-en').click();
  c.eq(await page.getByTestId('app-name').innerText(), 'Tally', 'title after switching to English');
  c.eq(await page.getByTestId('audit').innerText(), 'Audit', 'audit button in English');
  const formText = await page.locator('[data-testid="sheet-form"][data-form]').first().innerText();
  c.ok(/Maternal and child health/.test(formText), `English form name missing: "${formText}"`);
  await page.close();
  return c;
}

async function scenarioSample(ctx) {
  const c = new Checks('sample');
  const workbook = await readFixture(SAMPLE, USER_FILLS);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
  );
  const original = await allFills(page);
  const before = await fake(page, () => globalThis.__tallyFakeExcel.syncCount);

  // 审核
  await act(page, 'audit');
  const syncs = (await fake(page, () => globalThis.__tallyFakeExcel.syncCount)) - before;
  c.ok(syncs <= 6, `the audit took ${syncs} syncs (read 3: sheets, values, visible rows + highlight 3)`);
  c.eq(
    await page.getByTestId('results').getAttribute('data-engine'),
    'pane',
    'engine of a small workbook',
  );
  const severities = await page
    .getByTestId('finding')
    .evaluateAll((els) => els.map((e) => e.dataset.severity));
  const count = async (id) => Number(await page.getByTestId(id).getAttribute('data-count'));
  c.eq(
    await count('count-errors'),
    severities.filter((s) => s === 'error').length,
    'errors counted = listed',
  );
  c.eq(
    await count('count-warnings'),
    severities.filter((s) => s === 'warning').length,
    'warnings counted = listed',
  );
  c.eq(
    await count('count-notices'),
    severities.filter((s) => s === 'notice').length,
    'notices counted = listed',
  );
  c.ok((await count('count-errors')) >= 3, 'the sample has at least three errors');
  c.eq(
    await finding(page, 'FE1-01', '石门镇').getAttribute('data-severity'),
    'error',
    'FE1-01 石门镇',
  );
  c.eq(
    await finding(page, 'FE1-01', '石门镇').getByTestId('finding-message').innerText(),
    '男婴活产数（198）与女婴活产数（187）之和不等于活产数（358）',
    'FE1-01 message',
  );
  c.eq(
    await finding(page, 'BLANK', '高峰乡').getAttribute('data-sheet'),
    '人口与安全',
    'BLANK 高峰乡 sheet',
  );
  c.eq(
    await finding(page, 'X-01', '龙潭镇').getAttribute('data-severity'),
    'warning',
    'X-01 龙潭镇',
  );
  const sheetGroups = await page
    .getByTestId('finding-sheet')
    .evaluateAll((els) => els.map((e) => e.dataset.sheet));
  c.ok(
    sheetGroups.includes('妇幼卫生') && sheetGroups.includes('人口与安全'),
    `groups ${sheetGroups}`,
  );

  // Highlights: the known cells show their marks, the rest their fills, no fill changed, and
  // as many as the pane says.
  c.eq(await allFills(page), original, 'no fill changed by marking');
  const marked = await displayed(page);
  const colourOf = (sheet, cell) => marked[sheet]?.[cell]?.shown;
  for (const cell of ['B10', 'C10', 'D10'])
    c.eq(colourOf('妇幼卫生', cell), RED, `妇幼卫生!${cell} marked red`);
  c.eq(colourOf('人口与安全', 'C19'), RED, '人口与安全!C19 marked red');
  c.eq(colourOf('妇幼卫生', 'N12'), YELLOW, '妇幼卫生!N12 marked yellow');
  c.eq(colourOf('民政', 'K10'), YELLOW, '民政!K10 marked yellow');
  let marks = 0;
  for (const [sheet, cells] of Object.entries(marked)) {
    for (const [cell, { shown, fill }] of Object.entries(cells)) {
      if (shown !== fill && (shown === RED || shown === YELLOW)) marks++;
      else
        c.eq(shown, original[sheet]?.[cell]?.color, `${sheet}!${cell} not marked shows its fill`);
    }
  }
  const notes = await noteTexts(page);
  c.ok(
    notes.some((n) => n.startsWith(`已标记 ${marks} 个单元格`)),
    `notes ${JSON.stringify(notes)} say ${marks} cells`,
  );
  // One conditional format per sheet and colour (the sample's address lists are short).
  const perSheet = await fake(page, () =>
    globalThis.__tallyFakeExcel.sheets.map((s) => [s.name, s.conditionalFormats.length]),
  );
  for (const [sheet, n] of perSheet)
    c.ok(n <= 2, `${sheet} has ${n} conditional formats, expected ≤ 2`);
  await toTop(page);
  await shot(page, 'pane-audit.png');
  await shot(page, 'pane-audit-full.png', { fullPage: true });

  // A click selects the finding's cells.
  await finding(page, 'FE1-01', '石门镇').getByTestId('finding-go').click();
  await page.waitForFunction(() => globalThis.__tallyFakeExcel.selection?.address === 'B10:D10');
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.selection),
    { sheet: '妇幼卫生', address: 'B10:D10' },
    'selection of FE1-01',
  );
  await finding(page, 'BLANK', '高峰乡').getByTestId('finding-go').click();
  await page.waitForFunction(() => globalThis.__tallyFakeExcel.selection?.sheet === '人口与安全');
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.selection),
    { sheet: '人口与安全', address: 'C19' },
    'selection of BLANK',
  );
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.activeSheet),
    '人口与安全',
    'active sheet',
  );

  // An explanation of the warning, kept in 审核说明.
  const x01 = finding(page, 'X-01', '龙潭镇');
  await x01.getByTestId('explanation-input').fill('本年有外地居民在龙潭镇登记结婚，已核实');
  await x01.getByTestId('explanation-save').click();
  await x01.getByTestId('explained').waitFor({ timeout: TIMEOUT });
  c.eq(await count('count-explained'), 1, 'explained count');
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.sheet('审核说明')?.table()),
    [
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '本年有外地居民在龙潭镇登记结婚，已核实'],
    ],
    '审核说明 sheet',
  );
  await x01.scrollIntoViewIfNeeded();
  await shot(page, 'pane-explain.png');

  // 清除标记: every fill exactly as it was, and no mark shows.
  await act(page, 'clear');
  const cleared = await allFills(page);
  for (const sheet of Object.keys(original))
    c.eq(cleared[sheet], original[sheet], `fills of ${sheet} after clearing`);
  for (const [sheet, cells] of Object.entries(await displayed(page))) {
    // 审核说明 is Tally's, written since; its header has fills of its own.
    if (!(sheet in original)) continue;
    for (const [cell, { shown }] of Object.entries(cells)) {
      c.eq(shown, original[sheet]?.[cell]?.color, `${sheet}!${cell} shows its fill after clearing`);
    }
  }
  c.eq(
    await fake(page, () =>
      globalThis.__tallyFakeExcel.sheets.reduce((n, s) => n + s.conditionalFormats.length, 0),
    ),
    0,
    'no conditional format left after clearing',
  );
  c.eq(await noteTexts(page), [`已恢复 ${marks} 个单元格的原有填充。`], 'clear note');
  await toTop(page);
  await shot(page, 'pane-clear.png');

  // 汇总并生成报告
  await act(page, 'report');
  const reportNotes = await noteTexts(page);
  c.eq(
    reportNotes[0],
    '报告已写入工作表“指标汇总”“分单位指标”和“监测报告”；需要核实的事项写入了“数据质量说明”，供统计人员核对，不属于报告正文。',
    'report note',
  );
  const summary = await fake(page, () => {
    const s = globalThis.__tallyFakeExcel.sheet('指标汇总');
    if (!s) return undefined;
    const rows = s.table();
    const header = rows[4] ?? [];
    const status = header.indexOf('达标情况');
    const prior = header.indexOf('上年');
    return {
      title: rows[0]?.[0],
      meta: rows[1]?.[0],
      header,
      status: rows
        .slice(5)
        .map((r, i) => [r[status], s.fillAt(i + 5, status)])
        .filter(([v]) => v),
      textFormats: rows.flatMap((r, i) =>
        r.flatMap((v, j) => (typeof v === 'string' && v !== '' ? [s.numberFormatAt(i, j)] : [])),
      ),
      formulas: s.formulas.size,
      charts: s.charts,
      frozen: s.frozen,
      priorValues: rows.slice(5).filter((r) => typeof r[prior] === 'number').length,
    };
  });
  if (!summary) {
    c.failures.push('no sheet 指标汇总');
  } else {
    c.eq(summary.title, '青川市2025年妇女儿童发展纲要监测指标汇总表', 'summary title');
    c.ok(String(summary.meta).includes('生成时间：2026-03-01 10:00'), `meta ${summary.meta}`);
    c.ok(summary.status.length >= 20, `status cells: ${summary.status.length}`);
    for (const [v, fill] of summary.status) {
      c.eq(fill, STATUS[v], `status "${v}" coloured`);
    }
    c.ok(
      summary.textFormats.every((f) => f === '@'),
      'every text cell is formatted as text',
    );
    c.eq(summary.formulas, 0, 'no formulas in the summary');
    c.eq(summary.charts.length, 1, 'one chart');
    c.eq(summary.charts[0]?.type, 'ColumnClustered', 'chart type');
    c.eq(summary.charts[0]?.title, '各领域指标达标率', 'chart title');
    c.eq(summary.frozen, { rows: 5, columns: 4 }, 'frozen panes');
  }
  const narrative = await fake(page, () => globalThis.__tallyFakeExcel.sheet('监测报告')?.table());
  c.eq(narrative?.[0]?.[0], '青川市2025年妇女儿童发展纲要监测统计评估报告', 'narrative title');
  const quality = await fake(page, () =>
    globalThis.__tallyFakeExcel.sheet('数据质量说明')?.table(),
  );
  c.eq(quality?.[0]?.[0], '青川市2025年两纲监测数据质量说明', 'data-quality title');
  c.ok(
    (quality ?? []).some(([t]) => String(t).includes('本年有外地居民在龙潭镇登记结婚')),
    'the explanation is in the data-quality sheet',
  );
  c.ok(
    !(narrative ?? []).some(([t]) => String(t).includes('本年有外地居民在龙潭镇登记结婚')),
    'and not in the report for leadership',
  );
  await toTop(page);
  await shot(page, 'pane-report.png');

  // 下载报告 (Word): the link saves the report as a .docx (Office on the web, a Blob URL).
  await checkDocxDownload(page, c);

  // The same report again changes nothing.
  const first = await snapshot(page);
  await act(page, 'report');
  c.eq(await snapshot(page), first, 'the workbook after a second report');

  // The explanation comes back with the next audit.
  await act(page, 'audit');
  c.eq(
    await finding(page, 'X-01', '龙潭镇').getByTestId('explanation-input').inputValue(),
    '本年有外地居民在龙潭镇登记结婚，已核实',
    'explanation shown again',
  );
  c.eq(await count('count-explained'), 1, 'explained after the second audit');
  await act(page, 'clear');
  const again = await allFills(page);
  for (const sheet of Object.keys(original))
    c.eq(again[sheet], original[sheet], `fills of ${sheet} after the second clear`);
  await page.close();
  return c;
}

/** Click 下载报告 (Word) and read the file the browser saves: a Word package of the report. */
async function checkDocxDownload(page, c) {
  const link = page.locator('a[data-testid="download-docx"]');
  await link.waitFor({ timeout: TIMEOUT });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    link.click(),
  ]);
  c.eq(
    download.suggestedFilename(),
    '青川市2025年妇女儿童发展纲要监测统计评估报告.docx',
    'the Word file name',
  );
  c.ok(download.url().startsWith('blob:'), `the document is made in the pane (${download.url()})`);
  const bytes = new Uint8Array(fs.readFileSync(await download.path()));
  let files = {};
  try {
    files = unzipSync(bytes);
  } catch (e) {
    c.failures.push(`the download is not a .docx package: ${e.message}`);
  }
  const xml = files['word/document.xml'] ? strFromU8(files['word/document.xml']) : '';
  c.ok(
    // The title is on two lines (two runs and a <w:br/>): its text with the tags taken out.
    xml.replace(/<[^>]+>/g, '').includes('青川市2025年妇女儿童发展纲要监测统计评估报告'),
    'the document has the report title',
  );
  c.ok(
    xml.includes('附件') && xml.includes('<w:tbl>'),
    'the document has the annex with the summary table',
  );
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(path.join(RESULTS, 'pane-report.docx'), bytes);
}

async function scenarioUserSheet(ctx) {
  const c = new Checks('user sheet');
  const workbook = await readFixture(SAMPLE);
  const mine = {
    name: '指标汇总',
    rows: [
      ['我自己的汇总表', null],
      ['城东街道', 42],
    ],
    fills: { A1: '#FFFF00' },
  };
  workbook.sheets.push(mine);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
  );
  const before = await snapshot(page);
  const userSheet = (snap) => snap.find((s) => s.name === '指标汇总');
  await act(page, 'report');
  c.eq(
    (await noteTexts(page)).slice(0, 2),
    [
      '报告已写入工作表“指标汇总 (Tally)”“分单位指标”和“监测报告”；需要核实的事项写入了“数据质量说明”，供统计人员核对，不属于报告正文。',
      '工作簿中已有名为“指标汇总”的工作表（不是 Tally 写的），Tally 没有改动它，报告写入了“指标汇总 (Tally)”。',
    ],
    'notes',
  );
  const after = await snapshot(page);
  c.eq(userSheet(after), userSheet(before), 'the user’s 指标汇总 is untouched');
  c.eq(
    after.map((s) => s.name),
    [...before.map((s) => s.name), '指标汇总 (Tally)', '分单位指标', '监测报告', '数据质量说明'],
    'sheets',
  );
  await shot(page, 'pane-user-sheet.png');
  await act(page, 'report');
  const twice = await snapshot(page);
  c.eq(twice, after, 'the workbook after a second report');
  await page.close();
  return c;
}

async function scenarioRulesAndPrior(ctx) {
  const c = new Checks('rules and prior');
  const workbook = await readFixture(SAMPLE);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
  );
  await act(page, 'insert-rules');
  const rules = await fake(page, () => globalThis.__tallyFakeExcel.sheet('审核规则')?.table());
  c.eq(rules?.[0], ['编号', '规则', '级别', '说明', '范围'], 'rules header');
  c.eq(
    rules?.[1]?.slice(0, 3),
    ['FE1-01', '[男婴活产数] + [女婴活产数] = [活产数]', '强制'],
    'first rule',
  );
  c.ok((await noteTexts(page))[0]?.startsWith('已插入工作表“审核规则”'), 'inserted note');
  // The statistician breaks a rule in row 5.
  await fake(page, () =>
    globalThis.__tallyFakeExcel.sheet('审核规则').setValue(4, 1, '[低出生体重儿数] <= ('),
  );
  // A township's CSV for this period (parsed by csv-parse in the browser), and last year's data.
  const csv = path.join(RESULTS, '新区街道.csv');
  fs.mkdirSync(RESULTS, { recursive: true });
  fs.writeFileSync(csv, '乡镇,0-17岁儿童人口数,0-17岁儿童伤害死亡数\n新区街道,1200,2500\n');
  await page.getByTestId('import-current').setInputFiles(csv);
  await page.getByTestId('imported-current').waitFor({ timeout: TIMEOUT });
  await page.getByTestId('import-prior').setInputFiles(SAMPLE_PRIOR);
  await page.getByTestId('imported-prior').waitFor({ timeout: TIMEOUT });
  c.ok(
    (await page.getByTestId('imported-prior').innerText()).includes(
      '2024年青川市两纲监测数据.xlsx',
    ),
    'the imported file is listed',
  );
  await act(page, 'audit');
  const broken = await page
    .getByTestId('rule-error')
    .evaluateAll((els) => els.map((e) => [e.dataset.rule, e.textContent]));
  c.eq(
    broken.map(([id]) => id),
    ['FE1-04'],
    'broken rules',
  );
  const imported = finding(page, 'FE5-01', '新区街道');
  c.eq(await imported.count(), 1, 'the imported township’s finding');
  c.eq(
    await imported.getByTestId('finding-go').count(),
    0,
    'a finding in an imported file is not a link',
  );
  c.ok(
    (await page.locator('[data-testid="finding-sheet"]', { has: imported }).innerText()).includes(
      '新区街道.csv',
    ),
    'the imported file names its group',
  );
  c.ok(/第 5 行/.test(broken[0]?.[1] ?? ''), `the broken rule's row: ${broken[0]?.[1]}`);
  await page.getByTestId('rule-errors').scrollIntoViewIfNeeded();
  await shot(page, 'pane-rules.png');
  await act(page, 'report');
  const priors = await fake(page, () => {
    const s = globalThis.__tallyFakeExcel.sheet('指标汇总');
    const rows = s.table();
    const prior = rows[4].indexOf('上年');
    return rows.slice(5).filter((r) => typeof r[prior] === 'number').length;
  });
  c.ok(priors >= 10, `the previous period's values are in the summary (${priors})`);
  await page.close();
  return c;
}

/** ms from navigation to the pane's first render, and to the first paint (the loading text). */
function timings(page) {
  return page.evaluate(() => ({
    firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
    paneRendered: performance.getEntriesByName('tally-pane-rendered')[0]?.startTime,
  }));
}

async function scenarioExport(ctx) {
  const c = new Checks('export');
  const workbook = await readFixture(SAMPLE);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
  );
  await act(page, 'audit');
  const count = async (id) => Number(await page.getByTestId(id).getAttribute('data-count'));
  c.eq(await count('count-explained'), 0, 'nothing explained yet');
  await act(page, 'export');
  const files = await fake(page, () => globalThis.__tallyFakeExcel.createdWorkbooks);
  c.eq(files.length, 1, 'one new workbook opened');
  if (files.length !== 1) return c;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(files[0], 'base64'));
  c.ok(wb.worksheets.length >= 3, `sheets of the export: ${wb.worksheets.map((s) => s.name)}`);
  const longtan = wb.getWorksheet('龙潭镇');
  let row = 0;
  longtan?.eachRow((r, n) => {
    if (r.getCell(5).value === 'X-01') row = n;
  });
  c.ok(row > 1, 'the township’s sheet lists its warning');
  if (!longtan || row <= 1) return c;
  c.eq(longtan.getRow(1).getCell(8).value, '说明', 'the 说明 column');
  longtan.getRow(row).getCell(8).value = '本年有外地居民在龙潭镇登记结婚，已核实';
  fs.mkdirSync(RESULTS, { recursive: true });
  const back = path.join(RESULTS, '龙潭镇-审核结果.xlsx');
  await wb.xlsx.writeFile(back);
  await page.evaluate(() =>
    document
      .querySelectorAll('[data-testid="note"]')
      .forEach((n) => n.setAttribute('data-stale', '')),
  );
  await page.getByTestId('import-explanations-file').setInputFiles(back);
  await page.waitForFunction(
    () =>
      document.querySelector('[data-testid="note"]:not([data-stale])') &&
      !document.querySelector('[data-testid="progress"]'),
    null,
    { timeout: TIMEOUT },
  );
  c.eq(await count('count-explained'), 1, 'the warning counts as explained');
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.sheet('审核说明')?.table()),
    [
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '本年有外地居民在龙潭镇登记结婚，已核实'],
    ],
    '审核说明 after the import',
  );
  await toTop(page);
  await shot(page, 'pane-export.png');
  await page.close();
  return c;
}

async function scenarioOldHost(ctx) {
  const c = new Checks('old host');
  const workbook = await readFixture(FIXTURE.file);
  const { page, requests } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN', excelApi: '1.7' },
    c,
    { waitFor: '#tally-boot[data-state="unsupported"]' },
  );
  const text = await page.locator('#tally-boot').innerText();
  c.ok(text.includes('需要 Microsoft 365、Office 2021 或更新版本的 Excel'), `the message: ${text}`);
  c.ok(text.includes('WPS Spreadsheets cannot run Office add-ins'), 'and in English');
  c.eq(
    requests.filter((r) => /taskpane\.[^/]*\.js|\/taskpane\.js/.test(r)),
    [],
    'the bundle was not loaded',
  );
  await shot(page, 'pane-old-host.png');
  await page.close();
  return c;
}

/** Built-ins newer than ES2020 that a Safari 14 / Chromium 86 webview lacks, taken away. */
function withoutNewBuiltIns() {
  const drop = (obj, names) => names.forEach((n) => delete obj[n]);
  drop(Array.prototype, [
    'at',
    'findLast',
    'findLastIndex',
    'toSorted',
    'toReversed',
    'toSpliced',
    'with',
  ]);
  drop(String.prototype, ['at', 'replaceAll', 'isWellFormed', 'toWellFormed']);
  drop(Object, ['hasOwn', 'groupBy']);
  drop(Map, ['groupBy']);
  drop(Promise, ['withResolvers', 'any']);
  drop(Array, ['fromAsync']);
  drop(globalThis, ['structuredClone']);
}

async function scenarioOldWebview(ctx) {
  const c = new Checks('old webview');
  const workbook = await readFixture(SAMPLE);
  const { page } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
    { init: withoutNewBuiltIns },
  );
  c.eq(
    await page.evaluate(() => typeof Array.prototype.at),
    'undefined',
    'Array.prototype.at is gone',
  );
  await act(page, 'audit');
  c.ok((await page.getByTestId('finding').count()) > 5, 'the audit lists its findings');
  await act(page, 'report');
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.sheet('监测报告')?.table()?.[0]?.[0]),
    '青川市2025年妇女儿童发展纲要监测统计评估报告',
    'the report is written',
  );
  await page.close();
  return c;
}

async function scenarioWorker(ctx) {
  const c = new Checks('worker');
  const workbook = bigWorkbook(20_000);
  const { page, requests } = await openPane(
    ctx.browser,
    ctx.origin,
    ctx.fakeOffice,
    { workbook, displayLanguage: 'zh-CN' },
    c,
  );
  // The pane shows its progress, saying the work is in the background, while the worker computes.
  const progress = page.waitForFunction(
    () => document.querySelector('[data-testid="progress"]')?.textContent?.includes('（后台计算）'),
    null,
    { timeout: 120_000, polling: 50 },
  );
  await act(page, 'audit', 120_000);
  await progress;
  c.eq(
    await page.getByTestId('results').getAttribute('data-engine'),
    'worker',
    'engine of a large workbook',
  );
  c.ok(
    requests.some((r) => /tally-engine/.test(r)),
    `the worker script was loaded: ${requests.join(', ')}`,
  );
  const units = await page
    .locator('[data-testid="finding"][data-rule="FE1-01"]')
    .evaluateAll((els) => els.map((e) => e.dataset.unit));
  c.eq(
    units,
    ['乡镇18', '乡镇5018', '乡镇10018', '乡镇15018'],
    'FE1-01 findings of the large workbook',
  );
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.sheet('妇幼卫生').displayColourOf('B5020')),
    RED,
    'a cell of a large workbook marked',
  );
  c.eq(
    await fake(page, () => globalThis.__tallyFakeExcel.sheet('妇幼卫生').fillOf('B5020')),
    undefined,
    'its fill untouched',
  );
  await shot(page, 'pane-worker.png');
  await page.close();
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
    for (const f of [FIXTURE.file, SAMPLE, SAMPLE_PRIOR]) {
      if (!fs.existsSync(f)) throw new Error(`fixture ${f} is missing`);
    }
    await build();
    const bundle = checkBundle(OUT_DIR);
    const notEs = bundle.filter((b) => b.problem);
    if (notEs.length > 0) {
      const c = new Checks('bundle');
      for (const b of notEs)
        c.failures.push(`${b.file} does not parse as ES${b.level}: ${b.problem}`);
      results.push(c);
    } else {
      results.push(new Checks(`bundle (${bundle.length} scripts parse as ES2019, inline ES5)`));
    }
    sizes = bundle.filter((b) => !b.file.startsWith('fake-office'));
    const fakeOffice = fs.readFileSync(path.join(OUT_DIR, 'fake-office.js'));
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
    const ctx = { browser, origin, fakeOffice, timings };
    for (const scenario of [
      scenarioSheets,
      scenarioSample,
      scenarioUserSheet,
      scenarioRulesAndPrior,
      scenarioExport,
      scenarioOldHost,
      scenarioOldWebview,
      scenarioWorker,
    ]) {
      try {
        results.push(await scenario(ctx));
      } catch (e) {
        const c = new Checks(scenario.name.replace(/^scenario/, '').toLowerCase());
        c.failures.push(e instanceof Error ? e.stack || e.message : String(e));
        results.push(c);
      }
    }
  } catch (e) {
    const c = new Checks('setup');
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
  if (failed === 0) console.log('screenshots: test-results/pane-*.png');
  for (const b of sizes) {
    console.log(
      `bundle ${b.file}: ${(b.bytes / 1024).toFixed(1)} KiB, gzip ${(b.gzip / 1024).toFixed(1)} KiB`,
    );
  }
  for (const t of timings) {
    const ms = (v) => (typeof v === 'number' ? `${Math.round(v)} ms` : 'n/a');
    console.log(
      `first paint (the loading text) ${ms(t.firstPaint)}; the pane's first render ${ms(t.paneRendered)} from navigation`,
    );
  }
  return failed === 0 ? 0 : 1;
}

main().then((code) => {
  process.exitCode = code;
});
