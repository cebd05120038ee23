import { t } from '../../src/core/messages/index';
import { MAX_ROW_HEIGHT } from '../../src/core/output/fit';
import type { OutputWorkbook } from '../../src/core/output/spec';
import { findingKey } from '../../src/core/validate/result';
import type { ExcelBatch } from '../../src/excel/context';
import { RowTooLargeError } from '../../src/excel/reader';
import { ExcelTally, SheetProtectedError } from '../../src/excel/tally';
import { FakeExcel, jsonBytes, type FakeWorkbookInit } from '../support/fake-excel';

/**
 * What real Excel refuses and the in-memory Excel now refuses too: rows over 409 points,
 * payloads counted as Excel counts them, protected sheets, requests in cell-edit mode.
 */

function tallyOver(init: FakeWorkbookInit, opts: ConstructorParameters<typeof FakeExcel>[1] = {}) {
  const excel = new FakeExcel(init, opts);
  const tally = new ExcelTally({
    name: '当前工作簿',
    run: excel.run as unknown as ExcelBatch,
    createWorkbook: excel.createWorkbook,
    merges: false,
  });
  return { excel, tally };
}

const warning = { ruleId: 'X-01', sheet: '妇幼卫生', unit: '龙潭镇' };

describe('rows taller than Excel allows', () => {
  it('refuses a row height over 409 points, as Excel does', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'S', rows: [[1]] }] });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').format.rowHeight = 410;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('writes a narrative paragraph that needs more than 409 points as several rows, every word kept', async () => {
    // An explanation of about 870 characters quoted in the narrative (issue 12): in a column of
    // 72 characters, 36 Chinese characters a line, that is 25 lines and more at 16 points.
    const sentence =
      '本年度有外地户籍居民在本镇办理结婚登记，婚前医学检查在户籍地进行，已与民政部门逐一核对。';
    const paragraph = sentence.repeat(40);
    expect(paragraph.length).toBeGreaterThan(870);
    const out: OutputWorkbook = {
      sheets: [
        {
          name: '监测报告',
          rows: [
            [{ value: '标题', bold: true }],
            [{ value: paragraph, wrap: true, numberFormat: '@' }],
            [{ value: '下一段', wrap: true }],
          ],
          columnWidths: [72],
          // 870 characters / 35 a line × 16 points: far over 409
          rowHeights: [undefined, 26 * 16 * 2, 16],
        },
      ],
    };
    const { excel, tally } = tallyOver({ sheets: [{ name: 'Data', rows: [[1]] }] });
    await tally.writeReport(out);
    const sheet = excel.sheet('监测报告')!;
    const texts = sheet.table().map((r) => String(r[0]));
    expect(texts[0]).toBe('标题');
    expect(texts[texts.length - 1]).toBe('下一段');
    const parts = texts.slice(1, -1);
    expect(parts.length).toBeGreaterThan(1);
    // Cut between sentences, nothing lost or repeated.
    expect(parts.join('')).toBe(paragraph);
    for (const p of parts) expect(p.endsWith('。')).toBe(true);
    for (let r = 0; r < texts.length; r++) {
      expect(sheet.rowHeight(r)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
    expect(sheet.formatAt(2, 0).wrapText).toBe(true);
  });
});

describe('the payload as Excel counts it', () => {
  it('counts the JSON in UTF-16: two bytes a Chinese character', () => {
    expect(jsonBytes('审核说明')).toBe(2 * '"审核说明"'.length);
    expect(jsonBytes([['ab', 12]])).toBe(2 * '[["ab",12]]'.length);
  });

  it('refuses a request whose Chinese text is over the limit, and a response likewise', async () => {
    const text = '婚'.repeat(1_000);
    // 1,000 characters: 2,012 bytes of JSON in UTF-16 (plus 200 for the action); counted a
    // byte a character, it would fit.
    const small = new FakeExcel(
      { sheets: [{ name: 'S', rows: [[1]] }] },
      { payloadByteLimit: 2_000 },
    );
    await expect(
      small.run(async (context) => {
        const range = context.workbook.worksheets.getItem('S').getRange('A1');
        range.values = [[text]];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
    expect(small.sheet('S')?.valueAt(0, 0)).toBe(1);

    const big = new FakeExcel(
      { sheets: [{ name: 'S', rows: [[text]] }] },
      { payloadByteLimit: 2_000 },
    );
    await expect(
      big.run(async (context) => {
        context.workbook.worksheets.getItem('S').getRange('A1').load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
  });

  it('reads a Chinese workbook over the limit in blocks, as Excel on the web makes it', async () => {
    // 400 rows of 20 characters: 16 KB of response; the limit allows about a quarter.
    const rows = Array.from({ length: 400 }, (_, i) => [
      `乡镇${i}`,
      '核实说明核实说明核实说明核实说明',
    ]);
    const { excel, tally } = tallyOver(
      { sheets: [{ name: '说明', rows }] },
      { payloadByteLimit: 5_000 },
    );
    const read = await tally.read();
    expect(read.workbook.sheets[0]?.rows).toHaveLength(400);
    expect(read.workbook.sheets[0]?.rows[399]?.[0]).toBe('乡镇399');
    expect(excel.requests.some((r) => !r.ok)).toBe(true);
    expect(excel.requests.filter((r) => r.ok).every((r) => r.responseBytes <= 5_000)).toBe(true);
  });
});

describe('a report sheet too big for one request', () => {
  /** 6,000 villages × 27 indicators: 168,000 cells, about 6 MB as Excel on the web counts it. */
  function bigReport(): OutputWorkbook {
    const header = [
      { value: '地区', bold: true, fill: '#DDEBF7' },
      ...Array.from({ length: 27 }, (_, k) => ({
        value: `指标${k + 1}`,
        bold: true,
        fill: '#DDEBF7',
      })),
    ];
    const rows = Array.from({ length: 6_000 }, (_, i) => [
      { value: `第${i + 1}村`, bold: i % 100 === 0 },
      ...Array.from({ length: 27 }, (_, k) => ({
        value: i * 100 + k + 0.25,
        numberFormat: '0.00',
      })),
    ]);
    return {
      sheets: [
        { name: '指标汇总', role: 'summary', rows: [[{ value: '汇总' }]] },
        {
          name: '分单位指标',
          role: 'units',
          rows: [header, ...rows],
          columnWidths: [12],
          frozenRows: 1,
        },
      ],
    };
  }

  it('is written in requests under Excel on the web’s 5 MB, every cell in place, shown once complete', async () => {
    const { excel, tally } = tallyOver(
      { sheets: [{ name: 'Data', rows: [[1]] }] },
      { payloadByteLimit: 5_000_000 },
    );
    const placed = await tally.writeReport(bigReport());
    expect(placed.map((p) => p.name)).toEqual(['指标汇总', '分单位指标']);
    const sheet = excel.sheet('分单位指标')!;
    expect(sheet.visibility).toBe('Visible');
    expect(sheet.valueAt(0, 27)).toBe('指标27');
    expect(sheet.valueAt(6_000, 0)).toBe('第6000村');
    // Village i's indicator k is i × 100 + k + 0.25 (1-based rows after the header).
    expect(sheet.valueAt(6_000, 27)).toBe(5_999 * 100 + 26 + 0.25);
    expect(sheet.valueAt(3_001, 1)).toBe(3_000 * 100 + 0 + 0.25);
    expect(sheet.numberFormatAt(6_000, 27)).toBe('0.00');
    expect(sheet.formatAt(0, 27).bold).toBe(true);
    expect(sheet.formatAt(101, 0).bold).toBe(true);
    expect(sheet.formatAt(102, 0).bold).not.toBe(true);
    expect(sheet.columnWidth(0)).toBeGreaterThan(60);
    const ok = excel.requests.filter((r) => r.ok);
    expect(ok.length).toBeGreaterThan(3);
    expect(ok.every((r) => r.bytes <= 5_000_000)).toBe(true);
    // No temporary sheet is left over; the data sheet is untouched.
    expect(excel.sheets.map((s) => s.name)).toEqual(['Data', '指标汇总', '分单位指标']);
    expect(excel.sheet('Data')?.valueAt(0, 0)).toBe(1);
  });

  it('halves a request Excel still refuses, and a second report replaces the first', async () => {
    const { excel, tally } = tallyOver(
      { sheets: [{ name: 'Data', rows: [[1]] }] },
      { payloadByteLimit: 600_000 },
    );
    await tally.writeReport(bigReport());
    await tally.writeReport(bigReport());
    expect(excel.requests.some((r) => !r.ok)).toBe(true);
    expect(excel.requests.filter((r) => r.ok).every((r) => r.bytes <= 600_000)).toBe(true);
    expect(excel.sheets.map((s) => s.name)).toEqual(['Data', '指标汇总', '分单位指标']);
    expect(excel.sheet('分单位指标')?.valueAt(6_000, 27)).toBe(5_999 * 100 + 26 + 0.25);
  });
});

describe('a row Excel cannot hand over in one response', () => {
  it('stops the reading and names the sheet and the row, as Excel shows them', async () => {
    // The data start in row 2, so 乙镇 is row 4: 3,000 Chinese characters, 6,004 bytes of JSON
    // in UTF-16, over a limit of 5,000; every other row is a few dozen bytes.
    const rows = [
      ['乡镇', '说明'],
      ['甲镇', '无'],
      ['乙镇', '婚'.repeat(3_000)],
      ['丙镇', '无'],
    ];
    const { tally } = tallyOver(
      { sheets: [{ name: '核实说明', origin: { row: 1, col: 0 }, rows }] },
      { payloadByteLimit: 5_000 },
    );
    const failed = tally.read();
    await expect(failed).rejects.toBeInstanceOf(RowTooLargeError);
    await failed.catch((e: RowTooLargeError) => {
      expect(e.code).toBe('RowTooLarge');
      expect([e.sheet, e.row]).toEqual(['核实说明', 4]);
      expect(e.text('zh')).toBe(
        '工作表“核实说明”第 4 行的数据量超出了 Excel 单次能读出的上限（Excel 网页版为 5 MB），Tally 无法读取这张表：请删去这一行中不需要的长文本或多余的列，再重新审核',
      );
    });
  });
});

describe('a protected 审核说明', () => {
  it('is refused with a message that names it and says how to unprotect it', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: '妇幼卫生', rows: [[1]] }] });
    await tally.saveExplanation(warning, '外地来登记');
    const id = excel.sheet('审核说明')!.id;
    excel.sheet('审核说明')!.protected = true;
    const failed = tally.saveExplanation(warning, '改过的说明');
    await expect(failed).rejects.toBeInstanceOf(SheetProtectedError);
    await failed.catch((e: SheetProtectedError) => {
      expect(e.code).toBe('SheetProtected');
      expect(e.text('zh')).toBe(
        '工作表“审核说明”受保护，Tally 无法写入：请先撤销保护（审阅 › 撤销工作表保护），再重试',
      );
    });
    expect(excel.sheet('审核说明')?.id).toBe(id);
    expect(excel.sheet('审核说明')?.table()[1]?.[3]).toBe('外地来登记');
  });
});

describe('审核说明 updated in place', () => {
  it('keeps the same sheet (its id, its place, the user’s column width) when explanations change', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: '妇幼卫生', rows: [[1]] }] });
    await tally.saveExplanation(warning, '第一稿');
    const sheet = excel.sheet('审核说明')!;
    const id = sheet.id;
    sheet.columnWidths.set(4, 99); // a column of the user's, beside Tally's table
    const before = excel.sheets.length;
    await tally.saveExplanation(warning, '第二稿');
    await tally.saveExplanation({ ...warning, unit: '石门镇' }, '另一条');
    expect(excel.sheets).toHaveLength(before);
    expect(excel.sheet('审核说明')).toBe(sheet);
    expect(sheet.id).toBe(id);
    expect(sheet.columnWidth(4)).toBe(99);
    // (sorted as 审核说明 is: 龙潭镇 before 石门镇 in pinyin)
    expect(sheet.table().slice(1)).toEqual([
      ['X-01', '妇幼卫生', '龙潭镇', '第二稿'],
      ['X-01', '妇幼卫生', '石门镇', '另一条'],
    ]);
    // Fewer rows than before: the old last row does not linger.
    const saved = await tally.saveExplanation(warning, '');
    expect(sheet.table().slice(1)).toEqual([['X-01', '妇幼卫生', '石门镇', '另一条']]);
    expect(saved.explanations.has(findingKey(warning))).toBe(false);
  });

  it('saves many explanations at once (an import) in one write', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: '妇幼卫生', rows: [[1]] }] });
    await tally.saveExplanation(warning, '已有');
    const before = excel.syncCount;
    const saved = await tally.saveExplanations(
      new Map([
        [findingKey({ ...warning, unit: '甲镇' }), '甲'],
        [findingKey({ ...warning, unit: '乙镇' }), '乙'],
      ]),
    );
    // the sheets and settings; the sheet's contents and protection; the write
    expect(excel.syncCount - before).toBe(3);
    expect(saved.explanations.size).toBe(3);
    expect(excel.sheet('审核说明')?.table()).toHaveLength(4);
  });
});

describe('cell-edit mode', () => {
  it('fails a request made without delayForCellEdit, as Excel does', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'S', rows: [[1]] }] });
    excel.enterCellEditMode();
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.load('items/name');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
  });

  it('makes every batch of the pane wait until the user leaves the cell, then go on', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: '妇幼卫生', rows: [[1]] }] });
    excel.enterCellEditMode();
    let done = false;
    const saving = tally.saveExplanation(warning, '说明').then((r) => {
      done = true;
      return r;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    expect(excel.sheet('审核说明')).toBeUndefined();
    excel.leaveCellEditMode();
    await saving;
    expect(excel.sheet('审核说明')?.table()[1]?.[3]).toBe('说明');
  });
});

describe('a new workbook', () => {
  it('hands an .xlsx (base64) to Excel to open in a window of its own', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: 'S', rows: [[1]] }] });
    await tally.openWorkbook('UEsDBA==');
    expect(excel.createdWorkbooks).toEqual(['UEsDBA==']);
    await expect(tally.openWorkbook('not base64!')).rejects.toMatchObject({
      code: 'InvalidArgument',
    });
  });

  it('uses a message of the catalogue for a protected sheet', () => {
    expect(t('en', 'pane.sheetProtected', { sheet: 'X' })).toContain('Unprotect Sheet');
  });
});
