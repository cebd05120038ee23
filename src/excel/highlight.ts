import type { Finding } from '../core/validate/result';
import { inRequests, sameColour, type ApiCheck } from './context';
import {
  MARKS_KEY,
  loadSetting,
  parseMarks,
  saveSetting,
  serialiseMarks,
  type Mark,
  type SavedFill,
  type SheetInfo,
} from './state';

/**
 * Highlighting the cells of findings, and taking the highlights off again.
 *
 * Before a cell is marked, its fill is loaded and remembered in the workbook's settings
 * (state.ts), so "Clear highlights" puts back exactly what was there, after the pane or the
 * workbook was closed too. "No fill" and "white fill" are told apart by `format.fill.pattern`
 * (`None` for no fill, ExcelApi 1.9); a cell without a fill is restored with
 * `format.fill.clear()`, never painted white. On a host without ExcelApi 1.9, where Office.js
 * reports `#FFFFFF` for a cell without a fill, white is taken as no fill: a deliberately white
 * cell comes back unfilled, which looks the same apart from the gridlines.
 *
 * A cell whose fill the user changed after Tally marked it is left as the user made it.
 */

export const MARK_COLOURS = { error: '#FFC7CE', warning: '#FFEB9C' } as const;

/** Cells per request when loading or writing fills (four actions a cell). */
export const FILLS_PER_REQUEST = 2_500;

export interface MarkTarget {
  /** Worksheet id. */
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

/** A fill as loaded: colour, and pattern where the host has it. */
interface LoadedFill {
  color: string;
  pattern?: string;
  patternColor?: string;
}

function fillProps(api: ApiCheck): string {
  return api('1.9') ? 'color,pattern,patternColor' : 'color';
}

/** What to remember of a loaded fill; `null` for no fill. */
export function toSaved(f: LoadedFill): SavedFill | null {
  if (f.pattern !== undefined) {
    if (f.pattern === 'None') return null;
    if (f.pattern === 'Solid') return { color: f.color };
    return {
      color: f.color,
      pattern: f.pattern,
      ...(f.patternColor ? { patternColor: f.patternColor } : {}),
    };
  }
  return sameColour(f.color, '#FFFFFF') ? null : { color: f.color };
}

/** Whether a cell still shows the colour Tally put there. */
function stillMarked(f: LoadedFill, m: Mark): boolean {
  return sameColour(f.color, m.mark) && (f.pattern === undefined || f.pattern === 'Solid');
}

type FillProxy = Excel.RangeFill;

/** Queue putting a remembered fill back. */
export function restoreFill(fill: FillProxy, original: SavedFill | null): void {
  fill.clear();
  if (!original) return;
  fill.color = original.color;
  if (original.pattern) {
    fill.pattern = original.pattern as Excel.FillPattern;
    if (original.patternColor) fill.patternColor = original.patternColor;
  }
}

/** Worksheets by id, each fetched once per request. */
function sheetsOf(context: Excel.RequestContext) {
  const cache = new Map<string, Excel.Worksheet>();
  return (id: string) => {
    let ws = cache.get(id);
    if (!ws) {
      ws = context.workbook.worksheets.getItem(id);
      cache.set(id, ws);
    }
    return ws;
  };
}

/** Load the fills of cells, in as few requests as fit. */
async function loadFills(
  context: Excel.RequestContext,
  cells: readonly { sheet: string; cell: string }[],
  api: ApiCheck,
): Promise<Map<string, LoadedFill>> {
  const out = new Map<string, LoadedFill>();
  const props = fillProps(api);
  await inRequests(context, cells, FILLS_PER_REQUEST, (c) => {
    const fill = context.workbook.worksheets.getItem(c.sheet).getRange(c.cell).format.fill;
    fill.load(props);
    return () => {
      const loaded: LoadedFill = { color: fill.color };
      if (props !== 'color') {
        loaded.pattern = fill.pattern;
        loaded.patternColor = fill.patternColor;
      }
      out.set(`${c.sheet}!${c.cell}`, loaded);
    };
  });
  return out;
}

type Write = { sheet: string; cell: string } & (
  { kind: 'mark'; colour: string } | { kind: 'restore'; original: SavedFill | null }
);

/** Queue the writes in requests that fit, then the remembered marks with the last one. */
async function applyWrites(
  context: Excel.RequestContext,
  writes: readonly Write[],
  marks: readonly Mark[],
): Promise<void> {
  const sheet = sheetsOf(context);
  const queue = (w: Write) => {
    const fill = sheet(w.sheet).getRange(w.cell).format.fill;
    if (w.kind === 'mark') {
      fill.clear();
      fill.color = w.colour;
    } else {
      restoreFill(fill, w.original);
    }
    return () => undefined;
  };
  const head = writes.slice(0, Math.max(0, writes.length - FILLS_PER_REQUEST));
  const tail = writes.slice(head.length);
  if (head.length > 0) await inRequests(context, head, FILLS_PER_REQUEST, queue);
  // The last request carries the record too, so marks and record never part.
  tail.forEach(queue);
  saveSetting(context, MARKS_KEY, marks.length > 0 ? serialiseMarks(marks) : undefined);
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
 * and take off the marks of cells no longer in question. Two syncs when the cells fit in one
 * request: load the fills, then write marks, restored fills and the record together.
 */
export async function highlight(
  context: Excel.RequestContext,
  targets: readonly MarkTarget[],
  previous: readonly Mark[],
  sheets: readonly SheetInfo[],
  api: ApiCheck,
): Promise<HighlightOutcome> {
  const exists = new Set(sheets.map((s) => s.id));
  const old = new Map<string, Mark>();
  for (const m of previous) if (exists.has(m.sheet)) old.set(`${m.sheet}!${m.cell}`, m);
  const want = new Map(targets.map((t) => [`${t.sheet}!${t.cell}`, t]));
  const all = new Map<string, { sheet: string; cell: string }>();
  for (const [k, v] of [...old, ...want]) all.set(k, { sheet: v.sheet, cell: v.cell });
  if (all.size === 0) return { marked: 0, restored: 0, kept: 0 };

  const fills = await loadFills(context, [...all.values()], api);
  const writes: Write[] = [];
  const marks: Mark[] = [];
  let restored = 0;
  let kept = 0;
  for (const [k, m] of old) {
    const now = fills.get(k);
    if (!now) continue;
    const ours = stillMarked(now, m);
    const t = want.get(k);
    if (t) {
      marks.push({ ...m, original: ours ? m.original : toSaved(now), mark: t.colour });
      if (!ours || !sameColour(m.mark, t.colour)) writes.push({ ...t, kind: 'mark' });
    } else if (ours) {
      writes.push({ sheet: m.sheet, cell: m.cell, kind: 'restore', original: m.original });
      restored++;
    } else {
      kept++;
    }
  }
  for (const [k, t] of want) {
    if (old.has(k)) continue;
    const now = fills.get(k);
    if (!now) continue;
    marks.push({ sheet: t.sheet, cell: t.cell, original: toSaved(now), mark: t.colour });
    writes.push({ ...t, kind: 'mark' });
  }
  await applyWrites(context, writes, marks);
  return { marked: marks.length, restored, kept };
}

export interface ClearOutcome {
  restored: number;
  kept: number;
}

/**
 * Give every marked cell its remembered fill back and forget the marks. Three syncs: the
 * record and the sheets, the cells' present fills, the writes.
 */
export async function clearHighlights(
  context: Excel.RequestContext,
  api: ApiCheck,
): Promise<ClearOutcome> {
  const record = loadSetting(context, MARKS_KEY);
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/id');
  await context.sync();
  const stored = parseMarks(record());
  if (stored.length === 0 && record() === undefined) return { restored: 0, kept: 0 };
  const exists = new Set(worksheets.items.map((s) => s.id));
  const marks = stored.filter((m) => exists.has(m.sheet));
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
  await applyWrites(context, writes, []);
  return { restored: writes.length, kept };
}
