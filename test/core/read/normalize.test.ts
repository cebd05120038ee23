import { headerUnit, normalizeCode, normalizeHeader } from '../../../src/core/read/normalize';

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

describe('division codes (normalizeCode)', () => {
  test.each([
    ['451281001000', '451281001000'],
    ["'451281001000", '451281001000'], // Excel's text mark
    [' 4512 8100 1000 ', '451281001000'], // spaces inside and around
    ['４５１２８１００１０００', '451281001000'], // full-width digits
    ['451281', '451281'], // a county
    ['451281001', '451281001'], // a township
  ])('%j → %j', (raw, code) => {
    expect(normalizeCode(raw)).toBe(code);
  });

  test.each([
    '4.51281E+11',
    '4.51281e11',
    '45128100100',
    '4512810010001',
    '合计',
    '',
    'A51281001000',
  ])('%j is not a code', (raw) => {
    expect(normalizeCode(raw)).toBeUndefined();
  });
});

describe('an English gloss after a Chinese header (the English template)', () => {
  test.each([
    ['区划代码 code', '区划代码'],
    ['乡镇（街道） unit', '乡镇(街道)'],
    ['活产数（人） live births', '活产数'],
    ['Live_Births', 'live_births'], // English alone is kept
    ['活产数 (人)', '活产数'], // a bracket is not a gloss
  ])('%j → %j', (header, key) => {
    expect(normalizeHeader(header)).toBe(key);
  });
});
