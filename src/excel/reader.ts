import { parseRange, rangeA1, type RangeRef } from '../core/model/a1';
import { CellError, EXCEL_ERROR_CODES, type Cell } from '../core/model/cell';
import type { RowSheet, RowSheet as SheetData } from '../core/model/workbook';
import type { WorkbookSource } from '../core/ports';
import { TallyError } from '../core/errors';
import { supportsExcelApi } from './host';
import { readHiddenRows, type RangeViewProxy } from './hidden-rows';
import { readPercentCells } from './percent-cells';

/**
 * Reading the open workbook through Office.js, in as few round trips as possible:
 *   sync 1  the worksheets' names (and ids), with whatever the caller queued (Tally's settings);
 *   sync 2  every sheet's used range: its position, size, values and merged areas, all at once;
 *   sync 3  how many of each sheet's rows are visible, and (only for a sheet with rows hidden)
 *           which (hidden-rows.ts).
 * When that request fails (Excel refuses the payload, returns no values for a range above its
 * get limit, or fails the merged areas), or when an earlier read showed the workbook above the
 * cell limit, the reading goes step by step: the used ranges and merged areas in one sync, then
 * the values of every sheet in one more when they fit in one request, else in row blocks, a
 * block Excel refuses being halved and read again.
 */

/** The part of an Excel range the reader touches. `Excel.Range` has it; so does the test fake. */
export interface RangeProxy {
  load(propertyNames: string): unknown;
  readonly isNullObject: boolean;
  readonly address: string;
  readonly rowIndex: number;
  readonly columnIndex: number;
  readonly rowCount: number;
  readonly columnCount: number;
  readonly values: unknown[][];
  /** Loaded for targets sheets only (percent-cells.ts). */
  readonly numberFormat: unknown;
  /** The visible cells (ExcelApi 1.3): which rows are hidden. */
  getVisibleView(): RangeViewProxy;
}

export interface RangeAreasProxy {
  load(propertyNames: string): unknown;
  readonly isNullObject: boolean;
  readonly address: string;
}

export interface WorksheetProxy {
  readonly name: string;
  /** `Visible`, `Hidden` or `VeryHidden`; loaded with the names by `readIn`. */
  readonly visibility?: string;
  /** Loaded only when asked for (`sheetProps`). */
  readonly id: string;
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy;
  /** On an empty sheet, A1 (never a null object). */
  getUsedRange(valuesOnly?: boolean): { getMergedAreasOrNullObject(): RangeAreasProxy };
  getRange(address?: string): RangeProxy;
}

export interface ReaderContext {
  readonly workbook: {
    readonly worksheets: {
      load(propertyNames: string): unknown;
      readonly items: readonly WorksheetProxy[];
      getItem(name: string): WorksheetProxy;
    };
  };
  sync(): Promise<unknown>;
}

/** `Excel.run`, or a stand-in that hands the batch a fake context. */
export type ExcelRun = <T>(batch: (context: ReaderContext) => Promise<T>) => Promise<T>;

export interface ExcelReaderOptions {
  /** A name for messages, e.g. "当前工作簿". */
  name?: string;
  /** Defaults to `Excel.run`. */
  run?: ExcelRun;
  /** Read merged areas (ExcelApi 1.13). Defaults to whether the host supports them. */
  merges?: boolean;
  /** Above this many cells in one request, values are read in row blocks. */
  cellLimit?: number;
  /** Rows per block to start with; halved whenever Excel refuses a block. */
  blockRows?: number;
}

/** Excel's get limit for one range is five million cells on every platform. */
export const DEFAULT_CELL_LIMIT = 5_000_000;
export const DEFAULT_BLOCK_ROWS = 10_000;

const DIMENSIONS = 'address,rowIndex,columnIndex,rowCount,columnCount';
const PAYLOAD_ERRORS = new Set([
  'RequestPayloadSizeLimitExceeded',
  'ResponsePayloadSizeLimitExceeded',
  // The cell count of the range exceeds what Excel handles in one go.
  'RangeExceedsLimit',
]);
const ERROR_CODES = new Set(EXCEL_ERROR_CODES);

/** Excel refused a request or a response as too large (Excel on the web: 5 MB). */
export function isPayloadTooLarge(e: unknown): boolean {
  if (typeof e !== 'object' || e === null) return false;
  const code = (e as { code?: unknown }).code;
  return typeof code === 'string' && PAYLOAD_ERRORS.has(code);
}

/**
 * One row of a sheet is more than Excel hands over in one response (Excel on the web: 5 MB; a
 * row of long texts across thousands of columns): nothing smaller can be asked for, so the
 * reading stops and names the row.
 */
export class RowTooLargeError extends TallyError {
  override name = 'RowTooLargeError';
  readonly code = 'RowTooLarge';
  constructor(
    readonly sheet: string,
    /** 1-based, as Excel shows it. */
    readonly row: number,
    /** Excel's own error. */
    override readonly cause?: unknown,
  ) {
    super('pane.rowTooLarge', { sheet, row });
  }
}

/** Excel returned no values for a range it judged too large (it may, instead of failing). */
class ValuesMissingError extends Error {
  override name = 'ValuesMissingError';
}

/** A value as Office.js returns it, as a cell of the engine. */
export function toCell(v: unknown): Cell {
  if (typeof v === 'string') {
    if (v === '') return null;
    return ERROR_CODES.has(v) ? new CellError(v) : v;
  }
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  return v === null || v === undefined ? null : String(v);
}

/** The merged areas in a RangeAreas address: `Sheet1!A1:E1, Sheet1!B2:D2` or `'a, b'!A1:B2`. */
export function parseAreas(address: string): RangeRef[] {
  const out: RangeRef[] = [];
  const re = /!(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?)(?=\s*,|\s*$)/g;
  for (const m of address.matchAll(re)) {
    const ref = m[1];
    if (!ref) continue;
    out.push(parseRange(ref.replace(/\$/g, '')));
  }
  return out;
}

/** Queue a load of the merged areas within a sheet's used range (values only). */
function mergedAreas(sheet: WorksheetProxy): RangeAreasProxy {
  const areas = sheet.getUsedRange(true).getMergedAreasOrNullObject();
  areas.load('address');
  return areas;
}

/** A sheet's used range as measured in sync 2. */
interface Extent {
  sheet: WorksheetProxy;
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
  merges?: RangeRef[];
}

export class ExcelWorkbookSource implements WorkbookSource {
  readonly name: string;
  private readonly run: ExcelRun;
  private readonly mergesWanted: boolean | undefined;
  private readonly cellLimit: number;
  /** Rows per block that Excel last accepted; kept between blocks and reads. */
  private blockRows: number;
  /** Cells of the last read's used ranges (0 before the first): above the limit, no one-go read. */
  private lastCells = 0;
  /** Whether the last one-go read was refused as too large. */
  private refused = false;

  constructor(opts: ExcelReaderOptions = {}) {
    this.name = opts.name ?? 'Workbook';
    this.run = opts.run ?? ((batch) => Excel.run((context) => batch(context)));
    this.mergesWanted = opts.merges;
    this.cellLimit = Math.max(1, opts.cellLimit ?? DEFAULT_CELL_LIMIT);
    this.blockRows = Math.max(1, opts.blockRows ?? DEFAULT_BLOCK_ROWS);
  }

  async listSheets(): Promise<string[]> {
    return this.run(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name');
      await context.sync();
      return sheets.items.map((s) => s.name);
    });
  }

  async readSheet(name: string): Promise<SheetData> {
    return this.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(name);
      const extents = await this.measure(context, [{ sheet, name }]);
      const [data] = await this.readValues(context, extents);
      if (!data) throw new RangeError(`no sheet named "${name}"`);
      await readHiddenRows(context, [{ sheet, data }]);
      await readPercentCells(context, [{ sheet, data }]);
      return data;
    });
  }

  async readAll(onProgress?: (done: number, total: number) => void): Promise<SheetData[]> {
    return this.run(async (context) => {
      const { sheets } = await this.readIn(context, onProgress ? { onProgress } : {});
      return sheets;
    });
  }

  /**
   * Every sheet (or the ones `include` keeps), inside the caller's batch, in three syncs when
   * the values fit in one request. Loads the caller queued before calling travel with the
   * first sync; `include` is asked after it, so it may use them.
   */
  async readIn<C extends ReaderContext>(
    context: C,
    opts: {
      /** Worksheet properties to load in the first sync; default `items/name`. */
      sheetProps?: string;
      /** Asked after the first sync, before `include`; may sync itself. */
      prepare?: (worksheets: readonly WorksheetProxy[]) => Promise<void>;
      include?: (sheet: WorksheetProxy) => boolean;
      /**
       * Queued with the request that reads the used ranges (again if that request is sent
       * again): loads of the caller's that need the sheets. What it loaded may be missing when
       * a request failed; the caller must read it defensively.
       */
      alongside?: (sheets: readonly WorksheetProxy[]) => void;
      onProgress?: (done: number, total: number) => void;
    } = {},
  ): Promise<{ sheets: SheetData[]; worksheets: readonly WorksheetProxy[] }> {
    const collection = context.workbook.worksheets;
    collection.load(`${opts.sheetProps ?? 'items/name'},items/visibility`);
    await context.sync();
    const worksheets = collection.items;
    await opts.prepare?.(worksheets);
    const named = worksheets
      .filter((sheet) => opts.include?.(sheet) ?? true)
      .map((sheet) => ({ sheet, name: sheet.name }));
    const queueAlongside = () => opts.alongside?.(named.map((n) => n.sheet));
    let whole = true;
    if (this.lastCells <= this.cellLimit) {
      const sheets = await this.readAtOnce(context, named, queueAlongside);
      // Refused as too large: the values are not asked for in one request again.
      whole = sheets !== undefined || this.refused === false;
      if (sheets) {
        const total = sheets.reduce((n, s) => n + s.rows.length * (s.rows[0]?.length ?? 0), 0);
        await readHiddenRows(context, pairs(named, sheets));
        await readPercentCells(context, pairs(named, sheets));
        markHidden(pairs(named, sheets));
        opts.onProgress?.(total, total);
        return { sheets, worksheets };
      }
    }
    queueAlongside();
    const extents = await this.measure(context, named);
    const sheets = await this.readValues(context, extents, opts.onProgress, whole);
    await readHiddenRows(context, pairs(named, sheets));
    await readPercentCells(context, pairs(named, sheets));
    markHidden(pairs(named, sheets));
    return { sheets, worksheets };
  }

  /**
   * One sync: every sheet's used range with its values (and merged areas). Undefined when the
   * request fails or Excel returns no values (too large, most likely): then the caller reads
   * step by step.
   */
  private async readAtOnce(
    context: ReaderContext,
    sheets: { sheet: WorksheetProxy; name: string }[],
    before: () => void,
  ): Promise<SheetData[] | undefined> {
    const merges = this.mergesOn();
    before();
    const pending = sheets.map(({ sheet, name }) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(`${DIMENSIONS},values`);
      const areas = merges ? mergedAreas(sheet) : undefined;
      return { name, used, areas };
    });
    this.refused = false;
    try {
      await context.sync();
    } catch (e) {
      this.refused = isPayloadTooLarge(e);
      return undefined;
    }
    let cells = 0;
    const out: SheetData[] = [];
    try {
      for (const { name, used, areas } of pending) {
        const merged = areas ? { merges: areas.isNullObject ? [] : parseAreas(areas.address) } : {};
        if (used.isNullObject) {
          out.push({ name, origin: { row: 0, col: 0 }, rows: [], ...merged });
          continue;
        }
        cells += used.rowCount * used.columnCount;
        out.push({
          name,
          origin: { row: used.rowIndex, col: used.columnIndex },
          rows: convert(used, used.rowCount, used.columnCount),
          ...merged,
        });
      }
    } catch (e) {
      if (!(e instanceof ValuesMissingError)) throw e;
      this.refused = true;
      this.lastCells = pending.reduce(
        (n, { used }) => n + (used.isNullObject ? 0 : used.rowCount * used.columnCount),
        0,
      );
      return undefined;
    }
    this.lastCells = cells;
    return out;
  }

  private mergesOn(): boolean {
    return this.mergesWanted ?? supportsExcelApi('1.13');
  }

  /**
   * One sync: every sheet's used range and, when asked for, the merged areas within it. Excel
   * fails a request for more than 512 merged areas in a range (and some hosts fail merged areas
   * altogether); then the used ranges are measured without them and each sheet's merged areas
   * asked for on its own, a sheet that fails having none.
   */
  private async measure(
    context: ReaderContext,
    sheets: { sheet: WorksheetProxy; name: string }[],
    merges = this.mergesOn(),
  ): Promise<Extent[]> {
    const pending = sheets.map(({ sheet, name }) => {
      const used = sheet.getUsedRangeOrNullObject(true);
      used.load(DIMENSIONS);
      const areas = merges ? mergedAreas(sheet) : undefined;
      return { sheet, name, used, areas };
    });
    try {
      await context.sync();
    } catch (e) {
      if (!merges) throw e;
      const extents = await this.measure(context, sheets, false);
      for (const extent of extents) {
        if (extent.rows === 0) {
          extent.merges = [];
          continue;
        }
        const areas = mergedAreas(extent.sheet);
        try {
          await context.sync();
          extent.merges = areas.isNullObject ? [] : parseAreas(areas.address);
        } catch {
          extent.merges = [];
        }
      }
      return extents;
    }
    return pending.map(({ sheet, name, used, areas }) => {
      const extent: Extent = used.isNullObject
        ? { sheet, name, row: 0, col: 0, rows: 0, cols: 0 }
        : {
            sheet,
            name,
            row: used.rowIndex,
            col: used.columnIndex,
            rows: used.rowCount,
            cols: used.columnCount,
          };
      if (areas) extent.merges = areas.isNullObject ? [] : parseAreas(areas.address);
      return extent;
    });
  }

  private async readValues(
    context: ReaderContext,
    extents: Extent[],
    onProgress?: (done: number, total: number) => void,
    whole = true,
  ): Promise<SheetData[]> {
    const total = extents.reduce((n, e) => n + e.rows * e.cols, 0);
    this.lastCells = total;
    const out: SheetData[] = extents.map((e) => ({
      name: e.name,
      origin: { row: e.row, col: e.col },
      rows: [],
      ...(e.merges ? { merges: e.merges } : {}),
    }));
    onProgress?.(0, total);
    if (total === 0) return out;

    if (whole && total <= this.cellLimit) {
      const ranges = extents.map((e) => (e.rows > 0 ? this.loadBlock(e, 0, e.rows) : undefined));
      try {
        await context.sync();
        extents.forEach((e, i) => {
          const range = ranges[i];
          const sheet = out[i];
          if (range && sheet) sheet.rows = convert(range, e.rows, e.cols);
        });
        onProgress?.(total, total);
        return out;
      } catch (e) {
        if (!isPayloadTooLarge(e) && !(e instanceof ValuesMissingError)) throw e;
        for (const sheet of out) sheet.rows = [];
      }
    }

    let done = 0;
    for (const [i, e] of extents.entries()) {
      const sheet = out[i];
      if (!sheet || e.rows === 0) continue;
      const byCells = Math.max(1, Math.floor(this.cellLimit / e.cols));
      let r = 0;
      while (r < e.rows) {
        const n = Math.min(this.blockRows, byCells, e.rows - r);
        const range = this.loadBlock(e, r, n);
        try {
          await context.sync();
          for (const row of convert(range, n, e.cols)) sheet.rows.push(row);
        } catch (err) {
          const tooLarge = isPayloadTooLarge(err) || err instanceof ValuesMissingError;
          if (!tooLarge) throw err;
          if (n === 1) throw new RowTooLargeError(e.name, e.row + r + 1, err);
          this.blockRows = Math.max(1, Math.floor(n / 2));
          continue;
        }
        r += n;
        done += n * e.cols;
        onProgress?.(done, total);
      }
    }
    return out;
  }

  /** Queue a load of `count` rows of a sheet's used range, from its `offset`th row. */
  private loadBlock(e: Extent, offset: number, count: number): RangeProxy {
    const address = rangeA1({
      top: e.row + offset,
      left: e.col,
      bottom: e.row + offset + count - 1,
      right: e.col + e.cols - 1,
    });
    const range = e.sheet.getRange(address);
    range.load('values');
    return range;
  }
}

/** A hidden sheet's data says so (HIDDEN_SHEET), as the file readers' do. */
function markHidden(read: readonly { sheet: WorksheetProxy; data: RowSheet }[]): void {
  for (const { sheet, data } of read) {
    let v: string | undefined;
    try {
      v = sheet.visibility;
    } catch {
      v = undefined; // not loaded on this host: the sheet is read as visible
    }
    if (v === 'Hidden' || v === 'VeryHidden') data.hidden = true;
  }
}

/** Each sheet read with its worksheet proxy (the readers keep the order they were given). */
function pairs(
  named: readonly { sheet: WorksheetProxy }[],
  sheets: readonly RowSheet[],
): { sheet: WorksheetProxy; data: RowSheet }[] {
  return sheets.flatMap((data, i) => {
    const sheet = named[i]?.sheet;
    return sheet ? [{ sheet, data }] : [];
  });
}

/** Excel's values as cells; a block Excel returned without its values is too large. */
function convert(range: RangeProxy, rows: number, cols: number): Cell[][] {
  const values = range.values as unknown;
  if (!Array.isArray(values) || values.length !== rows) {
    throw new ValuesMissingError(`Excel returned no values for ${rows} × ${cols} cells`);
  }
  const out: Cell[][] = new Array<Cell[]>(rows);
  for (let i = 0; i < rows; i++) {
    const src = values[i] as unknown;
    if (!Array.isArray(src)) throw new ValuesMissingError(`Excel returned no values for row ${i}`);
    const row = new Array<Cell>(cols);
    for (let j = 0; j < cols; j++) row[j] = toCell(src[j]);
    out[i] = row;
  }
  return out;
}
