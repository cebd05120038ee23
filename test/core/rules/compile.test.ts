import { compileRule, type CompileOptions } from '../../../src/core/rules/compile';
import { columnsDataset, formsCatalog } from '../../../src/core/rules/data';
import { checkRegistry, FUNCTIONS } from '../../../src/core/rules/functions';
import { issueText, RuleDataError, type RuleIssue } from '../../../src/core/rules/issues';

function failure(rule: string, options: CompileOptions = {}): RuleIssue {
  const r = compileRule(rule, options);
  if (r.ok) throw new Error(`${rule} compiled`);
  return r.issue;
}

const fe1 = columnsDataset({
  form: ['FE1', '妇幼健康'],
  columns: {
    活产数: [100],
    男婴活产数: [50],
    女婴活产数: [50],
    婴儿死亡数: [1],
    '35-64岁妇女数（人）': [300],
  },
  forms: { FE3: { 结婚登记人数: [40], 村委会成员数: [7] } },
});

describe('functions', () => {
  it('the registry is well formed and has the functions of rules.md', () => {
    expect(checkRegistry()).toEqual([]);
    expect(Object.keys(FUNCTIONS).sort()).toEqual(
      ['ABS', 'AND', 'BETWEEN', 'IF', 'ISBLANK', 'MAX', 'MIN', 'NOT', 'OR', 'ROUND', 'SUM'].sort(),
    );
  });

  it('checkRegistry finds a malformed entry', () => {
    const bad = { lower: { ...FUNCTIONS.ABS, maxArgs: 0 } } as unknown as Parameters<
      typeof checkRegistry
    >[0];
    expect(checkRegistry(bad)).toEqual([
      'lower: name must be upper case',
      'lower: maxArgs',
      'lower: one parameter kind per argument',
    ]);
  });

  it('an unknown function is an error with its position and the closest name', () => {
    expect(failure('[a] > 0 + SUMM([a])')).toMatchObject({
      key: 'rules.unknownFunction',
      position: 11,
      start: 10,
      end: 14,
      params: { name: 'SUMM' },
      suggestion: 'SUM',
    });
    expect(failure('RUOND([a], 1) = 1')).toMatchObject({ suggestion: 'ROUND' });
    expect(failure('iff([a] > 0, 1, 2) = 1')).toMatchObject({
      params: { name: 'iff' },
      suggestion: 'IF',
    });
    expect(failure('AVERAGE([a]) > 0').suggestion).toBeUndefined();
    expect(issueText('en', failure('RUOND([a]) = 1'))).toBe(
      'At character 1: there is no function RUOND. Functions: AND, OR, NOT, IF, ABS, MIN, MAX, SUM, ROUND, ISBLANK, BETWEEN, PREV. Did you mean ROUND?',
    );
    expect(issueText('zh', failure('RUOND([a]) = 1'))).toBe(
      '第 1 个字符处：没有函数 RUOND。可用的函数：AND, OR, NOT, IF, ABS, MIN, MAX, SUM, ROUND, ISBLANK, BETWEEN, PREV。是否应为 ROUND？',
    );
  });

  it('a wrong number of arguments is an error naming the function and the count', () => {
    expect(failure('NOT([a] > 0, [b] > 0)')).toMatchObject({
      key: 'rules.arity.exact',
      position: 1,
      params: { name: 'NOT', min: 1, count: 2 },
    });
    expect(failure('IF([a] > 0, 1) = 1')).toMatchObject({
      key: 'rules.arity.exact',
      params: { min: 3, count: 2 },
    });
    expect(failure('ROUND() = 1')).toMatchObject({
      key: 'rules.arity.range',
      params: { min: 1, max: 2, count: 0 },
    });
    expect(failure('[x] > 1 + MAX()')).toMatchObject({
      key: 'rules.arity.min',
      position: 11,
      params: { count: 0 },
    });
    expect(issueText('zh', failure('BETWEEN([a], 1) '))).toBe(
      '第 1 个字符处：BETWEEN 需要 3 个参数，这里有 2 个。',
    );
  });
});

describe('items', () => {
  it('an unknown item is an error with its position and the closest known name', () => {
    const i = failure('[男婴活产数] + [女婴活产] = [活产数]', { catalog: fe1 });
    expect(i).toMatchObject({
      key: 'rules.unknownItem',
      position: 11,
      start: 10,
      end: 16,
      params: { item: '女婴活产' },
      suggestion: '[女婴活产数]',
    });
    expect(issueText('zh', i)).toBe(
      '第 11 个字符处：找不到数据项 [女婴活产]。是否应为 [女婴活产数]？',
    );
    expect(issueText('en', i)).toBe(
      'At character 11: there is no item [女婴活产]. Did you mean [女婴活产数]?',
    );
    expect(failure('[活产] > 0', { catalog: fe1 }).suggestion).toBe('[活产数]');
    expect(failure('[婴儿死忙数] > 0', { catalog: fe1 }).suggestion).toBe('[婴儿死亡数]');
    expect(failure('[结婚登记人数] > 0', { catalog: fe1 }).suggestion).toBeUndefined();
  });

  it('items are matched like headers: unit suffixes, widths and spaces do not matter', () => {
    expect(compileRule('[35-64岁妇女数] > 0', { catalog: fe1 }).ok).toBe(true);
    expect(compileRule('[３５－６４岁妇女数（人）] > 0', { catalog: fe1 }).ok).toBe(true);
    expect(compileRule('[ 活产数 (人) ] > 0', { catalog: fe1 }).ok).toBe(true);
  });

  it('another form: unknown form or unknown item there', () => {
    expect(compileRule('[FE3!结婚登记人数] > 0', { catalog: fe1 }).ok).toBe(true);
    expect(compileRule('[FE1!活产数] > 0', { catalog: fe1 }).ok).toBe(true);
    expect(compileRule('[妇幼健康!活产数] > 0', { catalog: fe1 }).ok).toBe(true);
    expect(failure('[FE4!结婚登记人数] > 0', { catalog: fe1 })).toMatchObject({
      key: 'rules.unknownForm',
      params: { form: 'FE4', item: '结婚登记人数' },
      suggestion: '[FE3!结婚登记人数]',
    });
    expect(failure('[FE3!结婚登记] > 0', { catalog: fe1 })).toMatchObject({
      key: 'rules.unknownFormItem',
      params: { form: 'FE3', item: '结婚登记' },
      suggestion: '[FE3!结婚登记人数]',
    });
  });

  it('a catalogue of several forms (a profile) checks rules before any data is read', () => {
    const catalog = formsCatalog([
      {
        id: 'FE1',
        name: '妇幼健康',
        items: [
          { name: '活产数', also: ['live_births', '活产儿数'] },
          { name: '婚前医学检查人数', also: ['婚检人数'] },
        ],
      },
      { id: 'FE3', name: '民政', items: [{ name: '结婚登记人数' }] },
    ]);
    for (const ok of [
      '[活产儿数] > 0',
      '[live_births] > 0',
      'PREV([活产数]) > 0',
      '[FE1!婚检人数] <= [民政!结婚登记人数]',
      '[结婚登记人数] > 0',
    ]) {
      expect({ ok, compiled: compileRule(ok, { catalog }).ok }).toEqual({ ok, compiled: true });
    }
    const elsewhere = failure('[FE1!结婚登记人数] > 0', { catalog });
    expect(elsewhere).toMatchObject({ key: 'rules.unknownFormItem', params: { form: 'FE1' } });
    expect(elsewhere.suggestion).toBeUndefined();
    expect(failure('[FE1!活产] > 0', { catalog })).toMatchObject({ suggestion: '[FE1!活产数]' });
    expect(failure('[FE2!x] > 0', { catalog })).toMatchObject({ key: 'rules.unknownForm' });
    expect(failure('[结婚登记数] > 0', { catalog })).toMatchObject({
      suggestion: '[结婚登记人数]',
    });
  });

  it('PREV without previous-period data', () => {
    expect(failure('PREV([活产数]) > 0', { catalog: fe1 })).toMatchObject({
      key: 'rules.noPrevious',
      position: 1,
      params: { item: '活产数' },
    });
  });

  it('lists the distinct items a rule reads, in order, with their place', () => {
    const r = compileRule('[a] + [b] = [ａ] + PREV([a]) + [FE3!a] - [fe3!a]');
    if (!r.ok) throw new Error('did not compile');
    expect(r.rule.refs.map((x) => x.text)).toEqual(['[a]', '[b]', 'PREV([a])', '[FE3!a]']);
    expect(r.rule.refs.map((x) => [x.start, x.end])).toEqual([
      [0, 3],
      [6, 9],
      [18, 27],
      [30, 37],
    ]);
    expect(r.rule.refs[2]).toMatchObject({ name: 'a', key: 'a', previous: true });
  });

  it('evaluating on data without an item throws RuleDataError with a hint', () => {
    const r = compileRule('[活产] >= 0');
    if (!r.ok) throw new Error('did not compile');
    expect(() => r.rule.evaluate(fe1)).toThrow(RuleDataError);
    try {
      r.rule.evaluate(fe1);
    } catch (e) {
      expect((e as RuleDataError).issue).toMatchObject({
        key: 'rules.unknownItem',
        suggestion: '[活产数]',
      });
    }
  });
});

describe('types', () => {
  it.each([
    ['[a] + "x" > 1', 'rules.textArithmetic', 7],
    ['NOT("x")', 'rules.textArithmetic', 5],
    ['ABS("x") > 1', 'rules.textArithmetic', 5],
    ['[size] < "a"', 'rules.textOrder', 10],
    ['"a" >= [size]', 'rules.textOrder', 1],
    ['"a" = 1', 'rules.textVsNumber', 7],
    ['([a] > 0) = "x"', 'rules.textVsNumber', 1],
    ['IF([a] > 0, "x", 1) = "x"', 'rules.ifMixed', 18],
  ])('%s is %s at %d', (rule, key, position) => {
    expect(failure(rule)).toMatchObject({ key, position });
  });

  it('a rule must be a condition', () => {
    expect(failure('[a] + 1')).toMatchObject({ key: 'rules.notCondition' });
    expect(failure('[a]')).toMatchObject({ key: 'rules.notCondition' });
    expect(failure('IF([a] > 0, 1, 2)')).toMatchObject({ key: 'rules.notCondition' });
    expect(compileRule('IF([a] > 0, [b] > 0, [c] > 0)').ok).toBe(true);
  });

  it('the tolerance must be a non-negative number', () => {
    expect(failure('[a] = 1', { tolerance: -1 })).toMatchObject({ key: 'rules.badTolerance' });
    expect(failure('[a] = 1', { tolerance: NaN })).toMatchObject({ key: 'rules.badTolerance' });
  });

  it('syntax errors come through compileRule unchanged', () => {
    expect(failure('[a] + * 1')).toMatchObject({ key: 'rules.syntax', position: 7 });
  });
});

describe('compile once, evaluate many', () => {
  it('the same compiled rule evaluates different datasets independently', () => {
    const r = compileRule('[a] + [b] = [c]');
    if (!r.ok) throw new Error('did not compile');
    const one = columnsDataset({ columns: { a: [1, 2], b: [1, 2], c: [2, 5] } });
    const two = columnsDataset({ columns: { a: [1, null, 3], b: [1, 1, 1], c: [2, 2, 4] } });
    expect([...r.rule.evaluate(one)]).toEqual([1, 0]);
    expect([...r.rule.evaluate(two)]).toEqual([1, -1, 1]);
    expect([...r.rule.evaluate(one)]).toEqual([1, 0]);
  });

  it('does not change the data it reads', () => {
    const a = new Float64Array([1, 2, 3]);
    const r = compileRule('MAX([a], 2) + MIN([a], 2) + SUM([a], 1) > 0');
    if (!r.ok) throw new Error('did not compile');
    r.rule.evaluate(columnsDataset({ columns: { a } }));
    expect([...a]).toEqual([1, 2, 3]);
  });
});
