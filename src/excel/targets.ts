import type { Profile } from '../core/profile/profile';
import { TARGET_SHEET_NAMES } from '../core/targets/apply';
import { targetsTableSheet } from '../core/targets/sheet';
import type { ApiCheck } from './context';
import { writeOwnedSheets } from './owned';
import { sameName } from './state';

/**
 * 插入指标目标表 (issue 9): the profile's targets as an editable 指标目标 sheet, unless the
 * workbook has a targets sheet already — then that one is shown and left as it is. Once
 * inserted the sheet is the office's: the report reads it, Tally never rewrites it.
 */
export async function insertTargetsSheet(
  context: Excel.RequestContext,
  profile: Profile,
  api: ApiCheck,
): Promise<{ sheet: string; existed: boolean }> {
  const collection = context.workbook.worksheets;
  collection.load('items/name');
  await context.sync();
  const existing = collection.items.find((s) =>
    TARGET_SHEET_NAMES.some((n) => sameName(n, s.name)),
  );
  if (existing) {
    existing.activate();
    await context.sync();
    return { sheet: existing.name, existed: true };
  }
  const [placed] = await writeOwnedSheets(context, [{ sheet: targetsTableSheet(profile) }], api);
  return { sheet: placed?.name ?? '', existed: false };
}
