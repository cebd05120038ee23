import { assess, type Assessment } from './assess/assess';
import { Exclusions } from './assess/exclusions';
import { unitTargetFindings, withFindings } from './assess/findings';
import type { Stage } from './assess/progress';
import { TallyError } from './errors';
import { isTargetSheetName } from './targets/apply';
import { targetRows } from './targets/cells';
import { parseTargetTable, type TargetTable } from './targets/table';
import type { Lang } from './messages/index';
import { t } from './messages/index';
import { asRows, type WorkbookData } from './model/workbook';
import { departmentsOf } from './narrative/departments';
import { narrative, qualityNotes, type AuditDigest, type Block } from './narrative/narrative';
import { narrativeSheet, summarySheet, type SummaryInput } from './output/report';
import { unitsSheets } from './output/units';
import { reportDocument, type ReportDocument } from './output/document';
import type { OutputWorkbook } from './output/spec';
import type { Profile } from './profile/profile';
import type { RuleDef } from './profile/schema';
import { parseRuleTable, type RuleSet } from './rules/table';
import { noFormsError, recogniseForms, type FormSheet, type Recognised } from './read/forms';
import type { ReadOptions } from './read/table';
import type { HeaderIndex } from './read/vocabulary';
import { baseName, periodsOf, resolvePeriods } from './period';
import { buildDataset, type Dataset } from './rollup/dataset';
import {
  checkBlanks,
  checkCompleteness,
  checkCounts,
  checkDuplicates,
  checkUnread,
  checkTotals,
  checkBreakdowns,
  checkValues,
} from './validate/builtin';
import { checkItemConflicts } from './validate/conflicts';
import { checkMagnitudes } from './validate/magnitude';
import { checkSplitForms } from './validate/split';
import { checkLevelTotals } from './validate/levels';
import { checkConversions, checkRenames, checkRoles, checkUnlisted } from './validate/structure';
import { applyExplanations } from './validate/explanations';
import { joinLists, summarise, type Finding, type ValidationResult } from './validate/result';
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
  /**
   * The job cannot go on without forms and a period (a report, an export): refused right after
   * the forms are recognised, not after every unit is audited and assessed (30 s at 100,000
   * villages).
   */
  requirePeriod?: boolean;
  /** The name of the whole area when the hierarchy has no single root. */
  regionName?: string;
  /**
   * Rules to use instead of the profile's. When absent, a sheet named 审核规则 (or Rules) in the
   * workbooks is used if there is one, else the profile's rules.
   */
  rules?: readonly RuleDef[] | RuleSet;
  /**
   * The office's targets, instead of the profile's for the indicators it lists. When absent, a
   * sheet named 指标目标 (or Targets) in the workbooks is used if there is one.
   */
  targets?: TargetTable;
  /** `midterm` also judges progress against the line from base year to target year. */
  stage?: Stage;
  /** Written explanations of warnings, by findingKey. */
  explanations?: ReadonlyMap<string, string>;
  readOptions?: ReadOptions;
  /** Progress, for long runs: a stage name and a fraction. */
  onProgress?: (stage: 'read' | 'audit' | 'assess' | 'report', fraction: number) => void;
}

export interface MonitorResult {
  period: string;
  /** The previous period, when one was given and its forms name it. */
  priorPeriod?: string;
  recognised: Recognised;
  dataset: Dataset;
  prior?: Dataset;
  validation: ValidationResult;
  /** The previous period's own error checks, for what was set aside from its values. */
  priorValidation?: ValidationResult;
  assessment: Assessment;
  digest: AuditDigest;
}

/** The names of a workbook's own rule sheet. */
export const RULE_SHEET_NAMES: readonly string[] = ['审核规则', 'Rules'];

/** The rule table of the first workbook that has a 审核规则 sheet, compiled. */
export function rulesSheet(workbooks: readonly WorkbookData[]): RuleSet | undefined {
  for (const wb of workbooks) {
    const sheet = wb.sheets.find((s) => RULE_SHEET_NAMES.includes(s.name));
    if (sheet) return parseRuleTable(asRows(sheet).rows, { firstRow: sheet.origin.row + 1 });
  }
  return undefined;
}

/**
 * The targets table of the first workbook that has a 指标目标 sheet, read. A sheet that cannot
 * be used at all (no header, no 目标 column, no usable row) is unusable input: it throws.
 */
export function targetsSheet(
  workbooks: readonly WorkbookData[],
  profile: Profile,
  lang: Lang,
): TargetTable | undefined {
  for (const wb of workbooks) {
    const sheet = wb.sheets.find((s) => isTargetSheetName(s.name));
    if (!sheet) continue;
    const label = t(lang, 'targets.sheetLabel', {
      file: wb.source.split(/[\\/]/).pop() ?? wb.source,
      sheet: sheet.name,
    });
    const read = parseTargetTable(targetRows(sheet), profile.indicators, {
      label,
      firstRow: sheet.origin.row + 1,
    });
    if (!read.ok) throw new TallyError(read.issue.key, read.issue.params, read.nested ?? {});
    return read.table;
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
      checkConversions(fs, lang),
      checkRoles(fs, lang),
      checkTotals(fs, lang),
      checkBreakdowns(fs, lang),
      checkBlanks(fs, lang),
      checkCounts(fs, lang),
      checkMagnitudes(fs, lang),
    );
  }
  lists.push(
    checkUnread(ds, lang),
    checkDuplicates(ds, lang),
    checkItemConflicts(ds, lang),
    checkLevelTotals(ds, lang),
    checkUnlisted(ds, lang),
    checkCompleteness(ds, lang, prior),
    checkSplitForms(ds, lang),
    checkRenames(ds, prior, lang),
  );
  const ruled = runProfileRules(
    input.rules ?? rulesSheet(input.workbooks) ?? input.profile.rules,
    ds,
    prior,
    input.profile,
    lang,
  );
  lists.push(ruled.findings);
  const findings = joinLists(lists);
  if (input.explanations) applyExplanations(findings, input.explanations);
  return { rules: ruled.rules, findings, summary: summarise(findings) };
}

export function digestOf(validation: ValidationResult, ds: Dataset, lang: Lang): AuditDigest {
  const { errors } = validation.summary;
  const warnings = validation.findings.filter((f) => f.severity === 'warning');
  const explained = warnings.filter((f) => f.explanation);
  const formName = (sheet: string) => {
    const fs = ds.forms.find((f) => f.sheet === sheet);
    return fs ? (lang === 'zh' ? fs.form.name : fs.form.nameEn) : sheet;
  };
  return {
    forms: new Set(ds.forms.map((f) => f.table)).size,
    units: ds.units.length,
    errors,
    openErrors: errors,
    warnings: warnings.length,
    explained: explained.length,
    explanations: explained.map((f) => ({
      unit: f.unit,
      ruleId: f.ruleId,
      text: f.explanation ?? '',
      items: f.cells.map((c) => c.item),
    })),
    missing: validation.findings
      .filter((f) => f.ruleId === 'MISSING_UNIT')
      .map((f) => ({ form: formName(f.sheet), unit: f.unit })),
    unlisted: [...new Set(ds.unlisted.map((u) => u.unit))],
  };
}

export function monitor(input: MonitorInput): MonitorResult {
  const progress = input.onProgress ?? (() => undefined);
  const regionName = input.regionName ?? t(input.lang, 'report.wholeArea');
  progress('read', 0);
  const recognised = recogniseForms(input.workbooks, input.profile, input.index, input.readOptions);
  const priorRec =
    input.prior && input.prior.length > 0
      ? recogniseForms(input.prior, input.profile, input.index, input.readOptions)
      : undefined;
  // Periods first: forms of two years are refused before anything is pooled.
  const periods = resolvePeriods(
    periodsOf(recognised),
    priorRec ? periodsOf(priorRec) : [],
    input.period,
  );
  if (input.requirePeriod && recognised.forms.length === 0) throw noFormsError(recognised);
  // Last year's files with no form in them (last year's report, a summary sheet) would drop
  // every comparison with last year in silence.
  if (priorRec && priorRec.forms.length === 0)
    throw new TallyError('error.priorNoForms', {
      files: (input.prior ?? []).map((w) => `“${baseName(w.source)}”`).join('、'),
    });
  if (input.requirePeriod && !periods.period) throw new TallyError('error.noPeriod');
  const dataset = buildDataset(recognised, regionName);
  // Last year is read with this year's region sheet (its former names: 曾用名).
  const prior = priorRec
    ? buildDataset(priorRec, regionName, { regionRows: dataset.regionRows })
    : undefined;
  progress('audit', 0.3);
  const audited = auditDataset(input, dataset, prior);
  const priorValidation = prior
    ? auditDataset(
        {
          ...input,
          workbooks: input.prior ?? [],
          rules: input.rules ?? rulesSheet(input.workbooks) ?? input.profile.rules,
          explanations: new Map(),
        },
        prior,
        undefined,
      )
    : undefined;
  progress('assess', 0.6);
  const targets = input.targets ?? targetsSheet(input.workbooks, input.profile, input.lang);
  const assessment = assess(input.profile, dataset, prior, {
    ...(targets ? { targets } : {}),
    stage: input.stage ?? 'annual',
    period: periods.period,
    excluded: Exclusions.fromFindings(audited.findings),
    ...(priorValidation
      ? { priorExcluded: Exclusions.fromFindings(priorValidation.findings) }
      : {}),
  });
  // Townships that miss a per-township target (C10) are notices with their cells (issue 9).
  const validation = withFindings(audited, unitTargetFindings(assessment, dataset, input.lang));
  const digest = digestOf(validation, dataset, input.lang);
  progress('report', 0.9);
  const result: MonitorResult = {
    period: periods.period,
    recognised,
    dataset,
    validation,
    assessment,
    digest,
  };
  if (periods.priorPeriod) result.priorPeriod = periods.priorPeriod;
  if (prior) result.prior = prior;
  if (priorValidation) result.priorValidation = priorValidation;
  return result;
}

export interface ReportSheets {
  workbook: OutputWorkbook;
  /** The narrative for leadership (监测报告). */
  blocks: Block[];
  /** 数据质量说明: the statistician's to-dos, apart from the narrative. */
  quality: Block[];
  /** The narrative and the summary table as a document (the Word file). */
  document: ReportDocument;
}

/**
 * The report sheets (指标汇总, 分单位指标, 监测报告, 数据质量说明) and the document. `names` lets
 * the Excel adapter pick free names for them.
 */
export function reportSheets(
  r: MonitorResult,
  profile: Profile,
  lang: Lang,
  time: string,
  names: { summary: string; narrative: string; units?: string; quality?: string } = {
    summary: t(lang, 'report.summarySheet'),
    narrative: t(lang, 'report.narrativeSheet'),
  },
): ReportSheets {
  // Each unit's name looked up once: the report names the same 100,000 villages in a dozen
  // lists (the units set aside from each group of provisional values, those above 100 %).
  const unitNames = new Map<string, string>();
  const unitName = (key: string): string => {
    let name = unitNames.get(key);
    if (name === undefined) unitNames.set(key, (name = r.dataset.hierarchy.name(key)));
    return name;
  };
  const narrativeInput = {
    assessment: r.assessment,
    profile,
    period: r.period,
    audit: r.digest,
    lang,
    unitName,
    departments: departmentsOf(r.dataset.forms, profile, r.assessment.rootName),
    ...(r.priorPeriod ? { priorPeriod: r.priorPeriod } : {}),
  };
  const blocks = narrative(narrativeInput);
  const quality = qualityNotes(narrativeInput);
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
  const units = unitsSheets(input, names.units ?? t(lang, 'report.unitsSheet'), summary.name);
  const story = narrativeSheet(blocks, names.narrative, lang);
  const notes = narrativeSheet(quality, names.quality ?? t(lang, 'q.sheet'), lang, 'quality');
  return {
    workbook: { sheets: [summary, ...units, story, notes] },
    blocks,
    quality,
    document: reportDocument(blocks, input, quality),
  };
}
