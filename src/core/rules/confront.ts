import type { Lang } from '../messages/index';
import type { CompiledRule, RuleRef } from './compile';
import type { CellLocation, RuleDataset } from './data';
import { RuleDataError, type RuleIssue } from './issues';
import type { Severity } from './table';
import { formatValue, renderTemplate, type MessageTemplate } from './template';
import { FALSE, TRUE } from './vector';

/**
 * Running rules over a dataset, named after R validate's `confront(data, rules)`. Each rule is
 * evaluated column-wise over all records at once; per rule the result counts records, passes,
 * fails and not evaluated (validate's items, passes, fails, nNA) and keeps the outcome of every
 * record so the caller can build findings. A rule that cannot run on this data (an item or form
 * missing) gets an `error` and the others still run.
 */

/** What confront needs of a rule; `Rule` from table.ts is one. */
export interface ConfrontRule {
  id: string;
  severity: Severity;
  expression: string;
  compiled: CompiledRule;
  /** Form ids or names; empty or absent: see `applies`. */
  scope?: readonly string[];
  message?: MessageTemplate;
}

export interface RuleSummary {
  id: string;
  severity: Severity;
  expression: string;
  /** Records evaluated: the dataset's size, 0 when the rule could not run. */
  records: number;
  passes: number;
  fails: number;
  notEvaluated: number;
  error?: RuleIssue;
}

export interface RuleResult {
  rule: ConfrontRule;
  summary: RuleSummary;
  /** Per record: 1 pass, 0 fail, -1 not evaluated. Empty when the rule could not run. */
  outcomes: Int8Array;
}

export interface Confrontation {
  results: RuleResult[];
  /** Ids of rules that do not concern this dataset (another form's rules). */
  notApplicable: string[];
}

/** Count passes, fails and unknowns of an outcome column. */
export function tally(outcomes: Int8Array): {
  passes: number;
  fails: number;
  notEvaluated: number;
} {
  let passes = 0;
  let fails = 0;
  for (let i = 0; i < outcomes.length; i++) {
    const o = outcomes[i];
    if (o === TRUE) passes++;
    else if (o === FALSE) fails++;
  }
  return { passes, fails, notEvaluated: outcomes.length - passes - fails };
}

/**
 * Whether a rule concerns this dataset:
 *  - with a scope, when the dataset is one of its forms (or cannot tell its form);
 *  - without one, when this form has every item the rule names without a form prefix
 *    (current or PREV); a rule that names only items of other forms (`[FE1!x] <= [FE3!y]`)
 *    runs on the form of its first item.
 */
export function applies(rule: ConfrontRule, data: RuleDataset): boolean {
  const scope = rule.scope ?? [];
  const isForm = data.isForm?.bind(data);
  if (scope.length > 0) return isForm ? scope.some((f) => isForm(f)) : true;
  const refs = rule.compiled.refs;
  const local = refs.filter((r) => r.form === undefined);
  if (local.length > 0) return local.every((r) => data.lookup({ ...r, previous: false }).found);
  const first = refs[0];
  if (!first || first.form === undefined) return true;
  return isForm ? isForm(first.form) : true;
}

export function confront(rules: readonly ConfrontRule[], data: RuleDataset): Confrontation {
  const results: RuleResult[] = [];
  const notApplicable: string[] = [];
  for (const rule of rules) {
    if (!applies(rule, data)) {
      notApplicable.push(rule.id);
      continue;
    }
    const summary: RuleSummary = {
      id: rule.id,
      severity: rule.severity,
      expression: rule.expression,
      records: 0,
      passes: 0,
      fails: 0,
      notEvaluated: 0,
    };
    let outcomes: Int8Array;
    try {
      outcomes = rule.compiled.evaluate(data);
    } catch (e) {
      if (!(e instanceof RuleDataError)) throw e;
      summary.error = e.issue;
      results.push({ rule, summary, outcomes: new Int8Array(0) });
      continue;
    }
    summary.records = outcomes.length;
    Object.assign(summary, tally(outcomes));
    results.push({ rule, summary, outcomes });
  }
  return { results, notApplicable };
}

/** Record indexes where the rule failed, in order. */
export function failingRecords(result: RuleResult): number[] {
  const out: number[] = [];
  const o = result.outcomes;
  for (let i = 0; i < o.length; i++) if (o[i] === FALSE) out.push(i);
  return out;
}

/** One item a failing record's rule read: what, where and its value. */
export interface FailureCell {
  ref: RuleRef;
  /** The value as shown in messages (空 / blank when blank). */
  value: string;
  /** Sheet and A1 cell, when the dataset knows them. */
  location?: CellLocation;
}

export interface FailureDetail {
  record: number;
  unit?: string;
  /** The rule's message with `{[item]}` and `{unit}` filled in ('' when it has none). */
  message: string;
  cells: FailureCell[];
}

/** The rule's message for one record, `{[item]}` and `{unit}` filled in ('' when it has none). */
export function failureMessage(
  result: Pick<RuleResult, 'rule'>,
  data: RuleDataset,
  record: number,
  lang: Lang = 'zh',
): string {
  return result.rule.message ? renderTemplate(result.rule.message, data, record, lang) : '';
}

/** Everything a finding needs about one failing (or not evaluated) record. */
export function describeRecord(
  result: RuleResult,
  data: RuleDataset,
  record: number,
  lang: Lang = 'zh',
): FailureDetail {
  const cells: FailureCell[] = result.rule.compiled.refs.map((ref) => {
    const cell: FailureCell = { ref, value: formatValue(data.column(ref), record, lang) };
    const location = data.locate?.(ref, record);
    if (location) cell.location = location;
    return cell;
  });
  const detail: FailureDetail = {
    record,
    message: failureMessage(result, data, record, lang),
    cells,
  };
  const unit = data.unit?.(record);
  if (unit !== undefined) detail.unit = unit;
  return detail;
}
