/**
 * Messages of the add-in's host work (issue 12): unsupported Excel versions, Excel's limits,
 * the severity filter, and the export and import of findings. Part of the one catalogue
 * (index.ts).
 */
export const addin = {
  'pane.unsupportedHost': {
    zh: '需要 Microsoft 365、Office 2021 或更新版本的 Excel。当前的 Excel 版本过旧，无法运行 Tally 统计审核：请升级 Office，或改用 Excel 网页版。WPS 表格不能运行 Office 加载项。',
    en: 'Tally needs Excel in Microsoft 365, Office 2021 or later. This version of Excel is too old to run it: update Office, or use Excel on the web. WPS Spreadsheets cannot run Office add-ins.',
  },
  // Excel's limits and protected sheets
  'pane.sheetProtected': {
    zh: '工作表“{sheet}”受保护，Tally 无法写入：请先撤销保护（审阅 › 撤销工作表保护），再重试',
    en: 'the sheet “{sheet}” is protected and Tally cannot write to it: unprotect it (Review › Unprotect Sheet), then try again',
  },
  'pane.rowTooLarge': {
    zh: '工作表“{sheet}”第 {row} 行的数据量超出了 Excel 单次能读出的上限（Excel 网页版为 5 MB），Tally 无法读取这张表：请删去这一行中不需要的长文本或多余的列，再重新审核',
    en: 'row {row} of the sheet “{sheet}” holds more data than Excel hands over in one request (5 MB in Excel on the web), so Tally cannot read the sheet: remove long texts or columns that row does not need, then audit again',
  },
  'pane.readFailedSaid': {
    zh: '读取工作簿失败：{detail}。改好后请点击“重新读取”。',
    en: 'Reading the workbook failed: {detail}. Once that is done, click "Read again".',
  },
  'pane.marksProtected': {
    zh: '工作表{sheets}受保护，其中的单元格没有标记（审核结果不受影响）。如需标记，请先撤销工作表保护（审阅 › 撤销工作表保护），再重新审核。',
    en: 'The sheets {sheets} are protected, so their cells were not highlighted (the audit results stand). To highlight them, unprotect the sheets (Review › Unprotect Sheet) and audit again.',
  },
  'pane.marksUnreadable': {
    zh: 'Excel 无法读出工作表{sheets}的条件格式（已知的 Excel 问题，常见于复制过的条件格式规则），为免重复标记，Tally 没有在这些表上标记；审核结果不受影响。可在“开始 › 条件格式 › 管理规则”中删除重复的规则后重新审核。',
    en: 'Excel could not list the conditional formats of the sheets {sheets} (a known Excel problem, usually with duplicated rules), so Tally did not highlight them, to avoid marking twice; the audit results stand. Remove the duplicated rules (Home › Conditional Formatting › Manage Rules) and audit again.',
  },
  'pane.clearProtected': {
    zh: '工作表{sheets}受保护，其上的标记没有清除；撤销工作表保护后再点击“清除标记”。',
    en: 'The sheets {sheets} are protected, so their highlights were not cleared; unprotect them and click “Clear highlights” again.',
  },
  'pane.clearUnreadable': {
    zh: 'Excel 无法读出工作表{sheets}的条件格式，其上如有 Tally 的标记，未能清除；可在“开始 › 条件格式 › 管理规则”中手动删除。',
    en: 'Excel could not list the conditional formats of the sheets {sheets}; any highlights of Tally’s there were not cleared. Remove them in Home › Conditional Formatting › Manage Rules.',
  },
  // The list of findings
  'pane.filter': { zh: '显示', en: 'Show' },
  'pane.filter.all': { zh: '全部', en: 'All' },
  'pane.filter.error': { zh: '强制性错误', en: 'Errors' },
  'pane.filter.warning': { zh: '核实性问题', en: 'Warnings' },
  'pane.filter.notice': { zh: '提示', en: 'Notices' },
  'pane.filter.empty': { zh: '没有此类问题。', en: 'None of this kind.' },
  'pane.ruleGroupTitled': { zh: '{rule} {title}（{count} 条）', en: '{rule} {title} ({count})' },
  // Export and import of findings
  'pane.export': { zh: '导出审核结果', en: 'Export findings' },
  'pane.exportScope': { zh: '导出范围', en: 'Export' },
  'pane.exportAll': {
    zh: '全部单位（每个单位一张工作表，多于{most}个单位时列在一张表中）',
    en: 'All units (one sheet each; one list past {most} units)',
  },
  'pane.exportUnit': { zh: '只导出 {unit}', en: 'Only {unit}' },
  'pane.importExplanations': { zh: '导入说明…', en: 'Import explanations…' },
  'pane.exportHint': {
    zh: '导出的工作簿列出每条错误和核实性问题，“说明”列留空；各单位填写说明后发回，点击“导入说明”即存入“审核说明”。',
    en: 'The exported workbook lists every error and warning with an empty “Explanation” column; once a unit has filled it in and sent it back, “Import explanations” saves them in 审核说明.',
  },
  'pane.stage.exporting': { zh: '正在生成审核结果工作簿…', en: 'Making the findings workbook…' },
  'pane.stage.importingExplanations': {
    zh: '正在导入 {file} 中的说明…',
    en: 'Importing the explanations in {file}…',
  },
  'pane.exported': {
    zh: '审核结果已在新的 Excel 工作簿中打开（{rows} 条问题，{sheets} 张工作表）。请用“文件 › 另存为”保存，发给各单位填写“说明”列。',
    en: 'The findings are open in a new Excel workbook ({rows} findings, {sheets} sheets). Save it (File › Save As) and send it to the units to fill in the “Explanation” column.',
  },
  'pane.exportNothing': {
    zh: '没有需要导出的强制性错误或核实性问题。',
    en: 'There are no errors or warnings to export.',
  },
  'pane.exportFailed': {
    zh: '导出审核结果失败：{detail}。{hint}',
    en: 'Exporting the findings failed: {detail}. {hint}',
  },
  'pane.importedExplanations': {
    zh: '从 {file} 导入了 {count} 条说明，已保存到工作表“{sheet}”。',
    en: 'Imported {count} {count|explanation|explanations} from {file} into the sheet “{sheet}”.',
  },
  'pane.importUnmatched': {
    zh: '另有 {count} 条说明没有对应当前的核实性问题（问题已不存在，或属于强制性错误，须修改数据），没有导入。',
    en: '{count} more explanations match no current warning (the finding is gone, or it is an error, which must be fixed in the data) and were not imported.',
  },
  'pane.importNoExplanations': {
    zh: '{file} 中没有填写的说明。请在“说明”列填写后再导入。',
    en: '{file} holds no explanations. Fill in the “Explanation” column, then import it.',
  },
  'pane.importExplanationsFailed': {
    zh: '导入 {file} 中的说明失败：{detail}。{hint}',
    en: 'Importing the explanations in {file} failed: {detail}. {hint}',
  },
  // The findings workbook (src/core/output/findings.ts)
  'export.readme': { zh: '填写说明', en: 'Instructions' },
  'export.title': {
    zh: '{period}审核结果：请在“说明”列填写核实情况',
    en: 'Audit findings{period}: fill in the “Explanation” column',
  },
  'export.instructions': {
    zh: '每个单位一张工作表，一行一条问题。“强制性”错误请修改数据后重新报送；“核实”类问题如数据无误，请在“说明”列写明原因。请勿修改“规则编号”“工作表”“填报单位”三列，发回后据此导入。',
    en: 'One sheet per unit, one row per finding. Errors must be fixed in the data and the form sent again; for a warning whose figure is right, write why in the “Explanation” column. Do not change the Rule, Sheet and Unit columns: the import matches on them.',
  },
  'export.instructionsList': {
    zh: '本次有 {units} 个单位存在问题，多于 {most} 个，不再每个单位一张工作表：全部问题按单位排列在“{sheet}”表中，一行一条问题，请按“填报单位”列筛选本单位的行。“强制性”错误请修改数据后重新报送；“核实”类问题如数据无误，请在“说明”列写明原因。请勿修改“规则编号”“工作表”“填报单位”三列，发回后据此导入。',
    en: '{units} units have findings, more than {most}, so they are not given a sheet each: every finding is on the “{sheet}” sheet, unit by unit, one row per finding; filter the Unit column for your own rows. Errors must be fixed in the data and the form sent again; for a warning whose figure is right, write why in the “Explanation” column. Do not change the Rule, Sheet and Unit columns: the import matches on them.',
  },
  'export.part': {
    zh: '审核结果较多，分为 {n} 个文件，本文件为第 {k} 个，含 {units} 个单位的问题；每个单位的问题都只在一个文件中，各文件均可直接填写后发回导入。',
    en: 'The findings are many, so they are in {n} files; this is file {k}, with the findings of {units} units. Each unit’s findings are all in one file, and each file can be filled in and sent back for import as it is.',
  },
  'export.listSheet': { zh: '全部单位', en: 'All units' },
  'export.listSheetMore': { zh: '全部单位（续{n}）', en: 'All units ({n})' },
  'export.col.unit': { zh: '填报单位', en: 'Unit' },
  'export.col.sheet': { zh: '工作表', en: 'Sheet' },
  'export.col.cells': { zh: '单元格', en: 'Cells' },
  'export.col.values': { zh: '数值', en: 'Values' },
  'export.col.rule': { zh: '规则编号', en: 'Rule' },
  'export.col.severity': { zh: '级别', en: 'Severity' },
  'export.col.message': { zh: '问题', en: 'Finding' },
  'export.col.explanation': { zh: '说明', en: 'Explanation' },
  'export.col.file': { zh: '文件', en: 'File' },
  'export.severity.error': { zh: '强制', en: 'Error' },
  'export.severity.warning': { zh: '核实', en: 'Warning' },
  'export.noUnit': { zh: '其他', en: 'Other' },
  'help.export': {
    zh: '同时把审核结果写成工作簿（每个单位一张工作表，多于{most}个单位时列在一张表中，问题极多时分为几个文件；留空“说明”列），发给各单位填写',
    en: 'also write the findings as a workbook (one sheet per unit, or one list past {most} units, in several files when the findings are very many; an empty Explanation column) to send to the units',
  },
  'validate.exportedParts': {
    zh: '审核结果较多，已分 {n} 个文件写入：{files}。每个文件都可发给各单位在“说明”列填写后发回。',
    en: 'The findings are many, so they are in {n} files: {files}. Each can be sent to the units to fill in the Explanation column.',
  },
  'validate.exported': {
    zh: '审核结果已写入 {file}，可发给各单位在“说明”列填写后发回。',
    en: 'The findings are in {file}, to send to the units to fill in the Explanation column.',
  },
} as const;
