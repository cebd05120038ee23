import { PARENT_HEADERS, type FormSheet, type Recognised } from '../read/forms';
import { normalizeHeader } from '../read/normalize';
import { cellOf, type Table, type TableRecord } from '../read/table';
import { Hierarchy, impliedParent, type RegionRow } from './hierarchy';

/**
 * The recognised forms as one dataset keyed by reporting unit: each unit's value of each item,
 * with the sheet and cell it came from. Only unit rows (read/roles.ts) are values; totals,
 * subtotals, breakdowns and notes are checked, never pooled. A unit a region sheet does not
 * list is set aside (`unlisted`) and reported.
 */
export interface ItemValue {
  /** NaN when blank, a missing mark, or a type error. */
  value: number;
  source: string;
  sheet: string;
  cell: string;
  /** The unit was reported again, in this form or another file, with another value. */
  conflict?: true;
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

/** A unit row of a form that names no unit of the region sheet: not pooled. */
export interface UnlistedUnit {
  unit: string;
  source: string;
  sheet: string;
  row: number;
  /** Listed units whose names are most like it. */
  suggestions: string[];
}

export interface Dataset {
  hierarchy: Hierarchy;
  forms: FormSheet[];
  /** unit key → item id → value */
  values: Map<string, Map<string, ItemValue>>;
  /** form id → unit key → the rows reporting it (more than one is a duplicate) */
  formUnits: Map<string, Map<string, UnitRow[]>>;
  totals: TotalRow[];
  unlisted: UnlistedUnit[];
  /** The region sheet's rows, so the previous period can be read with the same names. */
  regionRows: RegionRow[];
}

const CODE_NAME_HEADERS = new Set(
  ['名称', '地区名称', '区划名称', '单位名称', 'name'].map(normalizeHeader),
);
const ALIAS_HEADERS = new Set(
  ['曾用名', '曾用名称', '原名', '原名称', '旧名', '更名前名称', 'formername', 'alias'].map(
    normalizeHeader,
  ),
);

function regionRows(table: Table): RegionRow[] {
  const code = table.columns.find((c) => c.kind === 'code');
  const name =
    table.columns.find((c) => c.kind === 'unit') ??
    table.columns.find((c) => CODE_NAME_HEADERS.has(c.key));
  const parent = table.columns.find((c) => PARENT_HEADERS.has(c.key));
  const alias = table.columns.find((c) => ALIAS_HEADERS.has(c.key));
  const text = (col: number | undefined, i: number) =>
    col === undefined ? null : (table.texts.get(col)?.[i] ?? null);
  return table.records.map((rec, i) => {
    const row: RegionRow = { name: text(name?.col, i) ?? rec.unit };
    const c = rec.code ?? text(code?.col, i);
    if (c) row.code = c;
    const p = text(parent?.col, i);
    if (p) row.parent = p;
    const a = text(alias?.col, i);
    if (a) row.aliases = a.split(/[,，、;；/\s]+/).filter((s) => s !== '');
    return row;
  });
}

/**
 * The region a form's row hangs under: the subtotal above it that names a region (a township
 * over its villages), else the parent its code implies, else — for a row without a code in a
 * table where other rows have codes — the parent most of those codes imply, so a code list
 * that covers some units never moves the others.
 */
function seenRows(table: Table): RegionRow[] {
  const parents = new Map<string, number>();
  for (const r of table.records) {
    const p = r.role === 'unit' && r.code ? impliedParent(r.code) : undefined;
    if (p) parents.set(p, (parents.get(p) ?? 0) + 1);
  }
  let common: string | undefined;
  let most = 0;
  for (const [p, n] of parents) if (n > most) [common, most] = [p, n];
  const out: RegionRow[] = [];
  table.records.forEach((r) => {
    const named = r.role === 'subtotal' && r.why?.reason !== 'subtotalLabel';
    if (r.role !== 'unit' && !named) return;
    const row: RegionRow = r.code ? { code: r.code, name: r.unit } : { name: r.unit };
    const above = r.parent === undefined ? undefined : table.records[r.parent];
    if (above) {
      if (above.code) row.parent = above.code;
      else row.parentName = above.unit;
    } else if (!r.code && common) row.parent = common;
    out.push(row);
  });
  return out;
}

export interface DatasetOptions {
  /** Region rows to use when the workbooks have no region sheet (last year read with this year's). */
  regionRows?: readonly RegionRow[];
}

export function buildDataset(
  rec: Recognised,
  rootName: string,
  opts: DatasetOptions = {},
): Dataset {
  const own = rec.regions.flatMap((r) => regionRows(r.table));
  const listed = own.length > 0 ? own : [...(opts.regionRows ?? [])];
  const seen = rec.forms.flatMap((fs) => seenRows(fs.table));
  const hierarchy = Hierarchy.build(listed, seen, rootName);
  const checkListed = own.length > 0;

  const values = new Map<string, Map<string, ItemValue>>();
  const formUnits = new Map<string, Map<string, UnitRow[]>>();
  const totals: TotalRow[] = [];
  const unlisted: UnlistedUnit[] = [];
  const unlistedKeys = new Set<string>();
  const unlistedNodes = new Set<string>();
  for (const fs of rec.forms) {
    const units = formUnits.get(fs.form.id) ?? new Map<string, UnitRow[]>();
    formUnits.set(fs.form.id, units);
    const itemColumns = fs.table.columns.filter((c) => c.item);
    fs.table.records.forEach((r, i) => {
      if (r.isTotal) {
        totals.push({ form: fs.form.id, formSheet: fs, record: r, index: i });
        return;
      }
      if (r.role !== 'unit') return;
      const unitKey = hierarchy.resolve(r.code ? { code: r.code, name: r.unit } : { name: r.unit });
      if (checkListed && !hierarchy.isExpected(unitKey)) {
        if (!unlistedKeys.has(`${fs.source}\u0000${fs.sheet}\u0000${unitKey}`))
          unlisted.push({
            unit: r.unit,
            source: fs.source,
            sheet: fs.sheet,
            row: r.row,
            suggestions: hierarchy.similar(r.unit),
          });
        unlistedKeys.add(`${fs.source}\u0000${fs.sheet}\u0000${unitKey}`);
        unlistedNodes.add(unitKey);
        return;
      }
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
      const mine = values.get(unitKey) ?? new Map<string, ItemValue>();
      values.set(unitKey, mine);
      if (rows.length > 1) {
        // A duplicate: a finding. The first row counts when both say the same; a value they
        // disagree on is known to neither, and is set aside from the pools.
        markConflicts(mine, fs.table, i, itemColumns);
        return;
      }
      for (const col of itemColumns) {
        const id = col.item?.id;
        if (!id) continue;
        const v = fs.table.numbers.get(col.col)?.[i] ?? NaN;
        const cell = cellOf(fs.table, i, col.col);
        mine.set(id, { value: v, source: fs.source, sheet: fs.sheet, cell });
      }
    });
  }
  for (const key of unlistedNodes) hierarchy.remove(key);
  return {
    hierarchy,
    forms: rec.forms,
    values,
    formUnits,
    totals,
    unlisted,
    regionRows: listed,
  };
}

function markConflicts(
  first: Map<string, ItemValue>,
  table: Table,
  i: number,
  itemColumns: readonly Table['columns'][number][],
): void {
  for (const col of itemColumns) {
    const id = col.item?.id;
    const v = id === undefined ? undefined : first.get(id);
    if (!v) continue;
    const again = table.numbers.get(col.col)?.[i] ?? NaN;
    const same =
      (Number.isNaN(again) && Number.isNaN(v.value)) || Math.abs(again - v.value) <= 1e-9;
    if (!same) v.conflict = true;
  }
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
