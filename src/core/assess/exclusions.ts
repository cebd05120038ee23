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

  static fromFindings(findings: readonly Finding[]): Exclusions {
    const ex = new Exclusions();
    for (const f of findings) {
      if (f.severity !== 'error' || NOT_IN_THE_CELL.has(f.ruleId)) continue;
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

  /**
   * Unit `u`'s value of `item` failed an error check, or the unit was reported twice with two
   * values. The cell's address is made only on a sheet that has a tainted cell at all.
   */
  taints(ds: Dataset, item: string, u: number): boolean {
    const c = ds.items.get(item);
    if (!c) return false;
    if (c.conflict[u]) return true;
    const src = ds.tables[c.table[u] as number];
    if (!src) return false;
    const set = this.cells.get(sheetKey(src.source, src.sheet));
    if (!set) return false;
    const col = src.columns.get(item);
    return col !== undefined && set.has(cellOf(src.table, c.record[u] as number, col));
  }
}

function sheetKey(file: string, sheet: string): string {
  return `${file}\u0000${sheet}`;
}
