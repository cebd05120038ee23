import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
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

describe('print settings as the file format wants them', () => {
  const sheet = {
    name: 'S',
    rows: Array.from({ length: 8 }, (_, r) =>
      Array.from({ length: 6 }, (_, c) => ({ value: r * 10 + c })),
    ),
    borders: ['A5:F6'],
    columnGroups: [{ first: 4, last: 5, collapsed: true }],
    print: {
      orientation: 'landscape' as const,
      fitToWidth: 1,
      titleRows: { first: 4, last: 4 },
      titleColumns: { first: 0, last: 3 },
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
      centerHorizontally: true,
      header: { left: ['R&D 2025年'], center: [{ field: 'sheet' as const }] },
      footer: {
        center: ['第 ', { field: 'page' as const }, ' 页，共 ', { field: 'pages' as const }, ' 页'],
      },
      breaksBefore: [6],
    },
  };
  let xml = '';
  let workbookXml = '';
  beforeAll(async () => {
    const files = unzipSync(await writeXlsxBytes({ sheets: [sheet] }, 'report'));
    xml = strFromU8(files['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    workbookXml = strFromU8(files['xl/workbook.xml'] ?? new Uint8Array());
  });

  test('fit to one page wide: pageSetUpPr fitToPage, fitToWidth 1, fitToHeight 0, A4 landscape', () => {
    // Without <pageSetUpPr fitToPage="1"/> Excel and LibreOffice ignore fitToWidth.
    expect(xml).toContain('<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>');
    const setup = /<pageSetup [^>]*>/.exec(xml)?.[0] ?? '';
    expect(setup).toContain('paperSize="9"');
    expect(setup).toContain('orientation="landscape"');
    expect(setup).toContain('fitToWidth="1"');
    expect(setup).toContain('fitToHeight="0"');
    expect(xml).toContain('<printOptions horizontalCentered="1"/>');
    expect(xml).toContain(
      '<pageMargins left="0.4" right="0.4" top="0.6" bottom="0.6" header="0.25" footer="0.25"/>',
    );
  });

  test('a column 9 wide stays 9 wide: exceljs leaves it out as default, so the sheet says 9', () => {
    expect(xml).toMatch(/<sheetFormatPr [^>]*defaultColWidth="9"/);
  });

  test('print titles are the sheet-local defined name _xlnm.Print_Titles', () => {
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Titles" localSheetId="0">&apos;S&apos;!$A:$D,&apos;S&apos;!$5:$5</definedName>`,
    );
  });

  test('header and footer codes: fields as &A, &P, &N; a literal & doubled', () => {
    expect(xml).toContain('<oddHeader>&amp;LR&amp;&amp;D 2025年&amp;C&amp;A</oddHeader>');
    expect(xml).toContain('<oddFooter>&amp;C第 &amp;P 页，共 &amp;N 页</oddFooter>');
  });

  test('a page break above row 7, thin borders on the table, the internal columns collapsed', () => {
    expect(xml).toMatch(
      /<rowBreaks count="1" manualBreakCount="1"><brk id="6" max="16383" man="1"\/><\/rowBreaks>/,
    );
    // Each of the two columns hidden in a group of level 1 (attributes in any order).
    for (const c of [5, 6]) {
      const col = new RegExp(`<col min="${c}" max="${c}"[^>]*>`).exec(xml)?.[0] ?? '';
      expect(col).toMatch(/ width="[\d.]+"/);
      expect(col).toContain(' hidden="1"');
      expect(col).toContain(' outlineLevel="1"');
    }
  });

  test('borders around every cell of the bordered range, none outside it', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(
      (await writeXlsxBytes({ sheets: [sheet] }, 'report')).slice().buffer as ArrayBuffer,
    );
    const ws = wb.getWorksheet('S');
    for (const ref of ['A5', 'F5', 'C6', 'F6']) {
      expect([
        ref,
        ws?.getCell(ref).border?.top?.style,
        ws?.getCell(ref).border?.right?.style,
      ]).toEqual([ref, 'thin', 'thin']);
    }
    for (const ref of ['A4', 'A7', 'F8'])
      expect([ref, ws?.getCell(ref).border]).toEqual([ref, undefined]);
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
