/** Messages of the task pane. Part of the one catalogue (index.ts). */
export const pane = {
  'pane.sheets': { zh: '工作簿中的工作表', en: 'Sheets in this workbook' },
  'pane.loading': { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  'pane.progress': {
    zh: '正在读取工作簿…（{percent}%）',
    en: 'Reading the workbook… ({percent}%)',
  },
  'pane.refresh': { zh: '重新读取', en: 'Read again' },
  'pane.noSheets': { zh: '工作簿中没有工作表。', en: 'The workbook has no sheets.' },
  'pane.readFailed': {
    zh: '读取工作簿失败：{detail}。请关闭正在编辑的单元格后点击“重新读取”。',
    en: 'Reading the workbook failed: {detail}. Leave cell edit mode and click "Read again".',
  },
  'pane.language': { zh: '语言', en: 'Language' },
  'pane.lang.zh': { zh: '中文', en: '中文' },
  'pane.lang.en': { zh: 'English', en: 'English' },
  'pane.currentWorkbook': { zh: '当前工作簿', en: 'Current workbook' },
  'pane.errorTitle': { zh: '出错了', en: 'Something went wrong' },
  'pane.inspectFailed': {
    zh: '识别工作表时出错：{detail}。请点击“重新读取”；如仍出错，请将此信息和工作簿发给技术支持。',
    en: 'Recognising the sheets failed: {detail}. Click "Read again"; if it fails again, send this message and the workbook to support.',
  },
  'pane.profileFailed': {
    zh: '内置的监测配置无法加载：{detail}。请重新安装加载项。',
    en: 'The built-in monitoring profile could not be loaded: {detail}. Reinstall the add-in.',
  },
  'pane.officeMissing': {
    zh: '无法连接 Office：Office 脚本库未能加载（{detail}）。请检查网络连接，然后在 Excel 中通过“开始 › 加载项”重新打开 Tally。',
    en: 'Cannot reach Office: the Office script library did not load ({detail}). Check the network connection, then open Tally again from Home › Add-ins in Excel.',
  },
  'pane.notExcel': {
    zh: 'Tally 只能在 Excel 中使用。请在 Excel 中打开工作簿，再通过“开始 › 加载项”打开 Tally。',
    en: 'Tally works only in Excel. Open the workbook in Excel, then open Tally from Home › Add-ins.',
  },
  'pane.summary': {
    zh: '共 {sheets} 张工作表，识别出 {forms} 张已知报表',
    en: '{sheets} {sheets|sheet|sheets}, {forms} recognised as known {forms|form|forms}',
  },
  'pane.form': { zh: '报表', en: 'Form' },
  'pane.formValue': {
    zh: '{name}（{matched}/{total} 个数据项）',
    en: '{name} ({matched}/{total} items)',
  },
  'pane.noForm': { zh: '未识别为已知报表', en: 'Not a known form' },
  'pane.noHeader': {
    zh: '未找到表头，已跳过此工作表。',
    en: 'No header row found; this sheet is skipped.',
  },
  'pane.headerRows': { zh: '表头', en: 'Header' },
  'pane.headerRowsValue': { zh: '第 {rows} 行', en: 'row {rows}' },
  'pane.records': { zh: '记录', en: 'Records' },
  'pane.recordsValue': {
    zh: '{records} 条（合计行 {totals} 行）',
    en: '{records} ({totals} total {totals|row|rows})',
  },
  'pane.items': { zh: '数据项', en: 'Items' },
  'pane.itemsValue': { zh: '识别 {count} 个', en: '{count} recognised' },
  'pane.notices': { zh: '数值提示', en: 'Value notices' },
  'pane.typeErrors': { zh: '类型错误', en: 'Type errors' },
  'pane.count': { zh: '{count} 条', en: '{count}' },
  // Actions
  'pane.audit': { zh: '审核', en: 'Audit' },
  'pane.report': { zh: '汇总并生成报告', en: 'Roll up and report' },
  'pane.clear': { zh: '清除标记', en: 'Clear highlights' },
  'pane.insertRules': { zh: '插入审核规则表', en: 'Insert rules sheet' },
  'pane.actions': { zh: '操作', en: 'Actions' },
  // Settings
  'pane.settings': { zh: '设置', en: 'Settings' },
  'pane.period': { zh: '监测年度', en: 'Period' },
  'pane.periodHint': {
    zh: '留空则按报表标题中的年份',
    en: "Leave blank to take the year from the forms' titles",
  },
  'pane.periodFound': { zh: '识别为 {period} 年', en: 'found: {period}' },
  'pane.importCurrent': { zh: '导入本期报表', en: "Import this period's forms" },
  'pane.importCurrentHint': {
    zh: '如乡镇报送的 .xlsx / .csv 工作簿，与当前工作簿一起审核、汇总',
    en: 'e.g. .xlsx / .csv workbooks submitted by townships; audited and rolled up with this workbook',
  },
  'pane.importPrior': { zh: '导入上期数据', en: "Import the previous period's data" },
  'pane.importPriorHint': {
    zh: '上年的监测数据，用于历史审核和与上年比较',
    en: "last year's data, for the history checks and the change from last year",
  },
  'pane.chooseFiles': { zh: '选择文件…', en: 'Choose files…' },
  'pane.noImports': { zh: '未导入', en: 'None' },
  'pane.importedFile': {
    zh: '{file}（{sheets} 张工作表）',
    en: '{file} ({sheets} {sheets|sheet|sheets})',
  },
  'pane.removeImport': { zh: '移除 {file}', en: 'Remove {file}' },
  'pane.importFailed': {
    zh: '无法导入 {file}：{detail}。',
    en: 'Could not import {file}: {detail}.',
  },
  // Progress
  'pane.stage.reading': { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  'pane.stage.audit': { zh: '正在审核…', en: 'Auditing…' },
  'pane.stage.assess': { zh: '正在汇总和评估指标…', en: 'Rolling up and assessing…' },
  'pane.stage.report': { zh: '正在生成报告…', en: 'Describing the report…' },
  'pane.stage.highlighting': { zh: '正在标记单元格…', en: 'Highlighting cells…' },
  'pane.stage.writing': { zh: '正在写入报告工作表…', en: 'Writing the report sheets…' },
  'pane.stage.clearing': { zh: '正在恢复单元格原有填充…', en: 'Restoring the cells’ fills…' },
  'pane.stage.saving': { zh: '正在保存说明…', en: 'Saving the explanation…' },
  'pane.stage.rules': { zh: '正在插入审核规则表…', en: 'Inserting the rules sheet…' },
  'pane.stage.importing': { zh: '正在读取 {file}…', en: 'Reading {file}…' },
  'pane.stage.selecting': { zh: '正在定位…', en: 'Going to the cells…' },
  'pane.inWorker': { zh: '（后台计算）', en: '(in the background)' },
  // Results
  'pane.results': { zh: '审核结果', en: 'Audit results' },
  'pane.count.errors': { zh: '强制性错误', en: 'Errors' },
  'pane.count.warnings': { zh: '核实性问题', en: 'Warnings' },
  'pane.count.notices': { zh: '提示', en: 'Notices' },
  'pane.count.explained': { zh: '已说明 {explained}', en: '{explained} explained' },
  'pane.severity.error': { zh: '错误', en: 'Error' },
  'pane.severity.warning': { zh: '核实', en: 'Warning' },
  'pane.severity.notice': { zh: '提示', en: 'Notice' },
  'pane.auditSummary': {
    zh: '已审核 {forms} 张报表：强制性错误 {errors} 条，核实性问题 {warnings} 条（已说明 {explained} 条），提示 {notices} 条。',
    en: 'Audited {forms} {forms|form|forms}: {errors} {errors|error|errors}, {warnings} {warnings|warning|warnings} ({explained} explained), {notices} {notices|notice|notices}.',
  },
  'pane.auditClean': {
    zh: '审核通过：没有未解决的强制性错误，核实性问题都已说明。',
    en: 'The audit passed: no open errors, and every warning is explained.',
  },
  'pane.noForms': {
    zh: '没有识别出任何已知报表，无法审核。请检查各工作表的表头（下方“工作簿中的工作表”列出了识别情况）。',
    en: 'No known form was recognised, so there is nothing to audit. Check the sheets’ header rows (see “Sheets in this workbook” below).',
  },
  'pane.highlighted': {
    zh: '已标记 {cells} 个单元格（红色为错误，黄色为核实性问题）。点击“清除标记”可恢复原有填充。',
    en: 'Highlighted {cells} {cells|cell|cells} (red: errors, yellow: warnings). “Clear highlights” puts their fills back.',
  },
  'pane.unmarked': {
    zh: '{cells} 个已不再有问题的单元格恢复了原有填充。',
    en: '{cells} {cells|cell|cells} no longer in question got {cells|its fill|their fills} back.',
  },
  'pane.ruleErrors': {
    zh: '有 {count} 条审核规则未能运行（其余规则照常运行）：',
    en: '{count} {count|rule|rules} could not run (the others did):',
  },
  'pane.sheetGroup': { zh: '工作表「{sheet}」', en: 'Sheet “{sheet}”' },
  'pane.fileGroup': { zh: '{file}：工作表「{sheet}」', en: '{file}: sheet “{sheet}”' },
  'pane.ruleGroup': { zh: '{rule}（{count} 条）', en: '{rule} ({count})' },
  'pane.rule.TOTAL': { zh: '合计行', en: 'Total rows' },
  'pane.rule.DUPLICATE': { zh: '重复单位', en: 'Duplicate units' },
  'pane.rule.BLANK': { zh: '漏填', en: 'Blanks' },
  'pane.rule.TYPE': { zh: '非数值', en: 'Not a number' },
  'pane.rule.NOTICE': { zh: '数值格式', en: 'Number formats' },
  'pane.rule.MISSING_UNIT': { zh: '缺报单位', en: 'Missing units' },
  'pane.goTo': { zh: '定位到 {cells}', en: 'Go to {cells}' },
  'pane.notInWorkbook': {
    zh: '在导入的文件中，无法在此定位',
    en: 'In an imported file; cannot go to it here',
  },
  'pane.showMore': { zh: '显示其余 {count} 条', en: 'Show {count} more' },
  'pane.explanation': { zh: '核实说明', en: 'Explanation' },
  'pane.explanationPlaceholder': {
    zh: '说明数据为何如此，例如：本年有外地居民在本镇登记结婚',
    en: 'Why the figure is right, e.g. couples from elsewhere registered their marriage here',
  },
  'pane.saveExplanation': { zh: '保存说明', en: 'Save explanation' },
  'pane.explained': { zh: '已说明', en: 'Explained' },
  'pane.explanationSaved': {
    zh: '说明已保存到工作表“{sheet}”。',
    en: 'The explanation was saved in the sheet “{sheet}”.',
  },
  'pane.explanationRenamed': {
    zh: '工作簿中已有名为“{wanted}”的工作表（不是 Tally 写的），Tally 没有改动它，说明保存在“{sheet}”中。',
    en: 'The workbook already has a sheet “{wanted}” that Tally did not write; Tally left it alone and saved the explanations in “{sheet}”.',
  },
  // Outcomes
  'pane.doneTitle': { zh: '完成', en: 'Done' },
  'pane.noteTitle': { zh: '请注意', en: 'Note' },
  'pane.dismiss': { zh: '关闭', en: 'Dismiss' },
  'pane.cleared': {
    zh: '已恢复 {cells} 个单元格的原有填充。',
    en: 'Restored the {cells|fill|fills} of {cells} {cells|cell|cells}.',
  },
  'pane.clearedKept': {
    zh: '另有 {kept} 个单元格在标记后被手动改过填充，保留了修改后的样子。',
    en: '{kept} more {kept|cell was|cells were} refilled by hand after marking and {kept|was|were} left as {kept|it is|they are}.',
  },
  'pane.nothingToClear': { zh: '没有需要清除的标记。', en: 'There are no highlights to clear.' },
  'pane.reportDone': {
    zh: '报告已写入工作表“{summary}”“{units}”和“{narrative}”。',
    en: 'The report is in the sheets “{summary}”, “{units}” and “{narrative}”.',
  },
  'pane.sheetHidden': {
    zh: '工作表“{sheet}”已隐藏，请先取消隐藏（右键单击任一工作表标签 › 取消隐藏），再点击该条结果',
    en: 'the sheet “{sheet}” is hidden; unhide it (right-click any sheet tab › Unhide), then click the finding again',
  },
  'pane.reportView': {
    zh: '报告已写入“{sheet}”，但未能冻结其表头或设置横向打印（{detail}）；内容不受影响。',
    en: 'The report was written to “{sheet}”, but its header could not be frozen or its pages set to landscape ({detail}); the content is complete.',
  },
  'pane.reportRenamed': {
    zh: '工作簿中已有名为“{wanted}”的工作表（不是 Tally 写的），Tally 没有改动它，报告写入了“{sheet}”。',
    en: 'The workbook already has a sheet “{wanted}” that Tally did not write; Tally left it alone and wrote the report to “{sheet}”.',
  },
  'pane.reportOpenErrors': {
    zh: '数据中仍有 {count} 条未解决的强制性错误，报告顶部已注明；请修正后重新生成。',
    en: 'The data still has {count} open {count|error|errors}; the report says so at the top. Fix them and report again.',
  },
  'pane.rulesInserted': {
    zh: '已插入工作表“{sheet}”，共 {count} 条规则。可直接修改，点击“审核”即按表中的规则审核。',
    en: 'Inserted the sheet “{sheet}” with {count} {count|rule|rules}. Edit it as you like; “Audit” uses the rules in it.',
  },
  'pane.rulesExists': {
    zh: '工作簿中已有审核规则表“{sheet}”，已切换到该表，未作改动。审核时使用该表中的规则；如需恢复默认规则，请删除或重命名该表后再插入。',
    en: 'The workbook already has the rules sheet “{sheet}”; Tally switched to it and changed nothing. Audits use its rules; to get the default rules back, delete or rename it and insert again.',
  },
  'pane.workerFallback': {
    zh: '后台线程无法启动（{detail}），已在窗格中计算；计算期间窗格可能暂时无响应。',
    en: 'The background thread could not start ({detail}); the pane computed instead and may have been unresponsive meanwhile.',
  },
  // Failures: what happened, then what to do
  'pane.auditFailed': {
    zh: '审核失败：{detail}。{hint}',
    en: 'The audit failed: {detail}. {hint}',
  },
  'pane.reportFailed': {
    zh: '生成报告失败：{detail}。写了一半的工作表已删除，工作簿中原有的工作表没有改动。{hint}',
    en: 'The report failed: {detail}. The half-written sheets were removed; the workbook’s other sheets are as they were. {hint}',
  },
  'pane.cleanupFailed': {
    zh: '生成报告失败：{detail}；写了一半的工作表 {sheets} 也未能删除（{cleanup}）。请手动删除这些工作表后重试。',
    en: 'The report failed: {detail}; the half-written sheets {sheets} could not be removed either ({cleanup}). Delete them by hand and try again.',
  },
  'pane.highlightFailed': {
    zh: '标记单元格失败：{detail}。审核结果仍然有效。{hint}',
    en: 'Highlighting the cells failed: {detail}. The audit results stand. {hint}',
  },
  'pane.clearFailed': {
    zh: '清除标记失败：{detail}。标记记录仍保存在工作簿中，可以再次清除。{hint}',
    en: 'Clearing the highlights failed: {detail}. Tally still remembers them; you can clear again. {hint}',
  },
  'pane.selectFailed': {
    zh: '无法定位到单元格：{detail}。{hint}',
    en: 'Could not go to the cells: {detail}. {hint}',
  },
  'pane.explanationFailed': {
    zh: '保存说明失败：{detail}。说明没有保存。{hint}',
    en: 'Saving the explanation failed: {detail}. It was not saved. {hint}',
  },
  'pane.rulesFailed': {
    zh: '插入审核规则表失败：{detail}。{hint}',
    en: 'Inserting the rules sheet failed: {detail}. {hint}',
  },
  'pane.hint.cellEdit': {
    zh: '请先按 Enter 或 Esc 结束单元格编辑，再重试。',
    en: 'Press Enter or Esc to leave cell edit mode, then try again.',
  },
  'pane.hint.protected': {
    zh: '工作表或工作簿受保护，请先撤销保护（审阅 › 撤销保护）后重试。',
    en: 'The sheet or workbook is protected; unprotect it (Review › Unprotect) and try again.',
  },
  'pane.hint.notFound': {
    zh: '工作表可能已被删除或重命名，请重新审核后再试。',
    en: 'A sheet may have been deleted or renamed; audit again, then retry.',
  },
  'pane.hint.payload': {
    zh: '数据量超出了 Excel 单次请求的上限，请重试；如仍失败，请把工作簿拆小。',
    en: 'The data exceeded Excel’s limit for one request; try again, and if it fails again, split the workbook.',
  },
  'pane.hint.busy': { zh: 'Excel 正忙，请稍后重试。', en: 'Excel is busy; try again in a moment.' },
  'pane.hint.nameTaken': {
    zh: '有同名的工作表，请重试（Tally 会另选名称）。',
    en: 'A sheet of that name exists; try again (Tally will pick another name).',
  },
  'pane.hint.none': { zh: '', en: '' },
  'pane.hint.retry': {
    zh: '请重试；如仍失败，请将此信息和工作簿发给技术支持。',
    en: 'Try again; if it fails again, send this message and the workbook to support.',
  },
} as const;
