import { t, type Lang } from '../messages/index';
import { formItemsIn, type FormSheet } from '../read/forms';
import type { Dataset } from '../rollup/dataset';
import { BUILTIN, type Finding } from './result';

/**
 * A form split by item over sheets or files (births on one sheet, deaths on another): a unit on
 * one part and not on another has that part's items unreported, and the indicators built on
 * them leave it out. No unit is missing from the form, so completeness says nothing; this says
 * which part lacks which unit (MISSING_UNIT, an error, on the part's sheet). Parts are the
 * form's sheets that share no item; sheets that share items (one sheet per township) are one
 * part, whose units differ by design.
 */
export function checkSplitForms(ds: Dataset, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const byForm = new Map<string, FormSheet[]>();
  for (const fs of ds.forms) {
    const list = byForm.get(fs.form.id);
    if (list) list.push(fs);
    else byForm.set(fs.form.id, [fs]);
  }
  for (const [form, sheets] of byForm) {
    const parts = partsOf(sheets);
    const units = ds.formUnits.get(form);
    if (parts.length < 2 || !units) continue;
    const partOf = new Map<FormSheet, number>();
    parts.forEach((p, k) => p.sheets.forEach((s) => partOf.set(s, k)));
    const seenIn = new Map<string, Set<number | undefined>>();
    for (const key of units.keys())
      seenIn.set(key, new Set((units.get(key) ?? []).map((r) => partOf.get(r.formSheet))));
    const alike = alikeParts(parts.length, seenIn);
    for (const key of units.keys()) {
      const rows = units.get(key) ?? [];
      const seen = seenIn.get(key) ?? new Set();
      if (seen.size === parts.length) continue;
      const have = rows[0];
      if (!have) continue;
      parts.forEach((p, k) => {
        // Only a part that lists mostly the units of one this unit is on: 村委会 and 居委会
        // sheets, or village sheets beside a township sheet, cover other units by design.
        if (seen.has(k) || ![...seen].some((j) => j !== undefined && alike.has(`${j}/${k}`)))
          return;
        const first = p.sheets[0] as FormSheet;
        out.push({
          ruleId: BUILTIN.missingUnit,
          severity: 'error',
          message: t(lang, 'audit.missingInPart', {
            unit: have.unit,
            have: have.sheet,
            sheet: first.sheet,
            form: `${first.form.id} ${first.form.name}`,
            items: p.items.join(lang === 'zh' ? '、' : ', '),
          }),
          file: first.source,
          sheet: first.sheet,
          unit: have.unit,
          cells: [],
        });
      });
    }
  }
  return out;
}

/**
 * Pairs of parts (`j/k`) whose units are mostly the same: at least half of the smaller part's
 * units are on both.
 */
function alikeParts(n: number, seenIn: ReadonlyMap<string, Set<number | undefined>>): Set<string> {
  const size = new Array<number>(n).fill(0);
  const both = new Map<string, number>();
  for (const seen of seenIn.values()) {
    const list = [...seen].filter((k): k is number => k !== undefined);
    for (const k of list) size[k] = (size[k] ?? 0) + 1;
    for (const a of list)
      for (const b of list) if (a !== b) both.set(`${a}/${b}`, (both.get(`${a}/${b}`) ?? 0) + 1);
  }
  const out = new Set<string>();
  for (const [pair, n2] of both) {
    const [a, b] = pair.split('/').map(Number) as [number, number];
    if (n2 * 2 >= Math.min(size[a] ?? 0, size[b] ?? 0)) out.add(pair);
  }
  return out;
}

interface Part {
  sheets: FormSheet[];
  /** The names of the items the part holds. */
  items: string[];
}

/** The form's sheets grouped by shared items; one group when they all share some. */
function partsOf(sheets: readonly FormSheet[]): Part[] {
  const parts: { sheets: FormSheet[]; ids: Set<string>; items: string[] }[] = [];
  for (const fs of sheets) {
    const ids = formItemsIn(fs.table, fs.form);
    const part = parts.find(
      (p) => p.sheets.some((s) => s.table === fs.table) || ids.some((id) => p.ids.has(id)),
    );
    if (part) {
      part.sheets.push(fs);
      for (const id of ids)
        if (!part.ids.has(id)) {
          part.ids.add(id);
          part.items.push(nameOf(fs, id));
        }
    } else parts.push({ sheets: [fs], ids: new Set(ids), items: ids.map((id) => nameOf(fs, id)) });
  }
  return parts;
}

function nameOf(fs: FormSheet, id: string): string {
  return fs.form.items.find((i) => i.id === id)?.name ?? id;
}
