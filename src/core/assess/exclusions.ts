import type { ItemValue } from '../rollup/dataset';
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
  private readonly cells = new Set<string>();

  static none(): Exclusions {
    return new Exclusions();
  }

  static fromFindings(findings: readonly Finding[]): Exclusions {
    const ex = new Exclusions();
    for (const f of findings) {
      if (f.severity !== 'error' || NOT_IN_THE_CELL.has(f.ruleId)) continue;
      for (const c of f.cells) {
        if (!c.cell) continue;
        ex.cells.add(key(c.file ?? f.file, c.sheet ?? f.sheet, c.cell));
      }
    }
    return ex;
  }

  /** The value failed an error check, or its unit was reported twice with other values. */
  taints(v: ItemValue | undefined): boolean {
    if (!v) return false;
    return v.conflict === true || this.cells.has(key(v.source, v.sheet, v.cell));
  }

  get size(): number {
    return this.cells.size;
  }
}

function key(file: string, sheet: string, cell: string): string {
  return `${file}\u0000${sheet}\u0000${cell}`;
}
