/**
 * What Tally remembers in the workbook, in its settings (`context.workbook.settings`,
 * ExcelApi 1.4; saved with the file, private to the add-in):
 *
 * - `tally.ownedSheets`: the ids of the sheets Tally wrote (report, narrative, explanations)
 *   and their role. A sheet is Tally's only if its id is listed, so a user's sheet that has
 *   the same name, or a copy the user made of a Tally sheet (a copy gets a new id), is never
 *   replaced or deleted. Custom properties (ExcelApi 1.12) were not used: a copied sheet keeps
 *   them, and older hosts lack them.
 * - `tally.highlights`: every cell Tally highlighted, with the fill it had before, so "Clear
 *   highlights" restores it exactly, even after the pane (or the workbook) was closed.
 *
 * Both are stored as JSON text and read defensively: a value this version cannot read is
 * treated as empty rather than trusted.
 */

export const OWNED_KEY = 'tally.ownedSheets';
export const MARKS_KEY = 'tally.highlights';

export type SheetRole = 'summary' | 'narrative' | 'explanations';
const ROLES: readonly SheetRole[] = ['summary', 'narrative', 'explanations'];

/** A fill as it was before Tally marked the cell. `null` where the cell had no fill. */
export interface SavedFill {
  color: string;
  /** Only for a patterned fill (ExcelApi 1.9): `Gray25`, `LightDown`, …; absent when solid. */
  pattern?: string;
  patternColor?: string;
}

export interface Mark {
  /** The worksheet's id (stable across renames). */
  sheet: string;
  /** A1 address of one cell. */
  cell: string;
  original: SavedFill | null;
  /** The colour Tally put there. */
  mark: string;
}

export interface SheetInfo {
  name: string;
  id: string;
  visibility: string;
}

/** The workbook as the last read saw it: its sheets and Tally's settings. */
export interface WorkbookState {
  sheets: SheetInfo[];
  owned: Map<string, SheetRole>;
  marks: Mark[];
}

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value ?? undefined;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return undefined;
  }
}

export function parseOwned(value: unknown): Map<string, SheetRole> {
  const out = new Map<string, SheetRole>();
  const data = parseJson(value);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return out;
  for (const [id, role] of Object.entries(data as Record<string, unknown>)) {
    if (ROLES.includes(role as SheetRole)) out.set(id, role as SheetRole);
  }
  return out;
}

export function serialiseOwned(owned: ReadonlyMap<string, SheetRole>): string {
  return JSON.stringify(Object.fromEntries(owned));
}

function isFill(v: unknown): v is SavedFill {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.color === 'string' &&
    (f.pattern === undefined || typeof f.pattern === 'string') &&
    (f.patternColor === undefined || typeof f.patternColor === 'string')
  );
}

export function parseMarks(value: unknown): Mark[] {
  const data = parseJson(value);
  if (typeof data !== 'object' || data === null) return [];
  const list = (data as { marks?: unknown }).marks;
  if (!Array.isArray(list)) return [];
  const out: Mark[] = [];
  for (const m of list as unknown[]) {
    if (typeof m !== 'object' || m === null) continue;
    const { sheet, cell, original, mark } = m as Record<string, unknown>;
    if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof mark !== 'string') continue;
    if (original !== null && !isFill(original)) continue;
    out.push({ sheet, cell, original: original as SavedFill | null, mark });
  }
  return out;
}

export function serialiseMarks(marks: readonly Mark[]): string {
  return JSON.stringify({ version: 1, marks });
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

/** Queue loading the sheets and both settings; resolve them after the next sync. */
export function queueState(context: Excel.RequestContext): () => WorkbookState {
  const sheets = context.workbook.worksheets;
  sheets.load(SHEET_PROPS);
  const owned = loadSetting(context, OWNED_KEY);
  const marks = loadSetting(context, MARKS_KEY);
  return () => ({
    sheets: sheetInfos(sheets.items),
    owned: parseOwned(owned()),
    marks: parseMarks(marks()),
  });
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
