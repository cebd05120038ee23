import type { OutputSheet, OutputWorkbook } from '../core/output/spec';
import { inRequests, type ApiCheck } from './context';
import {
  OWNED_KEY,
  OWNED_MARKER,
  freeName,
  loadSetting,
  parseOwnedRecords,
  sameName,
  saveSetting,
  serialiseOwned,
  sheetInfos,
  SHEET_PROPS,
  type OwnedRecord,
  type SheetInfo,
  type SheetRole,
} from './state';
import { CELLS_PER_REQUEST, sheetPieces, writePiece, writeSheet, writeSheetView } from './write';
import { fitToExcel } from '../core/output/fit';

/**
 * Sheets Tally owns (state.ts): written new, replaced on every run, listed by id (and name) in
 * the workbook's settings and marked with a sheet-scoped name. A user's sheet is never written
 * to, renamed or deleted: when a name Tally wants is taken by one, Tally picks another
 * (`指标汇总 (Tally)`) and says so.
 */

/**
 * Tally's sheets among `sheets`, as records with their present id and name: a recorded id that
 * is present is Tally's sheet; a recorded id that is gone (ids can change between sessions)
 * stands for the sheet of the recorded name only if that sheet carries Tally's marker and no
 * record claims its id. One sync, and only when some recorded id is gone and a sheet of its
 * name exists.
 */
export async function resolveOwned(
  context: Excel.RequestContext,
  records: readonly OwnedRecord[],
  sheets: readonly SheetInfo[],
  _api?: ApiCheck,
): Promise<OwnedRecord[]> {
  const present = new Set(sheets.map((s) => s.id));
  const claimed = new Set(records.map((r) => r.id).filter((id) => present.has(id)));
  const out: OwnedRecord[] = [];
  const pending: { role: SheetRole; sheet: SheetInfo; marker: Excel.NamedItem }[] = [];
  for (const r of records) {
    const byId = sheets.find((s) => s.id === r.id);
    if (byId) {
      out.push({ ...r, name: byId.name });
      continue;
    }
    if (!r.name) continue;
    const candidate = sheets.find(
      (s) =>
        sameName(s.name, r.name) && !claimed.has(s.id) && !pending.some((p) => p.sheet.id === s.id),
    );
    if (!candidate) continue;
    const marker = context.workbook.worksheets
      .getItem(candidate.id)
      .names.getItemOrNullObject(OWNED_MARKER);
    marker.load('name');
    pending.push({ role: r.role, sheet: candidate, marker });
  }
  if (pending.length === 0) return out;
  await context.sync();
  for (const p of pending) {
    if (!p.marker.isNullObject) out.push({ id: p.sheet.id, name: p.sheet.name, role: p.role });
  }
  return out;
}

/** Tally's sheets by their present id. */
export function ownedRoles(records: readonly OwnedRecord[]): Map<string, SheetRole> {
  return new Map(records.map((r) => [r.id, r.role]));
}

export interface PlacedSheet {
  /** Absent for a sheet handed over to the user (the rules table). */
  role?: SheetRole;
  /** The name the description asked for. */
  wanted: string;
  /** The name it got. */
  name: string;
  /**
   * Set when the sheet was written but its view (frozen panes, page orientation) or the
   * activation could not be set: the error, for a note; the write itself succeeded.
   */
  viewError?: unknown;
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
 *   1. the sheets and the record of owned sheets; the new sheets, added hidden under temporary
 *      names (and their ids loaded). Only when recorded ids are gone, one more to look for
 *      Tally's marker on the sheets of their names;
 *   2. with calculation suspended: all the contents, formats and charts, and Tally's marker;
 *      then the old sheets deleted, the new ones renamed, shown and recorded. Sheets too big
 *      for one request (writeContents) have their contents written before, in requests of
 *      their own, while they are still hidden;
 *   3. the view: frozen panes and page orientation, and the first sheet activated. A failure
 *      here does not fail the write: it is reported on the placed sheets (`viewError`).
 * If 1 or 2 fails, the sheets it added are deleted in a follow-up sync, so nothing
 * half-written remains; a failure in 2 happens before the old sheets are touched unless the
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
  const added = sheets.map((_, i) => ({ temp: tempName(i), id: undefined as string | undefined }));
  let proxies: Excel.Worksheet[] = [];
  const placed: PlacedSheet[] = [];
  try {
    // The new sheets are added hidden, under temporary names, in the same request.
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
    const ours = new Set(added.map((a) => a.id));
    const temps = new Set(added.map((a) => a.temp));
    const existing: SheetInfo[] = sheetInfos(collection.items).filter(
      (s) => !ours.has(s.id) && !temps.has(s.name),
    );
    // Records of sheets that are gone (deleted by the user) are forgotten here.
    const owned = await resolveOwned(context, parseOwnedRecords(ownedValue()), existing, api);
    const roles = new Set(sheets.flatMap((s) => (s.role ? [s.role] : [])));
    const replacedIds = new Set(owned.filter((r) => roles.has(r.role)).map((r) => r.id));
    const replaced = existing.filter((s) => replacedIds.has(s.id));
    const keeps = existing.filter((s) => !replacedIds.has(s.id));
    for (const { role, sheet } of sheets) {
      const taken = (n: string) =>
        keeps.some((s) => sameName(s.name, n)) || placed.some((p) => sameName(p.name, n));
      const p: PlacedSheet = { wanted: sheet.name, name: freeName(sheet.name, taken) };
      if (role) p.role = role;
      placed.push(p);
    }

    await writeContents(context, proxies, sheets);
    sheets.forEach(({ role }, i) => {
      const ws = proxies[i];
      if (ws && role) ws.names.add(OWNED_MARKER, '=TRUE', 'Tally');
    });
    for (const old of replaced) collection.getItem(old.id).delete();
    const nextOwned = owned.filter((r) => !replacedIds.has(r.id));
    proxies.forEach((ws, i) => {
      const p = placed[i];
      const a = added[i];
      if (!p || !a?.id) return;
      ws.name = p.name;
      ws.visibility = 'Visible';
      if (p.role) nextOwned.push({ id: a.id, name: p.name, role: p.role });
    });
    saveSetting(context, OWNED_KEY, serialiseOwned(nextOwned));
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
  await writeViews(context, proxies, sheets, placed, api, opts.activate ?? true);
  return placed;
}

/**
 * Queue the contents of the new (hidden) sheets for the request that shows them. Sheets too big
 * for one request (a report's 分单位指标 at 100,000 villages: 2.8 million cells; Excel on the web
 * refuses a request over 5 MB) are written first in pieces of whole rows, a request each, with
 * calculation suspended; a piece Excel still refuses is sent again in smaller requests. Nothing
 * is visible until the last request shows the sheets; a failure removes them (the caller).
 */
async function writeContents(
  context: Excel.RequestContext,
  proxies: readonly Excel.Worksheet[],
  sheets: readonly { sheet: OutputSheet }[],
): Promise<void> {
  const suspend = () => context.workbook.application.suspendApiCalculationUntilNextSync();
  const cells = sheets.reduce(
    (n, { sheet }) => n + sheet.rows.reduce((m, r) => m + r.length, 0),
    0,
  );
  if (cells <= CELLS_PER_REQUEST) {
    suspend();
    sheets.forEach(({ sheet }, i) => {
      const ws = proxies[i];
      if (ws) writeSheet(ws, sheet);
    });
    return;
  }
  // Pieces of a quarter of a request, four to a request, so a refused request can be halved.
  const pieces = sheets.flatMap(({ sheet }, i) =>
    sheetPieces(fitToExcel(sheet), CELLS_PER_REQUEST / 4).map((piece) => ({
      piece,
      ws: proxies[i],
    })),
  );
  await inRequests(context, pieces, 4, ({ piece, ws }) => {
    suspend();
    if (ws) writePiece(ws, piece);
    return () => undefined;
  });
  suspend();
}

/**
 * The view settings of the sheets just written, in a request of their own; a failure is noted
 * on the sheets concerned, never passed on. When the request for all fails, each sheet is
 * tried alone, so one sheet's failure costs the others nothing.
 */
async function writeViews(
  context: Excel.RequestContext,
  proxies: readonly Excel.Worksheet[],
  sheets: readonly { sheet: OutputSheet }[],
  placed: PlacedSheet[],
  api: ApiCheck,
  activate: boolean,
): Promise<void> {
  const queue = (i: number) => {
    const ws = proxies[i];
    const s = sheets[i];
    return ws && s ? writeSheetView(ws, s.sheet, api) : false;
  };
  const activateFirst = () => {
    if (activate) proxies[0]?.activate();
    return activate && proxies.length > 0;
  };
  const any = proxies.map((_, i) => queue(i)).some(Boolean);
  const activating = activateFirst();
  if (!any && !activating) return;
  try {
    await context.sync();
    return;
  } catch {
    // Retried sheet by sheet below.
  }
  for (let i = 0; i < proxies.length; i++) {
    if (!queue(i)) continue;
    try {
      await context.sync();
    } catch (e) {
      const p = placed[i];
      if (p) p.viewError = e;
    }
  }
  if (!activateFirst()) return;
  try {
    await context.sync();
  } catch (e) {
    const p = placed[0];
    if (p && p.viewError === undefined) p.viewError = e;
  }
}

/** Write the report's sheets, each in its role (summary, units, narrative, quality). */
export function writeReport(
  context: Excel.RequestContext,
  out: OutputWorkbook,
  api: ApiCheck,
): Promise<PlacedSheet[]> {
  const roles: SheetRole[] = ['summary', 'units', 'narrative', 'quality'];
  return writeOwnedSheets(
    context,
    out.sheets.map((sheet, i) => ({ role: sheet.role ?? roles[i] ?? 'narrative', sheet })),
    api,
  );
}
