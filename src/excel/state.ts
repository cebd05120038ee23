/**
 * What Tally remembers in the workbook, in its settings (`context.workbook.settings`, saved
 * with the file, private to the add-in):
 *
 * - `tally.ownedSheets`: the sheets Tally wrote (report, narrative, explanations), each by id,
 *   with its name and role. A sheet is Tally's if its id is listed, so a user's sheet that has
 *   the same name, or a copy the user made of a Tally sheet (a copy gets a new id), is never
 *   replaced or deleted. Worksheet ids are not guaranteed to survive every save and reopen
 *   (office-js-docs #297, office-js #1390), so the name is kept too: when a listed id is gone,
 *   the sheet of that name is taken for Tally's only if it also carries Tally's marker, a
 *   sheet-scoped defined name (`TallyOwned`) written when Tally made the sheet.
 *
 * Stored as JSON text and read defensively: a value this version cannot read is treated as
 * empty rather than trusted. Records of the first version (ids only) are read too. Marks need
 * no record: they are conditional formats recognised by their rule (highlight.ts).
 */

export const OWNED_KEY = 'tally.ownedSheets';
/** The sheet-scoped defined name on every sheet Tally owns. */
export const OWNED_MARKER = 'TallyOwned';

export type SheetRole = 'summary' | 'units' | 'narrative' | 'explanations';
const ROLES: readonly SheetRole[] = ['summary', 'units', 'narrative', 'explanations'];

export interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
}

/** A sheet Tally wrote, as recorded. */
export interface OwnedRecord {
  id: string;
  name: string;
  role: SheetRole;
}

/** The workbook as the last read saw it: its sheets and Tally's settings. */
export interface WorkbookState {
  sheets: SheetInfo[];
  /** Tally's sheets by their present id. */
  owned: Map<string, SheetRole>;
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

const isRole = (r: unknown): r is SheetRole => ROLES.includes(r as SheetRole);

/** The owned-sheet record: `{version: 2, sheets: [{id, name, role}]}`, or version 1 `{id: role}`. */
export function parseOwnedRecords(value: unknown): OwnedRecord[] {
  const data = parseJson(value);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const list = (data as { sheets?: unknown }).sheets;
  if (Array.isArray(list)) {
    const out: OwnedRecord[] = [];
    for (const r of list as unknown[]) {
      if (typeof r !== 'object' || r === null) continue;
      const { id, name, role } = r as Record<string, unknown>;
      if (typeof id === 'string' && typeof name === 'string' && isRole(role)) {
        out.push({ id, name, role });
      }
    }
    return out;
  }
  return Object.entries(data as Record<string, unknown>).flatMap(([id, role]) =>
    id !== 'version' && isRole(role) ? [{ id, name: '', role }] : [],
  );
}

/** The recorded roles by recorded id. */
export function parseOwned(value: unknown): Map<string, SheetRole> {
  return new Map(parseOwnedRecords(value).map((r) => [r.id, r.role]));
}

export function serialiseOwned(records: readonly OwnedRecord[]): string {
  return JSON.stringify({
    version: 2,
    sheets: records.map((r) => ({ id: r.id, name: r.name, role: r.role })),
  });
}

/** A setting proxy as far as Tally uses it. `Excel.Setting` has it; so does the test fake. */
interface SettingProxy {
  load(propertyNames: string): unknown;
  readonly isNullObject: boolean;
  readonly value: unknown;
}

/** Queue the load of a setting; after the sync, read it with the returned function. */
export function loadSetting(context: Excel.RequestContext, key: string): () => unknown {
  const setting = context.workbook.settings.getItemOrNullObject(key) as unknown as SettingProxy;
  setting.load('value');
  return () => (setting.isNullObject ? undefined : setting.value);
}

/** Queue writing (or, when `value` is undefined, removing) a setting. */
export function saveSetting(
  context: Excel.RequestContext,
  key: string,
  value: string | undefined,
): void {
  if (value === undefined) {
    // getItemOrNullObject(...).delete() would fail on a null object; add-then-delete never does.
    context.workbook.settings.add(key, '');
    context.workbook.settings.getItem(key).delete();
  } else {
    context.workbook.settings.add(key, value);
  }
}

export const SHEET_PROPS = 'items/name,items/id,items/visibility';

/** The sheets of a loaded worksheet collection. */
export function sheetInfos(
  items: readonly { name: string; id: string; visibility: string }[],
): SheetInfo[] {
  return items.map((s) => ({ name: s.name, id: s.id, visibility: String(s.visibility) }));
}

/** Excel compares sheet names without regard to case. */
export function sameName(a: string, b: string): boolean {
  return a.toLocaleLowerCase() === b.toLocaleLowerCase();
}

/**
 * A name for a sheet Tally writes: `base` if free, else `base (Tally)`, `base (Tally 2)`, …,
 * cut to Excel's 31 characters. `taken` says whether a name is in use by another sheet.
 */
export function freeName(base: string, taken: (name: string) => boolean): string {
  const fit = (stem: string, suffix: string) => `${stem.slice(0, 31 - suffix.length)}${suffix}`;
  if (!taken(base) && base.length <= 31) return base;
  for (let n = 1; ; n++) {
    const name = fit(base, n === 1 ? ' (Tally)' : ` (Tally ${n})`);
    if (!taken(name)) return name;
  }
}
