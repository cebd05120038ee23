import { parseA1 } from '../model/a1';
import { KeyMap } from '../model/key-map';
import { fold, normalizeHeader } from '../read/normalize';
import { cellOf, type Column, type Table, type TableRecord } from '../read/table';
import {
  type CellLocation,
  type CellPlace,
  type ItemColumn,
  type ItemLookup,
  type ItemQuery,
  type RuleDataset,
} from './data';
import { NAN, numberToText, textToNumber } from './vector';

/**
 * A `Table` (src/core/read/table.ts) as a rule dataset. Items are found by the column's
 * normalised header and, for a recognised item, by its id, canonical name and synonyms, so
 * `[活产数]` finds a column headed `活产儿数（人）`.
 *
 * Other forms (`[FE3!x]`) and the previous period (`PREV([x])`, `PREV([FE3!x])`) are aligned
 * with this form's records by reporting unit, over every table of the named form (in batch use
 * a form comes in several tables: one workbook per township, or a form split over files). For
 * each record the unit is looked for in all those tables at once, by the first of these that
 * finds it anywhere:
 *  1. the 12-digit code, when both records have one;
 *  2. for a total row, the one total row of those tables (when they hold exactly one);
 *  3. the unit name, widths and spaces folded.
 * The value comes from the one table and row so found. A unit missing, found in more than one
 * table, or listed twice in a table, reads as blank (unknown).
 */

export interface FormTable {
  table: Table;
  /** The form (from the profile), so `[FE3!x]` and rule scopes can name it by id or name. */
  form?: { id: string; name?: string };
  /** The file the table was read from; `locate()` reports it as `file` when given. */
  source?: string;
  /** The sheet name to report (default `table.sheet`). */
  sheet?: string;
}

export interface TableDatasetInit {
  current: FormTable;
  /** Other forms of the same period, for `[FE3!x]`; a form may come in several tables. */
  others?: readonly FormTable[];
  /**
   * Tables of the previous period, for `PREV(…)`: this form's, and others' for
   * `PREV([FE3!x])`; a form may come in several tables.
   */
  previous?: readonly FormTable[];
  /** Evaluate total rows too (default true: a total row must satisfy within-form rules as well). */
  includeTotals?: boolean;
  /**
   * A unit's current name from any name it goes by (the region sheet's 曾用名), so last year's
   * `城东街道` is this year's `东城街道` for `PREV(…)`.
   */
  canonical?: (unit: string) => string;
}

export interface TableDataset extends RuleDataset {
  /** The table records the dataset's records are, in order. */
  readonly records: readonly TableRecord[];
  unit(record: number): string;
  locate(query: ItemQuery, record: number): CellLocation | undefined;
  place(query: ItemQuery, record: number): CellPlace | undefined;
}

interface Source {
  table: Table;
  form: FormTable['form'];
  /** The file and sheet to report in locations. */
  file: string | undefined;
  sheet: string;
  byKey: Map<string, Column>;
  names: string[];
}

/**
 * A table's columns by every key a rule may name them by, made once per table: every sheet's
 * rules see every other form's tables, so a batch of 500 township files would otherwise index
 * each table 400 times (2.9 s of a 10 s report).
 */
const columnsCache = new WeakMap<Table, Pick<Source, 'byKey' | 'names'>>();

function columnsOf(table: Table): Pick<Source, 'byKey' | 'names'> {
  const known = columnsCache.get(table);
  if (known) return known;
  const byKey = new Map<string, Column>();
  const names: string[] = [];
  const add = (key: string, c: Column): void => {
    if (!byKey.has(key)) byKey.set(key, c);
  };
  for (const c of table.columns) {
    add(c.key, c);
    if (c.item) {
      for (const n of [c.item.name, c.item.id, ...c.item.synonyms]) add(normalizeHeader(n), c);
    }
    names.push(c.item ? c.item.name : c.header);
  }
  const out = { byKey, names };
  columnsCache.set(table, out);
  return out;
}

function indexTable(f: FormTable): Source {
  const table = f.table;
  const { byKey, names } = columnsOf(table);
  return { table, form: f.form, file: f.source, sheet: f.sheet ?? table.sheet, byKey, names };
}

/**
 * Where each record's values come from: `table[i]` is the index (into the group's sources) of
 * the table holding record i's unit and `row[i]` its record there; both -1 when there is none.
 */
interface Alignment {
  table: Int32Array;
  row: Int32Array;
}

/** The tables a query reads (all of one form, or this table), with their alignment. */
interface Group {
  sources: readonly Source[];
  alignment: Alignment;
}

/**
 * Where units are found among a form's tables: by code and by name, the place
 * (`table × RECORDS + record`) of the one table and record that holds the key, or −1 when it is
 * found in more than one table or twice in one; no entry when no table has it at all (then the
 * next key is tried). `totals`: the total rows' places.
 */
interface UnitIndex {
  byCode: KeyMap<number>;
  byName: KeyMap<number>;
  totals: number[];
}

/** A place as one number: a table's records are far fewer (read/limits). */
const RECORDS = 2 ** 26;

type Canonical = (unit: string) => string;
const same: Canonical = (u) => u;

function unitName(unit: string): string {
  return fold(unit).replace(/[\s\u3000]+/g, '');
}

/**
 * Each record's unit name as the alignment compares it, by table and `canonical`: made once per
 * table, not again for every sheet and every form a rule names (a form split over many files
 * would otherwise fold every name once per sheet of every other form).
 */
const namesCache = new WeakMap<Table, WeakMap<Canonical, string[]>>();

function unitNames(table: Table, canonical: Canonical): string[] {
  let byFn = namesCache.get(table);
  if (!byFn) namesCache.set(table, (byFn = new WeakMap()));
  let names = byFn.get(canonical);
  if (!names) {
    const records = table.records;
    names = new Array<string>(records.length);
    for (let i = 0; i < records.length; i++)
      names[i] = unitName(canonical((records[i] as TableRecord).unit));
    byFn.set(canonical, names);
  }
  return names;
}

/**
 * The index of a form's tables, made once for each list of tables (and `canonical`), however
 * many sheets' rules read that form. Kept by `canonical` and then the first table, both weakly
 * (a run's canonical function holds its dataset: an index outlives neither); tables are never
 * changed once recognised.
 */
const indexCache = new WeakMap<
  Canonical,
  WeakMap<Table, { tables: readonly Table[]; index: UnitIndex }[]>
>();

function unitIndexOf(tables: readonly Table[], canonical: Canonical): UnitIndex {
  const first = tables[0];
  if (!first) return { byCode: new KeyMap(), byName: new KeyMap(), totals: [] };
  let byFirst = indexCache.get(canonical);
  if (!byFirst) indexCache.set(canonical, (byFirst = new WeakMap()));
  let known = byFirst.get(first);
  if (!known) byFirst.set(first, (known = []));
  const hit = known.find(
    (k) => k.tables.length === tables.length && k.tables.every((t, i) => t === tables[i]),
  );
  if (hit) return hit.index;
  const index = buildIndex(tables, canonical);
  known.push({ tables: tables.slice(), index });
  return index;
}

/** A key seen before, in this table or another, is ambiguous (−1); else its place. */
function note(map: KeyMap<number>, key: string, place: number): void {
  const had = map.setIfAbsent(key, place);
  if (had !== undefined && had !== -1) map.set(key, -1);
}

/**
 * In KeyMaps sized once for every record: Maps of a million villages' names, grown by
 * rehashing, took 0.96 s in the profile of the million-village report (0.03 s at 100,000).
 */
function buildIndex(tables: readonly Table[], canonical: Canonical): UnitIndex {
  const byCode = new KeyMap<number>();
  const byName = new KeyMap<number>();
  let size = 0;
  for (const table of tables) size += table.records.length;
  byName.reserve(size);
  byCode.reserve(tables.some((t) => t.columns.some((c) => c.kind === 'code')) ? size : 0);
  const totals: number[] = [];
  tables.forEach((table, t) => {
    const names = unitNames(table, canonical);
    const records = table.records;
    for (let i = 0; i < records.length; i++) {
      const r = records[i] as TableRecord;
      const place = t * RECORDS + i;
      if (r.code) note(byCode, r.code, place);
      note(byName, names[i] as string, place);
      if (r.isTotal) totals.push(place);
    }
  });
  return { byCode, byName, totals };
}

/**
 * For each of `records` (the indices of the records used, in `to`), the table and record of the
 * same unit among `from`.
 */
function align(
  to: Table,
  records: readonly number[],
  from: readonly Table[],
  canonical: Canonical = same,
): Alignment {
  const index = unitIndexOf(from, canonical);
  const names = unitNames(to, canonical);
  const table = new Int32Array(records.length).fill(-1);
  const row = new Int32Array(records.length).fill(-1);
  for (let k = 0; k < records.length; k++) {
    const i = records[k] as number;
    const r = to.records[i] as TableRecord;
    let hit: number | undefined;
    if (r.code) hit = index.byCode.get(r.code);
    if (hit === undefined && r.isTotal && index.totals.length === 1) hit = index.totals[0];
    hit ??= index.byName.get(names[i] as string);
    if (hit !== undefined && hit >= 0) {
      const t = Math.floor(hit / RECORDS);
      table[k] = t;
      row[k] = hit - t * RECORDS;
    }
  }
  return { table, row };
}

function rawColumn(table: Table, c: Column): ItemColumn | undefined {
  const n = table.numbers.get(c.col);
  if (n) return { kind: 'number', values: n };
  const s = table.texts.get(c.col);
  if (s) return { kind: 'text', values: s };
  return undefined;
}

/**
 * One item's values for the records, each taken from the table and row of its alignment.
 * Numbers when any table holds the item as numbers (text elsewhere read as a plain number),
 * else text.
 */
function gather(columns: readonly (ItemColumn | undefined)[], a: Alignment): ItemColumn {
  const size = a.table.length;
  if (columns.some((c) => c?.kind === 'number')) {
    const out = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      const c = columns[a.table[i] as number];
      const j = a.row[i] as number;
      out[i] = !c
        ? NAN
        : c.kind === 'number'
          ? (c.values[j] as number)
          : textToNumber(c.values[j] ?? null);
    }
    return { kind: 'number', values: out };
  }
  const out = new Array<string | null>(size);
  for (let i = 0; i < size; i++) {
    const c = columns[a.table[i] as number];
    out[i] = c?.kind === 'text' ? (c.values[a.row[i] as number] ?? null) : null;
  }
  return { kind: 'text', values: out };
}

const NONE: readonly FormTable[] = [];

/** Whether form `f` is the one called `key` (a normalised id or name: sameForm's test). */
function formCalled(f: FormTable['form'], key: string): boolean {
  return (
    f !== undefined &&
    (normalizeHeader(f.id) === key || (f.name !== undefined && normalizeHeader(f.name) === key))
  );
}

/**
 * A list of other tables (another form's, or the previous period's) as sources, with the ones a
 * form name picks out, each made once per list: a batch hands every sheet of a form the same
 * list (validate/profile-rules.ts), so 5,000 township files do not map and filter 4,000 tables
 * for each sheet.
 */
class Pool {
  readonly sources: Source[];
  private readonly byName = new Map<string, Source[]>();
  private readonly ids = new WeakMap<readonly Source[], string>();
  private place: Map<Source, number> | undefined;

  constructor(list: readonly FormTable[]) {
    this.sources = list.map(indexTable);
  }

  /** The sources of the form called `name` or `other` (its id or name), in list order. */
  named(name: string, other?: string): Source[] {
    const a = normalizeHeader(name);
    const b = other === undefined ? undefined : normalizeHeader(other);
    const key = b === undefined ? a : `${a}\u0000${b}`;
    let out = this.byName.get(key);
    if (!out) {
      out = this.sources.filter(
        (s) => formCalled(s.form, a) || (b !== undefined && formCalled(s.form, b)),
      );
      this.byName.set(key, out);
    }
    return out;
  }

  /** Which of the list `sources` are, as a key (the same tables, the same alignment). */
  idOf(sources: readonly Source[]): string {
    let id = this.ids.get(sources);
    if (id === undefined) {
      this.place ??= new Map(this.sources.map((s, i) => [s, i]));
      const place = this.place;
      id = sources.map((s) => place.get(s) ?? -1).join(',');
      this.ids.set(sources, id);
    }
    return id;
  }
}

const pools = new WeakMap<readonly FormTable[], Pool>();

function poolOf(list: readonly FormTable[]): Pool {
  let pool = pools.get(list);
  if (!pool) pools.set(list, (pool = new Pool(list)));
  return pool;
}

export function tableDataset(init: TableDatasetInit): TableDataset {
  const includeTotals = init.includeTotals ?? true;
  const current = indexTable(init.current);
  const allRecords = init.current.table.records;
  const recordIndex: number[] = [];
  allRecords.forEach((r, i) => {
    if (includeTotals || !r.isTotal) recordIndex.push(i);
  });
  const records = recordIndex.map((i) => allRecords[i] as TableRecord);
  const identity = recordIndex.length === allRecords.length;
  const own: Group = {
    sources: [current],
    alignment: { table: new Int32Array(records.length), row: Int32Array.from(recordIndex) },
  };

  const others = poolOf(init.others ?? NONE);
  const previous = poolOf(init.previous ?? NONE);
  const currentForm = init.current.form;
  const isCurrent = (name: string): boolean => formCalled(currentForm, normalizeHeader(name));

  /** The tables a query reads, aligned with our records; or what is missing. */
  const groups = new Map<string, Group>();
  // A rule's references are located again for every failing record: resolved once per query.
  const resolved = new WeakMap<ItemQuery, Group | 'form' | 'previous'>();
  function resolve(q: ItemQuery): Group | 'form' | 'previous' {
    let g = resolved.get(q);
    if (g === undefined) resolved.set(q, (g = resolveQuery(q)));
    return g;
  }
  function resolveQuery(q: ItemQuery): Group | 'form' | 'previous' {
    let sources: Source[];
    if (q.previous) {
      const mine = q.form === undefined || isCurrent(q.form);
      if (mine) {
        // A previous-period table of this form: by its id or name.
        sources = currentForm ? previous.named(currentForm.id, currentForm.name) : [];
        // Previous-period data of unnamed form(s): one table is taken to be this form's.
        if (sources.length === 0 && previous.sources.length === 1) sources = previous.sources;
        if (sources.length === 0) return 'previous';
      } else {
        sources = previous.named(q.form ?? '');
        if (sources.length === 0) return previous.sources.length === 0 ? 'previous' : 'form';
      }
    } else if (q.form === undefined || isCurrent(q.form)) {
      return own;
    } else {
      sources = others.named(q.form ?? '');
      if (sources.length === 0) return 'form';
    }
    const pool = q.previous ? previous : others;
    const id = `${q.previous ? 'p' : 'c'}|${pool.idOf(sources)}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        sources,
        alignment: align(
          init.current.table,
          recordIndex,
          sources.map((s) => s.table),
          init.canonical,
        ),
      };
      groups.set(id, group);
    }
    return group;
  }

  const cache = new Map<string, ItemColumn | undefined>();
  // A rule's own references are asked again for every failing record: by the query itself,
  // before its normalised key is made.
  const byQuery = new WeakMap<ItemQuery, { column: ItemColumn | undefined }>();
  function column(q: ItemQuery): ItemColumn | undefined {
    const known = byQuery.get(q);
    if (known) return known.column;
    const out = columnOf(q);
    byQuery.set(q, { column: out });
    return out;
  }
  function columnOf(q: ItemQuery): ItemColumn | undefined {
    const id = `${q.previous ? 'p' : 'c'}|${q.form === undefined ? '' : normalizeHeader(q.form)}|${q.key}`;
    if (cache.has(id)) return cache.get(id);
    const g = resolve(q);
    let out: ItemColumn | undefined;
    if (typeof g !== 'string') {
      const columns = g.sources.map((s) => {
        const c = s.byKey.get(q.key);
        return c ? rawColumn(s.table, c) : undefined;
      });
      if (columns.some((c) => c !== undefined)) {
        out = g === own && identity ? columns[0] : gather(columns, g.alignment);
      }
    }
    cache.set(id, out);
    return out;
  }

  function lookup(q: ItemQuery): ItemLookup {
    const g = resolve(q);
    if (g === 'previous') return { found: false, missing: 'previous', candidates: [] };
    if (g === 'form') {
      const ids = [...others.sources, ...previous.sources].flatMap((s) =>
        s.form ? [s.form.id] : [],
      );
      return { found: false, missing: 'form', candidates: [...new Set(ids)] };
    }
    if (g.sources.some((s) => s.byKey.has(q.key))) return { found: true };
    return {
      found: false,
      missing: 'item',
      candidates: [...new Set(g.sources.flatMap((s) => s.names))],
    };
  }

  /** The table, row and column a record's value of `q` came from. */
  function origin(q: ItemQuery, record: number) {
    const g = resolve(q);
    if (typeof g === 'string') return undefined;
    const source = g.sources[g.alignment.table[record] ?? -1];
    const j = g.alignment.row[record] ?? -1;
    if (!source || j < 0) return undefined;
    const c = source.byKey.get(q.key);
    const rec = source.table.records[j];
    if (!c || !rec) return undefined;
    return { source, j, c, rec };
  }

  function place(q: ItemQuery, record: number): CellPlace | undefined {
    const o = origin(q, record);
    if (!o) return undefined;
    const { source, j, c, rec } = o;
    // A vertical form's cells are not at (record row, column): its table says where each is.
    const { row, col } = source.table.cellAddress
      ? parseA1(cellOf(source.table, j, c.col))
      : { row: rec.row, col: c.col };
    const at: CellPlace = { sheet: source.sheet, row, col };
    if (source.file !== undefined) at.file = source.file;
    return at;
  }

  function locate(q: ItemQuery, record: number): CellLocation | undefined {
    const o = origin(q, record);
    if (!o) return undefined;
    const { source, j, c } = o;
    const raw = rawColumn(source.table, c);
    let value = '';
    // A column stated in 万人 or 对 holds its own figure, not the persons the rule compared.
    const factor = source.table.conversions.find((k) => k.col === c.col)?.factor;
    if (raw?.kind === 'number') value = numberToText(asWritten(raw.values[j] ?? NaN, factor)) ?? '';
    else if (raw?.kind === 'text') value = raw.values[j] ?? '';
    const at: CellLocation = { sheet: source.sheet, cell: cellOf(source.table, j, c.col), value };
    if (source.file !== undefined) at.file = source.file;
    return at;
  }

  const dataset: TableDataset = {
    size: records.length,
    records,
    column,
    lookup,
    locate,
    place,
    unit: (i) => records[i]?.unit ?? '',
  };
  if (currentForm) dataset.isForm = isCurrent;
  return dataset;
}

/** A converted value as its cell wrote it (to 12 significant digits, rid of division noise). */
function asWritten(v: number, factor: number | undefined): number {
  return factor === undefined || !Number.isFinite(v) ? v : Number((v / factor).toPrecision(12));
}
