import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { TallyError } from '../../src/core/errors';
import { asRows } from '../../src/core/model/workbook';
import { parseCsvColumnar } from '../../src/xlsx/csv-columnar';
import { isTallyDocx, writeOutputFile } from '../../src/xlsx/file';
import { parseCsv, parseXlsx } from '../../src/xlsx/parse';
import { parseWorkbook } from '../../src/xlsx/read';
import { parseXlsxColumnar } from '../../src/xlsx/xlsx-columnar';
import { fixturePath } from '../support/fixtures';

/**
 * Every reader of a file goes through the guards: parse.ts (exceljs and csv-parse: rule and
 * targets tables), the columnar readers, and read.ts `parseWorkbook` (the CLI's inputs and the
 * pane's file import). Each hostile fixture of test/fixtures/hostile is refused by each path
 * with the limit its README names, the file named, before anything large is built.
 */

const hostile = (name: string) => new Uint8Array(fs.readFileSync(fixturePath('hostile', name)));

interface Refusal {
  key: string;
  file: unknown;
  sheet: unknown;
}

async function refusal(read: () => unknown): Promise<Refusal> {
  try {
    await read();
  } catch (e) {
    if (!(e instanceof TallyError)) throw e;
    return { key: e.key, file: e.params.file, sheet: e.params.sheet };
  }
  throw new Error('not refused');
}

// The limit each file is refused by, as test/fixtures/hostile/README.md lists them.
const XLSX: [string, string, string | undefined][] = [
  ['zip-bomb.xlsx', 'limit.partSize', undefined],
  ['ratio-bomb.xlsx', 'limit.ratio', undefined],
  ['lying-bomb.xlsx', 'limit.sizeMismatch', undefined],
  ['many-parts-total.xlsx', 'limit.totalSize', undefined],
  ['huge-dimension.xlsx', 'limit.dimension', '妇幼'],
  ['cell-beyond-excel.xlsx', 'limit.cell', '妇幼'],
  ['wide-row.xlsx', 'limit.cell', '妇幼'],
  ['far-cells.xlsx', 'limit.usedRange', '妇幼'],
  ['far-rows.xlsx', 'limit.grid', '妇幼'],
  ['cols-bomb.xlsx', 'limit.cols', '妇幼'],
  ['merge-bomb.xlsx', 'limit.merges', '妇幼'],
  ['sheets-20000-listed.xlsx', 'limit.sheets', undefined],
];

const CSV: [string, string][] = [
  ['wide-line.csv', 'limit.csvColumns'],
  ['long-field.csv', 'limit.csvField'],
  ['ragged.csv', 'limit.csvGrid'],
];

describe('.xlsx: exceljs, the columnar reader and parseWorkbook refuse alike', () => {
  test.each(XLSX)('%s → %s', async (name, key, sheet) => {
    const bytes = hostile(name);
    const want = { key, file: name, sheet };
    expect(await refusal(() => parseXlsx(bytes, name))).toEqual(want);
    expect(await refusal(() => parseXlsxColumnar(bytes, name))).toEqual(want);
    expect(await refusal(() => parseWorkbook(bytes, name))).toEqual(want);
  });

  test('the control of the same construction reads the same on every path', async () => {
    const bytes = hostile('plain.xlsx');
    // scripts/make-hostile.js writes this sheet: a header and one row.
    const want = [
      ['地区', '活产数'],
      ['甲镇', 12],
    ];
    expect((await parseXlsx(bytes, 'plain.xlsx')).sheets[0]?.rows).toEqual(want);
    expect(asRows(parseXlsxColumnar(bytes, 'plain.xlsx').sheets[0]!).rows).toEqual(want);
    expect(asRows(parseWorkbook(bytes, 'plain.xlsx').sheets[0]!).rows).toEqual(want);
  });
});

describe('CSV: csv-parse, the columnar reader and parseWorkbook refuse alike', () => {
  test.each(CSV)('%s → %s', async (name, key) => {
    const bytes = hostile(name);
    const want = { key, file: name, sheet: undefined };
    expect(await refusal(() => parseCsv(bytes, name))).toEqual(want);
    expect(await refusal(() => parseCsvColumnar(bytes, name))).toEqual(want);
    expect(await refusal(() => parseWorkbook(bytes, name))).toEqual(want);
  });
});

describe('an existing file where the output goes is read through the guards too', () => {
  test.each([
    ['zip-bomb.xlsx', 'report' as const],
    ['lying-bomb.xlsx', 'report' as const],
    ['zip-bomb.xlsx', 'docx' as const],
  ])('%s as the --%s target: not Tally’s, so refused; left as it was', async (name, kind) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-guard-'));
    try {
      const target = path.join(dir, kind === 'docx' ? 'out.docx' : 'out.xlsx');
      fs.copyFileSync(fixturePath('hostile', name), target);
      const before = fs.readFileSync(target);
      const write = writeOutputFile(target, new Uint8Array([1, 2, 3]), [], kind);
      expect(await refusal(() => write)).toEqual({
        key: 'error.overwriteForeign',
        file: target,
        sheet: undefined,
      });
      expect(fs.readFileSync(target).equals(before)).toBe(true);
      expect(isTallyDocx(new Uint8Array(before))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
