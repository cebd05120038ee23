import { headerUnit, normalizeHeader } from '../../../src/core/read/normalize';

describe('header normalisation (items.md)', () => {
  test.each([
    ['活产数（人）', '活产数'],
    ['活产数(人)', '活产数'],
    ['活产数/人', '活产数'],
    ['活产数 （单位：人）', '活产数'],
    ['活\n产 数', '活产数'],
    ['活产数\u3000', '活产数'],
    ['35—64岁妇女人数', '35-64岁妇女人数'],
    ['３５－６４岁妇女数', '35-64岁妇女数'],
    ['村（社区）数', '村(社区)数'], // a bracket inside the name is part of it
    ['配备儿童主任的村（社区）数（个）', '配备儿童主任的村(社区)数'],
    ['活产数（男）', '活产数(男)'], // not a unit: kept
    ['Live_Births', 'live_births'],
    ['女性参保率（%）', '女性参保率'],
  ])('%j → %j', (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });

  test('the unit a header names', () => {
    expect(headerUnit('活产数（人）')).toBe('人');
    expect(headerUnit('村（社区）数（个）')).toBe('个');
    expect(headerUnit('女性参保率（%）')).toBe('%');
    expect(headerUnit('婴儿死亡率/‰')).toBe('‰');
    expect(headerUnit('村（社区）数')).toBeUndefined();
  });
});
