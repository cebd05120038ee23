import * as path from 'node:path';
import { t, type Lang } from '../core/messages/index';
import type { Profile } from '../core/profile/profile';
import { sameForm } from '../core/rules/data';
import type { Missing } from '../core/validate/applicability';
import type { Finding, FindingCell, RuleSummary, ValidationResult } from '../core/validate/result';
import { leadsWithUnit } from '../core/validate/unit-lead';
import type { Out } from './output';

/** What `tally validate` prints: the per-rule table, the findings by sheet, the summary. */

/** A cell as Excel writes a reference: `A1`, `民政!K10`, `[乙镇.xlsx]民政!D3`. */
function cellRef(c: FindingCell): string {
  const book = c.file ? `[${path.basename(c.file)}]` : '';
  return c.sheet || c.file ? `${book}${c.sheet ?? ''}!${c.cell}` : c.cell;
}

/** A rule that ran on no record because its form or items are absent. */
const notApplicable = (s: RuleSummary): s is RuleSummary & { missing: Missing } =>
  s.missing !== undefined;

/** The `--json` shape of issue 3; every rule, those that did not apply marked so. */
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
      applicable: !notApplicable(s),
      ...(s.missing ? { missing: s.missing } : {}),
    })),
    findings: jsonFindings(r.findings),
    summary: r.summary,
  };
}

/**
 * The findings as `--json` writes them, each made when its turn comes (json-out writes an
 * iterator as its array): 1.27 million of them are never a second list beside the first.
 */
function* jsonFindings(findings: readonly Finding[]) {
  for (const f of findings)
    yield {
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
    };
}

function pad(s: string, n: number): string {
  let w = 0;
  for (const ch of s) w += /[\u2E80-\uFFEF]/.test(ch) ? 2 : 1;
  return s + ' '.repeat(Math.max(0, n - w));
}

const listSep = (lang: Lang) => (lang === 'zh' ? '、' : ', ');

/** A list said briefly: the first few, then "等 N 项" / "and N more". */
function brief(lang: Lang, names: readonly string[], max = 4): string {
  const shown = names.slice(0, max).join(listSep(lang));
  if (names.length <= max) return shown;
  return t(lang, 'validate.andMore', {
    list: shown,
    count: names.length,
    more: names.length - max,
  });
}

/** A form as people name it: `FE2 教育`, from the profile when it knows the form. */
function formLabel(form: string, profile: Profile, lang: Lang): string {
  const def = profile.forms.find((f) => sameForm(form, f.id) || sameForm(form, f.name));
  return def ? `${def.id} ${lang === 'zh' ? def.name : def.nameEn}` : form;
}

/** "报表 FE2 教育、FE3 民政；数据项 活产数" for the missing parts of one or many rules. */
export function missingText(missing: readonly Missing[], profile: Profile, lang: Lang): string {
  const collect = (pick: (m: Missing) => readonly string[]) => [...new Set(missing.flatMap(pick))];
  const forms = collect((m) => m.forms).map((f) => formLabel(f, profile, lang));
  const parts: string[] = [];
  if (forms.length > 0) parts.push(t(lang, 'validate.missingForms', { list: brief(lang, forms) }));
  const items = collect((m) => m.items);
  if (items.length > 0) parts.push(t(lang, 'validate.missingItems', { list: brief(lang, items) }));
  const prior = collect((m) => m.prior);
  if (prior.length > 0) parts.push(t(lang, 'validate.missingPrior', { list: brief(lang, prior) }));
  return parts.join(lang === 'zh' ? '；' : '; ');
}

function printRules(
  rules: readonly RuleSummary[],
  opts: { lang: Lang; allRules: boolean; profile: Profile },
  out: Out,
): void {
  const { lang } = opts;
  const idle = rules.filter(notApplicable);
  const shown = opts.allRules ? rules : rules.filter((s) => !notApplicable(s));
  if (shown.length > 0) {
    out.line(out.style('bold', t(lang, 'validate.rulesHead')));
    const head = ['id', 'severity', 'records', 'passes', 'fails', 'notEvaluated'].map((k) =>
      t(lang, `validate.col.${k}` as 'validate.col.id'),
    );
    out.line('  ' + head.map((h, i) => pad(h, i === 0 ? 10 : 9)).join(' '));
    for (const s of shown) {
      const cols = [
        s.id,
        t(lang, `severity.${s.severity}`),
        String(s.records),
        String(s.passes),
        String(s.fails),
        String(s.notEvaluated),
      ];
      const line = '  ' + cols.map((c, i) => pad(c, i === 0 ? 10 : 9)).join(' ');
      if (s.error) out.line(`${line} ${out.style('red', s.error)}`);
      else if (s.missing) {
        const why = missingText([s.missing], opts.profile, lang);
        out.line(
          out.style('dim', `${line} ${t(lang, 'validate.ruleNotApplicable', { missing: why })}`),
        );
      } else if (s.fails > 0) out.line(out.style(s.severity === 'error' ? 'red' : 'yellow', line));
      else out.line(line);
    }
  }
  if (idle.length > 0) {
    const key = opts.allRules ? 'validate.notApplicableAll' : 'validate.notApplicable';
    const missing = missingText(
      idle.map((s) => s.missing),
      opts.profile,
      lang,
    );
    out.line(out.style('dim', t(lang, key, { count: idle.length, missing })));
  }
  if (shown.length > 0 || idle.length > 0) out.line();
}

/** `[FE1-01] 石门镇：…`: the unit once, also when the rule's message already leads with it. */
function findingText(f: Finding, lang: Lang): string {
  if (!f.unit || leadsWithUnit(f.message, f.unit)) return f.message;
  return `${t(lang, 'validate.unitLead', { unit: f.unit })}${f.message}`;
}

/**
 * Findings listed per sheet and severity: a county's 100,000 villages can fail a million times,
 * which no one reads in a terminal. The rest are counted, with where to find them.
 */
export const FINDINGS_SHOWN = 1_000;

function printFindings(findings: readonly Finding[], lang: Lang, out: Out, all: boolean): void {
  const bySheet = new Map<string, Finding[]>();
  for (const f of findings) {
    const key = `${f.file} › ${f.sheet}`;
    const list = bySheet.get(key);
    if (list) list.push(f);
    else bySheet.set(key, [f]);
  }
  for (const [sheet, fs] of bySheet) {
    out.line(out.style('bold', sheet));
    for (const severity of ['error', 'warning', 'notice'] as const) {
      const list = fs.filter((f) => f.severity === severity);
      if (list.length === 0) continue;
      const colour = severity === 'error' ? 'red' : severity === 'warning' ? 'yellow' : 'cyan';
      out.line('  ' + out.style(colour, `${t(lang, `severity.${severity}`)} (${list.length})`));
      const shown = all ? list : list.slice(0, FINDINGS_SHOWN);
      for (const f of shown) {
        const cells = f.cells
          .slice(0, 4)
          .map((c) => `${cellRef(c)}=${c.value ?? '∅'}`)
          .join(', ');
        const more = f.cells.length > 4 ? ` …+${f.cells.length - 4}` : '';
        out.line(
          `    [${f.ruleId}] ${findingText(f, lang)}${cells ? out.style('dim', `  (${cells}${more})`) : ''}`,
        );
        if (f.explanation)
          out.line(
            `      ${out.style('green', t(lang, 'validate.explained', { text: f.explanation }))}`,
          );
      }
      if (shown.length < list.length)
        out.line(
          `    ${out.style('dim', t(lang, 'validate.moreFindings', { n: list.length - shown.length }))}`,
        );
    }
  }
}

export function printHuman(
  r: ValidationResult,
  opts: { lang: Lang; allRules: boolean; allFindings?: boolean; profile: Profile },
  out: Out,
): void {
  printRules(r.rules, opts, out);
  printFindings(r.findings, opts.lang, out, opts.allFindings === true);
  const s = r.summary;
  if (r.findings.length > 0) out.line();
  out.line(
    t(opts.lang, 'validate.summary', {
      errors: s.errors,
      warnings: s.warnings,
      notices: s.notices,
    }),
  );
}
