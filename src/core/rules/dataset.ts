import { parseA1 } from '../model/a1';
import { fold, normalizeHeader } from '../read/normalize';
import { cellOf, type Column, type Table, type TableRecord } from '../read/table';
import {
  sameForm,
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

function indexTable(f: FormTable): Source {
  const table = f.table;
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
  return { table, form: f.form, file: f.source, sheet: f.sheet ?? table.sheet, byKey, names };
}

function unitName(unit: string): string {
  return fold(unit).replace(/[\s\u3000]+/g, '');
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

/** A unit's record in one table: its index, -1 when listed twice. */
interface UnitIndex {
  byCode: Map<string, number>;
  byName: Map<string, number>;
  totals: number[];
}

type Canonical = (unit: string) => string;
const same: Canonical = (u) => u;

function unitIndex(records: readonly TableRecord[], canonical: Canonical): UnitIndex {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  const totals: number[] = [];
  records.forEach((r, i) => {
    if (r.code) byCode.set(r.code, byCode.has(r.code) ? -1 : i);
    const n = unitName(canonical(r.unit));
    byName.set(n, byName.has(n) ? -1 : i);
    if (r.isTotal) totals.push(i);
  });
  return { byCode, byName, totals };
}

/**
 * The one table and row where `key` is found, -1/-1 when it is found nowhere, or in more than
 * one table, or twice in a table; undefined when no table has it at all (try the next key).
 */
function findIn(
  indexes: readonly UnitIndex[],
  pick: (u: UnitIndex) => Map<string, number>,
  key: string,
): [number, number] | undefined {
  let hit: [number, number] | undefined;
  for (let t = 0; t < indexes.length; t++) {
    const j = pick(indexes[t] as UnitIndex).get(key);
    if (j === undefined) continue;
    if (hit) return [-1, -1];
    hit = [j < 0 ? -1 : t, j];
  }
  return hit;
}

/** For each record of `to`, the table and record of the same unit among `from`. */
function align(
  to: readonly TableRecord[],
  from: readonly Table[],
  canonical: Canonical = same,
): Alignment {
  const indexes = from.map((t) => unitIndex(t.records, canonical));
  const totals: [number, number][] = [];
  indexes.forEach((u, t) => {
    for (const j of u.totals) totals.push([t, j]);
  });
  const table = new Int32Array(to.length).fill(-1);
  const row = new Int32Array(to.length).fill(-1);
  to.forEach((r, i) => {
    let hit: [number, number] | undefined;
    if (r.code) hit = findIn(indexes, (u) => u.byCode, r.code);
    if (!hit && r.isTotal && totals.length === 1) hit = totals[0];
    if (!hit) hit = findIn(indexes, (u) => u.byName, unitName(canonical(r.unit)));
    if (hit && hit[0] >= 0 && hit[1] >= 0) {
      table[i] = hit[0];
      row[i] = hit[1];
    }
  });
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

  const others = (init.others ?? []).map(indexTable);
  const previous = (init.previous ?? []).map(indexTable);
  const currentForm = init.current.form;
  const named = (f: FormTable['form'], name: string): boolean =>
    f !== undefined && (sameForm(name, f.id) || (f.name !== undefined && sameForm(name, f.name)));
  const isCurrent = (name: string): boolean => named(currentForm, name);
  /** A previous-period table of this form: by its id or name. */
  const ownPrevious = (s: Source): boolean =>
    currentForm !== undefined &&
    (named(s.form, currentForm.id) ||
      (currentForm.name !== undefined && named(s.form, currentForm.name)));

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
        sources = previous.filter(ownPrevious);
        // Previous-period data of unnamed form(s): one table is taken to be this form's.
        if (sources.length === 0 && previous.length === 1) sources = previous.slice();
        if (sources.length === 0) return 'previous';
      } else {
        sources = previous.filter((p) => named(p.form, q.form ?? ''));
        if (sources.length === 0) return previous.length === 0 ? 'previous' : 'form';
      }
    } else if (q.form === undefined || isCurrent(q.form)) {
      return own;
    } else {
      sources = others.filter((o) => named(o.form, q.form ?? ''));
      if (sources.length === 0) return 'form';
    }
    const pool = q.previous ? previous : others;
    const id = `${q.previous ? 'p' : 'c'}|${sources.map((s) => pool.indexOf(s)).join(',')}`;
    let group = groups.get(id);
    if (!group) {
      group = {
        sources,
        alignment: align(
          records,
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
      const ids = [...others, ...previous].flatMap((s) => (s.form ? [s.form.id] : []));
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
