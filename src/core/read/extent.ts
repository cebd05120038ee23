import { type Cell, cellText } from '../model/cell';
import { cellAt, rowCount, type SheetData } from '../model/workbook';
import { filledCells, textOf, type PositionedCell } from './cells';
import { looksNumeric } from './coerce';
import { fold, squeeze } from './normalize';
import type { Column } from './table';
import type { HeaderIndex } from './vocabulary';

/**
 * Where a form's records end: at a signature line, a note, or another table on the same sheet
 * (its header, or the title lines above it).
 */

/** A signature line under the data: who filled, checked and signed the form, when, a phone. */
const SIGNATURE =
  /单位负责人|统计负责人|负责人\s*[:：]|填表人|填报人|审核人|审核\s*[:：]|制表人|制表\s*[:：]|报出日期|填报日期|填表日期|联系电话/;
/**
 * A signature or contact line's label in the unit column: a footer even with numbers beside it
 * (`填报日期 | 2026 | 1 | 15`, `联系电话 | 0839 | 1234567`), never a unit.
 */
const SIGNATURE_LABEL =
  /^(?:(?:单位|统计)?负责人|填表人|填报人|审核人|制表人|审核|制表|(?:报出|填报|填表)?日期|联系电话|联系人|电话|手机)\s*[:：]?/;
/** Their first characters and a note's, so that a unit's name is rarely run through a pattern. */
const SIGNATURE_STARTS = new Set('单统负填审制报日联电手'.split('').map((c) => c.charCodeAt(0)));
const NOTE_STARTS = new Set('注说备填数资'.split('').map((c) => c.charCodeAt(0)));

/** The row's unit or code cell holds a signature label: a footer, whatever its numbers. */
function hasSignatureLabel(sheet: SheetData, row: number, layout: Layout): boolean {
  for (const col of layout.labels) {
    const v = cellAt(sheet, row, col);
    if (typeof v !== 'string') continue;
    const c = v.charCodeAt(0);
    if (SIGNATURE_STARTS.has(c) && SIGNATURE_LABEL.test(v)) return true;
    if (NOTE_STARTS.has(c) && NOTE.test(fold(v))) return true;
  }
  return false;
}

/** A note under the data (tested on folded text, so `：` is `:`). */
const NOTE = /^(注\s*\d*|说明|备注|填表说明|数据来源|资料来源)\s*:/;
/** How many non-blank rows below a title line may stand between it and the next header. */
const TITLE_LOOKAHEAD = 4;

/** Where the header row of another table sits relative to this one's columns. */
export interface Layout {
  /** Sheet columns holding items. */
  items: ReadonlySet<number>;
  /** Columns naming the record: unit and code, or those left of the items when neither is known. */
  labels: ReadonlySet<number>;
}

export function layoutOf(columns: readonly Column[], left: number): Layout {
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
  // `其中：` over the rows it introduces is part of the table, not a 填表人： line.
  if (texts.some((t) => /^(?:其中|内|含|包括)\s*[:：]/.test(t))) return false;
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

/**
 * A row's non-blank cells and what they are, worked out once: the title check looks a few rows
 * ahead for a header, and each of those rows is asked again when the loop reaches it (a sheet of
 * 440,000 text rows asked every row five times: 76 of its 98 s). Rows behind the loop are let go.
 */
class RowLook {
  private readonly seen = new Map<
    number,
    { cells: PositionedCell[]; header?: boolean; numeric?: boolean }
  >();

  constructor(
    private readonly sheet: SheetData,
    private readonly index: HeaderIndex,
  ) {}

  cells(row: number): PositionedCell[] {
    return this.entry(row).cells;
  }

  isHeader(row: number): boolean {
    const e = this.entry(row);
    e.header ??= isHeaderRow(e.cells, this.index);
    return e.header;
  }

  /** A cell of the row reads as a number. */
  hasNumber(row: number): boolean {
    const e = this.entry(row);
    e.numeric ??= e.cells.some((c) => looksNumeric(c.value));
    return e.numeric;
  }

  /** Forget the rows before `row`. */
  passed(row: number): void {
    for (const r of this.seen.keys()) if (r < row) this.seen.delete(r);
  }

  private entry(row: number) {
    let e = this.seen.get(row);
    if (!e) {
      e = { cells: filledCells(this.sheet, row, this.sheet.origin.col) };
      this.seen.set(row, e);
    }
    return e;
  }
}

/** A header row follows `row` within a few lines, with no numbers in between. */
function headerFollows(look: RowLook, row: number, bottom: number): boolean {
  let lines = 0;
  for (let r = row + 1; r <= Math.min(bottom, row + 20) && lines < TITLE_LOOKAHEAD; r++) {
    const cells = look.cells(r);
    if (cells.length === 0) continue;
    if (look.isHeader(r)) return true;
    if (look.hasNumber(r)) return false;
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

/**
 * A number in an item column: the row is a record, whatever else it holds. It is no header
 * or title (those are text only), and no footer (a signature or note line has no number in
 * the item columns). Asked first, so the usual row makes no cell objects (a million rows).
 */
function hasItemNumber(sheet: SheetData, row: number, layout: Layout): boolean {
  for (const col of layout.items) {
    const v = cellAt(sheet, row, col);
    if (typeof v === 'number' && Number.isFinite(v)) return true;
  }
  return false;
}

export interface Extent {
  /** Sheet rows (0-based) of the records, blank rows skipped. */
  rows: number[];
  /** Set when another table follows on the same sheet: its first row (title, or header). */
  stoppedAt?: { row: number; reason: 'anotherTable' };
  /** Rows that repeat the header (a page break's copy), passed over. */
  repeatedHeaders?: number[];
}

/**
 * The row repeats the table's own header (the last header row), item column by item column:
 * a header printed again at a page break, not another table.
 */
function repeatsHeader(sheet: SheetData, row: number, header: number, layout: Layout): boolean {
  if (header < 0) return false;
  for (const col of layout.items) {
    const own = textOf(cellAt(sheet, header, col));
    if (!own || squeeze(textOf(cellAt(sheet, row, col))) !== squeeze(own)) return false;
  }
  return layout.items.size > 0;
}

/**
 * The record rows from `start`: until a signature line, a note or another table. A row that
 * repeats the header (`header`, a page break's copy) is passed over, and said (`repeatedHeaders`).
 */
export function recordRows(
  sheet: SheetData,
  index: HeaderIndex,
  start: number,
  layout: Layout,
  header = -1,
): Extent {
  const bottom = sheet.origin.row + rowCount(sheet) - 1;
  const left = sheet.origin.col;
  const rows: number[] = [];
  const look = new RowLook(sheet, index);
  let footer: number | undefined;
  let repeated: number[] | undefined;
  for (let row = start; row <= bottom; row++) {
    if (hasItemNumber(sheet, row, layout)) {
      if (rows.length > 0 && hasSignatureLabel(sheet, row, layout)) {
        footer = row;
        break;
      }
      rows.push(row);
      continue;
    }
    look.passed(row);
    const cells = look.cells(row);
    if (cells.length === 0) continue;
    if (look.isHeader(row)) {
      if (!repeatsHeader(sheet, row, header, layout))
        return { rows, stoppedAt: { row, reason: 'anotherTable' }, ...said(repeated) };
      (repeated ??= []).push(row);
      continue;
    }
    if (isFooterRow(cells, layout, rows.length > 0)) {
      footer = row;
      break;
    }
    if (isTitleRow(cells, layout, index) && headerFollows(look, row, bottom))
      return { rows, stoppedAt: { row, reason: 'anotherTable' }, ...said(repeated) };
    rows.push(row);
  }
  if (footer !== undefined) {
    // Another table may still follow the notes and signature of this one.
    for (let row = footer + 1; row <= bottom; row++) {
      const cells = filledCells(sheet, row, left);
      if (cells.length > 0 && isHeaderRow(cells, index))
        return {
          rows,
          stoppedAt: { row: titleStart(sheet, row, footer), reason: 'anotherTable' },
          ...said(repeated),
        };
    }
  }
  return { rows, ...said(repeated) };
}

const said = (repeated: number[] | undefined) => (repeated ? { repeatedHeaders: repeated } : {});
