import { asRows } from '../core/model/workbook';
import * as path from 'node:path';
import { TallyError, UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import { auditDataset, RULE_SHEET_NAMES, rulesSheet } from '../core/monitor';
import { isTargetSheetName, TARGET_SHEET_NAMES } from '../core/targets/apply';
import type { Profile } from '../core/profile/profile';
import {
  formOf,
  noFormsError,
  recogniseForms,
  unreadForms,
  type Recognised,
  type SheetSkip,
} from '../core/read/forms';
import type { HeaderIndex } from '../core/read/vocabulary';
import { periodsOf, resolvePeriods } from '../core/period';
import { buildDataset } from '../core/rollup/dataset';
import { parseRuleTable, problemText, TABLE_PROBLEMS, type RuleSet } from '../core/rules/table';
import {
  checkBlanks,
  checkCompleteness,
  checkCounts,
  checkDuplicates,
  checkTableDuplicates,
  checkBreakdowns,
  checkTotals,
  checkValues,
} from '../core/validate/builtin';
import { runRules, type RuleSheet } from '../core/validate/profile-rules';
import { checkRenames, checkRoles, checkUnlisted } from '../core/validate/structure';
import { joinLists, summarise, type Finding, type ValidationResult } from '../core/validate/result';
import { applyExplanations, isExplanationSheet } from '../core/validate/explanations';
import { findingsParts } from '../core/output/findings';
import { checkOutputFile, readBoundedFile, writeOutputFile } from '../xlsx/file';
import { parseCsv, parseXlsx } from '../xlsx/parse';
import { writeXlsxBytes } from '../xlsx/write';
import { explanationsFrom } from './explanations';
import type { Out } from './output';
import { writeJson } from './json-out';
import { expandInputs, readFiles } from './read';
import { printHuman, toJson } from './validate-output';
import { EXIT_UNUSABLE } from './errors';

export interface ValidateOptions {
  rules?: string;
  sheet?: string;
  prior?: string[];
  /** List the rules that do not apply too, not just the one line that counts them. */
  allRules?: boolean;
  /** List every finding, not the first FINDINGS_SHOWN of each sheet and severity. */
  allFindings?: boolean;
  /** Also write the findings workbook (导出审核结果) to this .xlsx file. */
  export?: string;
  json: boolean;
  lang: Lang;
}

interface Ctx {
  profile: Profile;
  index: HeaderIndex;
  out: Out;
  err: Out;
}

/** A rule table from a CSV file, or from an .xlsx file's 审核规则 sheet (else its first sheet). */
export async function readRuleFile(file: string): Promise<RuleSet> {
  const bytes = await readBoundedFile(file);
  const ext = path.extname(file).toLowerCase();
  const wb =
    ext === '.csv' || ext === '.txt' ? parseCsv(bytes, file) : await parseXlsx(bytes, file);
  const sheet = wb.sheets.find((s) => RULE_SHEET_NAMES.includes(s.name)) ?? wb.sheets[0];
  if (!sheet) throw new UnreadableInputError('error.corrupt', { file, detail: 'no sheets' });
  const set = parseRuleTable(asRows(sheet).rows, { firstRow: sheet.origin.row + 1 });
  // The wrong file, an empty one, or a header without 规则: say what was found, and stop.
  const whole = set.problems.find((p) => TABLE_PROBLEMS.has(p.issue.key));
  if (whole) {
    const csv = ext === '.csv' || ext === '.txt';
    throw new TallyError(
      csv ? 'rules.file.unusableCsv' : 'rules.file.unusable',
      { file, sheet: sheet.name },
      { detail: { key: whole.issue.key, params: whole.issue.params } },
    );
  }
  return set;
}

/** Every sheet read as a table (each once), with its form when it is one, for the rules. */
function sheetsOf(rec: Recognised, ctx: Ctx, only?: string): RuleSheet[] {
  return rec.tables
    .filter(
      (t) =>
        (only === undefined || t.sheet === only) &&
        !RULE_SHEET_NAMES.includes(t.sheet) &&
        !isTargetSheetName(t.sheet),
    )
    .map((t) => {
      const form = formOf(t.table, ctx.profile);
      return {
        file: t.source,
        sheet: t.sheet,
        table: t.table,
        ...(form ? { form: { id: form.id, name: form.name } } : {}),
      };
    });
}

/** Written rules over every sheet (or `--sheet`), plus the per-sheet built-in checks. */
function validateWithRules(
  set: RuleSet,
  rec: Recognised,
  priorRec: Recognised | undefined,
  opts: ValidateOptions,
  ctx: Ctx,
): ValidationResult {
  const sheets = sheetsOf(rec, ctx, opts.sheet);
  if (opts.sheet !== undefined && sheets.length === 0) {
    throw new TallyError('error.noSheet', { sheet: opts.sheet });
  }
  // Lists of findings, flattened once (a long list spread into push() overflows the stack).
  const lists: Finding[][] = [];
  for (const s of sheets) {
    const st = { source: s.file, sheet: s.sheet, table: s.table };
    lists.push(
      checkValues(st, opts.lang),
      checkRoles(st, opts.lang),
      checkTotals(st, opts.lang),
      checkBreakdowns(st, opts.lang),
    );
    // Forms get the profile's checks; any other table is checked for repeated units.
    if (s.form) lists.push(checkBlanks(st, opts.lang), checkCounts(st, opts.lang));
    else lists.push(checkTableDuplicates(st, opts.lang));
  }
  // Across the files: a form's units repeated or missing.
  if (rec.forms.length > 0) {
    const root = t(opts.lang, 'report.wholeArea');
    const ds = buildDataset(rec, root);
    const pds = priorRec ? buildDataset(priorRec, root, { regionRows: ds.regionRows }) : undefined;
    lists.push(
      checkDuplicates(ds, opts.lang),
      checkUnlisted(ds, opts.lang),
      checkCompleteness(ds, opts.lang, pds),
      checkRenames(ds, pds, opts.lang),
    );
  }
  const run = runRules(set, sheets, priorRec ? sheetsOf(priorRec, ctx) : undefined, opts.lang);
  lists.push(run.findings);
  const findings = joinLists(lists);
  return { rules: run.rules, findings, summary: summarise(findings) };
}

/** Sheets Tally itself reads or writes: never forms, never worth a "not audited" note. */
const TOOL_SHEETS: readonly string[] = [
  ...RULE_SHEET_NAMES,
  ...TARGET_SHEET_NAMES,
  '指标汇总',
  '监测报告',
];

/** The recognised forms, of one sheet when `--sheet` names it. */
function onlySheet(rec: Recognised, only?: string): Recognised {
  return only === undefined ? rec : { ...rec, forms: rec.forms.filter((f) => f.sheet === only) };
}

export async function validateCommand(
  given: string[],
  opts: ValidateOptions,
  ctx: Ctx,
): Promise<number> {
  const { lang } = opts;
  const files = await expandInputs(given);
  const priorFiles = opts.prior && opts.prior.length > 0 ? await expandInputs(opts.prior) : [];
  const workbooks = await readFiles(files, lang, ctx.err);
  const prior = priorFiles.length > 0 ? await readFiles(priorFiles, lang, ctx.err) : undefined;
  const explanations = explanationsFrom(workbooks);
  const set = opts.rules ? await readRuleFile(opts.rules) : rulesSheet(workbooks);

  const all = recogniseForms(workbooks, ctx.profile, ctx.index);
  const priorRec = prior ? recogniseForms(prior, ctx.profile, ctx.index) : undefined;
  // Forms of two years audited as one would compare and pool the wrong things: refused.
  resolvePeriods(periodsOf(all), priorRec ? periodsOf(priorRec) : [], undefined);
  const rec = onlySheet(all, opts.sheet);

  let result: ValidationResult;
  let skipped: SheetSkip[] = [];
  if (set) {
    result = validateWithRules(set, rec, priorRec, opts, ctx);
  } else {
    if (
      opts.sheet !== undefined &&
      !workbooks.some((w) => w.sheets.some((x) => x.name === opts.sheet))
    ) {
      throw new TallyError('error.noSheet', { sheet: opts.sheet });
    }
    if (rec.forms.length === 0) throw noFormsError(rec);
    // Sheets that look like forms but could not be read as one are said, never dropped quietly.
    // (A form's sheet left unread is a finding of its own: SHEET_NOT_READ.)
    const unread = new Set(unreadForms(rec.skipped));
    skipped = rec.skipped.filter(
      (k) =>
        k.reason !== 'noHeader' &&
        !unread.has(k) &&
        !TOOL_SHEETS.includes(k.sheet) &&
        !isExplanationSheet(k.sheet) &&
        (opts.sheet === undefined || opts.sheet === k.sheet),
    );
    const root = t(lang, 'report.wholeArea');
    const ds = buildDataset(rec, root);
    const pds = priorRec ? buildDataset(priorRec, root, { regionRows: ds.regionRows }) : undefined;
    result = auditDataset({ workbooks, profile: ctx.profile, index: ctx.index, lang }, ds, pds);
  }
  applyExplanations(result.findings, explanations);
  if (opts.export) {
    await exportFindings(
      opts.export,
      result.findings,
      lang,
      [...files, ...(opts.prior ?? [])],
      ctx.err,
    );
  }

  const problems = set?.problems ?? [];
  if (opts.json) {
    await writeJson(ctx.out, { ...toJson(result), skipped });
  } else {
    printHuman(
      result,
      {
        lang,
        allRules: opts.allRules === true,
        allFindings: opts.allFindings === true,
        profile: ctx.profile,
      },
      ctx.out,
    );
    for (const k of skipped) {
      const why = t(lang, `skip.${k.reason}`);
      ctx.err.line(
        ctx.err.style(
          'yellow',
          t(lang, 'validate.skipped', { file: k.source, sheet: k.sheet, why }),
        ),
      );
    }
  }
  for (const p of problems) ctx.err.line(ctx.err.style('red', 'tally: ') + problemText(lang, p));
  if (problems.some((p) => p.dropped)) return EXIT_UNUSABLE;
  // A rule table of the user's with a rule that could not run (an unknown item) is unusable too.
  if (set && result.rules.some((r) => r.error !== null)) return EXIT_UNUSABLE;
  return result.summary.errors > 0 ? 1 : 0;
}

/**
 * `--export`: the findings workbook, or — when it would pass what Tally reads back — several,
 * `审核结果.xlsx`, `审核结果-2.xlsx`, …, each within the limits. Written as templates: once
 * handed out and filled in, Tally never writes over them.
 */
async function exportFindings(
  file: string,
  findings: readonly Finding[],
  lang: Lang,
  inputs: string[],
  err: Out,
): Promise<void> {
  const parts = findingsParts(findings, { lang });
  const files = Array.from({ length: parts.count }, (_, i) => partFile(file, i + 1));
  // Every file checked before any is written: no export left half written over a filled-in one.
  for (const f of files) await checkOutputFile(f, inputs, 'template');
  // Each file made when its turn comes, and let go once written.
  for (const [i, f] of files.entries())
    await writeOutputFile(
      f,
      await writeXlsxBytes(parts.workbook(i), 'template'),
      inputs,
      'template',
    );
  err.line(
    parts.count === 1
      ? t(lang, 'validate.exported', { file })
      : t(lang, 'validate.exportedParts', {
          n: parts.count,
          files: files.join(lang === 'zh' ? '、' : ', '),
        }),
  );
}

/** The name of the export's k-th file: the name given, then `name-2.xlsx`, `name-3.xlsx`, … */
export function partFile(file: string, k: number): string {
  if (k === 1) return file;
  const dot = file.lastIndexOf('.');
  const slash = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  return dot > slash + 1 ? `${file.slice(0, dot)}-${k}${file.slice(dot)}` : `${file}-${k}`;
}
