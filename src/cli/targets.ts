import * as path from 'node:path';
import { TallyError, UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import type { Profile } from '../core/profile/profile';
import { isTargetSheetName } from '../core/targets/apply';
import { readTargetSheets } from '../core/targets/sheets';
import { targetProblemText, type TargetTable } from '../core/targets/table';
import { readBoundedFile } from '../xlsx/file';
import { parseCsv, parseXlsx } from '../xlsx/parse';
import type { Out } from './output';

/**
 * `--targets FILE`: the office's targets table from a CSV (UTF-8 or GBK, any of `,` `;` tab)
 * or an .xlsx file — every sheet that reads as a targets table, as one (`readTargetSheets`). A table Tally cannot use at all is unusable input (exit 2);
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
  const named = wb.sheets.some((s) => isTargetSheetName(s.name));
  const result = readTargetSheets(wb.sheets, profile.indicators, label, lang, (sheet) =>
    named || wb.sheets.length > 1
      ? t(lang, 'targets.sheetLabel', { file: label, sheet: sheet.name })
      : label,
  );
  if (!result) throw new UnreadableInputError('error.corrupt', { file, detail: 'no sheets' });
  if (!result.ok) throw new TallyError(result.issue.key, result.issue.params, result.nested ?? {});
  for (const p of result.table.problems)
    err.line(err.style('yellow', 'tally: ') + targetProblemText(lang, p));
  return result.table;
}
