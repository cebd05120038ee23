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
  'error.outOfMemory': {
    zh: '内存不足：这批数据所需的内存超出了本机允许的上限（约 {size}），运行未完成，输出文件未写出或未写全。请在内存更大的计算机上运行，或按县（区）分批审核、汇总；环境变量 TALLY_HEAP_MB 可调整上限（单位 MB）。',
    en: 'Out of memory: this input needs more memory than this computer allows (about {size}); the run did not finish and its output files were not all written. Run it on a computer with more memory, or audit and roll up county by county; the TALLY_HEAP_MB environment variable sets the limit (in MB).',
  },
  'error.killed': {
    zh: 'tally 进程被系统终止，通常是因为内存不足（允许的上限约 {size}），运行未完成，输出文件未写出或未写全。请关闭其他程序后重试，或在内存更大的计算机上运行；环境变量 TALLY_HEAP_MB 可调低上限（单位 MB）。',
    en: 'The tally process was stopped by the system, usually because memory ran short (the limit was about {size}); the run did not finish and its output files were not all written. Close other programs and try again, or run it on a computer with more memory; TALLY_HEAP_MB lowers the limit (in MB).',
  },
} as const;

/** `tally export` (issue 13). */
export const exportMessages = {
  'help.exportCommand': {
    zh: '导出已识别、已审核的数据为一张长表（Parquet 或 CSV），供 DuckDB、Spark 等汇总',
    en: 'export the recognised, audited data as one long table (Parquet or CSV) for DuckDB, Spark and the like',
  },
  'help.parquet': { zh: '写出 Parquet 文件', en: 'write a Parquet file' },
  'help.csv': { zh: '写出 CSV 文件（UTF-8）', en: 'write a CSV file (UTF-8)' },
  'example.export': {
    zh: '本年和上年数据导出为一张长表，每个单位每个指标项一行，带审核标记',
    en: 'this year and last year as one long table, a row per unit and item, with the audit flags',
  },
  'error.exportWhere': {
    zh: '请用 --parquet 或 --csv 指定导出文件，例如 tally export 2025/ --parquet 数据.parquet。',
    en: 'Name the export file with --parquet or --csv, e.g. tally export 2025/ --parquet data.parquet.',
  },
  'cli.exported': {
    zh: '已导出 {rows} 行（{periods}）：{file}',
    en: 'Exported {rows} rows ({periods}): {file}',
  },
} as const;
