/** Messages of the built-in audit checks. Part of the one catalogue (index.ts). */
export const audit = {
  'audit.total': {
    zh: '合计行“{item}”为 {total}，各单位之和为 {sum}，相差 {diff}',
    en: 'total row "{item}" is {total} but its units add up to {sum} (difference {diff})',
  },
  'audit.levelTotal': {
    zh: '“{unit}”本身填报的“{item}”为 {own}，其下级 {count} 个单位（{where}）合计为 {sum}，相差 {diff}：汇总按下级单位的数据计算，请核实是否有下级单位漏报或数据有误',
    en: '"{unit}" itself reports "{item}" as {own} but the {count} {count|unit|units} below it ({where}) add up to {sum} (difference {diff}): the rollup uses the units below; check for a unit below that did not report, or a wrong figure',
  },
  'audit.itemConflict': {
    zh: '{unit}的“{item}”在{first}填为 {a}，在{second}填为 {b}，两张报表不一致：该项暂不计入汇总，请向两个填报部门核实后改正其中一处',
    en: '{unit}: "{item}" is {a} in {first} but {b} in {second}: the two forms disagree, so the value is left out of the rollup until one of them is corrected',
  },
  'audit.conflictBlank': { zh: '空白', en: 'blank' },
  'audit.levelWhere': { zh: '见“{file}”的“{sheet}”表', en: 'in sheet "{sheet}" of {file}' },
  'audit.levelWhereMore': {
    zh: '见“{file}”的“{sheet}”表等',
    en: 'in sheet "{sheet}" of {file} and others',
  },
  'audit.duplicate': {
    zh: '填报单位“{unit}”在本表重复出现（第 {first} 行与第 {row} 行）：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    en: 'reporting unit "{unit}" appears twice in this form (rows {first} and {row}): equal values count once, differing ones are left out until checked',
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
  'audit.hiddenRows': {
    zh: '{rows}是隐藏行（手工隐藏或被筛选），共 {count} 行，已按填报数据计入汇总：如为作废、撤并或旧数据，请删除这些行；如应计入，请说明',
    en: '{rows} {count|is|are} hidden (by hand or by a filter) and {count|was|were} pooled as reported: delete {count|it|them} if void, merged away or old; if {count|it belongs|they belong}, explain',
  },
  'audit.hiddenRow': { zh: '第 {row} 行（{unit}）', en: 'row {row} ({unit})' },
  'audit.unreadNoUnit': {
    zh: '本表有“{form}”的数据项，但没有填报单位列（地区、乡镇、单位名称等），未读取，其数据未计入汇总：请加一列写明每行的填报单位',
    en: 'this sheet has items of "{form}" but no reporting-unit column (地区, 乡镇, 单位名称, …), so it was not read and its figures are not pooled: add a column naming each row\'s unit',
  },
  'audit.unreadYears': {
    zh: '本表按年份分列数值（{years}），无法确定哪一列是本期数据（标题、工作表名和文件名都没有写明本表年份，或写明的年份不在其中），未读取：请在标题中写明年份（如“{last}年……”）',
    en: "this sheet has a value column per year ({years}) and which is this period's is unknown (neither its title nor the sheet's or the file's name gives its year, or the year given is not among them), so it was not read: put the year in the title (e.g. \"{last}年…\")",
  },
  'audit.uncalculated': {
    zh: '“{item}”是公式“{raw}”，文件中没有计算结果（保存前未经计算），数值未知，暂不计入：请在 Excel 中打开该文件、重新计算并保存后再审核',
    en: '"{item}" is the formula "{raw}" with no calculated result in the file (saved without calculating), so its value is unknown and left out: open the file in Excel, recalculate, save and audit again',
  },
  'audit.unitConflict': {
    zh: '“{item}”的“{raw}”自带单位，而本列按“{stated}”填报，无法确定应按哪个单位读取，暂不计入：请去掉单元格中的单位，按本列的单位填写数字',
    en: '"{item}" holds "{raw}", with a unit of its own, in a column stated in {stated}: which is meant is unknown, so it is left out; remove the unit from the cell and enter the number in the column\'s unit',
  },
  'audit.notice': {
    zh: '“{item}”的“{raw}”按数值 {value} 读取（{why}），建议改为数值格式',
    en: '"{item}" "{raw}" was read as the number {value} ({why}); consider storing it as a number',
  },
  'audit.negative': {
    zh: '“{item}”为负数 {value}：计数不能小于 0',
    en: '"{item}" is negative ({value}): a count cannot be below 0',
  },
  'audit.unnamedRow': {
    zh: '第 {row} 行有数据（{values}）但没有填报单位名称：该行未计入汇总，请补填单位名称，或删除该行',
    en: 'row {row} has figures ({values}) but no reporting unit: it is left out of the rollup; fill in the unit, or delete the row',
  },
  'audit.hiddenSheet': {
    zh: '工作表「{sheet}」是隐藏的工作表，其中的数据已按报送计入汇总：如是作废或过期的数据，请删除该表；如应计入，请说明',
    en: 'sheet "{sheet}" is hidden in its workbook, and its figures are pooled as submitted: delete it if it is void or old, or explain it',
  },
  'audit.magnitude': {
    zh: '“{item}”为 {value}，是同表其他单位中位数（{median}）的 {ratio} 倍：请核实是否多录了位数、填错了计量单位（如把“人”填入“万人”栏），或误把合计行当作单位',
    en: '"{item}" is {value}, {ratio} times the median of the other units in the table ({median}): check for extra digits, a wrong unit (persons typed into a 万人 column) or a total taken for a unit',
  },
  'audit.fraction': {
    zh: '“{item}”为 {value}，不是整数：人数、个数应为整数，请核实',
    en: '"{item}" is {value}, not a whole number: counts are whole numbers; check it',
  },
  'audit.duplicateElsewhere': {
    zh: '填报单位“{unit}”已在{where}第 {first} 行报送过，本行（第 {row} 行）重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    en: 'reporting unit "{unit}" was already reported in {where} row {first}; this row ({row}) repeats it: equal values count once, differing ones are left out until checked',
  },
  'audit.duplicateAfterSheet': {
    zh: '填报单位“{unit}”已在{where}报送过，本行（第 {row} 行）重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    en: 'reporting unit "{unit}" was already reported in {where}; this row ({row}) repeats it: equal values count once, differing ones are left out until checked',
  },
  'audit.duplicateSheet': {
    zh: '填报单位“{unit}”已在{where}第 {first} 行报送过，本表重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    en: 'reporting unit "{unit}" was already reported in {where} row {first}; this sheet repeats it: equal values count once, differing ones are left out until checked',
  },
  'audit.duplicateSheets': {
    zh: '填报单位“{unit}”已在{where}报送过，本表重复：数值相同的只计一次，数值不同的该项暂不计入，请核实',
    en: 'reporting unit "{unit}" was already reported in {where}; this sheet repeats it: equal values count once, differing ones are left out until checked',
  },
  'audit.missingUnitSeen': {
    zh: '填报单位“{unit}”出现在其他报表中，但未出现在{form}中',
    en: 'reporting unit "{unit}" appears in other forms but is missing from {form}',
  },
  'audit.duplicateColumn': {
    zh: '“{item}”有两列（{first} 列与 {col} 列），只按 {first} 列计算，请删除多余的一列',
    en: '"{item}" has two columns ({first} and {col}); only {first} is used; remove the other',
  },
  'audit.duplicateItemCells': {
    zh: '“{item}”填了两处（{first} 与 {col}），只按第一处计算，请删除多余的一处',
    en: '"{item}" is given twice ({first} and {col}); only the first is used; remove the other',
  },
  'audit.badCode': {
    zh: '区划代码“{raw}”无效（应为 6、9 或 12 位数字；若显示为科学计数法，是 Excel 把代码当成了数字），本行按名称匹配',
    en: 'code "{raw}" is not valid (6, 9 or 12 digits; scientific notation means Excel took the code for a number); the row is matched by name',
  },
  'audit.anotherTable': {
    zh: '第 {row} 行起是另一张表，未读取；请把它放到单独的工作表',
    en: 'another table starts at row {row} and was not read; put it on a sheet of its own',
  },
  'audit.anotherTableBeside': {
    zh: '第 {col} 列起是另一张表，未读取；请把它放到单独的工作表',
    en: 'another table starts at column {col} and was not read; put it on a sheet of its own',
  },
  'audit.missingInPart': {
    zh: '“{unit}”在「{have}」表中填报，但同一报表（{form}）的「{sheet}」表中没有该单位：其{items}缺报，相关指标暂不计入该单位',
    en: '"{unit}" is in sheet "{have}" but not in sheet "{sheet}" of the same form ({form}): its {items} are missing, and the indicators built on them leave it out',
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
