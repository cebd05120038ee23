import type * as ExcelJSModule from 'exceljs';

/**
 * exceljs, loaded the first time a workbook is read or written through it. Loading it costs
 * 0.2–0.5 s, which every run paid before its first line, even a CSV audit that never uses it;
 * the columnar readers and the fast writer do most reading and writing without it.
 */
export function exceljs(): typeof ExcelJSModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
  return require('exceljs') as typeof ExcelJSModule;
}
