import { cellText, isBlank } from '../model/cell';
import { asRows, type WorkbookData } from '../model/workbook';
import { normalizeHeader } from '../read/normalize';
import { findingKey, type Finding } from './result';

/**
 * Explanations of warnings (核实说明) live in a tool-owned sheet 审核说明 of the workbook, one row
 * per explained warning: rule, sheet, unit, explanation. The pane writes it; the CLI reads it.
 */
export const EXPLANATION_SHEET = '审核说明';
export const EXPLANATION_HEADERS = ['规则编号', '工作表', '填报单位', '说明'] as const;

const ALIASES: Record<string, (typeof EXPLANATION_HEADERS)[number]> = {
  [normalizeHeader('规则编号')]: '规则编号',
  [normalizeHeader('规则')]: '规则编号',
  [normalizeHeader('rule')]: '规则编号',
  [normalizeHeader('工作表')]: '工作表',
  [normalizeHeader('sheet')]: '工作表',
  [normalizeHeader('填报单位')]: '填报单位',
  [normalizeHeader('单位')]: '填报单位',
  [normalizeHeader('unit')]: '填报单位',
  [normalizeHeader('说明')]: '说明',
  [normalizeHeader('explanation')]: '说明',
};

/** 审核说明, or the name the pane gives its own when the user already has one (`审核说明 (Tally)`). */
export function isExplanationSheet(name: string): boolean {
  return name === EXPLANATION_SHEET || /^审核说明 \(Tally( \d+)?\)$/.test(name);
}

export function explanationsFromSheet(wb: WorkbookData): Map<string, string> {
  const out = new Map<string, string>();
  for (const sheet of wb.sheets.filter((s) => isExplanationSheet(s.name))) {
    for (const [k, v] of readSheet(sheet)) out.set(k, v);
  }
  return out;
}

function readSheet(data: WorkbookData['sheets'][number]): Map<string, string> {
  const sheet = asRows(data);
  const out = new Map<string, string>();
  const header = sheet.rows[0];
  if (!header) return out;
  const cols = new Map<string, number>();
  header.forEach((h, j) => {
    const name = ALIASES[normalizeHeader(cellText(h))];
    if (name && !cols.has(name)) cols.set(name, j);
  });
  const at = (row: (typeof sheet.rows)[number], name: (typeof EXPLANATION_HEADERS)[number]) => {
    const j = cols.get(name);
    const v = j === undefined ? null : row[j];
    return v === undefined || isBlank(v) ? '' : cellText(v).trim();
  };
  for (const row of sheet.rows.slice(1)) {
    const ruleId = at(row, '规则编号');
    const text = at(row, '说明');
    if (!ruleId || !text) continue;
    out.set(findingKey({ ruleId, sheet: at(row, '工作表'), unit: at(row, '填报单位') }), text);
  }
  return out;
}

/** Rows of the 审核说明 sheet for the explained warnings. */
export function explanationRows(findings: readonly Finding[]): string[][] {
  return findings
    .filter((f) => f.explanation)
    .map((f) => [f.ruleId, f.sheet, f.unit, f.explanation ?? '']);
}

/** Attach explanations to the warnings they explain (errors cannot be explained away). */
export function applyExplanations(
  findings: readonly Finding[],
  explanations: ReadonlyMap<string, string>,
): void {
  // Only a warning's key is made: a million failed error checks need none.
  if (explanations.size === 0) return;
  for (const f of findings) {
    if (f.severity !== 'warning') continue;
    const text = explanations.get(findingKey(f));
    if (text) f.explanation = text;
  }
}
