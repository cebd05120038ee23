import ExcelJS from 'exceljs';
import type { OutputWorkbook } from '../../src/core/output/spec';
import { writeXlsxBytes } from '../../src/xlsx/write';
import { parseXlsx, parseCsv } from '../../src/xlsx/parse';

async function roundTrip(out: OutputWorkbook): Promise<ExcelJS.Workbook> {
  const bytes = await writeXlsxBytes(out, 'report');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

describe('the exceljs writer', () => {
  test('text that looks like a formula is written as text, never as a formula', async () => {
    const dangerous = ['=SUM(A1:A9)', '+1+1', '-2+3', '@cmd', '=HYPERLINK("http://x","y")'];
    const wb = await roundTrip({
      sheets: [{ name: 'S', rows: dangerous.map((v) => [{ value: v, numberFormat: '@' }]) }],
    });
    const ws = wb.getWorksheet('S');
    dangerous.forEach((v, i) => {
      const cell = ws?.getCell(i + 1, 1);
      expect(cell?.type).toBe(ExcelJS.ValueType.String);
      expect(cell?.value).toBe(v);
      expect(cell?.formula).toBeUndefined();
    });
  });

  test('formats, fills, widths, frozen panes, merges and engine formulas are applied', async () => {
    const wb = await roundTrip({
      sheets: [
        {
          name: '指标汇总',
          rows: [
            [{ value: '标题', bold: true }],
            [
              { value: 92.756, numberFormat: '0.00' },
              { value: '达标', fill: '#C6EFCE', fontColor: '#006100' },
              { value: 3, formula: 'SUM(A2:A2)' },
            ],
          ],
          columnWidths: [12, 8],
          frozenRows: 1,
          frozenColumns: 1,
          merges: ['A1:C1'],
          print: { orientation: 'landscape' },
        },
      ],
    });
    const ws = wb.getWorksheet('指标汇总');
    expect(wb.creator).toBe('Tally');
    expect(ws?.getCell('A1').font?.bold).toBe(true);
    expect(ws?.getCell('A2').numFmt).toBe('0.00');
    expect(ws?.getCell('B2').fill).toMatchObject({
      type: 'pattern',
      pattern: 'solid',
      fgColor: { argb: 'FFC6EFCE' },
    });
    expect(ws?.getCell('B2').font?.color).toEqual({ argb: 'FF006100' });
    expect(ws?.getCell('C2').formula).toBe('SUM(A2:A2)');
    expect(ws?.getColumn(1).width).toBe(12);
    expect(ws?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 1 });
    expect(ws?.getCell('C1').isMerged).toBe(true);
    expect(ws?.pageSetup.orientation).toBe('landscape');
  });
});

describe('the readers', () => {
  test('an .xlsx written and read back keeps numbers, text and blanks', async () => {
    const bytes = await writeXlsxBytes(
      {
        sheets: [
          {
            name: 'T',
            rows: [
              [{ value: '地区' }, { value: '活产数' }],
              [{ value: '东城' }, { value: 12 }],
              [{ value: '西山' }, { value: null }],
            ],
          },
        ],
      },
      'report',
    );
    const wb = await parseXlsx(bytes, 't.xlsx');
    expect(wb.sheets[0]?.rows).toEqual([
      ['地区', '活产数'],
      ['东城', 12],
      ['西山', null],
    ]);
  });

  test('a CSV saved by Chinese Excel (GBK, comma) is decoded', () => {
    // "地区,活产数\r\n东城,12\r\n" in GBK: 地 B5D8 区 C7F8 活 BBEE 产 B2FA 数 CAFD 东 B6AB 城 B3C7
    const gbk = Uint8Array.from([
      0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xbb, 0xee, 0xb2, 0xfa, 0xca, 0xfd, 0x0d, 0x0a, 0xb6, 0xab,
      0xb3, 0xc7, 0x2c, 0x31, 0x32, 0x0d, 0x0a,
    ]);
    const wb = parseCsv(gbk, 'gbk.csv');
    expect(wb.sheets[0]?.rows).toEqual([
      ['地区', '活产数'],
      ['东城', 12],
    ]);
  });

  test('a semicolon CSV from R: NA and empty fields are blanks, quoted text stays text', () => {
    const text = '"size";"staff"\n"sc0";75\n"sc3";NA\n"007";\n';
    const wb = parseCsv(new TextEncoder().encode(text), 'r.csv');
    expect(wb.sheets[0]?.rows).toEqual([
      ['size', 'staff'],
      ['sc0', 75],
      ['sc3', null],
      ['007', null],
    ]);
  });
});
