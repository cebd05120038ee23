import { a1 } from '../model/a1';
import { cellText, isBlank, type Cell } from '../model/cell';
import { cellAt, rowCellAt, rowWidth, type SheetData } from '../model/workbook';
import { looksNumeric, MISSING_MARKS } from './coerce';
import { unitAndArea } from './columns';
import { levelOfName } from './levels';
import { normalizeCode, squeeze } from './normalize';
import { isBreakdownLabel } from './roles';
import type { CodeIssue, Column, ReadOptions } from './table';
import type { HeaderIndex } from './vocabulary';

/**
 * Each record's label: the reporting unit as written, its division code, and the total word
 * it carries. Roles are decided afterwards (roles.ts), from these and the numbers.
 */
export interface LabelledRecord {
  row: number;
  unit: string;
  code?: string;
  /** The total word (`合计`, `城区小计`), or `''`. */
  totalLabel: string;
  /** The region a coarser unit column names for the row (written, or the last one above). */
  area?: string;
}

/**
 * A division code read from a code cell; undefined when the cell holds no valid code. `text`
 * is the cell's text (cellText, trimmed): for a safe integer it is already its digits, as
 * `toFixed(0)` would write them, so no second string is made (500,000 code cells).
 */
function codeOf(v: Cell, text: string): string | undefined {
  // A 12-digit code stored as a number must not turn into `4.4e11`.
  if (typeof v === 'number') return Number.isSafeInteger(v) ? normalizeCode(text) : undefined;
  // `4.51281E+11` written as text fails the shape test: its last digits are lost.
  if (typeof v === 'string') return normalizeCode(v);
  return undefined;
}

/** A code cell of digits only (a constant: a literal is a new object each row). */
const DIGITS = /^\d+$/;

export function isMissingMark(text: string, opts: ReadOptions): boolean {
  return MISSING_MARKS.has(text) || (opts.missing?.has(text) ?? false);
}

/**
 * The label that makes a row a total row, or `''`: the unit cell, the code cell (a `合计`
 * merged across the code and name columns keeps its text in the code column) or the row's
 * first text cell (a `合计` merged across 序号 and 乡镇).
 */
function totalLabel(
  sheet: SheetData,
  row: number,
  unitText: string,
  codeCell: Cell,
  index: HeaderIndex,
): string {
  if (unitText && index.isTotalLabel(unitText)) return unitText;
  const codeText = typeof codeCell === 'string' ? codeCell.trim() : '';
  if (codeText && !DIGITS.test(codeText) && index.isTotalLabel(codeText)) return codeText;
  // Cell by cell, not the row made whole: the first text usually ends it.
  for (let j = 0, w = rowWidth(sheet, row); j < w; j++) {
    const v = rowCellAt(sheet, row, j);
    if (typeof v !== 'string' || isBlank(v)) continue;
    const t = v.trim();
    if (t === unitText) return ''; // the first text is the unit: tested above
    if (t === codeText || looksNumeric(v)) continue; // a code or a number is not text
    return index.isTotalLabel(t) ? t : '';
  }
  return '';
}

export function labelRecords(
  sheet: SheetData,
  columns: readonly Column[],
  rows: readonly number[],
  index: HeaderIndex,
  opts: ReadOptions,
): { records: LabelledRecord[]; codeIssues: CodeIssue[] } {
  // The finest unit column is the unit; the one beside it (乡镇 beside 村) the row's region.
  const { unit: unitCol, area: areaCol } = unitAndArea(columns);
  const codeCol = columns.find((c) => c.kind === 'code');
  const codeIssues: CodeIssue[] = [];
  const textAt = (row: number, col: Column | undefined): string => {
    const v = col ? cellAt(sheet, row, col.col) : null;
    return isBlank(v) ? '' : cellText(v).trim();
  };
  let areaAbove = '';
  const records = rows.map((row): LabelledRecord => {
    const codeCell = codeCol ? cellAt(sheet, row, codeCol.col) : null;
    const unitText = textAt(row, unitCol);
    const codeText = isBlank(codeCell) ? '' : cellText(codeCell).trim();
    const label = totalLabel(sheet, row, unitText, codeCell, index);
    const code = codeText && codeText !== label ? codeOf(codeCell, codeText) : undefined;
    // A region written once for its block (or merged down it) holds for the rows below it.
    const areaText = textAt(row, areaCol);
    if (areaText) areaAbove = index.isTotalLabel(areaText) ? '' : areaText;
    // A row with a region and no unit is the region's own row (a township's subtotal).
    const own = unitText ? '' : areaText;
    const rec: LabelledRecord = {
      row,
      unit:
        unitText ||
        label ||
        own ||
        breakdownText(sheet, row) ||
        (code ?? codeText) ||
        `#${row + 1}`,
      totalLabel: label,
    };
    if (areaCol && unitText && !label && areaAbove && areaAbove !== unitText) rec.area = areaAbove;
    if (code) rec.code = code;
    else if (codeCol && codeText && codeText !== label && !isMissingMark(codeText, opts))
      codeIssues.push({ cell: a1(row, codeCol.col), raw: codeText, unit: rec.unit });
    return rec;
  });
  return { records, codeIssues };
}

/** A `其中：城镇` written beside an empty unit cell (in a 序号 or an indented column). */
function breakdownText(sheet: SheetData, row: number): string {
  for (let j = 0, w = rowWidth(sheet, row); j < w; j++) {
    const v = rowCellAt(sheet, row, j);
    if (typeof v !== 'string' || isBlank(v) || looksNumeric(v)) continue;
    return isBreakdownLabel(v) ? v.trim() : '';
  }
  return '';
}

/**
 * The area the titles name: the words before the year (`青川市2025年…` → `青川市`), so a row
 * labelled with the area's own name is its total.
 */
/**
 * The regions a table's own lines say its rows lie in, most specific first: the 填报单位 its
 * titles name (as written: `甲镇卫生院`, the region at its start), the area before the year in
 * its title (`甲镇2025年…`), and the sheet's name (`甲镇`). The hierarchy hangs a row with no
 * parent of its own under the first of them that names a region (hierarchy.ts `areaParent`).
 */
export function tableAreas(titles: readonly string[], sheet: string): TableArea[] {
  const out: TableArea[] = [];
  for (const t of titles) {
    // `填报单位：`, `填报单位（盖章）：`
    const m = /填报单位\s*(?:[(（][^)）]{0,6}[)）])?\s*[:：]\s*([^\s:：]{2,30})/.exec(t);
    if (m?.[1]) out.push({ name: m[1], prefix: true });
  }
  for (const name of areaNames(titles)) out.push({ name, prefix: false });
  // A township anywhere in the title: `2025年石门镇各村…`, `石门镇各村2025年…`.
  for (const t of titles) {
    const m =
      /(?:^|年度?|\s)([^\d\s:：年度（）()]{1,12}?(?:街道|镇|乡))(?:各|所辖|分|下辖|辖区)/.exec(
        squeeze(t),
      );
    if (m?.[1]) out.push({ name: m[1], prefix: false });
  }
  // A township in brackets after the title: `2025年教育事业统计表（石门镇）`, `(石门镇填报)`.
  for (const t of titles) {
    const m = /[(（]([^()（）]{2,14}?)(?:填报|报送|上报)?[)）]\s*$/.exec(squeeze(t));
    const name = m?.[1];
    if (name && !/乡镇|^[各分全]/.test(name) && levelOfName(name) === 'township')
      out.push({ name, prefix: false });
  }
  if (sheet.trim() !== '') out.push({ name: sheet.trim(), prefix: false });
  return out;
}

/** A region a table names; `prefix`: the region may be only the start (`甲镇卫生院`). */
export interface TableArea {
  name: string;
  prefix: boolean;
}

export function areaNames(titles: readonly string[]): string[] {
  const out: string[] = [];
  for (const t of titles) {
    const m = /^(?:表\s*\d+[\s.、]*)?([^\d\s:：]{2,20}?)\s*(?:19|20)\d{2}\s*年/.exec(t.trim());
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}
