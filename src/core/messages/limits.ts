/**
 * Messages for input beyond Tally's limits (README, "Limits"): rules too long or too deeply
 * nested, rule tables with no rules, files too large to read safely. Part of the one catalogue
 * (index.ts).
 */
export const limits = {
  // Rules.
  'rules.tooLong': {
    zh: '规则过长：共 {length} 个字符，超过上限 {limit} 个字符。请把它拆成几条规则。',
    en: 'The rule is too long: {length} characters, over the limit of {limit}. Split it into several rules.',
  },
  'rules.tooDeep': {
    zh: '第 {position} 个字符处：括号和正负号嵌套超过 {limit} 层。请简化该规则或拆成几条规则。',
    en: 'At character {position}: brackets and signs nest more than {limit} levels deep. Simplify the rule or split it.',
  },

  // Rule tables.
  'rules.table.noRules': {
    zh: '第 {row} 行是表头（{header}），但下面没有任何规则。请确认指定的是规则表。',
    en: 'row {row} is a header ({header}) but no rule follows it. Check that this is the rule table.',
  },
  'rules.table.empty': {
    zh: '表是空的，没有表头，也没有规则。',
    en: 'the table is empty: no header and no rules.',
  },
  'rules.file.unusable': {
    zh: '规则表 {file}（工作表「{sheet}」）无法使用：{detail}',
    en: 'The rule table {file} (sheet "{sheet}") cannot be used: {detail}',
  },
  'rules.file.unusableCsv': {
    zh: '规则表 {file} 无法使用：{detail}',
    en: 'The rule table {file} cannot be used: {detail}',
  },

  // Files (src/xlsx): checked before anything is inflated or parsed.
  'limit.fileSize': {
    zh: '无法读取 {file}：文件有 {size}，超过上限 {limit}。请只保留需要审核的工作表后另存再试。',
    en: 'Cannot read {file}: it is {size}, over the limit of {limit}. Keep only the sheets to audit, save, and try again.',
  },
  // A CSV holds one table: what helps is splitting its rows, never dropping sheets.
  'limit.fileSizeCsv': {
    zh: '无法读取 {file}：文件有 {size}，超过上限 {limit}。请按地区把它拆成几个不超过 {limit} 的文件（每个都保留表头行），再一并审核（如 tally validate 甲县.csv 乙县.csv），结果与一个文件相同。',
    en: 'Cannot read {file}: it is {size}, over the limit of {limit}. Split it by area into files of at most {limit}, each keeping the header line, and audit them together (tally validate a.csv b.csv): the result is the same as for one file.',
  },
  'limit.zipEntries': {
    zh: '无法读取 {file}：压缩包内有 {count} 个部件，超过上限 {limit}，不像是正常的工作簿。',
    en: 'Cannot read {file}: the package holds {count} parts, over the limit of {limit}; this is not a plausible workbook.',
  },
  'limit.partSize': {
    zh: '无法读取 {file}：其中的 {part} 解压后有 {size}，超过单个部件的上限 {limit}。',
    en: 'Cannot read {file}: its part {part} inflates to {size}, over the limit of {limit} for one part.',
  },
  'limit.ratio': {
    zh: '无法读取 {file}：其中的 {part} 压缩比为 {ratio}:1（{compressed} 解压为 {size}），超过上限 {limit}:1，疑为“压缩炸弹”。',
    en: 'Cannot read {file}: its part {part} has a compression ratio of {ratio}:1 ({compressed} inflating to {size}), over the limit of {limit}:1; it looks like a zip bomb.',
  },
  'limit.totalSize': {
    zh: '无法读取 {file}：解压后共 {size}，超过上限 {limit}。',
    en: 'Cannot read {file}: it inflates to {size} in all, over the limit of {limit}.',
  },
  'limit.sizeMismatch': {
    zh: '无法读取 {file}：其中的 {part} 解压后的大小与它声明的 {declared} 不符，文件已损坏或被篡改。',
    en: 'Cannot read {file}: its part {part} does not inflate to the {declared} it declares; the file is damaged or tampered with.',
  },
  'limit.sheets': {
    zh: '无法读取 {file}：工作表多于 {limit} 个（上限）。',
    en: 'Cannot read {file}: it has more than {limit} sheets (the limit).',
  },
  'limit.dimension': {
    zh: '无法读取 {file}：工作表「{sheet}」的范围 {ref} 超出了 Excel 的上限（{rows} 行、{cols} 列）。',
    en: 'Cannot read {file}: sheet "{sheet}" spans {ref}, beyond what Excel allows ({rows} rows, {cols} columns).',
  },
  'limit.cols': {
    zh: '无法读取 {file}：工作表「{sheet}」定义了第 {min} 到第 {max} 列的格式，超出了 Excel 的上限（{cols} 列）。',
    en: 'Cannot read {file}: sheet "{sheet}" formats columns {min} to {max}, beyond what Excel allows ({cols} columns).',
  },
  'limit.rowNumber': {
    zh: '无法读取 {file}：工作表「{sheet}」中有一行的行号是 {row}（行号从 1 开始），这一行的数据无法放入表中。文件已损坏，请用 Excel 打开后另存，或向报送单位索取原文件。',
    en: 'Cannot read {file}: sheet "{sheet}" has a row numbered {row} (rows start at 1), whose data has no place in the sheet. The file is damaged: open it in Excel and save it again, or ask the submitting unit for the original.',
  },
  'limit.rowTwice': {
    zh: '无法读取 {file}：工作表「{sheet}」的第 {row} 行在文件中出现了两次，后一次会盖掉前一次的数据，无法确定哪一行是报送的数字。文件已损坏，请用 Excel 打开后另存，或向报送单位索取原文件。',
    en: 'Cannot read {file}: row {row} of sheet "{sheet}" is written twice in the file, the second over the first, so which figures were reported cannot be told. The file is damaged: open it in Excel and save it again, or ask the submitting unit for the original.',
  },
  'limit.cell': {
    zh: '无法读取 {file}：工作表「{sheet}」的单元格 {cell} 超出了 Excel 的上限（{rows} 行、{cols} 列）。',
    en: 'Cannot read {file}: sheet "{sheet}" has a cell {cell}, beyond what Excel allows ({rows} rows, {cols} columns).',
  },
  'limit.usedRange': {
    zh: '无法读取 {file}：工作表「{sheet}」的数据从 {from} 到 {to}，共 {cells} 个单元格，超过上限 {limit}。请删除远处多余的单元格（如 {to}）后另存再试。',
    en: 'Cannot read {file}: sheet "{sheet}" has data from {from} to {to}, {cells} cells, over the limit of {limit}. Delete the stray far cells (such as {to}), save, and try again.',
  },
  'limit.grid': {
    zh: '无法读取 {file}：工作表「{sheet}」有数据的 {cols} 列一直用到第 {row} 行（如 {cell}），读取时要为约 {cells} 个单元格留出空间，超过上限 {limit}。请删除远处多余的单元格后另存再试。',
    en: 'Cannot read {file}: sheet "{sheet}" has data in {cols} columns down to row {row} (such as {cell}); reading it needs room for about {cells} cells, over the limit of {limit}. Delete the stray far cells, save, and try again.',
  },
  'limit.cells': {
    zh: '无法读取 {file}：各工作表的单元格超过 {limit} 个（读到工作表「{sheet}」时）。',
    en: 'Cannot read {file}: its sheets hold more than {limit} cells (reached in sheet "{sheet}").',
  },
  'limit.merges': {
    zh: '无法读取 {file}：工作表「{sheet}」的合并单元格超过上限（{merges} 处或共 {cells} 个单元格），在 {ref} 处。',
    en: 'Cannot read {file}: sheet "{sheet}" merges more cells than allowed ({merges} areas or {cells} cells in all), at {ref}.',
  },
  'limit.csvRows': {
    zh: '无法读取 {file}：超过 {limit} 行（Excel 的行数上限），在第 {line} 行处。请按地区把它拆成几个文件（每个都保留表头行），再一并审核。',
    en: 'Cannot read {file}: more than {limit} rows (Excel’s limit), at line {line}. Split it by area into several files, each keeping the header line, and audit them together.',
  },
  'limit.csvColumns': {
    zh: '无法读取 {file}：第 {line} 行有 {count} 列，超过 Excel 的上限 {limit} 列。',
    en: 'Cannot read {file}: line {line} has {count} columns, over Excel’s limit of {limit}.',
  },
  'limit.csvCells': {
    zh: '无法读取 {file}：到第 {line} 行时单元格已超过 {limit} 个。请按地区把它拆成几个文件（每个都保留表头行），再一并审核。',
    en: 'Cannot read {file}: more than {limit} cells by line {line}. Split it by area into several files, each keeping the header line, and audit them together.',
  },
  'limit.csvGrid': {
    zh: '无法读取 {file}：前 {rows} 行中最宽的一行有 {cols} 列，按表格共 {cells} 个单元格，超过上限 {limit}。请删除多余的行或列后另存再试。',
    en: 'Cannot read {file}: its widest line of the first {rows} has {cols} columns, a grid of {cells} cells, over the limit of {limit}. Delete the extra rows or columns, save, and try again.',
  },
  'limit.csvField': {
    zh: '无法读取 {file}：第 {line} 行有一个 {size} 的单元格，超过 Excel 单元格的上限 {limit} 个字符。',
    en: 'Cannot read {file}: line {line} has a field of {size}, over Excel’s limit of {limit} characters for a cell.',
  },
  'limit.notFile': {
    zh: '无法读取 {file}：不是普通文件。',
    en: 'Cannot read {file}: it is not a regular file.',
  },
} as const;
