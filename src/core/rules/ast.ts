/**
 * The syntax tree of a rule (rules.md, "Expressions"). The grammar (grammar.peggy) builds it;
 * `parseRule` (parse.ts) maps every offset back to the rule text as the user wrote it, so
 * `start`/`end` index the original string (UTF-16 code units, `end` exclusive) even when the
 * rule was typed with full-width punctuation.
 */

export interface Span {
  start: number;
  end: number;
}

/** `0.6`, `1e-3`, `45%` (value 0.45, `percent` true). */
export interface NumberLiteral extends Span {
  type: 'number';
  value: number;
  percent: boolean;
}

/** `"sc0"`; `""` inside the quotes is one `"`. */
export interface StringLiteral extends Span {
  type: 'string';
  value: string;
}

/**
 * `[活产数]`, `[FE3!结婚登记人数]` (another form, same reporting unit), `PREV([活产数])` (the
 * previous period). `name` and `form` are as written, trimmed; matching uses normalizeHeader.
 */
export interface ItemReference extends Span {
  type: 'item';
  name: string;
  form?: string;
  previous: boolean;
}

export type UnaryOperator = '-' | '+';
export interface UnaryExpression extends Span {
  type: 'unary';
  op: UnaryOperator;
  operand: Expr;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '^';
export interface BinaryExpression extends Span {
  type: 'binary';
  op: ArithmeticOperator;
  left: Expr;
  right: Expr;
  /** Where the operator is, for messages. */
  opStart: number;
}

/** `==` is read as `=` and `!=` as `<>`. */
export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=';
export interface ComparisonExpression extends Span {
  type: 'compare';
  op: ComparisonOperator;
  left: Expr;
  right: Expr;
  opStart: number;
}

/** `ROUND(x, 1)`; `name` is upper-cased (function names are case-insensitive). */
export interface CallExpression extends Span {
  type: 'call';
  name: string;
  /** The name as written. */
  written: string;
  args: Expr[];
  /** End of the name (the call's `start` is its beginning). */
  nameEnd: number;
}

export type Expr =
  | NumberLiteral
  | StringLiteral
  | ItemReference
  | UnaryExpression
  | BinaryExpression
  | ComparisonExpression
  | CallExpression;

/**
 * Every node of a tree, depth first, parents before children, left to right. Iterative, so a
 * deep tree (a long chain of additions) cannot exhaust the stack.
 */
export function* walk(root: Expr): Generator<Expr> {
  const stack: Expr[] = [root];
  for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
    yield e;
    switch (e.type) {
      case 'unary':
        stack.push(e.operand);
        break;
      case 'binary':
      case 'compare':
        stack.push(e.right, e.left);
        break;
      case 'call':
        for (let i = e.args.length - 1; i >= 0; i--) stack.push(e.args[i] as Expr);
        break;
      default:
        break;
    }
  }
}
