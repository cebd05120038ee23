import { LONG_COLUMNS, emptyTable, type LongTable } from '../core/output/long';

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

/** Rows of the long table a CSV is made from at a time: small, so each piece dies young. */
export const CSV_CHUNK_ROWS = 1_000;

/**
 * UTF-8 with a byte-order mark (Excel then reads the Chinese right), 500 rows a piece, each
 * made when the writer asks for it: the whole text never exists at once, and no piece is so big
 * that it outlives the next collection of young objects.
 */
export function* longCsvChunks(tables: Iterable<LongTable>): Generator<string> {
  yield `\uFEFF${CSV_HEADER}\r\n`;
  for (const t of tables) {
    const cols = columnsOf(t);
    let chunk = '';
    for (let r = 0; r < t.rows; r++) {
      let line = '';
      for (let c = 0; c < cols.length; c++) {
        if (c > 0) line += ',';
        line += csvField(cols[c]?.[r] ?? null, LONG_COLUMNS[c] ?? '');
      }
      chunk += `${line}\r\n`;
      if (r % 500 === 499) {
        yield chunk;
        chunk = '';
      }
    }
    if (chunk) yield chunk;
  }
}

/** What encodes text as UTF-8 (a TextEncoder). */
interface Utf8Encoder {
  encode(s: string): Uint8Array;
}

/** Columns whose every row is its own text (a cell's address): encoded, never remembered. */
const DISTINCT_COLUMNS: ReadonlySet<string> = new Set(['cell']);

/**
 * A text column as the UTF-8 hyparquet-writer would make of it, each text encoded once and the
 * same bytes (the same object) given for every row that holds it: 4.8 million rows hold 100,000
 * unit names, five forms and one period, and the writer's TextEncoder call per value took a
 * quarter of an export. The writer takes bytes as they are and counts one object as one
 * dictionary entry at once, so the file is the same, byte for byte. `seen` is null for a column
 * of distinct texts: ASCII is copied, anything else encoded.
 */
function encodedColumn(
  values: readonly (string | number | null)[],
  seen: Map<string, Uint8Array> | null,
  encoder: Utf8Encoder,
): (Uint8Array | null)[] {
  const out = new Array<Uint8Array | null>(values.length);
  // A piece is one item's rows (long.ts): its form, item, file and sheet are the row before's.
  let last: string | undefined;
  let lastBytes: Uint8Array | null = null;
  for (let r = 0; r < values.length; r++) {
    const v = values[r];
    if (typeof v !== 'string') {
      out[r] = null;
      continue;
    }
    if (v === last) {
      out[r] = lastBytes;
      continue;
    }
    let bytes = seen?.get(v);
    if (bytes === undefined) {
      bytes = asciiOrEncoded(v, encoder);
      seen?.set(v, bytes);
    }
    out[r] = bytes;
    last = v;
    lastBytes = bytes;
  }
  return out;
}

function asciiOrEncoded(s: string, encoder: Utf8Encoder): Uint8Array {
  const bytes = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0x80) return encoder.encode(s);
    bytes[i] = c;
  }
  return bytes;
}

/**
 * The Parquet file: strings as UTF-8, values as doubles (null where blank), Snappy pages, one
 * row group per piece of the table, so only one piece is in memory besides the file itself.
 */
export async function longParquetBytes(tables: Iterable<LongTable>): Promise<Uint8Array> {
  // hyparquet-writer is an ES module: imported when an export asks for it.
  const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
  const encoder = new TextEncoder();
  // Each text column's texts already encoded, kept from piece to piece of the table.
  const seen = LONG_COLUMNS.map((name) =>
    DISTINCT_COLUMNS.has(name) ? null : new Map<string, Uint8Array>(),
  );
  const columnData = (t: LongTable) => {
    const cols = columnsOf(t);
    return LONG_COLUMNS.map((name, i) => ({
      name,
      data:
        name === 'value'
          ? (cols[i] as (number | null)[])
          : encodedColumn(cols[i] ?? [], seen[i] ?? null, encoder),
      type: name === 'value' ? ('DOUBLE' as const) : ('STRING' as const),
      nullable: name === 'value' || name === 'code' || name === 'parent',
    }));
  };
  const writer = new ByteWriter();
  let pq: InstanceType<typeof ParquetWriter> | undefined;
  for (const t of tables) {
    const data = columnData(t);
    pq ??= new ParquetWriter({
      writer,
      schema: schemaFromColumnData({ columnData: data }),
      kvMetadata: [{ key: PARQUET_KEY, value: '1' }],
    });
    // The schema carries the types: the columns go in without them.
    await pq.write({ columnData: data.map(({ name, data: d }) => ({ name, data: d })) });
  }
  if (!pq) {
    // No row at all: the file still has its columns.
    pq = new ParquetWriter({
      writer,
      schema: schemaFromColumnData({ columnData: columnData(emptyTable()) }),
      kvMetadata: [{ key: PARQUET_KEY, value: '1' }],
    });
  }
  pq.finish();
  return new Uint8Array(writer.getBuffer());
}
