import { asRows } from '../core/model/workbook';
import * as path from 'node:path';
import { TallyError, UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import type { SheetData } from '../core/model/workbook';
import type { Profile } from '../core/profile/profile';
import { isTargetSheetName } from '../core/targets/apply';
import { parseTargetTable, targetProblemText, type TargetTable } from '../core/targets/table';
import { readBoundedFile } from '../xlsx/file';
import { parseCsv, parseXlsx } from '../xlsx/parse';
import type { Out } from './output';

/**
 * `--targets FILE`: the office's targets table from a CSV (UTF-8 or GBK, any of `,` `;` tab)
 * or an .xlsx file — its 指标目标 (or Targets) sheet, else the first sheet that reads as a
 * targets table, else its first sheet. A table Tally cannot use at all is unusable input (exit 2);
 * problems in single rows are printed and the other rows apply.
 */
export async function readTargetsFile(
  file: string,
  profile: Profile,
  lang: Lang,
  err: Out,
): Promise<TargetTable> {
  // Read only up to the file limit, then checked by parse.ts's guards like every input.
  const bytes = await readBoundedFile(file);
  const ext = path.extname(file).toLowerCase();
  if (!['.csv', '.txt', '.xlsx', '.xlsm'].includes(ext))
    throw new UnreadableInputError('error.unsupported', { file });
  const wb =
    ext === '.csv' || ext === '.txt' ? parseCsv(bytes, file) : await parseXlsx(bytes, file);
  const label = path.basename(file);
  const read = (sheet: SheetData, named: boolean) =>
    parseTargetTable(asRows(sheet).rows, profile.indicators, {
      label:
        named || wb.sheets.length > 1
          ? t(lang, 'targets.sheetLabel', { file: label, sheet: sheet.name })
          : label,
      firstRow: sheet.origin.row + 1,
    });
  const named = wb.sheets.find((s) => isTargetSheetName(s.name));
  let result = named ? read(named, true) : undefined;
  if (!result) {
    for (const sheet of wb.sheets) {
      const r = read(sheet, false);
      if (r.ok) {
        result = r;
        break;
      }
      result ??= r;
    }
  }
  if (!result) throw new UnreadableInputError('error.corrupt', { file, detail: 'no sheets' });
  if (!result.ok) throw new TallyError(result.issue.key, result.issue.params, result.nested ?? {});
  for (const p of result.table.problems)
    err.line(err.style('yellow', 'tally: ') + targetProblemText(lang, p));
  return result.table;
}
