import type { Expr } from './ast';
import { depthIssue, lengthIssue } from './bounds';
import { characterPosition, foldRule, type FoldedRule } from './fold';
import { parse as parseFolded, type GrammarExpectation } from './grammar.generated';
import type { RuleIssue, Token } from './issues';
import type { MessageKey } from '../messages/index';
import { fold } from '../read/normalize';

export type ParseResult = { ok: true; ast: Expr } | { ok: false; issue: RuleIssue };

/** Keys the grammar's actions raise (grammar.peggy); anything else is Peggy's own syntax error. */
const ACTION_ERRORS: ReadonlySet<string> = new Set([
  'rules.chainedComparison',
  'rules.bareName',
  'rules.prevArgument',
  'rules.emptyItem',
]);

/**
 * Parse one rule into its syntax tree. Offsets in the tree and in the issue index `source` as
 * written (before full-width folding). Never throws for bad input. A rule beyond RULE_LIMITS
 * (bounds.ts) is refused before it is parsed, which bounds the generated parser's recursion.
 */
export function parseRule(source: string): ParseResult {
  const tooLong = lengthIssue(source);
  if (tooLong) return { ok: false, issue: tooLong };
  const folded = foldRule(source);
  if (folded.text.trim() === '') {
    return { ok: false, issue: { key: 'rules.empty', params: {}, start: 0, end: source.length } };
  }
  const tooDeep = depthIssue(source, folded);
  if (tooDeep) return { ok: false, issue: tooDeep };
  try {
    const ast = parseFolded(folded.text);
    remap(ast, folded.map);
    return { ok: true, ast };
  } catch (e) {
    if (!isGrammarError(e)) throw e;
    return { ok: false, issue: grammarIssue(source, folded, e) };
  }
}

interface GrammarError {
  message: string;
  expected: GrammarExpectation[] | null;
  found: string | null;
  location: { start: { offset: number }; end: { offset: number } };
}

function isGrammarError(e: unknown): e is GrammarError {
  return (
    e instanceof Error &&
    e.name === 'SyntaxError' &&
    'location' in e &&
    typeof (e as { location?: unknown }).location === 'object'
  );
}

function at(map: readonly number[], offset: number): number {
  return map[Math.min(offset, map.length - 1)] ?? 0;
}

function grammarIssue(source: string, folded: FoldedRule, e: GrammarError): RuleIssue {
  const start = at(folded.map, e.location.start.offset);
  const end = Math.max(start, at(folded.map, e.location.end.offset));
  const position = characterPosition(source, start);
  if (e.expected === null && ACTION_ERRORS.has(e.message)) {
    const key = e.message as MessageKey;
    const issue: RuleIssue = { key, params: { position }, start, end, position };
    if (key === 'rules.bareName') {
      const name = source.slice(start, end).trim();
      issue.params.name = name;
      // TRUE and FALSE are not in the language (rules.md); a condition says the same.
      if (/^(true|false)$/i.test(fold(name))) issue.key = 'rules.noBoolean';
    }
    return issue;
  }
  const cp = source.codePointAt(start);
  const written = cp === undefined ? e.found : String.fromCodePoint(cp);
  const found: Token =
    e.found === null || written === null ? { kind: 'end' } : { literal: written };
  return {
    key: 'rules.syntax',
    params: { position },
    start,
    end: 'literal' in found ? start + found.literal.length : start,
    position,
    syntax: { found, expected: expectedTokens(e.expected ?? []) },
  };
}

/** Peggy's expectations as tokens a statistician recognises, in a stable order, without repeats. */
function expectedTokens(expected: readonly GrammarExpectation[]): Token[] {
  const kinds = new Set<string>();
  const literals = new Set<string>();
  for (const x of expected) {
    switch (x.type) {
      case 'end':
        kinds.add('end');
        break;
      case 'other':
        if (x.description === 'closing quote') literals.add('"');
        else if (x.description !== 'whitespace') kinds.add(x.description);
        break;
      case 'literal':
        if (x.text === '[') kinds.add('item');
        else if (x.text === '"') kinds.add('string');
        else if (x.text !== '""') literals.add(x.text);
        break;
      case 'class':
        // [-+] before an operand is a sign; [^"] and [^\]] (inside text and brackets) say nothing.
        if (!x.inverted) for (const p of x.parts) if (typeof p === 'string') literals.add(p);
        break;
      default:
        break;
    }
  }
  const order = ['item', 'number', 'function', 'string', 'operator', 'comparison'] as const;
  const out: Token[] = [];
  for (const k of order) if (kinds.has(k)) out.push({ kind: k });
  for (const l of ['(', ')', ',', '-', '+']) if (literals.has(l)) out.push({ literal: l });
  for (const l of literals) if (!['(', ')', ',', '-', '+'].includes(l)) out.push({ literal: l });
  if (kinds.has('end')) out.push({ kind: 'end' });
  return out;
}

/**
 * Map every offset of the tree from the folded text back to the text as written. Iterative: a
 * chain of 2,000 additions is a tree 2,000 deep.
 */
function remap(root: Expr, map: readonly number[]): void {
  const stack: Expr[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    e.start = at(map, e.start);
    e.end = at(map, e.end);
    switch (e.type) {
      case 'unary':
        stack.push(e.operand);
        break;
      case 'binary':
      case 'compare':
        e.opStart = at(map, e.opStart);
        stack.push(e.right, e.left);
        break;
      case 'call':
        e.nameEnd = at(map, e.nameEnd);
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as Expr);
        break;
      default:
        break;
    }
  }
}
