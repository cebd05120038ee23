/** Messages of the task pane. Part of the one catalogue (index.ts). */
export const pane = {
  'pane.sheets': { zh: '工作簿中的工作表', en: 'Sheets in this workbook' },
  'pane.loading': { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  'pane.refresh': { zh: '重新读取', en: 'Read again' },
  'pane.noSheets': { zh: '工作簿中没有工作表。', en: 'The workbook has no sheets.' },
  'pane.readFailed': {
    zh: '读取工作簿失败：{detail}。请关闭正在编辑的单元格后点击“重新读取”。',
    en: 'Reading the workbook failed: {detail}. Leave cell edit mode and click "Read again".',
  },
  'pane.language': { zh: '语言', en: 'Language' },
} as const;
