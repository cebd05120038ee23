import type { WorkbookData } from '../core/model/workbook';
import { explanationsFromSheet } from '../core/validate/explanations';

/** Explanations (核实说明) kept in the inputs' 审核说明 sheets. */
export function explanationsFrom(workbooks: readonly WorkbookData[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const wb of workbooks) for (const [k, v] of explanationsFromSheet(wb)) out.set(k, v);
  return out;
}
