import * as fs from 'fs';
import * as path from 'path';

// The generator is a plain CommonJS script; the test uses the same function it does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateGrammar } = require('../../../scripts/gen-grammar.js') as {
  generateGrammar(): Promise<{ js: string; dts: string; paths: { js: string; dts: string } }>;
};

const RULES = path.resolve(__dirname, '../../../src/core/rules');

/** eval, new Function, Function(...), setTimeout/setInterval with a string: code runners. */
const CODE_RUNNERS =
  /\beval\s*\(|\bnew\s+Function\b|(?<![\w$.])Function\s*\(|set(?:Timeout|Interval)\s*\(\s*['"`]/;

describe('the generated parser', () => {
  it('is what scripts/gen-grammar.js makes from grammar.peggy today (run npm run gen:grammar)', async () => {
    const { js, dts, paths } = await generateGrammar();
    expect(fs.readFileSync(paths.js, 'utf8')).toBe(js);
    expect(fs.readFileSync(paths.dts, 'utf8')).toBe(dts);
  });

  it('uses no eval or new Function, and neither does the rest of the rule engine', () => {
    const files = fs.readdirSync(RULES).filter((f) => /\.(ts|js)$/.test(f));
    expect(files).toEqual(
      expect.arrayContaining(['grammar.generated.js', 'compile.ts', 'functions.ts']),
    );
    for (const f of files) {
      const text = fs.readFileSync(path.join(RULES, f), 'utf8');
      expect({ file: f, runner: CODE_RUNNERS.exec(text)?.[0] }).toEqual({
        file: f,
        runner: undefined,
      });
    }
  });

  it('the pattern does catch code runners', () => {
    for (const bad of ['eval("1")', 'new Function("return 1")', 'x = Function("a", "return a")']) {
      expect(CODE_RUNNERS.test(bad)).toBe(true);
    }
    expect(CODE_RUNNERS.test('peg$startRuleFunction()')).toBe(false);
  });
});
