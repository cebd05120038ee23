import { compileRule, type CompileOptions } from '../../../src/core/rules/compile';
import { columnsDataset, type PlainColumn } from '../../../src/core/rules/data';

/** T, F, U: pass, fail, not evaluated. */
export type Outcome = 'T' | 'F' | 'U';

export function outcomes(values: Int8Array): Outcome[] {
  return [...values].map((v) => (v === 1 ? 'T' : v === 0 ? 'F' : 'U'));
}

/** Compile `rule` (failing the test if it does not compile) and evaluate it on plain columns. */
export function run(
  rule: string,
  columns: Record<string, PlainColumn>,
  options: CompileOptions = {},
): Outcome[] {
  const compiled = compileRule(rule, options);
  if (!compiled.ok)
    throw new Error(`${rule}: ${compiled.issue.key} ${JSON.stringify(compiled.issue.params)}`);
  return outcomes(compiled.rule.evaluate(columnsDataset({ columns })));
}

/**
 * Truth values as columns: a rule reads `[p] > 0` as TRUE where p is 1, FALSE where p is -1 and
 * unknown where p is blank. `cross()` gives every pair of T/F/U, in the order TT TF TU FT FF FU UT UF UU.
 */
export const T = 1;
export const F = -1;
export const U = null;
export function cross(): { p: (number | null)[]; q: (number | null)[] } {
  const vals = [T, F, U];
  const p: (number | null)[] = [];
  const q: (number | null)[] = [];
  for (const a of vals)
    for (const b of vals) {
      p.push(a);
      q.push(b);
    }
  return { p, q };
}
