import fc from 'fast-check';
import { allMessageKeys } from '../../src/core/messages/index';
import { walk } from '../../src/core/rules/ast';
import { compileRule } from '../../src/core/rules/compile';
import { columnsDataset } from '../../src/core/rules/data';
import { issueText } from '../../src/core/rules/issues';
import { parseRule } from '../../src/core/rules/parse';
import { expectEqual, runs } from '../support/property';

/**
 * The rule language under random input: any string gives a parse or a typed RuleIssue (a key of
 * the message catalogue, with a place inside the rule), never a throw; and well-formed arithmetic
 * printed with the fewest parentheses evaluates to what the same tree gives in plain JavaScript,
 * so precedence and associativity are checked on thousands of expressions.
 */

const KEYS = new Set<string>(allMessageKeys());
const data = columnsDataset({
  columns: { a: [3, -2, null], 活产数: [10, 0, 7], s: ['x', 'y', null] },
});

/** Pieces a rule is made of, written as statisticians write them (full-width too). */
const TOKENS = [
  '[a]',
  '[活产数]',
  '[FE1!活产数]',
  '[',
  ']',
  '［',
  '】',
  '(',
  ')',
  '（',
  '）',
  '+',
  '-',
  '*',
  '/',
  '^',
  '=',
  '==',
  '<>',
  '!=',
  '<',
  '<=',
  '>',
  '>=',
  '＜＝',
  '≤',
  '≠',
  '"',
  '"x"',
  '“',
  ',',
  '，',
  '%',
  '1',
  '0',
  '2.5',
  '1e3',
  '.',
  'AND(',
  'OR(',
  'NOT(',
  'IF(',
  'ABS(',
  'SUM(',
  'ROUND(',
  'ISBLANK(',
  'BETWEEN(',
  'PREV(',
  'MAX',
  'TRUE',
  '活',
  '产',
  ' ',
  '\n',
  '!',
  '１',
  '0x1',
];

/** What is wrong with the parse and compile of `source` (empty when all is right). */
function failures(source: string): string[] {
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  const p = parseRule(source);
  if (p.ok) {
    for (const n of walk(p.ast)) {
      check(
        0 <= n.start && n.start <= n.end && n.end <= source.length,
        `${n.type} at ${n.start}–${n.end}`,
      );
    }
  } else {
    check(KEYS.has(p.issue.key), `unknown key ${p.issue.key}`);
    const at = p.issue.position;
    check(at === undefined || (at >= 1 && at <= [...source].length + 1), `position ${at}`);
    // Every issue can be said, in both languages, with no placeholder left unfilled.
    for (const lang of ['zh', 'en'] as const) {
      const text = issueText(lang, p.issue);
      check(!/\{\w+\}/.test(text), `unfilled: ${text}`);
    }
  }
  const c = compileRule(source, { catalog: data });
  if (c.ok) {
    const out = [...c.rule.evaluate(data)];
    check(out.length === 3 && out.every((v) => v === 1 || v === 0 || v === -1), `gave ${out}`);
  } else {
    check(KEYS.has(c.issue.key), `unknown key ${c.issue.key}`);
  }
  return bad;
}

function checkResult(source: string): void {
  expect({ source, failures: failures(source) }).toEqual({ source, failures: [] });
}

describe('the rule parser never throws', () => {
  test('any string (3,000 runs)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80, unit: 'grapheme' }), (s) => checkResult(s)),
      runs(3000),
    );
  });

  test('strings of the rule alphabet: brackets, operators, functions, Chinese (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TOKENS), { maxLength: 40 }).map((t) => t.join('')),
        (s) => checkResult(s),
      ),
      runs(3000),
    );
  });

  test('near the limits: long runs of brackets and signs (800 runs)', () => {
    const piece = fc.constantFrom('(', ')', '-', '+', '[a]', 'ABS(', '1', '+1');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(piece, fc.integer({ min: 1, max: 120 })), { maxLength: 8 }),
        (parts) => checkResult(parts.map(([p, n]) => p.repeat(n)).join('')),
      ),
      runs(800),
    );
  });
});

// ---- well-formed arithmetic, printed with as few parentheses as the precedence needs ----

type Tree =
  | { k: 'num'; v: number }
  | { k: 'item' }
  | { k: 'neg'; x: Tree }
  | { k: 'bin'; op: '+' | '-' | '*' | '^'; l: Tree; r: Tree };

const PREC = { '+': 1, '-': 1, '*': 2, '^': 3 } as const;

const tree: fc.Arbitrary<Tree> = fc.letrec<{ t: Tree }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.integer({ min: 0, max: 9 }).map((v): Tree => ({ k: 'num', v })),
    fc.constant<Tree>({ k: 'item' }),
    tie('t').map((x): Tree => ({ k: 'neg', x })),
    fc
      .tuple(fc.constantFrom('+', '-', '*', '^'), tie('t'), tie('t'))
      .map(([op, l, r]): Tree => ({ k: 'bin', op: op as '+' | '-' | '*' | '^', l, r })),
  ),
})).t;

/** Excel's reading, written out: left to right at each level, the sign binds tightest. */
function value(t: Tree, a: number): number {
  switch (t.k) {
    case 'num':
      return t.v;
    case 'item':
      return a;
    case 'neg':
      return -value(t.x, a);
    case 'bin': {
      const l = value(t.l, a);
      const r = value(t.r, a);
      return t.op === '+' ? l + r : t.op === '-' ? l - r : t.op === '*' ? l * r : l ** r;
    }
  }
}

function print(t: Tree): string {
  switch (t.k) {
    case 'num':
      return String(t.v);
    case 'item':
      return '[a]';
    case 'neg':
      return t.x.k === 'bin' ? `-(${print(t.x)})` : `-${print(t.x)}`;
    case 'bin': {
      const p = PREC[t.op];
      // Left-associative: the left side needs brackets only when it binds looser, the right
      // side also when it binds the same.
      const side = (s: Tree, right: boolean) =>
        s.k === 'bin' && (PREC[s.op] < p || (right && PREC[s.op] === p))
          ? `(${print(s)})`
          : print(s);
      return `${side(t.l, false)} ${t.op} ${side(t.r, true)}`;
    }
  }
}

function depth(t: Tree): number {
  return t.k === 'bin' ? 1 + Math.max(depth(t.l), depth(t.r)) : t.k === 'neg' ? 1 + depth(t.x) : 0;
}

describe('well-formed arithmetic evaluates as written', () => {
  test('printed with the fewest brackets, it gives what the tree gives (2,000 runs)', () => {
    fc.assert(
      fc.property(
        tree.filter((t) => depth(t) <= 12),
        (t) => {
          const text = print(t);
          const expected = [3, -2, 0.5].map((a) => value(t, a));
          // Compare with a tolerance that scales; a result that is not finite is unknown.
          const rule = `ABS((${text}) - [e]) <= 1e-9 * MAX(1, ABS([e]))`;
          const d = columnsDataset({
            columns: { a: [3, -2, 0.5], e: expected.map((x) => (Number.isFinite(x) ? x : null)) },
          });
          const c = compileRule(rule, { catalog: d });
          if (!c.ok) throw new Error(`${text}: ${c.issue.key}`);
          // 1 where the value is the tree's, -1 (unknown) where the tree's is not finite.
          expectEqual(
            { text, got: [...c.rule.evaluate(d)] },
            { text, got: expected.map((x) => (Number.isFinite(x) ? 1 : -1)) },
          );
        },
      ),
      runs(2000),
    );
  });
});
