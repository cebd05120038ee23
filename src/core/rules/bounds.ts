import { characterPosition, type FoldedRule } from './fold';
import type { RuleIssue } from './issues';

/**
 * Limits on a rule, checked before it is parsed, so that no rule — however long or deeply
 * nested, typed by a person or made by a program — can make the parser or any walk over its
 * tree run out of stack. Both are far beyond what a person writes: the longest default rule
 * has 70 characters and 2 levels.
 */
export const RULE_LIMITS = {
  /** Characters (code points, as a user counts) in one rule. */
  length: 4000,
  /**
   * Levels of nesting: each open parenthesis (also a function's) and each sign in front of an
   * operand (`-x`, `--x`) is a level; `((-[a]))` has 3.
   */
  depth: 64,
} as const;

/** The rule's length in code points, or its UTF-16 length when that is far past the limit. */
function lengthOf(source: string, limit: number): number {
  if (source.length > 2 * limit) return source.length;
  let n = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < source.length) i++;
    n++;
  }
  return n;
}

/** A rule longer than the limit, before anything else is done with it. */
export function lengthIssue(source: string): RuleIssue | undefined {
  const limit = RULE_LIMITS.length;
  const length = lengthOf(source, limit);
  if (length <= limit) return undefined;
  return { key: 'rules.tooLong', params: { length, limit } };
}

const OPERATORS = new Set(['+', '-', '*', '/', '^', '<', '>', '=', '!', ',']);
const SPACE = new Set([' ', '\t', '\r', '\n']);

/**
 * The first place where the folded rule nests deeper than the limit: one pass, counting open
 * parentheses and the signs in front of operands, ignoring what is inside `[ ]` and `" "`.
 */
export function depthIssue(source: string, folded: FoldedRule): RuleIssue | undefined {
  const limit = RULE_LIMITS.depth;
  const text = folded.text;
  /** Signs waiting for their operand at each open parenthesis, and their sum. */
  const pending: number[] = [];
  let pendingSum = 0;
  let signs = 0;
  let expectOperand = true;
  let state: 'code' | 'item' | 'string' = 'code';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (state === 'item') {
      if (ch === ']') state = 'code';
      continue;
    }
    if (state === 'string') {
      if (ch === '"') {
        if (text[i + 1] === '"') i++;
        else state = 'code';
      }
      continue;
    }
    if (SPACE.has(ch)) continue;
    let level = 0;
    if (ch === '(') {
      pending.push(signs);
      pendingSum += signs;
      signs = 0;
      expectOperand = true;
      level = pending.length + pendingSum;
    } else if (ch === ')') {
      pendingSum -= pending.pop() ?? 0;
      signs = 0;
      expectOperand = false;
    } else if ((ch === '-' || ch === '+') && expectOperand) {
      signs++;
      level = pending.length + pendingSum + signs;
    } else if (OPERATORS.has(ch)) {
      signs = 0;
      expectOperand = true;
    } else {
      // An operand begins or goes on: a number, a name, an item or a string.
      if (ch === '[') state = 'item';
      else if (ch === '"') state = 'string';
      signs = 0;
      expectOperand = false;
    }
    if (level > limit) {
      const start = folded.map[i] ?? 0;
      const position = characterPosition(source, start);
      return {
        key: 'rules.tooDeep',
        params: { limit, position },
        start,
        end: start + 1,
        position,
      };
    }
  }
  return undefined;
}
