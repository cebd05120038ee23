import { assess, type Assessment } from './assess/assess';
import type { Lang } from './messages/index';
import { t } from './messages/index';
import type { WorkbookData } from './model/workbook';
import { narrative, type AuditDigest, type Block } from './narrative/narrative';
import { narrativeSheet, summarySheet, type SummaryInput } from './output/report';
import { unitsSheet } from './output/units';
import { reportDocument, type ReportDocument } from './output/document';
import type { OutputWorkbook } from './output/spec';
import type { Profile } from './profile/profile';
import type { RuleDef } from './profile/schema';
import { parseRuleTable, type RuleSet } from './rules/table';
import { recogniseForms, type FormSheet, type Recognised } from './read/forms';
import type { ReadOptions } from './read/table';
import type { HeaderIndex } from './read/vocabulary';
import { buildDataset, type Dataset } from './rollup/dataset';
import {
  checkBlanks,
  checkCompleteness,
  checkCounts,
  checkDuplicates,
  checkTotals,
  checkValues,
} from './validate/builtin';
import { applyExplanations } from './validate/explanations';
import { summarise, type Finding, type ValidationResult } from './validate/result';
import { runProfileRules } from './validate/profile-rules';

/**
 * The main job, as one pure function: recognise the forms, audit them (built-in checks and the
 * profile's rules, against the previous period when given), roll up, assess, and describe the
 * report. The CLI and the pane call this and only do I/O around it.
 */
export interface MonitorInput {
  workbooks: readonly WorkbookData[];
  prior?: readonly WorkbookData[];
  profile: Profile;
  index: HeaderIndex;
  lang: Lang;
  /** `2025`; found in the forms' titles when not given. */
  period?: string;
  /** The name of the whole area when the hierarchy has no single root. */
  regionName?: string;
  /**
   * Rules to use instead of the profile's. When absent, a sheet named 审核规则 (or Rules) in the
   * workbooks is used if there is one, else the profile's rules.
   */
  rules?: readonly RuleDef[] | RuleSet;
  /** Written explanations of warnings, by findingKey. */
  explanations?: ReadonlyMap<string, string>;
  readOptions?: ReadOptions;
  /** Progress, for long runs: a stage name and a fraction. */
  onProgress?: (stage: 'read' | 'audit' | 'assess' | 'report', fraction: number) => void;
}

export interface MonitorResult {
  period: string;
  recognised: Recognised;
  dataset: Dataset;
  prior?: Dataset;
  validation: ValidationResult;
  assessment: Assessment;
  digest: AuditDigest;
}

/**
 * The year the forms' titles name most often (`2025年…`), else the year in the files' names,
 * else the empty string. A programme's span (`2021—2030年`) is not a period.
 */
export function findPeriod(rec: Recognised): string {
  const counts = new Map<string, number>();
  const count = (text: string, pattern: RegExp) => {
    const spanless = text.replace(/(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年?/g, ' ');
    for (const m of spanless.matchAll(pattern))
      if (m[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
  };
  for (const f of rec.forms)
    for (const title of f.table.titles) count(title, /((?:19|20)\d{2})\s*年/g);
  if (counts.size === 0)
    for (const f of rec.forms) count(`${f.source} ${f.sheet}`, /(?<!\d)((?:19|20)\d{2})(?!\d)/g);
  let best = '';
  let n = 0;
  for (const [year, c] of counts) if (c > n || (c === n && year > best)) [best, n] = [year, c];
  return best;
}

/** The names of a workbook's own rule sheet. */
export const RULE_SHEET_NAMES: readonly string[] = ['审核规则', 'Rules'];

/** The rule table of the first workbook that has a 审核规则 sheet, compiled. */
export function rulesSheet(workbooks: readonly WorkbookData[]): RuleSet | undefined {
  for (const wb of workbooks) {
    const sheet = wb.sheets.find((s) => RULE_SHEET_NAMES.includes(s.name));
    if (sheet) return parseRuleTable(sheet.rows, { firstRow: sheet.origin.row + 1 });
  }
  return undefined;
}

export function auditDataset(
  input: MonitorInput,
  ds: Dataset,
  prior: Dataset | undefined,
): ValidationResult {
  const { lang } = input;
  // Lists of findings, flattened once at the end: spreading a long list into push() would
  // overflow the call stack on a form with hundreds of thousands of failing records.
  const lists: Finding[][] = [];
  // A wide sheet holding several forms is one table: its cells are checked once.
  const tables = new Set<FormSheet['table']>();
  for (const fs of ds.forms) {
    if (tables.has(fs.table)) continue;
    tables.add(fs.table);
    lists.push(
      checkValues(fs, lang),
      checkTotals(fs, lang),
      checkBlanks(fs, lang),
      checkCounts(fs, lang),
    );
  }
  lists.push(checkDuplicates(ds, lang), checkCompleteness(ds, lang, prior));
  const ruled = runProfileRules(
    input.rules ?? rulesSheet(input.workbooks) ?? input.profile.rules,
    ds,
    prior,
    input.profile,
    lang,
  );
  lists.push(ruled.findings);
  const findings = lists.flat();
  if (input.explanations) applyExplanations(findings, input.explanations);
  return { rules: ruled.rules, findings, summary: summarise(findings) };
}

export function digestOf(validation: ValidationResult, ds: Dataset, lang: Lang): AuditDigest {
  const errors = validation.findings.filter((f) => f.severity === 'error');
  const warnings = validation.findings.filter((f) => f.severity === 'warning');
  const explained = warnings.filter((f) => f.explanation);
  const formName = (sheet: string) => {
    const fs = ds.forms.find((f) => f.sheet === sheet);
    return fs ? (lang === 'zh' ? fs.form.name : fs.form.nameEn) : sheet;
  };
  return {
    forms: new Set(ds.forms.map((f) => f.table)).size,
    units: [...ds.values.keys()].length,
    errors: errors.length,
    openErrors: errors.length,
    warnings: warnings.length,
    explained: explained.length,
    explanations: explained.map((f) => ({
      unit: f.unit,
      ruleId: f.ruleId,
      text: f.explanation ?? '',
    })),
    missing: validation.findings
      .filter((f) => f.ruleId === 'MISSING_UNIT')
      .map((f) => ({ form: formName(f.sheet), unit: f.unit })),
  };
}

export function monitor(input: MonitorInput): MonitorResult {
  const progress = input.onProgress ?? (() => undefined);
  const regionName = input.regionName ?? t(input.lang, 'report.wholeArea');
  progress('read', 0);
  const recognised = recogniseForms(input.workbooks, input.profile, input.index, input.readOptions);
  const dataset = buildDataset(recognised, regionName);
  let prior: Dataset | undefined;
  if (input.prior && input.prior.length > 0) {
    prior = buildDataset(
      recogniseForms(input.prior, input.profile, input.index, input.readOptions),
      regionName,
    );
  }
  progress('audit', 0.3);
  const validation = auditDataset(input, dataset, prior);
  progress('assess', 0.6);
  const assessment = assess(input.profile, dataset, prior);
  const period = input.period ?? findPeriod(recognised);
  const digest = digestOf(validation, dataset, input.lang);
  progress('report', 0.9);
  const result: MonitorResult = { period, recognised, dataset, validation, assessment, digest };
  if (prior) result.prior = prior;
  return result;
}

export interface ReportSheets {
  workbook: OutputWorkbook;
  blocks: Block[];
  /** The narrative and the summary table as a document (the Word file). */
  document: ReportDocument;
}

/** The two report sheets. `names` lets the Excel adapter pick free names for them. */
export function reportSheets(
  r: MonitorResult,
  profile: Profile,
  lang: Lang,
  time: string,
  names: { summary: string; narrative: string; units?: string } = {
    summary: t(lang, 'report.summarySheet'),
    narrative: t(lang, 'report.narrativeSheet'),
  },
): ReportSheets {
  const unitName = (key: string) => r.dataset.hierarchy.name(key);
  const blocks = narrative({
    assessment: r.assessment,
    profile,
    period: r.period,
    audit: r.digest,
    lang,
    unitName,
  });
  const input: SummaryInput = {
    assessment: r.assessment,
    profile,
    dataset: r.dataset,
    period: r.period,
    audit: r.digest,
    lang,
    time,
  };
  const summary = summarySheet(input, names.summary);
  const units = unitsSheet(input, names.units ?? t(lang, 'report.unitsSheet'), summary.name);
  const story = narrativeSheet(blocks, names.narrative, lang);
  return {
    workbook: { sheets: [summary, units, story] },
    blocks,
    document: reportDocument(blocks, input),
  };
}
