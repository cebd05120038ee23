/**
 * Messages of the web page (网页版, src/web): the pane's UI over files, with no Office. Where the
 * page does what the pane does differently (a table downloaded rather than inserted), the
 * pane's sentence is swapped for one of these (src/taskpane/i18n.ts). Part of the one
 * catalogue (index.ts).
 */
export const web = {
  'web.title': { zh: 'Tally 统计审核（网页版）', en: 'Tally (web)' },
  'web.tagline': {
    zh: '在浏览器中审核、汇总两纲监测报表，不需要 Excel，文件不上传',
    en: 'Audit and roll up the monitoring forms in the browser: no Excel needed, nothing uploaded',
  },
  'web.privacy': {
    zh: '所有文件只在本机浏览器中读取和生成，页面不向任何服务器发送数据；断网也能使用。',
    en: 'Every file is read and made in this browser on this computer; the page sends nothing to any server and works offline.',
  },
  'web.starting': { zh: '正在启动 Tally 统计审核…', en: 'Starting Tally…' },
  'web.unsupportedBrowser': {
    zh: '当前浏览器版本过旧，无法运行 Tally 网页版。请使用 Chrome、Edge 或 Firefox 的较新版本（2020 年以后发布），或 360、奇安信等浏览器的“极速模式”。',
    en: 'This browser is too old to run Tally. Use a recent Chrome, Edge or Firefox (released 2020 or later), or the “speed mode” of 360 or QAX browsers.',
  },
  // The three inputs
  'web.current': { zh: '本期报表', en: "This period's forms" },
  'web.currentHint': {
    zh: '一个汇总工作簿，或各乡镇报送的文件（.xlsx / .csv，可选多个或整个文件夹）',
    en: 'one workbook, or the files each township sent (.xlsx / .csv; several files or a whole folder)',
  },
  'web.prior': { zh: '上期数据（可选）', en: "Last period's data (optional)" },
  'web.priorHint': {
    zh: '上年的监测数据，用于历史审核和与上年比较',
    en: "last year's data, for the history checks and the change from last year",
  },
  'web.tables': {
    zh: '审核规则 / 指标目标 / 审核说明（可选）',
    en: 'Rules / targets / explanations (optional)',
  },
  'web.tablesHint': {
    zh: '本地的审核规则表、指标目标表，或已填写说明的审核说明、审核结果反馈表',
    en: 'your own rules table or targets table, or explanations (a 审核说明 table, or findings sent back with their 说明 filled in)',
  },
  'web.drop': { zh: '把文件或文件夹拖到这里，或', en: 'Drop files or a folder here, or' },
  'web.chooseFiles': { zh: '选择文件…', en: 'Choose files…' },
  'web.chooseFolder': { zh: '选择文件夹…', en: 'Choose a folder…' },
  'web.none': { zh: '尚未添加文件', en: 'No files yet' },
  'web.fileItem': {
    zh: '{file}（{sheets} 张工作表）',
    en: '{file} ({sheets} {sheets|sheet|sheets})',
  },
  'web.tableItem.rules': { zh: '{file}（审核规则）', en: '{file} (rules)' },
  'web.tableItem.targets': { zh: '{file}（指标目标）', en: '{file} (targets)' },
  'web.tableItem.explanations': { zh: '{file}（审核说明）', en: '{file} (explanations)' },
  'web.remove': { zh: '移除 {file}', en: 'Remove {file}' },
  'web.noFiles': {
    zh: '请先在“本期报表”中添加要审核的文件。',
    en: "Add the files to audit under “This period's forms” first.",
  },
  // Tables
  'web.table.rules': {
    zh: '{file} 是审核规则表（{rows} 行），审核时按表中的规则审核。',
    en: '{file} is a rules table ({rows} rows); audits use its rules.',
  },
  'web.table.targets': {
    zh: '{file} 是指标目标表（{rows} 行），生成报告时按表中的目标评估。',
    en: '{file} is a targets table ({rows} rows); the report judges against it.',
  },
  'web.table.explanations': {
    zh: '{file} 中有 {rows} 条核实说明，审核时用于对应的核实性问题。',
    en: '{file} holds {rows} explanations, used for the warnings they explain.',
  },
  'web.tableProblem': { zh: '{file}：{problem}', en: '{file}: {problem}' },
  'web.notATable': { zh: '无法使用 {file}：{detail}。', en: 'Cannot use {file}: {detail}.' },
  'web.tableUnknown': {
    zh: '它的工作表 {sheets} 都不是审核规则表（需有“编号”“规则”列）、指标目标表（需有“编号”“目标”列）或审核说明表（需有“规则编号”“工作表”“填报单位”“说明”列）',
    en: 'none of its sheets {sheets} is a rules table (columns 编号 and 规则), a targets table (编号 and 目标) or an explanations table (规则编号, 工作表, 填报单位 and 说明)',
  },
  // Actions, as the page words them
  'web.makeReport': { zh: '生成报告并下载', en: 'Make and download the report' },
  'web.downloadRules': { zh: '下载审核规则表', en: 'Download the rules table' },
  'web.downloadTargets': { zh: '下载指标目标表', en: 'Download the targets table' },
  'web.rulesDownloaded': {
    zh: '已下载审核规则表 {sheet}（{count} 条规则）。修改后添加到“审核规则 / 指标目标 / 审核说明”，审核即按表中的规则。',
    en: 'Downloaded the rules table {sheet} ({count} {count|rule|rules}). Edit it and add it under “Rules / targets / explanations”; audits then use its rules.',
  },
  'web.targetsDownloaded': {
    zh: '已下载指标目标表 {sheet}（{count} 项指标的监测方案默认目标）。改为本地规划的目标后添加到“审核规则 / 指标目标 / 审核说明”，报告即按表中的目标评估。',
    en: 'Downloaded the targets table {sheet} (the default targets of {count} indicators). Change them to your local plan and add it under “Rules / targets / explanations”; the report then judges against it.',
  },
  'web.stage.rules': { zh: '正在生成审核规则表…', en: 'Making the rules table…' },
  'web.stage.targets': { zh: '正在生成指标目标表…', en: 'Making the targets table…' },
  'web.stage.writing': { zh: '正在生成报告工作簿…', en: 'Making the report workbook…' },
  'web.stage.reading': { zh: '正在准备…', en: 'Preparing…' },
  'web.stage.copy': {
    zh: '正在生成 {file} 的标记副本…',
    en: 'Making the marked copy of {file}…',
  },
  'web.rulesFailed': {
    zh: '生成审核规则表失败：{detail}。{hint}',
    en: 'Making the rules table failed: {detail}. {hint}',
  },
  'web.targetsFailed': {
    zh: '生成指标目标表失败：{detail}。{hint}',
    en: 'Making the targets table failed: {detail}. {hint}',
  },
  'web.reportFailed': {
    zh: '生成报告失败：{detail}。{hint}',
    en: 'The report failed: {detail}. {hint}',
  },
  'web.reportDownloaded': {
    zh: '报告工作簿已下载：{file}（指标汇总、分单位指标、监测报告）。Word 版报告见下方。',
    en: 'The report workbook was downloaded: {file} (summary, per-unit values, narrative). The Word report is below.',
  },
  'web.reportFile': { zh: '{title}.xlsx', en: '{title}.xlsx' },
  'web.reportFileDefault': { zh: 'Tally 监测报告', en: 'Tally report' },
  'web.findingsFile': { zh: '审核结果反馈{period}.xlsx', en: 'Findings {period}.xlsx' },
  'web.exported': {
    zh: '审核结果已下载（{rows} 条问题，{sheets} 张工作表），可发给各单位填写“说明”列。',
    en: 'The findings were downloaded ({rows} findings, {sheets} sheets); send them to the units to fill in the “Explanation” column.',
  },
  'web.exportHint': {
    zh: '下载的工作簿列出每条错误和核实性问题，“说明”列中是已写的说明；各单位填写后发回，点击“导入说明”，或下次添加到“审核规则 / 指标目标 / 审核说明”。',
    en: 'The downloaded workbook lists every error and warning, with the explanations written so far in its “Explanation” column; when a unit sends it back filled in, use “Import explanations”, or add it under “Rules / targets / explanations” next time.',
  },
  'web.importedExplanations': {
    zh: '从 {file} 导入了 {count} 条说明。',
    en: 'Imported {count} explanations from {file}.',
  },
  'web.explanationFailed': {
    zh: '保存说明失败：{detail}。{hint}',
    en: 'Saving the explanation failed: {detail}. {hint}',
  },
  'web.noForms': {
    zh: '没有识别出任何已知报表，无法审核。请检查添加的文件是否为两纲监测报表，以及各工作表的表头。',
    en: 'No known form was recognised, so there is nothing to audit. Check that the files are the monitoring forms, and their header rows.',
  },
  'web.workerFallback': {
    zh: '后台线程无法启动（{detail}），已在页面中计算；计算期间页面可能暂时无响应。',
    en: 'The background thread could not start ({detail}); the page computed instead and may have been unresponsive meanwhile.',
  },
  'web.inFile': { zh: '在文件 {file} 中', en: 'In the file {file}' },
  'web.stageHint': {
    zh: '中期评估另按基期值到目标年份的直线判断进度（需在指标目标表中填写基期年份和基期值）。',
    en: 'A mid-term evaluation also judges progress on the line from the baseline to the target year (enter base years and baselines in the targets table).',
  },
  'web.hint.retry': {
    zh: '请重试；如仍失败，请将此信息和文件发给技术支持。',
    en: 'Try again; if it fails again, send this message and the files to support.',
  },
  // Downloads
  'web.downloads': { zh: '下载', en: 'Downloads' },
  'web.copies': { zh: '标记副本', en: 'Marked copies' },
  'web.copiesHint': {
    zh: '每个本期文件的副本：有错误的单元格标红、核实性问题标黄，并附“审核结果”工作表。原文件不会被改动。',
    en: 'A copy of each file of this period: cells with errors red, with warnings yellow, and a 审核结果 sheet listing them. The files themselves are never changed.',
  },
  'web.copy': { zh: '下载 {file} 的标记副本', en: 'Download the marked copy of {file}' },
  'web.copyFile': { zh: '{name}（审核标记）.xlsx', en: '{name} (marked).xlsx' },
  'web.copied': {
    zh: '已下载 {file}：标记了 {cells} 个单元格，“审核结果”工作表列出 {findings} 条问题。原文件没有改动。',
    en: 'Downloaded {file}: {cells} {cells|cell|cells} marked, {findings} {findings|finding|findings} listed in its 审核结果 sheet. The file itself is unchanged.',
  },
  'web.copyFailed': {
    zh: '生成 {file} 的标记副本失败：{detail}。{hint}',
    en: 'Making the marked copy of {file} failed: {detail}. {hint}',
  },
  'web.auditSheet': { zh: '审核结果', en: '审核结果' },
  'web.auditSheetNone': {
    zh: '本文件没有强制性错误或核实性问题。',
    en: 'This file has no errors or warnings.',
  },
} as const;
