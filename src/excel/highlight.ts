import { parseRange, rangeA1, type RangeRef } from '../core/model/a1';
import type { Finding } from '../core/validate/result';
import { inRequests, sameColour, type ApiCheck } from './context';
import { isPayloadTooLarge } from './reader';
import {
  MARKS_KEY,
  SHEET_PROPS,
  loadSetting,
  parseMarks,
  resolveMarks,
  saveSetting,
  serialiseMarks,
  sheetInfos,
  type Mark,
  type SavedFill,
  type SheetInfo,
} from './state';

/**
 * Highlighting the cells of findings, and taking the highlights off again.
 *
 * Where the host has ExcelApi 1.6, a mark is a custom conditional format over the cells, its
 * rule an always-true formula that is Tally's own (`=N("TallyMark")=0` for errors,
 * `=N("TallyWarn")=0` for warnings: N of a text is 0), its format a fill. The cells' own fills
 * are never changed, so taking the marks off (deleting the conditional formats whose rule is
 * one of Tally's) gives every cell its fill back exactly, and the user's own conditional
 * formats are left alone. No record is needed; Tally's conditional formats are found by their
 * rule. The conditional formats of the sheets are loaded while the workbook is read, so
 * marking after an audit is one request.
 *
 * Without ExcelApi 1.6 the fills themselves are changed. Before a cell is marked, its fill is loaded and remembered in the workbook's settings
 * (state.ts), so "Clear highlights" puts back exactly what was there, after the pane or the
 * workbook was closed too. "No fill" and "white fill" are told apart by `format.fill.pattern`
 * (`None` for no fill, ExcelApi 1.9), or, where Excel reads the pattern as null for both
 * (office-js #4900), by `tintAndShade` (null only for no fill); a cell without a fill is
 * restored with `format.fill.clear()`, never painted white. Gradient fills cannot be set
 * through Office.js: such a cell gets its colour back. On a host without ExcelApi 1.9, where Office.js
 * reports `#FFFFFF` for a cell without a fill, white is taken as no fill: a deliberately white
 * cell comes back unfilled, which looks the same apart from the gridlines.
 *
 * A cell whose fill the user changed after Tally marked it is left as the user made it.
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

/** The conditional formats API (ExcelApi 1.6), used for marks where the host has it. */
export const FORMATS_API = '1.6';

/** Tally's conditional formats on each sheet (by worksheet id): their ids. */
export type TallyFormats = Map<string, string[]>;

const CUSTOM = 'Custom' as Excel.ConditionalFormatType;
const FORMAT_PROPS = 'items/id,items/type,items/customOrNullObject/rule/formula';

/** Conditional formats added per request (three actions each). */
export const FORMATS_PER_REQUEST = 2_000;

/**
 * Queue a load of the conditional formats on each sheet; after the sync, the returned function
 * gives Tally's among them, or undefined when the load did not happen (a failed request).
 */
export function queueTallyFormats(
  sheets: readonly { id: string; sheet: Excel.Worksheet }[],
): () => TallyFormats | undefined {
  const loads = sheets.map(({ id, sheet }) => {
    const formats = sheet.getRange().conditionalFormats;
    formats.load(FORMAT_PROPS);
    return { id, formats };
  });
  return () => {
    try {
      const out: TallyFormats = new Map();
      for (const { id, formats } of loads) {
        const ours = formats.items.filter((cf) => {
          if (cf.type !== CUSTOM) return false;
          const custom = cf.customOrNullObject;
          return !custom.isNullObject && isTallyRule(custom.rule.formula);
        });
        out.set(
          id,
          ours.map((cf) => cf.id),
        );
      }
      return out;
    } catch {
      return undefined;
    }
  };
}

/** Tally's conditional formats on every sheet the workbook has now, each present. Two syncs. */
async function loadTallyFormats(context: Excel.RequestContext): Promise<TallyFormats> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id');
  await context.sync();
  const found = queueTallyFormats(worksheets.items.map((sheet) => ({ id: sheet.id, sheet })));
  await context.sync();
  return found() ?? new Map(worksheets.items.map((sheet) => [sheet.id, []]));
}

/** Most cells a removed mark is counted by (a user may have stretched one over columns). */
const COUNTED_CELLS = 100_000;

/** Cells of an address (`'a b'!B10:D10`, `C19`); none for one that is not a plain range. */
function cellsIn(address: string): string[] {
  let ref: RangeRef;
  try {
    ref = parseRange(address.slice(address.lastIndexOf('!') + 1).replace(/\$/g, ''));
  } catch {
    return [];
  }
  if ((ref.bottom - ref.top + 1) * (ref.right - ref.left + 1) > COUNTED_CELLS) return [];
  const out: string[] = [];
  for (let r = ref.top; r <= ref.bottom; r++) {
    for (let c = ref.left; c <= ref.right; c++) {
      out.push(rangeA1({ top: r, left: c, bottom: r, right: c }));
    }
  }
  return out;
}

/** Targets as ranges: the cells of one sheet and colour, a run of a row as one range. */
function runs(targets: readonly MarkTarget[]): MarkTarget[] {
  const groups = new Map<string, { sheet: string; colour: string; cells: RangeRef[] }>();
  for (const t of targets) {
    const k = `${t.sheet}\u0000${t.colour}`;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = { sheet: t.sheet, colour: t.colour, cells: [] }));
    g.cells.push(parseRange(t.cell));
  }
  const out: MarkTarget[] = [];
  for (const g of groups.values()) {
    const cells = [...g.cells].sort((a, b) => a.top - b.top || a.left - b.left);
    let run: RangeRef | undefined;
    for (const c of cells) {
      if (run && c.top === run.top && c.left === run.right + 1) {
        run.right = c.right;
        continue;
      }
      if (run) out.push({ sheet: g.sheet, cell: rangeA1(run), colour: g.colour });
      run = { ...c };
    }
    if (run) out.push({ sheet: g.sheet, cell: rangeA1(run), colour: g.colour });
  }
  return out;
}

/**
 * Mark `targets` with conditional formats, deleting Tally's present ones (`found`, as loaded
 * with the read; loaded here when not known). One sync when the marks fit in one request. When
 * the request fails otherwise than for its size (the user deleted a sheet or a mark since the
 * read), Tally's conditional formats are loaded again and the marking done once more.
 */
export async function highlightWithFormats(
  context: Excel.RequestContext,
  targets: readonly MarkTarget[],
  found: TallyFormats | undefined,
): Promise<HighlightOutcome> {
  const wanted = new Set(targets.map((t) => `${t.sheet}!${t.cell}`));
  let ranges = runs(targets);
  let known = found;
  for (let attempt = 0; ; attempt++) {
    if (!known) {
      known = await loadTallyFormats(context);
      // The cells of a sheet deleted since the read are left out.
      const present = known;
      ranges = ranges.filter((t) => present.has(t.sheet));
    }
    const sheets = sheetsOf(context);
    const removed: { sheet: string; range: Excel.Range }[] = [];
    const remove = () => {
      removed.length = 0;
      for (const [id, ids] of known ?? []) {
        if (ids.length === 0) continue;
        const formats = sheets(id).getRange().conditionalFormats;
        for (const cfId of ids) {
          const cf = formats.getItem(cfId);
          const range = cf.getRangeOrNullObject();
          range.load('address');
          removed.push({ sheet: id, range });
          cf.delete();
        }
      }
    };
    try {
      if (ranges.length === 0) {
        remove();
        if (removed.length > 0) await context.sync();
      } else {
        await inRequests(
          context,
          ranges,
          FORMATS_PER_REQUEST,
          (t) => {
            const cf = sheets(t.sheet).getRange(t.cell).conditionalFormats.add(CUSTOM);
            cf.custom.rule.formula =
              t.colour === MARK_COLOURS.error ? MARK_RULES.error : MARK_RULES.warning;
            cf.custom.format.fill.color = t.colour;
            return () => undefined;
          },
          remove,
        );
      }
    } catch (e) {
      if (attempt > 0 || isPayloadTooLarge(e)) throw e;
      known = undefined;
      continue;
    }
    const unmarked = new Set<string>();
    for (const { sheet, range } of removed) {
      if (range.isNullObject) continue;
      for (const cell of cellsIn(range.address)) {
        if (!wanted.has(`${sheet}!${cell}`)) unmarked.add(`${sheet}!${cell}`);
      }
    }
    const onSheets = new Set(ranges.map((t) => t.sheet));
    const marked = targets.filter((t) => onSheets.has(t.sheet)).length;
    return { marked, restored: unmarked.size, kept: 0 };
  }
}

/** Cells per request when loading or writing fills (four actions a cell). */
export const FILLS_PER_REQUEST = 2_500;

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

/** A fill as loaded: colour, and with ExcelApi 1.9 pattern and tints (any may read null). */
interface LoadedFill {
  color: string;
  /** Whether the ExcelApi 1.9 properties were loaded. */
  extended: boolean;
  pattern?: string | null;
  patternColor?: string | null;
  tintAndShade?: number | null;
  patternTintAndShade?: number | null;
}

const EXTENDED_PROPS = 'color,pattern,patternColor,tintAndShade,patternTintAndShade';

function fillProps(api: ApiCheck): string {
  return api('1.9') ? EXTENDED_PROPS : 'color';
}

/** Gradient fills can be read but not set through Office.js. */
function isGradient(pattern: string | null | undefined): boolean {
  return typeof pattern === 'string' && /gradient/i.test(pattern);
}

/**
 * Whether a loaded fill is "no fill". Documented: pattern `None`. Excel as it is (office-js
 * #4900) may read pattern null both for no fill and for a solid fill, and colour `#FFFFFF` for
 * no fill and for white; there `tintAndShade` null tells no fill (a fill has a number).
 */
function isNoFill(f: LoadedFill): boolean {
  if (!f.extended) return sameColour(f.color, '#FFFFFF');
  return f.pattern === 'None' || (f.pattern == null && f.tintAndShade == null);
}

const tint = (v: number | null | undefined): number | undefined =>
  typeof v === 'number' && v !== 0 ? v : undefined;

/** What to remember of a loaded fill; `null` for no fill. */
export function toSaved(
  f: Omit<LoadedFill, 'extended'> & { extended?: boolean },
): SavedFill | null {
  const loaded: LoadedFill = { ...f, extended: f.extended ?? f.pattern !== undefined };
  if (isNoFill(loaded)) return null;
  const out: SavedFill = { color: f.color };
  const t = tint(f.tintAndShade);
  if (t !== undefined) out.tintAndShade = t;
  // A null pattern on a filled cell is Excel's way of saying solid; gradients are kept as
  // their colour only, since they cannot be set again.
  if (f.pattern == null || f.pattern === 'Solid' || isGradient(f.pattern)) return out;
  out.pattern = f.pattern;
  if (f.patternColor) out.patternColor = f.patternColor;
  const pt = tint(f.patternTintAndShade);
  if (pt !== undefined) out.patternTintAndShade = pt;
  return out;
}

/** Whether a cell still shows the colour Tally put there (solid; a null pattern is solid). */
function stillMarked(f: LoadedFill, m: Mark): boolean {
  return sameColour(f.color, m.mark) && (!f.extended || f.pattern == null || f.pattern === 'Solid');
}

type FillProxy = Excel.RangeFill;

/** Queue putting a remembered fill back. A gradient pattern is never set: colour only. */
export function restoreFill(fill: FillProxy, original: SavedFill | null): void {
  fill.clear();
  if (!original) return;
  fill.color = original.color;
  if (original.tintAndShade !== undefined) fill.tintAndShade = original.tintAndShade;
  if (original.pattern && original.pattern !== 'Solid' && !isGradient(original.pattern)) {
    fill.pattern = original.pattern as Excel.FillPattern;
    if (original.patternColor) fill.patternColor = original.patternColor;
    if (original.patternTintAndShade !== undefined) {
      fill.patternTintAndShade = original.patternTintAndShade;
    }
  }
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

/** The ids of the sheets the workbook has now. One sync. */
async function presentSheets(context: Excel.RequestContext): Promise<Set<string>> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id');
  await context.sync();
  return new Set(worksheets.items.map((s) => s.id));
}

/**
 * Run `each` over cells in requests of FILLS_PER_REQUEST (halved when refused as too large).
 * When a request fails otherwise, a sheet may have been deleted meanwhile: the cells of sheets
 * that are gone are dropped and the rest tried once more.
 */
async function overCells<C extends { sheet: string }>(
  context: Excel.RequestContext,
  cells: readonly C[],
  each: (c: C, sheet: (id: string) => Excel.Worksheet) => () => void,
  first?: () => void,
): Promise<C[]> {
  const done = new Set<C>();
  let todo = [...cells];
  for (let attempt = 0; ; attempt++) {
    const sheet = sheetsOf(context);
    try {
      await inRequests(
        context,
        todo,
        FILLS_PER_REQUEST,
        (c) => {
          const after = each(c, sheet);
          return () => {
            after();
            done.add(c);
          };
        },
        first,
      );
      return todo;
    } catch (e) {
      if (attempt > 0 || isPayloadTooLarge(e)) throw e;
      // The record went with the first request; once that succeeded it is not sent again.
      if (done.size > 0) first = undefined;
      const present = await presentSheets(context);
      const left = todo.filter((c) => !done.has(c));
      const kept = left.filter((c) => present.has(c.sheet));
      if (kept.length === left.length) throw e;
      todo = kept;
    }
  }
}

/** Load the fills of cells, in as few requests as fit. */
async function loadFills(
  context: Excel.RequestContext,
  cells: readonly { sheet: string; cell: string }[],
  api: ApiCheck,
): Promise<Map<string, LoadedFill>> {
  const out = new Map<string, LoadedFill>();
  const props = fillProps(api);
  await overCells(context, cells, (c, sheet) => {
    const fill = sheet(c.sheet).getRange(c.cell).format.fill;
    fill.load(props);
    return () => {
      const loaded: LoadedFill = { color: fill.color, extended: props !== 'color' };
      if (loaded.extended) {
        loaded.pattern = fill.pattern;
        loaded.patternColor = fill.patternColor;
        loaded.tintAndShade = fill.tintAndShade;
        loaded.patternTintAndShade = fill.patternTintAndShade;
      }
      out.set(`${c.sheet}!${c.cell}`, loaded);
    };
  });
  return out;
}

type Write = { sheet: string; cell: string } & (
  { kind: 'mark'; colour: string; reset: boolean } | { kind: 'restore'; original: SavedFill | null }
);

/**
 * Whether marking the cell needs its fill cleared first (a pattern, a gradient or a tint that
 * setting the colour would leave). A plain cell gets one operation, the colour, so a request
 * that fails part way never leaves a cell cleared but not marked.
 */
function needsReset(f: LoadedFill): boolean {
  if (!f.extended) return true;
  const plain = f.pattern == null || f.pattern === 'None' || f.pattern === 'Solid';
  return !plain || tint(f.tintAndShade) !== undefined;
}

/**
 * Queue the writes in requests that fit. `marks`, if given, is the record to save first: at
 * the head of the first request, so it is in the workbook before any cell is painted.
 */
async function applyWrites(
  context: Excel.RequestContext,
  writes: readonly Write[],
  marks?: readonly Mark[],
): Promise<void> {
  const record = marks && (() => queueMarks(context, marks));
  if (writes.length === 0) {
    if (!record) return;
    record();
    await context.sync();
    return;
  }
  await overCells(
    context,
    writes,
    (w, sheet) => {
      const fill = sheet(w.sheet).getRange(w.cell).format.fill;
      if (w.kind === 'mark') {
        if (w.reset) fill.clear();
        fill.color = w.colour;
      } else {
        restoreFill(fill, w.original);
      }
      return () => undefined;
    },
    record,
  );
}

/** Queue writing (or with no marks, removing) the record of marks. */
function queueMarks(context: Excel.RequestContext, marks: readonly Mark[]): void {
  saveSetting(context, MARKS_KEY, marks.length > 0 ? serialiseMarks(marks) : undefined);
}

/** Write (or with no marks, remove) the record of marks. One sync. */
async function saveMarks(context: Excel.RequestContext, marks: readonly Mark[]): Promise<void> {
  queueMarks(context, marks);
  await context.sync();
}

export interface HighlightOutcome {
  /** Cells that now carry a mark. */
  marked: number;
  /** Cells marked before and no longer in question, given back their fill. */
  restored: number;
  /** Cells the user refilled after Tally marked them, left alone. */
  kept: number;
}

/**
 * Mark `targets`, given the marks already in the workbook (`previous`, from the same read),
 * and take off the marks of cells no longer in question. The record is written before any
 * cell is painted (the old and new marks together), so a failure part way leaves no painted
 * cell unrecorded; it shrinks to the new marks once the old ones are restored. When the cells
 * fit in one request: load the fills, write the record, paint, and (if any mark was taken
 * off) write the final record.
 */
export async function highlight(
  context: Excel.RequestContext,
  targets: readonly MarkTarget[],
  previous: readonly Mark[],
  sheets: readonly SheetInfo[],
  api: ApiCheck,
): Promise<HighlightOutcome> {
  const old = new Map<string, Mark>();
  for (const m of resolveMarks(previous, sheets)) old.set(`${m.sheet}!${m.cell}`, m);
  const names = new Map(sheets.map((s) => [s.id, s.name]));
  const want = new Map(targets.map((t) => [`${t.sheet}!${t.cell}`, t]));
  const all = new Map<string, { sheet: string; cell: string }>();
  for (const [k, v] of [...old, ...want]) all.set(k, { sheet: v.sheet, cell: v.cell });
  if (all.size === 0) return { marked: 0, restored: 0, kept: 0 };

  const fills = await loadFills(context, [...all.values()], api);
  const writes: Write[] = [];
  const marks: Mark[] = [];
  /** Old marks to take off: in the record until their cells are restored. */
  const leaving: Mark[] = [];
  let restored = 0;
  let kept = 0;
  for (const [k, m] of old) {
    const now = fills.get(k);
    if (!now) continue;
    const ours = stillMarked(now, m);
    const t = want.get(k);
    if (t) {
      marks.push({ ...m, original: ours ? m.original : toSaved(now), mark: t.colour });
      if (!ours || !sameColour(m.mark, t.colour)) {
        writes.push({ ...t, kind: 'mark', reset: needsReset(now) });
      }
    } else if (ours) {
      writes.push({ sheet: m.sheet, cell: m.cell, kind: 'restore', original: m.original });
      leaving.push(m);
      restored++;
    } else {
      kept++;
    }
  }
  for (const [k, t] of want) {
    if (old.has(k)) continue;
    const now = fills.get(k);
    if (!now) continue;
    const name = names.get(t.sheet) ?? '';
    marks.push({ sheet: t.sheet, name, cell: t.cell, original: toSaved(now), mark: t.colour });
    writes.push({ ...t, kind: 'mark', reset: needsReset(now) });
  }
  await applyWrites(context, writes, [...marks, ...leaving]);
  if (leaving.length > 0) await saveMarks(context, marks);
  return { marked: marks.length, restored, kept };
}

export interface ClearOutcome {
  restored: number;
  kept: number;
}

/**
 * Take every mark off. With ExcelApi 1.6: delete Tally's conditional formats on every sheet
 * (the sheets and the record, the conditional formats, the deletions: three syncs). Marks of
 * the fill path (a record in the settings, from a host without ExcelApi 1.6 or an earlier
 * version) are taken off too: every marked cell gets its remembered fill back (its present
 * fill, the writes) and the record is removed.
 */
export async function clearHighlights(
  context: Excel.RequestContext,
  api: ApiCheck,
): Promise<ClearOutcome> {
  const record = loadSetting(context, MARKS_KEY);
  const worksheets = context.workbook.worksheets;
  worksheets.load(SHEET_PROPS);
  await context.sync();
  let restored = 0;
  if (api(FORMATS_API)) {
    const found = queueTallyFormats(worksheets.items.map((sheet) => ({ id: sheet.id, sheet })));
    await context.sync();
    const sheets = sheetsOf(context);
    const counts: Excel.Range[] = [];
    for (const [id, ids] of found() ?? []) {
      if (ids.length === 0) continue;
      const formats = sheets(id).getRange().conditionalFormats;
      for (const cfId of ids) {
        const cf = formats.getItem(cfId);
        const range = cf.getRangeOrNullObject();
        range.load('cellCount');
        counts.push(range);
        cf.delete();
      }
    }
    if (counts.length > 0) {
      await context.sync();
      for (const r of counts) if (!r.isNullObject) restored += r.cellCount;
    }
  }
  if (record() === undefined) return { restored, kept: 0 };
  const fills = await clearFills(context, api, parseMarks(record()), sheetInfos(worksheets.items));
  return { restored: restored + fills.restored, kept: fills.kept };
}

/** Give every cell marked with a fill its remembered fill back, then forget the marks. */
export async function clearFills(
  context: Excel.RequestContext,
  api: ApiCheck,
  stored: readonly Mark[],
  present: readonly SheetInfo[],
): Promise<ClearOutcome> {
  const marks = resolveMarks(stored, present);
  const fills = await loadFills(context, marks, api);
  const writes: Write[] = [];
  let kept = 0;
  for (const m of marks) {
    const now = fills.get(`${m.sheet}!${m.cell}`);
    if (now && stillMarked(now, m)) {
      writes.push({ sheet: m.sheet, cell: m.cell, kind: 'restore', original: m.original });
    } else {
      kept++;
    }
  }
  await applyWrites(context, writes);
  await saveMarks(context, []);
  return { restored: writes.length, kept };
}
