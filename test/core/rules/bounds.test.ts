import { walk, type Expr } from '../../../src/core/rules/ast';
import { RULE_LIMITS } from '../../../src/core/rules/bounds';
import { compileRule } from '../../../src/core/rules/compile';
import { columnsDataset } from '../../../src/core/rules/data';
import { issueText } from '../../../src/core/rules/issues';
import { parseRule } from '../../../src/core/rules/parse';
import { parseRuleTable, problemText } from '../../../src/core/rules/table';
import { parseTemplate } from '../../../src/core/rules/template';

// Made in each test that uses it, so that the mutation check counts its making as the test's.
const data = () => columnsDataset({ columns: { a: [1, 2, null], 活产数: [10, 0, 3] } });

function outcomes(rule: string): number[] {
  const c = compileRule(rule, { catalog: data() });
  if (!c.ok) throw new Error(`${rule.slice(0, 40)}…: ${c.issue.key}`);
  return [...c.rule.evaluate(data())];
}

function issueOf(rule: string): { key: string; params: Record<string, unknown> } {
  const p = parseRule(rule);
  if (p.ok) throw new Error('parsed');
  return { key: p.issue.key, params: p.issue.params };
}

/** How deep the tree goes along its left spine (a chain of operators). */
function leftDepth(e: Expr): number {
  let n = 0;
  for (let x: Expr = e; x.type === 'binary' || x.type === 'compare'; x = x.left) n++;
  return n;
}

describe('the limits of a rule are checked before it is parsed', () => {
  test('the limits are what README states', () => {
    expect(RULE_LIMITS).toEqual({ length: 4000, depth: 64 });
  });

  test('4,000 characters parse; 4,001 are refused with the length and the limit', () => {
    // "1+1+…+1>0": 1,998 ones and 1,997 pluses is 3,995 characters, plus ">0" and padding.
    const base = Array(1998).fill('1').join('+') + '>0';
    expect(base.length).toBe(3997);
    const at = base + '   ';
    expect(at.length).toBe(4000);
    expect(parseRule(at).ok).toBe(true);
    expect(issueOf(at + ' ')).toEqual({
      key: 'rules.tooLong',
      params: { length: 4001, limit: 4000 },
    });
  });

  test('characters are counted as a user counts them: a Chinese or rarer character is one', () => {
    // 𠀀 (U+20000) is two UTF-16 units but one character: [𠀀…𠀀]>0 with 3,996 of them is
    // 4,000 characters (7,996 units).
    expect(parseRule(`[${'𠀀'.repeat(3996)}]>0`).ok).toBe(true);
    expect(issueOf(`[${'𠀀'.repeat(3997)}]>0`).params).toEqual({ length: 4001, limit: 4000 });
    expect(parseRule(`[${'活'.repeat(3996)}]>0`).ok).toBe(true);
    expect(issueOf(`[${'活'.repeat(3997)}]>0`).key).toBe('rules.tooLong');
  });

  test('a rule of 20,000 terms is refused by the length limit, not by the stack', () => {
    const rule = Array(20000).fill('[a]').join('+') + ' > 0';
    expect(issueOf(rule)).toEqual({
      key: 'rules.tooLong',
      params: { length: 79_999 + 4, limit: 4000 },
    });
    const c = compileRule(rule);
    expect(c.ok).toBe(false);
    // A two-gigabyte rule is refused without counting its characters one by one.
    expect(issueOf('1'.repeat(50_000_000)).params).toEqual({ length: 50_000_000, limit: 4000 });
  });

  test('64 levels of parentheses parse; 65 are refused at the 65th, with the limit', () => {
    const nest = (n: number) => `${'('.repeat(n)}[a]${')'.repeat(n)} > 0`;
    expect(outcomes(nest(64))).toEqual([1, 1, -1]);
    expect(issueOf(nest(65))).toEqual({
      key: 'rules.tooDeep',
      params: { limit: 64, position: 65 },
    });
    // 5,000 levels (the issue's example) within the length limit's reach: refused by length.
    expect(issueOf(nest(5000)).key).toBe('rules.tooLong');
    // 1,990 levels fit in 4,000 characters: refused by depth, in one pass, at the 65th.
    expect(issueOf(nest(1990))).toEqual({
      key: 'rules.tooDeep',
      params: { limit: 64, position: 65 },
    });
  });

  test('function calls and signs are levels too; full-width brackets count as brackets', () => {
    expect(outcomes(`${'ABS('.repeat(64)}-[a]${')'.repeat(64)} > 0`.replace('-', ''))).toEqual([
      1, 1, -1,
    ]);
    expect(issueOf(`${'ABS('.repeat(64)}-[a]${')'.repeat(64)} > 0`).key).toBe('rules.tooDeep');
    // 64 signs: --…-[a] is [a] (an even number of minus signs).
    expect(outcomes(`${'-'.repeat(64)}[a] = [a]`)).toEqual([1, 1, -1]);
    expect(issueOf(`${'-'.repeat(65)}[a] = [a]`)).toEqual({
      key: 'rules.tooDeep',
      params: { limit: 64, position: 65 },
    });
    // Signs inside parentheses add up: -(-(…)) is two levels per pair.
    expect(outcomes(`${'-('.repeat(32)}[a]${')'.repeat(32)} = [a]`)).toEqual([1, 1, -1]);
    expect(issueOf(`${'-('.repeat(33)}[a]${')'.repeat(33)} = [a]`).key).toBe('rules.tooDeep');
    expect(issueOf(`${'（'.repeat(65)}[a]${'）'.repeat(65)} > 0`).key).toBe('rules.tooDeep');
    // A binary minus is not a sign: 1-1-1-… is one level however long.
    expect(outcomes(`[a] ${'- 1 '.repeat(500)}< [a]`)).toEqual([1, 1, -1]);
    expect(outcomes(`[a] ^ -1 ^ -1 ^ -1 > 0`)).toEqual([1, 1, -1]);
  });

  test('brackets inside an item name or a string are not nesting', () => {
    const name = `${'('.repeat(100)}x${')'.repeat(100)}`;
    const d = columnsDataset({ columns: { [name]: [1], s: ['(((('] } });
    const c = compileRule(`[${name}] > 0`, { catalog: d });
    expect(c.ok && [...c.rule.evaluate(d)]).toEqual([1]);
    const text = `"${'('.repeat(100)}""${'('.repeat(100)}"`;
    expect(parseRule(`[s] = ${text}`).ok).toBe(true);
    const s = compileRule(`[s] <> ${text}`, { catalog: d });
    expect(s.ok && [...s.rule.evaluate(d)]).toEqual([1]);
  });

  test('the messages name the limit; in a rule table, the rule id and row too', () => {
    const set = parseRuleTable([
      ['编号', '规则', '级别'],
      ['LONG-1', Array(20000).fill('[a]').join('+') + ' > 0', '强制'],
      ['DEEP-1', `${'('.repeat(100)}[a]${')'.repeat(100)} > 0`, '强制'],
      ['OK-1', '[a] > 0', '强制'],
    ]);
    expect(set.rules.map((r) => r.id)).toEqual(['OK-1']);
    const zh = set.problems.map((p) => problemText('zh', p));
    expect(zh[0]).toBe(
      '规则 LONG-1（第 2 行）：规则过长：共 80003 个字符，超过上限 4000 个字符。请把它拆成几条规则。',
    );
    expect(zh[1]).toBe(
      '规则 DEEP-1（第 3 行）：第 65 个字符处：括号和正负号嵌套超过 64 层。请简化该规则或拆成几条规则。',
    );
    const en = set.problems.map((p) => problemText('en', p));
    expect(en[0]).toMatch(/^Rule LONG-1 \(row 2\): The rule is too long: 80003 characters.*4000/);
    expect(en[1]).toMatch(/^Rule DEEP-1 \(row 3\): At character 65: .*64 levels/);
  });
});

describe('long chains within the limits: no walk over the tree recurses along them', () => {
  test('the grammar does build a deep tree', () => {
    // 996 additions, 3,991 characters: a tree 997 levels deep along its left spine.
    const p = parseRule(`${Array(997).fill('[a]').join('+')} > 0`);
    expect(p.ok).toBe(true);
    if (p.ok) expect(leftDepth(p.ast)).toBe(997);
  });

  test('it evaluates: 1,000 × [a] added up, compared with [a] * 1000 (blank stays unknown)', () => {
    const rule = Array(994).fill('[a]').join('+') + '=[a]*994';
    expect(rule.length).toBeLessThanOrEqual(4000);
    expect(outcomes(rule)).toEqual([1, 1, -1]);
    // 1,997 ones: 1+1+…+1 is 1,997 in every record.
    const ones = Array(1997).fill('1').join('+');
    expect(outcomes(`${ones} = 1997`)).toEqual([1, 1, 1]);
    expect(outcomes(`${ones} = 1996`)).toEqual([0, 0, 0]);
    // Left to right, as written: 2^2^2^… is ((2^2)^2)^…: 2^(2^k); with four 2s, 256.
    expect(outcomes('2^2^2^2 = 256')).toEqual([1, 1, 1]);
    expect(outcomes('100-10-1 = 89')).toEqual([1, 1, 1]);
    expect(outcomes('64/4/2/2 = 4')).toEqual([1, 1, 1]);
  });

  test('every node is walked, parents first, left to right', () => {
    const p = parseRule(`${Array(1300).fill('1').join('-')} < [a]`);
    if (!p.ok) throw new Error('no parse');
    const nodes = [...walk(p.ast)];
    // 1 comparison + 1,299 subtractions + 1,300 numbers + 1 item.
    expect(nodes).toHaveLength(2601);
    expect(nodes[0]?.type).toBe('compare');
    expect(nodes.filter((n) => n.type === 'number')).toHaveLength(1300);
    expect(nodes[nodes.length - 1]?.type).toBe('item');
    // Offsets were mapped back for every node (remap is iterative too).
    expect(nodes.every((n) => n.start >= 0 && n.end > n.start)).toBe(true);
    const small = parseRule('ABS([a] - 1) < MAX(2, -[b])');
    if (!small.ok) throw new Error('no parse');
    expect([...walk(small.ast)].map((n) => (n.type === 'call' ? n.name : n.type))).toEqual([
      'compare',
      'ABS',
      'binary',
      'item',
      'number',
      'MAX',
      'number',
      'unary',
      'item',
    ]);
  });

  test('an error deep in a chain is still found and placed', () => {
    const rule = `${Array(900).fill('[a]').join('+')}+"x" > 0`;
    const c = compileRule(rule, { catalog: data() });
    expect(c.ok).toBe(false);
    if (!c.ok) {
      expect(c.issue.key).toBe('rules.textArithmetic');
      expect(c.issue.position).toBe(900 * 4 + 1);
      expect(issueText('zh', c.issue)).toContain(`第 ${900 * 4 + 1} 个字符`);
    }
    // The items are listed in the order they first appear, once.
    const refs = compileRule(`${Array(900).fill('[a]').join('+')}+[活产数] > 0`, {
      catalog: data(),
    });
    expect(refs.ok && refs.rule.refs.map((r) => r.text)).toEqual(['[a]', '[活产数]']);
  });

  test('message templates are bounded the same way', () => {
    const { template, unresolved } = parseTemplate(`{[${'x'.repeat(5000)}]} {[a]}`);
    expect(unresolved).toHaveLength(1);
    expect(template.parts.filter((p) => p.kind === 'item')).toHaveLength(1);
  });
});
