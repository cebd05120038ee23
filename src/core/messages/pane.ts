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
    zh: '无法连接 Office：Office.js 未能加载（{detail}）。请检查网络连接，然后在 Excel 中通过“开始 › 加载项”重新打开 Tally。',
    en: 'Cannot reach Office: Office.js did not load ({detail}). Check the network connection, then open Tally again from Home › Add-ins in Excel.',
  },
  'pane.notExcel': {
    zh: 'Tally 只能在 Excel 中使用。请在 Excel 中打开工作簿，再通过“开始 › 加载项”打开 Tally。',
    en: 'Tally works only in Excel. Open the workbook in Excel, then open Tally from Home › Add-ins.',
  },
  'pane.summary': {
    zh: '共 {sheets} 张工作表，识别出 {forms} 张已知报表',
    en: '{sheets} sheets, {forms} recognised as known forms',
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
    en: '{records} ({totals} total rows)',
  },
  'pane.items': { zh: '数据项', en: 'Items' },
  'pane.itemsValue': { zh: '识别 {count} 个', en: '{count} recognised' },
  'pane.notices': { zh: '数值提示', en: 'Value notices' },
  'pane.typeErrors': { zh: '类型错误', en: 'Type errors' },
  'pane.count': { zh: '{count} 条', en: '{count}' },
} as const;
