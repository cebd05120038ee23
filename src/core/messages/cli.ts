/** Help and usage text of the `tally` command. Part of the one catalogue (index.ts). */
export const cli = {
  'help.program': {
    zh: 'Tally：两纲监测报表审核与指标汇总',
    en: 'audit monitoring forms and roll up the indicators',
  },
  'help.lang': { zh: '输出语言（zh|en）', en: 'language of the output (zh|en)' },
  'help.json': { zh: '输出 JSON', en: 'machine-readable output' },
  'help.inspect': {
    zh: '列出每个工作表识别出的表头、数据项和数值提示',
    en: 'show what Tally recognises in each sheet',
  },
  'help.validate': { zh: '审核报表：表内、表间、历史和完整性审核', en: 'audit the forms' },
  'help.rules': {
    zh: '审核规则表（.csv 或 .xlsx）；默认用工作簿中的“审核规则”表或内置规则',
    en: "a rule table; by default the workbook's 审核规则 sheet or the profile's rules",
  },
  'help.sheet': { zh: '只审核这个工作表', en: 'audit only this sheet' },
  'help.report': {
    zh: '审核、汇总并计算两纲指标，生成汇总表和监测报告',
    en: 'audit, roll up, assess and write the report',
  },
  'help.period': {
    zh: '监测年份，默认从报表标题识别',
    en: "the period (default: from the forms' titles)",
  },
  'help.region': {
    zh: '地区名称（无区划层级时使用）',
    en: "the area's name when the hierarchy has no single root",
  },
  'help.out': { zh: '写出汇总表和报告工作簿', en: 'write the summary and narrative workbook' },
  'help.md': { zh: '写出 Markdown 报告', en: 'write the narrative as Markdown' },
  'help.template': { zh: '生成空白报表模板', en: 'write the blank forms to hand out' },
  'help.templateOut': { zh: '输出文件', en: 'the workbook to write' },
  'help.units': {
    zh: '填报单位：逗号分隔，或每行一个的文本文件（可带12位代码）',
    en: 'reporting units: a comma-separated list, or a text file with one per line (codes allowed)',
  },
  'help.year': { zh: '年份', en: 'the period' },
  'cli.usageError': {
    zh: '命令用法有误（{detail}）。运行 tally --help 查看用法。',
    en: 'Wrong usage ({detail}). Run tally --help for usage.',
  },
} as const;
