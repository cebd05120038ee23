import { OfficeMockObject } from 'office-addin-mock';
import { CellError, type Cell } from '../../src/core/model/cell';
import {
  ExcelWorkbookSource,
  isPayloadTooLarge,
  parseAreas,
  toCell,
  type ReaderContext,
} from '../../src/excel/reader';
import { FakeExcel, type FakeExcelOptions, type FakeWorkbookInit } from '../support/fake-excel';

function sourceOver(
  init: FakeWorkbookInit,
  opts: FakeExcelOptions = {},
  reader: { cellLimit?: number; blockRows?: number; merges?: boolean } = {},
) {
  const excel = new FakeExcel(init, opts);
  const source = new ExcelWorkbookSource({
    name: 'test',
    run: excel.run,
    merges: false,
    ...reader,
  });
  return { excel, source };
}

/** A sheet of `rows` × `cols` numbers, the cell (r, c) holding r * 1000 + c. */
function numbers(rows: number, cols: number): number[][] {
  const out: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = r * 1000 + c;
    out.push(row);
  }
  return out;
}

/** Count the cells that differ from r * 1000 + c, without building a second matrix. */
function mismatches(rows: Cell[][], expectedRows: number, cols: number): number {
  let bad = Math.abs(rows.length - expectedRows);
  rows.forEach((row, r) => {
    if (row.length !== cols) bad++;
    for (let c = 0; c < cols; c++) if (row[c] !== r * 1000 + c) bad++;
  });
  return bad;
}

describe('ExcelWorkbookSource over office-addin-mock', () => {
  it('reads a used range that starts below A1 with the right origin and values', async () => {
    const requested: string[] = [];
    const context: OfficeMockObject = new OfficeMockObject({
      workbook: {
        worksheets: {
          items: [
            {
              name: '出生',
              getUsedRangeOrNullObject: () => context.used,
              getRange: (address: string) => {
                requested.push(address);
                return context.block;
              },
            },
          ],
          // The mock loads `items` as one value; Office.js takes `items/name` for the same.
          load(this: OfficeMockObject) {
            OfficeMockObject.prototype.load.call(this, 'items');
          },
        },
      },
      used: {
        address: '出生!C3:E4',
        rowIndex: 2,
        columnIndex: 2,
        rowCount: 2,
        columnCount: 3,
        values: [
          ['地区', '活产数', ''],
          ['东城街道', 512, '#DIV/0!'],
        ],
      },
      block: {
        values: [
          ['地区', '活产数', ''],
          ['东城街道', 512, '#DIV/0!'],
        ],
      },
    });
    context.used.isNullObject = false;
    const run = <T>(batch: (ctx: ReaderContext) => Promise<T>) =>
      batch(context as unknown as ReaderContext);
    const source = new ExcelWorkbookSource({ run, merges: false });

    const [sheet, ...rest] = await source.readAll();

    expect(rest).toHaveLength(0);
    // The used range's values came with its dimensions: no block was asked for. The one range
    // asked for is the visible-rows probe's; the mock has no visible views, so the reading goes
    // on without the hidden rows (and without failing).
    expect(requested).toEqual(['C3:E4']);
    expect(sheet).toEqual({
      name: '出生',
      origin: { row: 2, col: 2 },
      rows: [
        ['地区', '活产数', null],
        ['东城街道', 512, new CellError('#DIV/0!')],
      ],
    });
  });
});

describe('ExcelWorkbookSource over the fake Excel', () => {
  const titled: FakeWorkbookInit = {
    sheets: [
      {
        name: '妇幼卫生',
        origin: { row: 1, col: 1 },
        rows: [
          ['2025年妇幼健康监测统计表', null, null],
          ['地区', '活产数', '孕产妇死亡数'],
          ['东城街道', 512, '#DIV/0!'],
          ['西山镇', '', '#N/A'],
          ['合计', true, '#not an error'],
        ],
        merges: [{ top: 1, left: 1, bottom: 1, right: 3 }],
      },
      { name: 'Empty', rows: [] },
      {
        name: "O'Brien sheet",
        rows: [
          [null, null],
          [null, 7],
        ],
      },
    ],
  };

  it('converts values, keeps the origin of each used range and reads an empty sheet as no rows', async () => {
    const { source } = sourceOver(titled);
    const sheets = await source.readAll();
    expect(sheets.map((s) => s.name)).toEqual(['妇幼卫生', 'Empty', "O'Brien sheet"]);
    const [births, empty, obrien] = sheets;
    expect(births?.origin).toEqual({ row: 1, col: 1 });
    expect(births?.rows).toEqual([
      ['2025年妇幼健康监测统计表', null, null],
      ['地区', '活产数', '孕产妇死亡数'],
      ['东城街道', 512, new CellError('#DIV/0!')],
      ['西山镇', null, new CellError('#N/A')],
      ['合计', true, '#not an error'],
    ]);
    expect(births?.rows[2]?.[2]).toBeInstanceOf(CellError);
    expect(empty).toEqual({ name: 'Empty', origin: { row: 0, col: 0 }, rows: [] });
    // The used range of a sheet whose only value is at B2 is B2.
    expect(obrien).toEqual({ name: "O'Brien sheet", origin: { row: 1, col: 1 }, rows: [[7]] });
  });

  it('reads merged areas when asked, in sheet coordinates', async () => {
    const { source, excel } = sourceOver(titled, {}, { merges: true });
    const [births, empty] = await source.readAll();
    expect(births?.merges).toEqual([{ top: 1, left: 1, bottom: 1, right: 3 }]);
    expect(empty?.merges).toEqual([]);
    // names; used ranges with their values and merged areas; how many rows are visible
    expect(excel.syncCount).toBe(3);
  });

  it('still reads the values when Excel cannot return the merged areas, sheet by sheet', async () => {
    const merges = Array.from({ length: 600 }, (_, i) => ({
      top: i,
      left: 0,
      bottom: i,
      right: 1,
    }));
    const few = [{ top: 0, left: 0, bottom: 0, right: 2 }];
    const { source, excel } = sourceOver(
      {
        sheets: [
          { name: 'Many', rows: numbers(600, 2), merges },
          { name: 'Few', rows: numbers(3, 3), merges: few },
          // Merged areas outside the values are not asked for.
          {
            name: 'Outside',
            rows: numbers(2, 2),
            merges: [{ top: 900, left: 0, bottom: 900, right: 2 }],
          },
        ],
      },
      {},
      { merges: true },
    );
    const [many, other, outside] = await source.readAll();
    // Only the sheet of too many merged areas goes without them.
    expect(many?.merges).toEqual([]);
    expect(other?.merges).toEqual(few);
    expect(outside?.merges).toEqual([]);
    expect(mismatches(many?.rows ?? [], 600, 2)).toBe(0);
    // names, refused read at once, refused measure, measure again, merges of each sheet, values,
    // the visible rows
    expect(excel.syncCount).toBe(9);
    expect(excel.requests.map((r) => r.ok)).toEqual([
      true,
      false,
      false,
      true,
      false,
      true,
      true,
      true,
      true,
    ]);
  });

  it('treats RangeExceedsLimit as a payload error', () => {
    expect(isPayloadTooLarge({ code: 'RangeExceedsLimit' })).toBe(true);
  });

  it.each([
    [100, 3],
    [10_000, 3],
    [200_000, 3],
  ])(
    'reads a workbook of %i rows in %i syncs (names; values; how many rows are visible)',
    async (rows, syncs) => {
      const { source, excel } = sourceOver({
        sheets: [
          { name: 'A', rows: numbers(rows, 12) },
          { name: 'B', rows: numbers(rows, 5) },
          { name: 'C', rows: [] },
        ],
      });
      const progress: [number, number][] = [];
      const [a, b, c] = await source.readAll((done, total) => progress.push([done, total]));
      expect(mismatches(a?.rows ?? [], rows, 12)).toBe(0);
      expect(mismatches(b?.rows ?? [], rows, 5)).toBe(0);
      expect(c?.rows).toEqual([]);
      expect(excel.syncCount).toBe(syncs);
      expect(progress.at(-1)).toEqual([rows * 17, rows * 17]);
    },
  );

  it('lists the sheets in one sync and reads one sheet in three', async () => {
    const { source, excel } = sourceOver(titled);
    expect(await source.listSheets()).toEqual(['妇幼卫生', 'Empty', "O'Brien sheet"]);
    expect(excel.syncCount).toBe(1);
    const sheet = await source.readSheet("O'Brien sheet");
    expect(sheet.rows).toEqual([[7]]);
    // its used range; its values; how many of its rows are visible
    expect(excel.syncCount).toBe(4);
  });

  it('passes on an error that is not about size, such as a missing sheet', async () => {
    const { source } = sourceOver(titled);
    await expect(source.readSheet('Nope')).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('reads 200,000 rows in blocks of 10,000 rows above five million cells', async () => {
    const { source, excel } = sourceOver({ sheets: [{ name: 'Big', rows: numbers(200_000, 26) }] });
    const [big] = await source.readAll();
    expect(mismatches(big?.rows ?? [], 200_000, 26)).toBe(0);
    // names + all at once (Excel returns no values) + used ranges + 20 blocks of 10,000 rows
    // + how many rows are visible
    expect(excel.syncCount).toBe(24);
    // The 20 blocks, then the visible-rows probe (no values).
    expect(excel.requests.slice(3, 23).every((r) => r.ok && r.cells === 260_000)).toBe(true);
    expect(excel.requests.slice(23).map((r) => [r.cells, r.ok])).toEqual([[0, true]]);
    // Known to be above the limit now: the next read does not try all at once.
    const before = excel.syncCount;
    await source.readAll();
    expect(excel.syncCount - before).toBe(23);
  });

  it('halves the block when Excel refuses the payload, and keeps the smaller block', async () => {
    const { source, excel } = sourceOver(
      { sheets: [{ name: 'Big', rows: numbers(200_000, 26) }] },
      { payloadCellLimit: 200_000 },
    );
    const progress: number[] = [];
    const [big] = await source.readAll((done) => progress.push(done));
    expect(mismatches(big?.rows ?? [], 200_000, 26)).toBe(0);
    // names + all at once (no values) + used ranges + one refused block of 10,000 rows
    // + 40 blocks of 5,000 rows + how many rows are visible
    expect(excel.syncCount).toBe(45);
    const blocks = excel.requests.slice(3, -1);
    expect(blocks[0]).toMatchObject({ cells: 260_000, ok: false });
    expect(blocks.slice(1).every((r) => r.ok && r.cells === 130_000)).toBe(true);
    expect(progress.at(-1)).toBe(200_000 * 26);
  });

  it('falls back to blocks when the whole-workbook request is refused', async () => {
    const { source, excel } = sourceOver(
      {
        sheets: [
          { name: 'A', rows: numbers(1_000, 10) },
          { name: 'B', rows: numbers(1_000, 10) },
          { name: 'C', rows: numbers(1_000, 10) },
        ],
      },
      { payloadCellLimit: 12_000, payloadErrorCode: 'ResponsePayloadSizeLimitExceeded' },
    );
    const sheets = await source.readAll();
    for (const s of sheets) expect(mismatches(s.rows, 1_000, 10)).toBe(0);
    // names, all at once with the used ranges (refused), used ranges, blocks: the values are
    // not asked for all at once a second time
    expect(excel.requests.map((r) => [r.cells, r.ok])).toEqual([
      [0, true],
      [30_000, false],
      [0, true],
      [10_000, true],
      [10_000, true],
      [10_000, true],
      // how many rows are visible
      [0, true],
    ]);
  });

  it('treats values Excel returned as null as too large, and halves', async () => {
    const { source, excel } = sourceOver(
      { sheets: [{ name: 'A', rows: numbers(2_000, 4) }] },
      { rangeCellLimit: 3_000 },
      { cellLimit: 10_000, blockRows: 1_000 },
    );
    const [a] = await source.readAll();
    expect(mismatches(a?.rows ?? [], 2_000, 4)).toBe(0);
    // names, all at once with the used range (null), used range, 1,000 rows (null), 4 × 500 rows,
    // how many rows are visible
    expect(excel.syncCount).toBe(9);
  });

  it('gives up when not even one row fits, naming the sheet and row, Excel’s error kept', async () => {
    const { source } = sourceOver(
      { sheets: [{ name: 'Wide', rows: numbers(4, 50) }] },
      { payloadCellLimit: 30 },
    );
    // 50 cells a row, 30 a request: the first row (row 1 of the sheet) cannot be read.
    await expect(source.readAll()).rejects.toMatchObject({
      code: 'RowTooLarge',
      sheet: 'Wide',
      row: 1,
      cause: { code: 'RequestPayloadSizeLimitExceeded' },
    });
  });
});

describe('value conversion', () => {
  it('reads exact Excel error codes as errors and nothing else', () => {
    expect(toCell('#REF!')).toEqual(new CellError('#REF!'));
    expect(toCell('#ref!')).toBe('#ref!');
    expect(toCell(' #N/A')).toBe(' #N/A');
    expect(toCell('')).toBeNull();
    expect(toCell(' ')).toBe(' ');
    expect(toCell(0)).toBe(0);
    expect(toCell(false)).toBe(false);
    expect(toCell(null)).toBeNull();
  });

  it('parses the merged areas of a RangeAreas address', () => {
    expect(parseAreas("Sheet1!A1:E1, Sheet1!B2:D2, 'a, b'!$F$3")).toEqual([
      { top: 0, left: 0, bottom: 0, right: 4 },
      { top: 1, left: 1, bottom: 1, right: 3 },
      { top: 2, left: 5, bottom: 2, right: 5 },
    ]);
  });

  it('knows Excel’s payload errors by code', () => {
    expect(isPayloadTooLarge({ code: 'RequestPayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'ResponsePayloadSizeLimitExceeded' })).toBe(true);
    expect(isPayloadTooLarge({ code: 'GeneralException' })).toBe(false);
    expect(isPayloadTooLarge(new Error('x'))).toBe(false);
  });
});

describe('hidden rows in the open workbook (HIDDEN_ROWS, as the file readers give it)', () => {
  const form = (n: number) => [
    ['乡镇', '活产数'],
    ...Array.from({ length: n }, (_, i) => [`乡镇${i + 1}`, 100 + i]),
  ];

  it('lists the hidden rows in sheet coordinates, below a used range that starts at B3', async () => {
    // Rows 5 and 7 of the sheet (0-based 4 and 6) hidden; the form starts at B3.
    const { source, excel } = sourceOver({
      sheets: [
        { name: '妇幼', origin: { row: 2, col: 1 }, rows: form(6), hiddenRows: [4, 6] },
        { name: '无隐藏', rows: form(3) },
      ],
    });
    const [a, b] = await source.readAll();
    expect(a?.hiddenRows).toEqual([4, 6]);
    expect(b?.hiddenRows).toBeUndefined();
    // names; values; how many rows are visible; the visible rows of 妇幼 (the only one with any)
    expect(excel.syncCount).toBe(4);
  });

  it('finds them when the first column is hidden too, and through readSheet', async () => {
    const { source } = sourceOver({
      sheets: [{ name: 'S', rows: form(4), hiddenRows: [2], hiddenColumns: [0] }],
    });
    expect((await source.readSheet('S')).hiddenRows).toEqual([2]);
  });

  it('reads the visible rows of a long sheet in blocks of 50,000', async () => {
    const { source, excel } = sourceOver({
      sheets: [{ name: 'Long', rows: form(120_000), hiddenRows: [5, 100_003] }],
    });
    const [sheet] = await source.readAll();
    expect(sheet?.hiddenRows).toEqual([5, 100_003]);
    // names; values; how many are visible; three blocks of addresses (50,000 + 50,000 + 20,001)
    expect(excel.syncCount).toBe(6);
  });

  it('says nothing of rows when every column is hidden (nothing can be told)', async () => {
    const { source } = sourceOver({
      sheets: [{ name: 'S', rows: form(3), hiddenRows: [1], hiddenColumns: [0, 1] }],
    });
    expect((await source.readSheet('S')).hiddenRows).toBeUndefined();
  });
});

describe('percent-formatted numbers of the 指标目标 sheet (as the file readers give them)', () => {
  it('lists the numbers shown as a percentage, in sheet coordinates, for the targets sheet only', async () => {
    // `95%` typed into C2 is 0.95 formatted 0%; `2%` in D3 is 0.02 formatted 0.0%; the 2020 in
    // E3 is a plain number; a form's percent cell is not asked about.
    const { source, excel } = sourceOver({
      sheets: [
        {
          name: '指标目标',
          rows: [
            ['编号', '目标', '容差', '基期年份', '基期值'],
            ['C10', 0.95, null, null, null],
            ['W06', '45%左右', 0.02, 2020, 0.4],
          ],
          numberFormats: { B2: '0%', C3: '0.0%', E3: '0"%"' },
        },
        {
          name: '妇幼',
          rows: [
            ['乡镇', '活产数'],
            ['甲镇', 0.5],
          ],
          numberFormats: { B2: '0%' },
        },
      ],
    });
    const [targets, form] = await source.readAll();
    expect(targets?.percentCells).toEqual([1, 1, 2, 2]);
    expect(form?.percentCells).toBeUndefined();
    // names; values; the visible rows; the targets sheet's number formats
    expect(excel.syncCount).toBe(4);
  });
});

describe('hidden sheets in the open workbook (HIDDEN_SHEET, as the file readers give it)', () => {
  it('marks a hidden and a very hidden sheet, in the same requests', async () => {
    const rows = [
      ['乡镇', '活产数'],
      ['甲镇', 100],
    ];
    const { source, excel } = sourceOver({
      sheets: [
        { name: 'A', rows },
        { name: 'B', rows, visibility: 'Hidden' },
        { name: 'C', rows, visibility: 'VeryHidden' },
      ],
    });
    const sheets = await source.readAll();
    expect(sheets.map((s) => s.hidden ?? false)).toEqual([false, true, true]);
    // names (with their visibility); values; the visible rows
    expect(excel.syncCount).toBe(3);
  });
});
