import { Exclusions } from '../assess/exclusions';
import type { Profile } from '../profile/profile';
import { cellOf } from '../read/table';
import type { Dataset } from '../rollup/dataset';
import type { Finding } from '../validate/result';

/**
 * The recognised, audited data as one long table (issue 13): a row per unit and item that the
 * forms reported, in both periods, as columns (no object per row), for `tally export`. A
 * province pools every county's submissions from it in DuckDB or Spark; the flags say which
 * values Tally's own report set aside and why.
 */
export const LONG_COLUMNS = [
  'period',
  'unit',
  'code',
  'parent',
  'form',
  'item',
  'item_name',
  'value',
  'flags',
  'file',
  'sheet',
  'cell',
] as const;

export interface LongTable {
  rows: number;
  period: string[];
  unit: string[];
  /** The region code, when the forms or the region sheet give one. */
  code: (string | null)[];
  /** The region above: its code, else its name; null for the whole area. */
  parent: (string | null)[];
  form: string[];
  item: string[];
  itemName: string[];
  /** null: blank, a missing mark or text where a number belongs. */
  value: (number | null)[];
  /** `error` (failed an error check: set aside), `conflict` (reported twice, two values), `warning`. */
  flags: string[];
  file: string[];
  sheet: string[];
  cell: string[];
}

export interface LongInput {
  dataset: Dataset;
  period: string;
  findings: readonly Finding[];
}

export function emptyTable(): LongTable {
  return {
    rows: 0,
    period: [],
    unit: [],
    code: [],
    parent: [],
    form: [],
    item: [],
    itemName: [],
    value: [],
    flags: [],
    file: [],
    sheet: [],
    cell: [],
  };
}

/** Rows a piece: a 100,000-village area is 9 million rows, never held at once. */
export const LONG_CHUNK_ROWS = 25_000;

/** The rows of one period, in pieces of `chunk` rows. */
function* periodRows(input: LongInput, profile: Profile, chunk: number): Generator<LongTable> {
  const { dataset: ds, period, findings } = input;
  const errors = Exclusions.fromFindings(findings);
  const warnings = Exclusions.fromFindings(findings, 'warning');
  const h = ds.hierarchy;
  const parentOf = (key: string): string | null => {
    const p = h.node(key)?.parent;
    if (p === undefined) return null;
    const node = h.node(p);
    return node?.code ?? node?.name ?? null;
  };
  // A unit's name, code and parent, and a table's file name, worked out once, not once per item.
  const n = ds.units.length;
  const names: string[] = new Array<string>(n);
  const codes: (string | null)[] = new Array<string | null>(n);
  const parents: (string | null)[] = new Array<string | null>(n);
  for (let u = 0; u < n; u++) {
    const key = ds.units[u] as string;
    const node = h.node(key);
    names[u] = node?.name ?? key;
    codes[u] = node?.code ?? null;
    parents[u] = parentOf(key);
  }
  const fileNames = ds.tables.map((src) => src.source.split(/[\\/]/).pop() ?? src.source);
  let out = emptyTable();
  for (const form of profile.forms) {
    for (const item of form.items) {
      const c = ds.items.get(item.id);
      if (!c) continue;
      for (let u = 0; u < ds.units.length; u++) {
        const ti = c.table[u] as number;
        const src = ds.tables[ti];
        if (ti < 0 || !src) continue;
        const v = c.value[u] as number;
        const set = c.conflict[u] ? 'conflict' : errors.taints(ds, item.id, u) ? 'error' : '';
        const warned = warnings.taints(ds, item.id, u);
        const col = src.columns.get(item.id);
        out.period.push(period);
        out.unit.push(names[u] as string);
        out.code.push(codes[u] ?? null);
        out.parent.push(parents[u] ?? null);
        out.form.push(form.id);
        out.item.push(item.id);
        out.itemName.push(item.name);
        out.value.push(Number.isNaN(v) ? null : v);
        out.flags.push(warned ? (set ? `${set},warning` : 'warning') : set);
        out.file.push(fileNames[ti] as string);
        out.sheet.push(src.sheet);
        out.cell.push(col === undefined ? '' : cellOf(src.table, c.record[u] as number, col));
        out.rows++;
        if (out.rows >= chunk) {
          yield out;
          out = emptyTable();
        }
      }
    }
  }
  if (out.rows > 0) yield out;
}

/** This period's rows, then the previous period's when it was given, in pieces. */
export function* longTables(
  profile: Profile,
  current: LongInput,
  prior?: LongInput,
  chunk = LONG_CHUNK_ROWS,
): Generator<LongTable> {
  yield* periodRows(current, profile, chunk);
  if (prior) yield* periodRows(prior, profile, chunk);
}
