import { a1 } from '../model/a1';
import { PARENT_HEADERS, type FormSheet, type Recognised } from '../read/forms';
import { normalizeHeader } from '../read/normalize';
import type { Table, TableRecord } from '../read/table';
import { Hierarchy, type RegionRow } from './hierarchy';

/**
 * The recognised forms as one dataset keyed by reporting unit: each unit's value of each item,
 * with the sheet and cell it came from. Total rows are kept apart: they are checked, never
 * pooled.
 */
export interface ItemValue {
  /** NaN when blank, a missing mark, or a type error. */
  value: number;
  source: string;
  sheet: string;
  cell: string;
}

export interface UnitRow {
  form: string;
  unitKey: string;
  /** The reporting unit as written in the form. */
  unit: string;
  source: string;
  sheet: string;
  /** 0-based sheet row. */
  row: number;
  formSheet: FormSheet;
  index: number;
}

export interface TotalRow {
  form: string;
  formSheet: FormSheet;
  record: TableRecord;
  index: number;
}

export interface Dataset {
  hierarchy: Hierarchy;
  forms: FormSheet[];
  /** unit key → item id → value */
  values: Map<string, Map<string, ItemValue>>;
  /** form id → unit key → the rows reporting it (more than one is a duplicate) */
  formUnits: Map<string, Map<string, UnitRow[]>>;
  totals: TotalRow[];
}

const CODE_NAME_HEADERS = new Set(
  ['名称', '地区名称', '区划名称', '单位名称', 'name'].map(normalizeHeader),
);

function regionRows(table: Table): RegionRow[] {
  const code = table.columns.find((c) => c.kind === 'code');
  const name =
    table.columns.find((c) => c.kind === 'unit') ??
    table.columns.find((c) => CODE_NAME_HEADERS.has(c.key));
  const parent = table.columns.find((c) => PARENT_HEADERS.has(c.key));
  const text = (col: number | undefined, i: number) =>
    col === undefined ? null : (table.texts.get(col)?.[i] ?? null);
  return table.records.map((rec, i) => {
    const row: RegionRow = { name: text(name?.col, i) ?? rec.unit };
    const c = rec.code ?? text(code?.col, i);
    if (c) row.code = c;
    const p = text(parent?.col, i);
    if (p) row.parent = p;
    return row;
  });
}

export function buildDataset(rec: Recognised, rootName: string): Dataset {
  const listed = rec.regions.flatMap((r) => regionRows(r.table));
  const seen: RegionRow[] = [];
  for (const fs of rec.forms) {
    for (const r of fs.table.records) {
      if (r.isTotal) continue;
      seen.push(r.code ? { code: r.code, name: r.unit } : { name: r.unit });
    }
  }
  const hierarchy = Hierarchy.build(listed, seen, rootName);

  const values = new Map<string, Map<string, ItemValue>>();
  const formUnits = new Map<string, Map<string, UnitRow[]>>();
  const totals: TotalRow[] = [];
  for (const fs of rec.forms) {
    const units = formUnits.get(fs.form.id) ?? new Map<string, UnitRow[]>();
    formUnits.set(fs.form.id, units);
    const itemColumns = fs.table.columns.filter((c) => c.item);
    fs.table.records.forEach((r, i) => {
      if (r.isTotal) {
        totals.push({ form: fs.form.id, formSheet: fs, record: r, index: i });
        return;
      }
      const unitKey = hierarchy.resolve(r.code ? { code: r.code, name: r.unit } : { name: r.unit });
      const rows = units.get(unitKey) ?? [];
      rows.push({
        form: fs.form.id,
        unitKey,
        unit: r.unit,
        source: fs.source,
        sheet: fs.sheet,
        row: r.row,
        formSheet: fs,
        index: i,
      });
      units.set(unitKey, rows);
      if (rows.length > 1) return; // a duplicate: the first row counts, the duplicate is a finding
      const mine = values.get(unitKey) ?? new Map<string, ItemValue>();
      values.set(unitKey, mine);
      for (const col of itemColumns) {
        const id = col.item?.id;
        if (!id) continue;
        const v = fs.table.numbers.get(col.col)?.[i] ?? NaN;
        mine.set(id, { value: v, source: fs.source, sheet: fs.sheet, cell: a1(r.row, col.col) });
      }
    });
  }
  return { hierarchy, forms: rec.forms, values, formUnits, totals };
}

/**
 * The units an indicator pools: those that reported any of `items` (any item at all when
 * none are named) and have no unit under them that did. Chosen per indicator, so a form
 * reported by village and another by township are each pooled at their own level.
 */
export function leafUnits(ds: Dataset, items?: readonly string[]): Set<string> {
  const present = new Set<string>();
  for (const [unit, values] of ds.values) {
    if (!items || items.some((i) => values.has(i))) present.add(unit);
  }
  const above = new Set<string>();
  for (const u of present) {
    for (
      let p = ds.hierarchy.node(u)?.parent;
      p !== undefined && !above.has(p);
      p = ds.hierarchy.node(p)?.parent
    ) {
      above.add(p);
    }
  }
  return new Set([...present].filter((u) => !above.has(u)));
}
