import { rangeA1 } from '../../src/core/model/a1';
import type { Finding } from '../../src/core/validate/result';
import {
  MARK_COLOURS,
  MARK_RULES,
  MAX_ADDRESS_CHARS,
  addressLists,
  markTargets,
  rectangles,
} from '../../src/excel/highlight';
import { ExcelTally } from '../../src/excel/tally';
import type { ExcelBatch } from '../../src/excel/context';
import {
  FakeExcel,
  MAX_RANGES_ADDRESS,
  type FakeExcelOptions,
  type FakeWorkbookInit,
} from '../support/fake-excel';

const RED = MARK_COLOURS.error;
const YELLOW = MARK_COLOURS.warning;

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'cells'>): Finding {
  return {
    severity: 'error',
    message: 'm',
    file: 'live',
    sheet: 'Data',
    unit: 'u',
    ...over,
  };
}

/** A workbook with fills of every kind: solid, patterned, deliberately white, none. */
function init(): FakeWorkbookInit {
  return {
    sheets: [
      {
        name: 'Data',
        rows: [
          ['unit', 'a', 'b', 'c'],
          ['x', 1, 2, 3],
          ['y', 4, 5, 6],
        ],
        fills: {
          B2: '#DDEBF7',
          C2: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
          D2: '#FFFFFF',
          A1: '#C0C0C0',
        },
      },
      { name: 'Other', rows: [['k'], [7]], fills: { A2: '#E2EFDA' } },
    ],
  };
}

function tallyOver(excel: FakeExcel) {
  return new ExcelTally({ name: 'live', run: excel.run as unknown as ExcelBatch, merges: false });
}

function fills(excel: FakeExcel) {
  return Object.fromEntries(excel.sheets.map((s) => [s.name, s.allFills()]));
}

const display = (excel: FakeExcel, sheet: string, cells: string[]) =>
  cells.map((c) => excel.sheet(sheet)?.displayColourOf(c));
const rules = (excel: FakeExcel, sheet: string) =>
  excel
    .sheet(sheet)
    ?.conditionalFormats.map((cf) => `${cf.refs.map((r) => rangeA1(r)).join(',')} ${cf.formula}`);

const findings: Finding[] = [
  finding({
    ruleId: 'R1',
    cells: [
      { item: 'a', cell: 'B2', value: 1 },
      { item: 'b', cell: 'C2', value: 2 },
      { item: 'c', cell: 'D2', value: 3 },
    ],
  }),
  finding({
    ruleId: 'W1',
    severity: 'warning',
    cells: [
      { item: 'c', cell: 'D2', value: 3 },
      { item: 'c', cell: 'D3', value: 6 },
      { item: 'OTHER!k', cell: 'A2', value: 7, sheet: 'Other' },
      { item: 'PREV(a)', cell: 'B3', value: 4 },
    ],
  }),
  finding({ ruleId: 'N', severity: 'notice', cells: [{ item: 'a', cell: 'B3', value: 4 }] }),
  finding({ ruleId: 'F', file: 'imported.xlsx', cells: [{ item: 'a', cell: 'B3', value: 4 }] }),
];

const NONE = { protectedSheets: [], unreadableSheets: [] };

describe('markTargets', () => {
  it('marks errors red and warnings yellow, red winning, and skips what is not in this workbook', () => {
    const sheets = [
      { name: 'Data', id: 'd', visibility: 'Visible' },
      { name: 'Other', id: 'o', visibility: 'Visible' },
    ];
    const targets = markTargets(findings, 'live', sheets);
    expect(targets.map((t) => `${t.sheet}!${t.cell}=${t.colour}`).sort()).toEqual(
      [`d!B2=${RED}`, `d!C2=${RED}`, `d!D2=${RED}`, `d!D3=${YELLOW}`, `o!A2=${YELLOW}`].sort(),
    );
  });
});

describe('cells as few areas', () => {
  it('joins runs along rows, then equal runs down the rows', () => {
    // B2:D3 is a block of six; F2 and F4 stay apart (row 3 is missing between them).
    const cells = ['B2', 'C2', 'D2', 'B3', 'C3', 'D3', 'F2', 'F4', 'G4'];
    expect(rectangles(cells).map((r) => rangeA1(r))).toEqual(['B2:D3', 'F2', 'F4:G4']);
  });

  it('cuts a long address list between areas, each at most the limit', () => {
    const rects = Array.from({ length: 3_000 }, (_, i) => ({
      top: i * 2,
      left: 1,
      bottom: i * 2,
      right: 1,
    }));
    const lists = addressLists(rects);
    expect(lists.length).toBeGreaterThan(1);
    for (const l of lists) expect(l.length).toBeLessThanOrEqual(MAX_ADDRESS_CHARS);
    // Nothing lost, nothing cut in half: every area once, in order.
    expect(lists.join(',').split(',')).toEqual(rects.map((r) => rangeA1(r)));
    expect(MAX_ADDRESS_CHARS).toBeLessThan(MAX_RANGES_ADDRESS);
  });
});

describe('marks as conditional formats', () => {
  it('marks with one conditional format per sheet and colour, in three syncs, never changing a fill', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    const before = excel.syncCount;
    const outcome = await tally.highlight(findings, state);
    // the sheets and their protection, Tally's formats (a request of their own), the marks
    expect(excel.syncCount - before).toBe(3);
    expect(outcome).toEqual({ marked: 5, restored: 0, ...NONE });
    expect(display(excel, 'Data', ['B2', 'C2', 'D2', 'D3', 'B3', 'A1'])).toEqual([
      RED,
      RED,
      RED,
      YELLOW,
      undefined,
      '#C0C0C0',
    ]);
    expect(display(excel, 'Other', ['A2'])).toEqual([YELLOW]);
    expect(rules(excel, 'Data')?.sort()).toEqual(
      [`B2:D2 ${MARK_RULES.error}`, `D3 ${MARK_RULES.warning}`].sort(),
    );
    expect(fills(excel)).toEqual(original);
    expect([...excel.settings.keys()].filter((k) => k !== 'tally.ownedSheets')).toEqual([]);
  });

  it('marks a messy sheet of 1,300 scattered cells with a few conditional formats, not 1,300', async () => {
    // Every other cell of every other row of A1:BZ80: no two marked cells touch.
    const rows = Array.from({ length: 80 }, () => Array.from({ length: 78 }, () => 1));
    const excel = new FakeExcel({ sheets: [{ name: 'Data', rows }] });
    const cells: { item: string; cell: string; value: number }[] = [];
    for (let r = 0; r < 80 && cells.length < 1_302; r += 2) {
      for (let c = 0; c < 78 && cells.length < 1_302; c += 2) {
        cells.push({
          item: 'x',
          cell: rangeA1({ top: r, left: c, bottom: r, right: c }),
          value: 1,
        });
      }
    }
    const many = cells.map((cell, i) => finding({ ruleId: 'R', unit: `u${i}`, cells: [cell] }));
    const tally = tallyOver(excel);
    const outcome = await tally.highlight(many, (await tally.read()).state);
    expect(outcome.marked).toBe(1_302);
    const cfs = excel.sheet('Data')!.conditionalFormats;
    // 1,302 areas of about 4 characters: two address lists of at most 4,000 characters.
    expect(cfs.length).toBe(2);
    expect(cfs.reduce((n, cf) => n + cf.refs.length, 0)).toBe(1_302);
    expect(display(excel, 'Data', ['A1', 'B1', 'C1', 'BZ79'])).toEqual([
      RED,
      undefined,
      RED,
      undefined,
    ]);
  });

  it('refuses, as Excel does, an address list far past 8,192 characters', async () => {
    const excel = new FakeExcel(init());
    const address = Array.from({ length: 2_000 }, (_, i) => `A${i * 2 + 1}`).join(',');
    expect(address.length).toBeGreaterThan(MAX_RANGES_ADDRESS);
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets
          .getItem('Data')
          .getRanges(address)
          .conditionalFormats.add('Custom');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
  });

  it('clears only its own conditional formats, leaving every fill byte for byte', async () => {
    const excel = new FakeExcel(init());
    const data = excel.sheet('Data');
    const mine = {
      id: '{user}',
      refs: [{ top: 1, left: 1, bottom: 2, right: 3 }],
      type: 'Custom',
      formula: '=B2>100',
      fill: '#00B050',
    };
    const scale = { id: '{scale}', refs: mine.refs, type: 'ColorScale', formula: '' };
    data?.conditionalFormats.push(mine, scale);
    const original = JSON.stringify(fills(excel));
    const tally = tallyOver(excel);
    await tally.highlight(findings, (await tally.read()).state);
    expect(data?.conditionalFormats).toHaveLength(4);
    const before = excel.syncCount;
    expect(await tally.clearHighlights()).toEqual({ restored: 5, ...NONE });
    // the sheets; Tally's formats; the deletions
    expect(excel.syncCount - before).toBe(3);
    expect(data?.conditionalFormats).toEqual([mine, scale]);
    expect(excel.sheet('Other')?.conditionalFormats).toEqual([]);
    expect(JSON.stringify(fills(excel))).toBe(original);
    expect(display(excel, 'Data', ['B2', 'D3'])).toEqual(['#DDEBF7', undefined]);
    expect(await tally.clearHighlights()).toEqual({ restored: 0, ...NONE });
  });

  it('on the next audit replaces its marks and counts the cells unmarked', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    await tally.highlight(findings, (await tally.read()).state);
    const { state } = await tally.read();
    const outcome = await tally.highlight(findings.slice(0, 1), state);
    expect(outcome).toEqual({ marked: 3, restored: 2, ...NONE });
    expect(rules(excel, 'Data')).toEqual([`B2:D2 ${MARK_RULES.error}`]);
    expect(rules(excel, 'Other')).toEqual([]);
    expect(display(excel, 'Other', ['A2'])).toEqual(['#E2EFDA']);
  });

  it('leaves out the cells of a sheet deleted between the read and the marking', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    excel.sheets.splice(1, 1);
    const outcome = await tally.highlight(findings, state);
    expect(outcome).toEqual({ marked: 4, restored: 0, ...NONE });
    expect(rules(excel, 'Data')).toHaveLength(2);
  });
});

describe('conditional formats Excel cannot read (office-js #6827, #6835)', () => {
  const withUserFormats = (over: Partial<FakeWorkbookInit['sheets'][number]>): FakeWorkbookInit => {
    const base = init();
    const [data, other] = base.sheets;
    return { sheets: [{ ...data!, ...over }, other!] };
  };

  it('marks a sheet whose list fails only because of two cellValue rules, reading its custom formats one by one', async () => {
    const excel = new FakeExcel(
      withUserFormats({
        conditionalFormats: [
          { address: 'B2:B3', type: 'CellValue', unreadable: true },
          { address: 'B2:B3', type: 'CellValue', unreadable: true },
        ],
      }),
    );
    const tally = tallyOver(excel);
    await tally.highlight(findings, (await tally.read()).state);
    // The second audit meets Tally's own marks beside the unreadable ones, and replaces them.
    const outcome = await tally.highlight(findings.slice(0, 1), (await tally.read()).state);
    expect(outcome).toEqual({ marked: 3, restored: 2, ...NONE });
    expect(rules(excel, 'Data')?.filter((r) => r.includes('Tally'))).toEqual([
      `B2:D2 ${MARK_RULES.error}`,
    ]);
    expect(await tally.clearHighlights()).toEqual({ restored: 3, ...NONE });
    expect(excel.sheet('Data')?.conditionalFormats).toHaveLength(2);
  });

  it('leaves a sheet with a custom rule it cannot read unmarked and names it; the rest is marked', async () => {
    const excel = new FakeExcel(
      withUserFormats({
        conditionalFormats: [{ address: 'A1:D3', formula: '=A1>0', unreadable: true }],
      }),
    );
    const tally = tallyOver(excel);
    const outcome = await tally.highlight(findings, (await tally.read()).state);
    expect(outcome).toEqual({
      marked: 1,
      restored: 0,
      protectedSheets: [],
      unreadableSheets: ['Data'],
    });
    expect(rules(excel, 'Data')).toHaveLength(1); // the user's own, alone
    expect(display(excel, 'Other', ['A2'])).toEqual([YELLOW]);
  });

  it('with every load failing, marks nothing twice and says which sheets', async () => {
    const opts: FakeExcelOptions = { failConditionalFormatLoads: true };
    const excel = new FakeExcel(init(), opts);
    const tally = tallyOver(excel);
    const outcome = await tally.highlight(findings, (await tally.read()).state);
    // A sheet without any conditional format reads fine one by one; none is marked twice.
    expect(outcome.unreadableSheets).toEqual([]);
    expect(outcome.marked).toBe(5);
    const again = await tally.highlight(findings, (await tally.read()).state);
    expect(again).toEqual({
      marked: 0,
      restored: 0,
      protectedSheets: [],
      unreadableSheets: ['Data', 'Other'],
    });
    expect(rules(excel, 'Data')).toHaveLength(2);
  });
});

describe('protected sheets', () => {
  it('refuses writes with AccessDenied, as Excel does', async () => {
    const base = init();
    const excel = new FakeExcel({ sheets: [{ ...base.sheets[0]!, protected: true }] });
    await expect(
      excel.run(async (context) => {
        context.workbook.worksheets.getItem('Data').getRange('A1').values = [['x']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.sheet('Data')?.valueAt(0, 0)).toBe('unit');
  });

  it('are left unmarked and named, and the other sheets are marked', async () => {
    const base = init();
    const excel = new FakeExcel({
      sheets: [{ ...base.sheets[0]!, protected: true }, base.sheets[1]!],
    });
    const tally = tallyOver(excel);
    const outcome = await tally.highlight(findings, (await tally.read()).state);
    expect(outcome).toEqual({
      marked: 1,
      restored: 0,
      protectedSheets: ['Data'],
      unreadableSheets: [],
    });
    expect(excel.sheet('Data')?.conditionalFormats).toEqual([]);
    expect(display(excel, 'Other', ['A2'])).toEqual([YELLOW]);
  });

  it('keep their marks when cleared, and are named', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    await tally.highlight(findings, (await tally.read()).state);
    excel.sheet('Data')!.protected = true;
    expect(await tally.clearHighlights()).toEqual({
      restored: 1,
      protectedSheets: ['Data'],
      unreadableSheets: [],
    });
    expect(rules(excel, 'Data')).toHaveLength(2);
  });
});
