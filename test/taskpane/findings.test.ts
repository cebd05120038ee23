import type { Finding } from '../../src/core/validate/result';
import {
  countFindings,
  groupFindings,
  hintKey,
  navigationTarget,
  ruleLabelKey,
} from '../../src/taskpane/findings';
import { timeText } from '../../src/taskpane/useTally';

const f = (over: Partial<Finding>): Finding => ({
  ruleId: 'R',
  severity: 'error',
  message: 'm',
  file: 'live',
  sheet: 'A',
  unit: 'u',
  cells: [],
  ...over,
});

describe('navigationTarget', () => {
  it('goes to the finding’s cells on its own sheet, once each, never to the previous period', () => {
    const x = f({
      cells: [
        { item: 'a', cell: 'C10', value: 1 },
        { item: 'b', cell: 'B10', value: 2 },
        { item: 'a', cell: 'C10', value: 1 },
        { item: 'B!c', cell: 'K10', value: 3, sheet: 'B' },
        { item: 'PREV(a)', cell: 'C9', value: 4 },
      ],
    });
    expect(navigationTarget(x, 'live')).toEqual({ sheet: 'A', cells: ['C10', 'B10'] });
  });

  it('goes to another sheet when the finding read none of its own, and nowhere outside the workbook', () => {
    const other = f({ cells: [{ item: 'B!c', cell: 'K10', value: 3, sheet: 'B' }] });
    expect(navigationTarget(other, 'live')).toEqual({ sheet: 'B', cells: ['K10'] });
    expect(
      navigationTarget(f({ file: 'x.xlsx', cells: [{ item: 'a', cell: 'A1', value: 1 }] }), 'live'),
    ).toBeUndefined();
    expect(navigationTarget(f({ ruleId: 'MISSING_UNIT' }), 'live')).toBeUndefined();
  });
});

describe('groupFindings', () => {
  it('lists the open workbook first, then by sheet and rule, errors before warnings', () => {
    const list = [
      f({ file: 'imported.xlsx', sheet: 'A', ruleId: 'I' }),
      f({ sheet: 'B', ruleId: 'W', severity: 'warning' }),
      f({ sheet: 'B', ruleId: 'E' }),
      f({ sheet: 'A', ruleId: 'N', severity: 'notice' }),
      f({ sheet: 'B', ruleId: 'W', severity: 'warning', unit: 'v' }),
    ];
    const groups = groupFindings(list, 'live');
    expect(groups.map((g) => [g.file, g.sheet, g.live])).toEqual([
      ['live', 'B', true],
      ['live', 'A', true],
      ['imported.xlsx', 'A', false],
    ]);
    expect(groups[0]?.rules.map((r) => [r.ruleId, r.findings.map((v) => v.index)])).toEqual([
      ['E', [2]],
      ['W', [1, 4]],
    ]);
    // In the workbook's order of sheets when it is known.
    expect(groupFindings(list, 'live', ['A', 'B']).map((g) => [g.file, g.sheet])).toEqual([
      ['live', 'A'],
      ['live', 'B'],
      ['imported.xlsx', 'A'],
    ]);
  });

  it('counts by severity, explained warnings apart', () => {
    expect(
      countFindings([
        f({}),
        f({ severity: 'warning' }),
        f({ severity: 'warning', explanation: 'x' }),
        f({ severity: 'notice' }),
      ]),
    ).toEqual({ errors: 1, warnings: 2, explained: 1, notices: 1 });
  });

  it('names the built-in checks', () => {
    expect(ruleLabelKey('TOTAL')).toBe('pane.rule.TOTAL');
    expect(ruleLabelKey('FE1-01')).toBeUndefined();
  });
});

describe('hints', () => {
  it.each([
    ['InvalidOperationInCellEditMode', 'pane.hint.cellEdit'],
    ['AccessDenied', 'pane.hint.protected'],
    ['ItemNotFound', 'pane.hint.notFound'],
    ['RequestPayloadSizeLimitExceeded', 'pane.hint.payload'],
    ['ActivityLimitReached', 'pane.hint.busy'],
    ['ItemAlreadyExists', 'pane.hint.nameTaken'],
    ['GeneralException', 'pane.hint.retry'],
  ])('says what to do about %s', (code, key) => {
    expect(hintKey({ code })).toBe(key);
  });

  it('has a hint for an error without a code', () => {
    expect(hintKey(new Error('x'))).toBe('pane.hint.retry');
  });

  it('writes the run time as the summary sheet shows it', () => {
    expect(timeText(new Date(2026, 0, 5, 9, 7))).toBe('2026-01-05 09:07');
  });
});
