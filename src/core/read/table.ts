import { a1 } from '../model/a1';
import { isBlank } from '../model/cell';
import { rowCount, type SheetData } from '../model/workbook';
import { rowCells, titlesAbove } from './cells';
import type { DisguiseKind, TypeErrorKind } from './coerce';
import { adoptUnitColumn, besideTable, columnsOf, isSummable, typeOtherColumns } from './columns';
import { layoutOf, recordRows } from './extent';
import { findHeader, isColumnCodeRow, isUnitRow, unitWord } from './header';
import { areaNames, labelRecords, type LabelledRecord } from './labels';
import { assignRoles, type RoleWhy, type RowRole } from './roles';
import { readValues, type Conversion } from './values';
import type { HeaderIndex, VocabularyItem } from './vocabulary';

/**
 * Recognising a report form in a sheet: where the header is (below any title rows, possibly
 * two rows collapsed into one), what each column holds, which rows are records and what role
 * each plays (unit, total, subtotal, breakdown, note), and every value of a numeric column
 * read as a number or reported (items.md). The steps live in header.ts, columns.ts,
 * extent.ts, labels.ts, values.ts and roles.ts; this file puts them together.
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
  /** The reporting unit as written; `#12` when the form has no unit column. */
  unit: string;
  code?: string;
  /** What the row is (roles.ts): only `unit` rows are pooled. */
  role: RowRole;
  /** Derived from `role`, for readers that only ask "is it a sum?": a total or subtotal. */
  isTotal: boolean;
  /** Why the row is not a unit. */
  why?: RoleWhy;
  /** For a total or subtotal: the records (indices) it adds up — the unit rows the rollup pools. */
  parts?: number[];
  /** For a unit under a subtotal that names a region (a township above its villages): its index. */
  parent?: number;
  /** The region a coarser unit column names for the row (the 乡镇 of a `乡镇 | 村` form). */
  area?: string;
  /** For a breakdown (其中：城镇): the record it is part of. */
  partOf?: number;
  /** For a unit listed again in this table: the index of its first row (not pooled again). */
  repeatOf?: number;
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
  why: TypeErrorKind;
  /** For `unitConflict`: the unit the column states (`万人`). */
  stated?: string;
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
  /** Sheet rows skipped: a unit row, a column-code row under the header; the header repeated. */
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
  /** Record rows (0-based) that are hidden in the sheet, by hand or by a filter. */
  hiddenRows?: number[];
  /** The sheet itself is hidden in its workbook. */
  hiddenSheet?: boolean;
  /**
   * Set when another table stands to the right on the same sheet: `col` (0-based) is its first
   * column (its unit or code column). Columns from it on were not read.
   */
  besideAt?: { col: number; reason: 'anotherTable' };
  /** Columns stated in another unit than their item's (万人, 对) and converted when read. */
  conversions: Conversion[];
  /**
   * The cell of record `i` in sheet column `col`, when it is not at the record's row (a
   * vertical form: items down a column). Use `cellOf`.
   */
  cellAddress?: (record: number, col: number) => string;
  /** Read from a vertical form (items down a column: vertical.ts). */
  vertical?: true;
}

export interface ReadOptions {
  /** Extra strings read as missing (e.g. `NA` in a CSV written by R). */
  missing?: ReadonlySet<string>;
  /** How many rows from the top to search for the header. */
  searchRows?: number;
  /** The file the sheet is from: its name may give the period (a header of years). */
  source?: string;
}

/** Read a sheet as a table. Returns undefined when no header row can be found. */
export function readTable(
  sheet: SheetData,
  index: HeaderIndex,
  opts: ReadOptions = {},
): Table | undefined {
  const header = findHeader(sheet, index, opts.searchRows ?? 30, opts.source);
  if (!header) return undefined;
  const all = columnsOf(header.names, index);
  // A second form to the right is not read as more columns of this one (its own units label it).
  const beside = besideTable(all);
  const columns = beside === undefined ? all : all.filter((c) => c.col < beside);
  const titles = titlesAbove(sheet, header.rows[0] ?? sheet.origin.row);
  const { skippedRows, dataStart } = rowsUnderHeader(sheet, header.rows, columns);
  stateUnits(columns, titles);
  const layout = layoutOf(columns, sheet.origin.col);
  const extent = recordRows(sheet, index, dataStart, layout, header.rows[header.rows.length - 1]);
  typeOtherColumns(sheet, columns, extent.rows, opts);
  adoptUnitColumn(sheet, columns, header.rows, extent.rows);
  const labelled = labelRecords(sheet, columns, extent.rows, index, opts);
  const values = readValues(sheet, columns, labelled.records, opts);
  const records = withRoles(labelled.records, columns, values.numbers, titles);
  return {
    sheet: sheet.name,
    titles,
    headerRows: header.rows,
    skippedRows: [...skippedRows, ...(extent.repeatedHeaders ?? [])],
    columns,
    records,
    numbers: values.numbers,
    texts: values.texts,
    notices: values.notices,
    typeErrors: values.typeErrors,
    missingMarks: values.missingMarks,
    codeIssues: labelled.codeIssues,
    conversions: values.conversions,
    ...hiddenRecords(sheet, extent.rows),
    ...(sheet.hidden ? { hiddenSheet: true } : {}),
    ...(extent.stoppedAt ? { stoppedAt: extent.stoppedAt } : {}),
    ...(beside !== undefined ? { besideAt: { col: beside, reason: 'anotherTable' as const } } : {}),
  };
}

/** The record rows the sheet hides (a filter's, or rows hidden by hand), if any. */
function hiddenRecords(sheet: SheetData, rows: readonly number[]): { hiddenRows?: number[] } {
  if (!sheet.hiddenRows?.length) return {};
  const hidden = new Set(sheet.hiddenRows);
  const out = rows.filter((r) => hidden.has(r));
  return out.length > 0 ? { hiddenRows: out } : {};
}

/** The A1 address of record `i`'s cell in sheet column `col`. */
export function cellOf(table: Table, i: number, col: number): string {
  if (table.cellAddress) return table.cellAddress(i, col);
  return a1(table.records[i]?.row ?? 0, col);
}

/** The unit row and the column-code row right under the header, and where the data starts. */
function rowsUnderHeader(
  sheet: SheetData,
  headerRows: readonly number[],
  columns: readonly Column[],
): { skippedRows: number[]; dataStart: number } {
  const skippedRows: number[] = [];
  const bottom = sheet.origin.row + rowCount(sheet) - 1;
  let r = (headerRows[headerRows.length - 1] ?? 0) + 1;
  for (; r <= bottom && skippedRows.length < 2; r++) {
    const cells = rowCells(sheet, r, sheet.origin.col);
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
  return { skippedRows, dataStart: r };
}

/** `计量单位：万人` in a title line states the unit of every item column that states none. */
const SHEET_UNIT = /(?:计量)?单位\s*[:：]\s*(万人|千人|百人|人|对)(?![\u3400-\u9fff])/;

/** Item columns without a stated unit take the sheet's, else their item's. */
function stateUnits(columns: readonly Column[], titles: readonly string[]): void {
  let sheetUnit: string | undefined;
  for (const t of titles) sheetUnit ??= SHEET_UNIT.exec(t)?.[1];
  for (const c of columns) {
    if (c.kind !== 'item' || c.unit) continue;
    const unit = sheetUnit ?? c.item?.unit;
    if (unit) c.unit = unit;
  }
}

function withRoles(
  labelled: readonly LabelledRecord[],
  columns: readonly Column[],
  numbers: ReadonlyMap<number, Float64Array>,
  titles: readonly string[],
): TableRecord[] {
  const counts: Float64Array[] = [];
  for (const c of columns) {
    const values = numbers.get(c.col);
    if (values && isSummable(c)) counts.push(values);
  }
  const roles = assignRoles({
    rows: labelled,
    counts,
    areaNames: areaNames(titles),
    structured: columns.some((c) => c.kind === 'unit' || c.kind === 'code'),
  });
  return labelled.map((r, i) => {
    const role = roles[i] ?? { role: 'unit' as const };
    const rec: TableRecord = {
      row: r.row,
      unit: r.unit,
      role: role.role,
      isTotal: role.role === 'total' || role.role === 'subtotal',
    };
    if (r.code) rec.code = r.code;
    if (r.area !== undefined) rec.area = r.area;
    if (role.why) rec.why = role.why;
    if (role.parts) rec.parts = role.parts;
    if (role.parent !== undefined) rec.parent = role.parent;
    if (role.partOf !== undefined) rec.partOf = role.partOf;
    if (role.repeatOf !== undefined) rec.repeatOf = role.repeatOf;
    return rec;
  });
}
