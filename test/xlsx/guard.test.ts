import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { TallyError } from '../../src/core/errors';
import { guardCsv } from '../../src/xlsx/csv-guard';
import { FILE_LIMITS } from '../../src/xlsx/limits';
import { parseCsv, parseXlsx } from '../../src/xlsx/parse';
import { guardXlsx } from '../../src/xlsx/xlsx-guard';
import { inflateEntry, zipEntries } from '../../src/xlsx/zip-guard';
import { fixturePath, ROOT } from '../support/fixtures';

const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const sample = new Uint8Array(readFileSync(SAMPLE));
const hostile = (name: string) => new Uint8Array(readFileSync(fixturePath('hostile', name)));

/** The error a call throws: its catalogue key and parameters. */
function refusal(f: () => unknown): { key: string; params: Record<string, unknown> } {
  try {
    f();
  } catch (e) {
    if (!(e instanceof TallyError)) throw e;
    return { key: e.key, params: e.params };
  }
  throw new Error('not refused');
}

async function refusalAsync(p: Promise<unknown>): Promise<{ key: string; params: object }> {
  try {
    await p;
  } catch (e) {
    if (!(e instanceof TallyError)) throw e;
    return { key: e.key, params: e.params };
  }
  throw new Error('not refused');
}

/** A zip (made by fflate) with one entry's declared size in the central directory changed. */
function declare(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const view = new DataView(out.buffer);
  const want = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const len = view.getUint16(i + 28, true);
    const got = out.subarray(i + 46, i + 46 + len);
    if (len === want.length && got.every((b, k) => b === want[k])) {
      view.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}

describe('zipEntries: what the central directory declares, before anything is inflated', () => {
  test('on a real workbook it lists what fflate lists, with the same sizes', () => {
    const entries = zipEntries(sample, SAMPLE);
    const seen: { name: string; size: number; compressedSize: number }[] = [];
    unzipSync(sample, {
      filter: (f) => {
        seen.push({ name: f.name, size: f.originalSize, compressedSize: f.size });
        return false;
      },
    });
    expect(
      entries.map((e) => ({ name: e.name, size: e.size, compressedSize: e.compressedSize })),
    ).toEqual(seen);
    expect(entries.map((e) => e.name)).toEqual(
      expect.arrayContaining(['xl/workbook.xml', 'xl/worksheets/sheet1.xml']),
    );
  });

  test('inflating each part gives its declared size and the bytes fflate gives', () => {
    const all = unzipSync(sample);
    for (const e of zipEntries(sample, SAMPLE)) {
      const chunks: Uint8Array[] = [];
      expect(inflateEntry(sample, e, SAMPLE, (c) => chunks.push(c.slice()))).toBe(e.size);
      expect(Buffer.concat(chunks).equals(Buffer.from(all[e.name] ?? []))).toBe(true);
    }
  });

  test('a part declaring more than the part limit, or a ratio past the limit, is refused', () => {
    expect(refusal(() => zipEntries(hostile('zip-bomb.xlsx'), 'zip-bomb.xlsx'))).toEqual({
      key: 'limit.partSize',
      params: {
        file: 'zip-bomb.xlsx',
        part: 'xl/worksheets/sheet1.xml',
        size: '300 MB',
        limit: '256 MB',
      },
    });
    const ratio = refusal(() => zipEntries(hostile('ratio-bomb.xlsx'), 'ratio-bomb.xlsx'));
    expect(ratio.key).toBe('limit.ratio');
    expect(ratio.params).toMatchObject({ part: 'xl/worksheets/sheet1.xml', limit: '500' });
    expect(Number(String(ratio.params.ratio).replace(/,/g, ''))).toBeGreaterThan(1000);
    expect(refusal(() => zipEntries(hostile('many-parts-total.xlsx'), 'x.xlsx')).key).toBe(
      'limit.totalSize',
    );
  });

  test('the ratio limit: 1 MiB + 1 of zeros compressed under 1 : 500 is refused, 1 : 400 is not', () => {
    const MiB = 1024 * 1024;
    // fflate stores level 0 as is: 2,700 bytes of data, then a declared size makes the ratio.
    const base = zipSync({ 'a.bin': [new Uint8Array(2700), { level: 0 }] });
    expect(zipEntries(declare(base, 'a.bin', 2700), 'x')[0]?.size).toBe(2700);
    // Stored parts must declare their own size; deflated ones are what the ratio is about.
    const deflated = zipSync({ 'a.bin': [new Uint8Array(4 * MiB), { level: 9 }] });
    let c = 0;
    unzipSync(deflated, { filter: (f) => ((c = f.size), false) });
    expect(c).toBeGreaterThan(0);
    const at = (ratio: number) => declare(deflated, 'a.bin', Math.floor(c * ratio));
    if (c * 400 > MiB) expect(() => zipEntries(at(400), 'x')).not.toThrow();
    expect(refusal(() => zipEntries(at(501), 'x')).key).toBe('limit.ratio');
    // Below 1 MiB a part's ratio is not judged (small parts compress oddly).
    const small = zipSync({ 'b.bin': [new Uint8Array(600 * 1024), { level: 9 }] });
    expect(() => zipEntries(small, 'x')).not.toThrow();
    expect(refusal(() => zipEntries(declare(base, 'a.bin', 9999), 'x')).key).toBe(
      'limit.sizeMismatch',
    );
  });

  test('a part that inflates to more than it declared is stopped as soon as it does', () => {
    const bytes = hostile('lying-bomb.xlsx');
    const sheet = zipEntries(bytes, 'lying.xlsx').find((e) => e.name.endsWith('sheet1.xml'));
    expect(sheet?.size).toBe(10 * 1024);
    let seen = 0;
    expect(
      refusal(() => {
        if (sheet) inflateEntry(bytes, sheet, 'lying.xlsx', (c) => (seen += c.length));
      }),
    ).toEqual({
      key: 'limit.sizeMismatch',
      params: { file: 'lying.xlsx', part: 'xl/worksheets/sheet1.xml', declared: '10 KB' },
    });
    // It stopped within the first pieces, not after 100 MiB.
    expect(seen).toBeLessThanOrEqual(10 * 1024);
  });

  test('too many parts, and a file past the size limit, are refused before the directory is read', () => {
    const many: Record<string, Uint8Array> = {};
    for (let i = 0; i <= FILE_LIMITS.zipEntries; i++) many[`p${i}`] = new Uint8Array(0);
    expect(refusal(() => zipEntries(zipSync(many), 'many.xlsx'))).toEqual({
      key: 'limit.zipEntries',
      params: { file: 'many.xlsx', count: '10,001', limit: '10,000' },
    });
    const big = new Uint8Array(FILE_LIMITS.fileBytes + 1);
    expect(refusal(() => zipEntries(big, 'big.xlsx'))).toEqual({
      key: 'limit.fileSize',
      params: { file: 'big.xlsx', size: '64 MB', limit: '64 MB' },
    });
    expect(refusal(() => zipEntries(new Uint8Array(100), 'junk.xlsx')).key).toBe('error.corrupt');
    // A CSV is split by its rows, not by sheets: its own advice.
    expect(refusal(() => guardCsv(big, 'big.csv'))).toEqual({
      key: 'limit.fileSizeCsv',
      params: { file: 'big.csv', size: '64 MB', limit: '64 MB' },
    });
  });
});

describe('guardXlsx: sheets, rows, columns, cells and merges, scanned while inflating', () => {
  test('the sample passes, with its sheets in order', () => {
    const g = guardXlsx(sample, SAMPLE);
    expect(g.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['妇幼卫生', '教育', '民政']),
    );
    expect(g.sheets.every((s) => s.part?.startsWith('xl/worksheets/'))).toBe(true);
    expect(g.cells).toBeGreaterThan(100);
  });

  test.each([
    ['huge-dimension.xlsx', 'limit.dimension', { sheet: '妇幼', ref: 'A1:XFD2000000' }],
    ['cell-beyond-excel.xlsx', 'limit.cell', { sheet: '妇幼', cell: 'A1048577' }],
    ['wide-row.xlsx', 'limit.cell', { sheet: '妇幼', cell: 'XFE1' }],
    ['cols-bomb.xlsx', 'limit.cols', { sheet: '妇幼', min: '1', max: '1000000000' }],
    ['merge-bomb.xlsx', 'limit.merges', { sheet: '妇幼', ref: 'A1:XFD1048576' }],
    ['sheets-20000-listed.xlsx', 'limit.sheets', { limit: '1,000' }],
  ])('%s → %s', (name, key, params) => {
    expect(refusal(() => guardXlsx(hostile(name), name))).toEqual({
      key,
      params: expect.objectContaining({ file: name, ...params }),
    });
  });

  test('the control workbook of the same construction reads', async () => {
    const wb = await parseXlsx(hostile('plain.xlsx'), 'plain.xlsx');
    expect(wb.sheets[0]?.rows).toEqual([
      ['地区', '活产数'],
      ['甲镇', 12],
    ]);
  });

  test('far cells: the grid is refused before it is built, naming both corners', async () => {
    expect(await refusalAsync(parseXlsx(hostile('far-cells.xlsx'), 'far.xlsx'))).toEqual({
      key: 'limit.usedRange',
      params: {
        file: 'far.xlsx',
        sheet: '妇幼',
        from: 'A1',
        to: 'XFD1048576',
        cells: '17,179,869,184',
        limit: '10,000,000',
      },
    });
  });
});

describe('guardCsv: rows, columns, cells and field length, on the bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  test('Excel’s last row is accepted; one more is refused with the line', () => {
    const rows = (n: number) => new Uint8Array(n * 2).fill(0x31).map((b, i) => (i % 2 ? 0x0a : b));
    expect(() => guardCsv(rows(FILE_LIMITS.rows), 'ok.csv')).not.toThrow();
    expect(refusal(() => guardCsv(rows(FILE_LIMITS.rows + 1), 'big.csv'))).toEqual({
      key: 'limit.csvRows',
      params: { file: 'big.csv', limit: '1,048,576', line: '1,048,577' },
    });
  });

  test('a newline inside quotes is data; CRLF is one line end', () => {
    // 1,048,576 records of one quoted field with a line break in it: twice as many lines.
    const quoted = enc('"x\ny"\n'.repeat(FILE_LIMITS.rows));
    expect(() => guardCsv(quoted, 'q.csv')).not.toThrow();
    expect(refusal(() => guardCsv(enc('x\ny\n'.repeat(FILE_LIMITS.rows)), 'q.csv')).key).toBe(
      'limit.csvRows',
    );
    const crlf = enc('a\r\n'.repeat(FILE_LIMITS.rows));
    expect(() => guardCsv(crlf, 'crlf.csv')).not.toThrow();
    expect(refusal(() => guardCsv(enc('a\r'.repeat(FILE_LIMITS.rows + 1)), 'cr.csv')).key).toBe(
      'limit.csvRows',
    );
  });

  test('16,384 columns are accepted, 16,385 refused; with the delimiter of the first line', () => {
    const line = (n: number, d: string) => enc(Array(n).fill('1').join(d) + '\n');
    expect(() => guardCsv(line(16384, ','), 'a.csv')).not.toThrow();
    expect(refusal(() => guardCsv(line(16385, ','), 'b.csv')).params).toMatchObject({
      line: '1',
    });
    expect(refusal(() => guardCsv(line(16385, ';'), 'c.csv')).key).toBe('limit.csvColumns');
    // Commas inside quotes, or in a ;-separated file, are not columns.
    expect(() => guardCsv(enc(`a;b\n"${','.repeat(20000)}";1\n`), 'd.csv')).not.toThrow();
  });

  test('a field beyond a cell’s 32,767 characters, and cells past the limit, are refused', () => {
    expect(refusal(() => guardCsv(hostile('long-field.csv'), 'f.csv'))).toEqual({
      key: 'limit.csvField',
      params: { file: 'f.csv', line: '2', size: '352 KB', limit: '32,767' },
    });
    expect(() => guardCsv(enc(`"${'长'.repeat(32767)}"\n`), 'ok.csv')).not.toThrow();
    const row = enc(`${','.repeat(9999)}\n`); // 10,000 fields
    const many = new Uint8Array(row.length * 1001);
    for (let i = 0; i < 1001; i++) many.set(row, i * row.length);
    expect(refusal(() => guardCsv(many, 'm.csv'))).toEqual({
      key: 'limit.csvCells',
      params: { file: 'm.csv', line: '1,001', limit: '10,000,000' },
    });
  });

  test('GBK text passes the scan and reads as before', () => {
    // 地区,活产数 / 甲镇,12 in GBK.
    const gbk = new Uint8Array([
      0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xbb, 0xee, 0xb2, 0xfa, 0xca, 0xfd, 0x0a, 0xbc, 0xd7, 0xd5,
      0xf2, 0x2c, 0x31, 0x32, 0x0a,
    ]);
    expect(parseCsv(gbk, 'gbk.csv').sheets[0]?.rows).toEqual([
      ['地区', '活产数'],
      ['甲镇', 12],
    ]);
  });
});
