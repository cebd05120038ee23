import { cellText, type Cell } from '../model/cell';
import { t, type Lang } from '../messages/index';
import { fold, normalizeHeader } from '../read/normalize';
import { compileRule, DEFAULT_TOLERANCE, type CompiledRule } from './compile';
import type { ItemCatalog } from './data';
import { issueText, type RuleIssue } from './issues';
import { parseTemplate, type MessageTemplate } from './template';

/**
 * Rule tables (rules.md, "A rule table"): one row per rule, with the columns
 * id (编号), rule (规则 / 审核公式), severity (级别), message (说明 / 提示信息), and optionally
 * tolerance (容差) and scope (范围). A bad row is reported with its id, row and — when the
 * rule does not parse or compile — the character position; the other rules are kept.
 */

export type Severity = 'error' | 'warning';

/** A rule as written: a table row, or an entry of a profile's rules.json. */
export interface RuleSpec {
  id: string;
  rule: string;
  /** `error` / `强制`, or `warning` / `核实` / `提示`. */
  severity: string;
  message?: string | null;
  tolerance?: number | string | null;
  /** Form ids or names; a string may list several (`FE1, FE3` or `FE1、FE3`). */
  scope?: string | readonly string[] | null;
  /** 1-based row in the rule table, for messages. */
  row?: number;
}

/** A rule ready to run. */
export interface Rule {
  id: string;
  severity: Severity;
  expression: string;
  message: MessageTemplate;
  tolerance: number;
  /** Form ids or names it applies to; empty when written without a scope. */
  scope: string[];
  row?: number;
  compiled: CompiledRule;
}

export interface RuleProblem {
  id?: string;
  row?: number;
  issue: RuleIssue;
  /** True when the rule was dropped (not run); false for a problem in its message only. */
  dropped: boolean;
}

export interface RuleSet {
  rules: Rule[];
  problems: RuleProblem[];
}

export interface RuleTableOptions {
  /** Check every item against it; an unknown item drops the rule with a "did you mean". */
  catalog?: ItemCatalog;
  /** The sheet row number (1-based) of `rows[0]`, so messages name real rows; default 1. */
  firstRow?: number;
}

const SEVERITIES: ReadonlyMap<string, Severity> = new Map([
  ['error', 'error'],
  ['强制', 'error'],
  ['warning', 'warning'],
  ['核实', 'warning'],
  ['提示', 'warning'],
]);

type Field = 'id' | 'rule' | 'severity' | 'message' | 'tolerance' | 'scope';

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  id: ['id', '编号'],
  rule: ['rule', '规则', '审核公式'],
  severity: ['severity', '级别'],
  message: ['message', '说明', '提示信息'],
  tolerance: ['tolerance', '容差'],
  scope: ['scope', '范围'],
};

function fieldOf(header: string): Field | undefined {
  const key = normalizeHeader(header);
  for (const [field, names] of Object.entries(ALIASES) as [Field, readonly string[]][]) {
    if (names.some((n) => normalizeHeader(n) === key)) return field;
  }
  return undefined;
}

function text(cell: Cell | undefined): string {
  return cell === undefined ? '' : cellText(cell).trim();
}

/** What a header row says, for a message about it: its first cells, each cut short. */
function headerText(row: readonly Cell[]): string {
  const cells = row.map(text).filter((c) => c !== '');
  const shown = cells
    .slice(0, 8)
    .map((c) => ([...c].length > 30 ? [...c].slice(0, 30).join('') + '…' : c));
  return shown.join(', ') + (cells.length > 8 ? ', …' : '');
}

/** Problems of the table as a whole (no header, no rule column, no rules): nothing can run. */
export const TABLE_PROBLEMS: ReadonlySet<string> = new Set([
  'rules.table.empty',
  'rules.table.missingColumns',
  'rules.table.noRules',
]);

/**
 * Read a rule table given as rows of cells (the caller reads the CSV or sheet). The header is
 * the first row with an id and a rule column; rows above it (a title) are ignored.
 */
export function parseRuleTable(
  rows: readonly (readonly Cell[])[],
  options: RuleTableOptions = {},
): RuleSet {
  const firstRow = options.firstRow ?? 1;
  // The header is the first row naming both an id and a rule column (a title may sit above it);
  // failing that, the first non-blank row, whose missing columns are reported.
  const fieldsOf = (row: readonly Cell[]): Map<Field, number> => {
    const m = new Map<Field, number>();
    row.forEach((c, j) => {
      const f = fieldOf(text(c));
      if (f && !m.has(f)) m.set(f, j);
    });
    return m;
  };
  let headerIndex = rows.findIndex((r) => {
    const m = fieldsOf(r);
    return m.has('id') && m.has('rule');
  });
  if (headerIndex < 0) headerIndex = rows.findIndex((r) => r.some((c) => text(c) !== ''));
  const header = headerIndex >= 0 ? rows[headerIndex] : undefined;
  const columns = header ? fieldsOf(header) : new Map<Field, number>();
  const missing = (['id', 'rule'] as const).filter((f) => !columns.has(f));
  if (!header) {
    return {
      rules: [],
      problems: [{ issue: { key: 'rules.table.empty', params: {} }, dropped: true }],
    };
  }
  const found = headerText(header);
  if (missing.length > 0) {
    const issue: RuleIssue = {
      key: 'rules.table.missingColumns',
      params: { columns: missing.map((f) => ALIASES[f].join('/')).join(', '), header: found },
    };
    return { rules: [], problems: [{ row: firstRow + headerIndex, issue, dropped: true }] };
  }
  const get = (row: readonly Cell[], f: Field): string | undefined => {
    const j = columns.get(f);
    return j === undefined ? undefined : text(row[j]);
  };
  const specs: RuleSpec[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    if (row.every((c) => text(c) === '')) continue;
    const toleranceCell = columns.has('tolerance')
      ? row[columns.get('tolerance') ?? -1]
      : undefined;
    specs.push({
      id: get(row, 'id') ?? '',
      rule: get(row, 'rule') ?? '',
      // No severity column: every rule is an error. A blank cell in the column is a problem.
      severity: columns.has('severity') ? (get(row, 'severity') ?? '') : 'error',
      message: get(row, 'message') ?? '',
      tolerance: typeof toleranceCell === 'number' ? toleranceCell : text(toleranceCell),
      scope: get(row, 'scope') ?? '',
      row: firstRow + i,
    });
  }
  if (specs.length === 0) {
    const issue: RuleIssue = {
      key: 'rules.table.noRules',
      params: { row: firstRow + headerIndex, header: found },
    };
    return { rules: [], problems: [{ row: firstRow + headerIndex, issue, dropped: true }] };
  }
  return buildRules(specs, options);
}

/** Check and compile rules given as data (a parsed table, or a profile's rules.json). */
export function buildRules(
  specs: readonly RuleSpec[],
  options: { catalog?: ItemCatalog } = {},
): RuleSet {
  const rules: Rule[] = [];
  const problems: RuleProblem[] = [];
  const seen = new Map<string, number | undefined>();
  for (const spec of specs) {
    const id = (spec.id ?? '').trim();
    const where: { id?: string; row?: number } = {};
    if (id) where.id = id;
    if (spec.row !== undefined) where.row = spec.row;
    const drop = (issue: RuleIssue): void => {
      problems.push({ ...where, issue, dropped: true });
    };
    if (!id) {
      drop({ key: 'rules.table.noId', params: {} });
      continue;
    }
    if (seen.has(id)) {
      const first = seen.get(id);
      drop(
        first === undefined
          ? { key: 'rules.table.duplicateIdOnly', params: { id } }
          : { key: 'rules.table.duplicateId', params: { id, first } },
      );
      continue;
    }
    seen.set(id, spec.row);
    const expression = (spec.rule ?? '').trim();
    if (!expression) {
      drop({ key: 'rules.table.noRule', params: {} });
      continue;
    }
    const severityText = (spec.severity ?? '').trim();
    const severity = SEVERITIES.get(fold(severityText).toLowerCase());
    if (!severityText) {
      drop({ key: 'rules.table.noSeverity', params: {} });
      continue;
    }
    if (!severity) {
      drop({ key: 'rules.table.unknownSeverity', params: { value: severityText } });
      continue;
    }
    const tolerance = readTolerance(spec.tolerance);
    if (tolerance === undefined) {
      drop({ key: 'rules.badTolerance', params: { value: String(spec.tolerance) } });
      continue;
    }
    const compiled = compileRule(
      expression,
      options.catalog ? { tolerance, catalog: options.catalog } : { tolerance },
    );
    if (!compiled.ok) {
      drop(compiled.issue);
      continue;
    }
    const { template, unresolved } = parseTemplate(spec.message ?? '');
    for (const ref of unresolved) {
      problems.push({
        ...where,
        issue: { key: 'rules.table.messageRef', params: { ref } },
        dropped: false,
      });
    }
    if (options.catalog) {
      for (const p of template.parts) {
        if (p.kind === 'item' && !options.catalog.lookup(p.query).found) {
          problems.push({
            ...where,
            issue: { key: 'rules.table.messageRef', params: { ref: p.written } },
            dropped: false,
          });
        }
      }
    }
    const rule: Rule = {
      id,
      severity,
      expression,
      message: template,
      tolerance,
      scope: readScope(spec.scope),
      compiled: compiled.rule,
    };
    if (spec.row !== undefined) rule.row = spec.row;
    rules.push(rule);
  }
  return { rules, problems };
}

function readTolerance(v: number | string | null | undefined): number | undefined {
  if (v === null || v === undefined) return DEFAULT_TOLERANCE;
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? v : undefined;
  const s = fold(v).trim();
  if (s === '') return DEFAULT_TOLERANCE;
  if (!/^[+]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) && n >= 0 ? n : undefined;
}

function readScope(v: string | readonly string[] | null | undefined): string[] {
  if (v === null || v === undefined) return [];
  const list = typeof v === 'string' ? v.split(/[,，、;；\s]+/) : v;
  return list.map((s) => s.trim()).filter((s) => s !== '');
}

/** A problem as one sentence: where (rule id and row) and what. */
export function problemText(lang: Lang, p: RuleProblem): string {
  const where =
    p.id !== undefined
      ? p.row !== undefined
        ? t(lang, 'rules.at', { id: p.id, row: p.row })
        : t(lang, 'rules.atId', { id: p.id })
      : p.row !== undefined
        ? t(lang, 'rules.atRow', { row: p.row })
        : '';
  return where + issueText(lang, p.issue);
}
