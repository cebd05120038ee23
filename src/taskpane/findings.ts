import type { Lang, MessageKey } from '../core/messages/index';
import type { RuleDef } from '../core/profile/schema';
import type { Finding, RuleSummary, Severity } from '../core/validate/result';

/**
 * The findings as the pane lists them: by workbook and sheet (the open workbook first), then
 * by rule (errors first), each with where to go when clicked.
 */

export interface FindingView {
  finding: Finding;
  /** Position in the audit's findings: a stable React key and the explanation's address. */
  index: number;
  /** The cells to show, on one sheet of the open workbook; absent when not in it. */
  target?: { sheet: string; cells: string[] };
}

export interface RuleGroup {
  ruleId: string;
  severity: Severity;
  findings: FindingView[];
}

export interface SheetGroup {
  file: string;
  sheet: string;
  /** In the open workbook (else an imported file). */
  live: boolean;
  rules: RuleGroup[];
}

const RANK: Record<Severity, number> = { error: 0, warning: 1, notice: 2 };

/**
 * Where a finding is: its cells on its own sheet, or, when it read none there, on the first
 * other sheet it read. Cells of the previous period are not in this workbook.
 */
export function navigationTarget(
  f: Finding,
  live: string,
): { sheet: string; cells: string[] } | undefined {
  if (f.file !== live) return undefined;
  const bySheet = new Map<string, string[]>();
  for (const c of f.cells) {
    if (!c.cell || c.item.startsWith('PREV(')) continue;
    const sheet = c.sheet ?? f.sheet;
    const list = bySheet.get(sheet) ?? [];
    if (!list.includes(c.cell)) list.push(c.cell);
    bySheet.set(sheet, list);
  }
  const own = bySheet.get(f.sheet);
  if (own) return { sheet: f.sheet, cells: own };
  const [first] = bySheet;
  return first ? { sheet: first[0], cells: first[1] } : undefined;
}

/**
 * Where a finding is, in words, for a finding the pane cannot show in place (an imported file,
 * or any file on the web page): its file and sheet, then each cell it read with its value —
 * `乙镇.xlsx 妇幼卫生!B10（198） C10（187）`; a cell of another sheet or file is named so
 * (`民政!K10`, `[甲镇.xlsx]民政!K10`), a cell of the previous period is left out, a blank is `—`.
 */
export function placeText(f: Finding): string {
  const cells = f.cells
    .filter((c) => c.cell && !c.item.startsWith('PREV('))
    .map((c) => {
      const file = c.file && c.file !== f.file ? `[${c.file}]` : '';
      const sheet = file || (c.sheet && c.sheet !== f.sheet) ? `${c.sheet ?? f.sheet}!` : '';
      const value = c.value === null || c.value === '' ? '—' : String(c.value);
      return `${file}${sheet}${c.cell}（${value}）`;
    });
  const head = `${f.file} ${f.sheet}`;
  return cells.length === 0 ? head : `${head}!${cells.join(' ')}`;
}

/**
 * `order` is the open workbook's sheets in their order; its groups come first, in that order,
 * then imported files' groups as they appear.
 */
export function groupFindings(
  findings: readonly Finding[],
  live: string,
  order: readonly string[] = [],
): SheetGroup[] {
  const groups: SheetGroup[] = [];
  findings.forEach((finding, index) => {
    let g = groups.find((x) => x.file === finding.file && x.sheet === finding.sheet);
    if (!g) {
      g = { file: finding.file, sheet: finding.sheet, live: finding.file === live, rules: [] };
      groups.push(g);
    }
    let r = g.rules.find((x) => x.ruleId === finding.ruleId);
    if (!r) {
      r = { ruleId: finding.ruleId, severity: finding.severity, findings: [] };
      g.rules.push(r);
    }
    if (RANK[finding.severity] < RANK[r.severity]) r.severity = finding.severity;
    const target = navigationTarget(finding, live);
    r.findings.push({ finding, index, ...(target ? { target } : {}) });
  });
  for (const g of groups) {
    g.rules.sort((a, b) => RANK[a.severity] - RANK[b.severity]);
  }
  const position = (g: SheetGroup) => {
    const i = g.live ? order.indexOf(g.sheet) : -1;
    return i < 0 ? order.length : i;
  };
  return groups
    .map((g, i) => ({ g, i }))
    .sort(
      (a, b) => Number(b.g.live) - Number(a.g.live) || position(a.g) - position(b.g) || a.i - b.i,
    )
    .map(({ g }) => g);
}

export interface Counts {
  errors: number;
  warnings: number;
  explained: number;
  notices: number;
}

export function countFindings(findings: readonly Finding[]): Counts {
  const c: Counts = { errors: 0, warnings: 0, explained: 0, notices: 0 };
  for (const f of findings) {
    if (f.severity === 'error') c.errors++;
    else if (f.severity === 'notice') c.notices++;
    else {
      c.warnings++;
      if (f.explanation) c.explained++;
    }
  }
  return c;
}

/** The names the built-in checks go by in the list; written rules go by their id. */
export function ruleLabelKey(ruleId: string): MessageKey | undefined {
  const keys: Record<string, MessageKey> = {
    TOTAL: 'pane.rule.TOTAL',
    DUPLICATE: 'pane.rule.DUPLICATE',
    BLANK: 'pane.rule.BLANK',
    TYPE: 'pane.rule.TYPE',
    NOTICE: 'pane.rule.NOTICE',
    MISSING_UNIT: 'pane.rule.MISSING_UNIT',
  };
  return keys[ruleId];
}

/** What to do about an Office.js error, by its code. */
export function hintKey(e: unknown): MessageKey {
  const code =
    typeof e === 'object' && e !== null && typeof (e as { code?: unknown }).code === 'string'
      ? (e as { code: string }).code
      : '';
  switch (code) {
    case 'InvalidOperationInCellEditMode':
      return 'pane.hint.cellEdit';
    case 'AccessDenied':
    case 'InsertDeleteConflict':
      return 'pane.hint.protected';
    case 'ItemNotFound':
    case 'InvalidObjectPath':
      return 'pane.hint.notFound';
    case 'RequestPayloadSizeLimitExceeded':
    case 'ResponsePayloadSizeLimitExceeded':
    case 'RangeExceedsLimit':
      return 'pane.hint.payload';
    // Excel's documented codes for a host that is busy or throttling (Excel.ErrorCodes and the
    // Office.js error list); GeneralException is Excel's catch-all and gets the general hint.
    case 'ActivityLimitReached':
    case 'ServiceNotAvailable':
    case 'RequestAborted':
      return 'pane.hint.busy';
    case 'ItemAlreadyExists':
      return 'pane.hint.nameTaken';
    // The message itself says what to do (unhide or unprotect the sheet, shorten the row).
    case 'SheetHidden':
    case 'SheetProtected':
    case 'RowTooLarge':
      return 'pane.hint.none';
    default:
      return 'pane.hint.retry';
  }
}

/** Which findings the list shows: all, or one severity. */
export type SeverityFilter = 'all' | Severity;

export function filterFindings(findings: readonly Finding[], filter: SeverityFilter): Finding[] {
  return filter === 'all' ? [...findings] : findings.filter((f) => f.severity === filter);
}

/**
 * A rule's message as a description: its placeholders taken out (`男婴活产数（{[男婴活产数]}）与…`
 * becomes `男婴活产数与…`), the unit's name and brackets left empty removed.
 */
export function describeMessage(template: string): string {
  return template
    .replace(/\{unit\}\s*[：:]?\s*/g, '')
    .replace(/\{\[[^\]]*\]\}/g, '')
    .replace(/（\s*）|\(\s*\)/g, '')
    .replace(/\s{2,}/g, ' ')
    .trim();
}

/**
 * What a rule group is titled with besides the rule's id: the rule's 说明 (its message, as a
 * description) where the audit ran the profile's rule, else the expression the audit ran (a
 * workbook's own 审核规则 may give an id another rule). Built-in checks have their names
 * (ruleLabelKey) and get no title here.
 */
export function ruleTitle(
  ruleId: string,
  rules: readonly RuleDef[],
  summaries: readonly RuleSummary[],
  lang: Lang,
): string | undefined {
  const ran = summaries.find((r) => r.id === ruleId);
  const def = rules.find((r) => r.id === ruleId);
  const same =
    def && (!ran || normaliseExpression(ran.expression) === normaliseExpression(def.rule));
  if (def && same) {
    const message = lang === 'en' && def.messageEn ? def.messageEn : def.message;
    const title = describeMessage(message);
    if (title) return title;
  }
  return ran?.expression || undefined;
}

function normaliseExpression(e: string): string {
  return e.replace(/\s+/g, '');
}
