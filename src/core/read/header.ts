import { cellText, isBlank, type Cell } from '../model/cell';
import { cellAt, columnCount, rowCount, type SheetData } from '../model/workbook';
import { looksNumeric } from './coerce';
import { rowCells, textOf, titlesAbove, type PositionedCell } from './cells';
import { fold, squeeze, UNIT_WORDS } from './normalize';
import { periodOfSheet } from '../period';
import type { HeaderIndex } from './vocabulary';

/**
 * Finding a form's header: the row (or two rows collapsed into one) below any title rows that
 * names the most known headers, and the unit and column-code rows right under it.
 */
const COLUMN_CODES = new Set(['甲', '乙', '丙', '丁', '戊']);
const UNIT_ROW_LABELS = new Set(['计量单位', '单位', '计量单位:', '单位:']);

export function unitWord(v: Cell): string | undefined {
  if (typeof v !== 'string') return undefined;
  let s = fold(v).replace(/\s+/g, '');
  s = s.replace(/^\((.*)\)$/, '$1').replace(/^(计量)?单位:/, '');
  return UNIT_WORDS.includes(s) ? s : undefined;
}

export function isUnitRow(cells: PositionedCell[]): boolean {
  let units = 0;
  for (const c of cells) {
    if (isBlank(c.value)) continue;
    if (unitWord(c.value)) units++;
    else if (typeof c.value === 'string' && UNIT_ROW_LABELS.has(fold(c.value).replace(/\s+/g, '')))
      continue;
    else return false;
  }
  return units > 0;
}

/** The label a column-number row may carry in its lead columns (`栏次 | 1 | 2 | 3`). */
const COLUMN_NUMBER_LABEL = /^(?:栏次|栏号|列次|列号|栏目|[A-Ea-e])$/;
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';

/** A column's number as a column-number row writes it: `3`, `(3)`, `（3）`, `③`, `第3栏`. */
function columnNumber(text: string): number {
  const circled = text.length === 1 ? CIRCLED.indexOf(text) : -1;
  if (circled >= 0) return circled + 1;
  const m = /^(?:第\s*)?[(（]?\s*(\d{1,3})\s*[)）]?\s*(?:栏|列)?$/.exec(text);
  return m?.[1] ? Number(m[1]) : NaN;
}

/**
 * A column-number row under the header: the lead columns' codes (甲, 乙; A, B) or a label
 * (栏次), then the item columns numbered 1, 2, 3 … in order. Never a unit: its numbers are
 * the columns', not figures.
 */
export function isColumnCodeRow(cells: PositionedCell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c.value));
  if (filled.length < 2) return false;
  let expect = 1;
  for (const c of filled) {
    const t = cellText(c.value).trim();
    if (expect === 1 && (COLUMN_CODES.has(t) || COLUMN_NUMBER_LABEL.test(t))) continue;
    if (COLUMN_CODES.has(t)) continue;
    if (columnNumber(t) !== expect) return false;
    expect++;
  }
  return true;
}

export interface HeaderGuess {
  rows: number[];
  /** Sheet column → collapsed header text. */
  names: Map<number, string>;
}

/** Score a candidate header: known headers count most; a unit column is a strong sign. */
function score(names: Map<number, string>, index: HeaderIndex): number {
  let s = 0;
  for (const name of names.values()) {
    const role = index.lookup(name);
    if (!role) continue;
    s += role.kind === 'item' ? 2 : 3;
  }
  return s;
}

function singleRowNames(sheet: SheetData, row: number): Map<number, string> {
  const names = new Map<number, string>();
  const width = columnCount(sheet);
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    const t = textOf(cellAt(sheet, row, col));
    if (t && !looksNumeric(cellAt(sheet, row, col)))
      names.set(col, t.replace(/\s*[\r\n]+\s*/g, ''));
  }
  return names;
}

/**
 * A one-row header's parts beside their whole, as a two-row header names them: `村委会成员数 |
 * 其中：女性`, `活产数 | 男 | 女`, `婴儿死亡数 | 其中：新生儿死亡数` — each part the item the
 * profile names for it (`村委会女性成员数`, `男婴活产数`). A part is read only right after its
 * whole or another of its parts; anything else between them ends the whole.
 */
function partsBeside(names: Map<number, string>, index: HeaderIndex): Map<number, string> {
  let whole: string | undefined;
  let last = -2;
  const out = new Map(names);
  for (const [col, name] of [...names].sort((a, b) => a[0] - b[0])) {
    const next = col === last + 1;
    last = col;
    const own = index.lookup(name);
    if (own) {
      whole = own.kind === 'item' ? name : undefined;
      continue;
    }
    const inner = name.replace(/^\s*其中\s*[:：、,，]?\s*/, '');
    if (inner !== name && index.lookup(inner)?.kind === 'item') {
      out.set(col, inner);
      continue;
    }
    // `村（社区）数 | 其中：配备儿童主任的` is 配备儿童主任的村（社区）数.
    const joined = whole !== undefined && next && inner !== name ? `${inner}${whole}` : undefined;
    const part =
      whole !== undefined && next
        ? (index.partOf(whole, name)?.name ??
          (joined && index.lookup(joined)?.kind === 'item' ? joined : undefined))
        : undefined;
    if (part) out.set(col, part);
    else whole = undefined;
  }
  return out;
}

function mergedLeft(sheet: SheetData, row: number, col: number): number | undefined {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right) return m.left;
  }
  return undefined;
}

function mergedTop(sheet: SheetData, row: number, col: number): number | undefined {
  for (const m of sheet.merges ?? []) {
    if (row >= m.top && row <= m.bottom && col >= m.left && col <= m.right && m.top < row)
      return m.top;
  }
  return undefined;
}

/** A sub-header naming this period (`本年`, `本期`). */
const THIS_PERIOD = /^(?:本年|本期|今年|本年度|本年数|本期数|本年实际|本期实际|当年|当期)$/;
/** A sub-header naming another period, or a change (`上年`, `上年同期`, `增减`). */
const OTHER_PERIOD =
  /^(?:上年|去年|上期|上年同期|同期|上年数|上期数|上年度|基期|增减|增长|比上年|同比)/;
const YEAR_TEXT = /^((?:19|20)\d{2})\s*年?度?$/;

/** A year written as a sub-header, as text (`2025年`) or a number (2025); else undefined. */
function yearOf(cell: Cell): string | undefined {
  if (typeof cell === 'number')
    return Number.isInteger(cell) && cell >= 1990 && cell <= 2099 ? String(cell) : undefined;
  return typeof cell === 'string' ? YEAR_TEXT.exec(squeeze(cell))?.[1] : undefined;
}

/** A sub-header that names a period: this one, another, or a year. */
function isPeriodCell(cell: Cell): boolean {
  if (yearOf(cell) !== undefined) return true;
  const s = typeof cell === 'string' ? squeeze(cell) : '';
  return s !== '' && (THIS_PERIOD.test(s) || OTHER_PERIOD.test(s));
}

/** A header's second row of periods only (`上年 | 本年`, `2024 | 2025`), two or more. */
function isPeriodsRow(sheet: SheetData, row: number): boolean {
  let n = 0;
  for (const c of rowCells(sheet, row, sheet.origin.col)) {
    if (isBlank(c.value)) continue;
    if (!isPeriodCell(c.value)) return false;
    n++;
  }
  return n >= 2;
}

/**
 * A header's first row of periods over items (`乡镇 | 上年 | | | 本年 | |`): two period cells
 * or more, and only the label columns' cells (序号, 乡镇, 代码, merged down) left of them.
 */
function hasPeriodsAbove(sheet: SheetData, row: number): boolean {
  let n = 0;
  for (const c of rowCells(sheet, row, sheet.origin.col)) {
    if (isBlank(c.value)) continue;
    if (isPeriodCell(c.value)) n++;
    else if (n > 0) return false; // labels stand left of the periods, never among them
  }
  return n >= 2;
}

/** The year the lines above `row`, the sheet's name or the file's give (period.ts), if any. */
function yearAbove(sheet: SheetData, row: number, source: string): string | undefined {
  return periodOfSheet(titlesAbove(sheet, row), sheet.name, source)?.period;
}

/**
 * A part that names a period under a group: this period's column is the group itself
 * (`在园幼儿数` over `上年 | 本年`, or over `2024 | 2025` in a 2025 form); another period's, or
 * a year when the sheet names none, is the group with it (`在园幼儿数（上年）`), which no item
 * is, so it is not read as this period's figures.
 */
function periodName(upper: string, lower: Cell, year: string | undefined): string {
  const y = yearOf(lower);
  const s = squeeze(textOf(lower));
  if (y !== undefined ? y === year : THIS_PERIOD.test(s)) return upper;
  return `${upper}（${y !== undefined ? `${y}年` : s}）`;
}

/**
 * Collapse a two-row header: a group label over its parts (`活产数` over `男`, `女`) becomes
 * the name the vocabulary knows (`活产数（男）`), a cell merged down keeps its top text.
 */
function twoRowNames(
  sheet: SheetData,
  top: number,
  index: HeaderIndex,
  source: string,
): Map<number, string> | undefined {
  const bottom = top + 1;
  const width = columnCount(sheet);
  const names = new Map<number, string>();
  const periods = isPeriodsRow(sheet, bottom);
  // Or periods over items: `上年` merged over one set of item columns, `本年` over another.
  const above = !periods && hasPeriodsAbove(sheet, top);
  const year = periods || above ? yearAbove(sheet, top, source) : undefined;
  let group = '';
  let groupCell: Cell = null;
  let groupOpen = false;
  let sawBottomText = false;
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    const topCell = cellAt(sheet, top, col);
    const bottomCell = cellAt(sheet, bottom, col);
    if (!periods && !isBlank(bottomCell) && looksNumeric(bottomCell)) return undefined; // data
    let upper = textOf(topCell);
    let upperCell: Cell = topCell;
    let lower = textOf(bottomCell);
    if (mergedTop(sheet, bottom, col) !== undefined) lower = '';
    if (upper) {
      group = upper;
      groupCell = topCell;
      groupOpen = lower !== '';
    } else {
      const left = mergedLeft(sheet, top, col);
      if (left !== undefined && left < col) {
        upperCell = cellAt(sheet, top, left);
        upper = textOf(upperCell);
      } else if (groupOpen && lower) {
        upper = group;
        upperCell = groupCell;
      } else groupOpen = false;
    }
    if (lower) sawBottomText = true;
    upper = upper.replace(/\s*[\r\n]+\s*/g, '');
    lower = lower.replace(/\s*[\r\n]+\s*/g, '');
    if (!upper && !lower) continue;
    if (!lower) {
      names.set(col, upper);
      continue;
    }
    if (!upper) {
      names.set(col, lower);
      continue;
    }
    if (periods) {
      names.set(col, periodName(upper, bottomCell, year));
      continue;
    }
    if (above && isPeriodCell(upperCell)) {
      names.set(col, periodName(lower, upperCell, year));
      continue;
    }
    // `合计` under a group label is the group itself (`活产数` over `合计 | 男 | 女`).
    const candidates = index.isTotal(lower)
      ? [upper]
      : [`${upper}（${lower}）`, `${upper}${lower}`, `${lower}${upper}`, lower];
    const known = candidates.find((c) => index.lookup(c)) ?? index.partOf(upper, lower)?.name;
    names.set(col, known ?? `${upper}（${lower}）`);
  }
  return sawBottomText ? names : undefined;
}

/**
 * A row of parts under a header's groups, `合计 | 其中：少数民族` (text only, at least one `合计`
 * and one `其中…`), or of periods, `上年 | 本年`, `2024 | 2025`. Even when no part is known, it
 * is the header's second row, not a unit.
 */
function isPartsRow(sheet: SheetData, row: number, index: HeaderIndex): boolean {
  if (isPeriodsRow(sheet, row)) return true;
  let total = false;
  let part = false;
  for (const c of rowCells(sheet, row, sheet.origin.col)) {
    if (isBlank(c.value)) continue;
    if (typeof c.value !== 'string' || looksNumeric(c.value)) return false;
    const t = c.value.trim();
    if (index.isTotal(t)) total = true;
    else if (/^其中/.test(t)) part = true;
  }
  return total && part;
}

export function findHeader(
  sheet: SheetData,
  index: HeaderIndex,
  searchRows: number,
  source = '',
): HeaderGuess | undefined {
  const top = sheet.origin.row;
  const last = Math.min(top + rowCount(sheet) - 1, top + searchRows - 1);
  let best: HeaderGuess | undefined;
  let bestScore = 0;
  for (let row = top; row <= last; row++) {
    const single = partsBeside(singleRowNames(sheet, row), index);
    const s1 = score(single, index);
    if (s1 > bestScore) {
      best = { rows: [row], names: single };
      bestScore = s1;
    }
    if (row + 1 <= top + rowCount(sheet) - 1 && single.size > 0) {
      const pair = twoRowNames(sheet, row, index, source);
      if (pair && hasPeriodsAbove(sheet, row) && score(pair, index) > 0) {
        // Periods over items: the row of items alone would read the first period's columns
        // (上年) and call this period's duplicates. The pair names only this period's.
        best = { rows: [row, row + 1], names: pair };
        bestScore = score(pair, index);
        // Its second row alone (every item, twice) is no better header: passed over.
        row++;
      } else if (
        pair &&
        best?.rows.length === 1 &&
        best.rows[0] === row &&
        isPeriodsRow(sheet, row + 1)
      ) {
        // Items over `2024 | 2025` (or `上年 | 本年`): read as one row, the first period's
        // columns would be taken and the periods row pooled as a unit. The pair names only this
        // period's columns as the items, or none when nothing names the year (said later).
        best = { rows: [row, row + 1], names: pair };
      } else if (pair) {
        // A pair must name more than either of its rows alone: a title line above a header
        // is not half of a two-row header.
        const s2 = score(pair, index);
        const below = score(singleRowNames(sheet, row + 1), index);
        const better = s2 > s1 || (s2 === s1 && isPartsRow(sheet, row + 1, index));
        // (Equal to this row's own score, it replaces this row's guess, not an earlier one.)
        const beats = s2 > bestScore || (s2 === bestScore && best?.rows[0] === row);
        if (beats && better && s2 > below) {
          best = { rows: [row, row + 1], names: pair };
          bestScore = s2;
        }
      }
    }
  }
  if (best) return best;
  // Nothing known: the first row of at least two text cells, most of the row, with data below.
  const width = columnCount(sheet);
  for (let row = top; row <= last; row++) {
    const names = singleRowNames(sheet, row);
    const filled = rowCells(sheet, row, sheet.origin.col).filter((c) => !isBlank(c.value)).length;
    if (names.size >= 2 && names.size === filled && names.size >= Math.ceil(width / 2)) {
      return { rows: [row], names };
    }
  }
  return undefined;
}
