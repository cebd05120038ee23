import { rangeA1 } from '../../src/core/model/a1';
import type { Finding } from '../../src/core/validate/result';
import {
  FORMATS_API,
  MARK_COLOURS,
  MARK_RULES,
  markTargets,
  toSaved,
} from '../../src/excel/highlight';
import { MARKS_KEY, parseMarks } from '../../src/excel/state';
import { ExcelTally } from '../../src/excel/tally';
import type { ExcelBatch } from '../../src/excel/context';
import { FakeExcel, type FakeWorkbookInit } from '../support/fake-excel';

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

/**
 * The fill path, as on a host without conditional formats (ExcelApi 1.6); the fill API of
 * ExcelApi 1.9 is kept so the fill tests see patterns and tints.
 */
const FILLS = (v: string) => v !== FORMATS_API;

function tallyOver(excel: FakeExcel, api: (v: string) => boolean = FILLS) {
  return new ExcelTally({
    name: 'live',
    run: excel.run as unknown as ExcelBatch,
    api,
    merges: false,
  });
}

function fills(excel: FakeExcel) {
  return Object.fromEntries(excel.sheets.map((s) => [s.name, s.allFills()]));
}

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

describe('toSaved', () => {
  it('tells no fill from white by the pattern, and falls back to white-is-none without it', () => {
    expect(toSaved({ color: '#FFFFFF', pattern: 'None' })).toBeNull();
    expect(toSaved({ color: '#FFFFFF', pattern: 'Solid' })).toEqual({ color: '#FFFFFF' });
    expect(toSaved({ color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' })).toEqual({
      color: '#FFFF00',
      pattern: 'Gray25',
      patternColor: '#FF0000',
    });
    expect(toSaved({ color: '#FFFFFF' })).toBeNull();
    expect(toSaved({ color: '#DDEBF7' })).toEqual({ color: '#DDEBF7' });
  });
});

describe('highlighting and clearing', () => {
  it('marks the cells in two syncs and remembers every original fill in the settings', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    const before = excel.syncCount;
    const outcome = await tally.highlight(findings, state);
    // the fills; the record, then the marks, in one request
    expect(excel.syncCount - before).toBe(2);
    expect(outcome).toEqual({ marked: 5, restored: 0, kept: 0 });
    const data = excel.sheet('Data');
    expect(['B2', 'C2', 'D2', 'D3'].map((a) => data?.fillOf(a))).toEqual([
      { color: RED, pattern: 'Solid' },
      { color: RED, pattern: 'Solid' },
      { color: RED, pattern: 'Solid' },
      { color: YELLOW, pattern: 'Solid' },
    ]);
    expect(excel.sheet('Other')?.fillOf('A2')).toEqual({ color: YELLOW, pattern: 'Solid' });
    // Notices, previous-period cells and imported files are not marked.
    expect(data?.fillOf('B3')).toBeUndefined();
    expect(data?.fillOf('A1')).toEqual({ color: '#C0C0C0', pattern: 'Solid' });
    const record = parseMarks(excel.settings.get(MARKS_KEY));
    const originals = Object.fromEntries(record.map((m) => [m.cell, m.original]));
    expect(originals).toEqual({
      B2: { color: '#DDEBF7' },
      C2: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
      D2: { color: '#FFFFFF' },
      D3: null,
      A2: { color: '#E2EFDA' },
    });
  });

  it('restores every fill exactly, also from a pane opened later', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const first = tallyOver(excel);
    const { state } = await first.read();
    await first.highlight(findings, state);
    expect(fills(excel)).not.toEqual(original);

    // A new pane (a new ExcelTally) knows the marks only from the workbook.
    const later = tallyOver(excel);
    const before = excel.syncCount;
    expect(await later.clearHighlights()).toEqual({ restored: 5, kept: 0 });
    // the record and sheets, the fills, the writes, the record removed
    expect(excel.syncCount - before).toBe(4);
    expect(fills(excel)).toEqual(original);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
    // Nothing left to clear: one sync to find that out.
    expect(await later.clearHighlights()).toEqual({ restored: 0, kept: 0 });
  });

  it('on the next audit unmarks fixed cells, keeps the rest, and leaves a fill the user changed', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const tally = tallyOver(excel);
    let { state } = await tally.read();
    await tally.highlight(findings, state);
    // The user paints D3 green by hand; then fixes what R1 found.
    excel.sheet('Data')!.format(2, 3).fill = { color: '#00FF00', pattern: 'Solid' };
    ({ state } = await tally.read());
    const next = [findings[1] as Finding];
    const outcome = await tally.highlight(next, state);
    // B2 and C2 come back; D2 stays marked, now yellow; D3 keeps the user's green and is
    // marked yellow again with green remembered.
    expect(outcome).toEqual({ marked: 3, restored: 2, kept: 0 });
    const data = excel.sheet('Data');
    expect(data?.fillOf('B2')).toEqual(original.Data?.B2);
    expect(data?.fillOf('C2')).toEqual(original.Data?.C2);
    expect(data?.fillOf('D2')).toEqual({ color: YELLOW, pattern: 'Solid' });
    expect(data?.fillOf('D3')).toEqual({ color: YELLOW, pattern: 'Solid' });
    const record = parseMarks(excel.settings.get(MARKS_KEY));
    expect(record.find((m) => m.cell === 'D3')?.original).toEqual({ color: '#00FF00' });
    expect(record.find((m) => m.cell === 'D2')?.original).toEqual({ color: '#FFFFFF' });

    // The user refills D2 after marking: clearing leaves it, and restores the others.
    excel.sheet('Data')!.format(1, 3).fill = { color: '#0000FF', pattern: 'Solid' };
    expect(await tally.clearHighlights()).toEqual({ restored: 2, kept: 1 });
    expect(data?.fillOf('D2')).toEqual({ color: '#0000FF', pattern: 'Solid' });
    expect(data?.fillOf('D3')).toEqual({ color: '#00FF00', pattern: 'Solid' });
    expect(excel.sheet('Other')?.fillOf('A2')).toEqual(original.Other?.A2);
  });

  it('without ExcelApi 1.9 takes white for no fill', async () => {
    const excel = new FakeExcel(init());
    // ExcelApi 1.4 and 1.5 only: neither conditional formats nor fill patterns
    const tally = tallyOver(excel, (v) => Number(v.split('.')[1]) < 6);
    const { state } = await tally.read();
    await tally.highlight(findings, state);
    const record = parseMarks(excel.settings.get(MARKS_KEY));
    expect(record.find((m) => m.cell === 'D2')?.original).toBeNull();
    // The fills carry the marks: no conditional format was added.
    expect(excel.sheets.map((s) => s.conditionalFormats.length)).toEqual([0, 0]);
    expect(excel.sheet('Data')?.fillOf('B2')).toEqual({ color: RED, pattern: 'Solid' });
    await tally.clearHighlights();
    expect(excel.sheet('Data')?.fillOf('D2')).toBeUndefined();
    expect(excel.sheet('Data')?.fillOf('B2')).toEqual({ color: '#DDEBF7', pattern: 'Solid' });
  });

  it('forgets marks on a sheet that was deleted', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    await tally.highlight(findings, state);
    excel.sheets.splice(1, 1);
    expect(await tally.clearHighlights()).toEqual({ restored: 4, kept: 0 });
  });

  it('sends many cells in several requests', async () => {
    const rows = Array.from({ length: 3_001 }, (_, i) => (i === 0 ? ['v'] : [i]));
    const excel = new FakeExcel({ sheets: [{ name: 'Data', rows }] });
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    const many = [
      finding({
        ruleId: 'R',
        cells: rows.slice(1).map((_, i) => ({ item: 'v', cell: `A${i + 2}`, value: i })),
      }),
    ];
    const before = excel.syncCount;
    expect((await tally.highlight(many, state)).marked).toBe(3_000);
    // two requests to load 3,000 fills, two to write them (the record with the first)
    expect(excel.syncCount - before).toBe(4);
    expect(excel.sheet('Data')?.fillOf('A3001')).toEqual({ color: RED, pattern: 'Solid' });
    await tally.clearHighlights();
    expect(excel.sheet('Data')?.allFills()).toEqual({});
  });
});

describe('marks as conditional formats (ExcelApi 1.6)', () => {
  const ALL = () => true;
  const display = (excel: FakeExcel, sheet: string, cells: string[]) =>
    cells.map((c) => excel.sheet(sheet)?.displayColourOf(c));
  const rules = (excel: FakeExcel, sheet: string) =>
    excel.sheet(sheet)?.conditionalFormats.map((cf) => `${rangeA1(cf.ref)} ${cf.formula}`);

  it('marks in one sync after the read and never changes a fill', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const tally = tallyOver(excel, ALL);
    const { state } = await tally.read();
    expect(state.formats).toBeDefined();
    const before = excel.syncCount;
    const outcome = await tally.highlight(findings, state);
    expect(excel.syncCount - before).toBe(1);
    expect(outcome).toEqual({ marked: 5, restored: 0, kept: 0 });
    expect(display(excel, 'Data', ['B2', 'C2', 'D2', 'D3', 'B3', 'A1'])).toEqual([
      RED,
      RED,
      RED,
      YELLOW,
      undefined,
      '#C0C0C0',
    ]);
    expect(display(excel, 'Other', ['A2'])).toEqual([YELLOW]);
    // A run of a row is one conditional format.
    expect(rules(excel, 'Data')?.sort()).toEqual(
      [`B2:D2 ${MARK_RULES.error}`, `D3 ${MARK_RULES.warning}`].sort(),
    );
    expect(fills(excel)).toEqual(original);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
  });

  it('clears only its own conditional formats, leaving every fill byte for byte', async () => {
    const excel = new FakeExcel(init());
    const data = excel.sheet('Data');
    const mine = {
      id: '{user}',
      ref: { top: 1, left: 1, bottom: 2, right: 3 },
      type: 'Custom',
      formula: '=B2>100',
      fill: '#00B050',
    };
    const scale = { id: '{scale}', ref: mine.ref, type: 'ColorScale', formula: '' };
    data?.conditionalFormats.push(mine, scale);
    const original = JSON.stringify(fills(excel));
    const tally = tallyOver(excel, ALL);
    const { state } = await tally.read();
    await tally.highlight(findings, state);
    expect(data?.conditionalFormats).toHaveLength(4);
    const before = excel.syncCount;
    expect(await tally.clearHighlights()).toEqual({ restored: 5, kept: 0 });
    // the sheets and the record; the conditional formats; the deletions
    expect(excel.syncCount - before).toBe(3);
    expect(data?.conditionalFormats).toEqual([mine, scale]);
    expect(excel.sheet('Other')?.conditionalFormats).toEqual([]);
    expect(JSON.stringify(fills(excel))).toBe(original);
    expect(display(excel, 'Data', ['B2', 'D3'])).toEqual(['#DDEBF7', undefined]);
    // Nothing left to clear.
    expect(await tally.clearHighlights()).toEqual({ restored: 0, kept: 0 });
  });

  it('on the next audit replaces its marks in one sync and counts the cells unmarked', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel, ALL);
    await tally.highlight(findings, (await tally.read()).state);
    const { state } = await tally.read();
    expect([...(state.formats?.values() ?? [])].flat()).toHaveLength(3);
    const before = excel.syncCount;
    const outcome = await tally.highlight(findings.slice(0, 1), state);
    expect(excel.syncCount - before).toBe(1);
    expect(outcome).toEqual({ marked: 3, restored: 2, kept: 0 });
    expect(rules(excel, 'Data')).toEqual([`B2:D2 ${MARK_RULES.error}`]);
    expect(rules(excel, 'Other')).toEqual([]);
    expect(display(excel, 'Other', ['A2'])).toEqual(['#E2EFDA']);
  });

  it('marks again when a mark went between the read and the marking', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel, ALL);
    await tally.highlight(findings, (await tally.read()).state);
    const { state } = await tally.read();
    excel.sheet('Other')!.conditionalFormats = [];
    const before = excel.syncCount;
    await tally.highlight(findings, state);
    // the refused request; the sheets, their conditional formats; the marks
    expect(excel.syncCount - before).toBe(4);
    expect(rules(excel, 'Data')).toHaveLength(2);
    expect(rules(excel, 'Other')).toEqual([`A2 ${MARK_RULES.warning}`]);
  });

  it('leaves out the cells of a sheet deleted between the read and the marking', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel, ALL);
    const { state } = await tally.read();
    excel.sheets.splice(1, 1);
    const outcome = await tally.highlight(findings, state);
    expect(outcome).toEqual({ marked: 4, restored: 0, kept: 0 });
    expect(rules(excel, 'Data')).toHaveLength(2);
  });

  it('takes off the marks of the fill path before marking with conditional formats', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const old = tallyOver(excel);
    await old.highlight(findings, (await old.read()).state);
    expect(excel.sheet('Data')?.fillOf('B2')?.color).toBe(RED);
    const tally = tallyOver(excel, ALL);
    await tally.highlight(findings.slice(0, 1), (await tally.read()).state);
    expect(fills(excel)).toEqual(original);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
    expect(display(excel, 'Data', ['B2', 'D3'])).toEqual([RED, undefined]);
    await tally.clearHighlights();
    expect(fills(excel)).toEqual(original);
    expect(excel.sheets.every((s) => s.conditionalFormats.length === 0)).toBe(true);
  });
});

describe('fills as Excel reads them, and fills that cannot be set', () => {
  const cells = ['B2', 'C2', 'D2', 'D3', 'A1', 'E2', 'F2'];
  const all = [
    finding({ ruleId: 'R', cells: cells.map((cell) => ({ item: cell, cell, value: 1 })) }),
  ];
  function tinted(): FakeWorkbookInit {
    const base = init();
    const [data, other] = base.sheets;
    if (!data || !other) throw new Error('fixture');
    return {
      sheets: [
        {
          ...data,
          fills: {
            ...data.fills,
            E2: { color: '#4472C4', tintAndShade: 0.4 },
            F2: {
              color: '#FFFF00',
              pattern: 'Gray50',
              patternColor: '#0000FF',
              patternTintAndShade: -0.25,
            },
          },
        },
        other,
      ],
    };
  }

  it.each([
    ['as documented (pattern None for no fill)', false],
    ['as Excel reads them (pattern null, tintAndShade null for no fill)', true],
  ])('restores every fill exactly when read %s', async (_, nullFillPattern) => {
    const excel = new FakeExcel(tinted(), { nullFillPattern });
    const original = fills(excel);
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    expect((await tally.highlight(all, state)).marked).toBe(cells.length);
    const record = parseMarks(excel.settings.get(MARKS_KEY));
    const originals = Object.fromEntries(record.map((m) => [m.cell, m.original]));
    expect(originals).toEqual({
      B2: { color: '#DDEBF7' },
      C2: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
      D2: { color: '#FFFFFF' },
      D3: null,
      A1: { color: '#C0C0C0' },
      E2: { color: '#4472C4', tintAndShade: 0.4 },
      F2: {
        color: '#FFFF00',
        pattern: 'Gray50',
        patternColor: '#0000FF',
        patternTintAndShade: -0.25,
      },
    });
    // Marks read back (pattern null on a solid fill) are recognised as Tally's.
    const again = await tally.highlight(all, (await tally.read()).state);
    expect(again).toEqual({ marked: cells.length, restored: 0, kept: 0 });
    expect(await tally.clearHighlights()).toEqual({ restored: cells.length, kept: 0 });
    expect(fills(excel)).toEqual(original);
  });

  it('saves what it reads: null pattern with a tint is solid, without one no fill', () => {
    expect(toSaved({ color: '#FFFFFF', pattern: null, tintAndShade: null })).toBeNull();
    expect(toSaved({ color: '#FFFFFF', pattern: null, tintAndShade: 0 })).toEqual({
      color: '#FFFFFF',
    });
    expect(toSaved({ color: '#4472C4', pattern: null, tintAndShade: 0.4 })).toEqual({
      color: '#4472C4',
      tintAndShade: 0.4,
    });
    // Gradients cannot be set again: their colour is kept, never the pattern.
    expect(toSaved({ color: '#FF0000', pattern: 'LinearGradient', tintAndShade: 0 })).toEqual({
      color: '#FF0000',
    });
  });

  it('gives a gradient cell its colour back and never sets a gradient', async () => {
    const excel = new FakeExcel({
      sheets: [
        {
          name: 'Data',
          rows: [['a'], [1]],
          fills: { A2: { color: '#FF0000', pattern: 'RectangularGradient' } },
        },
      ],
    });
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    const one = [finding({ ruleId: 'R', cells: [{ item: 'a', cell: 'A2', value: 1 }] })];
    await tally.highlight(one, state);
    expect(excel.sheet('Data')?.fillOf('A2')?.color).toBe(RED);
    expect(await tally.clearHighlights()).toEqual({ restored: 1, kept: 0 });
    expect(excel.sheet('Data')?.fillOf('A2')).toEqual({ color: '#FF0000', pattern: 'Solid' });
  });

  it('reads a record of the first version', async () => {
    const excel = new FakeExcel(init());
    const id = excel.sheet('Data')?.id ?? '';
    excel.settings.set(
      MARKS_KEY,
      JSON.stringify({
        version: 1,
        marks: [{ sheet: id, cell: 'B3', original: null, mark: RED }],
      }),
    );
    excel.sheet('Data')!.format(2, 1).fill = { color: RED, pattern: 'Solid' };
    expect(await tallyOver(excel).clearHighlights()).toEqual({ restored: 1, kept: 0 });
    expect(excel.sheet('Data')?.fillOf('B3')).toBeUndefined();
  });
});

describe('sheet ids that change between sessions', () => {
  it('still restores the marks, finding the sheets by name', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const tally = tallyOver(excel);
    await tally.highlight(findings, (await tally.read()).state);
    excel.reassignSheetIds();
    // The next audit knows the old marks by name: it takes off those no longer in question.
    const { state } = await tally.read();
    expect(state.marks.map((m) => m.sheet)).toEqual(
      state.marks.map((m) => excel.sheet(m.name)?.id),
    );
    expect(await tally.highlight([findings[1] as Finding], state)).toEqual({
      marked: 3,
      restored: 2,
      kept: 0,
    });
    excel.reassignSheetIds();
    expect(await tallyOver(excel).clearHighlights()).toEqual({ restored: 3, kept: 0 });
    expect(fills(excel)).toEqual(original);
  });
});

describe('the record of marks', () => {
  it('is written before the cells are painted, compactly, and fits Excel’s request limit', async () => {
    const n = 12_000;
    const rows = Array.from({ length: n + 1 }, (_, i) => (i === 0 ? ['v', 'w'] : [i, i]));
    const fillsInit: Record<string, string> = {};
    for (let i = 2; i <= n + 1; i += 3) fillsInit[`B${i}`] = '#DDEBF7';
    // A request of 2,500 fill writes is refused (200 bytes an operation, 500 KB a request).
    const excel = new FakeExcel(
      { sheets: [{ name: 'Data', rows, fills: fillsInit }] },
      { payloadByteLimit: 500_000 },
    );
    const original = fills(excel);
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    const many = [
      finding({
        ruleId: 'R',
        cells: rows.slice(1).flatMap((_, i) => [
          { item: 'v', cell: `A${i + 2}`, value: i },
          { item: 'w', cell: `B${i + 2}`, value: i },
        ]),
      }),
    ];
    expect((await tally.highlight(many, state)).marked).toBe(2 * n);
    expect(excel.requests.some((r) => !r.ok)).toBe(true);
    const record = excel.settings.get(MARKS_KEY) as string;
    expect(parseMarks(record)).toHaveLength(2 * n);
    // a few bytes a cell
    expect(record.length).toBeLessThan(2 * n * 8);
    expect(excel.sheet('Data')?.fillOf(`B${n + 1}`)).toEqual({ color: RED, pattern: 'Solid' });
    expect(await tally.clearHighlights()).toEqual({ restored: 2 * n, kept: 0 });
    expect(fills(excel)).toEqual(original);
  });

  it('holds every mark before painting, so a failure part way leaves none unrecorded', async () => {
    const excel = new FakeExcel(init());
    const original = fills(excel);
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    excel.faults.push({ op: 'RangeFill.color', code: 'GeneralException' });
    await expect(tally.highlight(findings, state)).rejects.toMatchObject({
      code: 'GeneralException',
    });
    expect(parseMarks(excel.settings.get(MARKS_KEY))).toHaveLength(5);
    await tally.clearHighlights();
    expect(fills(excel)).toEqual(original);
    expect(excel.settings.has(MARKS_KEY)).toBe(false);
  });

  it('skips the cells of a sheet deleted between reading and marking', async () => {
    const excel = new FakeExcel(init());
    const tally = tallyOver(excel);
    const { state } = await tally.read();
    excel.sheets.splice(1, 1);
    expect((await tally.highlight(findings, state)).marked).toBe(4);
  });
});
