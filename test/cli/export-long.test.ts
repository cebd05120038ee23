import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { LONG_COLUMNS, type LongTable } from '../../src/core/output/long';
import { longCsvChunks, longParquetBytes } from '../../src/xlsx/export';
import { runCli as run } from '../support/capture';
import { SAMPLE_2024, SAMPLE_2025 } from '../support/sample';

/**
 * `tally export`: the sample's two years as one long table. Each value is checked against the
 * sample workbook itself as exceljs reads it (the cell the row names), the Parquet file against
 * the CSV, and the infant mortality pooled from the rows — the query README gives for DuckDB —
 * against the hand calculation from the sample's cells.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'tally-long-'));
const csvFile = path.join(dir, '两纲数据.csv');
const parquetFile = path.join(dir, '两纲数据.parquet');
type Row = Record<(typeof LONG_COLUMNS)[number], string>;
let rows: Row[] = [];

beforeAll(async () => {
  const r = await run(
    'export',
    SAMPLE_2025,
    '--prior',
    SAMPLE_2024,
    '--csv',
    csvFile,
    '--parquet',
    parquetFile,
  );
  // What was written is said on stderr, as by report and template (stdout stays for data).
  expect(r.stderr).toContain(path.resolve(csvFile));
  expect(r.stdout).toBe('');
  expect(r.code).toBe(0);
  rows = parse(readFileSync(csvFile, 'utf8').replace(/^\uFEFF/, ''), { columns: true });
});

async function cells(file: string): Promise<Map<string, unknown>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out = new Map<string, unknown>();
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { result?: unknown } | null;
        out.set(`${ws.name}!${c.address}`, v && typeof v === 'object' ? v.result : v);
      }),
    ),
  );
  return out;
}

test('every row is a value the sample holds in the cell it names', async () => {
  const byFile = new Map([
    [path.basename(SAMPLE_2025), await cells(SAMPLE_2025)],
    [path.basename(SAMPLE_2024), await cells(SAMPLE_2024)],
  ]);
  expect(rows.length).toBeGreaterThan(500);
  const textCells: string[] = [];
  for (const r of rows) {
    const sheetCells = byFile.get(r.file);
    expect(sheetCells).toBeDefined();
    const written = sheetCells?.get(`${r.sheet}!${r.cell}`);
    if (r.value === '') expect(typeof written === 'number').toBe(false);
    else if (typeof written === 'string')
      textCells.push(`${r.sheet}!${r.cell} ${written} → ${r.value}`);
    else expect(Number(r.value)).toBe(written);
    expect(r.period).toBe(r.file.startsWith('2025') ? '2025' : '2024');
  }
  // The sample's numbers written as text, read by hand: a thousands separator, full-width
  // digits and a unit after the number.
  expect(textCells.sort()).toEqual([
    '人社医保!B4 34,222 → 34222',
    '人社医保!C5 １４１４９ → 14149',
    '人社医保!D7 12847人 → 12847',
  ]);
});

test('石门镇 2025: boys 198 + girls 187 = 385, not the 358 written: the three cells are flagged', () => {
  const shimen = rows.filter((r) => r.period === '2025' && r.unit === '石门镇');
  const flag = (item: string) => shimen.find((r) => r.item === item);
  expect(flag('live_births')).toMatchObject({ value: '358', flags: 'error' });
  expect(flag('live_births_male')).toMatchObject({ value: '198', flags: 'error' });
  expect(flag('live_births_female')).toMatchObject({ value: '187', flags: 'error' });
  // A unit's values outside the failed check are not flagged.
  expect(flag('infant_deaths')?.flags).toBe('');
});

test('infant mortality pooled from the rows, set-aside units left out (the README query)', () => {
  const pooled = (period: string) => {
    const units = new Map<string, { d?: number; b?: number; aside: boolean }>();
    for (const r of rows) {
      if (r.period !== period || (r.item !== 'infant_deaths' && r.item !== 'live_births')) continue;
      const u = units.get(r.code || r.unit) ?? { aside: false };
      if (r.value !== '') u[r.item === 'infant_deaths' ? 'd' : 'b'] = Number(r.value);
      u.aside ||= /error|conflict/.test(r.flags);
      units.set(r.code || r.unit, u);
    }
    let d = 0;
    let b = 0;
    for (const u of units.values()) {
      if (u.aside || u.d === undefined || u.b === undefined) continue;
      d += u.d;
      b += u.b;
    }
    return { d, b };
  };
  // By hand from the sample's sheets: 2025, fifteen units less 石门镇 (set aside).
  const now = pooled('2025');
  const before = pooled('2024');
  expect(Math.round((now.d / now.b) * 100_000) / 100).toBe(3.62);
  expect(Math.round((before.d / before.b) * 100_000) / 100).toBe(4.47);
});

test('the Parquet file holds the same rows as the CSV', async () => {
  const bytes = readFileSync(parquetFile);
  const file = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  // An ES module, compiled for jest (jest.config.js transformIgnorePatterns).
  const { parquetReadObjects } = await import('hyparquet');
  const objects = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  expect(objects).toHaveLength(rows.length);
  objects.forEach((o, i) => {
    const csv = rows[i] as Row;
    for (const c of LONG_COLUMNS) {
      const v = o[c];
      expect(v === null || v === undefined ? '' : String(v)).toBe(csv[c]);
    }
  });
});

test('a second export replaces Tally’s own files, never someone else’s', async () => {
  const again = await run('export', SAMPLE_2025, '--csv', csvFile, '--parquet', parquetFile);
  expect(again.code).toBe(0);
  const foreign = path.join(dir, 'mine.csv');
  writeFileSync(foreign, 'name,value\na,1\n');
  const r = await run('export', SAMPLE_2025, '--csv', foreign);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain(foreign);
  expect(readFileSync(foreign, 'utf8')).toBe('name,value\na,1\n');
  const none = await run('export', SAMPLE_2025);
  expect(none.code).toBe(2);
  expect(none.stderr).toContain('--parquet');
  expect(existsSync(path.join(dir, 'mine.parquet'))).toBe(false);
});

test('text a spreadsheet would take for a formula is written as text; quotes are doubled', () => {
  const t: LongTable = {
    rows: 1,
    period: ['2025'],
    unit: ['=HYPERLINK("http://x","y")'],
    code: [null],
    parent: ['@区'],
    form: ['FE1'],
    item: ['live_births'],
    itemName: ['活产数'],
    value: [-3],
    flags: [''],
    file: ['a,b.xlsx'],
    sheet: ['+表'],
    cell: ['B2'],
  };
  const [header, body] = longCsvChunks([t]);
  expect(header).toBe(`\uFEFF${LONG_COLUMNS.join(',')}\r\n`);
  expect(body).toBe(
    `2025,"'=HYPERLINK(""http://x"",""y"")",,'@区,FE1,live_births,活产数,-3,,"a,b.xlsx",'+表,B2\r\n`,
  );
});

test('pieces of the table become one file: row groups in the Parquet, rows in the CSV', async () => {
  const piece = (unit: string, n: number): LongTable => ({
    rows: n,
    period: Array(n).fill('2025'),
    unit: Array(n).fill(unit),
    code: Array(n).fill(null),
    parent: Array(n).fill('县'),
    form: Array(n).fill('FE1'),
    item: Array(n).fill('live_births'),
    itemName: Array(n).fill('活产数'),
    value: Array.from({ length: n }, (_, i) => (i === 0 ? null : i)),
    flags: Array(n).fill(''),
    file: Array(n).fill('a.xlsx'),
    sheet: Array(n).fill('妇幼'),
    cell: Array.from({ length: n }, (_, i) => `B${i + 2}`),
  });
  const pieces = [piece('甲村', 3), piece('乙村', 2)];
  const bytes = await longParquetBytes(pieces);
  const { parquetMetadata, parquetReadObjects } = await import('hyparquet');
  const file = bytes.slice().buffer as ArrayBuffer;
  expect(parquetMetadata(file).row_groups).toHaveLength(2);
  const objects = (await parquetReadObjects({ file })) as Record<string, unknown>[];
  expect(objects.map((o) => [o['unit'], o['value'], o['cell']])).toEqual([
    ['甲村', null, 'B2'],
    ['甲村', 1, 'B3'],
    ['甲村', 2, 'B4'],
    ['乙村', null, 'B2'],
    ['乙村', 1, 'B3'],
  ]);
  const csv = [...longCsvChunks(pieces)].join('');
  expect(csv.split('\r\n').filter((l) => l !== '')).toHaveLength(1 + 5);
});

test('forms that name no year need --period: no row without its period', async () => {
  const dir2 = mkdtempSync(path.join(tmpdir(), 'tally-long-period-'));
  const csv = path.join(dir2, '妇幼.csv');
  writeFileSync(csv, '地区,活产数,男婴活产数,女婴活产数\n甲村,10,6,4\n乙村,8,4,4\n');
  const out = path.join(dir2, 'out.csv');
  const r = await run('export', csv, '--csv', out);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('--period');
  expect(existsSync(out)).toBe(false);
  const ok = await run('export', csv, '--period', '2025', '--csv', out);
  expect(ok.code).toBe(0);
  const rows2: Row[] = parse(readFileSync(out, 'utf8').replace(/^\uFEFF/, ''), { columns: true });
  expect(rows2.map((x) => [x.period, x.unit, x.item, x.value])).toEqual([
    ['2025', '甲村', 'live_births', '10'],
    ['2025', '乙村', 'live_births', '8'],
    ['2025', '甲村', 'live_births_male', '6'],
    ['2025', '乙村', 'live_births_male', '4'],
    ['2025', '甲村', 'live_births_female', '4'],
    ['2025', '乙村', 'live_births_female', '4'],
  ]);
});
