'use strict';
// Lets a child `node` process run the TypeScript sources directly (no build step), for tests
// that need a real process: pipes, exit codes, memory. Each .ts file is compiled by SWC, as
// Jest does, and the result cached in the system's temporary folder by content; SWC itself is
// loaded only on a cache miss, so a warm run measures Tally's memory, not the compiler's.
const crypto = require('node:crypto');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const CACHE = path.join(os.tmpdir(), 'tally-swc-cache');
fs.mkdirSync(CACHE, { recursive: true });

require.extensions['.ts'] = function compileTs(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const hash = crypto.createHash('sha1').update(filename).update('\0').update(source).digest('hex');
  const cached = path.join(CACHE, `${hash}.js`);
  let code;
  try {
    code = fs.readFileSync(cached, 'utf8');
  } catch {
    code = require('@swc/core').transformSync(source, {
      filename,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    }).code;
    const tmp = `${cached}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, code);
    fs.renameSync(tmp, cached);
  }
  module._compile(code, filename);
};
