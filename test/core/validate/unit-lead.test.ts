import { leadsWithUnit, messageAfterUnit } from '../../../src/core/validate/unit-lead';

describe('a message that already leads with its unit', () => {
  test.each([
    // message, unit, shown under a unit heading
    ['石门镇：男198+女187≠活产358', '石门镇', '男198+女187≠活产358'],
    ['石门镇: boys 198', '石门镇', 'boys 198'],
    ['石门镇，婚检人数大于结婚登记人数', '石门镇', '婚检人数大于结婚登记人数'],
    // The unit's name starting a word is not a lead: 合计行 under 合计 stays whole.
    ['合计行“村委会成员数”为 651', '合计', '合计行“村委会成员数”为 651'],
    ['男198+女187≠活产358', '石门镇', '男198+女187≠活产358'],
    ['', '石门镇', ''],
  ])('%s under %s → %s', (message, unit, shown) => {
    expect(messageAfterUnit(message, unit)).toBe(shown);
  });

  test('no unit: nothing leads', () => {
    expect(leadsWithUnit('石门镇：x', '')).toBe(false);
    expect(leadsWithUnit('石门镇：x', '石门镇')).toBe(true);
  });
});
