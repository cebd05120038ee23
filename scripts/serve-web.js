#!/usr/bin/env node
'use strict';
/**
 * `npm run web`: serves the web page (dist/web, built by `npm run build`) on this machine only,
 * http://127.0.0.1:8080/ (PORT=… for another port). A static file server and nothing else: the
 * page needs no server-side code, and any intranet web server (IIS, nginx, Apache) serving the
 * dist/web folder does the same. The browser test (test/e2e/web.js) serves the page with it.
 *
 *   node scripts/serve-web.js [dir]     (default dist/web)
 */
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** The file under `root` a request's path names, or undefined (outside it, or not a file). */
function fileFor(root, pathname) {
  let decoded;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  const rel = decoded.endsWith('/') ? `${decoded}index.html` : decoded;
  const file = path.normalize(path.join(root, rel));
  if (!file.startsWith(root + path.sep)) return undefined;
  return fs.existsSync(file) && fs.statSync(file).isFile() ? file : undefined;
}

/**
 * A static server of `dir` on 127.0.0.1:`port` (0: any free port). GET and HEAD only; files
 * only under `dir`. Resolves with the listening server.
 * @param {string} dir
 * @param {number} [port]
 * @returns {Promise<http.Server>}
 */
function serveStatic(dir, port = 0) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://localhost');
    const file = fileFor(root, url.pathname);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') res.end();
    else fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve(server));
  });
}

async function main() {
  const dir = path.resolve(process.argv[2] ?? path.join(__dirname, '..', 'dist', 'web'));
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    process.stderr.write(
      `未找到 ${path.join(dir, 'index.html')}：请先运行 npm run build — not built; run npm run build first\n`,
    );
    return 2;
  }
  const port = Number(process.env.PORT ?? 8080);
  try {
    const server = await serveStatic(dir, port);
    const { port: actual } = server.address();
    process.stdout.write(
      `Tally 网页版：http://127.0.0.1:${actual}/ （按 Ctrl+C 停止 — Ctrl+C to stop）\n`,
    );
  } catch (e) {
    const busy = e && e.code === 'EADDRINUSE';
    process.stderr.write(
      busy
        ? `端口 ${port} 已被占用，请用 PORT=8081 npm run web 换一个端口 — port ${port} is in use; try PORT=8081 npm run web\n`
        : `无法启动：${e && e.message} — could not start: ${e && e.message}\n`,
    );
    return 1;
  }
  return 0;
}

if (require.main === module) {
  main().then((code) => {
    if (code !== 0) process.exitCode = code;
  });
}

module.exports = { serveStatic };
