import { normalizeHeader } from '../read/normalize';
import type { ItemReference } from './ast';

/**
 * What the rule engine needs from data — the whole interface between rules and tables.
 *
 * A dataset is one form's records (one row each; a reporting unit). Rules read it a column at
 * a time: `column()` returns the values of one item for every record, aligned with the records.
 * The same interface serves the other forms of the same reporting units (`[FE3!x]`: the
 * dataset returns FE3's column re-ordered to this form's records, unknown where a unit is not
 * in FE3) and the previous period (`PREV([x])`: aligned the same way). A form may come in
 * several tables (one workbook per township); a unit is then read from the table it is in.
 *
 * `tableDataset` (dataset.ts) adapts a recognised `Table` (src/core/read/table.ts);
 * `columnsDataset` below is a plain in-memory one for tests and simple callers.
 */

/** An item a rule reads, as the engine asks for it. */
export interface ItemQuery {
  /** The name as written in the rule, trimmed (`活产数`). */
  name: string;
  /** normalizeHeader(name): what it is matched by. */
  key: string;
  /** Another form, by id or name, as written (`FE3`); absent for the form being checked. */
  form?: string;
  /** PREV(…): the previous period. */
  previous: boolean;
}

/** One item's values for every record: numbers (NaN = blank/unknown) or text (null = blank). */
export type ItemColumn =
  { kind: 'number'; values: Float64Array } | { kind: 'text'; values: readonly (string | null)[] };

export type ItemLookup =
  | { found: true }
  | {
      found: false;
      /** What is missing: the item, the whole form, or previous-period data. */
      missing: 'item' | 'form' | 'previous';
      /** Known names (items, or forms when the form is missing) for a "did you mean" hint. */
      candidates: readonly string[];
    };

/** Which items exist; compiling against a catalogue turns unknown items into rule errors. */
export interface ItemCatalog {
  lookup(query: ItemQuery): ItemLookup;
}

/** The data a compiled rule is evaluated on. */
export interface RuleData {
  /** Number of records. */
  readonly size: number;
  /** The item's column (length `size`), or undefined when the data has no such item. */
  column(query: ItemQuery): ItemColumn | undefined;
}

/** Where a value came from, for findings. */
export interface CellLocation {
  /** The file the value came from, when the dataset knows it (several files in batch use). */
  file?: string;
  sheet: string;
  /** A1 address. */
  cell: string;
  /** The value as read ('' when blank). */
  value: string;
}

/**
 * `CellLocation` without the address and the value: the row and column (from 0), for readers
 * that want many cells' positions and none of their text (what a million findings taint).
 */
export interface CellPlace {
  file?: string;
  sheet: string;
  row: number;
  col: number;
}

/** Everything confront() uses. Only `size`, `column` and `lookup` are required. */
export interface RuleDataset extends RuleData, ItemCatalog {
  /** True when the records are of this form (id or name); rules with a scope run only there. */
  isForm?(formIdOrName: string): boolean;
  /** The reporting unit of a record, for messages (`{unit}`) and findings. */
  unit?(record: number): string;
  /** The cell an item's value of a record came from. */
  locate?(query: ItemQuery, record: number): CellLocation | undefined;
  /** `locate`'s row and column, without making the address or the value's text. */
  place?(query: ItemQuery, record: number): CellPlace | undefined;
}

export function queryOf(ref: Pick<ItemReference, 'name' | 'form' | 'previous'>): ItemQuery {
  const q: ItemQuery = { name: ref.name, key: normalizeHeader(ref.name), previous: ref.previous };
  if (ref.form !== undefined) q.form = ref.form;
  return q;
}

/** How a query is written in a rule: `[活产数]`, `[FE3!结婚登记人数]`, `PREV([活产数])`. */
export function queryText(q: Pick<ItemQuery, 'name' | 'form' | 'previous'>): string {
  const item = q.form !== undefined ? `[${q.form}!${q.name}]` : `[${q.name}]`;
  return q.previous ? `PREV(${item})` : item;
}

/** Form names compare like headers: `fe3`, `ＦＥ３`, `FE3 ` are the same form. */
export function sameForm(a: string, b: string): boolean {
  return normalizeHeader(a) === normalizeHeader(b);
}

/** A form and its items, for checking rules before any data is read (e.g. a profile's). */
export interface CatalogForm {
  id: string;
  name?: string;
  /** Each item by its canonical name, with the other names it is known by (id, synonyms). */
  items: readonly { name: string; also?: readonly string[] }[];
}

/**
 * A catalogue of several forms: `[x]` must be an item of some form, `[FE3!x]` an item of FE3;
 * PREV(…) is checked like the item itself. Hints name items by their canonical names.
 */
export function formsCatalog(forms: readonly CatalogForm[]): ItemCatalog {
  const keysOf = (f: CatalogForm): Set<string> =>
    new Set(f.items.flatMap((i) => [i.name, ...(i.also ?? [])].map(normalizeHeader)));
  const indexed = forms.map((f) => ({ form: f, keys: keysOf(f) }));
  return {
    lookup(q) {
      if (q.form !== undefined) {
        const f = indexed.find(
          (x) =>
            sameForm(q.form ?? '', x.form.id) ||
            (x.form.name !== undefined && sameForm(q.form ?? '', x.form.name)),
        );
        if (!f) return { found: false, missing: 'form', candidates: forms.map((x) => x.id) };
        if (f.keys.has(q.key)) return { found: true };
        return { found: false, missing: 'item', candidates: f.form.items.map((i) => i.name) };
      }
      if (indexed.some((x) => x.keys.has(q.key))) return { found: true };
      return {
        found: false,
        missing: 'item',
        candidates: forms.flatMap((f) => f.items.map((i) => i.name)),
      };
    },
  };
}

export type PlainColumn = Float64Array | readonly (number | null)[] | readonly (string | null)[];

export interface ColumnsDatasetInit {
  /** This form's columns by item name. Numbers: NaN or null = blank. */
  columns: Record<string, PlainColumn>;
  /** Other forms' columns, already aligned with this form's records, by form id. */
  forms?: Record<string, Record<string, PlainColumn>>;
  /** The previous period's columns, aligned with the records. */
  previous?: Record<string, PlainColumn>;
  /** This form's id and names. */
  form?: readonly string[];
  units?: readonly string[];
}

function toColumn(c: PlainColumn): ItemColumn {
  if (c instanceof Float64Array) return { kind: 'number', values: c };
  const numeric = c.every((v) => v === null || typeof v === 'number');
  if (numeric) {
    return { kind: 'number', values: Float64Array.from(c, (v) => (v === null ? NaN : Number(v))) };
  }
  return { kind: 'text', values: c.map((v) => (v === null ? null : String(v))) };
}

function keyed(
  cols: Record<string, PlainColumn>,
): Map<string, { name: string; column: ItemColumn }> {
  const m = new Map<string, { name: string; column: ItemColumn }>();
  for (const [name, c] of Object.entries(cols))
    m.set(normalizeHeader(name), { name, column: toColumn(c) });
  return m;
}

/** A dataset over plain arrays (all of the same length). */
export function columnsDataset(init: ColumnsDatasetInit): RuleDataset {
  const own = keyed(init.columns);
  const forms = new Map<string, { id: string; cols: ReturnType<typeof keyed> }>();
  for (const [id, cols] of Object.entries(init.forms ?? {})) {
    forms.set(normalizeHeader(id), { id, cols: keyed(cols) });
  }
  const previous = init.previous ? keyed(init.previous) : undefined;
  const first = own.values().next().value;
  const size = first ? first.column.values.length : (init.units?.length ?? 0);
  const all = [...own, ...(previous ?? []), ...[...forms.values()].flatMap((f) => [...f.cols])];
  for (const [, { name, column }] of all) {
    if (column.values.length !== size)
      throw new RangeError(`column ${name} has ${column.values.length} values, not ${size}`);
  }
  const isOwnForm = (f: string): boolean => (init.form ?? []).some((n) => sameForm(n, f));

  function table(q: ItemQuery): ReturnType<typeof keyed> | 'noForm' | 'noPrevious' {
    if (q.previous) return previous ?? 'noPrevious';
    if (q.form === undefined || isOwnForm(q.form)) return own;
    return forms.get(normalizeHeader(q.form))?.cols ?? 'noForm';
  }

  const dataset: RuleDataset = {
    size,
    column(q) {
      const t = table(q);
      return typeof t === 'string' ? undefined : t.get(q.key)?.column;
    },
    lookup(q) {
      const t = table(q);
      if (t === 'noPrevious') return { found: false, missing: 'previous', candidates: [] };
      if (t === 'noForm') {
        return { found: false, missing: 'form', candidates: [...forms.values()].map((f) => f.id) };
      }
      if (t.has(q.key)) return { found: true };
      return { found: false, missing: 'item', candidates: [...t.values()].map((c) => c.name) };
    },
    unit: (i) => init.units?.[i] ?? `#${i + 1}`,
  };
  if (init.form) dataset.isForm = isOwnForm;
  return dataset;
}
