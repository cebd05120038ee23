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

/**
 * The Parquet file: strings as UTF-8, values as doubles (null where blank), Snappy pages, one
 * row group per piece of the table, so only one piece is in memory besides the file itself.
 */
export async function longParquetBytes(tables: Iterable<LongTable>): Promise<Uint8Array> {
  // hyparquet-writer is an ES module: imported when an export asks for it.
  const { ByteWriter, ParquetWriter, schemaFromColumnData } = await import('hyparquet-writer');
  const columnData = (t: LongTable) => {
    const cols = columnsOf(t);
    return LONG_COLUMNS.map((name, i) => ({
      name,
      data: cols[i] as (string | number | null)[],
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
