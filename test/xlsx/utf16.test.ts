import { parseCsv } from '../../src/xlsx/parse';
import { parseCsvColumnar } from '../../src/xlsx/csv-columnar';
import { toSheetData } from '../../src/core/model/columnar';

/**
 * Excel's "Unicode 文本" (.txt) and some systems' CSV export are UTF-16 with a byte-order mark,
 * tab-separated (a title line with its empty cells, as Excel writes the grid): read as the same
 * cells as the UTF-8 file, never as "no header" garbage.
 */
const TEXT = '2025年教育事业统计表\t\t\n乡镇（街道）\t3-5岁儿童数\t在园幼儿数\n丁镇\t100\t10\n';

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from(`\uFEFF${text}`, 'utf16le');
  if (!bigEndian) return new Uint8Array(le);
  const be = Buffer.alloc(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1] ?? 0;
    be[i + 1] = le[i] ?? 0;
  }
  return new Uint8Array(be);
}

const expected = [
  ['2025年教育事业统计表', null, null],
  ['乡镇（街道）', '3-5岁儿童数', '在园幼儿数'],
  ['丁镇', 100, 10],
];

test.each([
  ['UTF-16LE', false],
  ['UTF-16BE', true],
])('%s with its BOM reads as the UTF-8 text does, in both CSV readers', (_name, bigEndian) => {
  const bytes = utf16(TEXT, bigEndian);
  const rows = parseCsv(bytes, '丁.txt', '丁').sheets[0];
  expect(rows && 'rows' in rows ? rows.rows : undefined).toEqual(expected);
  const columnar = parseCsvColumnar(bytes, '丁.txt', '丁').sheets[0];
  expect(columnar ? toSheetData(columnar).rows : undefined).toEqual(expected);
});
