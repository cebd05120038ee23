/**
 * Messages of issue 8 (no silent wrong numbers): row roles, units the region sheet does not
 * list, renames, values set aside, periods. Part of the one catalogue (index.ts).
 */
export const trust = {
  'audit.unfilled': {
    zh: '本表 {units} 个填报单位的数据项全部为空，按未报送处理，不计入汇总；如已填报，请检查是否提交了空白报表',
    en: 'every item of the {units} reporting units is blank; the form is treated as not submitted and not pooled — if it was filled in, check that the blank template was not sent instead',
  },
  'audit.noRows': {
    zh: '本表只有表头，没有数据行，不计入汇总',
    en: 'the form has a header but no data rows; nothing is pooled from it',
  },
  'audit.breakdown': {
    zh: '“{part}”的“{item}”为 {value}，大于其所属“{whole}”的 {total}：其中项不能大于总数',
    en: '"{part}" has {value} for "{item}", more than the {total} of "{whole}" it is part of',
  },
  'audit.converted': {
    zh: '以下各列按表中的计量单位换算后读取：{list}',
    en: 'these columns were converted from the unit the form states: {list}',
  },
  'audit.convertedColumn': {
    zh: '“{item}”（{from}→{to}，×{factor}）',
    en: '"{item}" ({from} → {to}, ×{factor})',
  },
  'audit.roles': {
    zh: '以下行不是填报单位，未计入汇总：{list}',
    en: 'these rows are not reporting units and are not pooled: {list}',
  },
  'audit.roleRow': { zh: '第 {row} 行“{label}”（{why}）', en: 'row {row} "{label}" ({why})' },
  'audit.unlisted': {
    zh: '“{unit}”不在地区表中，未计入汇总{hint}；请核对名称，或在地区表中补列该单位',
    en: '"{unit}" is not in the region sheet and is not pooled{hint}; check the name or add the unit to the region sheet',
  },
  'audit.unlistedHint': { zh: '（是否应为“{names}”？）', en: ' (did you mean "{names}"?)' },
  'audit.rename': {
    zh: '上期有、本期没有的单位：{gone}；本期有、上期没有的单位：{added}。如属更名，请在地区表的“曾用名”列注明原名，历史审核即按同一单位比对',
    en: "units present last period but not now: {gone}; units present now but not last period: {added}. If a unit was renamed, give its former name in the region sheet's 曾用名 (former name) column so history rules compare it with itself",
  },
  'audit.priorErrors': {
    zh: '上期数据中有 {count} 个数值未通过强制性审核（{units}），未计入上期指标值',
    en: '{count} {count|value|values} of the previous period failed an error check ({units}) and are left out of its indicator values',
  },
  'inspect.vertical': {
    zh: '竖排报表：数据项在列中自上而下，按一个填报单位读取',
    en: 'vertical form: the items run down a column; read as one reporting unit',
  },
  'role.total': { zh: '合计行', en: 'total row' },
  'role.subtotal': { zh: '小计行', en: 'subtotal row' },
  'role.breakdown': { zh: '其中项', en: 'breakdown row' },
  'role.note': { zh: '表内标题', en: 'heading' },
  'role.repeat': { zh: '重复行', en: 'repeated row' },
  'why.totalLabel': { zh: '标为合计', en: 'labelled as a total' },
  'why.subtotalLabel': { zh: '标为小计', en: 'labelled as a subtotal' },
  'why.areaLevel': {
    zh: '名称为{level}，高于其余各行的{unitLevel}',
    en: 'its name is at {level} level, above the {unitLevel} level of the other rows',
  },
  'why.areaTitle': {
    zh: '名称与标题中的地区相同',
    en: 'its name is the area the title names',
  },
  'why.sumOfOthers': {
    zh: '各项数值等于其余 {parts} 行之和',
    en: 'its values equal the sum of the other {parts} rows',
  },
  'why.levelAbove': {
    zh: '名称为{level}，下列 {parts} 个{unitLevel}单位属于它',
    en: 'its name is at {level} level and the {parts} {unitLevel} rows under it belong to it',
  },
  'why.codeAbove': {
    zh: '区划代码是其下 {parts} 个单位的上级代码',
    en: 'its code is the parent of the codes of the {parts} rows under it',
  },
  'why.nearSumOfOthers': {
    zh: '名称不是单位，且除个别数值外各项数值等于其余 {parts} 行之和（不相等的见合计审核）',
    en: 'it names no unit, and but for one figure its values equal the sum of the other {parts} rows (the total check names the one that does not)',
  },
  'why.sumAbove': {
    zh: '各项数值等于其上 {parts} 行之和',
    en: 'its values equal the sum of the {parts} rows above it',
  },
  'why.sumBelow': {
    zh: '各项数值等于其下 {parts} 行之和',
    en: 'its values equal the sum of the {parts} rows under it',
  },
  'why.nearSumBelow': {
    zh: '除个别数值外，各项数值等于其下 {parts} 行之和（不相等的见合计审核）',
    en: 'but for one or two figures its values equal the sum of the {parts} rows under it (the total check names those that do not)',
  },
  'why.breakdownLabel': {
    zh: '是上一行的其中项',
    en: 'it is a part of the row above',
  },
  'why.heading': { zh: '没有数据', en: 'it holds no numbers' },
  'why.noName': { zh: '没有单位名称', en: 'it names no unit' },
  'why.repeat': {
    zh: '与第 {row} 行是同一单位，只计一次',
    en: 'the same unit as row {row}; counted once',
  },
  'error.periodMixed': {
    zh: '本期的文件属于不同年度：{list}。一次只能汇总同一年度的报表：请移除其他年度的文件，上年数据请用 --prior 给出。',
    en: "The current files are of different periods: {list}. One report pools one period: remove the files of other years, and give last year's with --prior.",
  },
  'error.periodGiven': {
    zh: '指定的年度为 {period}（--period），但以下文件标明的年度不同：{list}。请核对文件或 --period。',
    en: 'The period given is {period} (--period), but these files say otherwise: {list}. Check the files or --period.',
  },
  'error.priorSame': {
    zh: '上期数据（--prior）与本期同为 {period} 年：{list}。请给出 {period} 年以前的数据。',
    en: 'The previous-period files (--prior) are of the same period as the current ones, {period}: {list}. Give data of a period before {period}.',
  },
  'error.priorLater': {
    zh: '上期数据（--prior）的年度晚于本期 {period} 年：{list}。请检查是否把本期与上期的文件放反了。',
    en: 'The previous-period files (--prior) are later than the current period {period}: {list}. Check that the current and previous files are not swapped.',
  },
  'error.priorMixed': {
    zh: '上期数据（--prior）属于不同年度：{list}。请只给出同一年度的上期数据。',
    en: 'The previous-period files (--prior) are of different periods: {list}. Give one period only.',
  },
  'period.list': { zh: '{zh}', en: '{en}' },
  'period.file': { zh: '{file}（{period}年，据{from}）', en: '{file} ({period}, from its {from})' },
  'period.from.title': { zh: '表头标题', en: 'title' },
  'period.from.sheet': { zh: '工作表名', en: 'sheet name' },
  'period.from.file': { zh: '文件名', en: 'file name' },
  'report.setAside': {
    zh: '{units}的数据未通过强制性审核，暂未计入',
    en: 'the figures of {units} failed an error check and are not included',
  },
  'n.quality.setAside': {
    zh: '以下指标的部分单位数据未通过强制性审核，暂未计入汇总，相关数值为初步数据：{list}。',
    en: "Some units' figures failed an error check and are left out of these indicators, whose values are provisional: {list}.",
  },
  'n.quality.rowsSetAside': {
    zh: '{count}个单位不在地区表中，未计入汇总：{list}。',
    en: '{count} {count|unit is|units are} not in the region sheet and {count|is|are} not pooled: {list}.',
  },
  /** The short mark of a provisional value in the report's text; the detail is in 数据质量说明. */
  'report.provisional': {
    zh: '（初步数据）',
    en: ' (provisional)',
  },
} as const;
