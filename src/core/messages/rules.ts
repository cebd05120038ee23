/** Messages of the rule language and the audit. Part of the one catalogue (index.ts). */
export const rules = {
  // Parsing. {position} is the 1-based character of the rule where the problem is.
  'rules.syntax': {
    zh: '第 {position} 个字符处有语法错误：遇到{found}，这里应为{expected}。',
    en: 'Syntax error at character {position}: found {found} where {expected} was expected.',
  },
  'rules.token.end': { zh: '规则结尾', en: 'the end of the rule' },
  'rules.token.number': { zh: '数字', en: 'a number' },
  'rules.token.item': { zh: '数据项（如 [活产数]）', en: 'an item such as [活产数]' },
  'rules.token.string': { zh: '带双引号的文字', en: 'text in double quotes' },
  'rules.token.function': { zh: '函数', en: 'a function' },
  'rules.token.operator': { zh: '运算符（+ - * / ^）', en: 'an operator (+ - * / ^)' },
  'rules.token.comparison': {
    zh: '比较符（= <> < <= > >=）',
    en: 'a comparison (= <> < <= > >=)',
  },
  'rules.token.literal': { zh: '「{text}」', en: '"{text}"' },
  'rules.token.or': { zh: '或', en: 'or' },
  'rules.empty': { zh: '规则为空。', en: 'The rule is empty.' },
  'rules.chainedComparison': {
    zh: '第 {position} 个字符处：比较不能连写（如 a < b < c），请写成 AND(a < b, b < c)。',
    en: 'At character {position}: comparisons cannot be chained (a < b < c); write AND(a < b, b < c).',
  },
  'rules.bareName': {
    zh: '第 {position} 个字符处的「{name}」既不是函数也不是数据项：数据项要写在方括号里，如 [{name}]。',
    en: 'At character {position}, "{name}" is neither a function nor an item: put item names in square brackets, e.g. [{name}].',
  },
  'rules.noBoolean': {
    zh: '第 {position} 个字符处：规则中不能写 {name}，请写成条件（1 = 1 恒成立，1 = 0 恒不成立）。',
    en: 'At character {position}: {name} cannot be written in a rule; write a condition instead (1 = 1 always holds, 1 = 0 never does).',
  },
  'rules.prevArgument': {
    zh: '第 {position} 个字符处：PREV 只接受一个数据项，如 PREV([活产数])。',
    en: 'At character {position}: PREV takes exactly one item, e.g. PREV([活产数]).',
  },
  'rules.emptyItem': {
    zh: '第 {position} 个字符处：方括号里缺少数据项名称（或表名）。',
    en: 'At character {position}: the square brackets hold no item name (or no form name).',
  },

  // Compiling: functions, items and types.
  'rules.didYouMean': { zh: '是否应为 {suggestion}？', en: 'Did you mean {suggestion}?' },
  'rules.unknownFunction': {
    zh: '第 {position} 个字符处：没有函数 {name}。可用的函数：{known}。',
    en: 'At character {position}: there is no function {name}. Functions: {known}.',
  },
  'rules.arity.exact': {
    zh: '第 {position} 个字符处：{name} 需要 {min} 个参数，这里有 {count} 个。',
    en: 'At character {position}: {name} takes {min} argument(s), not {count}.',
  },
  'rules.arity.range': {
    zh: '第 {position} 个字符处：{name} 需要 {min} 到 {max} 个参数，这里有 {count} 个。',
    en: 'At character {position}: {name} takes {min} to {max} arguments, not {count}.',
  },
  'rules.arity.min': {
    zh: '第 {position} 个字符处：{name} 至少需要 {min} 个参数，这里有 {count} 个。',
    en: 'At character {position}: {name} takes at least {min} argument(s), not {count}.',
  },
  'rules.unknownItem': {
    zh: '第 {position} 个字符处：找不到数据项 [{item}]。',
    en: 'At character {position}: there is no item [{item}].',
  },
  'rules.unknownFormItem': {
    zh: '第 {position} 个字符处：表 {form} 中找不到数据项 [{item}]。',
    en: 'At character {position}: form {form} has no item [{item}].',
  },
  'rules.unknownForm': {
    zh: '第 {position} 个字符处：找不到表 {form}（[{form}!{item}]）。',
    en: 'At character {position}: there is no form {form} ([{form}!{item}]).',
  },
  'rules.noPrevious': {
    zh: '第 {position} 个字符处：PREV([{item}]) 需要上期数据，但没有提供上期报表。',
    en: "At character {position}: PREV([{item}]) needs the previous period's data, and none was given.",
  },
  'rules.textArithmetic': {
    zh: '第 {position} 个字符处：文字不能参与计算，也不能作为条件。',
    en: 'At character {position}: text cannot be used in arithmetic or as a condition.',
  },
  'rules.textOrder': {
    zh: '第 {position} 个字符处：文字只能用 = 或 <> 比较。',
    en: 'At character {position}: text can only be compared with = or <>.',
  },
  'rules.textVsNumber': {
    zh: '第 {position} 个字符处：不能把文字与数值或条件比较。',
    en: 'At character {position}: text cannot be compared with a number or a condition.',
  },
  'rules.ifMixed': {
    zh: '第 {position} 个字符处：IF 的两个结果一个是文字，另一个不是。',
    en: 'At character {position}: one result of IF is text and the other is not.',
  },
  'rules.notCondition': {
    zh: '规则的结果必须是一个条件（比较，或 AND、OR、NOT、ISBLANK、BETWEEN 等），例如 [活产数] >= 0。',
    en: 'A rule must be a condition (a comparison, or AND, OR, NOT, ISBLANK, BETWEEN…), e.g. [活产数] >= 0.',
  },
  'rules.badTolerance': {
    zh: '容差「{value}」不是非负数。',
    en: 'The tolerance "{value}" is not a non-negative number.',
  },

  // Rule tables.
  'rules.at': { zh: '规则 {id}（第 {row} 行）：', en: 'Rule {id} (row {row}): ' },
  'rules.atId': { zh: '规则 {id}：', en: 'Rule {id}: ' },
  'rules.atRow': { zh: '规则表第 {row} 行：', en: 'Rule table row {row}: ' },
  'rules.table.missingColumns': {
    zh: '缺少 {columns} 列，表头一行写的是「{header}」。表头应有“编号”“规则”（或“审核公式”），可选“级别”“说明”“容差”“范围”。',
    en: 'the column(s) {columns} are missing: the header row reads "{header}". The header needs id and rule, optionally severity, message, tolerance, scope.',
  },
  'rules.table.noId': {
    zh: '没有编号，该规则未运行。',
    en: 'the rule has no id; it was not run.',
  },
  'rules.table.duplicateId': {
    zh: '编号 {id} 与第 {first} 行重复，该规则未运行。',
    en: 'the id {id} is already used in row {first}; the rule was not run.',
  },
  'rules.table.duplicateIdOnly': {
    zh: '编号 {id} 重复，该规则未运行。',
    en: 'the id {id} is used twice; the rule was not run.',
  },
  'rules.table.noRule': {
    zh: '没有填写规则（审核公式），未运行。',
    en: 'the rule expression is blank; it was not run.',
  },
  'rules.table.noSeverity': {
    zh: '没有填写级别（error / 强制，或 warning / 核实 / 提示），该规则未运行。',
    en: 'the severity is blank (error / 强制, or warning / 核实 / 提示); the rule was not run.',
  },
  'rules.table.unknownSeverity': {
    zh: '级别「{value}」无法识别（应为 error / 强制，或 warning / 核实 / 提示），该规则未运行。',
    en: 'the severity "{value}" is not known (error / 强制, or warning / 核实 / 提示); the rule was not run.',
  },
  'rules.table.notRun': { zh: '该规则未运行。', en: 'The rule was not run.' },
  'rules.table.messageRef': {
    zh: '说明中的 {ref} 无法识别，显示时保留原文。',
    en: 'the message placeholder {ref} cannot be resolved; it is shown as written.',
  },

  // Results.
  'rules.blank': { zh: '空', en: 'blank' },
} as const;
