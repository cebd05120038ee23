import { t, type Lang } from '../messages/index';
import { asRows, type SheetData } from '../model/workbook';
import type { IndicatorDef } from '../profile/schema';
import { isTargetSheetName } from './apply';
import { parseTargetTable, type TargetTable, type TargetTableResult } from './table';

/**
 * The office's targets table in a workbook: every sheet that reads as one (a header with 编号
 * or 指标 and 目标), as one table — offices often keep the women's and the children's targets on
 * sheets of their own (妇女发展规划目标, 儿童发展规划目标), and a second sheet left unread would
 * judge its indicators against the profile's defaults in silence. One such sheet reads exactly
 * as before; with several, each row and problem names its sheet, and an indicator given on two
 * sheets keeps its first row (the second is reported, as a repeat within a sheet is). With no
 * such sheet, the refusal is the 指标目标 sheet's if there is one, else the first sheet's.
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
    parseTargetTable(asRows(sheet).rows, indicators, {
      label: many ? t(lang, 'targets.sheetLabel', { file, sheet: sheet.name }) : single(sheet),
      firstRow: sheet.origin.row + 1,
      ...(many ? { sheet: sheet.name, keepEmpty: true } : {}),
    });
  const tables = sheets.filter((s) => read(s, true).ok);
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
  const taken = new Map<string, { sheet: string; row: number }>();
  for (const sheet of tables) {
    const r = read(sheet, true);
    if (!r.ok) continue;
    merged.problems.push(...r.table.problems);
    for (const [id, row] of r.table.invalid)
      if (!merged.invalid.has(id)) merged.invalid.set(id, row);
    for (const row of r.table.rows) {
      const first = taken.get(row.id);
      if (first) {
        merged.problems.push({
          row: row.row,
          sheet: sheet.name,
          id: row.id,
          issue: { key: 'targets.row.duplicateSheet', params: { id: row.id, ...first } },
          dropped: true,
        });
        continue;
      }
      taken.set(row.id, { sheet: sheet.name, row: row.row });
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
