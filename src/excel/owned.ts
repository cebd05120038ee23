import type { OutputSheet, OutputWorkbook } from '../core/output/spec';
import type { ApiCheck } from './context';
import {
  OWNED_KEY,
  freeName,
  loadSetting,
  parseOwned,
  sameName,
  saveSetting,
  serialiseOwned,
  sheetInfos,
  SHEET_PROPS,
  type SheetInfo,
  type SheetRole,
} from './state';
import { writeSheet } from './write';

/**
 * Sheets Tally owns (state.ts): written new, replaced on every run, listed by id in the
 * workbook's settings. A user's sheet is never written to, renamed or deleted: when a name
 * Tally wants is taken by one, Tally picks another (`指标汇总 (Tally)`) and says so.
 */

export interface PlacedSheet {
  /** Absent for a sheet handed over to the user (the rules table). */
  role?: SheetRole;
  /** The name the description asked for. */
  wanted: string;
  /** The name it got. */
  name: string;
}

/** Thrown when writing failed and the half-written sheets could not be removed either. */
export class CleanupFailedError extends Error {
  override name = 'CleanupFailedError';
  constructor(
    override readonly cause: unknown,
    readonly cleanup: unknown,
    readonly sheets: readonly string[],
  ) {
    super(`writing failed and ${sheets.join(', ')} could not be removed`);
  }
}

function tempName(i: number): string {
  const stamp = Date.now().toString(36).slice(-5);
  const random = Math.floor(Math.random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0');
  return `Tally~${stamp}${random}~${i}`;
}

/** Delete sheets Tally added for a write that failed; by id if known, else by their temp name. */
async function removeAdded(
  context: Excel.RequestContext,
  added: readonly { temp: string; id?: string }[],
): Promise<void> {
  const sheets = context.workbook.worksheets;
  sheets.load('items/name,items/id');
  await context.sync();
  const present = sheets.items;
  let any = false;
  for (const a of added) {
    const ws = present.find((s) => (a.id ? s.id === a.id : s.name === a.temp));
    if (ws) {
      ws.delete();
      any = true;
    }
  }
  if (any) await context.sync();
}

/**
 * Write Tally's sheets, replacing the ones it wrote before with the same roles (a sheet without
 * a role is written under a free name and not recorded as Tally's). Three syncs:
 *   1. the sheets and the record of owned sheets;
 *   2. the new sheets, added hidden under temporary names (and their ids loaded);
 *   3. with calculation suspended: all the contents, formats and charts; then the old sheets
 *      deleted, the new ones renamed, shown and recorded, the first activated.
 * If 2 or 3 fails, the sheets it added are deleted in a follow-up sync, so nothing
 * half-written remains; a failure in 3 happens before the old sheets are touched unless the
 * swap itself fails. The error is passed on.
 */
export async function writeOwnedSheets(
  context: Excel.RequestContext,
  sheets: readonly { role?: SheetRole; sheet: OutputSheet }[],
  api: ApiCheck,
  opts: { activate?: boolean } = {},
): Promise<PlacedSheet[]> {
  const collection = context.workbook.worksheets;
  collection.load(SHEET_PROPS);
  const ownedValue = loadSetting(context, OWNED_KEY);
  await context.sync();
  const existing: SheetInfo[] = sheetInfos(collection.items);
  const owned = parseOwned(ownedValue());
  const roles = new Set(sheets.flatMap((s) => (s.role ? [s.role] : [])));
  const replaced = existing.filter((s) => {
    const role = owned.get(s.id);
    return role !== undefined && roles.has(role);
  });
  const keeps = existing.filter((s) => !replaced.includes(s));
  const placed: PlacedSheet[] = [];
  for (const { role, sheet } of sheets) {
    const taken = (n: string) =>
      keeps.some((s) => sameName(s.name, n)) || placed.some((p) => sameName(p.name, n));
    const p: PlacedSheet = { wanted: sheet.name, name: freeName(sheet.name, taken) };
    if (role) p.role = role;
    placed.push(p);
  }

  const added = sheets.map((_, i) => ({ temp: tempName(i), id: undefined as string | undefined }));
  let proxies: Excel.Worksheet[] = [];
  try {
    proxies = added.map((a) => {
      const ws = collection.add(a.temp);
      ws.visibility = 'Hidden';
      ws.load('id');
      return ws;
    });
    await context.sync();
    proxies.forEach((ws, i) => {
      const a = added[i];
      if (a) a.id = ws.id;
    });

    if (api('1.6')) context.workbook.application.suspendApiCalculationUntilNextSync();
    sheets.forEach(({ sheet }, i) => {
      const ws = proxies[i];
      if (ws) writeSheet(ws, sheet, api);
    });
    for (const old of replaced) collection.getItem(old.id).delete();
    const nextOwned = new Map(owned);
    for (const old of replaced) nextOwned.delete(old.id);
    // Forget sheets that are gone (deleted by the user).
    for (const id of [...nextOwned.keys()]) {
      if (!existing.some((s) => s.id === id)) nextOwned.delete(id);
    }
    proxies.forEach((ws, i) => {
      const p = placed[i];
      const a = added[i];
      if (!p || !a?.id) return;
      ws.name = p.name;
      ws.visibility = 'Visible';
      if (p.role) nextOwned.set(a.id, p.role);
    });
    saveSetting(context, OWNED_KEY, serialiseOwned(nextOwned));
    if (opts.activate ?? true) proxies[0]?.activate();
    await context.sync();
  } catch (e) {
    try {
      await removeAdded(context, added);
    } catch (cleanup) {
      throw new CleanupFailedError(
        e,
        cleanup,
        added.map((a) => a.temp),
      );
    }
    throw e;
  }
  return placed;
}

/** Write the report's sheets: the first is the summary, the second the narrative. */
export function writeReport(
  context: Excel.RequestContext,
  out: OutputWorkbook,
  api: ApiCheck,
): Promise<PlacedSheet[]> {
  const roles: SheetRole[] = ['summary', 'narrative'];
  return writeOwnedSheets(
    context,
    out.sheets.map((sheet, i) => ({ role: roles[i] ?? 'narrative', sheet })),
    api,
  );
}
