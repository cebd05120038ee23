import { parseRange, rangeA1, type RangeRef } from '../core/model/a1';
import type { Finding } from '../core/validate/result';
import { inRequests } from './context';
import { isPayloadTooLarge, parseAreas } from './reader';
import type { SheetInfo } from './state';

/**
 * Highlighting the cells of findings, and taking the highlights off again.
 *
 * A mark is a custom conditional format whose rule is an always-true formula that is Tally's
 * own (`=N("TallyMark")=0` for errors, `=N("TallyWarn")=0` for warnings: N of a text is 0), its
 * format a fill. The cells' own fills are never changed, so taking the marks off (deleting the
 * conditional formats whose rule is one of Tally's) gives every cell its look back exactly, and
 * the user's own conditional formats are left alone. No record is needed: Tally's conditional
 * formats are found by their rule.
 *
 * Real Excel slows down with thousands of rules, and they travel with copy and paste, so each
 * sheet gets one conditional format per colour, over all its marked cells at once (a RangeAreas,
 * `worksheet.getRanges("B10:D10,C19")`, ExcelApi 1.9). Excel refuses an address list much past
 * 8,192 characters (office-js #5198), so a long one is cut into pieces of at most
 * MAX_ADDRESS_CHARS, each a conditional format of its own.
 *
 * Tally's conditional formats are loaded in a request of their own: loading the rules of a
 * sheet's conditional formats fails in some workbooks because of the user's own formats
 * (office-js #6827, #6835). Such a failure is contained: the sheets are then loaded one by one,
 * and on a sheet that still fails each custom format alone; a sheet whose formats cannot be
 * read at all is left unmarked and named, never marked twice over. A protected sheet cannot take
 * conditional formats: it is left unmarked and named too.
 */

export const MARK_COLOURS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** The rules of Tally's conditional formats: always TRUE, and recognisably Tally's. */
export const MARK_RULES = { error: '=N("TallyMark")=0', warning: '=N("TallyWarn")=0' } as const;

const RULE_TEXTS = new Set(Object.values(MARK_RULES).map((r) => normaliseRule(r)));

function normaliseRule(formula: string): string {
  return formula.replace(/\s+/g, '').toUpperCase();
}

/** Whether a custom rule's formula is one of Tally's marks. */
export function isTallyRule(formula: unknown): boolean {
  return typeof formula === 'string' && RULE_TEXTS.has(normaliseRule(formula));
}

/** Tally's conditional formats on each sheet (by worksheet id): their ids. */
export type TallyFormats = Map<string, string[]>;

const CUSTOM = 'Custom' as Excel.ConditionalFormatType;
const FORMAT_PROPS = 'items/id,items/type,items/customOrNullObject/rule/formula';
const LIGHT_PROPS = 'items/id,items/type';

/** The longest address list given to one `getRanges` (Excel's own limit is near 8,192). */
export const MAX_ADDRESS_CHARS = 4_000;
/** Conditional formats added per request (three actions each, an address list apiece). */
export const FORMATS_PER_REQUEST = 200;
/** Custom formats read one by one on a sheet whose list cannot be read; beyond, it is unread. */
const SINGLE_READS = 200;

export interface MarkTarget {
  /** Worksheet id (present). */
  sheet: string;
  cell: string;
  colour: string;
}

/**
 * The cells to mark for these findings: every cell an error or warning of the open workbook
 * read (on its own sheet or another of the same workbook), red for errors, yellow for
 * warnings; a cell of both is red. Cells of the previous period and of imported files are not
 * in the open workbook and are left out.
 */
export function markTargets(
  findings: readonly Finding[],
  file: string,
  sheets: readonly SheetInfo[],
): MarkTarget[] {
  const byKey = new Map<string, MarkTarget>();
  const ids = new Map(sheets.map((s) => [s.name, s.id]));
  for (const f of findings) {
    if (f.file !== file || (f.severity !== 'error' && f.severity !== 'warning')) continue;
    const colour = MARK_COLOURS[f.severity];
    for (const c of f.cells) {
      if (!c.cell || c.item.startsWith('PREV(')) continue;
      const id = ids.get(c.sheet ?? f.sheet);
      if (id === undefined) continue;
      const key = `${id}!${c.cell}`;
      const had = byKey.get(key);
      if (!had || (had.colour !== MARK_COLOURS.error && colour === MARK_COLOURS.error)) {
        byKey.set(key, { sheet: id, cell: c.cell, colour });
      }
    }
  }
  return [...byKey.values()];
}

/** Cells as few rectangles: runs along a row, then runs of equal runs down the rows. */
export function rectangles(cells: readonly string[]): RangeRef[] {
  const refs = cells.map((c) => parseRange(c)).sort((a, b) => a.top - b.top || a.left - b.left);
  const rowRuns: RangeRef[] = [];
  for (const c of refs) {
    const last = rowRuns[rowRuns.length - 1];
    if (last && last.top === c.top && c.left <= last.right + 1) {
      last.right = Math.max(last.right, c.right);
      continue;
    }
    rowRuns.push({ ...c });
  }
  // Stack a run onto the rectangle ending just above it with the same columns.
  const open = new Map<string, RangeRef>();
  const out: RangeRef[] = [];
  for (const run of rowRuns) {
    const k = `${run.left}:${run.right}`;
    const above = open.get(k);
    if (above && above.bottom === run.top - 1) {
      above.bottom = run.bottom;
      continue;
    }
    const rect = { ...run };
    open.set(k, rect);
    out.push(rect);
  }
  return out;
}

/** Comma-separated address lists of at most `max` characters (one range never cut). */
export function addressLists(rects: readonly RangeRef[], max = MAX_ADDRESS_CHARS): string[] {
  const lists: string[] = [];
  let current = '';
  for (const r of rects) {
    const a = rangeA1(r);
    if (current && current.length + 1 + a.length > max) {
      lists.push(current);
      current = '';
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) lists.push(current);
  return lists;
}

/** One conditional format to add: a sheet, a colour and an address list. */
interface Piece {
  sheet: string;
  colour: string;
  address: string;
}

function pieces(targets: readonly MarkTarget[]): Piece[] {
  const groups = new Map<string, { sheet: string; colour: string; cells: string[] }>();
  for (const t of targets) {
    const k = `${t.sheet}\u0000${t.colour}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: t.sheet, colour: t.colour, cells: [] }));
    g.cells.push(t.cell);
  }
  const out: Piece[] = [];
  for (const g of groups.values()) {
    for (const address of addressLists(rectangles(g.cells))) {
      out.push({ sheet: g.sheet, colour: g.colour, address });
    }
  }
  return out;
}

/** Worksheets by id, one proxy each (null objects for sheets that are gone). */
function sheetsOf(context: Excel.RequestContext) {
  const cache = new Map<string, Excel.Worksheet>();
  return (id: string) => {
    let ws = cache.get(id);
    if (!ws) {
      ws = context.workbook.worksheets.getItemOrNullObject(id);
      cache.set(id, ws);
    }
    return ws;
  };
}

/** What the workbook's sheets are now, for marking: ids, names and protection. One sync. */
async function presentSheets(
  context: Excel.RequestContext,
): Promise<{ id: string; name: string; protected: boolean }[]> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id,items/name,items/protection/protected');
  await context.sync();
  return worksheets.items.map((s) => ({
    id: s.id,
    name: s.name,
    protected: s.protection.protected === true,
  }));
}

type LoadedFormats = Excel.ConditionalFormatCollection;

function ours(items: readonly Excel.ConditionalFormat[]): string[] {
  return items
    .filter((cf) => {
      if (cf.type !== CUSTOM) return false;
      const custom = cf.customOrNullObject;
      return !custom.isNullObject && isTallyRule(custom.rule.formula);
    })
    .map((cf) => cf.id);
}

/**
 * Tally's conditional formats on one sheet whose list could not be read with its rules
 * (office-js #6827: two cellValue rules on one range): the list without them, then each custom
 * format's rule alone. Undefined when not even that works, or when a custom rule cannot be read
 * (office-js #6835): it could be one of Tally's, and marking again would mark twice.
 */
async function readOneByOne(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
): Promise<string[] | undefined> {
  const formats = sheet.getRange().conditionalFormats;
  formats.load(LIGHT_PROPS);
  try {
    await context.sync();
  } catch {
    return undefined;
  }
  const custom = formats.items.filter((cf) => cf.type === CUSTOM);
  if (custom.length > SINGLE_READS) return undefined;
  const found: string[] = [];
  for (const cf of custom) {
    const rule = formats.getItem(cf.id).custom.rule;
    rule.load('formula');
    try {
      await context.sync();
    } catch {
      return undefined;
    }
    if (isTallyRule(rule.formula)) found.push(cf.id);
  }
  return found;
}

export interface FormatsRead {
  found: TallyFormats;
  /** Sheets (ids) whose conditional formats could not be read at all. */
  unreadable: string[];
}

/**
 * Tally's conditional formats on the given sheets, in a request of their own (one sync when
 * nothing fails). A failure is contained: sheet by sheet, then format by format.
 */
export async function loadTallyFormats(
  context: Excel.RequestContext,
  sheetIds: readonly string[],
): Promise<FormatsRead> {
  const sheets = sheetsOf(context);
  const found: TallyFormats = new Map();
  const queue = (id: string): LoadedFormats => {
    const formats = sheets(id).getRange().conditionalFormats;
    formats.load(FORMAT_PROPS);
    return formats;
  };
  const all = sheetIds.map((id) => ({ id, formats: queue(id) }));
  try {
    await context.sync();
    for (const { id, formats } of all) found.set(id, ours(formats.items));
    return { found, unreadable: [] };
  } catch (e) {
    if (sheetIds.length === 0) throw e;
  }
  const unreadable: string[] = [];
  for (const id of sheetIds) {
    const formats = queue(id);
    try {
      await context.sync();
      found.set(id, ours(formats.items));
      continue;
    } catch {
      // Read the formats of this sheet one by one below.
    }
    const one = await readOneByOne(context, sheets(id));
    if (one) found.set(id, one);
    else unreadable.push(id);
  }
  return { found, unreadable };
}

export interface HighlightOutcome {
  /** Cells that now carry a mark. */
  marked: number;
  /** Cells marked before and no longer in question. */
  restored: number;
  /** Sheets (names) left unmarked because they are protected. */
  protectedSheets: string[];
  /** Sheets (names) left unmarked because Excel could not list their conditional formats. */
  unreadableSheets: string[];
}

/** Cells of a removed mark's address (`'a b'!B10:D10, 'a b'!C19`), up to a bound. */
function cellsIn(address: string, limit = 100_000): string[] {
  const out: string[] = [];
  for (const ref of parseAreas(address)) {
    for (let r = ref.top; r <= ref.bottom && out.length < limit; r++) {
      for (let c = ref.left; c <= ref.right && out.length < limit; c++) {
        out.push(rangeA1({ top: r, left: c, bottom: r, right: c }));
      }
    }
  }
  return out;
}

/** Queue deleting Tally's known formats; each deleted one's address is loaded first. */
function queueRemovals(
  context: Excel.RequestContext,
  known: TallyFormats,
  sheets: (id: string) => Excel.Worksheet,
): { sheet: string; areas: Excel.RangeAreas }[] {
  const removed: { sheet: string; areas: Excel.RangeAreas }[] = [];
  for (const [id, ids] of known) {
    if (ids.length === 0) continue;
    const formats = sheets(id).getRange().conditionalFormats;
    for (const cfId of ids) {
      const cf = formats.getItem(cfId);
      const areas = cf.getRanges();
      areas.load('address');
      removed.push({ sheet: id, areas });
      cf.delete();
    }
  }
  return removed;
}

/**
 * Mark `targets` with conditional formats, replacing Tally's present ones. Three syncs when the
 * marks fit in one request: the sheets with their protection; Tally's formats (loadTallyFormats,
 * a request of their own); the deletions and additions together. When that request fails for
 * another reason than its size (a sheet or a mark went since), it is done once more from the
 * start.
 */
export async function highlightWithFormats(
  context: Excel.RequestContext,
  targets: readonly MarkTarget[],
): Promise<HighlightOutcome> {
  const wanted = new Set(targets.map((t) => `${t.sheet}!${t.cell}`));
  for (let attempt = 0; ; attempt++) {
    const present = await presentSheets(context);
    const { found, unreadable } = await loadTallyFormats(
      context,
      present.map((s) => s.id),
    );
    const blocked = new Set(present.filter((s) => s.protected).map((s) => s.id));
    const markable = new Set(
      present.map((s) => s.id).filter((id) => !blocked.has(id) && !unreadable.includes(id)),
    );
    const todo = targets.filter((t) => markable.has(t.sheet));
    const removable = new Map([...found].filter(([id]) => markable.has(id)));
    const sheets = sheetsOf(context);
    let removed: { sheet: string; areas: Excel.RangeAreas }[] = [];
    const remove = () => {
      removed = queueRemovals(context, removable, sheets);
    };
    try {
      const list = pieces(todo);
      if (list.length === 0) {
        remove();
        if (removed.length > 0) await context.sync();
      } else {
        await inRequests(
          context,
          list,
          FORMATS_PER_REQUEST,
          (p) => {
            const cf = sheets(p.sheet).getRanges(p.address).conditionalFormats.add(CUSTOM);
            cf.custom.rule.formula =
              p.colour === MARK_COLOURS.error ? MARK_RULES.error : MARK_RULES.warning;
            cf.custom.format.fill.color = p.colour;
            return () => undefined;
          },
          remove,
        );
      }
    } catch (e) {
      if (attempt > 0 || isPayloadTooLarge(e)) throw e;
      continue;
    }
    const unmarked = new Set<string>();
    for (const { sheet, areas } of removed) {
      for (const cell of cellsIn(areas.address)) {
        if (!wanted.has(`${sheet}!${cell}`)) unmarked.add(`${sheet}!${cell}`);
      }
    }
    const names = new Map(present.map((s) => [s.id, s.name]));
    // A sheet left alone is named when it has cells to mark or marks of Tally's on it.
    const concerned = (id: string) =>
      targets.some((t) => t.sheet === id) || (found.get(id)?.length ?? 0) > 0;
    const named = (ids: Iterable<string>) =>
      [...ids]
        .filter((id) => unreadable.includes(id) || concerned(id))
        .map((id) => names.get(id) ?? id);
    return {
      marked: todo.length,
      restored: unmarked.size,
      protectedSheets: named([...blocked].filter(concerned)),
      unreadableSheets: named(unreadable),
    };
  }
}

export interface ClearOutcome {
  /** Cells that carried a mark and no longer do. */
  restored: number;
  protectedSheets: string[];
  unreadableSheets: string[];
}

/**
 * Take every mark off: delete Tally's conditional formats on every sheet (the sheets, Tally's
 * formats in their own request, the deletions: three syncs). A protected sheet with marks, or
 * a sheet whose formats cannot be read, keeps its marks and is named.
 */
export async function clearHighlights(context: Excel.RequestContext): Promise<ClearOutcome> {
  const present = await presentSheets(context);
  const { found, unreadable } = await loadTallyFormats(
    context,
    present.map((s) => s.id),
  );
  const blocked = new Set(present.filter((s) => s.protected).map((s) => s.id));
  const removable = new Map([...found].filter(([id]) => !blocked.has(id)));
  const removed = queueRemovals(context, removable, sheetsOf(context));
  for (const { areas } of removed) areas.load('cellCount');
  let restored = 0;
  if (removed.length > 0) {
    await context.sync();
    for (const { areas } of removed) restored += Math.max(0, areas.cellCount);
  }
  const names = new Map(present.map((s) => [s.id, s.name]));
  return {
    restored,
    protectedSheets: [...blocked]
      .filter((id) => (found.get(id)?.length ?? 0) > 0)
      .map((id) => names.get(id) ?? id),
    unreadableSheets: unreadable.map((id) => names.get(id) ?? id),
  };
}
