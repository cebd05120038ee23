import { LONG_COLUMNS, type LongTable } from '../core/output/long';

/**
 * The long table (src/core/output/long.ts) as files: CSV for a spreadsheet or any tool, and
 * Parquet (hyparquet-writer) for DuckDB, Spark or pandas. Both say they are Tally's: the CSV by
 * its header line, the Parquet file by a key in its metadata, so a later export may replace
 * them and nothing else (src/xlsx/file.ts).
 */
export const PARQUET_KEY = 'tally-export';
export const CSV_HEADER = LONG_COLUMNS.join(',');

const TEXT_COLUMNS = new Set(['unit', 'parent', 'file', 'sheet', 'item_name']);

function csvField(value: string | number | null, column: string): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  // Opened in a spreadsheet, text beginning = + - @ would be a formula: it is kept as text.
  const text = TEXT_COLUMNS.has(column) && /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function columnsOf(t: LongTable): (readonly (string | number | null)[])[] {
  return [
    t.period,
    t.unit,
    t.code,
    t.parent,
    t.form,
    t.item,
    t.itemName,
    t.value,
    t.flags,
    t.file,
    t.sheet,
    t.cell,
  ];
}

/**
 * UTF-8 with a byte-order mark (Excel then reads the Chinese right), ten thousand rows a piece,
 * each made when the writer asks for it: the whole text never exists at once.
 */
export function* longCsvChunks(t: LongTable): Generator<string> {
  const cols = columnsOf(t);
  yield `\uFEFF${CSV_HEADER}\r\n`;
  let chunk = '';
  for (let r = 0; r < t.rows; r++) {
    let line = '';
    for (let c = 0; c < cols.length; c++) {
      if (c > 0) line += ',';
      line += csvField(cols[c]?.[r] ?? null, LONG_COLUMNS[c] ?? '');
    }
    chunk += `${line}\r\n`;
    if (r % 10_000 === 9_999) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}

/** The Parquet file: strings as UTF-8, values as doubles (null where blank), Snappy pages. */
export async function longParquetBytes(t: LongTable): Promise<Uint8Array> {
  // hyparquet-writer is an ES module: imported when an export asks for it.
  const { parquetWriteBuffer } = await import('hyparquet-writer');
  const cols = columnsOf(t);
  const buffer = parquetWriteBuffer({
    columnData: LONG_COLUMNS.map((name, i) => ({
      name,
      data: cols[i] as (string | number | null)[],
      type: name === 'value' ? ('DOUBLE' as const) : ('STRING' as const),
      nullable: name === 'value' || name === 'code' || name === 'parent',
    })),
    kvMetadata: [{ key: PARQUET_KEY, value: '1' }],
  });
  return new Uint8Array(buffer);
}
