import type { Expr } from '../../../src/core/rules/ast';
import { issueText, type RuleIssue } from '../../../src/core/rules/issues';
import { parseRule } from '../../../src/core/rules/parse';

/** A tree as a Lisp-like string, so precedence is visible: (+ 1 (* 2 3)). */
function show(e: Expr): string {
  switch (e.type) {
    case 'number':
      return String(e.value);
    case 'string':
      return JSON.stringify(e.value);
    case 'item': {
      const item = e.form !== undefined ? `[${e.form}!${e.name}]` : `[${e.name}]`;
      return e.previous ? `PREV(${item})` : item;
    }
    case 'unary':
      return `(${e.op} ${show(e.operand)})`;
    case 'binary':
    case 'compare':
      return `(${e.op} ${show(e.left)} ${show(e.right)})`;
    case 'call':
      return `${e.name}(${e.args.map(show).join(', ')})`;
  }
}

function tree(source: string): string {
  const r = parseRule(source);
  if (!r.ok) throw new Error(`${source}: ${issueText('en', r.issue)}`);
  return show(r.ast);
}

function ast(source: string): Expr {
  const r = parseRule(source);
  if (!r.ok) throw new Error(`${source}: ${issueText('en', r.issue)}`);
  return r.ast;
}

function issue(source: string): RuleIssue {
  const r = parseRule(source);
  if (r.ok) throw new Error(`${source} parsed`);
  return r.issue;
}

describe('precedence, as in Excel', () => {
  it.each([
    ['1 + 2 * 3', '(+ 1 (* 2 3))'],
    ['1 * 2 + 3', '(+ (* 1 2) 3)'],
    ['1 - 2 - 3', '(- (- 1 2) 3)'],
    ['8 / 4 / 2', '(/ (/ 8 4) 2)'],
    ['2 * 3 ^ 2', '(* 2 (^ 3 2))'],
    // Excel: ^ is left-associative and unary minus binds tighter than ^ (=-2^2 is 4).
    ['2 ^ 3 ^ 2', '(^ (^ 2 3) 2)'],
    ['-2 ^ 2', '(^ (- 2) 2)'],
    ['2 ^ -1', '(^ 2 (- 1))'],
    ['2 * -3', '(* 2 (- 3))'],
    ['- -1', '(- (- 1))'],
    ['[a] + [b] = [c] * 2', '(= (+ [a] [b]) (* [c] 2))'],
    ['([a] + [b]) * 2 <= [c]', '(<= (* (+ [a] [b]) 2) [c])'],
    ['[a] - [b] >= -[c]', '(>= (- [a] [b]) (- [c]))'],
    [
      'OR([a] < 200, BETWEEN([b] / [c] * 100, 95, 125))',
      'OR((< [a] 200), BETWEEN((* (/ [b] [c]) 100), 95, 125))',
    ],
  ])('%s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });

  it.each([
    ['[a] == [b]', '(= [a] [b])'],
    ['[a] != [b]', '(<> [a] [b])'],
    ['[a] <> [b]', '(<> [a] [b])'],
    ['[a]<=[b]', '(<= [a] [b])'],
    ['[a]>=[b]', '(>= [a] [b])'],
    ['[a]<[b]', '(< [a] [b])'],
    ['[a]>[b]', '(> [a] [b])'],
  ])('comparison %s', (source, expected) => {
    expect(tree(source)).toBe(expected);
  });
});

describe('literals and references', () => {
  it.each([
    ['45%', 0.45],
    ['4.5%', 0.045],
    ['0.1%', 0.001],
    ['100%', 1],
    ['1e2%', 1],
    ['0.6', 0.6],
    ['1e-3', 0.001],
    ['1E3', 1000],
    ['.5', 0.5],
    ['5.', 5],
  ])('number %s is %d', (source, value) => {
    const e = ast(`[x] = ${source}`);
    if (e.type !== 'compare' || e.right.type !== 'number') throw new Error('not a comparison');
    expect(e.right.value).toBe(value);
    expect(e.right.percent).toBe(source.endsWith('%'));
  });

  it('strings in double quotes, "" is a quote', () => {
    expect(tree('[size] = "sc0"')).toBe('(= [size] "sc0")');
    expect(tree('[s] = "a""b"')).toBe('(= [s] "a\\"b")');
    expect(tree('[s] = ""')).toBe('(= [s] "")');
  });

  it('item names are any characters but ], trimmed', () => {
    expect(tree('[total.rev] > 0')).toBe('(> [total.rev] 0)');
    expect(tree('[ 35-64岁妇女数（人） ] > 0')).toBe('(> [35-64岁妇女数（人）] 0)');
    expect(tree('[配备儿童主任的村（社区）数] > 0')).toBe('(> [配备儿童主任的村（社区）数] 0)');
  });

  it('[form!item] names another form; PREV(...) the previous period', () => {
    expect(tree('[FE1!婚前医学检查人数] <= [FE3!结婚登记人数]')).toBe(
      '(<= [FE1!婚前医学检查人数] [FE3!结婚登记人数])',
    );
    expect(tree('[民政!结婚登记人数] > 0')).toBe('(> [民政!结婚登记人数] 0)');
    expect(tree('PREV([活产数]) < 100')).toBe('(< PREV([活产数]) 100)');
    expect(tree('prev ( [FE3!x] ) < 1')).toBe('(< PREV([FE3!x]) 1)');
    const e = ast('PREV([活产数]) < 100');
    expect(e.type === 'compare' && e.left).toMatchObject({
      type: 'item',
      previous: true,
      start: 0,
      end: 11,
    });
  });

  it('function names are case-insensitive and upper-cased in the tree', () => {
    expect(tree('round([a], 1) = abs([b])')).toBe('(= ROUND([a], 1) ABS([b]))');
    const e = ast('Round([a]) = 1');
    expect(e.type === 'compare' && e.left.type === 'call' && e.left.written).toBe('Round');
  });

  it('source offsets on every node', () => {
    const e = ast('[a] + [bb] * 2 = 7');
    expect(e).toMatchObject({ type: 'compare', start: 0, end: 18, opStart: 15 });
    if (e.type !== 'compare' || e.left.type !== 'binary') throw new Error('shape');
    expect(e.left).toMatchObject({ start: 0, end: 14, opStart: 4 });
    expect(e.left.right).toMatchObject({ type: 'binary', start: 6, end: 14, opStart: 11 });
    // Parentheses belong to the node they enclose.
    expect(ast('([a]) > 1')).toMatchObject({ left: { type: 'item', start: 0, end: 5 } });
  });
});

describe('full-width punctuation (NFKC) and Chinese symbols', () => {
  it('parses as the ASCII rule', () => {
    expect(tree('ＯＲ（［活产数］＜２００，［婴儿死亡数］／［活产数］＊１０００＜＝２０）')).toBe(
      tree('OR([活产数] < 200, [婴儿死亡数] / [活产数] * 1000 <= 20)'),
    );
    expect(tree('［男婴活产数］＋［女婴活产数］＝［活产数］')).toBe(
      '(= (+ [男婴活产数] [女婴活产数]) [活产数])',
    );
    expect(tree('[a] ≤ [b]')).toBe('(<= [a] [b])');
    expect(tree('[a] ≥ [b]')).toBe('(>= [a] [b])');
    expect(tree('[a] ≠ [b]')).toBe('(<> [a] [b])');
    expect(tree('[a] × [b] ÷ 2 − 1 > 0')).toBe('(> (- (/ (* [a] [b]) 2) 1) 0)');
    expect(tree('【活产数】　＞　０')).toBe('(> [活产数] 0)');
    expect(tree('[size] = “sc0”')).toBe('(= [size] "sc0")');
    expect(tree('[FE3！结婚登记人数] > ４５％')).toBe('(> [FE3!结婚登记人数] 0.45)');
  });

  it('keeps offsets in the text as written', () => {
    // ≤ is one character written, two (<=) parsed.
    const e = ast('[a] ≤ [b] + 1');
    expect(e).toMatchObject({ opStart: 4, start: 0, end: 13, right: { start: 6, end: 13 } });
    const w = ast('［活产数］＞＝０');
    expect(w).toMatchObject({
      opStart: 5,
      left: { start: 0, end: 5, name: '活产数' },
      right: { start: 7, end: 8 },
    });
  });

  it('keeps the text inside quotes as written', () => {
    expect(tree('[s] = "（男）"')).toBe('(= [s] "（男）")');
  });
});

describe('errors name the character position', () => {
  it('a misplaced operator', () => {
    const i = issue('[a] + * [b]');
    expect(i).toMatchObject({ key: 'rules.syntax', position: 7, start: 6, end: 7 });
    expect(issueText('en', i)).toBe(
      'Syntax error at character 7: found "*" where an item such as [活产数], a number, a function, text in double quotes, "(", "-" or "+" was expected.',
    );
    expect(issueText('zh', i)).toBe(
      '第 7 个字符处有语法错误：遇到「*」，这里应为数据项（如 [活产数]）、数字、函数、带双引号的文字、「(」、「-」或「+」。',
    );
  });

  it('the end of the rule', () => {
    expect(issue('[a] >= ')).toMatchObject({
      key: 'rules.syntax',
      position: 8,
      syntax: { found: { kind: 'end' } },
    });
    const i = issue('ABS([a]');
    expect(issueText('en', i)).toBe(
      'Syntax error at character 8: found the end of the rule where an operator (+ - * / ^), a comparison (= <> < <= > >=), ")" or "," was expected.',
    );
    expect(issueText('en', issue('[abc'))).toBe(
      'Syntax error at character 5: found the end of the rule where "]" was expected.',
    );
    expect(issueText('en', issue('[s] = "abc'))).toBe(
      'Syntax error at character 11: found the end of the rule where """ was expected.',
    );
  });

  it('counts characters as written, full-width and Chinese included', () => {
    expect(issue('［活产数］＋＊１')).toMatchObject({
      position: 7,
      syntax: { found: { literal: '＊' } },
    });
    expect(issue('[活产数] > > 1')).toMatchObject({ position: 9 });
    // An emoji is two UTF-16 units but one character.
    expect(issue('[😀] + * 1')).toMatchObject({ position: 7, start: 7 });
  });

  it('two operands without an operator', () => {
    expect(issueText('en', issue('[a] = 1 1'))).toBe(
      'Syntax error at character 9: found "1" where an operator (+ - * / ^), a comparison (= <> < <= > >=) or the end of the rule was expected.',
    );
  });

  it('a name without brackets is not an item', () => {
    const i = issue('活产数 > 0');
    expect(i).toMatchObject({ key: 'rules.bareName', position: 1, params: { name: '活产数' } });
    expect(issueText('zh', i)).toBe(
      '第 1 个字符处的「活产数」既不是函数也不是数据项：数据项要写在方括号里，如 [活产数]。',
    );
    expect(issue('[a] > 0 + x')).toMatchObject({
      key: 'rules.bareName',
      position: 11,
      params: { name: 'x' },
    });
  });

  it('TRUE and FALSE are not in the language: write a condition', () => {
    const i = issue('IF([a] > 0, [b] > 0, TRUE)');
    expect(i).toMatchObject({ key: 'rules.noBoolean', position: 22, params: { name: 'TRUE' } });
    expect(issueText('en', i)).toBe(
      'At character 22: TRUE cannot be written in a rule; write a condition instead (1 = 1 always holds, 1 = 0 never does).',
    );
    expect(issue('false')).toMatchObject({ key: 'rules.noBoolean', params: { name: 'false' } });
  });

  it('chained comparisons', () => {
    expect(issue('[a] < [b] < [c]')).toMatchObject({
      key: 'rules.chainedComparison',
      position: 11,
    });
  });

  it('PREV takes exactly one item', () => {
    expect(issue('PREV(1) > 0')).toMatchObject({ key: 'rules.prevArgument', position: 1 });
    expect(issue('PREV([a], [b]) > 0')).toMatchObject({ key: 'rules.prevArgument' });
    expect(issue('PREV(PREV([a])) > 0')).toMatchObject({ key: 'rules.prevArgument' });
    expect(issue('[a] > PREV()')).toMatchObject({ key: 'rules.prevArgument', position: 7 });
  });

  it('empty brackets, empty rules', () => {
    expect(issue('[] > 0')).toMatchObject({ key: 'rules.emptyItem', position: 1 });
    expect(issue('[FE3!] > 0')).toMatchObject({ key: 'rules.emptyItem' });
    expect(issue('[!x] > 0')).toMatchObject({ key: 'rules.emptyItem' });
    expect(issue('')).toMatchObject({ key: 'rules.empty' });
    expect(issue(' 　 ')).toMatchObject({ key: 'rules.empty' });
  });
});
