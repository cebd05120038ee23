/**
 * The meaning of every operator and function with unknowns (rules.md, "Meaning"). Expected
 * outcomes are written out from the spec's definitions (Kleene logic, unknown propagation,
 * division by zero unknown, = within tolerance), not computed by the engine.
 */
import { compileRule } from '../../../src/core/rules/compile';
import { columnsDataset } from '../../../src/core/rules/data';
import { cross, F, run, T, U } from './helpers';

describe('three-valued logic (Kleene), every pair of TRUE / FALSE / unknown', () => {
  // Pairs in the order TT TF TU FT FF FU UT UF UU.
  const { p, q } = cross();

  it('AND: FALSE wins, then unknown', () => {
    expect(run('AND([p] > 0, [q] > 0)', { p, q })).toEqual([
      'T',
      'F',
      'U',
      'F',
      'F',
      'F',
      'U',
      'F',
      'U',
    ]);
  });

  it('OR: TRUE wins, then unknown', () => {
    expect(run('OR([p] > 0, [q] > 0)', { p, q })).toEqual([
      'T',
      'T',
      'T',
      'T',
      'F',
      'U',
      'T',
      'U',
      'U',
    ]);
  });

  it('NOT keeps unknown unknown', () => {
    expect(run('NOT([p] > 0)', { p: [T, F, U] })).toEqual(['F', 'T', 'U']);
  });

  it('AND / OR take any number of arguments', () => {
    expect(run('AND([p] > 0, [p] > 0, [q] > 0)', { p, q })).toEqual([
      'T',
      'F',
      'U',
      'F',
      'F',
      'F',
      'U',
      'F',
      'U',
    ]);
    expect(run('OR([p] > 0)', { p: [T, F, U] })).toEqual(['T', 'F', 'U']);
  });

  it('numbers are truth values as in R: 0 is FALSE, other numbers TRUE, blank unknown', () => {
    expect(run('AND([a], [b])', { a: [2, 2, 0, 0, null], b: [3, 0, null, 5, 1] })).toEqual([
      'T',
      'F',
      'F',
      'F',
      'U',
    ]);
  });

  it('IF(unknown, a, b) is unknown even when a and b agree', () => {
    expect(run('IF([p] > 0, 1, 1) = 1', { p: [T, F, U] })).toEqual(['T', 'T', 'U']);
    expect(run('IF([p] > 0, [q] > 0, NOT([q] > 0))', { p, q })).toEqual([
      'T',
      'F',
      'U',
      'F',
      'T',
      'U',
      'U',
      'U',
      'U',
    ]);
  });

  it('IF picks the branch per record, numbers or text', () => {
    expect(run('IF([p] > 0, [x], [y]) = 1', { p: [T, F, U], x: [1, 1, 1], y: [2, 1, 1] })).toEqual([
      'T',
      'T',
      'U',
    ]);
    expect(run('IF([p] > 0, "a", "b") = "b"', { p: [T, F, U] })).toEqual(['F', 'T', 'U']);
  });

  it('ISBLANK is never unknown', () => {
    expect(run('ISBLANK([a])', { a: [1, 0, null] })).toEqual(['F', 'F', 'T']);
    expect(run('ISBLANK([s])', { s: ['x', null, '  '] })).toEqual(['F', 'T', 'T']);
    expect(run('ISBLANK([p] > 0)', { p: [T, F, U] })).toEqual(['F', 'F', 'T']);
    expect(run('NOT(ISBLANK([a]))', { a: [1, null] })).toEqual(['T', 'F']);
  });
});

describe('arithmetic', () => {
  const a = [1, 7, null, 4];
  const b = [2, 3, 2, null];

  it('+ - * / with unknown are unknown', () => {
    expect(run('[a] + [b] = 3', { a, b })).toEqual(['T', 'F', 'U', 'U']);
    expect(run('[a] - [b] = 4', { a, b })).toEqual(['F', 'T', 'U', 'U']);
    expect(run('[a] * [b] = 21', { a, b })).toEqual(['F', 'T', 'U', 'U']);
    expect(run('[a] / [b] = 0.5', { a, b })).toEqual(['T', 'F', 'U', 'U']);
  });

  it('division by zero is unknown (R would give Inf or NaN)', () => {
    const x = { a: [1, 0, -1, 6], b: [0, 0, 0, 3] };
    expect(run('[a] / [b] > 0', x)).toEqual(['U', 'U', 'U', 'T']);
    expect(run('[a] / [b] < 0', x)).toEqual(['U', 'U', 'U', 'F']);
    expect(run('ISBLANK([a] / [b])', x)).toEqual(['T', 'T', 'T', 'F']);
  });

  it('^: powers, unknown stays unknown (R gives NA^0 = 1, here unknown), non-finite is unknown', () => {
    expect(run('[a] ^ [b] = 1024', { a: [2], b: [10] })).toEqual(['T']);
    expect(run('[a] ^ [b] = 1', { a: [null, 1, 0, 5], b: [0, null, 0, 0] })).toEqual([
      'U',
      'U',
      'T',
      'T',
    ]);
    expect(run('[a] ^ [b] > 0', { a: [-8, 0, 4], b: [1 / 3, -1, 0.5] })).toEqual(['U', 'U', 'T']);
  });

  it('unary minus and plus', () => {
    expect(run('-[a] = -3', { a: [3, -3, null] })).toEqual(['T', 'F', 'U']);
    expect(run('+[a] = 3', { a: [3, -3, null] })).toEqual(['T', 'F', 'U']);
    expect(run('--[a] = 3', { a: [3] })).toEqual(['T']);
  });

  it('truth values count as 1 and 0 in arithmetic, unknown as unknown', () => {
    expect(run('([p] > 0) + ([q] > 0) = 1', cross())).toEqual([
      'F',
      'T',
      'U',
      'T',
      'F',
      'U',
      'U',
      'U',
      'U',
    ]);
  });

  it('text that is a plain number is that number in arithmetic; other text is unknown', () => {
    expect(run('[t] + 1 = 2', { t: ['1', ' 1 ', 'x', null] })).toEqual(['T', 'T', 'U', 'U']);
  });

  it('a percent literal is a hundredth', () => {
    expect(run('[a] = 45%', { a: [0.45, 45] })).toEqual(['T', 'F']);
    expect(run('[a] * 1e-3 = 0.002', { a: [2] })).toEqual(['T']);
  });
});

describe('comparisons', () => {
  const a = [1, 2, 3, null, 2];
  const b = [2, 2, 2, 2, null];
  const table: [string, string[]][] = [
    ['<', ['T', 'F', 'F', 'U', 'U']],
    ['<=', ['T', 'T', 'F', 'U', 'U']],
    ['>', ['F', 'F', 'T', 'U', 'U']],
    ['>=', ['F', 'T', 'T', 'U', 'U']],
    ['=', ['F', 'T', 'F', 'U', 'U']],
    ['==', ['F', 'T', 'F', 'U', 'U']],
    ['<>', ['T', 'F', 'T', 'U', 'U']],
    ['!=', ['T', 'F', 'T', 'U', 'U']],
  ];
  it.each(table)('[a] %s [b]', (op, expected) => {
    expect(run(`[a] ${op} [b]`, { a, b })).toEqual(expected);
  });

  it('= holds within the tolerance (default 1e-8), <> is its negation', () => {
    const x = { a: [1, 1, 0.1], b: [1 + 1e-9, 1 + 1e-7, 0.3] };
    expect(run('[a] = [b]', x)).toEqual(['T', 'F', 'F']);
    expect(run('[a] <> [b]', x)).toEqual(['F', 'T', 'T']);
    expect(run('[a] + 0.2 = [b]', { a: [0.1], b: [0.3] })).toEqual(['T']);
    expect(run('[a] = [b]', { a: [1, 1], b: [1.4, 1.6] }, { tolerance: 0.5 })).toEqual(['T', 'F']);
    expect(run('[a] <> [b]', { a: [1, 1], b: [1.4, 1.6] }, { tolerance: 0.5 })).toEqual(['F', 'T']);
    expect(run('[a] = [b]', { a: [1], b: [1 + 1e-12] }, { tolerance: 0 })).toEqual(['F']);
  });

  it('the tolerance applies to = and <> only, not to < <= > >=', () => {
    expect(run('[a] <= [b]', { a: [1 + 1e-9], b: [1] })).toEqual(['F']);
  });

  it('text compares exactly with = and <>; blank text is unknown', () => {
    const size = ['sc0', 'sc1', null, 'SC0'];
    expect(run('[size] = "sc0"', { size })).toEqual(['T', 'F', 'U', 'F']);
    expect(run('"sc0" <> [size]', { size })).toEqual(['F', 'T', 'U', 'T']);
    expect(run('[s] = [t]', { s: ['a', 'b', null], t: ['a', 'c', 'a'] })).toEqual(['T', 'F', 'U']);
    expect(run('"a""b" = [s]', { s: ['a"b', 'ab'] })).toEqual(['T', 'F']);
  });

  it('a numeric column compared with a text column compares as numbers', () => {
    expect(run('[n] = [t]', { n: [1, 2, 3], t: ['1', 'x', null] })).toEqual(['T', 'U', 'U']);
  });
});

describe('functions', () => {
  it('ABS', () => {
    expect(run('ABS([a]) = 3', { a: [-3, 3, 2, null] })).toEqual(['T', 'T', 'F', 'U']);
  });

  it('MIN / MAX / SUM per record; any unknown makes the result unknown (never 0)', () => {
    const x = { a: [1, 5, null], b: [2, 4, 2], c: [3, 3, 3] };
    expect(run('MIN([a], [b], [c]) = 1', x)).toEqual(['T', 'F', 'U']);
    expect(run('MIN([a], [b], [c]) = 3', x)).toEqual(['F', 'T', 'U']);
    expect(run('MAX([a], [b], [c]) = 5', x)).toEqual(['F', 'T', 'U']);
    expect(run('SUM([a], [b], [c]) = 6', x)).toEqual(['T', 'F', 'U']);
    expect(run('SUM([a], [b], [c]) = 12', x)).toEqual(['F', 'T', 'U']);
    expect(run('MAX([a]) = 5', x)).toEqual(['F', 'T', 'U']);
  });

  it('ROUND rounds half away from zero as Excel does, with negative digits', () => {
    const a = [2.5, -2.5, 1.005, 1234, 0.5, null];
    expect(run('ROUND([a], 0) = 3', { a })).toEqual(['T', 'F', 'F', 'F', 'F', 'U']);
    expect(run('ROUND([a]) = -3', { a })).toEqual(['F', 'T', 'F', 'F', 'F', 'U']);
    expect(run('ROUND([a], 2) = 1.01', { a })).toEqual(['F', 'F', 'T', 'F', 'F', 'U']);
    expect(run('ROUND([a], -2) = 1200', { a })).toEqual(['F', 'F', 'F', 'T', 'F', 'U']);
    // 1.005 and 0.5 both round to 1.
    expect(run('ROUND([a], 0) = 1', { a })).toEqual(['F', 'F', 'T', 'F', 'T', 'U']);
    expect(run('ROUND(1, [d]) = 1', { d: [null] })).toEqual(['U']);
  });

  it('BETWEEN is AND(x >= lo, x <= hi), bounds included, Kleene with unknowns', () => {
    const x = {
      x: [5, 1, 10, 0, null, 20, 5],
      lo: [1, 1, 1, 1, 1, null, null],
      hi: [10, 10, 10, 10, 10, 10, 10],
    };
    // x above hi with an unknown lo is FALSE (x <= hi fails); x inside with unknown lo is unknown.
    expect(run('BETWEEN([x], [lo], [hi])', x)).toEqual(['T', 'T', 'T', 'F', 'U', 'F', 'U']);
  });

  it('function names are case-insensitive', () => {
    expect(run('and([a] > 0, Not([a] > 5))', { a: [1, 6] })).toEqual(['T', 'F']);
  });
});

describe('cross-form and previous-period references', () => {
  it('read the aligned columns the data provides', () => {
    const data = columnsDataset({
      columns: { 婚前医学检查人数: [10, 50, 5] },
      forms: { FE3: { 结婚登记人数: [20, 40, null] } },
      previous: { 婚前医学检查人数: [8, 100, 5] },
    });
    const cross = compileRule('[婚前医学检查人数] <= [FE3!结婚登记人数]');
    const prev = compileRule('ABS([婚前医学检查人数] / PREV([婚前医学检查人数]) - 1) <= 30%');
    if (!cross.ok || !prev.ok) throw new Error('did not compile');
    expect([...cross.rule.evaluate(data)]).toEqual([1, 0, -1]);
    // 10/8 - 1 = 0.25, 50/100 - 1 = -0.5, 5/5 - 1 = 0
    expect([...prev.rule.evaluate(data)]).toEqual([1, 0, 1]);
  });
});
