import { inspectWorkbook, type SheetInspection, type WorkbookInspection } from '../core/inspect';
import { t, type Lang } from '../core/messages/index';
import type { Profile } from '../core/profile/profile';
import type { HeaderIndex } from '../core/read/vocabulary';
import { readWorkbookFile } from '../xlsx/file';
import { leadsWithUnit } from '../core/validate/unit-lead';
import type { Out } from './output';
import { reportUnreadable } from './errors';
import { expandInputs } from './read';

export interface InspectOptions {
  json: boolean;
  lang: Lang;
}

/** `tally inspect FILE...`: what Tally recognises in each sheet. Exit 2 if a file is unreadable. */
export async function inspectCommand(
  files: string[],
  opts: InspectOptions,
  ctx: { profile: Profile; index: HeaderIndex; out: Out; err: Out },
): Promise<number> {
  const results: WorkbookInspection[] = [];
  let code = 0;
  const inputs = await expandInputs(files);
  for (const file of inputs) {
    try {
      const wb = await readWorkbookFile(file);
      const result = inspectWorkbook(wb, ctx.index, ctx.profile, {}, opts.lang);
      results.push(result);
      if (!opts.json) printWorkbook(result, opts.lang, ctx.out);
    } catch (e) {
      code = reportUnreadable(e, opts.lang, ctx.err);
    }
  }
  if (opts.json)
    ctx.out.line(
      JSON.stringify(results.length === 1 && inputs.length === 1 ? results[0] : results, null, 2),
    );
  return code;
}

function printWorkbook(wb: WorkbookInspection, lang: Lang, out: Out): void {
  out.line(out.style('bold', wb.source));
  for (const sheet of wb.sheets) printSheet(sheet, lang, out);
  out.line();
}

function printSheet(s: SheetInspection, lang: Lang, out: Out): void {
  const head = `  ${t(lang, 'inspect.sheet', { sheet: s.sheet })}`;
  if (s.notRead !== undefined && !s.recognised) {
    out.line(`${head}: ${out.style('yellow', s.notRead)}`);
    return;
  }
  if (!s.recognised) {
    out.line(`${head}: ${out.style('dim', t(lang, 'inspect.noHeader'))}`);
    return;
  }
  const form = s.form
    ? out.style(
        'green',
        t(lang, 'inspect.form', {
          form: `${s.form.id} ${s.form.name}`,
          matched: s.form.matched,
          total: s.form.total,
        }),
      )
    : out.style('yellow', t(lang, 'inspect.noForm'));
  out.line(`${head}: ${form}`);
  if (s.notRead !== undefined) out.line(`    ${out.style('yellow', s.notRead)}`);
  out.line(
    `    ${t(lang, 'inspect.header', { rows: s.headerRows.join('–') })}; ${t(lang, 'inspect.records', { records: s.records, totals: s.totalRows })}`,
  );
  if (s.vertical) out.line(`    ${out.style('dim', t(lang, 'inspect.vertical'))}`);
  for (const r of s.rows)
    out.line(
      `    ${out.style('dim', t(lang, 'audit.roleRow', { row: r.row, label: r.label, why: r.why }))}`,
    );
  if (s.unitColumn) out.line(`    ${t(lang, 'inspect.unitColumn')}: ${s.unitColumn}`);
  if (s.areaColumn) out.line(`    ${t(lang, 'inspect.areaColumn')}: ${s.areaColumn}`);
  if (s.codeColumn) out.line(`    ${t(lang, 'inspect.codeColumn')}: ${s.codeColumn}`);
  if (s.items.length > 0) {
    out.line(`    ${t(lang, 'inspect.items')} (${s.items.length}):`);
    for (const item of s.items) {
      const same = item.header === item.name;
      out.line(
        `      ${item.column.padEnd(3)} ${item.name}${same ? '' : out.style('dim', ` ← ${item.header}`)}  [${item.id}]`,
      );
    }
  }
  if (s.otherColumns.length > 0)
    out.line(`    ${t(lang, 'inspect.otherColumns')}: ${s.otherColumns.join(', ')}`);
  if (s.notices.length > 0) {
    out.line(`    ${out.style('cyan', t(lang, 'inspect.notices', { count: s.notices.length }))}`);
    for (const n of s.notices) {
      out.line(
        `      ${t(lang, 'notice.disguisedNumber', { cell: n.cell, raw: n.raw, value: n.value, why: t(lang, `why.${n.why}`, { thousand: n.value * 1000 }) })}`,
      );
    }
  }
  if (s.typeErrors.length > 0) {
    out.line(
      `    ${out.style('red', t(lang, 'inspect.typeErrors', { count: s.typeErrors.length }))}`,
    );
    for (const e of s.typeErrors)
      out.line(
        `      ${t(lang, e.why === 'uncalculated' ? 'typeError.uncalculated' : 'typeError.cell', { cell: e.cell, raw: e.raw, column: e.column })}`,
      );
  }
  for (const issue of s.issues) {
    const lead = issue.unit && !leadsWithUnit(issue.message, issue.unit);
    const text = lead
      ? t(lang, 'validate.unitLead', { unit: issue.unit }) + issue.message
      : issue.message;
    out.line(`    ${out.style('yellow', text)}`);
  }
}
