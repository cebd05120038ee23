import { a1 } from '../model/a1';
import { CellError, cellText, isBlank, type Cell } from '../model/cell';
import { cellAt, columnCount, type SheetData } from '../model/workbook';
import { coerceNumber, looksNumeric, MISSING_MARKS, type DisguiseKind } from './coerce';
import { fold, headerUnit, normalizeCode, normalizeHeader, UNIT_WORDS } from './normalize';
import { HeaderIndex, type VocabularyItem } from './vocabulary';

/**
 * Recognising a report form in a sheet: where the header is (below any title rows, possibly
 * two rows collapsed into one), what each column holds, which rows are records, and every
 * value of a numeric column read as a number or reported (items.md).
 */

export type ColumnKind = 'unit' | 'code' | 'item' | 'other';

export interface Column {
  /** Sheet column, 0-based. */
  col: number;
  /** The header as written (two-row headers joined as `上（下）`). */
  header: string;
  key: string;
  kind: ColumnKind;
  item?: VocabularyItem;
  /** From the header's suffix or the unit row. */
  unit?: string;
  numeric: boolean;
  /**
   * Set when the header names an item an earlier column already names: this column is read
   * as a numeric 'other' column and does not compete with the first (the caller reports it).
   */
  duplicateOf?: string;
}

export interface TableRecord {
  /** Sheet row, 0-based. */
  row: number;
  /** The reporting unit as written; `第12行` when the form has no unit column. */
  unit: string;
  code?: string;
  isTotal: boolean;
}

export interface Notice {
  kind: 'disguisedNumber';
  sheet: string;
  cell: string;
  raw: string;
  value: number;
  why: DisguiseKind;
  column: string;
}

export interface TypeErrorFinding {
  kind: 'typeError';
  sheet: string;
  cell: string;
  raw: string;
  column: string;
  unit: string;
  why: 'text' | 'excelError' | 'boolean';
}

/** A code cell that is not a division code (see `normalizeCode`); its record has no code. */
export interface CodeIssue {
  /** A1 address. */
  cell: string;
  /** The cell as written. */
  raw: string;
  /** The record's reporting unit. */
  unit: string;
}

export interface Table {
  sheet: string;
  /** Title rows above the header, as text. */
  titles: string[];
  /** Sheet rows (0-based) of the header: one, or two when collapsed. */
  headerRows: number[];
  /** Sheet rows skipped under the header: a unit row, a column-code row. */
  skippedRows: number[];
  columns: Column[];
  records: TableRecord[];
  /** Numeric columns as arrays aligned with `records`; NaN is missing or unreadable. */
  numbers: Map<number, Float64Array>;
  /** Text columns aligned with `records`; null is blank. */
  texts: Map<number, (string | null)[]>;
  notices: Notice[];
  typeErrors: TypeErrorFinding[];
  /** Cells read as missing that were not empty (`—`, `/`, `无`), by A1 address. */
  missingMarks: Map<string, string>;
  /** Code cells that are not 6-, 9- or 12-digit division codes, in sheet order. */
  codeIssues: CodeIssue[];
  /**
   * Set when another table follows on the same sheet: `row` (0-based) is its first row (its
   * title, or its header when it has none). Records end before it, and it was not read.
   */
  stoppedAt?: { row: number; reason: 'anotherTable' };
}

export interface ReadOptions {
  /** Extra strings read as missing (e.g. `NA` in a CSV written by R). */
  missing?: ReadonlySet<string>;
  /** How many rows from the top to search for the header. */
  searchRows?: number;
}

/** A signature line under the data: who filled, checked and signed the form, when, a phone. */
const SIGNATURE =
  /单位负责人|统计负责人|负责人\s*[:：]|填表人|填报人|审核人|审核\s*[:：]|制表人|制表\s*[:：]|报出日期|填报日期|填表日期|联系电话/;
/** A note under the data (tested on folded text, so `：` is `:`). */
const NOTE = /^(注\s*\d*|说明|备注|填表说明|数据来源|资料来源)\s*:/;
const CODE_LIKE = /(代码|编码|编号|code|id)$/;
const COLUMN_CODES = new Set(['甲', '乙', '丙', '丁', '戊']);
const UNIT_ROW_LABELS = new Set(['计量单位', '单位', '计量单位:', '单位:']);
/** How many non-blank rows below a title line may stand between it and the next header. */
const TITLE_LOOKAHEAD = 4;

/** Read a sheet as a table. Returns undefined when no header row can be found. */
export function readTable(
  sheet: SheetData,
  index: HeaderIndex,
  opts: ReadOptions = {},
): Table | undefined {
  const header = findHeader(sheet, index, opts.searchRows ?? 30);
  if (!header) return undefined;
  const { rows: headerRows, names } = header;
  const lastHeader = headerRows[headerRows.length - 1] ?? 0;
  const top = sheet.origin.row;
  const bottom = top + sheet.rows.length - 1;
  const left = sheet.origin.col;

  const columns: Column[] = [];
  const itemColumnOf = new Map<string, Column>();
  for (const [col, name] of names) {
    const role = index.lookup(name);
    const kind: ColumnKind = role?.kind ?? 'other';
    const column: Column = {
      col,
      header: name,
      key: normalizeHeader(name),
      kind,
      numeric: kind === 'item',
    };
    if (role?.kind === 'item') {
      // The first column naming an item is the item; a later one is kept as a numeric column
      // marked as its duplicate, so two columns never compete for one item.
      if (itemColumnOf.has(role.item.id)) {
        column.kind = 'other';
        column.duplicateOf = role.item.id;
      } else {
        column.item = role.item;
        itemColumnOf.set(role.item.id, column);
      }
    }
    const u = headerUnit(name) ?? (role?.kind === 'item' ? role.item.unit : undefined);
    if (u) column.unit = u;
    columns.push(column);
  }

  // Unit row and column-code row right under the header.
  const skippedRows: number[] = [];
  let r = lastHeader + 1;
  for (; r <= bottom && skippedRows.length < 2; r++) {
    const cells = rowCells(sheet, r, left);
    if (cells.every((c) => isBlank(c.value))) continue;
    if (isUnitRow(cells)) {
      for (const c of cells) {
        const unit = unitWord(c.value);
        const column = columns.find((k) => k.col === c.col);
        if (unit && column && !column.unit) column.unit = unit;
      }
      skippedRows.push(r);
    } else if (isColumnCodeRow(cells)) {
      skippedRows.push(r);
    } else break;
  }
  const dataStart = r;

  const codeCol = columns.find((c) => c.kind === 'code');
  const layout = layoutOf(columns, left);

  // Records: until a signature line, a note or another table, skipping blank rows.
  const recordRows: number[] = [];
  let stoppedAt: Table['stoppedAt'];
  let footer: number | undefined;
  for (let row = dataStart; row <= bottom; row++) {
    const cells = filledCells(sheet, row, left);
    if (cells.length === 0) continue;
    if (isHeaderRow(cells, index)) {
      stoppedAt = { row, reason: 'anotherTable' };
      break;
    }
    if (isFooterRow(cells, layout, recordRows.length > 0)) {
      footer = row;
      break;
    }
    if (isTitleRow(cells, layout, index) && headerFollows(sheet, row, bottom, index)) {
      stoppedAt = { row, reason: 'anotherTable' };
      break;
    }
    recordRows.push(row);
  }
  if (footer !== undefined) {
    // Another table may still follow the notes and signature of this one.
    for (let row = footer + 1; row <= bottom; row++) {
      const cells = filledCells(sheet, row, left);
      if (cells.length > 0 && isHeaderRow(cells, index)) {
        stoppedAt = { row: titleStart(sheet, row, footer), reason: 'anotherTable' };
        break;
      }
    }
  }

  // Columns not in the vocabulary are numeric when most of their values read as numbers; a
  // column whose values mostly carry `%` is a % column (`92.5%` reads as 92.5 there).
  for (const column of columns) {
    if (column.kind !== 'other') continue;
    if (column.duplicateOf !== undefined) {
      column.numeric = true;
      continue;
    }
    if (CODE_LIKE.test(column.key)) continue; // 上级代码, 单位编码: identifiers, not quantities
    let filled = 0;
    let percent = 0;
    for (const row of recordRows) {
      const v = cellAt(sheet, row, column.col);
      if (isBlank(v) || v instanceof CellError) continue;
      if (typeof v === 'string' && isMissingMark(v.trim(), opts)) continue;
      filled++;
      if (typeof v === 'string' && /[%％]\s*$/.test(v)) percent++;
    }
    // `92.5%` values make a % column, unless they are not numbers even so (`≥90%`).
    if (
      !column.unit &&
      percent * 2 > filled &&
      mostlyNumeric(sheet, recordRows, column.col, true, opts)
    )
      column.unit = '%';
    column.numeric = mostlyNumeric(sheet, recordRows, column.col, column.unit === '%', opts);
  }

  // A form whose unit column has a header the vocabulary does not know (`单位（乡镇）`, or
  // none at all): the first text column left of the items is its unit column.
  if (!columns.some((c) => c.kind === 'unit' || c.kind === 'code')) {
    const unitColumn = guessUnitColumn(sheet, columns, headerRows, recordRows);
    if (unitColumn) {
      if (!columns.includes(unitColumn)) {
        columns.push(unitColumn);
        columns.sort((a, b) => a.col - b.col);
      }
      unitColumn.kind = 'unit';
      unitColumn.numeric = false;
      delete unitColumn.unit;
    }
  }
  const unitCol = columns.find((c) => c.kind === 'unit');

  const codeIssues: CodeIssue[] = [];
  const records: TableRecord[] = recordRows.map((row) => {
    const unitCell = unitCol ? cellAt(sheet, row, unitCol.col) : null;
    const codeCell = codeCol ? cellAt(sheet, row, codeCol.col) : null;
    const unitText = isBlank(unitCell) ? '' : cellText(unitCell).trim();
    const codeText = isBlank(codeCell) ? '' : cellText(codeCell).trim();
    const label = totalLabel(sheet, row, unitText, codeCell, index);
    const code = codeText && codeText !== label ? codeOf(codeCell) : undefined;
    const rec: TableRecord = {
      row,
      unit: unitText || label || (code ?? codeText) || `#${row + 1}`,
      isTotal: label !== '',
    };
    if (code) rec.code = code;
    else if (codeCol && codeText && codeText !== label && !isMissingMark(codeText, opts))
      codeIssues.push({ cell: a1(row, codeCol.col), raw: codeText, unit: rec.unit });
    return rec;
  });

  const numbers = new Map<number, Float64Array>();
  const texts = new Map<number, (string | null)[]>();
  const notices: Notice[] = [];
  const typeErrors: TypeErrorFinding[] = [];
  const missingMarks = new Map<string, string>();
  for (const column of columns) {
    if (!column.numeric) {
      texts.set(
        column.col,
        records.map((rec) => {
          const v = cellAt(sheet, rec.row, column.col);
          return isBlank(v) ? null : cellText(v).trim();
        }),
      );
      continue;
    }
    const arr = new Float64Array(records.length);
    const percentColumn = column.unit === '%';
    records.forEach((rec, i) => {
      const v = cellAt(sheet, rec.row, column.col);
      const c = coerceNumber(v, {
        percentColumn,
        ...(opts.missing ? { missing: opts.missing } : {}),
      });
      const cell = a1(rec.row, column.col);
      switch (c.kind) {
        case 'number':
          arr[i] = c.value;
          break;
        case 'missing':
          arr[i] = NaN;
          if (typeof v === 'string' && v.trim() !== '') missingMarks.set(cell, v.trim());
          break;
        case 'disguised':
          arr[i] = c.value;
          notices.push({
            kind: 'disguisedNumber',
            sheet: sheet.name,
            cell,
            raw: c.raw,
            value: c.value,
            why: c.why,
            column: column.header,
          });
          break;
        case 'typeError':
          arr[i] = NaN;
          typeErrors.push({
            kind: 'typeError',
            sheet: sheet.name,
            cell,
            raw: c.raw,
            column: column.header,
            unit: rec.unit,
            why: c.why,
          });
          break;
      }
    });
    numbers.set(column.col, arr);
  }

  const titles: string[] = [];
  for (let row = top; row < (headerRows[0] ?? top); row++) {
    const t = rowCells(sheet, row, left)
      .filter((c) => !isBlank(c.value))
      .map((c) => cellText(c.value).trim())
      .join(' ');
    if (t) titles.push(t);
  }

  return {
    sheet: sheet.name,
    titles,
    headerRows,
    skippedRows,
    columns,
    records,
    numbers,
    texts,
    notices,
    typeErrors,
    missingMarks,
    codeIssues,
    ...(stoppedAt ? { stoppedAt } : {}),
  };
}

/** A division code read from a code cell; undefined when the cell holds no valid code. */
function codeOf(v: Cell): string | undefined {
  // A 12-digit code stored as a number must not turn into `4.4e11`.
  if (typeof v === 'number')
    return Number.isSafeInteger(v) ? normalizeCode(v.toFixed(0)) : undefined;
  // `4.51281E+11` written as text fails the shape test: its last digits are lost.
  if (typeof v === 'string') return normalizeCode(v);
  return undefined;
}

function isMissingMark(text: string, opts: ReadOptions): boolean {
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
  if (codeText && !/^\d+$/.test(codeText) && index.isTotalLabel(codeText)) return codeText;
  for (const v of sheet.rows[row - sheet.origin.row] ?? []) {
    if (typeof v !== 'string' || isBlank(v)) continue;
    const t = v.trim();
    if (t === unitText) return ''; // the first text is the unit: tested above
    if (t === codeText || looksNumeric(v)) continue; // a code or a number is not text
    return index.isTotalLabel(t) ? t : '';
  }
  return '';
}

/** Where the header row of another table sits relative to this one's columns. */
interface Layout {
  /** Sheet columns holding items. */
  items: ReadonlySet<number>;
  /** Columns naming the record: unit and code, or those left of the items when neither is known. */
  labels: ReadonlySet<number>;
}

function layoutOf(columns: readonly Column[], left: number): Layout {
  const items = new Set(columns.filter((c) => c.kind === 'item').map((c) => c.col));
  const labels = new Set(
    columns.filter((c) => c.kind === 'unit' || c.kind === 'code').map((c) => c.col),
  );
  if (labels.size === 0 && items.size > 0) {
    const firstItem = Math.min(...items);
    for (let col = left; col < firstItem; col++) labels.add(col);
  }
  return { items, labels };
}

/** The row's non-blank cells. */
function filledCells(sheet: SheetData, row: number, left: number): PositionedCell[] {
  const out: PositionedCell[] = [];
  const r = sheet.rows[row - sheet.origin.row];
  if (!r) return out;
  r.forEach((value, j) => {
    if (!isBlank(value)) out.push({ col: left + j, value });
  });
  return out;
}

/** A header row (of another table): text only, naming at least two known headers. */
function isHeaderRow(cells: PositionedCell[], index: HeaderIndex): boolean {
  if (cells.length < 2 || cells.some((c) => typeof c.value !== 'string')) return false;
  let known = 0;
  for (const c of cells) {
    if (index.lookup(cellText(c.value).replace(/\s*[\r\n]+\s*/g, '')) && ++known >= 2) return true;
  }
  return false;
}

/**
 * A line under the data that is not a record: a signature line (no numbers in the item
 * columns), a note, or — once the records have begun — a `标签：内容` line with the item
 * cells empty and the unit and code cells blank or part of it.
 */
function isFooterRow(cells: PositionedCell[], layout: Layout, begun: boolean): boolean {
  const texts: string[] = [];
  for (const c of cells) if (typeof c.value === 'string') texts.push(c.value.trim());
  if (
    texts.some((t) => SIGNATURE.test(t)) &&
    !cells.some((c) => layout.items.has(c.col) && looksNumeric(c.value))
  )
    return true;
  if (cells.length === 1 && texts.length === 1 && NOTE.test(fold(texts[0] ?? ''))) return true;
  if (!begun || cells.some((c) => layout.items.has(c.col))) return false;
  const colon = (v: Cell) => typeof v === 'string' && /[:：]/.test(v);
  return (
    cells.some((c) => colon(c.value)) &&
    cells.every((c) => !layout.labels.has(c.col) || colon(c.value))
  );
}

/** A title line: one text cell, or text only with the item cells empty; not a total row. */
function isTitleRow(cells: PositionedCell[], layout: Layout, index: HeaderIndex): boolean {
  if (cells.some((c) => typeof c.value !== 'string')) return false;
  if (cells.some((c) => looksNumeric(c.value))) return false;
  if (cells.length > 1 && cells.some((c) => layout.items.has(c.col))) return false;
  return !cells.some((c) => index.isTotalLabel(cellText(c.value)));
}

/** A header row follows `row` within a few lines, with no numbers in between. */
function headerFollows(sheet: SheetData, row: number, bottom: number, index: HeaderIndex): boolean {
  let lines = 0;
  for (let r = row + 1; r <= Math.min(bottom, row + 20) && lines < TITLE_LOOKAHEAD; r++) {
    const cells = filledCells(sheet, r, sheet.origin.col);
    if (cells.length === 0) continue;
    if (isHeaderRow(cells, index)) return true;
    if (cells.some((c) => looksNumeric(c.value))) return false;
    lines++;
  }
  return false;
}

/** The first row of the table whose header is at `header`: its title lines, if any. */
function titleStart(sheet: SheetData, header: number, floor: number): number {
  let start = header;
  for (let r = header - 1; r > floor; r--) {
    const cells = filledCells(sheet, r, sheet.origin.col);
    if (cells.length === 0) continue;
    const isTitle = cells.every(
      (c) =>
        typeof c.value === 'string' &&
        !looksNumeric(c.value) &&
        !SIGNATURE.test(c.value) &&
        !NOTE.test(fold(c.value.trim())),
    );
    if (!isTitle) break;
    start = r;
  }
  return start;
}

function mostlyNumeric(
  sheet: SheetData,
  rows: readonly number[],
  col: number,
  percentColumn: boolean,
  opts: ReadOptions,
): boolean {
  let filled = 0;
  let numeric = 0;
  for (const row of rows) {
    const v = cellAt(sheet, row, col);
    // An Excel error (#DIV/0!) says nothing about the column's type: formulas give numbers.
    if (v instanceof CellError) continue;
    const c = coerceNumber(v, {
      percentColumn,
      ...(opts.missing ? { missing: opts.missing } : {}),
    });
    if (c.kind === 'missing') continue;
    filled++;
    if (c.kind === 'number' || c.kind === 'disguised') numeric++;
  }
  return filled > 0 && numeric / filled >= 0.8;
}

/** Most of the column's filled cells are text that is not a number. */
function mostlyText(sheet: SheetData, rows: readonly number[], col: number): boolean {
  let filled = 0;
  let text = 0;
  for (const row of rows) {
    const v = cellAt(sheet, row, col);
    if (isBlank(v)) continue;
    filled++;
    if (typeof v === 'string' && !looksNumeric(v)) text++;
  }
  return filled > 0 && text / filled >= 0.8;
}

/**
 * The unit column of a form whose unit header is unknown: the first text column left of the
 * first item column, named (`单位（乡镇）`) or with a blank header.
 */
function guessUnitColumn(
  sheet: SheetData,
  columns: readonly Column[],
  headerRows: readonly number[],
  recordRows: readonly number[],
): Column | undefined {
  const items = columns.filter((c) => c.kind === 'item').map((c) => c.col);
  if (items.length === 0) return undefined;
  const firstItem = Math.min(...items);
  for (let col = sheet.origin.col; col < firstItem; col++) {
    const named = columns.find((c) => c.col === col);
    if (named) {
      if (named.kind !== 'other' || named.numeric || named.duplicateOf !== undefined) continue;
      if (CODE_LIKE.test(named.key)) continue;
      if (mostlyText(sheet, recordRows, col)) return named;
    } else if (headerRows.every((h) => isBlank(cellAt(sheet, h, col)))) {
      if (mostlyText(sheet, recordRows, col))
        return { col, header: '', key: '', kind: 'unit', numeric: false };
    }
  }
  return undefined;
}

interface PositionedCell {
  col: number;
  value: Cell;
}

function rowCells(sheet: SheetData, row: number, left: number): PositionedCell[] {
  const r = sheet.rows[row - sheet.origin.row] ?? [];
  return r.map((value, j) => ({ col: left + j, value }));
}

function unitWord(v: Cell): string | undefined {
  if (typeof v !== 'string') return undefined;
  let s = fold(v).replace(/\s+/g, '');
  s = s.replace(/^\((.*)\)$/, '$1').replace(/^(计量)?单位:/, '');
  return UNIT_WORDS.includes(s) ? s : undefined;
}

function isUnitRow(cells: PositionedCell[]): boolean {
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

function isColumnCodeRow(cells: PositionedCell[]): boolean {
  const filled = cells.filter((c) => !isBlank(c.value));
  if (filled.length < 2) return false;
  let expect = 1;
  for (const c of filled) {
    const t = cellText(c.value).trim();
    if (COLUMN_CODES.has(t)) continue;
    if (Number(t) !== expect) return false;
    expect++;
  }
  return true;
}

interface HeaderGuess {
  rows: number[];
  /** Sheet column → collapsed header text. */
  names: Map<number, string>;
}

function textOf(v: Cell): string {
  return isBlank(v) ? '' : cellText(v).trim();
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

/**
 * Collapse a two-row header: a group label over its parts (`活产数` over `男`, `女`) becomes
 * the name the vocabulary knows (`活产数（男）`), a cell merged down keeps its top text.
 */
function twoRowNames(
  sheet: SheetData,
  top: number,
  index: HeaderIndex,
): Map<number, string> | undefined {
  const bottom = top + 1;
  const width = columnCount(sheet);
  const names = new Map<number, string>();
  let group = '';
  let groupOpen = false;
  let sawBottomText = false;
  for (let j = 0; j < width; j++) {
    const col = sheet.origin.col + j;
    const topCell = cellAt(sheet, top, col);
    const bottomCell = cellAt(sheet, bottom, col);
    if (!isBlank(bottomCell) && looksNumeric(bottomCell)) return undefined; // a data row
    let upper = textOf(topCell);
    let lower = textOf(bottomCell);
    if (mergedTop(sheet, bottom, col) !== undefined) lower = '';
    if (upper) {
      group = upper;
      groupOpen = lower !== '';
    } else {
      const left = mergedLeft(sheet, top, col);
      if (left !== undefined && left < col) upper = textOf(cellAt(sheet, top, left));
      else if (groupOpen && lower) upper = group;
      else groupOpen = false;
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
    // `合计` under a group label is the group itself (`活产数` over `合计 | 男 | 女`).
    const candidates = index.isTotal(lower)
      ? [upper]
      : [`${upper}（${lower}）`, `${upper}${lower}`, `${lower}${upper}`, lower];
    const known = candidates.find((c) => index.lookup(c));
    names.set(col, known ?? `${upper}（${lower}）`);
  }
  return sawBottomText ? names : undefined;
}

function findHeader(
  sheet: SheetData,
  index: HeaderIndex,
  searchRows: number,
): HeaderGuess | undefined {
  const top = sheet.origin.row;
  const last = Math.min(top + sheet.rows.length - 1, top + searchRows - 1);
  let best: HeaderGuess | undefined;
  let bestScore = 0;
  for (let row = top; row <= last; row++) {
    const single = singleRowNames(sheet, row);
    const s1 = score(single, index);
    if (s1 > bestScore) {
      best = { rows: [row], names: single };
      bestScore = s1;
    }
    if (row + 1 <= top + sheet.rows.length - 1 && single.size > 0) {
      const pair = twoRowNames(sheet, row, index);
      if (pair) {
        // A pair must name more than either of its rows alone: a title line above a header
        // is not half of a two-row header.
        const s2 = score(pair, index);
        const below = score(singleRowNames(sheet, row + 1), index);
        if (s2 > bestScore && s2 > s1 && s2 > below) {
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
