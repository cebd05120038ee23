import { t, type Lang } from '../messages/index';
import type { SheetData } from '../model/workbook';
import type { IndicatorDef } from '../profile/schema';
import { isTargetSheetName } from './apply';
import { targetRows } from './cells';
import { parseTargetTable, type TargetTable, type TargetTableResult } from './table';

/**
 * The office's targets table in a workbook: every sheet that reads as one (a header with 编号
 * or 指标 and 目标), as one table — offices often keep the women's and the children's targets on
 * sheets of their own (妇女发展规划目标, 儿童发展规划目标), and a second sheet left unread would
 * judge its indicators against the profile's defaults in silence. A sheet named 指标目标 (or
 * Targets) is the table when there is one. One such sheet reads exactly as before; with several,
 * each row and problem names its sheet; an indicator given twice with one target is read once,
 * with two it is set aside (not judged). With no such sheet, the refusal is the 指标目标 sheet's
 * if there is one, else the first sheet's.
 */
export function readTargetSheets(
  sheets: readonly SheetData[],
  indicators: readonly IndicatorDef[],
  file: string,
  lang: Lang,
  /** The label of a table on one sheet (a file name alone, or the file's sheet). */
  single: (sheet: SheetData) => string,
): TargetTableResult | undefined {
  const read = (sheet: SheetData, many: boolean) =>
    parseTargetTable(targetRows(sheet), indicators, {
      label: many ? t(lang, 'targets.sheetLabel', { file, sheet: sheet.name }) : single(sheet),
      firstRow: sheet.origin.row + 1,
      ...(many ? { sheet: sheet.name, keepEmpty: true } : {}),
    });
  // A sheet named 指标目标 (or Targets) is the table: a progress or review sheet beside it
  // (编号 | 2025年目标 | 实际值) is not read into it.
  const named = sheets.filter((s) => isTargetSheetName(s.name));
  const tables = (named.length > 0 ? named : sheets).filter((s) => read(s, true).ok);
  const only = tables.length === 1 ? tables[0] : undefined;
  if (only) return read(only, false);
  if (tables.length === 0) {
    const shown = sheets.find((s) => isTargetSheetName(s.name)) ?? sheets[0];
    return shown ? read(shown, false) : undefined;
  }
  const label = t(lang, 'targets.sheetsLabel', {
    file,
    sheets: tables.map((s) => `“${s.name}”`).join('、'),
  });
  const merged: TargetTable = { label, rows: [], problems: [], invalid: new Map() };
  const taken = new Map<string, { sheet: string; row: number; target: unknown }>();
  for (const sheet of tables) {
    const r = read(sheet, true);
    if (!r.ok) continue;
    merged.problems.push(...r.table.problems);
    for (const [id, row] of r.table.invalid)
      if (!merged.invalid.has(id)) merged.invalid.set(id, row);
    for (const row of r.table.rows) {
      const first = taken.get(row.id);
      if (first) {
        // Two sheets give one indicator two targets: which holds, nobody can say, so it is not
        // judged (无法评估) until one is removed; the same target twice is read once.
        const same = JSON.stringify(first.target) === JSON.stringify(row.target);
        merged.problems.push({
          row: row.row,
          sheet: sheet.name,
          id: row.id,
          issue: {
            key: same ? 'targets.row.duplicateSheet' : 'targets.row.conflictSheet',
            params: { id: row.id, sheet: first.sheet, row: first.row },
          },
          dropped: true,
        });
        if (!same) {
          merged.rows = merged.rows.filter((x) => x.id !== row.id);
          merged.invalid.set(row.id, row.row);
        }
        continue;
      }
      taken.set(row.id, { sheet: sheet.name, row: row.row, target: row.target });
      merged.rows.push(row);
    }
  }
  if (merged.rows.length === 0) {
    const firstProblem = merged.problems.find((p) => p.dropped);
    return {
      ok: false,
      issue: {
        key: 'targets.fatal.noRows',
        params: {
          where: label,
          count: merged.problems.filter((p) => p.dropped).length,
          row: firstProblem?.row ?? '',
        },
      },
      ...(firstProblem ? { nested: { first: firstProblem.issue } } : {}),
    };
  }
  return { ok: true, table: merged };
}
