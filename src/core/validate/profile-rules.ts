import type { Lang } from '../messages/index';
import type { Profile } from '../profile/profile';
import type { RuleDef } from '../profile/schema';
import type { Table } from '../read/table';
import type { Dataset } from '../rollup/dataset';
import { applies, confront, failingRecords, type ConfrontRule } from '../rules/confront';
import { tableDataset, type FormTable } from '../rules/dataset';
import { compileRule } from '../rules/compile';
import type { ItemCatalog, RuleDataset } from '../rules/data';
import { buildRules, problemText, type RuleProblem, type RuleSet } from '../rules/table';
import { issueText } from '../rules/issues';
import type { Finding, RuleSummary } from './result';
import { RuleFinding, type FailureSource } from './rule-finding';
import { isMissingAnything, whatIsMissing } from './applicability';

/**
 * Running written rules (a profile's, or a rule table's) over recognised sheets, and turning
 * failures into findings with their cells. Each rule runs on every sheet it applies to: its
 * scope's forms, or, without a scope, every sheet that has all the items it reads (rules.md).
 */
export interface RuleSheet {
  file: string;
  sheet: string;
  table: Table;
  form?: { id: string; name: string };
}

export interface RuleRun {
  rules: RuleSummary[];
  findings: Finding[];
}

function asConfront(set: RuleSet): ConfrontRule[] {
  return set.rules.map((r) => {
    const c: ConfrontRule = {
      id: r.id,
      severity: r.severity,
      expression: r.expression,
      compiled: r.compiled,
      message: r.message,
    };
    if (r.scope.length > 0) c.scope = r.scope;
    return c;
  });
}

/** A rule that could not be built: a summary row with its error, no records. */
function problemSummary(p: RuleProblem, lang: Lang): RuleSummary {
  return {
    id: p.id ?? (p.row !== undefined ? `#${p.row}` : '?'),
    severity: 'error',
    expression: '',
    records: 0,
    passes: 0,
    fails: 0,
    notEvaluated: 0,
    error: problemText(lang, p),
  };
}

export function runRules(
  set: RuleSet,
  sheets: readonly RuleSheet[],
  prior: readonly RuleSheet[] | undefined,
  lang: Lang,
  /**
   * A rule whose items no sheet has: an error in a rule table the user wrote ("did you mean");
   * merely not applicable for the profile's defaults, which cover forms a workbook may not have.
   */
  unknownItems: 'error' | 'notApplicable' = 'error',
  /** A unit's current name from a former one (the region sheet's 曾用名). */
  canonical?: (unit: string) => string,
): RuleRun {
  const rules = asConfront(set);
  const byId = new Map<string, RuleSummary>();
  const order: string[] = [];
  for (const r of rules) {
    order.push(r.id);
    byId.set(r.id, {
      id: r.id,
      severity: r.severity,
      expression: r.expression,
      records: 0,
      passes: 0,
      fails: 0,
      notEvaluated: 0,
      error: null,
    });
  }
  const findings: Finding[] = [];
  // Why a rule could not run on a sheet. It is the rule's error only if it ran on no sheet at
  // all: a form that lacks a rule's items (a short township form) is not a broken rule.
  const firstIssue = new Map<string, string>();
  const formTable = (s: RuleSheet): FormTable =>
    s.form ? { table: s.table, form: s.form, source: s.file } : { table: s.table, source: s.file };

  const catalogs: RuleDataset[] = [];
  // Each sheet's table once, and one list of other forms' tables per form, shared by all its
  // sheets (the dataset maps and filters a list once): a batch of 5,000 township files would
  // otherwise make 4,000 of them for each sheet.
  const tables = new Map(sheets.map((s) => [s, formTable(s)]));
  const previous = (prior ?? []).map(formTable);
  const othersOf = new Map<string | undefined, FormTable[]>();
  const others = (s: RuleSheet): FormTable[] => {
    const id = s.form?.id;
    let list = othersOf.get(id);
    if (!list) {
      // Every sheet of another form (a sheet of no form has none of its own to leave out).
      list = sheets
        .filter((o) => o.form && o.form.id !== id)
        .map((o) => tables.get(o) as FormTable);
      othersOf.set(id, list);
    }
    return list;
  };
  for (const s of sheets) {
    const data = tableDataset({
      current: tables.get(s) as FormTable,
      others: others(s),
      previous,
      ...(canonical ? { canonical } : {}),
    });
    catalogs.push(data);
    // History rules need the previous period; without it they are not evaluated, not wrong.
    const runnable = rules.filter(
      (r) => prior !== undefined || !r.compiled.refs.some((ref) => ref.previous),
    );
    const skipped = rules.filter((r) => !runnable.includes(r));
    const { results } = confront(runnable, data);
    for (const res of results) {
      const sum = byId.get(res.rule.id);
      if (!sum) continue;
      if (res.summary.error) {
        if (!firstIssue.has(res.rule.id))
          firstIssue.set(res.rule.id, `${s.sheet}: ${issueText(lang, res.summary.error)}`);
        continue;
      }
      sum.records += res.summary.records;
      sum.passes += res.summary.passes;
      sum.fails += res.summary.fails;
      sum.notEvaluated += res.summary.notEvaluated;
      const source: FailureSource = { rule: res.rule, data, lang, file: s.file, sheet: s.sheet };
      for (const record of failingRecords(res)) findings.push(new RuleFinding(source, record));
    }
    for (const r of skipped) {
      const sum = byId.get(r.id);
      const local = r.compiled.refs.filter((ref) => ref.form === undefined);
      if (
        !sum ||
        !applies(r, data) ||
        !local.every((ref) => data.lookup({ ...ref, previous: false }).found)
      )
        continue;
      const n = data.size;
      sum.records += n;
      sum.notEvaluated += n;
    }
  }
  for (const [id, issue] of firstIssue) {
    const sum = byId.get(id);
    if (sum && sum.records === 0 && unknownItems === 'error') sum.error = issue;
  }
  if (unknownItems === 'error') {
    // A rule that applied nowhere names an item no sheet has: say which, and what was meant.
    const catalog = combinedCatalog(catalogs);
    for (const r of rules) {
      const sum = byId.get(r.id);
      if (!sum || sum.records > 0 || sum.error !== null) continue;
      const compiled = compileRule(r.expression, { catalog });
      if (!compiled.ok) sum.error = issueText(lang, compiled.issue);
    }
  }
  // A rule that ran nowhere without an error lacks a form or items: say which (not applicable).
  for (const r of rules) {
    const sum = byId.get(r.id);
    if (!sum || sum.records > 0 || sum.error !== null) continue;
    const missing = whatIsMissing(r, catalogs);
    if (isMissingAnything(missing)) sum.missing = missing;
  }
  const summaries = order.map((id) => byId.get(id) as RuleSummary);
  return {
    rules: [
      ...summaries,
      ...set.problems.filter((p) => p.dropped).map((p) => problemSummary(p, lang)),
    ],
    findings,
  };
}

/** Items that exist on any sheet; "did you mean" draws on all of them. */
function combinedCatalog(catalogs: readonly ItemCatalog[]): ItemCatalog {
  return {
    lookup(query) {
      const candidates = new Set<string>();
      let missing: 'item' | 'form' | 'previous' = 'item';
      for (const c of catalogs) {
        const found = c.lookup(query);
        if (found.found) return found;
        missing = found.missing;
        for (const n of found.candidates) candidates.add(n);
      }
      return { found: false, missing, candidates: [...candidates] };
    },
  };
}

/** RuleDefs of a profile as rule specs, with messages in the reader's language. */
export function ruleSetOf(defs: readonly RuleDef[], lang: Lang = 'zh'): RuleSet {
  return buildRules(
    defs.map((d) => ({
      id: d.id,
      rule: d.rule,
      severity: d.severity,
      message: lang === 'en' && d.messageEn ? d.messageEn : d.message,
      tolerance: d.tolerance ?? null,
      scope: d.scope ?? null,
    })),
  );
}

export function runProfileRules(
  rules: readonly RuleDef[] | RuleSet,
  ds: Dataset,
  prior: Dataset | undefined,
  _profile: Profile,
  lang: Lang,
): RuleRun {
  // The profile's own rules (an array of definitions) or a rule table the user wrote (a RuleSet).
  const fromProfile = Array.isArray(rules);
  const set = fromProfile ? ruleSetOf(rules as readonly RuleDef[], lang) : (rules as RuleSet);
  const sheetsOf = (d: Dataset): RuleSheet[] =>
    d.forms.map((f) => ({
      file: f.source,
      sheet: f.sheet,
      table: f.table,
      form: { id: f.form.id, name: f.form.name },
    }));
  return runRules(
    set,
    sheetsOf(ds),
    prior ? sheetsOf(prior) : undefined,
    lang,
    fromProfile ? 'notApplicable' : 'error',
    (unit) => ds.hierarchy.canonicalName(unit),
  );
}
