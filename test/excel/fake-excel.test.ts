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
    expect(excel.requests.map(({ cells, ok }) => ({ cells, ok }))).toEqual([
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

  it('parses a value written into a general cell as Excel parses typed input, but not text cells', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Second sheet');
      const entries = [['=1+1', '-5', '001', '@x', '+86 1', 'plain']];
      sheet.getRange('A1:F1').values = entries;
      const text = sheet.getRange('A2:F2');
      text.numberFormat = [['@', '@', '@', '@', '@', '@']];
      text.values = entries;
      await context.sync();
    });
    const s = excel.sheet('Second sheet');
    expect(s?.values({ top: 0, left: 0, bottom: 0, right: 5 })).toEqual([
      ['#NAME?', -5, 1, '#NAME?', '#NAME?', 'plain'],
    ]);
    expect([0, 1, 2, 3, 4].map((c) => s?.formulaAt(0, c))).toEqual([
      '=1+1',
      undefined,
      undefined,
      '=x',
      '=+86 1',
    ]);
    expect(s?.table()[1]).toEqual(['=1+1', '-5', '001', '@x', '+86 1', 'plain']);
    expect(s?.formulas.size).toBe(3);
  });

  it('reads no fill as white with pattern None, and keeps patterns, fonts and widths', async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: 'S',
          rows: [[1, 2, 3]],
          fills: {
            B1: '#ddebf7',
            C1: { color: '#FFFF00', pattern: 'Gray25', patternColor: 'red' },
          },
        },
      ],
    });
    await excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem('S');
      const cells = ['A1', 'B1', 'C1'].map((a) => {
        const fill = sheet.getRange(a).format.fill;
        fill.load('color,pattern,patternColor');
        return fill;
      });
      const range = sheet.getRange('A1:B1');
      range.format.font.bold = true;
      range.format.font.color = '#9C0006';
      range.format.horizontalAlignment = 'Center';
      range.format.columnWidth = 60;
      await context.sync();
      expect(cells.map((f) => [f.color, f.pattern, f.patternColor])).toEqual([
        ['#FFFFFF', 'None', '#000000'],
        ['#DDEBF7', 'Solid', '#000000'],
        ['#FFFF00', 'Gray25', '#FF0000'],
      ]);
      cells[1]?.clear();
      const font = sheet.getRange('A1:C1').format.font;
      font.load('bold');
      const width = sheet.getRange('B1').format;
      width.load('columnWidth,horizontalAlignment');
      await context.sync();
      expect(font.bold).toBeNull();
      expect([width.columnWidth, width.horizontalAlignment]).toEqual([60, 'Center']);
    });
    expect(excel.sheet('S')?.allFills()).toEqual({
      C1: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
    });
    expect(excel.sheet('S')?.columnWidth(2)).toBe(48);
  });

  it('adds, renames, hides and deletes sheets by Excel’s rules', async () => {
    const excel = workbook();
    await excel.run(async (context) => {
      const sheets = context.workbook.worksheets;
      const added = sheets.add('报告');
      added.load('id,name,position');
      added.getRange('A1').values = [['x']];
      await context.sync();
      expect([added.name, added.position]).toEqual(['报告', 2]);
      expect(added.id).toMatch(/^\{[0-9A-F-]+\}$/);
      const byId = sheets.getItem(added.id);
      byId.name = '报告二';
      byId.visibility = 'Hidden';
      await context.sync();
      sheets.add('data');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemAlreadyExists' });
      sheets.add('a/b');
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    expect(excel.sheets.map((s) => [s.name, s.visibility])).toEqual([
      ['Data', 'Visible'],
      ['Second sheet', 'Visible'],
      ['报告二', 'Hidden'],
    ]);
    await excel.run(async (context) => {
      context.workbook.worksheets.getItem('Data').delete();
      context.workbook.worksheets.getItem('Second sheet').delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidOperation' });
    });
    // Not a transaction: the first delete stayed done.
    expect(excel.sheets.map((s) => s.name)).toEqual(['Second sheet', '报告二']);
  });

  it('keeps settings as JSON, with null objects for missing keys', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'S', rows: [] }], settings: { a: '1' } });
    await excel.run(async (context) => {
      const settings = context.workbook.settings;
      const a = settings.getItemOrNullObject('a');
      const b = settings.getItemOrNullObject('b');
      a.load('value');
      b.load('value');
      settings.add('c', { list: [1, 2] });
      await context.sync();
      expect([a.isNullObject, a.value, b.isNullObject]).toEqual([false, '1', true]);
      settings.getItem('a').delete();
      await context.sync();
      settings.getItem('a').load('value');
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
    expect([...excel.settings.entries()]).toEqual([['c', { list: [1, 2] }]]);
  });

  it('adds charts, freezes panes, merges, and counts suspended calculation', async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: 'S',
          rows: [
            ['a', 1],
            ['b', 2],
          ],
        },
      ],
    });
    await excel.run(async (context) => {
      context.workbook.application.suspendApiCalculationUntilNextSync();
      const sheet = context.workbook.worksheets.getItem('S');
      const chart = sheet.charts.add('ColumnClustered', sheet.getRange('B1:B2'), 'Columns');
      chart.title.text = '达标率';
      const s0 = chart.series.getItemAt(0);
      s0.setXAxisValues(sheet.getRange('A1:A2'));
      s0.name = '比率';
      chart.setPosition('D2');
      sheet.freezePanes.freezeAt(sheet.getRange('A1:B1'));
      sheet.getRange('A4:B4').merge(false);
      await context.sync();
      sheet.charts.add('Nonsense', sheet.getRange('B1:B2'));
      await expect(context.sync()).rejects.toMatchObject({ code: 'InvalidArgument' });
    });
    const s = excel.sheet('S');
    expect(s?.charts).toEqual([
      {
        id: '{chart-1}',
        name: 'Chart 1',
        type: 'ColumnClustered',
        source: 'B1:B2',
        seriesBy: 'Columns',
        title: '达标率',
        series: [{ name: '比率', values: 'B1:B2', xValues: 'A1:A2' }],
        position: { start: 'D2' },
      },
    ]);
    expect(s?.frozen).toEqual({ rows: 1, columns: 2 });
    expect(s?.merges).toEqual([{ top: 3, left: 0, bottom: 3, right: 1 }]);
    expect(excel.calculationSuspensions).toBe(1);
  });

  it('fails a planted fault once', async () => {
    const excel = workbook();
    excel.faults.push({ op: 'Range.values', code: 'AccessDenied', message: 'protected' });
    await excel.run(async (context) => {
      const r = context.workbook.worksheets.getItem('Data').getRange('A1');
      r.values = [['x']];
      await expect(context.sync()).rejects.toMatchObject({ code: 'AccessDenied' });
      r.values = [['y']];
      await context.sync();
    });
    expect(excel.sheet('Data')?.valueAt(0, 0)).toBe('y');
  });
});

describe('FakeExcel conditional formats', () => {
  it('adds, lists, finds and deletes them, and shows the colour of a rule that holds', async () => {
    const excel = new FakeExcel({
      sheets: [{ name: 'S', rows: [['a', 1, 2]], fills: { B1: '#DDEBF7' } }],
    });
    const sheet = excel.sheet('S');
    await excel.run(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const cf = ws.getRange('B1:C1').conditionalFormats.add('Custom');
      cf.custom.rule.formula = '=N("TallyMark")=0';
      cf.custom.format.fill.color = '#ffc7ce';
      const other = ws.getRange('A1').conditionalFormats.add('Custom');
      other.custom.rule.formula = '=A1>5';
      other.custom.format.fill.color = '#00FF00';
      expect(sheet?.conditionalFormats).toEqual([]);
      await context.sync();
      // Added at the top priority.
      expect(sheet?.conditionalFormats.map((m) => m.formula)).toEqual([
        '=A1>5',
        '=N("TallyMark")=0',
      ]);
      // Nothing but the fake's display changes: the fills are the cells' own.
      expect(sheet?.displayColourOf('B1')).toBe('#FFC7CE');
      expect(sheet?.fillOf('B1')).toEqual({ color: '#DDEBF7', pattern: 'Solid' });
      expect(sheet?.displayColourOf('A1')).toBeUndefined();

      const all = ws.getRange().conditionalFormats;
      all.load('items/id,items/type,items/customOrNullObject/rule/formula');
      const onA1 = ws.getRange('A1').conditionalFormats;
      onA1.load('items/id');
      const first = ws.getRange().conditionalFormats.getItemAt(1);
      first.load('id');
      await context.sync();
      expect(all.items.map((i) => i.customOrNullObject.rule.formula)).toEqual([
        '=A1>5',
        '=N("TallyMark")=0',
      ]);
      expect(onA1.items).toHaveLength(1);
      expect(first.id).toBe(all.items[1]?.id);

      const range = ws.getRange().conditionalFormats.getItem(first.id).getRangeOrNullObject();
      range.load('address');
      ws.getRange().conditionalFormats.getItem(first.id).delete();
      await context.sync();
      expect(range.address).toBe('S!B1:C1');
      expect(sheet?.displayColourOf('B1')).toBe('#DDEBF7');
      ws.getRange().conditionalFormats.getItem(first.id).delete();
      await expect(context.sync()).rejects.toMatchObject({ code: 'ItemNotFound' });
    });
  });

  it('gives a null custom part for a conditional format of another type', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'S', rows: [[1]] }] });
    excel.sheet('S')?.conditionalFormats.push({
      id: '{scale}',
      refs: [{ top: 0, left: 0, bottom: 0, right: 0 }],
      type: 'ColorScale',
      formula: '',
    });
    await excel.run(async (context) => {
      const all = context.workbook.worksheets.getItem('S').getRange().conditionalFormats;
      all.load('items/type,items/customOrNullObject/rule/formula');
      await context.sync();
      expect(all.items.map((i) => [i.type, i.customOrNullObject.isNullObject])).toEqual([
        ['ColorScale', true],
      ]);
    });
  });
});
