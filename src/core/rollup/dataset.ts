import {
  PARENT_HEADERS,
  unreadForms,
  type FormSheet,
  type Recognised,
  type SheetSkip,
} from '../read/forms';
import { normalizeHeader } from '../read/normalize';
import { tableAreas } from '../read/labels';
import { cellOf, type Table, type TableRecord } from '../read/table';
import {
  Hierarchy,
  impliedParent,
  type RegionNode,
  type RegionRow,
  type TableRange,
} from './hierarchy';
import { Arena } from '../model/arena';

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

/** A row's place: its form sheet (`Recognised.forms`) and record, as one number. */
const RECORDS = 2 ** 26;

/** A unit's number (`Dataset.units`) by its key. A Map satisfies it (tests). */
export interface UnitLookup {
  get(key: string): number | undefined;
  has(key: string): boolean;
}

/**
 * The units that reported, numbered in the order they first come, found by their hierarchy
 * node's id: no Map of a million keys beside the hierarchy's own. A node taken out of the
 * hierarchy after it was numbered is no longer found (only unlisted units are, before).
 */
class UnitNumbers implements UnitLookup {
  readonly keys: string[] = [];
  private byId: Int32Array;

  constructor(private readonly hierarchy: Hierarchy) {
    this.byId = new Int32Array(hierarchy.idCount).fill(-1);
  }

  /** The number of `node`'s unit, given it now if it has none. */
  number(node: RegionNode): number {
    if (node.id >= this.byId.length) this.byId = grown(this.byId, node.id);
    let u = this.byId[node.id] as number;
    if (u < 0) {
      u = this.keys.length;
      this.keys.push(node.key);
      this.byId[node.id] = u;
    }
    return u;
  }

  get(key: string): number | undefined {
    const node = this.hierarchy.node(key);
    const u = node === undefined ? -1 : (this.byId[node.id] ?? -1);
    return u >= 0 ? u : undefined;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }
}

/** `a` with room for index `i`, the new places −1. */
function grown<T extends Int32Array | Float64Array>(a: T, i: number): T {
  const b = new (a.constructor as new (n: number) => T)(Math.max(16, 2 * a.length, i + 1));
  b.fill(-1);
  b.set(a);
  return b;
}

/**
 * One form's reporting units in the order they first come, each with the rows that reported it
 * (a second row is a duplicate). A row is kept as one number (its sheet and record), by unit
 * number, and made a UnitRow only when asked for: at a million units, no object and no Map
 * entry per unit.
 */
export class FormUnits {
  /** Unit numbers in the order they first come. */
  private readonly order: number[] = [];
  /** By unit number: the first row's place, −1 when the unit is not in this form. */
  private firstAt = new Float64Array(0);
  private readonly again = new Map<number, number[]>();

  /** `sheets`: the form sheets the rows' numbers count in (`Recognised.forms`). */
  constructor(
    private readonly sheets: readonly FormSheet[],
    private readonly units: UnitNumbers,
  ) {}

  /** Record `record` of form sheet `sheet` reports unit number `u`. */
  add(u: number, sheet: number, record: number): void {
    const at = sheet * RECORDS + record;
    if (u >= this.firstAt.length) this.firstAt = grown(this.firstAt, u);
    if ((this.firstAt[u] as number) < 0) {
      this.firstAt[u] = at;
      this.order.push(u);
      return;
    }
    const more = this.again.get(u);
    if (more) more.push(at);
    else this.again.set(u, [at]);
  }

  get size(): number {
    return this.order.length;
  }

  has(key: string): boolean {
    return this.firstOf(key) >= 0;
  }

  *keys(): IterableIterator<string> {
    for (const u of this.order) yield this.units.keys[u] as string;
  }

  /** The first row that reported `key`. */
  firstRow(key: string): UnitRow | undefined {
    const at = this.firstOf(key);
    return at < 0 ? undefined : this.row(key, at);
  }

  /** The rows that reported `key`, the first one first. */
  get(key: string): UnitRow[] | undefined {
    const u = this.units.get(key);
    return u === undefined ? undefined : this.rowsOf(u);
  }

  /** The units reported more than once, in the order they first came, with all their rows. */
  *repeated(): IterableIterator<UnitRow[]> {
    if (this.again.size === 0) return;
    for (const u of this.order) if (this.again.has(u)) yield this.rowsOf(u) ?? [];
  }

  private firstOf(key: string): number {
    const u = this.units.get(key);
    return u === undefined ? -1 : (this.firstAt[u] ?? -1);
  }

  private rowsOf(u: number): UnitRow[] | undefined {
    const first = this.firstAt[u] ?? -1;
    if (first < 0) return undefined;
    const key = this.units.keys[u] as string;
    return [first, ...(this.again.get(u) ?? [])].map((a) => this.row(key, a));
  }

  private row(unitKey: string, at: number): UnitRow {
    const k = Math.floor(at / RECORDS);
    const index = at - k * RECORDS;
    const fs = this.sheets[k] as FormSheet;
    const r = fs.table.records[index] as TableRecord;
    return {
      form: fs.form.id,
      unitKey,
      unit: r.unit,
      source: fs.source,
      sheet: fs.sheet,
      row: r.row,
      formSheet: fs,
      index,
    };
  }
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
  /** The tables values come from, by index (`ItemColumnData.table`). */
  tables: SourceTable[];
  /** Unit keys (of the hierarchy) by unit index: the units that reported. */
  units: string[];
  unitIndex: UnitLookup;
  /** item id → its values by unit index */
  items: Map<string, ItemColumnData>;
  /** form id → its units, each with the rows reporting it (more than one is a duplicate) */
  formUnits: Map<string, FormUnits>;
  totals: TotalRow[];
  unlisted: UnlistedUnit[];
  /** The region sheet's rows, so the previous period can be read with the same names. */
  regionRows: RegionRow[];
  /** Sheets holding a form's figures that could not be read (unreadForms): the audit says so. */
  unread: SheetSkip[];
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
 * over its villages), else the parent its code implies, else the region its table's coarser
 * unit column names (`乡镇 | 村`), else — for a row without a code in a
 * table where other rows have codes — the parent most of those codes imply, so a code list
 * that covers some units never moves the others.
 */
/** `at[i]`: record i's place in `seen` once the rows are appended after `offset` others. */
function seenRows(table: Table, at?: Int32Array, offset = 0): RegionRow[] {
  const parents = new Map<string, number>();
  for (let i = 0; i < table.records.length; i++) {
    const r = table.records[i] as TableRecord;
    const p = r.role === 'unit' && r.code ? impliedParent(r.code) : undefined;
    if (p) parents.set(p, (parents.get(p) ?? 0) + 1);
  }
  let common: string | undefined;
  let most = 0;
  for (const [p, n] of parents) if (n > most) [common, most] = [p, n];
  const out: RegionRow[] = [];
  table.records.forEach((r, i) => {
    const named = r.role === 'subtotal' && r.why?.reason !== 'subtotalLabel';
    if (r.role !== 'unit' && !named) return;
    if (at) at[i] = offset + out.length;
    const row: RegionRow = r.code ? { code: r.code, name: r.unit } : { name: r.unit };
    const above = r.parent === undefined ? undefined : table.records[r.parent];
    if (above) {
      if (above.code) row.parent = above.code;
      else row.parentName = above.unit;
    } else if (!r.code && r.area !== undefined) row.parentName = r.area;
    else if (!r.code && common) row.parent = common;
    out.push(row);
  });
  return out;
}

export interface DatasetOptions {
  /** Region rows to use when the workbooks have no region sheet (last year read with this year's). */
  regionRows?: readonly RegionRow[];
}

/** A table the dataset's values come from (several forms may share one wide sheet). */
export interface SourceTable {
  source: string;
  sheet: string;
  table: Table;
  /** Item id → the sheet column holding it. */
  columns: Map<string, number>;
  /** The forms read from it (a wide sheet may hold several). */
  forms: string[];
}

/**
 * One item's values across the units, by unit index (`Dataset.units`): no object per value.
 * `table[u]` is the source table of unit u's value (−1: the unit did not report the item) and
 * `record[u]` its record there, so the cell is found only when a finding needs it.
 */
export interface ItemColumnData {
  /** NaN when blank, a missing mark, a type error, or not reported. */
  value: Float64Array;
  table: Int32Array;
  record: Int32Array;
  /** 1 where the unit was reported again, in this form or another file, with another value. */
  conflict: Uint8Array;
  /** Each disagreeing report as table, record, unit (a flat list; empty when none disagree). */
  conflicts: number[];
}

export function buildDataset(
  rec: Recognised,
  rootName: string,
  opts: DatasetOptions = {},
): Dataset {
  const own = rec.regions.flatMap((r) => regionRows(r.table));
  const listed = own.length > 0 ? own : [...(opts.regionRows ?? [])];
  const found = resolveUnits(rec, listed, rootName);
  const rows = unitRows(rec, found, own.length > 0);
  for (const key of rows.unlistedNodes) found.hierarchy.remove(key);
  return lazyItems(
    {
      hierarchy: found.hierarchy,
      forms: rec.forms,
      tables: rows.tables,
      units: rows.numbers.keys,
      unitIndex: rows.numbers,
      formUnits: rows.formUnits,
      totals: rows.totals,
      unlisted: rows.unlisted,
      regionRows: listed,
      unread: unreadForms(rec.skipped),
    },
    rows.refs,
  );
}

/** The hierarchy, and each form's unit rows' nodes: `nodes[at[k][i]]` for record i of form k. */
interface ResolvedUnits {
  hierarchy: Hierarchy;
  at: Int32Array[];
  nodes: RegionNode[];
}

/**
 * Each form's records → their row in `seen`, whose nodes the hierarchy hands back: a unit row
 * is resolved once, not again below (at a million rows, a second name look-up each). Its own
 * function, so the million rows of `seen` die with it (a closure of the dataset's would keep
 * every local of the function it was made in).
 */
function resolveUnits(
  rec: Recognised,
  listed: readonly RegionRow[],
  rootName: string,
): ResolvedUnits {
  const at = rec.forms.map((fs) => new Int32Array(fs.table.records.length).fill(-1));
  const seen: RegionRow[] = [];
  // Each form's rows, with the regions its lines name (a range, not a field on each row: a
  // pointer more on a million rows cost ~37 MB).
  const ranges: TableRange[] = [];
  rec.forms.forEach((fs, k) => {
    const start = seen.length;
    const rows = seenRows(fs.table, at[k], seen.length);
    for (let i = 0; i < rows.length; i++) seen.push(rows[i] as RegionRow);
    const areas = tableAreas(fs.table.titles, fs.sheet);
    if (areas.length > 0 && seen.length > start) ranges.push({ start, end: seen.length, areas });
  });
  const nodes: RegionNode[] = [];
  const hierarchy = Hierarchy.build(listed, seen, rootName, nodes, ranges);
  return { hierarchy, at, nodes };
}

interface UnitRowsOut {
  tables: SourceTable[];
  numbers: UnitNumbers;
  /** (table, record, unit) of every unit row, in reading order. */
  refs: Int32Array;
  formUnits: Map<string, FormUnits>;
  totals: TotalRow[];
  unlisted: UnlistedUnit[];
  /** Units no region sheet lists: taken out of the hierarchy. */
  unlistedNodes: Set<string>;
}

/** Every form's unit rows numbered by unit, its totals, and the units a region sheet does not list. */
function unitRows(rec: Recognised, found: ResolvedUnits, checkListed: boolean): UnitRowsOut {
  const { hierarchy } = found;
  const tables: SourceTable[] = [];
  const tableIndex = new Map<Table, number>();
  const numbers = new UnitNumbers(hierarchy);
  // Three numbers per unit row at most: sized once, not grown by a push a number.
  const all = rec.forms.reduce((n, fs) => n + fs.table.records.length, 0);
  const refs = new Int32Array(3 * all);
  let n = 0;
  const formUnits = new Map<string, FormUnits>();
  const totals: TotalRow[] = [];
  const unlisted: UnlistedUnit[] = [];
  const unlistedKeys = new Set<string>();
  const unlistedNodes = new Set<string>();
  rec.forms.forEach((fs, k) => {
    const seenOf = found.at[k] as Int32Array;
    let t = tableIndex.get(fs.table);
    if (t === undefined) {
      t = tables.length;
      tableIndex.set(fs.table, t);
      const columns = new Map<string, number>();
      for (const c of fs.table.columns) if (c.item) columns.set(c.item.id, c.col);
      tables.push({ source: fs.source, sheet: fs.sheet, table: fs.table, columns, forms: [] });
    }
    const forms = (tables[t] as SourceTable).forms;
    if (!forms.includes(fs.form.id)) forms.push(fs.form.id);
    const byUnit = formUnits.get(fs.form.id) ?? new FormUnits(rec.forms, numbers);
    formUnits.set(fs.form.id, byUnit);
    const records = fs.table.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as TableRecord;
      if (r.isTotal) {
        totals.push({ form: fs.form.id, formSheet: fs, record: r, index: i });
        continue;
      }
      if (r.role !== 'unit') continue;
      const s = seenOf[i] as number;
      const node =
        (s >= 0 ? found.nodes[s] : undefined) ??
        hierarchy.resolveNode(r.code ? { code: r.code, name: r.unit } : { name: r.unit });
      const unitKey = node.key;
      if (checkListed && !hierarchy.isExpected(unitKey)) {
        const at = `${fs.source}\u0000${fs.sheet}\u0000${unitKey}`;
        if (!unlistedKeys.has(at))
          unlisted.push({
            unit: r.unit,
            source: fs.source,
            sheet: fs.sheet,
            row: r.row,
            suggestions: hierarchy.similar(r.unit),
          });
        unlistedKeys.add(at);
        unlistedNodes.add(unitKey);
        continue;
      }
      const u = numbers.number(node);
      byUnit.add(u, k, i);
      refs[n++] = t;
      refs[n++] = i;
      refs[n++] = u;
    }
  });
  return {
    tables,
    numbers,
    refs: refs.slice(0, n),
    formUnits,
    totals,
    unlisted,
    unlistedNodes,
  };
}

/**
 * The dataset with its values by unit made when first read: an audit without a rollup
 * (validate) never reads them, and at a million units they are 17 bytes per unit and item.
 * Made here, so the getter's closure holds the rows it needs and nothing of buildDataset's.
 */
function lazyItems(ds: Omit<Dataset, 'items'>, refs: Int32Array): Dataset {
  let items: Map<string, ItemColumnData> | undefined;
  return {
    hierarchy: ds.hierarchy,
    forms: ds.forms,
    tables: ds.tables,
    units: ds.units,
    unitIndex: ds.unitIndex,
    get items() {
      return (items ??= itemColumns(ds.tables, refs, ds.units.length));
    },
    formUnits: ds.formUnits,
    totals: ds.totals,
    unlisted: ds.unlisted,
    regionRows: ds.regionRows,
    unread: ds.unread,
  };
}

/**
 * Each item's values by unit. The first row of a unit counts; a row reporting it again (a
 * duplicate: a finding) that says the same changes nothing, and a value the two disagree on
 * is known to neither: it is marked as a conflict and set aside from the pools.
 *
 * Which row a unit's value comes from depends only on the tables that hold the item, so the
 * items of one form share one `table` and one `record` array (at 100,000 units and 60 items,
 * 45 MB not made): the first row is found once per unit and group, then each item's value read.
 */
function itemColumns(
  tables: readonly SourceTable[],
  refs: Int32Array,
  size: number,
): Map<string, ItemColumnData> {
  // The tables holding each item, in table order: items held by the same tables are a group.
  const holders = new Map<string, number[]>();
  tables.forEach((src, t) => {
    for (const id of src.columns.keys()) {
      const list = holders.get(id);
      if (list) list.push(t);
      else holders.set(id, [t]);
    }
  });
  interface Group {
    table: Int32Array;
    record: Int32Array;
    /** By table: its items of the group, each with the sheet numbers holding it. */
    items: Map<number, { c: ItemColumnData; numbers: Float64Array | undefined }[]>;
  }
  const groups = new Map<string, Group>();
  const out = new Map<string, ItemColumnData>();
  // Every column in one buffer: one typed array of a million units per item would make V8
  // collect the whole heap for each (model/arena.ts).
  const signatures = new Set([...holders.values()].map((held) => held.join(',')));
  const arena = new Arena(
    holders.size * (Arena.bytesFor(size, 8) + Arena.bytesFor(size, 1)) +
      signatures.size * Arena.bytesFor(size, 4, 2),
  );
  for (const [id, held] of holders) {
    const sig = held.join(',');
    let g = groups.get(sig);
    if (!g) {
      g = {
        table: arena.i32(size).fill(-1),
        record: arena.i32(size).fill(-1),
        items: new Map(held.map((t) => [t, []])),
      };
      groups.set(sig, g);
    }
    const c: ItemColumnData = {
      value: arena.f64(size).fill(NaN),
      table: g.table,
      record: g.record,
      conflict: arena.u8(size),
      conflicts: [],
    };
    out.set(id, c);
    for (const t of held) {
      const src = tables[t] as SourceTable;
      const numbers = src.table.numbers.get(src.columns.get(id) as number);
      g.items.get(t)?.push({ c, numbers });
    }
  }
  // Each table's groups, found once: not a Map look-up per unit and group.
  const byTable = tables.map((_, t) =>
    [...groups.values()].flatMap((g) => {
      const items = g.items.get(t);
      return items ? [{ g, items }] : [];
    }),
  );
  for (let k = 0; k < refs.length; k += 3) {
    const t = refs[k] as number;
    const i = refs[k + 1] as number;
    const u = refs[k + 2] as number;
    for (const { g, items } of byTable[t] as (typeof byTable)[number]) {
      const had = g.table[u] as number;
      if (had < 0) {
        g.table[u] = t;
        g.record[u] = i;
        for (const { c, numbers } of items) c.value[u] = numbers?.[i] ?? NaN;
        continue;
      }
      if (had === t && g.record[u] === i) continue; // a wide sheet read for a second form
      for (const { c, numbers } of items) {
        const v = numbers?.[i] ?? NaN;
        const first = c.value[u] as number;
        const same = (Number.isNaN(v) && Number.isNaN(first)) || Math.abs(v - first) <= 1e-9;
        if (same) continue;
        c.conflict[u] = 1;
        c.conflicts.push(t, i, u);
      }
    }
  }
  return out;
}

/** Unit `key`'s value of `item`, with where it came from; undefined when it did not report it. */
export function valueOf(ds: Dataset, key: string, item: string): ItemValue | undefined {
  const u = ds.unitIndex.get(key);
  const c = ds.items.get(item);
  if (u === undefined || !c) return undefined;
  const t = c.table[u] as number;
  const src = ds.tables[t];
  if (!src) return undefined;
  const i = c.record[u] as number;
  const v: ItemValue = {
    value: c.value[u] as number,
    source: src.source,
    sheet: src.sheet,
    cell: cellOf(src.table, i, src.columns.get(item) ?? 0),
  };
  if (c.conflict[u]) v.conflict = true;
  return v;
}

/**
 * The units an indicator pools: those that reported any of `items` (any item at all when
 * none are named) and have no unit under them that did. Chosen per indicator, so a form
 * reported by village and another by township are each pooled at their own level.
 */
export function leafUnits(ds: Dataset, items?: readonly string[]): Set<string> {
  const present = new Set<string>();
  const columns = items
    ? items.flatMap((i) => {
        const c = ds.items.get(i);
        return c ? [c] : [];
      })
    : [...ds.items.values()];
  ds.units.forEach((key, u) => {
    if (!items || columns.some((c) => (c.table[u] as number) >= 0)) present.add(key);
  });
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
