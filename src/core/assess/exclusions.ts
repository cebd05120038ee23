import { a1 } from '../model/a1';
import { cellOf } from '../read/table';
import type { Dataset, SourceTable } from '../rollup/dataset';
import { BUILTIN, type Finding } from '../validate/result';
import { RuleFinding } from '../validate/rule-finding';

/**
 * Values that failed an error check (强制性审核) are never pooled silently (issue 8): a unit
 * whose numerator or denominator is such a value is set aside from that indicator's pool and
 * named. A cell is tainted by every error finding that reads it, except the checks whose
 * error is not in the cell: a 合计 row that disagrees with its units blames the total (never
 * pooled), as does a unit's own figure that its units below (in another table) do not add up
 * to (LEVEL_TOTAL: the units below are pooled, and the finding says some may be missing), a blank is missing (left out, not set aside), a missing or duplicated unit has no
 * cell of its own.
 */
const NOT_IN_THE_CELL: ReadonlySet<string> = new Set([
  BUILTIN.total,
  BUILTIN.levelTotal,
  BUILTIN.blank,
  BUILTIN.missingUnit,
  BUILTIN.duplicate,
  BUILTIN.unlisted,
]);

/**
 * One sheet's tainted cells: as numbers (row × COLUMNS + column, from 0), and the few addresses
 * that are not a plain A1 (kept as written; no unit's cell is one, so none is marked by them).
 */
interface SheetCells {
  numbers: number[];
  other: string[];
}

export class Exclusions {
  /** file + sheet → the tainted cells of that sheet, as the findings name them. */
  private readonly cells = new Map<string, SheetCells>();

  static none(): Exclusions {
    return new Exclusions();
  }

  /** The cells of the findings of one severity: errors (set aside), or warnings (flagged). */
  static fromFindings(
    findings: readonly Finding[],
    severity: Finding['severity'] = 'error',
  ): Exclusions {
    const ex = new Exclusions();
    // Findings come sheet by sheet: the last sheet's list is kept at hand.
    let lastFile: string | undefined;
    let lastSheet: string | undefined;
    let last: SheetCells | undefined;
    const sheetOf = (file: string, sheet: string): SheetCells => {
      if (last === undefined || file !== lastFile || sheet !== lastSheet) {
        const at = sheetKey(file, sheet);
        last = ex.cells.get(at);
        if (last === undefined) ex.cells.set(at, (last = { numbers: [], other: [] }));
        lastFile = file;
        lastSheet = sheet;
      }
      return last;
    };
    // A written rule's failure gives its cells' rows and columns: a million findings make no
    // address to read back (RuleFinding.places).
    const add = (file: string, sheet: string, row: number, col: number): void => {
      const to = sheetOf(file, sheet);
      if (row >= 0 && col >= 0 && col < COLUMNS) to.numbers.push(row * COLUMNS + col);
      else to.other.push(a1(row, col));
    };
    for (const f of findings) {
      if (f.severity !== severity || NOT_IN_THE_CELL.has(f.ruleId)) continue;
      if (f instanceof RuleFinding && f.places(add)) continue;
      for (const c of f.cells) {
        if (!c.cell) continue;
        const to = sheetOf(c.file ?? f.file, c.sheet ?? f.sheet);
        const k = cellNumber(c.cell);
        if (k >= 0) to.numbers.push(k);
        else to.other.push(c.cell);
      }
    }
    return ex;
  }

  /** Per item, the units whose value is tainted: worked out once per dataset and item. */
  private byItem = new Map<string, Uint8Array | null>();
  private forDataset: Dataset | undefined;

  /**
   * Unit `u`'s value of `item` failed an error check, or the unit was reported twice with two
   * values. A cell's address is made only on a sheet that has a tainted cell at all, and once
   * per unit and item, not once per indicator that reads it.
   */
  taints(ds: Dataset, item: string, u: number): boolean {
    const marks = this.marks(ds, item);
    return marks !== null && marks[u] === 1;
  }

  /** `taints` of every unit of `item`: 1 at each unit tainted, or null when none is. */
  marks(ds: Dataset, item: string): Uint8Array | null {
    if (this.forDataset !== ds) {
      this.forDataset = ds;
      this.byItem = new Map();
    }
    let marks = this.byItem.get(item);
    if (marks === undefined) {
      marks = this.mark(ds, item);
      this.byItem.set(item, marks);
    }
    return marks;
  }

  /**
   * A sheet's tainted cells by column, each column a mark per row (1: tainted), made once per
   * sheet: a unit's cell is then an index, not a look-up in a set of a million addresses.
   */
  private grids = new Map<string, Map<number, Uint8Array>>();

  private grid(at: string): Map<number, Uint8Array> | undefined {
    let out = this.grids.get(at);
    if (out === undefined) {
      const cells = this.cells.get(at);
      if (cells === undefined) return undefined;
      const rows = new Map<number, number>();
      for (const k of cells.numbers) {
        const col = k % COLUMNS;
        rows.set(col, Math.max(rows.get(col) ?? 0, (k - col) / COLUMNS + 1));
      }
      out = new Map([...rows].map(([col, n]) => [col, new Uint8Array(n)]));
      for (const k of cells.numbers) {
        const col = k % COLUMNS;
        (out.get(col) as Uint8Array)[(k - col) / COLUMNS] = 1;
      }
      this.grids.set(at, out);
    }
    return out;
  }

  /** A sheet's tainted cells as a set of addresses, for tables whose cells are not a1(row, col). */
  private sets = new Map<string, Set<string>>();

  private set(at: string): Set<string> {
    let out = this.sets.get(at);
    if (out === undefined) {
      const cells = this.cells.get(at);
      out = new Set(cells?.other);
      for (const k of cells?.numbers ?? []) out.add(a1((k - (k % COLUMNS)) / COLUMNS, k % COLUMNS));
      this.sets.set(at, out);
    }
    return out;
  }

  private mark(ds: Dataset, item: string): Uint8Array | null {
    const c = ds.items.get(item);
    if (!c) return null;
    const keys = ds.tables.map((src) => sheetKey(src.source, src.sheet));
    const cols = ds.tables.map((src) => src.columns.get(item));
    // Per table, the marks of the item's column; or, for a table addressed otherwise, the set.
    const marksOf = ds.tables.map((src, i) => {
      const at = keys[i] as string;
      const col = cols[i];
      if (col === undefined || !this.cells.has(at)) return undefined;
      if (src.table.cellAddress !== undefined || col >= COLUMNS) return this.set(at);
      return this.grid(at)?.get(col) ?? null;
    });
    const marks = new Uint8Array(c.conflict.length);
    for (let u = 0; u < marks.length; u++) {
      if (c.conflict[u]) {
        marks[u] = 1;
        continue;
      }
      const ti = c.table[u] as number;
      const sheetMarks = marksOf[ti];
      if (!sheetMarks) continue;
      const i = c.record[u] as number;
      const src = ds.tables[ti] as SourceTable;
      if (sheetMarks instanceof Set) {
        if (sheetMarks.has(cellOf(src.table, i, cols[ti] as number))) marks[u] = 1;
        continue;
      }
      const row = src.table.records[i]?.row;
      if (row !== undefined && sheetMarks[row] === 1) marks[u] = 1;
    }
    return marks;
  }
}

/** Excel's columns: a cell's number is row × COLUMNS + column. */
const COLUMNS = 16384;

/** `C12` as 11 × 16384 + 2; −1 for anything that is not a plain A1 address. */
export function cellNumber(a: string): number {
  let i = 0;
  let col = 0;
  while (i < a.length) {
    const ch = a.charCodeAt(i);
    if (ch < 65 || ch > 90) break;
    col = col * 26 + (ch - 64);
    i++;
  }
  if (i === 0 || i > 3 || i === a.length) return -1;
  let row = 0;
  for (let j = i; j < a.length; j++) {
    const ch = a.charCodeAt(j);
    if (ch < 48 || ch > 57 || (j === i && ch === 48)) return -1;
    row = row * 10 + (ch - 48);
  }
  return col > COLUMNS || row < 1 ? -1 : (row - 1) * COLUMNS + (col - 1);
}

function sheetKey(file: string, sheet: string): string {
  return `${file}\u0000${sheet}`;
}
