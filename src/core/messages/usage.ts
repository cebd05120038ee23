/**
 * How the `tally` command is used: help chrome and examples, usage errors, which file went
 * where (本期 / 上期), replacing a template, and rules that do not apply. Part of the one
 * catalogue (index.ts).
 */
export const usage = {
  // Help chrome (commander's own words, in the catalogue's two languages).
  'help.title.usage': { zh: '用法', en: 'Usage' },
  'help.title.arguments': { zh: '参数', en: 'Arguments' },
  'help.title.options': { zh: '选项', en: 'Options' },
  'help.title.commands': { zh: '命令', en: 'Commands' },
  'help.title.globalOptions': { zh: '全局选项', en: 'Global options' },
  'help.examples': { zh: '示例', en: 'Examples' },
  'help.version': { zh: '显示版本号', en: 'show the version number' },
  'help.help': { zh: '显示帮助', en: 'show help' },
  'help.helpCommand': { zh: '显示某个命令的帮助', en: 'show the help of a command' },
  'help.default': { zh: '默认 {value}', en: 'default {value}' },
  'help.inputs': {
    zh: '.xlsx 或 .csv 文件，或存放它们的文件夹',
    en: '.xlsx or .csv files, or folders holding them',
  },
  'help.currentFiles': {
    zh: '本期报表：.xlsx 或 .csv 文件，或存放它们的文件夹',
    en: "this period's forms: .xlsx or .csv files, or folders holding them",
  },
  'help.priorFile': {
    zh: '上期数据：一个文件或文件夹，多个文件就重复 --prior',
    en: "the previous period's data: one file or folder; repeat --prior for several",
  },
  'help.priorRule': {
    zh: '--prior 只带紧跟其后的一个文件（或文件夹），其余文件都是本期报表：--prior 2024.xlsx 2025.xlsx 即上期 2024.xlsx、本期 2025.xlsx。多个上期文件写 --prior a.xlsx --prior b.xlsx，或 --prior 2024/。',
    en: "--prior takes the one file (or folder) right after it; every other file is this period's: --prior 2024.xlsx 2025.xlsx means last year 2024.xlsx, this year 2025.xlsx. For several previous files write --prior a.xlsx --prior b.xlsx, or --prior 2024/.",
  },
  'help.allFindings': {
    zh: '列出全部问题（默认每个工作表的错误、核实问题和提示各列前 {most} 条）',
    en: 'list every finding (by default the first {most} errors, warnings and notices of each sheet)',
  },
  'help.allRules': {
    zh: '列出全部规则，包括缺少报表或数据项而不适用的',
    en: 'list every rule, also those that do not apply (their form or items are absent)',
  },
  'help.force': {
    zh: '替换 Tally 先前生成、尚未填报且无人保存过的模板',
    en: 'replace a template Tally wrote that is still blank and that nobody has saved since',
  },
  'help.exitCodes': {
    zh: '退出码：0 没有错误，1 发现强制性错误（validate），2 输入或命令无法使用。',
    en: 'Exit codes: 0 no error, 1 errors found (validate), 2 unusable input or usage.',
  },

  // Examples: the invocations README shows (src/cli/examples.ts holds the commands).
  'example.inspect': { zh: '看每个工作表识别出了什么', en: 'what was recognised in each sheet' },
  'example.validatePrior': {
    zh: '审核本期报表，历史审核与上期比较',
    en: "audit this year's forms, with last year for the history rules",
  },
  'example.validateSheet': {
    zh: '只审核一个工作表（不适用的规则合并为一行）',
    en: 'audit one sheet (rules that do not apply are summed up in one line)',
  },
  'example.validateRules': {
    zh: '用自己的规则表审核一个文件夹，输出 JSON',
    en: 'audit a folder with your own rule table, as JSON',
  },
  'example.report': {
    zh: '审核、汇总并评估，写出汇总表工作簿和 Markdown 报告',
    en: 'audit, roll up and assess; write the workbook and the Markdown report',
  },
  'example.reportFolders': {
    zh: '本期、上期各一个文件夹',
    en: 'one folder for this year, one for last year',
  },
  'example.template': {
    zh: '生成空白报表（乡镇名单每行一个，可带 12 位区划代码）',
    en: 'blank forms for the townships listed one per line (12-digit codes allowed)',
  },
  'example.templateForce': {
    zh: '重新生成：只替换 Tally 生成、无人保存过的模板',
    en: 'write it again: replaces only a template Tally wrote that nobody has saved',
  },

  // Usage errors, from commander's error codes.
  'usage.missingFiles': {
    zh: '请指定至少一个 .xlsx 或 .csv 文件（或文件夹）。运行 tally {command} --help 查看用法。',
    en: 'Name at least one .xlsx or .csv file (or folder). Run tally {command} --help for usage.',
  },
  'usage.missingCurrent': {
    zh: '缺少本期报表：{prior} 已作为上期数据（--prior 只带紧跟其后的一个文件）。请写出本期报表，例如 tally {command} 2025年.xlsx --prior 2024年.xlsx。',
    en: "This period's forms are missing: {prior} was taken as the previous period (--prior takes the one file after it). Name this period's files too, e.g. tally {command} 2025.xlsx --prior 2024.xlsx.",
  },
  'usage.unknownOption': {
    zh: '没有选项 {option}。{hint}运行 tally {command} --help 查看可用选项。',
    en: 'There is no option {option}.{hint} Run tally {command} --help for the options.',
  },
  'usage.didYouMean': { zh: '是不是要写 {option}？', en: ' Did you mean {option}?' },
  'usage.optionValue': {
    zh: '选项 {option} 后面缺少取值。运行 tally {command} --help 查看用法。',
    en: 'Option {option} needs a value. Run tally {command} --help for usage.',
  },
  'usage.requiredOption': {
    zh: '缺少必需的选项 {option}。运行 tally {command} --help 查看用法。',
    en: 'The option {option} is required. Run tally {command} --help for usage.',
  },
  'usage.badChoice': {
    zh: '选项 {option} 的值“{value}”无效，可选 {choices}。',
    en: 'Option {option}: "{value}" is not allowed; use one of {choices}.',
  },
  'usage.unknownCommand': {
    zh: '没有命令 {name}。可用命令：inspect、validate、report、template；运行 tally --help 查看用法。',
    en: 'There is no command {name}. The commands are inspect, validate, report and template; run tally --help for usage.',
  },
  'usage.excessArguments': {
    zh: 'tally {command} 不接受文件参数（多出了 {extra}）。运行 tally {command} --help 查看用法。',
    en: 'tally {command} takes no file arguments (got {extra}). Run tally {command} --help for usage.',
  },

  // Which file went where.
  'placement.split': {
    zh: '无法确定哪些文件是上期数据：{suspects} 紧跟在 --prior {value} 之后，按规则算作本期报表，但其余本期报表写在别处。\n  上期（--prior）：{prior}\n  本期：{current}\n--prior 只带紧跟其后的一个文件或文件夹。如果它们也是上期数据，请在每个文件前写 --prior，或写它们所在的文件夹（--prior 2024/）；如果是本期报表，请把本期报表写在一起。',
    en: "Cannot tell which files are the previous period's. The files right after --prior {value} ({suspects}) count as this period's forms, yet this period's other forms are written elsewhere.\n  previous (--prior): {prior}\n  this period: {current}\n--prior takes the one file or folder after it. If these are previous data too, write --prior before each, or give their folder (--prior 2024/); if they are this period's, write this period's files together.",
  },
  'placement.none': { zh: '（无）', en: '(none)' },
  'error.emptyFolder': {
    zh: '文件夹 {file} 中没有 .xlsx、.xlsm 或 .csv 文件。',
    en: 'The folder {file} holds no .xlsx, .xlsm or .csv file.',
  },

  // Replacing an existing output.
  'error.templateExists': {
    zh: '{file} 是 Tally 之前生成的空白报表模板。模板可能已经分发填报，所以 Tally 不会替换它。确定它没有填报过，请加 --force 重新生成；否则请换一个文件名。',
    en: '{file} is a blank template Tally wrote earlier. A template may already be filled in, so Tally will not replace it. If you are sure it is not, add --force to write it again; otherwise choose another name.',
  },
  'error.templateFilled': {
    zh: '{file} 虽是 Tally 生成的模板，但已经填入了数据（{cell}），加 --force 也不会替换它。请换一个文件名，或先移走该文件。',
    en: '{file} is a template Tally wrote, but data has been entered in it ({cell}); not even --force replaces it. Choose another name or move the file away.',
  },
  'error.templateSaved': {
    zh: '{file} 虽是 Tally 生成的模板，但之后已被其他用户或程序保存过，可能已经填报，加 --force 也不会替换它。请换一个文件名，或先移走该文件。',
    en: '{file} is a template Tally wrote, but it has been saved since and may be filled in; not even --force replaces it. Choose another name or move the file away.',
  },
  'error.templateSavedBy': {
    zh: '{file} 虽是 Tally 生成的模板，但之后已由 {by} 保存过，可能已经填报，加 --force 也不会替换它。请换一个文件名，或先移走该文件。',
    en: '{file} is a template Tally wrote, but {by} has saved it since and it may be filled in; not even --force replaces it. Choose another name or move the file away.',
  },
  'error.forceForeign': {
    zh: '{file} 已存在，但不是 Tally 生成的模板；--force 只替换 Tally 自己生成的模板，不会覆盖其他文件。请换一个文件名，或先移走该文件。',
    en: "{file} exists and is not a template Tally wrote; --force replaces only Tally's own templates, never another file. Choose another name or move the file away.",
  },

  // Rules that do not apply.
  'validate.unitLead': { zh: '{unit}：', en: '{unit}: ' },
  'validate.notApplicable': {
    zh: '另有 {count} 条规则不适用：缺少{missing}（--all-rules 列出全部规则）。',
    en: '{count} more rules do not apply: {missing} missing (--all-rules lists every rule).',
  },
  'validate.notApplicableAll': {
    zh: '共 {count} 条规则不适用：缺少{missing}（已在上表中注明）。',
    en: '{count} {count|rule does|rules do} not apply: {missing} missing (marked in the table above).',
  },
  'validate.ruleNotApplicable': { zh: '不适用：缺少{missing}', en: 'n/a: {missing} missing' },
  'validate.missingForms': { zh: '报表 {list}', en: 'forms {list}' },
  'validate.missingItems': { zh: '数据项 {list}', en: 'items {list}' },
  'validate.missingPrior': { zh: '上期的 {list}', en: 'previous {list}' },
  'validate.andMore': { zh: '{list} 等 {count} 项', en: '{list} and {more} more' },
} as const;
