import { GENERIC_VOCABULARY, HeaderIndex } from '../../../src/core/read/vocabulary';
import { defaultIndex } from '../../support/fixtures';

const index = new HeaderIndex(GENERIC_VOCABULARY);

describe('total labels', () => {
  test.each([
    '合计',
    '合  计',
    '总计',
    '总　计',
    '小计',
    '全市',
    '全县',
    '全市合计',
    '全镇合计',
    '全县总计',
    '城区小计',
    '乡村小计',
    '合 计',
    // As offices also write them: a colon after the word, 汇总, 合计数, the whole area alone.
    '合计：',
    '合计:',
    '合 计：',
    '乙镇小计：',
    '汇总',
    '合计数',
    '全镇',
    '全乡',
    '全街道',
    // Other words for it, and what offices add in brackets.
    '共计',
    '总和',
    '累计',
    '总数',
    '合计（含开发区）',
    '合计(3个乡镇)',
    '全县（市、区）',
    '总计（不含城区）：',
  ])('%j is a total row label', (label) => {
    expect(index.isTotalLabel(label)).toBe(true);
  });

  test.each([
    '东城街道',
    '合计镇',
    '全市人口',
    '',
    '一二三四五六七八九合计',
    '全镇村',
    '汇总表说明',
    '东城街道（原东城镇）',
    '合计（含开发区）镇',
    '总数村',
  ])('%j is not', (label) => {
    expect(index.isTotalLabel(label)).toBe(false);
  });

  test('isTotal keeps to the profile markers exactly', () => {
    expect(index.isTotal('合  计')).toBe(true);
    expect(index.isTotal('全市')).toBe(true);
    expect(index.isTotal('城区小计')).toBe(false);
  });
});

describe('reporting-unit headers', () => {
  test.each([
    ['乡镇名称', 'unit'], // 乡镇 + 名称
    ['乡镇街道', 'unit'], // 乡镇（街道） without brackets
    ['乡镇(街道)名称', 'unit'],
    ['街道名称', 'unit'],
    ['区划代码', 'code'],
  ])('%j is a %s header', (header, kind) => {
    expect(index.lookup(header)?.kind).toBe(kind);
  });

  test.each(['镇（街道）', '单位（乡镇）', '名称', '乡镇代码'])('%j is not known', (header) => {
    expect(index.lookup(header)).toBeUndefined();
  });
});

describe('a part under a group in a two-row header (村委会成员数 over 合计 | 其中：女性)', () => {
  const item = (id: string, name: string, synonyms: string[] = []) => ({ id, name, synonyms });
  const parts = new HeaderIndex({
    ...GENERIC_VOCABULARY,
    items: [
      item('members', '村委会成员数'),
      item('women', '村委会女性成员数'),
      item('heads', '村委会主任数'),
      item('women_heads', '女性村委会主任数'),
      item('staff', '教职工数'),
      item('women_staff', '女教职工数', ['教职工中女性人数']),
      item('rural_births', '农村活产数'),
    ],
  });
  test.each([
    ['村委会成员数', '其中：女性', 'women'],
    ['村委会成员数', '其中:女', 'women'],
    ['村委会成员数', '女', 'women'],
    ['村委会成员数', '（女性）', 'women'],
    ['村委会主任数', '其中：女性', 'women_heads'],
    ['教职工数', '女性', 'women_staff'],
    ['教职工人数', '其中：女', 'women_staff'],
    ['活产数', '其中：农村', 'rural_births'],
    ['活产数', '乡村', 'rural_births'],
  ])('%s over %s is %s', (upper, lower, id) => {
    expect(parts.partOf(upper, lower)?.id).toBe(id);
  });
  test.each([
    ['村委会成员数', '其中：男性'],
    ['村委会成员数', '其中：少数民族'],
    ['村委会成员数', '合计'],
    ['居委会成员数', '其中：女性'],
    ['活产数', '其中：城镇'],
  ])('%s over %s is no item', (upper, lower) => {
    expect(parts.partOf(upper, lower)).toBeUndefined();
  });
});

describe('a header with a footnote mark is the item (taken off only when the header is unknown)', () => {
  const marks = new HeaderIndex({
    ...GENERIC_VOCABULARY,
    items: [
      { id: 'kg', name: '在园幼儿数', synonyms: [] },
      { id: 'p15', name: '15-17岁人口数', synonyms: [] },
    ],
  });
  test.each([
    '在园幼儿数①',
    '在园幼儿数*',
    '在园幼儿数※',
    '在园幼儿数²',
    '在园幼儿数（注1）',
    '在园幼儿数(注)',
    '在园幼儿数注2',
    '在园幼儿数1',
    '★在园幼儿数',
  ])('%j is 在园幼儿数', (header) => {
    const role = marks.lookup(header);
    expect(role?.kind === 'item' ? role.item.id : undefined).toBe('kg');
  });
  test('a digit that is part of the name stays: 15-17岁人口数 is itself, 在园幼儿数12 is nothing', () => {
    const role = marks.lookup('15-17岁人口数');
    expect(role?.kind === 'item' ? role.item.id : undefined).toBe('p15');
    expect(marks.lookup('在园幼儿数12')).toBeUndefined();
  });
});

describe('the 民政 form’s marriages, as headers write them', () => {
  const profiled = defaultIndex();
  test.each(['结婚登记（对）', '结婚登记(对)', '登记结婚（对）', '结婚登记对数', '结婚登记人数'])(
    '%j is 结婚登记人数',
    (header) => {
      const found = profiled.lookup(header);
      expect(found?.kind === 'item' ? found.item.id : undefined).toBe('marriages_registered');
    },
  );
});
