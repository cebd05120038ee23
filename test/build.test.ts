import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkBundle } = require('../scripts/check-bundle.js') as {
  checkBundle: (dir: string) => { file: string; level: number; gzip: number; problem?: string }[];
};

/**
 * The check `npm run build` runs on dist/ (and the browser test on its build): every chunk
 * ES2019, every inline script of a page ES5. Here on files made to pass and to fail.
 */
describe('the bundle check', () => {
  it('passes ES2019 and an ES5 start-up script, and names what does not parse', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-bundle-'));
    writeFileSync(
      path.join(dir, 'ok.js'),
      'const f = async () => { try { await 1 } catch { } }; [[1]].flat();',
    );
    writeFileSync(path.join(dir, 'chained.js'), 'var a = b?.c;');
    writeFileSync(path.join(dir, 'nullish.js'), 'var a = b ?? c;');
    writeFileSync(path.join(dir, 'lookbehind.js'), 'var r = /(?<!\\d)x/;');
    writeFileSync(
      path.join(dir, 'page.html'),
      '<script src="x.js"></script><script>var ok = 1;</script><script>let nope = 2;</script>',
    );
    const results = checkBundle(dir);
    const by = Object.fromEntries(results.map((r) => [r.file, r]));
    expect(by['ok.js']?.problem).toBeUndefined();
    expect(by['chained.js']?.problem).toMatch(/^Unexpected token at 1:10/);
    expect(by['nullish.js']?.problem).toBeDefined();
    expect(by['page.html <script> 1']).toMatchObject({ level: 5 });
    expect(by['page.html <script> 1']?.problem).toBeUndefined();
    expect(by['page.html <script> 2']?.problem).toBeDefined();
    // ES2018 syntax, but Safari before 16.4 cannot compile it: refused too.
    expect(by['lookbehind.js']?.problem).toMatch(/lookbehind \(\/\(\?<!\\d\)x\/\)/);
    expect(results.every((r) => r.gzip > 0)).toBe(true);
  });
});
