import { a1 } from '../model/a1';
import { fold, normalizeHeader } from '../read/normalize';
import type { Column, Table, TableRecord } from '../read/table';
import {
  sameForm,
  type CellLocation,
  type ItemColumn,
  type ItemLookup,
  type ItemQuery,
  type RuleDataset,
} from './data';
import { NAN, numberToText } from './vector';

/**
 * A `Table` (src/core/read/table.ts) as a rule dataset. Items are found by the column's
 * normalised header and, for a recognised item, by its id, canonical name and synonyms, so
 * `[活产数]` finds a column headed `活产儿数（人）`. Other forms (`[FE3!x]`) and the previous
 * period (`PREV([x])`) are aligned with this form's records by reporting unit: the 12-digit
 * code when both records have one, else the total row with the total row, else the unit name
 * (widths and spaces folded). A unit missing or listed twice in the other table reads as blank.
 */

export interface FormTable {
  table: Table;
  /** The form (from the profile), so `[FE3!x]` and rule scopes can name it by id or name. */
  form?: { id: string; name?: string };
}

export interface TableDatasetInit {
  current: FormTable;
  /** Other forms of the same period, for `[FE3!x]`. */
  others?: readonly FormTable[];
  /** Tables of the previous period, for `PREV(…)`: this form's, and others' for `PREV([FE3!x])`. */
  previous?: readonly FormTable[];
  /** Evaluate total rows too (default true: a total row must satisfy within-form rules as well). */
  includeTotals?: boolean;
}

export interface TableDataset extends RuleDataset {
  /** The table records the dataset's records are, in order. */
  readonly records: readonly TableRecord[];
  unit(record: number): string;
  locate(query: ItemQuery, record: number): CellLocation | undefined;
}

interface Source {
  table: Table;
  byKey: Map<string, Column>;
  names: string[];
}

function indexTable(table: Table): Source {
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
  return { table, byKey, names };
}

function unitName(unit: string): string {
  return fold(unit).replace(/[\s\u3000]+/g, '');
}

/** For each record of `to`, the index of the same unit's record in `from`, or -1. */
function align(to: readonly TableRecord[], from: readonly TableRecord[]): Int32Array {
  const byCode = new Map<string, number>();
  const byName = new Map<string, number>();
  let total = -1;
  from.forEach((r, i) => {
    if (r.code) byCode.set(r.code, byCode.has(r.code) ? -1 : i);
    const n = unitName(r.unit);
    byName.set(n, byName.has(n) ? -1 : i);
    if (r.isTotal) total = total === -1 ? i : -2;
  });
  const out = new Int32Array(to.length);
  to.forEach((r, i) => {
    let j: number | undefined;
    if (r.code && byCode.has(r.code)) j = byCode.get(r.code);
    else if (r.isTotal && total !== -1) j = total;
    else j = byName.get(unitName(r.unit));
    out[i] = j === undefined || j < 0 ? -1 : j;
  });
  return out;
}

function gather(column: ItemColumn, index: Int32Array): ItemColumn {
  if (column.kind === 'number') {
    const out = new Float64Array(index.length);
    for (let i = 0; i < index.length; i++) {
      const j = index[i] as number;
      out[i] = j < 0 ? NAN : (column.values[j] as number);
    }
    return { kind: 'number', values: out };
  }
  const out = new Array<string | null>(index.length);
  for (let i = 0; i < index.length; i++) {
    const j = index[i] as number;
    out[i] = j < 0 ? null : (column.values[j] ?? null);
  }
  return { kind: 'text', values: out };
}

function rawColumn(table: Table, c: Column): ItemColumn | undefined {
  const n = table.numbers.get(c.col);
  if (n) return { kind: 'number', values: n };
  const s = table.texts.get(c.col);
  if (s) return { kind: 'text', values: s };
  return undefined;
}

export function tableDataset(init: TableDatasetInit): TableDataset {
  const includeTotals = init.includeTotals ?? true;
  const current = indexTable(init.current.table);
  const allRecords = init.current.table.records;
  const recordIndex: number[] = [];
  allRecords.forEach((r, i) => {
    if (includeTotals || !r.isTotal) recordIndex.push(i);
  });
  const records = recordIndex.map((i) => allRecords[i] as TableRecord);
  const identity = recordIndex.length === allRecords.length;
  const ownIndex = Int32Array.from(recordIndex);

  const others = (init.others ?? []).map((f) => ({ ...f, source: indexTable(f.table) }));
  const previous = (init.previous ?? []).map((f) => ({ ...f, source: indexTable(f.table) }));
  const currentForm = init.current.form;
  const isCurrent = (name: string): boolean =>
    currentForm !== undefined &&
    (sameForm(name, currentForm.id) ||
      (currentForm.name !== undefined && sameForm(name, currentForm.name)));
  const named = (f: FormTable, name: string): boolean =>
    f.form !== undefined &&
    (sameForm(name, f.form.id) || (f.form.name !== undefined && sameForm(name, f.form.name)));

  /** The table a query reads, with the alignment of its records to ours. */
  const alignments = new Map<Source, Int32Array>();
  function resolve(
    q: ItemQuery,
  ): { source: Source; index: Int32Array | undefined } | 'form' | 'previous' {
    let source: Source | undefined;
    if (q.previous) {
      const own = q.form === undefined || isCurrent(q.form);
      const match = own
        ? (previous.find(
            (p) => currentForm !== undefined && p.form !== undefined && named(p, currentForm.id),
          ) ?? (previous.length === 1 ? previous[0] : undefined))
        : previous.find((p) => named(p, q.form ?? ''));
      if (!match) return own || previous.length === 0 ? 'previous' : 'form';
      source = match.source;
    } else if (q.form === undefined || isCurrent(q.form)) {
      return { source: current, index: identity ? undefined : ownIndex };
    } else {
      const match = others.find((o) => named(o, q.form ?? ''));
      if (!match) return 'form';
      source = match.source;
    }
    let index = alignments.get(source);
    if (!index) {
      index = align(records, source.table.records);
      alignments.set(source, index);
    }
    return { source, index };
  }

  const cache = new Map<string, ItemColumn | undefined>();
  function column(q: ItemQuery): ItemColumn | undefined {
    const id = `${q.previous ? 'p' : 'c'}|${q.form === undefined ? '' : normalizeHeader(q.form)}|${q.key}`;
    if (cache.has(id)) return cache.get(id);
    const r = resolve(q);
    let out: ItemColumn | undefined;
    if (typeof r !== 'string') {
      const c = r.source.byKey.get(q.key);
      const raw = c ? rawColumn(r.source.table, c) : undefined;
      out = raw && r.index ? gather(raw, r.index) : raw;
    }
    cache.set(id, out);
    return out;
  }

  function lookup(q: ItemQuery): ItemLookup {
    const r = resolve(q);
    if (r === 'previous') return { found: false, missing: 'previous', candidates: [] };
    if (r === 'form') {
      const candidates = [...others, ...previous].flatMap((f) => (f.form ? [f.form.id] : []));
      return { found: false, missing: 'form', candidates };
    }
    if (r.source.byKey.has(q.key)) return { found: true };
    return { found: false, missing: 'item', candidates: r.source.names };
  }

  function locate(q: ItemQuery, record: number): CellLocation | undefined {
    const r = resolve(q);
    if (typeof r === 'string') return undefined;
    const c = r.source.byKey.get(q.key);
    if (!c) return undefined;
    const j = r.index ? r.index[record] : record;
    if (j === undefined || j < 0) return undefined;
    const rec = r.source.table.records[j];
    if (!rec) return undefined;
    const raw = rawColumn(r.source.table, c);
    let value = '';
    if (raw?.kind === 'number') value = numberToText(raw.values[j] ?? NaN) ?? '';
    else if (raw?.kind === 'text') value = raw.values[j] ?? '';
    return { sheet: r.source.table.sheet, cell: a1(rec.row, c.col), value };
  }

  const dataset: TableDataset = {
    size: records.length,
    records,
    column,
    lookup,
    locate,
    unit: (i) => records[i]?.unit ?? '',
  };
  if (currentForm) dataset.isForm = isCurrent;
  return dataset;
}
