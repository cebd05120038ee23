import { fmt } from '../assess/targets';
import { t, type Lang } from '../messages/index';
import { cellOf } from '../read/table';
import type { Dataset, ItemColumnData } from '../rollup/dataset';
import { BUILTIN, type Finding, type FindingCell } from './result';

/**
 * A unit that reported a figure and whose own units reported it too, in another table: a
 * township's row in the county's form beside its villages' own form, a county's summary file
 * beside its townships' files. The rollup pools the units below (the leaves), so the unit's own
 * figure is a total of them, and it is checked as one: where they differ, units below are
 * missing or a figure is wrong, and an error says which figure the rollup used. Totals within
 * one table are `checkTotals`'s (a 小计 row above its villages), not checked again here.
 */

const TOLERANCE = 1e-6;
/** Cells of the units below listed in one finding, at most. */
const MAX_PART_CELLS = 20;
/** Levels walked up from a unit, at most (the hierarchy ends well before). */
const MAX_DEPTH = 64;

interface Below {
  sum: number;
  count: number;
  /** Units below, whose figures are in the sum (their unit numbers, first MAX_PART_CELLS). */
  parts: number[];
  /** Whether a unit below reported in another table than the unit itself. */
  elsewhere: boolean;
  /** The tables the units below reported in (table numbers). */
  tables: Set<number>;
}

function reported(c: ItemColumnData, u: number): boolean {
  return (c.table[u] as number) >= 0 && !Number.isNaN(c.value[u] as number);
}

/** Units (by number) that reported the item and have a unit below them that did too. */
function parentsOf(ds: Dataset, c: ItemColumnData): Map<number, Below> {
  const h = ds.hierarchy;
  const out = new Map<number, Below>();
  const walked = new Set<string>();
  ds.units.forEach((key, u) => {
    if (!reported(c, u)) return;
    let p = h.node(key)?.parent;
    for (let d = 0; p !== undefined && !walked.has(p) && d < MAX_DEPTH; d++) {
      walked.add(p);
      const pu = ds.unitIndex.get(p);
      if (pu !== undefined && reported(c, pu) && !out.has(pu))
        out.set(pu, { sum: 0, count: 0, parts: [], elsewhere: false, tables: new Set() });
      p = h.node(p)?.parent;
    }
  });
  return out;
}

/** Add every leaf's figure to the reporting units above it. */
function sumBelow(ds: Dataset, c: ItemColumnData, parents: Map<number, Below>): void {
  const h = ds.hierarchy;
  ds.units.forEach((key, u) => {
    if (!reported(c, u) || parents.has(u)) return; // a leaf for this item
    if (c.conflict[u]) return; // set aside from the pools: not in the sum the rollup makes
    let p = h.node(key)?.parent;
    for (let d = 0; p !== undefined && d < MAX_DEPTH; d++) {
      const pu = ds.unitIndex.get(p);
      const b = pu === undefined ? undefined : parents.get(pu);
      if (b && pu !== undefined) {
        b.sum += c.value[u] as number;
        b.count++;
        if (b.parts.length < MAX_PART_CELLS) b.parts.push(u);
        if (c.table[u] !== c.table[pu]) b.elsewhere = true;
        b.tables.add(c.table[u] as number);
      }
      p = h.node(p)?.parent;
    }
  });
}

function cellFor(ds: Dataset, c: ItemColumnData, item: string, u: number): FindingCell {
  const src = ds.tables[c.table[u] as number];
  const col = src?.columns.get(item);
  const v = c.value[u] as number;
  if (!src || col === undefined) return { item, cell: '', value: v };
  return {
    item: src.table.columns.find((k) => k.col === col)?.item?.name ?? item,
    cell: cellOf(src.table, c.record[u] as number, col),
    value: v,
    sheet: src.sheet,
    file: src.source,
  };
}

/** A file's name without its folders, as messages name files. */
function baseName(file: string): string {
  return file.split(/[\\/]/).pop() ?? file;
}

export function checkLevelTotals(ds: Dataset, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const [item, c] of ds.items) {
    const parents = parentsOf(ds, c);
    if (parents.size === 0) continue;
    sumBelow(ds, c, parents);
    for (const [pu, b] of parents) {
      const own = c.value[pu] as number;
      if (!b.elsewhere || b.count === 0) continue;
      if (Math.abs(own - b.sum) <= TOLERANCE * Math.max(1, Math.abs(b.sum))) continue;
      const key = ds.units[pu] as string;
      const node = ds.hierarchy.node(key);
      const src = ds.tables[c.table[pu] as number];
      const first = cellFor(ds, c, item, pu);
      const below = b.parts.map((u) => cellFor(ds, c, item, u));
      const where = below[0];
      const whereText = t(lang, b.tables.size > 1 ? 'audit.levelWhereMore' : 'audit.levelWhere', {
        file: baseName(where?.file ?? ''),
        sheet: where?.sheet ?? '',
      });
      out.push({
        ruleId: BUILTIN.levelTotal,
        severity: 'error',
        message: t(lang, 'audit.levelTotal', {
          unit: node?.name ?? key,
          item: first.item,
          own: fmt(own, 6),
          count: b.count,
          sum: fmt(b.sum, 6),
          diff: fmt(own - b.sum, 6),
          where: whereText,
        }),
        file: src?.source ?? '',
        sheet: src?.sheet ?? '',
        unit: node?.name ?? key,
        cells: [{ item: first.item, cell: first.cell, value: first.value }, ...below],
      });
    }
  }
  return out;
}
