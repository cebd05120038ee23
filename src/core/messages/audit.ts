/** Messages of the built-in audit checks. Part of the one catalogue (index.ts). */
export const audit = {
  'audit.total': {
    zh: '合计行“{item}”为 {total}，各单位之和为 {sum}，相差 {diff}',
    en: 'total row "{item}" is {total} but its units add up to {sum} (difference {diff})',
  },
  'audit.duplicate': {
    zh: '填报单位“{unit}”在本表重复出现（第 {first} 行与第 {row} 行），只按第一次计入',
    en: 'reporting unit "{unit}" appears twice in this form (rows {first} and {row}); only the first counts',
  },
  'audit.blank': {
    zh: '“{item}”未填报（{raw}），应填写数字，确实为零请填 0',
    en: '"{item}" is not filled in ({raw}); enter a number, 0 if it really is zero',
  },
  'audit.blankEmpty': { zh: '空白', en: 'blank' },
  'audit.type': {
    zh: '“{item}”的值“{raw}”不是数字，请改为数字或留空',
    en: '"{item}" holds "{raw}", which is not a number; enter a number or leave it blank',
  },
  'audit.notice': {
    zh: '“{item}”的“{raw}”按数值 {value} 读取（{why}），建议改为数值格式',
    en: '"{item}" "{raw}" was read as the number {value} ({why}); consider storing it as a number',
  },
  'audit.missingUnit': {
    zh: '应报单位“{unit}”未出现在{form}中',
    en: 'expected reporting unit "{unit}" is missing from {form}',
  },
  'audit.missingUnitPrior': {
    zh: '上期报送的单位“{unit}”未出现在本期{form}中',
    en: 'reporting unit "{unit}", present last period, is missing from {form}',
  },
} as const;
