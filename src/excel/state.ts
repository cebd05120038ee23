/**
 * What Tally remembers in the workbook, in its settings (`context.workbook.settings`,
 * ExcelApi 1.4; saved with the file, private to the add-in):
 *
 * - `tally.ownedSheets`: the sheets Tally wrote (report, narrative, explanations), each by id,
 *   with its name and role. A sheet is Tally's if its id is listed, so a user's sheet that has
 *   the same name, or a copy the user made of a Tally sheet (a copy gets a new id), is never
 *   replaced or deleted. Worksheet ids are not guaranteed to survive every save and reopen
 *   (office-js-docs #297, office-js #1390), so the name is kept too: when a listed id is gone,
 *   the sheet of that name is taken for Tally's only if it also carries Tally's marker, a
 *   sheet-scoped defined name (`TallyOwned`, ExcelApi 1.4) written when Tally made the sheet.
 *   Custom properties (ExcelApi 1.12) were not used: older hosts lack them.
 * - `tally.highlights`: every cell Tally highlighted, with the fill it had before, so "Clear
 *   highlights" restores it exactly, even after the pane (or the workbook) was closed. Grouped
 *   by sheet (id and name, the name for when the id changed), then by mark colour and original
 *   fill, with the cells as one space-separated list: a few bytes a cell.
 *
 * Both are stored as JSON text and read defensively: a value this version cannot read is
 * treated as empty rather than trusted. Records of the first version (ids only) are read too.
 */

export const OWNED_KEY = 'tally.ownedSheets';
export const MARKS_KEY = 'tally.highlights';
/** The sheet-scoped defined name on every sheet Tally owns. */
export const OWNED_MARKER = 'TallyOwned';

export type SheetRole = 'summary' | 'units' | 'narrative' | 'explanations';
const ROLES: readonly SheetRole[] = ['summary', 'units', 'narrative', 'explanations'];

/** A fill as it was before Tally marked the cell. `null` where the cell had no fill. */
export interface SavedFill {
  color: string;
  /** Only for a patterned fill (ExcelApi 1.9): `Gray25`, `LightDown`, …; absent when solid. */
  pattern?: string;
  patternColor?: string;
  /** Only when not 0 (ExcelApi 1.9). */
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface Mark {
  /** The worksheet's id (stable across renames). */
  sheet: string;
  /** The worksheet's name when the mark was recorded ('' in old records). */
  name: string;
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
  /** Marks, their `sheet` the present id where the sheet was found. */
  marks: Mark[];
  /**
   * Tally's conditional formats (ExcelApi 1.6) on the sheets read, their ids by worksheet id,
   * as loaded with the read; absent when they were not loaded.
   */
  formats?: Map<string, string[]>;
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

/**
 * The present sheet a record (id and name) stands for: the sheet with that id, else the sheet
 * of that name whose id no record claims. `claimed` holds the ids every record names.
 */
export function sheetFor(
  rec: { sheet: string; name: string },
  sheets: readonly SheetInfo[],
  claimed: ReadonlySet<string>,
): SheetInfo | undefined {
  const byId = sheets.find((s) => s.id === rec.sheet);
  if (byId) return byId;
  if (!rec.name) return undefined;
  return sheets.find((s) => sameName(s.name, rec.name) && !claimed.has(s.id));
}

/** Marks moved onto the present sheets (by id, else by name); marks of gone sheets dropped. */
export function resolveMarks(marks: readonly Mark[], sheets: readonly SheetInfo[]): Mark[] {
  const present = new Set(sheets.map((s) => s.id));
  const claimed = new Set(marks.map((m) => m.sheet).filter((id) => present.has(id)));
  const out: Mark[] = [];
  for (const m of marks) {
    const s = sheetFor(m, sheets, claimed);
    if (s) out.push({ ...m, sheet: s.id, name: s.name });
  }
  return out;
}

function isNum(v: unknown): v is number {
  return typeof v === 'number' && Number.isFinite(v);
}

function isFill(v: unknown): v is SavedFill {
  if (typeof v !== 'object' || v === null) return false;
  const f = v as Record<string, unknown>;
  return (
    typeof f.color === 'string' &&
    (f.pattern === undefined || typeof f.pattern === 'string') &&
    (f.patternColor === undefined || typeof f.patternColor === 'string') &&
    (f.tintAndShade === undefined || isNum(f.tintAndShade)) &&
    (f.patternTintAndShade === undefined || isNum(f.patternTintAndShade))
  );
}

/** A fill in the compact record: `[color, pattern?, patternColor?, tint?, patternTint?]`. */
type PackedFill = (string | number | null)[];

function packFill(f: SavedFill): PackedFill {
  const out: PackedFill = [
    f.color,
    f.pattern ?? null,
    f.patternColor ?? null,
    f.tintAndShade ?? null,
    f.patternTintAndShade ?? null,
  ];
  while (out.length > 1 && out[out.length - 1] === null) out.pop();
  return out;
}

function unpackFill(p: unknown): SavedFill | null | undefined {
  if (p === null) return null;
  if (!Array.isArray(p) || typeof p[0] !== 'string') return undefined;
  const [color, pattern, patternColor, tint, patternTint] = p as unknown[];
  const f: SavedFill = { color: color as string };
  if (typeof pattern === 'string') f.pattern = pattern;
  if (typeof patternColor === 'string') f.patternColor = patternColor;
  if (isNum(tint)) f.tintAndShade = tint;
  if (isNum(patternTint)) f.patternTintAndShade = patternTint;
  return f;
}

const CELL = /^[A-Z]{1,3}[1-9][0-9]{0,6}$/;

/**
 * The marks record. Version 2:
 * `{version: 2, fills: [null, ["#DDEBF7"], …], sheets: [{id, name, marks: {"#FFC7CE": [[fill, "B2 C2"], …]}}]}`
 * where `fill` indexes `fills`. Version 1: `{version: 1, marks: [{sheet, cell, original, mark}]}`.
 */
export function parseMarks(value: unknown): Mark[] {
  const data = parseJson(value);
  if (typeof data !== 'object' || data === null) return [];
  const out: Mark[] = [];
  const v2 = data as { fills?: unknown; sheets?: unknown };
  if (Array.isArray(v2.sheets)) {
    const fills = Array.isArray(v2.fills) ? (v2.fills as unknown[]).map(unpackFill) : [];
    for (const s of v2.sheets as unknown[]) {
      if (typeof s !== 'object' || s === null) continue;
      const { id, name, marks } = s as Record<string, unknown>;
      if (typeof id !== 'string' || typeof name !== 'string') continue;
      if (typeof marks !== 'object' || marks === null) continue;
      for (const [mark, groups] of Object.entries(marks as Record<string, unknown>)) {
        if (!Array.isArray(groups)) continue;
        for (const g of groups as unknown[]) {
          if (!Array.isArray(g) || typeof g[0] !== 'number' || typeof g[1] !== 'string') continue;
          const original = fills[g[0]];
          if (original === undefined) continue;
          for (const cell of g[1].split(' ')) {
            if (CELL.test(cell)) out.push({ sheet: id, name, cell, original, mark });
          }
        }
      }
    }
    return out;
  }
  const list = (data as { marks?: unknown }).marks;
  if (!Array.isArray(list)) return [];
  for (const m of list as unknown[]) {
    if (typeof m !== 'object' || m === null) continue;
    const { sheet, cell, original, mark, name } = m as Record<string, unknown>;
    if (typeof sheet !== 'string' || typeof cell !== 'string' || typeof mark !== 'string') continue;
    if (original !== null && !isFill(original)) continue;
    out.push({
      sheet,
      name: typeof name === 'string' ? name : '',
      cell,
      original: original as SavedFill | null,
      mark,
    });
  }
  return out;
}

export function serialiseMarks(marks: readonly Mark[]): string {
  const fills: (PackedFill | null)[] = [];
  const fillIndex = new Map<string, number>();
  const indexOf = (f: SavedFill | null) => {
    const packed = f ? packFill(f) : null;
    const k = JSON.stringify(packed);
    let i = fillIndex.get(k);
    if (i === undefined) {
      i = fills.length;
      fills.push(packed);
      fillIndex.set(k, i);
    }
    return i;
  };
  const sheets = new Map<string, { name: string; marks: Map<string, Map<number, string[]>> }>();
  for (const m of marks) {
    let s = sheets.get(m.sheet);
    if (!s) {
      s = { name: m.name, marks: new Map() };
      sheets.set(m.sheet, s);
    }
    let byFill = s.marks.get(m.mark);
    if (!byFill) {
      byFill = new Map();
      s.marks.set(m.mark, byFill);
    }
    const i = indexOf(m.original);
    const cells = byFill.get(i) ?? [];
    cells.push(m.cell);
    byFill.set(i, cells);
  }
  return JSON.stringify({
    version: 2,
    fills,
    sheets: [...sheets].map(([id, s]) => ({
      id,
      name: s.name,
      marks: Object.fromEntries(
        [...s.marks].map(([mark, byFill]) => [
          mark,
          [...byFill].map(([i, cells]) => [i, cells.join(' ')]),
        ]),
      ),
    })),
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
