import { t, type Lang } from '../messages/index';
import { baseName } from '../period';
import { cellOf } from '../read/table';
import type { Dataset, SourceTable } from '../rollup/dataset';
import { BUILTIN, type Finding } from './result';

/**
 * One unit's item in two forms with two figures (结婚登记人数 in the 妇幼 form and in 民政's, 活产数
 * in two departments' forms): the rollup sets that value aside, known to neither, so the
 * statistician is told where the two figures are. A unit repeated within one form is a
 * DUPLICATE already; this is the case no other check names. Items are read only when some
 * item is held by tables of different forms, so an audit of one form reads nothing more.
 */
export function checkItemConflicts(ds: Dataset, lang: Lang): Finding[] {
  if (!heldByOtherForms(ds.tables)) return [];
  const out: Finding[] = [];
  for (const [item, c] of ds.items) {
    const cs = c.conflicts;
    for (let k = 0; k < cs.length; k += 3) {
      const second = ds.tables[cs[k] as number];
      const u = cs[k + 2] as number;
      const first = ds.tables[c.table[u] as number];
      if (!first || !second || first.forms.some((f) => second.forms.includes(f))) continue;
      const at = (src: SourceTable, record: number) => ({
        col: src.columns.get(item) ?? 0,
        cell: cellOf(src.table, record, src.columns.get(item) ?? 0),
        value: valueAt(src, item, record),
      });
      const a = at(first, c.record[u] as number);
      const b = at(second, cs[k + 1] as number);
      const unit = ds.hierarchy.name(ds.units[u] as string);
      const name = first.table.columns.find((x) => x.col === a.col)?.item?.name ?? item;
      // Two files: each cell with its file's name; one file: the sheets alone.
      const where = (src: SourceTable) =>
        first.source === second.source
          ? `「${src.sheet}」`
          : `${baseName(src.source)}「${src.sheet}」`;
      const shown = (v: number | null) => (v === null ? t(lang, 'audit.conflictBlank') : String(v));
      out.push({
        ruleId: BUILTIN.itemConflict,
        severity: 'error',
        message: t(lang, 'audit.itemConflict', {
          unit,
          item: name,
          first: `${where(first)}${a.cell}`,
          a: shown(a.value),
          second: `${where(second)}${b.cell}`,
          b: shown(b.value),
        }),
        file: second.source,
        sheet: second.sheet,
        unit,
        cells: [
          { item, cell: a.cell, value: a.value, sheet: first.sheet, file: first.source },
          { item, cell: b.cell, value: b.value },
        ],
      });
    }
  }
  return out;
}

function valueAt(src: SourceTable, item: string, record: number): number | null {
  const v = src.table.numbers.get(src.columns.get(item) ?? -1)?.[record];
  return v === undefined || Number.isNaN(v) ? null : v;
}

/**
 * Whether any item is held by two tables that share no form. Holders are kept by their list of
 * forms (tables of the same forms answer alike): a form in 1,000 township files is one holder,
 * not 1,000 to compare each new table with.
 */
function heldByOtherForms(tables: readonly SourceTable[]): boolean {
  const holders = new Map<string, Map<string, readonly string[]>>();
  for (const src of tables) {
    const key = src.forms.join('\u0000');
    for (const item of src.columns.keys()) {
      let lists = holders.get(item);
      if (!lists) holders.set(item, (lists = new Map()));
      for (const forms of lists.values())
        if (!forms.some((f) => src.forms.includes(f))) return true;
      if (!lists.has(key)) lists.set(key, src.forms);
    }
  }
  return false;
}
