import { normalizeHeader } from '../read/normalize';
import type { MessageKey, Params } from '../messages/index';
import type {
  ArithmeticOperator,
  BinaryExpression,
  CallExpression,
  ComparisonOperator,
  Expr,
  ItemReference,
  Span,
} from './ast';
import {
  queryOf,
  queryText,
  type ItemCatalog,
  type ItemColumn,
  type ItemLookup,
  type ItemQuery,
  type RuleData,
} from './data';
import { characterPosition } from './fold';
import { functionNames, lookupFunction, type ParamKind } from './functions';
import { RuleDataError, type RuleIssue } from './issues';
import { parseRule } from './parse';
import { closest } from './suggest';
import {
  FALSE,
  NAN,
  TRUE,
  UNKNOWN,
  asLogical,
  asNumbers,
  asText,
  isUnknownText,
  type Text,
  type Vec,
} from './vector';

/**
 * Compiling a rule: the syntax tree becomes a tree of closures over whole columns; no text is
 * ever handed to a code runner. Compile once, then `evaluate` computes every record of a dataset in one pass
 * per operator, each a tight loop over typed arrays.
 *
 * Meaning (rules.md, the same as R's validate): blank is unknown; arithmetic and comparisons
 * with unknown are unknown; AND/OR/NOT are Kleene; IF(unknown, …) is unknown; ISBLANK is never
 * unknown; division by zero — and any result that is not a finite number — is unknown;
 * `=` holds when |a − b| ≤ tolerance and `<>` when |a − b| > tolerance.
 * Where this differs from R: R gives Inf for x/0 and 1 for NA^0 and 1^NA (here unknown); R's
 * `-2^2` is -4 (here 4, as in Excel, which also reads `2^3^2` as (2^3)^2).
 */

export const DEFAULT_TOLERANCE = 1e-8;

export interface CompileOptions {
  /** Absolute tolerance of `=` and `<>` between numbers; default 1e-8 (rules.md). */
  tolerance?: number;
  /** When given, every item must exist in it: an unknown item is a compile error with a hint. */
  catalog?: ItemCatalog;
}

/** An item a rule reads, with where it is written (the first time) in the rule. */
export interface RuleRef extends ItemQuery {
  /** As written in a rule: `[活产数]`, `[FE3!结婚登记人数]`, `PREV([活产数])`. */
  text: string;
  start: number;
  end: number;
}

export interface CompiledRule {
  readonly source: string;
  readonly ast: Expr;
  readonly tolerance: number;
  /** The distinct items the rule reads, in the order they first appear. */
  readonly refs: readonly RuleRef[];
  /**
   * One outcome per record: 1 pass, 0 fail, -1 not evaluated (unknown). Throws RuleDataError
   * when the data has no column for one of `refs`.
   */
  evaluate(data: RuleData): Int8Array;
}

export type CompileResult = { ok: true; rule: CompiledRule } | { ok: false; issue: RuleIssue };

/** Parse and compile one rule. Never throws for a bad rule: the issue says what and where. */
export function compileRule(source: string, options: CompileOptions = {}): CompileResult {
  const parsed = parseRule(source);
  if (!parsed.ok) return parsed;
  return compileAst(parsed.ast, source, options);
}

/** Compile a tree `parseRule(source)` produced. */
export function compileAst(ast: Expr, source: string, options: CompileOptions = {}): CompileResult {
  const tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  if (!(tolerance >= 0) || !Number.isFinite(tolerance)) {
    return {
      ok: false,
      issue: { key: 'rules.badTolerance', params: { value: String(tolerance) } },
    };
  }
  const compiler = new Compiler(source, tolerance, options.catalog);
  try {
    const root = compiler.build(ast);
    if (root.kind !== 'logical') throw new Failure(compiler.issue('rules.notCondition', ast));
    const refs = compiler.refs;
    const run = root.run;
    const rule: CompiledRule = {
      source,
      ast,
      tolerance,
      refs,
      evaluate(data: RuleData): Int8Array {
        const columns = refs.map((r) => bind(source, r, data));
        const result = run({ size: data.size, columns });
        return asLogical(result, data.size);
      },
    };
    return { ok: true, rule };
  } catch (e) {
    if (e instanceof Failure) return { ok: false, issue: e.issue };
    throw e;
  }
}

/** The issue for an item the data or catalogue does not have, with a "did you mean". */
export function missingItemIssue(
  source: string | undefined,
  ref: ItemQuery & Partial<Span>,
  answer: Exclude<ItemLookup, { found: true }>,
): RuleIssue {
  const position =
    source !== undefined && ref.start !== undefined ? characterPosition(source, ref.start) : 1;
  const issue: RuleIssue = { key: 'rules.unknownItem', params: { position, item: ref.name } };
  if (ref.start !== undefined && ref.end !== undefined) {
    issue.start = ref.start;
    issue.end = ref.end;
    issue.position = position;
  }
  let suggestion: string | undefined;
  switch (answer.missing) {
    case 'previous':
      issue.key = 'rules.noPrevious';
      break;
    case 'form': {
      issue.key = 'rules.unknownForm';
      issue.params.form = ref.form ?? '';
      const f = closest(ref.form ?? '', answer.candidates, normalizeHeader);
      if (f !== undefined) suggestion = queryText({ ...ref, form: f });
      break;
    }
    case 'item': {
      if (ref.form !== undefined) {
        issue.key = 'rules.unknownFormItem';
        issue.params.form = ref.form;
      }
      const n = closest(ref.name, answer.candidates, normalizeHeader);
      if (n !== undefined) suggestion = queryText({ ...ref, name: n });
      break;
    }
  }
  if (suggestion !== undefined) issue.suggestion = suggestion;
  return issue;
}

function bind(source: string, ref: RuleRef, data: RuleData): ItemColumn {
  const column = data.column(ref);
  if (!column) {
    const lookup = (data as Partial<ItemCatalog>).lookup;
    const answer: ItemLookup =
      typeof lookup === 'function'
        ? lookup.call(data, ref)
        : { found: false, missing: 'item', candidates: [] };
    throw new RuleDataError(
      missingItemIssue(
        source,
        ref,
        answer.found ? { found: false, missing: 'item', candidates: [] } : answer,
      ),
    );
  }
  if (column.values.length !== data.size) {
    throw new RangeError(
      `column ${ref.text} has ${column.values.length} values for ${data.size} records`,
    );
  }
  return column;
}

class Failure {
  constructor(readonly issue: RuleIssue) {}
}

interface Env {
  size: number;
  columns: readonly ItemColumn[];
}

/** Static kinds: `item` is a column whose kind (numbers or text) is known only from the data. */
type Kind = 'number' | 'logical' | 'text' | 'item';

interface Node {
  kind: Kind;
  run(env: Env): Vec;
}

type Numbers = (env: Env) => Float64Array;
type Truths = (env: Env) => Int8Array;

class Compiler {
  readonly refs: RuleRef[] = [];
  private readonly refIndex = new Map<string, number>();

  constructor(
    private readonly source: string,
    private readonly tolerance: number,
    private readonly catalog: ItemCatalog | undefined,
  ) {}

  issue(key: MessageKey, at: Span, params: Params = {}): RuleIssue {
    const position = characterPosition(this.source, at.start);
    return { key, params: { position, ...params }, start: at.start, end: at.end, position };
  }

  build(e: Expr): Node {
    switch (e.type) {
      case 'number': {
        const value = e.value;
        return {
          kind: 'number',
          run: (env) => ({ kind: 'number', values: new Float64Array(env.size).fill(value) }),
        };
      }
      case 'string': {
        const value = e.value;
        return {
          kind: 'text',
          run: (env) => ({ kind: 'text', values: new Array<string>(env.size).fill(value) }),
        };
      }
      case 'item': {
        const index = this.reference(e);
        return {
          kind: 'item',
          run: (env) => {
            const c = env.columns[index];
            if (!c) throw new RangeError(`item ${index} is not bound`);
            return c;
          },
        };
      }
      case 'unary': {
        const x = this.numbers(e.operand);
        if (e.op === '+')
          return { kind: 'number', run: (env) => ({ kind: 'number', values: x(env) }) };
        return {
          kind: 'number',
          run: (env) => {
            const a = x(env);
            const out = new Float64Array(env.size);
            for (let i = 0; i < env.size; i++) out[i] = -(a[i] as number);
            return { kind: 'number', values: out };
          },
        };
      }
      case 'binary':
        return this.chain(e);
      case 'compare':
        return this.comparison(e.op, e.left, e.right);
      case 'call':
        return this.call(e);
    }
  }

  /**
   * `a + b - c * d …`: the grammar builds a left-leaning tree, one level per operator (a rule of
   * 2,000 additions is 2,000 deep). Its left spine is compiled and run as one loop, in the same
   * order as the tree, so neither compiling nor evaluating recurses along it.
   */
  private chain(e: BinaryExpression): Node {
    const links: { op: ArithmeticOperator; right: Expr }[] = [];
    let head: Expr = e;
    while (head.type === 'binary') {
      links.push({ op: head.op, right: head.right });
      head = head.left;
    }
    links.reverse();
    const first = this.numbers(head);
    const rest = links.map((l) => ({ op: l.op, values: this.numbers(l.right) }));
    return {
      kind: 'number',
      run: (env) => {
        let acc = first(env);
        for (const r of rest) acc = arithmetic(r.op, acc, r.values(env), env.size);
        return { kind: 'number', values: acc };
      },
    };
  }

  private reference(e: ItemReference): number {
    const q = queryOf(e);
    const id = `${q.previous ? 'p' : 'c'}|${q.form === undefined ? '' : normalizeHeader(q.form)}|${q.key}`;
    const known = this.refIndex.get(id);
    if (known !== undefined) return known;
    const ref: RuleRef = { ...q, text: queryText(q), start: e.start, end: e.end };
    if (this.catalog) {
      const answer = this.catalog.lookup(q);
      if (!answer.found) throw new Failure(missingItemIssue(this.source, ref, answer));
    }
    this.refs.push(ref);
    this.refIndex.set(id, this.refs.length - 1);
    return this.refs.length - 1;
  }

  private numbers(e: Expr): Numbers {
    const node = this.build(e);
    if (node.kind === 'text') throw new Failure(this.issue('rules.textArithmetic', e));
    if (node.kind === 'number') {
      const run = node.run;
      return (env) => {
        const v = run(env);
        return v.kind === 'number' ? v.values : asNumbers(v, env.size);
      };
    }
    return (env) => asNumbers(node.run(env), env.size);
  }

  private truths(e: Expr): Truths {
    const node = this.build(e);
    if (node.kind === 'text') throw new Failure(this.issue('rules.textArithmetic', e));
    return (env) => asLogical(node.run(env), env.size);
  }

  private comparison(op: ComparisonOperator, left: Expr, right: Expr): Node {
    const tolerance = this.tolerance;
    const ordering = op !== '=' && op !== '<>';
    const l = this.build(left);
    const r = this.build(right);
    if (ordering) {
      if (l.kind === 'text') throw new Failure(this.issue('rules.textOrder', left));
      if (r.kind === 'text') throw new Failure(this.issue('rules.textOrder', right));
    }
    const equalsNot = op === '<>';
    if (l.kind === 'text' || r.kind === 'text') {
      if (l.kind === 'number' || l.kind === 'logical')
        throw new Failure(this.issue('rules.textVsNumber', left));
      if (r.kind === 'number' || r.kind === 'logical')
        throw new Failure(this.issue('rules.textVsNumber', right));
      return {
        kind: 'logical',
        run: (env) => ({
          kind: 'logical',
          values: compareTexts(
            equalsNot,
            asText(l.run(env), env.size),
            asText(r.run(env), env.size),
            env.size,
          ),
        }),
      };
    }
    if (!ordering && l.kind === 'item' && r.kind === 'item') {
      // Two columns: text when both are text columns (`[size] = [size2]`), numbers otherwise.
      return {
        kind: 'logical',
        run: (env) => {
          const a = l.run(env);
          const b = r.run(env);
          const values =
            a.kind === 'text' && b.kind === 'text'
              ? compareTexts(equalsNot, a.values, b.values, env.size)
              : compareNumbers(
                  op,
                  asNumbers(a, env.size),
                  asNumbers(b, env.size),
                  env.size,
                  tolerance,
                );
          return { kind: 'logical', values };
        },
      };
    }
    const toNumbers =
      (n: Node): Numbers =>
      (env) =>
        asNumbers(n.run(env), env.size);
    const a = toNumbers(l);
    const b = toNumbers(r);
    return {
      kind: 'logical',
      run: (env) => ({
        kind: 'logical',
        values: compareNumbers(op, a(env), b(env), env.size, tolerance),
      }),
    };
  }

  private call(e: CallExpression): Node {
    const spec = lookupFunction(e.name);
    const nameSpan = { start: e.start, end: e.nameEnd };
    if (!spec) {
      const issue = this.issue('rules.unknownFunction', nameSpan, {
        name: e.written,
        known: [...functionNames(), 'PREV'].join(', '),
      });
      const hint = closest(e.name, [...functionNames(), 'PREV']);
      if (hint !== undefined) issue.suggestion = hint;
      throw new Failure(issue);
    }
    const count = e.args.length;
    if (count < spec.minArgs || count > spec.maxArgs) {
      const key: MessageKey =
        spec.maxArgs === Infinity
          ? 'rules.arity.min'
          : spec.minArgs === spec.maxArgs
            ? 'rules.arity.exact'
            : 'rules.arity.range';
      throw new Failure(
        this.issue(key, nameSpan, { name: e.name, min: spec.minArgs, max: spec.maxArgs, count }),
      );
    }
    const kinds: ParamKind[] = e.args.map(
      (_, i) => spec.params[Math.min(i, spec.params.length - 1)] ?? 'any',
    );
    const args: ((env: Env) => Vec)[] = [];
    const branches: { node: Node; expr: Expr; slot: number }[] = [];
    e.args.forEach((arg, i) => {
      switch (kinds[i]) {
        case 'number': {
          const f = this.numbers(arg);
          args.push((env) => ({ kind: 'number', values: f(env) }));
          break;
        }
        case 'logical': {
          const f = this.truths(arg);
          args.push((env) => ({ kind: 'logical', values: f(env) }));
          break;
        }
        case 'branch': {
          const node = this.build(arg);
          branches.push({ node, expr: arg, slot: args.length });
          args.push(node.run);
          break;
        }
        default: {
          const node = this.build(arg);
          args.push(node.run);
        }
      }
    });
    const implementation = spec.implementation;
    if (spec.returns !== 'branches') {
      const kind = spec.returns;
      return {
        kind,
        run: (env) =>
          implementation(
            args.map((a) => a(env)),
            env.size,
          ),
      };
    }
    const kind = this.branchKind(branches);
    return {
      kind,
      run: (env) => {
        const values = args.map((a) => a(env));
        const slots = branches.map((b) => b.slot);
        const target =
          kind === 'item'
            ? slots.every((s) => values[s]?.kind === 'text')
              ? 'text'
              : 'number'
            : kind;
        for (const s of slots) {
          const v = values[s];
          if (!v) continue;
          if (target === 'text') values[s] = { kind: 'text', values: asText(v, env.size) };
          else if (target === 'number')
            values[s] = { kind: 'number', values: asNumbers(v, env.size) };
          else values[s] = { kind: 'logical', values: asLogical(v, env.size) };
        }
        return implementation(values, env.size);
      },
    };
  }

  /** The one kind IF's results are given: text only with text, truth values only with truth values. */
  private branchKind(branches: readonly { node: Node; expr: Expr }[]): Kind {
    const kinds = branches.map((b) => b.node.kind);
    if (kinds.includes('text')) {
      const odd = branches.find((b) => b.node.kind === 'number' || b.node.kind === 'logical');
      if (odd) throw new Failure(this.issue('rules.ifMixed', odd.expr));
      return 'text';
    }
    if (kinds.every((k) => k === 'logical')) return 'logical';
    if (kinds.every((k) => k === 'item')) return 'item';
    return 'number';
  }
}

function arithmetic(
  op: ArithmeticOperator,
  a: Float64Array,
  b: Float64Array,
  size: number,
): Float64Array {
  const out = new Float64Array(size);
  switch (op) {
    case '+':
      for (let i = 0; i < size; i++) out[i] = (a[i] as number) + (b[i] as number);
      break;
    case '-':
      for (let i = 0; i < size; i++) out[i] = (a[i] as number) - (b[i] as number);
      break;
    case '*':
      for (let i = 0; i < size; i++) out[i] = (a[i] as number) * (b[i] as number);
      break;
    case '/':
      // x/0 is unknown (rules.md), not R's Inf; 0/0 too.
      for (let i = 0; i < size; i++) {
        const y = b[i] as number;
        const r = (a[i] as number) / y;
        // r - r is 0 exactly when r is a finite number.
        out[i] = y === 0 || r - r !== 0 ? NAN : r;
      }
      break;
    case '^':
      // Unknown stays unknown even where R gives 1 (NA^0, 1^NA); a result that is not a finite
      // number ((-8)^(1/3), 0^-1) is unknown.
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        if (x !== x || y !== y) {
          out[i] = NAN;
          continue;
        }
        const r = x ** y;
        out[i] = r - r !== 0 ? NAN : r;
      }
      break;
  }
  return out;
}

function compareNumbers(
  op: ComparisonOperator,
  a: Float64Array,
  b: Float64Array,
  size: number,
  tolerance: number,
): Int8Array {
  const out = new Int8Array(size);
  switch (op) {
    case '=':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        const d = x - y;
        out[i] = x !== x || y !== y ? UNKNOWN : d <= tolerance && -d <= tolerance ? TRUE : FALSE;
      }
      break;
    case '<>':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        const d = x - y;
        out[i] = x !== x || y !== y ? UNKNOWN : d > tolerance || -d > tolerance ? TRUE : FALSE;
      }
      break;
    case '<':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        out[i] = x !== x || y !== y ? UNKNOWN : x < y ? TRUE : FALSE;
      }
      break;
    case '<=':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        out[i] = x !== x || y !== y ? UNKNOWN : x <= y ? TRUE : FALSE;
      }
      break;
    case '>':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        out[i] = x !== x || y !== y ? UNKNOWN : x > y ? TRUE : FALSE;
      }
      break;
    case '>=':
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        const y = b[i] as number;
        out[i] = x !== x || y !== y ? UNKNOWN : x >= y ? TRUE : FALSE;
      }
      break;
  }
  return out;
}

/** Text compares exactly (as R's ==); blank is unknown. */
function compareTexts(not: boolean, a: Text, b: Text, size: number): Int8Array {
  const out = new Int8Array(size);
  const hit = not ? FALSE : TRUE;
  const miss = not ? TRUE : FALSE;
  for (let i = 0; i < size; i++) {
    const x = a[i];
    const y = b[i];
    out[i] = isUnknownText(x) || isUnknownText(y) ? UNKNOWN : x === y ? hit : miss;
  }
  return out;
}
