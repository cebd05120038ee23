import { CellError } from '../../src/core/model/cell';
import { FakeExcel, FakeOfficeError } from '../support/fake-excel';

/**
 * The fake stands in for Office.js in the adapter's tests and in the browser test, so it must
 * keep Office.js's rules: nothing is read or written before context.sync().
 */
function workbook() {
  return new FakeExcel({
    sheets: [
      {
        name: 'Data',
        origin: { row: 1, col: 1 },
        rows: [
          ['地区', '活产数'],
          ['东城', 5],
          ['西山', new CellError('#DIV/0!')],
        ],
      },
      { name: 'Second sheet', rows: [] },
    ],
  });
}

describe('FakeExcel', () => {
  it('throws PropertyNotLoaded before load and before sync, like Office.js', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const range = context.workbook.worksheets.getItem('Data').getRange('B2:C3');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      const pending = context.sync();
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await pending;
      expect(range.values).toEqual([
        ['地区', '活产数'],
        ['东城', 5],
      ]);
      expect(() => range.address).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
    expect(excel.syncCount).toBe(1);
  });

  it('returns errors as their code and empty cells as empty strings', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const used = context.workbook.worksheets.getItem('Data').getUsedRangeOrNullObject(true);
      used.load('address,rowIndex,columnIndex,rowCount,columnCount,values');
      await context.sync();
      expect(used.isNullObject).toBe(false);
      expect([
        used.address,
        used.rowIndex,
        used.columnIndex,
        used.rowCount,
        used.columnCount,
      ]).toEqual(['Data!B2:C4', 1, 1, 3, 2]);
      expect(used.values[2]).toEqual(['西山', '#DIV/0!']);
      const wider = context.workbook.worksheets.getItem('Data').getRange('A1:B2');
      wider.load('values');
      await context.sync();
      expect(wider.values).toEqual([
        ['', ''],
        ['', '地区'],
      ]);
    });
  });

  it('reports a null object only after a sync', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const used = sheets.getItem('Second sheet').getUsedRangeOrNullObject(true);
      const missing = sheets.getItemOrNullObject('Nope');
      expect(() => used.isNullObject).toThrow(FakeOfficeError);
      await context.sync();
      expect(used.isNullObject).toBe(true);
      expect(missing.isNullObject).toBe(true);
    });
  });

  it('loads the worksheets collection with items/name and quotes names in addresses', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items.map((s) => s.name)).toEqual(['Data', 'Second sheet']);
      const r = sheets.items[1]!.getRange('C3');
      r.load('address');
      await context.sync();
      expect(r.address).toBe("'Second sheet'!C3");
    });
  });

  it('fails the sync with ItemNotFound for a missing sheet', async () => {
    const excel = workbook();
    await expect(
      excel.run(async (context) => {
        const r = context.workbook.worksheets.getItem('Nope').getRange('A1');
        r.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('writes values and fills at sync, selects, and flushes what is left at the end of run', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Second sheet');
      const range = sheet.getRange('A1:B1');
      range.values = [[1, 'x']];
      range.format.fill.color = 'yellow';
      expect(excel.sheet('Second sheet')?.valueAt(0, 0)).toBe('');
      await context.sync();
      expect(excel.sheet('Second sheet')?.valueAt(0, 1)).toBe('x');
      const fill = sheet.getRange('A1:B1').format.fill;
      fill.load('color');
      const mixed = sheet.getRange('A1:C1');
      mixed.load('format/fill/color');
      await context.sync();
      expect(fill.color).toBe('#FFFF00');
      expect(mixed.format.fill.color).toBeNull();
      sheet.getRange('B1').select();
    });
    expect(excel.syncCount).toBe(3);
    expect(excel.selection).toEqual({ sheet: 'Second sheet', address: 'B1' });
    expect(excel.activeSheet).toBe('Second sheet');
    await excel.run(async (context) => {
      const active = context.workbook.worksheets.getActiveWorksheet();
      active.load('name');
      await context.sync();
      expect(active.name).toBe('Second sheet');
    });
  });

  it('refuses a request above the payload limit and applies none of it', async () => {
    const excel = new FakeExcel(
      { sheets: [{ name: 'S', rows: [[1, 2, 3]] }] },
      { payloadCellLimit: 2 },
    );
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const small = sheet.getRange('A1:B1');
      const big = sheet.getRange('A1:C1');
      small.load('values');
      big.load('values');
      await expect(context.sync()).rejects.toMatchObject({
        code: 'RequestPayloadSizeLimitExceeded',
      });
      expect(() => small.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      small.load('values');
      await context.sync();
      expect(small.values).toEqual([[1, 2]]);
    });
    expect(excel.requests).toEqual([
      { cells: 5, ok: false },
      { cells: 2, ok: true },
    ]);
  });

  it('returns null values above the get limit of one range', async () => {
    const excel = new FakeExcel(
      { sheets: [{ name: 'S', rows: [[1, 2, 3]] }] },
      { rangeCellLimit: 2 },
    );
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('S').getRange('A1:C1');
      r.load('values');
      await context.sync();
      expect(r.values).toBeNull();
    });
  });
});
