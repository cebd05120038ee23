#!/usr/bin/env node
'use strict';
/**
 * Renders the printed report to the PNGs in docs/ that README shows: the sample's report.xlsx
 * (and report.docx, where the checkout writes one) converted to PDF by LibreOffice, the pages
 * rendered by poppler's pdftoppm, and each set of pages laid side by side by Chromium.
 *
 *   node scripts/docs-pages.js after                    this checkout (npm run build:cli first)
 *   node scripts/docs-pages.js before /tmp/old-checkout  an older checkout with its lib/ built
 *
 * Writes docs/<label>-summary.png (the pages of 指标汇总) and docs/<label>-document.png (the
 * Word document's first pages and its annex; for a checkout without --docx, the pages of the
 * 监测报告 sheet), and prints each sheet's page count. Needs soffice, pdftoppm, pdftotext and
 * /usr/bin/chromium; reads and writes nothing outside a temporary folder and docs/.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const ExcelJS = require('exceljs');
const { chromium } = require('playwright-core');

const ROOT = path.resolve(__dirname, '..');
const [label, checkout = ROOT] = process.argv.slice(2);
if (!label) {
  console.error('usage: node scripts/docs-pages.js <label> [checkout]');
  process.exit(2);
}
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-docs-'));
const run = (cmd, args, opts = {}) =>
  execFileSync(cmd, args, { encoding: 'utf8', timeout: 300_000, ...opts });
const flat = (s) => s.replace(/\s+/g, '');

/**
 * The faces of GB/T 9704 are not on a Linux machine: for the pictures, 黑体 is drawn in Noto
 * Sans CJK, 仿宋 and 楷体 in Noto Serif CJK, 方正小标宋 in Noto Serif CJK Bold (LibreOffice
 * takes fontconfig's aliases). The document names the real faces; Word uses them.
 */
const FONTS_CONF = `<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>
<include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${[
  ['黑体', 'Noto Sans CJK SC'],
  ['仿宋', 'Noto Serif CJK SC'],
  ['楷体', 'Noto Serif CJK SC'],
  ['宋体', 'Noto Serif CJK SC'],
]
  .map(
    ([from, to]) =>
      `<alias binding="same"><family>${from}</family><prefer><family>${to}</family></prefer></alias>`,
  )
  .join('\n')}
<match target="pattern"><test name="family"><string>方正小标宋简体</string></test>
<edit name="family" mode="assign" binding="same"><string>Noto Serif CJK SC</string></edit>
<edit name="weight" mode="assign" binding="same"><const>bold</const></edit></match>
</fontconfig>`;

function pages(pdf) {
  const n = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))?.[1]);
  return Array.from({ length: n }, (_, i) =>
    flat(run('pdftotext', ['-f', `${i + 1}`, '-l', `${i + 1}`, pdf, '-'])),
  );
}

/** PNG files of the given 1-based pages. */
function render(pdf, list, name) {
  return list.map((p) => {
    const base = path.join(work, `${name}-${p}`);
    run('pdftoppm', ['-r', '56', '-png', '-singlefile', '-f', `${p}`, '-l', `${p}`, pdf, base]);
    return { page: p, file: `${base}.png` };
  });
}

/** The pages side by side, `columns` a row, each with its number; one PNG. */
async function compose(browser, images, caption, out, columns) {
  const figures = images
    .map(({ page, file, note }) => {
      const src = `data:image/png;base64,${fs.readFileSync(file).toString('base64')}`;
      return `<figure><img src="${src}"><figcaption>${note ?? `第 ${page} 页`}</figcaption></figure>`;
    })
    .join('');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{margin:0;background:#fff;font:14px "Noto Sans CJK SC",sans-serif;color:#333}
    main{display:grid;grid-template-columns:repeat(${columns},max-content);gap:14px;padding:14px}
    figure{margin:0}img{display:block;border:1px solid #999;box-shadow:2px 2px 4px #ccc}
    figcaption{text-align:center;margin-top:4px}h1{font-size:15px;margin:14px 14px 0}
  </style><h1>${caption}</h1><main>${figures}</main>`;
  const page = await browser.newPage({ viewport: { width: 400, height: 300 } });
  await page.setContent(html);
  await page.screenshot({ path: out, fullPage: true });
  await page.close();
}

async function main() {
  const tally = path.join(checkout, 'bin', 'tally.js');
  const samples = path.join(checkout, 'samples');
  const help = run('node', [tally, 'report', '--help']);
  const docx = help.includes('--docx');
  const xlsx = path.join(work, 'report.xlsx');
  // Not report.docx: LibreOffice names each PDF after its file.
  const doc = path.join(work, 'report-doc.docx');
  run(
    'node',
    [
      tally,
      'report',
      path.join(samples, '2025年青川市两纲监测数据.xlsx'),
      '--prior',
      path.join(samples, '2024年青川市两纲监测数据.xlsx'),
      '--out',
      xlsx,
      ...(docx ? ['--docx', doc] : []),
    ],
    { cwd: checkout },
  );
  fs.writeFileSync(path.join(work, 'fonts.conf'), FONTS_CONF);
  run(
    'soffice',
    [
      `-env:UserInstallation=file://${path.join(work, 'lo')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      xlsx,
      ...(docx ? [doc] : []),
    ],
    { env: { ...process.env, FONTCONFIG_FILE: path.join(work, 'fonts.conf') } },
  );

  // Which pages are which sheet: every sheet begins a page, and its first page has its title.
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const titles = wb.worksheets.map((ws) => [ws.name, flat(String(ws.getCell('A1').value ?? ''))]);
  const text = pages(path.join(work, 'report.pdf'));
  const starts = [];
  let from = 0;
  for (const [name, title] of titles) {
    const at = text.findIndex((t, i) => i >= from && t.includes(title));
    starts.push([name, at]);
    from = at + 1;
  }
  const sheetPages = {};
  starts.forEach(([name, at], i) => {
    const end = starts[i + 1]?.[1] ?? text.length;
    sheetPages[name] = Array.from({ length: end - at }, (_, k) => at + k + 1);
    console.log(`${label}: ${name} prints on ${end - at} page(s)`);
  });

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  });
  try {
    const summary = render(path.join(work, 'report.pdf'), sheetPages['指标汇总'] ?? [], 'summary');
    await compose(
      browser,
      summary,
      `指标汇总，打印（A4）：${summary.length} 页`,
      path.join(ROOT, 'docs', `${label}-summary.png`),
      Math.min(summary.length, 2),
    );
    // The document: its first two pages and the annex's first page; before the Word
    // document, the 监测报告 sheet as it printed.
    let docPages;
    if (docx) {
      const pdf = path.join(work, 'report-doc.pdf');
      const dt = pages(pdf);
      const annex = dt.findIndex((t) => t.startsWith('附件')) + 1;
      console.log(
        `${label}: the Word document has ${dt.length} page(s), the annex from page ${annex}`,
      );
      docPages = render(
        pdf,
        [...new Set([1, 2, annex])].filter((p) => p > 0),
        'doc',
      );
    } else {
      const list = sheetPages['监测报告'] ?? [];
      docPages = render(path.join(work, 'report.pdf'), list.slice(0, 3), 'doc').map((p) => ({
        ...p,
        note: `第 ${p.page - list[0] + 1} 页（共 ${list.length} 页）`,
      }));
    }
    await compose(
      browser,
      docPages,
      docx
        ? 'Word 文档（report.docx），LibreOffice 转 PDF（黑体、仿宋、楷体、小标宋以 Noto CJK 代替）'
        : '监测报告工作表，打印（A4）',
      path.join(ROOT, 'docs', `${label}-document.png`),
      3,
    );
  } finally {
    await browser.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
