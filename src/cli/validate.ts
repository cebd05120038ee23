import * as path from 'node:path';
import { TallyError, UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import type { WorkbookData } from '../core/model/workbook';
import { auditDataset, RULE_SHEET_NAMES, rulesSheet } from '../core/monitor';
import type { Profile } from '../core/profile/profile';
import { formOf, recogniseForms, type Recognised, type SheetSkip } from '../core/read/forms';
import type { HeaderIndex } from '../core/read/vocabulary';
import { buildDataset } from '../core/rollup/dataset';
import { parseRuleTable, problemText, TABLE_PROBLEMS, type RuleSet } from '../core/rules/table';
import {
  checkBlanks,
  checkCompleteness,
  checkCounts,
  checkDuplicates,
  checkTableDuplicates,
  checkTotals,
  checkValues,
} from '../core/validate/builtin';
import { runRules, type RuleSheet } from '../core/validate/profile-rules';
import {
  summarise,
  type Finding,
  type FindingCell,
  type ValidationResult,
} from '../core/validate/result';
import { applyExplanations, isExplanationSheet } from '../core/validate/explanations';
import { readBoundedFile } from '../xlsx/file';
import { parseCsv, parseXlsx } from '../xlsx/parse';
import { explanationsFrom } from './explanations';
import type { Out } from './output';
import { readFiles } from './read';
import { EXIT_UNUSABLE } from './errors';

export interface ValidateOptions {
  rules?: string;
  sheet?: string;
  prior?: string[];
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
  const set = parseRuleTable(sheet.rows, { firstRow: sheet.origin.row + 1 });
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
    .filter((t) => (only === undefined || t.sheet === only) && !RULE_SHEET_NAMES.includes(t.sheet))
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
  workbooks: WorkbookData[],
  prior: WorkbookData[] | undefined,
  opts: ValidateOptions,
  ctx: Ctx,
): ValidationResult {
  const rec = formsOf(workbooks, ctx, opts.sheet);
  const sheets = sheetsOf(rec, ctx, opts.sheet);
  if (opts.sheet !== undefined && sheets.length === 0) {
    throw new TallyError('error.noSheet', { sheet: opts.sheet });
  }
  // Lists of findings, flattened once (a long list spread into push() overflows the stack).
  const lists: Finding[][] = [];
  for (const s of sheets) {
    const st = { source: s.file, sheet: s.sheet, table: s.table };
    lists.push(checkValues(st, opts.lang), checkTotals(st, opts.lang));
    // Forms get the profile's checks; any other table is checked for repeated units.
    if (s.form) lists.push(checkBlanks(st, opts.lang), checkCounts(st, opts.lang));
    else lists.push(checkTableDuplicates(st, opts.lang));
  }
  // Across the files: a form's units repeated or missing.
  const priorRec = prior ? formsOf(prior, ctx) : undefined;
  if (rec.forms.length > 0) {
    const root = t(opts.lang, 'report.wholeArea');
    const pds = priorRec ? buildDataset(priorRec, root) : undefined;
    const ds = buildDataset(rec, root);
    lists.push(checkDuplicates(ds, opts.lang), checkCompleteness(ds, opts.lang, pds));
  }
  const run = runRules(set, sheets, priorRec ? sheetsOf(priorRec, ctx) : undefined, opts.lang);
  lists.push(run.findings);
  const findings = lists.flat();
  return { rules: run.rules, findings, summary: summarise(findings) };
}

/** Sheets Tally itself reads or writes: never forms, never worth a "not audited" note. */
const TOOL_SHEETS: readonly string[] = [...RULE_SHEET_NAMES, '指标汇总', '监测报告'];

/** The recognised forms, of one sheet when `--sheet` names it. */
function formsOf(workbooks: readonly WorkbookData[], ctx: Ctx, only?: string): Recognised {
  const rec = recogniseForms(workbooks, ctx.profile, ctx.index);
  if (only !== undefined) rec.forms = rec.forms.filter((f) => f.sheet === only);
  return rec;
}

export async function validateCommand(
  files: string[],
  opts: ValidateOptions,
  ctx: Ctx,
): Promise<number> {
  const { lang } = opts;
  const workbooks = await readFiles(files, lang, ctx.err);
  const prior =
    opts.prior && opts.prior.length > 0 ? await readFiles(opts.prior, lang, ctx.err) : undefined;
  const explanations = explanationsFrom(workbooks);
  const set = opts.rules ? await readRuleFile(opts.rules) : rulesSheet(workbooks);

  let result: ValidationResult;
  let skipped: SheetSkip[] = [];
  if (set) {
    result = validateWithRules(set, workbooks, prior, opts, ctx);
  } else {
    if (
      opts.sheet !== undefined &&
      !workbooks.some((w) => w.sheets.some((x) => x.name === opts.sheet))
    ) {
      throw new TallyError('error.noSheet', { sheet: opts.sheet });
    }
    const rec = formsOf(workbooks, ctx, opts.sheet);
    if (rec.forms.length === 0) throw new TallyError('error.noForms');
    // Sheets that look like forms but could not be read as one are said, never dropped quietly.
    skipped = rec.skipped.filter(
      (k) =>
        k.reason !== 'noHeader' &&
        !TOOL_SHEETS.includes(k.sheet) &&
        !isExplanationSheet(k.sheet) &&
        (opts.sheet === undefined || opts.sheet === k.sheet),
    );
    const root = t(lang, 'report.wholeArea');
    const ds = buildDataset(rec, root);
    const pds = prior ? buildDataset(formsOf(prior, ctx), root) : undefined;
    result = auditDataset({ workbooks, profile: ctx.profile, index: ctx.index, lang }, ds, pds);
  }
  applyExplanations(result.findings, explanations);

  const problems = set?.problems ?? [];
  if (opts.json) {
    ctx.out.line(JSON.stringify({ ...toJson(result), skipped }, null, 2));
  } else {
    printHuman(result, lang, ctx.out);
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

/** A cell as Excel writes a reference: `A1`, `民政!K10`, `[乙镇.xlsx]民政!D3`. */
function cellRef(c: FindingCell): string {
  const book = c.file ? `[${path.basename(c.file)}]` : '';
  return c.sheet || c.file ? `${book}${c.sheet ?? ''}!${c.cell}` : c.cell;
}

/** The `--json` shape of issue 3. */
export function toJson(r: ValidationResult) {
  return {
    rules: r.rules.map((s) => ({
      id: s.id,
      severity: s.severity,
      records: s.records,
      passes: s.passes,
      fails: s.fails,
      notEvaluated: s.notEvaluated,
      error: s.error,
    })),
    findings: r.findings.map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      file: f.file,
      sheet: f.sheet,
      unit: f.unit,
      cells: f.cells.map((c) => ({
        item: c.item,
        cell: cellRef(c),
        value: c.value,
      })),
      ...(f.explanation ? { explanation: f.explanation } : {}),
    })),
    summary: r.summary,
  };
}

function pad(s: string, n: number): string {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, n - w));
}

function printHuman(r: ValidationResult, lang: Lang, out: Out): void {
  if (r.rules.length > 0) {
    out.line(out.style('bold', t(lang, 'validate.rulesHead')));
    const head = ['id', 'severity', 'records', 'passes', 'fails', 'notEvaluated'].map((k) =>
      t(lang, `validate.col.${k}` as 'validate.col.id'),
    );
    out.line('  ' + head.map((h, i) => pad(h, i === 0 ? 10 : 9)).join(' '));
    for (const s of r.rules) {
      const cols = [
        s.id,
        t(lang, `severity.${s.severity}`),
        String(s.records),
        String(s.passes),
        String(s.fails),
        String(s.notEvaluated),
      ];
      const line = '  ' + cols.map((c, i) => pad(c, i === 0 ? 10 : 9)).join(' ');
      out.line(
        s.error
          ? `${line} ${out.style('red', s.error)}`
          : s.fails > 0
            ? out.style(s.severity === 'error' ? 'red' : 'yellow', line)
            : line,
      );
    }
    out.line();
  }
  const bySheet = new Map<string, Finding[]>();
  for (const f of r.findings) {
    const key = `${f.file} › ${f.sheet}`;
    bySheet.set(key, [...(bySheet.get(key) ?? []), f]);
  }
  for (const [sheet, fs] of bySheet) {
    out.line(out.style('bold', sheet));
    for (const severity of ['error', 'warning', 'notice'] as const) {
      const list = fs.filter((f) => f.severity === severity);
      if (list.length === 0) continue;
      const colour = severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'cyan';
      out.line('  ' + out.style(colour, `${t(lang, `severity.${severity}`)} (${list.length})`));
      for (const f of list) {
        const cells = f.cells
          .slice(0, 4)
          .map((c) => `${cellRef(c)}=${c.value ?? '∅'}`)
          .join(', ');
        const more = f.cells.length > 4 ? ` …+${f.cells.length - 4}` : '';
        out.line(
          `    [${f.ruleId}] ${f.unit ? `${f.unit}：` : ''}${f.message}${cells ? out.style('dim', `  (${cells}${more})`) : ''}`,
        );
        if (f.explanation)
          out.line(
            `      ${out.style('green', t(lang, 'validate.explained', { text: f.explanation }))}`,
          );
      }
    }
  }
  const s = r.summary;
  out.line();
  out.line(
    t(lang, 'validate.summary', { errors: s.errors, warnings: s.warnings, notices: s.notices }),
  );
}
