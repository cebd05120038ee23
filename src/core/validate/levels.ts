import { fmt } from '../assess/targets';
import { baseName } from '../period';
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

/**
 * For each unit (by number), the nearest unit above it in the hierarchy, −1 when none: the
 * structure every item's check walks, made once. Undefined when no unit has a unit above it
 * (the usual case: one level of units), so the check costs one pass.
 */
function unitsAbove(ds: Dataset): Int32Array | undefined {
  const h = ds.hierarchy;
  const up = new Int32Array(ds.units.length).fill(-1);
  let any = false;
  ds.units.forEach((key, u) => {
    let p = h.node(key)?.parent;
    for (let d = 0; p !== undefined && d < MAX_DEPTH; d++) {
      const pu = ds.unitIndex.get(p);
      if (pu !== undefined) {
        up[u] = pu;
        any = true;
        return;
      }
      p = h.node(p)?.parent;
    }
  });
  return any ? up : undefined;
}

/** Units that reported the item and have a unit below them that did too. */
function parentsOf(c: ItemColumnData, up: Int32Array): Map<number, Below> {
  const out = new Map<number, Below>();
  for (let u = 0; u < up.length; u++) {
    if (!reported(c, u)) continue;
    for (let a = up[u] as number, d = 0; a >= 0 && d < MAX_DEPTH; a = up[a] as number, d++)
      if (reported(c, a) && !out.has(a))
        out.set(a, { sum: 0, count: 0, parts: [], elsewhere: false, tables: new Set() });
  }
  return out;
}

/** Add every leaf's figure to the reporting units above it. */
function sumBelow(c: ItemColumnData, up: Int32Array, parents: Map<number, Below>): void {
  for (let u = 0; u < up.length; u++) {
    if (!reported(c, u) || parents.has(u)) continue; // a parent: not a leaf for this item
    if (c.conflict[u]) continue; // set aside from the pools: not in the sum the rollup makes
    for (let a = up[u] as number, d = 0; a >= 0 && d < MAX_DEPTH; a = up[a] as number, d++) {
      const b = parents.get(a);
      if (!b) continue;
      b.sum += c.value[u] as number;
      b.count++;
      if (b.parts.length < MAX_PART_CELLS) b.parts.push(u);
      if (c.table[u] !== c.table[a]) b.elsewhere = true;
      b.tables.add(c.table[u] as number);
    }
  }
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

export function checkLevelTotals(ds: Dataset, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const up = unitsAbove(ds);
  if (!up) return out;
  for (const [item, c] of ds.items) {
    const parents = parentsOf(c, up);
    if (parents.size === 0) continue;
    sumBelow(c, up, parents);
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
