#!/usr/bin/env node
'use strict';
/**
 * After `npm run build` (and in the browser test's build): every .js file the pane can load
 * must parse as ES2019, the language level of the webviews the manifest admits (README's
 * version table; ES_TARGET in webpack.config.js), and every script inline in an .html page as
 * ES5 (taskpane.html's start-up script must run in Internet Explorer 11 to say it cannot run
 * there). Prints each chunk's size, raw and gzipped. Exits 1 naming the file, line and column
 * of the first construct that level does not have. The web page's folder (web/) must also have
 * no Office.js in it (officeInWeb): the page runs where there is no Office.
 *
 *   node scripts/check-bundle.js [dir]     (default dist/)
 */
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const acorn = require('acorn');

const ECMA_VERSION = 2019;
const INLINE_VERSION = 5;

/**
 * Why `source` does not parse at `ecmaVersion`, or undefined when it does. A regular
 * expression with a lookbehind (`(?<=`, `(?<!`) counts as not parsing: it is ES2018, but Safari
 * before 16.4 (the Mac's webview) cannot compile it, and the whole script then fails to load.
 */
function problemOf(source, ecmaVersion) {
  try {
    let lookbehind;
    acorn.parse(source, {
      ecmaVersion,
      sourceType: 'script',
      onToken: (token) => {
        if (!lookbehind && token.type.label === 'regexp' && /\(\?<[=!]/.test(token.value.pattern)) {
          lookbehind = token;
        }
      },
    });
    if (lookbehind) {
      const line = source.slice(0, lookbehind.start).split('\n').length;
      return `a regular expression with a lookbehind (/${lookbehind.value.pattern}/) on line ${line}: Safari before 16.4 cannot compile it`;
    }
    return undefined;
  } catch (e) {
    const at = e.loc ? `${e.loc.line}:${e.loc.column}` : '?';
    const near = source.slice(Math.max(0, e.pos - 40), e.pos + 20).replace(/\s+/g, ' ');
    return `${e.message.replace(/ \(\d+:\d+\)$/, '')} at ${at}, near “${near}”`;
  }
}

/** The scripts written inside an HTML page (not those it loads by src). */
function inlineScripts(html) {
  return [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)]
    .map((m) => m[1])
    .filter((code) => code.trim() !== '');
}

/**
 * Every .js file under `dir` (ES2019) and every inline script of its .html pages (ES5), with
 * sizes and gzipped sizes, and whether each parses.
 */
function checkBundle(dir) {
  const files = fs
    .readdirSync(dir, { recursive: true })
    .filter((f) => typeof f === 'string' && (f.endsWith('.js') || f.endsWith('.html')))
    .sort();
  return files.flatMap((f) => {
    const source = fs.readFileSync(path.join(dir, f), 'utf8');
    const pieces = f.endsWith('.html')
      ? inlineScripts(source).map((code, i) => ({
          file: `${f} <script> ${i + 1}`,
          code,
          level: INLINE_VERSION,
        }))
      : [{ file: f, code: source, level: ECMA_VERSION }];
    return pieces.map(({ file, code, level }) => {
      const problem = problemOf(code, level);
      return {
        file,
        level,
        bytes: Buffer.byteLength(code),
        gzip: zlib.gzipSync(code, { level: 9 }).length,
        ...(problem ? { problem } : {}),
      };
    });
  });
}

/**
 * What would tie the web page (网页版, the folder `web/` of the build) to Office: Microsoft's
 * office.js address, or code that calls Office.js (the page runs where there is no Office;
 * src/excel must not reach its bundle). Each hit as `file: what`; none when the folder is clean.
 */
const OFFICE_MARKERS = [
  /appsforoffice\.microsoft\.com/,
  /\bOffice\.(onReady|context|initialize)\b/,
  /\bExcel\.(run|RequestContext)\b/,
];

function officeInWeb(webDir) {
  if (!fs.existsSync(webDir)) return [];
  return fs
    .readdirSync(webDir, { recursive: true })
    .filter((f) => typeof f === 'string' && (f.endsWith('.js') || f.endsWith('.html')))
    .sort()
    .flatMap((f) => {
      const source = fs.readFileSync(path.join(webDir, f), 'utf8');
      return OFFICE_MARKERS.filter((re) => re.test(source)).map(
        (re) => `web/${f}: the web page's bundle has Office.js in it (${re.source})`,
      );
    });
}

function kib(n) {
  return `${(n / 1024).toFixed(1)} KiB`;
}

function main() {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist'));
  if (!fs.existsSync(dir)) {
    console.error(`${dir} does not exist: run npm run build first`);
    return 2;
  }
  const results = checkBundle(dir);
  let failed = 0;
  for (const r of results) {
    const size = `${kib(r.bytes).padStart(10)}  gzip ${kib(r.gzip).padStart(9)}`;
    console.log(`${r.problem ? 'FAIL' : 'ok  '} ${size}  ${r.file}`);
    if (r.problem) {
      failed++;
      console.log(`     not ES${r.level}: ${r.problem}`);
    }
  }
  // The web page's folder of a full build (dist/web), or the folder itself (…/web).
  const webDir = path.basename(dir) === 'web' ? dir : path.join(dir, 'web');
  const office = officeInWeb(webDir);
  for (const o of office) console.log(`FAIL ${o}`);
  if (fs.existsSync(webDir) && office.length === 0)
    console.log('ok   web/: no Office.js in the web page');
  failed += office.length;
  const total = results.reduce((n, r) => n + r.gzip, 0);
  console.log(
    `${results.length} scripts, ${kib(total)} gzipped in all; ${failed === 0 ? `every one parses (ES${ECMA_VERSION}, inline ES${INLINE_VERSION})` : `${failed} problem(s)`}`,
  );
  return failed === 0 ? 0 : 1;
}

if (require.main === module) process.exitCode = main();

module.exports = { checkBundle, officeInWeb, inlineScripts, ECMA_VERSION, INLINE_VERSION };
