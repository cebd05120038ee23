import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import { monitor, reportSheets } from '../../src/core/monitor';
import { findingsWorkbook } from '../../src/core/output/findings';
import { templateWorkbook } from '../../src/core/output/template';
import type { OutputWorkbook } from '../../src/core/output/spec';
import { parseXlsx } from '../../src/xlsx/parse';
import { writeXlsxBytes } from '../../src/xlsx/write';
import { defaultIndex, defaultProfile, ROOT } from '../support/fixtures';

/**
 * The fast writer (src/xlsx/fast-write.ts) against exceljs's own writer as the oracle: the
 * sample's real report and the blank template, written by both, read back by exceljs, must
 * agree on every cell's value, type and look, and on each sheet's widths, heights, merges,
 * frozen panes, print set-up and print titles.
 */
async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

async function sampleReport(): Promise<OutputWorkbook> {
  const read = async (year: number) => {
    const file = `${ROOT}/samples/${year}年青川市两纲监测数据.xlsx`;
    return parseXlsx(new Uint8Array(readFileSync(file)), file);
  };
  const r = monitor({
    workbooks: [await read(2025)],
    prior: [await read(2024)],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
  });
  return reportSheets(r, defaultProfile(), 'zh', '2026-02-20 09:00').workbook;
}

function look(cell: ExcelJS.Cell) {
  const fill = cell.fill as ExcelJS.FillPattern | undefined;
  return {
    value: cell.value,
    type: cell.type,
    numFmt: cell.numFmt ?? null,
    bold: cell.font?.bold === true,
    italic: cell.font?.italic === true,
    color: cell.font?.color?.argb ?? null,
    fill: fill?.pattern === 'solid' ? (fill.fgColor?.argb ?? null) : null,
    wrap: cell.alignment?.wrapText === true,
    align: cell.alignment?.horizontal ?? null,
    border: cell.border?.top?.style ?? null,
  };
}

/** The frozen panes; no view (exceljs) and a normal view (ours) are the same sheet. */
function frozen(ws: ExcelJS.Worksheet) {
  const v = (ws.views ?? [])[0] as ExcelJS.WorksheetViewFrozen | undefined;
  return v?.state === 'frozen'
    ? { x: v.xSplit ?? 0, y: v.ySplit ?? 0, topLeft: v.topLeftCell }
    : null;
}

function describe_(ws: ExcelJS.Worksheet) {
  const cells: Record<string, ReturnType<typeof look>> = {};
  ws.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      // exceljs gives the cells a merge covers the look of its first cell; Excel shows only that.
      if (cell.isMerged && cell.master !== cell) return;
      const l = look(cell);
      // An empty cell with no look is the same as no cell.
      if (l.value !== null || l.border || l.fill || l.bold) cells[cell.address] = l;
    }),
  );
  const widths: (number | undefined)[] = [];
  for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? 9); // the sheet's default width, as both write it
  const heights: (number | undefined)[] = [];
  for (let r = 1; r <= ws.rowCount; r++) heights.push(ws.getRow(r).height);
  const p = ws.pageSetup;
  return {
    cells,
    widths,
    heights,
    merges: Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort(),
    view: frozen(ws),
    autoFilter: ws.autoFilter ?? null,
    validations: (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model,
    print: {
      orientation: p.orientation,
      fitToPage: p.fitToPage === true,
      fitToWidth: p.fitToPage ? p.fitToWidth : undefined,
      fitToHeight: p.fitToPage ? p.fitToHeight : undefined,
      margins: p.margins,
      paperSize: p.paperSize,
      titlesRow: p.printTitlesRow,
      titlesColumn: p.printTitlesColumn,
      centered: p.horizontalCentered === true,
    },
    headerFooter: {
      odd: ws.headerFooter?.oddHeader ?? null,
      foot: ws.headerFooter?.oddFooter ?? null,
    },
  };
}

async function compare(out: OutputWorkbook, kind: 'report' | 'template') {
  const slow = await load(await writeXlsxBytes(out, kind, 'exceljs'));
  const fast = await load(await writeXlsxBytes(out, kind, 'fast'));
  expect(fast.worksheets.map((w) => w.name)).toEqual(slow.worksheets.map((w) => w.name));
  expect(fast.creator).toBe(slow.creator);
  expect(fast.keywords).toBe(slow.keywords);
  expect(fast.lastModifiedBy).toBe(slow.lastModifiedBy);
  for (const ws of slow.worksheets) {
    const other = fast.getWorksheet(ws.name);
    expect(other).toBeDefined();
    if (other) expect(describe_(other)).toEqual(describe_(ws));
  }
}

describe('the fast writer writes what exceljs writes', () => {
  test('the sample report: every sheet, cell by cell', async () => {
    const out = await sampleReport();
    await compare(out, 'report');
    // The chart is added to the fast writer's package as to exceljs's.
    const files = unzipSync(await writeXlsxBytes(out, 'report', 'fast'));
    expect(Object.keys(files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)).length).toBe(
      out.sheets.reduce((n, s) => n + (s.charts ?? []).length, 0),
    );
    expect(out.sheets.some((s) => (s.charts ?? []).length > 0)).toBe(true);
  });

  test('the blank template, with its validations and column groups', async () => {
    const profile = defaultProfile();
    const out = templateWorkbook(profile, [{ name: '石门镇' }, { name: '城关镇' }], '2025', 'zh');
    await compare(out, 'template');
    // The comparison covers them only if there are some.
    const ws = (await load(await writeXlsxBytes(out, 'template', 'fast'))).worksheets[1];
    const model = (ws as unknown as { dataValidations: { model: Record<string, unknown> } })
      .dataValidations.model;
    expect(Object.keys(model).length).toBeGreaterThan(0);
  });

  test('a findings list past 100 units, with its filter buttons, as exceljs writes it', async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({
      ruleId: 'FE1-01',
      severity: 'error' as const,
      message: `${i + 1}村：男婴活产数与女婴活产数之和不等于活产数`,
      file: "O'Brien.xlsx",
      sheet: '妇幼卫生',
      unit: `${i + 1}村`,
      cells: [{ item: '活产数', cell: `B${i + 2}`, value: 10 }],
    }));
    const out = findingsWorkbook(many, { lang: 'zh' });
    await compare(out, 'template');
    const fast = await load(await writeXlsxBytes(out, 'template', 'fast'));
    // Filter buttons over the header and the 120 rows, columns A to I.
    expect(fast.getWorksheet('全部单位')?.autoFilter).toBe('A1:I121');
    const book = strFromU8(
      unzipSync(await writeXlsxBytes(out, 'template', 'fast'))['xl/workbook.xml']!,
    );
    expect(book).toContain(
      `<definedName name="_xlnm._FilterDatabase" localSheetId="1" hidden="1">&apos;全部单位&apos;!$A$1:$I$121</definedName>`,
    );
  });

  test('text that looks like a formula stays text; control characters are dropped', async () => {
    const wb = await load(
      await writeXlsxBytes(
        {
          sheets: [
            {
              name: "O'Brien & <Co>",
              rows: [
                [
                  { value: '=SUM(A1:A9)' },
                  { value: '@cmd' },
                  { value: 'a\u0001b' },
                  { value: true },
                ],
              ],
            },
          ],
        },
        'report',
        'fast',
      ),
    );
    const ws = wb.getWorksheet("O'Brien & <Co>");
    expect(ws?.getCell('A1').type).toBe(ExcelJS.ValueType.String);
    expect(ws?.getCell('A1').value).toBe('=SUM(A1:A9)');
    expect(ws?.getCell('B1').value).toBe('@cmd');
    expect(ws?.getCell('C1').value).toBe('ab');
    expect(ws?.getCell('D1').value).toBe(true);
  });
});
