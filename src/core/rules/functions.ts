import { FALSE, NAN, TRUE, UNKNOWN, isUnknownText, type Vec } from './vector';

/**
 * The functions a rule may call (rules.md), declared in one registry as in HyperFormula's
 * `implementedFunctions`. The compiler checks names and argument counts against it and converts
 * each argument to the declared kind before calling the column-wise implementation.
 *
 * To add a function: add an entry below (upper-case name, argument count, parameter kinds,
 * result kind, a one-line summary in both languages, an implementation over whole columns that
 * keeps unknowns unknown as rules.md says), then add truth-table tests in
 * test/core/rules/semantics.test.ts. `checkRegistry()` (run by the tests) guards the shape.
 */

/**
 * `number`: the argument is converted to numbers (TRUE/FALSE are 1/0); text is refused.
 * `logical`: converted to truth values (a number is TRUE when not 0); text is refused.
 * `any`: passed as it is (ISBLANK).
 * `branch`: a result of IF; both branches are converted to one kind by the compiler.
 */
export type ParamKind = 'number' | 'logical' | 'any' | 'branch';

/** `branches`: the common kind of the `branch` arguments (IF). */
export type ResultKind = 'number' | 'logical' | 'branches';

export interface FunctionSpec {
  minArgs: number;
  /** `Infinity` for a list (AND, OR, MIN, MAX, SUM). */
  maxArgs: number;
  /** Kind of each parameter; the last one repeats for a list. */
  params: readonly ParamKind[];
  returns: ResultKind;
  summary: { zh: string; en: string };
  /** Whole columns in, one column out; `size` is the number of records. */
  implementation(args: readonly Vec[], size: number): Vec;
}

function numbers(args: readonly Vec[], i: number): Float64Array {
  const v = args[i];
  if (!v || v.kind !== 'number') throw new TypeError(`argument ${i + 1} is not numbers`);
  return v.values;
}

function truths(args: readonly Vec[], i: number): Int8Array {
  const v = args[i];
  if (!v || v.kind !== 'logical') throw new TypeError(`argument ${i + 1} is not truth values`);
  return v.values;
}

/** Kleene AND of truth columns: FALSE wins, then unknown. */
export function kleeneAnd(columns: readonly Int8Array[], size: number): Int8Array {
  const out = new Int8Array(size).fill(TRUE);
  for (const c of columns) {
    for (let i = 0; i < size; i++) {
      const a = c[i] as number;
      if (a === FALSE) out[i] = FALSE;
      else if (a === UNKNOWN && out[i] === TRUE) out[i] = UNKNOWN;
    }
  }
  return out;
}

/** Kleene OR of truth columns: TRUE wins, then unknown. */
export function kleeneOr(columns: readonly Int8Array[], size: number): Int8Array {
  const out = new Int8Array(size).fill(FALSE);
  for (const c of columns) {
    for (let i = 0; i < size; i++) {
      const a = c[i] as number;
      if (a === TRUE) out[i] = TRUE;
      else if (a === UNKNOWN && out[i] === FALSE) out[i] = UNKNOWN;
    }
  }
  return out;
}

/** Row-wise fold over numeric columns; any unknown makes the row unknown (as R without na.rm). */
function foldNumbers(
  args: readonly Vec[],
  size: number,
  step: (acc: number, x: number) => number,
): Vec {
  const out = new Float64Array(numbers(args, 0));
  for (let k = 1; k < args.length; k++) {
    const c = numbers(args, k);
    for (let i = 0; i < size; i++) out[i] = step(out[i] as number, c[i] as number);
  }
  return { kind: 'number', values: out };
}

// Bound once: a global lookup per record costs more than the rounding itself.
const mathFloor = Math.floor;
const truncate = Math.trunc;

/**
 * Excel's ROUND: half away from zero, `digits` may be negative (ROUND(1234, -2) is 1200), and
 * binary noise is removed first so ROUND(1.005, 2) is 1.01 as Excel shows. (R's round() rounds
 * half to even: round(2.5) is 2 there, 3 here.)
 */
export function excelRound(x: number, digits: number): number {
  if (x !== x || digits !== digits) return NAN;
  const d = truncate(digits);
  if (d > 15 || x - x !== 0) return x;
  if (d < -308) return 0;
  const negative = x < 0;
  const a = negative ? -x : x;
  const f = 10 ** (d >= 0 ? d : -d);
  const y = d >= 0 ? a * f : a / f;
  const floor = mathFloor(y);
  const frac = y - floor;
  let r: number;
  if (frac < 0.4999999 || frac > 0.5000001) {
    r = frac > 0.5 ? floor + 1 : floor;
  } else {
    // Near a tie, decide on the 15 significant digits Excel shows: 1.005 * 100 is
    // 100.49999999999999 in binary and rounds to 101 as in Excel.
    r = Math.round(Number(y.toPrecision(15)));
  }
  const rounded = d >= 0 ? r / f : r * f;
  return negative ? -rounded : rounded;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSpec>> = {
  AND: {
    minArgs: 1,
    maxArgs: Infinity,
    params: ['logical'],
    returns: 'logical',
    summary: {
      zh: 'AND(条件1, 条件2, …)：全部成立；任一不成立即不成立，否则有未知则未知',
      en: 'AND(c1, c2, …): all hold; FALSE if any is FALSE, otherwise unknown if any is unknown',
    },
    implementation: (args, size) => ({
      kind: 'logical',
      values: kleeneAnd(
        args.map((_, i) => truths(args, i)),
        size,
      ),
    }),
  },
  OR: {
    minArgs: 1,
    maxArgs: Infinity,
    params: ['logical'],
    returns: 'logical',
    summary: {
      zh: 'OR(条件1, 条件2, …)：至少一个成立；任一成立即成立，否则有未知则未知',
      en: 'OR(c1, c2, …): at least one holds; TRUE if any is TRUE, otherwise unknown if any is unknown',
    },
    implementation: (args, size) => ({
      kind: 'logical',
      values: kleeneOr(
        args.map((_, i) => truths(args, i)),
        size,
      ),
    }),
  },
  NOT: {
    minArgs: 1,
    maxArgs: 1,
    params: ['logical'],
    returns: 'logical',
    summary: {
      zh: 'NOT(条件)：不成立；未知仍为未知',
      en: 'NOT(c): negation; unknown stays unknown',
    },
    implementation: (args, size) => {
      const a = truths(args, 0);
      const out = new Int8Array(size);
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        out[i] = x === UNKNOWN ? UNKNOWN : x === TRUE ? FALSE : TRUE;
      }
      return { kind: 'logical', values: out };
    },
  },
  IF: {
    minArgs: 3,
    maxArgs: 3,
    params: ['logical', 'branch', 'branch'],
    returns: 'branches',
    summary: {
      zh: 'IF(条件, 成立时, 不成立时)：条件未知则结果未知',
      en: 'IF(c, a, b): a where c holds, b where it does not; unknown where c is unknown',
    },
    implementation: (args, size) => {
      const c = truths(args, 0);
      const a = args[1];
      const b = args[2];
      if (!a || !b || a.kind !== b.kind) throw new TypeError('IF branches differ in kind');
      if (a.kind === 'number' && b.kind === 'number') {
        const out = new Float64Array(size);
        for (let i = 0; i < size; i++) {
          const x = c[i] as number;
          out[i] =
            x === TRUE ? (a.values[i] as number) : x === FALSE ? (b.values[i] as number) : NAN;
        }
        return { kind: 'number', values: out };
      }
      if (a.kind === 'logical' && b.kind === 'logical') {
        const out = new Int8Array(size);
        for (let i = 0; i < size; i++) {
          const x = c[i] as number;
          out[i] =
            x === TRUE ? (a.values[i] as number) : x === FALSE ? (b.values[i] as number) : UNKNOWN;
        }
        return { kind: 'logical', values: out };
      }
      if (a.kind === 'text' && b.kind === 'text') {
        const out = new Array<string | null>(size);
        for (let i = 0; i < size; i++) {
          const x = c[i] as number;
          out[i] = x === TRUE ? (a.values[i] ?? null) : x === FALSE ? (b.values[i] ?? null) : null;
        }
        return { kind: 'text', values: out };
      }
      throw new TypeError('IF branches differ in kind');
    },
  },
  ABS: {
    minArgs: 1,
    maxArgs: 1,
    params: ['number'],
    returns: 'number',
    summary: { zh: 'ABS(x)：绝对值', en: 'ABS(x): absolute value' },
    implementation: (args, size) => {
      const a = numbers(args, 0);
      const out = new Float64Array(size);
      for (let i = 0; i < size; i++) {
        const x = a[i] as number;
        out[i] = x < 0 ? -x : x;
      }
      return { kind: 'number', values: out };
    },
  },
  MIN: {
    minArgs: 1,
    maxArgs: Infinity,
    params: ['number'],
    returns: 'number',
    summary: {
      zh: 'MIN(x, y, …)：同一记录中各值的最小值；有未知则未知',
      en: 'MIN(x, y, …): the smallest of the values in the record; unknown if any is unknown',
    },
    implementation: (args, size) => foldNumbers(args, size, (m, x) => (m < x || m !== m ? m : x)),
  },
  MAX: {
    minArgs: 1,
    maxArgs: Infinity,
    params: ['number'],
    returns: 'number',
    summary: {
      zh: 'MAX(x, y, …)：同一记录中各值的最大值；有未知则未知',
      en: 'MAX(x, y, …): the largest of the values in the record; unknown if any is unknown',
    },
    implementation: (args, size) => foldNumbers(args, size, (m, x) => (m > x || m !== m ? m : x)),
  },
  SUM: {
    minArgs: 1,
    maxArgs: Infinity,
    params: ['number'],
    returns: 'number',
    summary: {
      zh: 'SUM(x, y, …)：同一记录中各值之和；有未知则未知（不按 0 计）',
      en: 'SUM(x, y, …): the sum of the values in the record; unknown if any is unknown (never read as 0)',
    },
    implementation: (args, size) => foldNumbers(args, size, (s, x) => s + x),
  },
  ROUND: {
    minArgs: 1,
    maxArgs: 2,
    params: ['number', 'number'],
    returns: 'number',
    summary: {
      zh: 'ROUND(x, 位数)：四舍五入（同 Excel），位数缺省为 0，可为负',
      en: 'ROUND(x, digits): round half away from zero as Excel does; digits default 0, may be negative',
    },
    implementation: (args, size) => {
      const x = numbers(args, 0);
      const d = args.length > 1 ? numbers(args, 1) : undefined;
      const out = new Float64Array(size);
      for (let i = 0; i < size; i++) out[i] = excelRound(x[i] as number, d ? (d[i] as number) : 0);
      return { kind: 'number', values: out };
    },
  },
  ISBLANK: {
    minArgs: 1,
    maxArgs: 1,
    params: ['any'],
    returns: 'logical',
    summary: {
      zh: 'ISBLANK(x)：x 为空或未知时成立；结果从不为未知',
      en: 'ISBLANK(x): TRUE where x is blank or unknown; never unknown itself',
    },
    implementation: (args, size) => {
      const v = args[0];
      const out = new Int8Array(size);
      if (!v) throw new TypeError('ISBLANK needs an argument');
      if (v.kind === 'number') {
        for (let i = 0; i < size; i++) {
          const x = v.values[i] as number;
          out[i] = x !== x ? TRUE : FALSE;
        }
      } else if (v.kind === 'logical') {
        for (let i = 0; i < size; i++) out[i] = v.values[i] === UNKNOWN ? TRUE : FALSE;
      } else {
        for (let i = 0; i < size; i++) out[i] = isUnknownText(v.values[i]) ? TRUE : FALSE;
      }
      return { kind: 'logical', values: out };
    },
  },
  BETWEEN: {
    minArgs: 3,
    maxArgs: 3,
    params: ['number', 'number', 'number'],
    returns: 'logical',
    summary: {
      zh: 'BETWEEN(x, 下限, 上限)：下限 ≤ x ≤ 上限，即 AND(x >= 下限, x <= 上限)',
      en: 'BETWEEN(x, lo, hi): lo ≤ x ≤ hi, i.e. AND(x >= lo, x <= hi)',
    },
    implementation: (args, size) => {
      const x = numbers(args, 0);
      const lo = numbers(args, 1);
      const hi = numbers(args, 2);
      const above = new Int8Array(size);
      const below = new Int8Array(size);
      for (let i = 0; i < size; i++) {
        const v = x[i] as number;
        const l = lo[i] as number;
        const h = hi[i] as number;
        above[i] = v !== v || l !== l ? UNKNOWN : v >= l ? TRUE : FALSE;
        below[i] = v !== v || h !== h ? UNKNOWN : v <= h ? TRUE : FALSE;
      }
      return { kind: 'logical', values: kleeneAnd([above, below], size) };
    },
  },
};

/** Names of the registry, for hints and messages. */
export function functionNames(): string[] {
  return Object.keys(FUNCTIONS);
}

export function lookupFunction(name: string): FunctionSpec | undefined {
  const upper = name.toUpperCase();
  return Object.prototype.hasOwnProperty.call(FUNCTIONS, upper) ? FUNCTIONS[upper] : undefined;
}

/** The registry's own consistency; returns the problems found (none when well formed). */
export function checkRegistry(
  registry: Readonly<Record<string, FunctionSpec>> = FUNCTIONS,
): string[] {
  const problems: string[] = [];
  for (const [name, f] of Object.entries(registry)) {
    if (!/^[A-Z][A-Z0-9_]*$/.test(name)) problems.push(`${name}: name must be upper case`);
    if (name === 'PREV') problems.push('PREV is syntax (previous period), not a function');
    if (!Number.isInteger(f.minArgs) || f.minArgs < 0) problems.push(`${name}: minArgs`);
    if (f.maxArgs !== Infinity && (!Number.isInteger(f.maxArgs) || f.maxArgs < f.minArgs)) {
      problems.push(`${name}: maxArgs`);
    }
    if (f.params.length === 0) problems.push(`${name}: no parameter kinds`);
    if (f.maxArgs !== Infinity && f.params.length !== f.maxArgs) {
      problems.push(`${name}: one parameter kind per argument`);
    }
    const branches = f.params.filter((p) => p === 'branch').length;
    if ((f.returns === 'branches') !== branches > 0) problems.push(`${name}: branches`);
    if (!f.summary.zh || !f.summary.en) problems.push(`${name}: summary`);
  }
  return problems;
}
