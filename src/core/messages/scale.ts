/**
 * Messages of long runs (issue 13): the stages a large report announces on stderr. Part of the
 * one catalogue (./index.ts).
 */
export const scale = {
  'progress.line': { zh: '（{step}/{steps}）{stage}……', en: '({step}/{steps}) {stage}…' },
  'progress.read': { zh: '识别报表（{rows}行）', en: 'Recognising the forms ({rows} rows)' },
  'progress.audit': { zh: '审核', en: 'Auditing' },
  'progress.assess': { zh: '汇总与评估指标', en: 'Rolling up and assessing the indicators' },
  'progress.report': { zh: '编制汇总表与报告', en: 'Laying out the summary and the report' },
  'progress.write': { zh: '写出文件', en: 'Writing the files' },
  'progress.done': { zh: '完成，用时 {seconds} 秒', en: 'Done in {seconds} s' },
} as const;
