import { COLOURS } from '../core/output/report';
import type { OutputCell, OutputSheet } from '../core/output/spec';
import type { RuleDef } from '../core/profile/schema';
import { EXPLANATION_HEADERS, EXPLANATION_SHEET } from '../core/validate/explanations';

/**
 * The two tables the pane writes besides the report, described for writeSheet: the
 * explanations (审核说明, Tally's) and the editable rule table (审核规则, the user's once
 * inserted). Every cell is text.
 */

const header = (value: string): OutputCell => ({
  value,
  numberFormat: '@',
  bold: true,
  fill: COLOURS.header.fill,
  fontColor: COLOURS.header.font,
});
const text = (value: string, wrap = false): OutputCell => ({
  value,
  numberFormat: '@',
  ...(wrap ? { wrap: true } : {}),
});

export interface ExplanationRow {
  ruleId: string;
  sheet: string;
  unit: string;
  text: string;
}

/** The 审核说明 sheet: 规则编号 | 工作表 | 填报单位 | 说明, one row per explained warning. */
export function explanationSheet(rows: readonly ExplanationRow[]): OutputSheet {
  const sorted = [...rows].sort(
    (a, b) =>
      a.sheet.localeCompare(b.sheet, 'zh') ||
      a.ruleId.localeCompare(b.ruleId, 'zh') ||
      a.unit.localeCompare(b.unit, 'zh'),
  );
  return {
    name: EXPLANATION_SHEET,
    rows: [
      EXPLANATION_HEADERS.map(header),
      ...sorted.map((r) => [text(r.ruleId), text(r.sheet), text(r.unit), text(r.text, true)]),
    ],
    columnWidths: [12, 16, 16, 70],
    frozenRows: 1,
  };
}

export const RULES_SHEET = '审核规则';
export const RULE_HEADERS = ['编号', '规则', '级别', '说明', '范围'] as const;

/** The severities as a Chinese rule table writes them (rules.md accepts both). */
const SEVERITY_TEXT = { error: '强制', warning: '核实' } as const;

/** The 审核规则 sheet: 编号 | 规则 | 级别 | 说明 | 范围, the profile's rules to edit. */
export function rulesSheet(rules: readonly RuleDef[]): OutputSheet {
  // A tolerance column (容差) only when a rule has one.
  const tolerance = rules.some((r) => r.tolerance !== undefined);
  return {
    name: RULES_SHEET,
    rows: [
      [...RULE_HEADERS, ...(tolerance ? ['容差'] : [])].map(header),
      ...rules.map((r) => [
        text(r.id),
        text(r.rule),
        text(SEVERITY_TEXT[r.severity]),
        text(r.message, true),
        text(r.scope ?? ''),
        ...(tolerance
          ? [r.tolerance === undefined ? text('') : { value: r.tolerance, numberFormat: 'General' }]
          : []),
      ]),
    ],
    columnWidths: [10, 60, 8, 50, 8, ...(tolerance ? [8] : [])],
    frozenRows: 1,
  };
}
