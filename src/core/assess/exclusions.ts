import { cellOf } from '../read/table';
import type { Dataset } from '../rollup/dataset';
import { BUILTIN, type Finding } from '../validate/result';

/**
 * Values that failed an error check (强制性审核) are never pooled silently (issue 8): a unit
 * whose numerator or denominator is such a value is set aside from that indicator's pool and
 * named. A cell is tainted by every error finding that reads it, except the checks whose
 * error is not in the cell: a 合计 row that disagrees with its units blames the total (never
 * pooled), a blank is missing (left out, not set aside), a missing or duplicated unit has no
 * cell of its own.
 */
const NOT_IN_THE_CELL: ReadonlySet<string> = new Set([
  BUILTIN.total,
  BUILTIN.blank,
  BUILTIN.missingUnit,
  BUILTIN.duplicate,
  BUILTIN.unlisted,
]);

export class Exclusions {
  /** file + sheet → the tainted cells of that sheet (A1). */
  private readonly cells = new Map<string, Set<string>>();

  static none(): Exclusions {
    return new Exclusions();
  }

  /** The cells of the findings of one severity: errors (set aside), or warnings (flagged). */
  static fromFindings(
    findings: readonly Finding[],
    severity: Finding['severity'] = 'error',
  ): Exclusions {
    const ex = new Exclusions();
    for (const f of findings) {
      if (f.severity !== severity || NOT_IN_THE_CELL.has(f.ruleId)) continue;
      for (const c of f.cells) {
        if (!c.cell) continue;
        const at = sheetKey(c.file ?? f.file, c.sheet ?? f.sheet);
        const set = ex.cells.get(at) ?? new Set<string>();
        set.add(c.cell);
        ex.cells.set(at, set);
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
    if (this.forDataset !== ds) {
      this.forDataset = ds;
      this.byItem = new Map();
    }
    let marks = this.byItem.get(item);
    if (marks === undefined) {
      marks = this.mark(ds, item);
      this.byItem.set(item, marks);
    }
    return marks !== null && marks[u] === 1;
  }

  private mark(ds: Dataset, item: string): Uint8Array | null {
    const c = ds.items.get(item);
    if (!c) return null;
    const sets = ds.tables.map((src) => this.cells.get(sheetKey(src.source, src.sheet)));
    const marks = new Uint8Array(c.conflict.length);
    for (let u = 0; u < marks.length; u++) {
      if (c.conflict[u]) {
        marks[u] = 1;
        continue;
      }
      const ti = c.table[u] as number;
      const set = sets[ti];
      const src = ds.tables[ti];
      if (!set || !src) continue;
      const col = src.columns.get(item);
      if (col !== undefined && set.has(cellOf(src.table, c.record[u] as number, col))) marks[u] = 1;
    }
    return marks;
  }
}

function sheetKey(file: string, sheet: string): string {
  return `${file}\u0000${sheet}`;
}
