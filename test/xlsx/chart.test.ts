import ExcelJS from 'exceljs';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { strFromU8, unzipSync } from 'fflate';
import type { OutputWorkbook } from '../../src/core/output/spec';
import { addCharts, insertDrawing, sheetRef } from '../../src/xlsx/chart';
import { writeXlsxBytes } from '../../src/xlsx/write';

/**
 * The DrawingML chart part added to the package exceljs writes (ECMA-376 Part 1: §21.2 for
 * the chart, §20.5 for the spreadsheet drawing, §18.3.1.99 for CT_Worksheet's order). The
 * LibreOffice test (test/xlsx/libreoffice.test.ts) checks that the chart is drawn.
 */
const out: OutputWorkbook = {
  sheets: [
    { name: 'Cover', rows: [[{ value: 'first sheet, no chart' }]] },
    {
      name: "O'Brien 汇总",
      rows: [
        [{ value: '领域' }, { value: '达标率' }],
        [{ value: '健康' }, { value: 86.7, numberFormat: '0.0' }],
        [{ value: '经济 & <就业>' }, { value: 100, numberFormat: '0.0' }],
        [{ value: '安全' }, { value: null, numberFormat: '0.0' }],
      ],
      print: {
        orientation: 'landscape',
        fitToWidth: 1,
        footer: { center: ['第 ', { field: 'page' }, ' 页'] },
      },
      charts: [
        {
          kind: 'column',
          title: '各领域指标达标率',
          categories: 'A2:A4',
          series: [{ name: '达标率(%)', values: 'B2:B4' }],
          anchor: 'D2',
          to: 'J18',
          percentAxis: true,
        },
      ],
    },
  ],
};

let files: Record<string, Uint8Array>;
const text = (name: string) => {
  const f = files[name];
  if (!f) throw new Error(`no part ${name}`);
  return strFromU8(f);
};
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseAttributeValue: true,
});

beforeAll(async () => {
  files = unzipSync(await writeXlsxBytes(out, 'report'));
});

test('the chart, its drawing and their relationships are in the package and well-formed', () => {
  for (const part of [
    'xl/charts/chart1.xml',
    'xl/drawings/drawing1.xml',
    'xl/drawings/_rels/drawing1.xml.rels',
    'xl/worksheets/_rels/sheet2.xml.rels',
    '[Content_Types].xml',
    'xl/worksheets/sheet2.xml',
  ]) {
    expect([part, XMLValidator.validate(text(part))]).toEqual([part, true]);
  }
  const types = text('[Content_Types].xml');
  expect(types).toContain(
    '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>',
  );
  expect(types).toContain(
    '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>',
  );
  // Only the sheet with a chart gets a drawing.
  expect(text('xl/worksheets/sheet1.xml')).not.toContain('<drawing');
  expect(files['xl/worksheets/_rels/sheet1.xml.rels']).toBeUndefined();
});

test('the sheet refers to its drawing, and the drawing to the chart, through their relationships', () => {
  const sheet = text('xl/worksheets/sheet2.xml');
  const id = /<drawing r:id="(rId\d+)"\/>/.exec(sheet)?.[1];
  expect(id).toBeDefined();
  // After the page set-up and header/footer, before the end (CT_Worksheet's sequence).
  expect(sheet.indexOf('<pageSetup')).toBeLessThan(sheet.indexOf('<drawing'));
  expect(sheet.indexOf('<headerFooter')).toBeLessThan(sheet.indexOf('<drawing'));
  const sheetRels = parser.parse(text('xl/worksheets/_rels/sheet2.xml.rels'));
  const rels = [sheetRels.Relationships.Relationship].flat();
  expect(rels).toContainEqual({
    '@Id': id,
    '@Type': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing',
    '@Target': '../drawings/drawing1.xml',
  });
  const drawing = parser.parse(text('xl/drawings/drawing1.xml'));
  const anchor = drawing['xdr:wsDr']['xdr:twoCellAnchor'];
  // D2 is column 3, row 1 (0-based); J18 is column 9, row 17.
  expect(anchor['xdr:from']).toMatchObject({ 'xdr:col': 3, 'xdr:row': 1 });
  expect(anchor['xdr:to']).toMatchObject({ 'xdr:col': 9, 'xdr:row': 17 });
  const chartRel = anchor['xdr:graphicFrame']['a:graphic']['a:graphicData']['c:chart']['@r:id'];
  const drawingRels = parser.parse(text('xl/drawings/_rels/drawing1.xml.rels'));
  expect(drawingRels.Relationships.Relationship).toEqual({
    '@Id': chartRel,
    '@Type': 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart',
    '@Target': '../charts/chart1.xml',
  });
});

test('the chart refers to the cells and caches their values, a blank as a missing point', () => {
  const chart = parser.parse(text('xl/charts/chart1.xml'))['c:chartSpace']['c:chart'];
  const bar = chart['c:plotArea']['c:barChart'];
  expect(bar['c:barDir']['@val']).toBe('col');
  const ser = bar['c:ser'];
  expect(ser['c:tx']['c:v']).toBe('达标率(%)');
  expect(ser['c:cat']['c:strRef']['c:f']).toBe("'O''Brien 汇总'!$A$2:$A$4");
  expect(
    ser['c:cat']['c:strRef']['c:strCache']['c:pt'].map((p: { 'c:v': string }) => p['c:v']),
  ).toEqual(['健康', '经济 & <就业>', '安全']);
  const num = ser['c:val']['c:numRef'];
  expect(num['c:f']).toBe("'O''Brien 汇总'!$B$2:$B$4");
  expect(num['c:numCache']['c:ptCount']['@val']).toBe(3);
  // 安全 has no value: no point 2.
  expect(num['c:numCache']['c:pt']).toEqual([
    { '@idx': 0, 'c:v': 86.7 },
    { '@idx': 1, 'c:v': 100 },
  ]);
  expect(text('xl/charts/chart1.xml')).toContain('<c:formatCode>0.0</c:formatCode>');
  // A share: the value axis runs from 0 to 100.
  const scaling = chart['c:plotArea']['c:valAx']['c:scaling'];
  expect([scaling['c:min']['@val'], scaling['c:max']['@val']]).toEqual([0, 100]);
  expect(chart['c:title']['c:tx']['c:rich']['a:p']['a:r']['a:t']).toBe('各领域指标达标率');
});

test('exceljs still reads the workbook, values and print settings intact', async () => {
  const bytes = await writeXlsxBytes(out, 'report');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  const ws = wb.getWorksheet("O'Brien 汇总");
  expect(ws?.getCell('A3').value).toBe('经济 & <就业>');
  expect(ws?.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
});

test('a workbook without charts is returned as it was', async () => {
  const bytes = await writeXlsxBytes({ sheets: [{ name: 'S', rows: [[{ value: 1 }]] }] }, 'report');
  expect(addCharts(bytes, { sheets: [{ name: 'S', rows: [] }] })).toBe(bytes);
});

describe('the drawing element goes where CT_Worksheet wants it', () => {
  test('before the table parts and extensions', () => {
    const xml =
      '<worksheet><sheetData/><pageMargins/><pageSetup/><tableParts count="1"/><extLst/></worksheet>';
    expect(insertDrawing(xml, 'rId3')).toBe(
      '<worksheet><sheetData/><pageMargins/><pageSetup/><drawing r:id="rId3"/><tableParts count="1"/><extLst/></worksheet>',
    );
  });
  test('at the end when nothing follows it', () => {
    expect(insertDrawing('<worksheet><sheetData/></worksheet>', 'rId1')).toBe(
      '<worksheet><sheetData/><drawing r:id="rId1"/></worksheet>',
    );
  });
  test('never a second drawing on a sheet', () => {
    expect(() => insertDrawing('<worksheet><drawing r:id="rId1"/></worksheet>', 'rId2')).toThrow(
      /already has a drawing/,
    );
  });
});

test('formula references quote the sheet name and double its apostrophes', () => {
  expect(sheetRef('指标汇总', 'A37:A44')).toBe("'指标汇总'!$A$37:$A$44");
  expect(sheetRef("O'Brien", 'E5')).toBe("'O''Brien'!$E$5");
});
