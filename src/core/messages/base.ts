/** Messages of the engine's readers, errors and the CLI. Part of the one catalogue (index.ts). */
export const base = {
  'app.name': { zh: 'Tally 统计审核', en: 'Tally' },
  'app.tagline': {
    zh: '两纲监测报表审核与指标汇总',
    en: "Audit and roll-up of the women's and children's programme monitoring forms",
  },
  'error.fileMissing': {
    zh: '找不到文件 {file}：请检查路径。',
    en: 'File not found: {file}. Check the path.',
  },
  'error.notWorkbook': {
    zh: '无法读取 {file}：不是有效的 .xlsx 工作簿（可能是改了扩展名的其他文件）。请在 Excel 中另存为 .xlsx 后重试。',
    en: 'Cannot read {file}: it is not a valid .xlsx workbook (perhaps another file renamed). Save it as .xlsx from Excel and try again.',
  },
  'error.encrypted': {
    zh: '无法读取 {file}：工作簿已加密（设置了打开密码）。请在 Excel 中取消密码后另存再试。',
    en: 'Cannot read {file}: the workbook is encrypted (password to open). Remove the password in Excel, save, and try again.',
  },
  'error.corrupt': {
    zh: '无法读取 {file}：文件已损坏（{detail}）。请重新导出或向报送单位索取原文件。',
    en: 'Cannot read {file}: the file is damaged ({detail}). Export it again or ask the submitting unit for the original.',
  },
  'error.unsupported': {
    zh: '无法读取 {file}：不支持的文件类型，请使用 .xlsx 或 .csv。',
    en: 'Cannot read {file}: unsupported file type; use .xlsx or .csv.',
  },
  'error.csv': {
    zh: '无法读取 {file}：CSV 格式错误（第 {line} 行：{detail}）。',
    en: 'Cannot read {file}: malformed CSV (line {line}: {detail}).',
  },
  'error.noFiles': {
    zh: '请指定至少一个 .xlsx 或 .csv 文件。',
    en: 'Name at least one .xlsx or .csv file.',
  },
  'inspect.sheet': { zh: '工作表「{sheet}」', en: 'Sheet "{sheet}"' },
  'inspect.noHeader': { zh: '未找到表头，已跳过。', en: 'no header row found; skipped.' },
  'inspect.header': { zh: '表头在第 {rows} 行', en: 'header in row {rows}' },
  'inspect.form': {
    zh: '识别为 {form}（{matched}/{total} 个数据项）',
    en: 'recognised as {form} ({matched}/{total} items)',
  },
  'inspect.noForm': { zh: '未识别为已知报表', en: 'not a known form' },
  'inspect.records': {
    zh: '{records} 个填报单位，另有合计行 {totals} 行',
    en: '{records} reporting {records|unit|units}, plus {totals} total {totals|row|rows}',
  },
  'inspect.items': { zh: '识别的数据项', en: 'recognised items' },
  'inspect.unitColumn': { zh: '填报单位列', en: 'reporting-unit column' },
  'inspect.areaColumn': { zh: '所属地区列', en: 'region column' },
  'inspect.codeColumn': { zh: '区划代码列', en: 'code column' },
  'inspect.otherColumns': { zh: '其他列', en: 'other columns' },
  'inspect.notices': { zh: '数值提示 {count} 条', en: '{count} value {count|notice|notices}' },
  'inspect.typeErrors': { zh: '类型错误 {count} 条', en: '{count} type {count|error|errors}' },
  'notice.disguisedNumber': {
    zh: '{cell}「{raw}」按数值 {value} 读取（{why}）',
    en: '{cell} "{raw}" read as the number {value} ({why})',
  },
  'why.fullwidth': { zh: '全角数字', en: 'full-width digits' },
  'why.thousands': { zh: '千位分隔符', en: 'thousands separator' },
  'why.unitSuffix': { zh: '带单位', en: 'unit suffix' },
  'why.percent': { zh: '百分号', en: 'percent sign' },
  'why.text': { zh: '文本格式的数字', en: 'number stored as text' },
  'why.dotZeros': {
    zh: '带三位零小数；如“.”是千位分隔符，应为 {thousand}，请核对',
    en: 'three zero decimals; if the "." separates thousands it is {thousand}: check it',
  },
  'typeError.cell': {
    zh: '{cell}「{raw}」不是数值（{column}），请改为数字或留空',
    en: '{cell} "{raw}" is not a number ({column}); enter a number or leave it blank',
  },
  'typeError.uncalculated': {
    zh: '{cell}「{raw}」是未计算的公式，文件中没有结果（{column}），请在 Excel 中重新计算后保存',
    en: '{cell} "{raw}" is a formula with no calculated result in the file ({column}); recalculate it in Excel and save',
  },
  'profile.invalid': {
    zh: '配置文件 {file} 有误：字段 {field}：{detail}。请修改该文件后重试。',
    en: 'Profile file {file} is invalid: field {field}: {detail}. Correct the file and try again.',
  },
  'error.noPeriod': {
    zh: '无法从报表标题或文件名确定监测年份，请用 --period 指定（例如 --period 2025）。',
    en: "Cannot tell the period from the forms' titles or file names; give it with --period (e.g. --period 2025).",
  },
  'error.noSheet': {
    zh: '输入文件中没有名为“{sheet}”的工作表。',
    en: 'No sheet named "{sheet}" in the input files.',
  },
  'validate.skipped': {
    zh: '未审核：{file} 的工作表「{sheet}」——{why}',
    en: 'Not audited: sheet "{sheet}" of {file}: {why}',
  },
  'skip.noHeader': { zh: '找不到表头', en: 'no header row found' },
  'skip.noForm': {
    zh: '表头中没有可识别的报表数据项',
    en: 'its header names no items of a known form',
  },
  'skip.loneItem': {
    zh: '只有一个数据项，且同一文件中已有该报表（或已有其他工作表报送这一项）：按工作底稿看待，未计入汇总；如确为报送数据，请移入该报表',
    en: 'it holds one item of a form this file (or another sheet) already reports: taken for a working sheet and not pooled; if it is submitted data, move it into the form',
  },
  'skip.noUnitColumn': {
    zh: '没有填报单位列（地区、乡镇、单位名称等）',
    en: 'it has no reporting-unit column (地区, 乡镇, 单位名称, …)',
  },
  'skip.regions': { zh: '这是区划表', en: 'it is the region sheet' },
  'skip.yearColumns': {
    zh: '按年份分列数值，但没有写明本表年份',
    en: 'its values are in one column per year and nothing names its year',
  },
  'validate.rulesHead': { zh: '审核规则执行情况', en: 'Rules' },
  'validate.col.id': { zh: '规则', en: 'rule' },
  'validate.col.severity': { zh: '级别', en: 'severity' },
  'validate.col.records': { zh: '记录', en: 'records' },
  'validate.col.passes': { zh: '通过', en: 'passes' },
  'validate.col.fails': { zh: '不通过', en: 'fails' },
  'validate.col.notEvaluated': { zh: '无法判断', en: 'not eval.' },
  'severity.error': { zh: '错误', en: 'error' },
  'severity.warning': { zh: '核实', en: 'warning' },
  'severity.notice': { zh: '提示', en: 'notice' },
  'validate.explained': { zh: '已说明：{text}', en: 'explained: {text}' },
  'validate.moreFindings': {
    zh: '……另有 {n} 条未列出（--all-findings 全部列出，--export 写成工作簿，--json 输出全部）',
    en: '… {n} more not listed (--all-findings lists them all, --export writes a workbook, --json gives them all)',
  },
  'validate.summary': {
    zh: '共 {errors} 个错误、{warnings} 个需核实问题、{notices} 条提示。',
    en: '{errors} {errors|error|errors}, {warnings} {warnings|warning|warnings}, {notices} {notices|notice|notices}.',
  },
  'profile.nameClash': { zh: '“{name}”同时是 {other} 的名称', en: '"{name}" also names {other}' },
  'profile.duplicateId': { zh: '编号 {id} 重复', en: 'duplicate id {id}' },
  'profile.unknownItem': {
    zh: '“{name}”不是 forms.json 中的数据项编号',
    en: '"{name}" is not an item id of forms.json',
  },
  'profile.unknownForm': {
    zh: '“{name}”不是 forms.json 中的报表编号',
    en: '"{name}" is not a form id of forms.json',
  },
  'cli.reading': { zh: '读取文件', en: 'Reading' },
  'cli.wrote': { zh: '已写入 {file}', en: 'Wrote {file}' },
  'cli.openErrors': {
    zh: '注意：仍有 {count} 条强制性审核错误未解决，报告顶部已注明。运行 tally validate 查看详情。',
    en: 'Note: {count} audit {count|error is|errors are} still open; the report says so at the top. Run tally validate for details.',
  },
  'error.overwriteInput': {
    zh: '不能把输出写到输入文件 {file}：Tally 从不修改输入文件。请用 --out 指定另一个文件名。',
    en: 'Will not write the output over the input file {file}: Tally never modifies its inputs. Choose another name with --out.',
  },
  'error.overwriteForeign': {
    zh: '{file} 已存在且不是 Tally 上次生成的同类输出，为避免覆盖用户文件，已停止。请换一个文件名或先移走该文件。',
    en: '{file} exists and is not an output of the same kind that Tally wrote; stopping so as not to overwrite it. Choose another name or move the file away.',
  },
  'error.writeFailed': { zh: '无法写入 {file}：{detail}。', en: 'Cannot write {file}: {detail}.' },
  'error.noFormsUnread': {
    zh: '在输入文件中没有读取到任何报表：有 {count} 张工作表含报表数据项但未能读取（如「{sheet}」），原因及改法请用 tally inspect 查看。',
    en: 'No form could be read from the input files: {count} {count|sheet holds|sheets hold} a form\'s items but could not be read (e.g. "{sheet}"); run tally inspect to see why and what to change.',
  },
  'error.priorNoForms': {
    zh: '上期文件{files}中没有识别出任何报表，无法与上年比较：请给出上年各单位报送的报表（而不是上年的汇总表或报告），或去掉上期文件后重试。',
    en: "No form was recognised in the previous period's files {files}, so nothing can be compared with last year: give last year's submitted forms (not last year's summary or report), or leave the previous period out.",
  },
  'error.noForms': {
    zh: '在输入文件中没有识别出任何报表：请用 tally inspect 查看各工作表的识别情况。',
    en: 'No form was recognised in the input files; run tally inspect to see what each sheet holds.',
  },
} as const;
