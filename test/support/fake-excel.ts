/**
 * An in-memory Excel for tests: the subset of the Excel JavaScript API that Tally's adapter
 * uses, with Office.js's proxy semantics. Nothing is read or written until `context.sync()`;
 * a property read before it was loaded and synced throws `PropertyNotLoaded`; a method that
 * returns an object returns a proxy resolved at the next sync; `*OrNullObject` proxies report
 * `isNullObject` after a sync. Syncs are counted, and the fake can refuse a request above a
 * payload size (Excel on the web's 5 MB limit) or return null values for a range above the
 * get limit, as Excel does.
 *
 * Writes follow Excel too: a string written into a cell that is not formatted as text (`@`)
 * is parsed as Excel parses typed input (`=…`, `+…`, `-…`, `@…` become formulas, numeric
 * text becomes a number); a request is not a transaction (the operations before a failing one
 * stay applied); a fill reads as `#FFFFFF` with pattern `None` when a cell has no fill; sheets
 * can be added, renamed, hidden and deleted; settings, frozen panes, column widths, fonts,
 * merges and charts are kept. `faults` makes a named operation fail once, for error paths.
 *
 * Plain TypeScript, no Node imports: jest tests use it, and the browser test bundles it as a
 * stand-in for office.js (fake-office-browser.ts).
 */
import { columnIndex, parseRange, rangeA1, type RangeRef } from '../../src/core/model/a1';

export type FakeValue = number | string | boolean;

/** A fill as a fixture gives it: a colour (solid), or a colour with a pattern. */
export type FakeFillInit =
  | string
  | {
      color: string;
      pattern?: string;
      patternColor?: string;
      tintAndShade?: number;
      patternTintAndShade?: number;
    };

/** A sheet as given: a WorkbookData sheet fits (null is empty; CellError becomes its code). */
export interface FakeSheetInit {
  name: string;
  rows: readonly (readonly unknown[])[];
  /** Sheet row and column (0-based) of rows[0][0]. */
  origin?: { row: number; col: number };
  merges?: readonly RangeRef[];
  /** Fills by A1 cell address (sheet coordinates), e.g. `{ B10: '#DDEBF7' }`. */
  fills?: Readonly<Record<string, FakeFillInit>>;
  /** Number formats by A1 cell address. */
  numberFormats?: Readonly<Record<string, string>>;
  visibility?: 'Visible' | 'Hidden' | 'VeryHidden';
  /** Sheet protection (Review › Protect Sheet): every change to its cells is refused. */
  protected?: boolean;
  /** Hidden rows (by hand or by a filter), 0-based sheet rows. */
  hiddenRows?: readonly number[];
  /** Hidden columns, 0-based. */
  hiddenColumns?: readonly number[];
  /** The user's own conditional formats. */
  conditionalFormats?: readonly FakeConditionalFormatInit[];
}

export interface FakeWorkbookInit {
  sheets: readonly FakeSheetInit[];
  /** The workbook's file name, as `workbook.name` reports it. */
  name?: string;
  /** Workbook settings (`context.workbook.settings`), by key. */
  settings?: Readonly<Record<string, unknown>>;
}

export interface FakeExcelOptions {
  /**
   * The most cells of values one request may load or write. Above it, sync fails with
   * `payloadErrorCode` and nothing in the request is applied (Excel on the web: 5 MB).
   */
  payloadCellLimit?: number;
  payloadErrorCode?: 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded';
  /** Excel's get limit for one range; above it `values` loads as null. Default 5,000,000. */
  rangeCellLimit?: number;
  /** The active sheet; default the first. */
  activeSheet?: string;
  /**
   * Read fills as Excel does in practice (office-js #4900) rather than as documented: `pattern`
   * reads null both for no fill and for a solid fill, the colour `#FFFFFF` for no fill, and
   * `tintAndShade` null only for no fill. Default: pattern `None` for no fill, `Solid` for solid.
   */
  nullFillPattern?: boolean;
  /**
   * The largest request and the largest response, in bytes as Excel on the web counts them
   * (5 MB there): the JSON, in UTF-16, of the values, formats and settings a request carries
   * (plus 200 bytes an action), and of the values its loads return. A request above it fails
   * with RequestPayloadSizeLimitExceeded and nothing in it is applied; a response above it with
   * ResponsePayloadSizeLimitExceeded (its writes stay applied, its loads are lost).
   */
  payloadByteLimit?: number;
  /** Every load of conditional formats' rules fails (office-js #6827, #6835). */
  failConditionalFormatLoads?: boolean;
}

/** Make the next run of the named operation (e.g. `ChartCollection.add`) fail. */
export interface FakeFault {
  op: string;
  code?: string;
  message?: string;
}

/** The error Office.js throws (`OfficeExtension.Error`): a code and debug information. */
export class FakeOfficeError extends Error {
  readonly debugInfo: { code: string; message: string; errorLocation?: string };
  constructor(
    readonly code: string,
    message: string,
    errorLocation?: string,
  ) {
    super(message);
    this.name = 'RichApi.Error';
    this.debugInfo = { code, message, ...(errorLocation ? { errorLocation } : {}) };
  }
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel's default column width in points (8.43 characters of Calibri 11). */
export const DEFAULT_COLUMN_WIDTH = 48;
/** Excel's default row height in points (Calibri 11). */
export const DEFAULT_ROW_HEIGHT = 15;
const MERGED_AREAS_LIMIT = 512;

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function invalidArgument(
  message = 'The argument is invalid or missing or has an incorrect format.',
) {
  return new FakeOfficeError('InvalidArgument', message);
}

function cellsOf(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
}

/** A conditional format as the sheet keeps it. */
export interface FakeConditionalFormatModel {
  id: string;
  /** The areas it applies to (several when added over a RangeAreas). */
  refs: RangeRef[];
  /** `Custom`, `CellValue`, `ColorScale`, … */
  type: string;
  /** The custom rule's formula ('' until set). */
  formula: string;
  /** The format's fill colour, when set. */
  fill?: string;
  /**
   * A format Excel cannot describe through the API (office-js #6827, #6835: two cellValue
   * rules on one range, a rule duplicated by hand): loading the rules or formats of any
   * collection that holds it fails the request, and so does loading its own rule.
   */
  unreadable?: boolean;
}

/** A conditional format a fixture puts on a sheet (the user's own). */
export interface FakeConditionalFormatInit {
  /** A1 areas, comma-separated (`B2:B9,D2`). */
  address: string;
  type?: string;
  formula?: string;
  fill?: string;
  unreadable?: boolean;
}

function overlaps(refs: readonly RangeRef[], ref: RangeRef): boolean {
  return refs.some((r) => intersects(r, ref));
}

/** Whether a custom rule's formula is TRUE for every cell (what the fake can evaluate). */
export function ruleHolds(formula: string): boolean {
  const f = formula.trim().toUpperCase();
  return f === '=TRUE' || /^=N\("[^"]*"\)=0$/.test(f);
}

function fakeValue(v: unknown): FakeValue {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'object' && typeof (v as { code?: unknown }).code === 'string') {
    return (v as { code: string }).code;
  }
  return String(v);
}

/** Excel quotes a sheet name in an address when it is not a plain identifier. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_\u00C0-\uFFFF][A-Za-z0-9_.\u00C0-\uFFFF]*$/.test(name)
    ? name
    : `'${name.replace(/'/g, "''")}'`;
}

const NAMED_COLORS: Record<string, string> = {
  black: '#000000',
  white: '#FFFFFF',
  red: '#FF0000',
  green: '#008000',
  blue: '#0000FF',
  yellow: '#FFFF00',
  orange: '#FFA500',
  lightyellow: '#FFFFE0',
  pink: '#FFC0CB',
};

export function normaliseColor(color: string): string {
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  if (/^#?[0-9a-f]{6}$/i.test(color)) return `#${color.replace('#', '').toUpperCase()}`;
  throw invalidArgument(`'${color}' is not a colour.`);
}

const NUMERIC_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** What Excel stores when a value is written into a cell with this number format. */
function parseEntry(v: FakeValue, numberFormat: string): { value: FakeValue; formula?: string } {
  if (typeof v !== 'string' || numberFormat === '@' || v === '') return { value: v };
  if (v.startsWith('=')) return { value: '#NAME?', formula: v };
  if (NUMERIC_TEXT.test(v.trim())) return { value: Number(v.trim()) };
  // Excel takes `+x`, `-x` and `@x` typed into a general cell as the start of a formula.
  if (/^[+\-@]/.test(v)) return { value: '#NAME?', formula: `=${v.replace(/^@/, '')}` };
  return { value: v };
}

/** A cell's fill. `pattern` is `None` for no fill (then the colour reads as white). */
export interface FakeFill {
  color: string;
  pattern: string;
  patternColor?: string;
  tintAndShade?: number;
  patternTintAndShade?: number;
}

export interface FakeCellFormat {
  fill?: FakeFill;
  numberFormat?: string;
  bold?: boolean;
  italic?: boolean;
  fontColor?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
}

export interface FakePrintModel {
  paperSize?: string;
  zoom?: { horizontalFitToPages?: number; verticalFitToPages?: number; scale?: number };
  margins: Record<string, number>;
  centerHorizontally?: boolean;
  titleRows?: string;
  titleColumns?: string;
  /** `centerFooter` and the like of `headersFooters.defaultForAllPages`. */
  headerFooter: Record<string, string>;
  /** 0-based rows above which a page break was added. */
  breaks: number[];
}

export interface FakeBorderModel {
  ref: RangeRef;
  edge: string;
  style?: string;
  weight?: string;
  color?: string;
}

export interface FakeChartSeriesModel {
  name: string;
  values: string;
  xValues?: string;
}

export interface FakeChartModel {
  id: string;
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  title: string;
  series: FakeChartSeriesModel[];
  position?: { start: string; end?: string };
}

const key = (r: number, c: number) => `${r},${c}`;

/** One worksheet's contents. Cells are stored by absolute position; '' is empty. */
export class FakeSheet {
  private grid: FakeValue[][] = [];
  readonly formats = new Map<string, FakeCellFormat>();
  readonly formulas = new Map<string, string>();
  readonly columnWidths = new Map<number, number>();
  readonly rowHeights = new Map<number, number>();
  /** Sheet-scoped defined names (`worksheet.names`): name to formula. */
  readonly names = new Map<string, string>();
  orientation: 'Portrait' | 'Landscape' = 'Portrait';
  /** The rest of `pageLayout` (ExcelApi 1.9) and the page breaks, as set. */
  readonly print: FakePrintModel = { margins: {}, headerFooter: {}, breaks: [] };
  /** Borders set through `format.borders.getItem(edge)`, by `A1|edge`. */
  readonly borders = new Map<string, FakeBorderModel>();
  /** Column outline groups (ExcelApi 1.10) and hidden columns, 0-based. */
  readonly columnGroups: { left: number; right: number; collapsed: boolean }[] = [];
  readonly hiddenColumns = new Set<number>();
  /** Hidden rows, 0-based (what `getVisibleView` leaves out). */
  readonly hiddenRows = new Set<number>();
  readonly charts: FakeChartModel[] = [];
  merges: RangeRef[];
  frozen: { rows: number; columns: number } = { rows: 0, columns: 0 };
  visibility: 'Visible' | 'Hidden' | 'VeryHidden';
  deleted = false;
  /** Conditional formats (ExcelApi 1.6), highest priority first. */
  conditionalFormats: FakeConditionalFormatModel[] = [];
  /** Sheet protection: changes to cells, formats and conditional formats fail (AccessDenied). */
  protected = false;

  constructor(
    public name: string,
    /** Excel may give a sheet a new id between sessions (FakeExcel.reassignSheetIds). */
    public id: string,
    init?: FakeSheetInit,
  ) {
    this.merges = [...(init?.merges ?? [])];
    this.visibility = init?.visibility ?? 'Visible';
    if (!init) return;
    this.protected = init.protected ?? false;
    for (const r of init.hiddenRows ?? []) this.hiddenRows.add(r);
    for (const c of init.hiddenColumns ?? []) this.hiddenColumns.add(c);
    (init.conditionalFormats ?? []).forEach((cf, i) => {
      this.conditionalFormats.push({
        id: `{user-cf-${i + 1}}`,
        refs: cf.address.split(',').map((a) => parseRange(a.trim())),
        type: cf.type ?? 'Custom',
        formula: cf.formula ?? '',
        ...(cf.fill ? { fill: normaliseColor(cf.fill) } : {}),
        ...(cf.unreadable ? { unreadable: true } : {}),
      });
    });
    const top = init.origin?.row ?? 0;
    const left = init.origin?.col ?? 0;
    init.rows.forEach((row, i) => {
      const out: FakeValue[] = new Array<FakeValue>(left + row.length).fill('');
      row.forEach((v, j) => (out[left + j] = fakeValue(v)));
      this.grid[top + i] = out;
    });
    for (const [address, fill] of Object.entries(init.fills ?? {})) {
      const { row, col } = cellOf(address);
      const f =
        typeof fill === 'string'
          ? { color: normaliseColor(fill), pattern: 'Solid' }
          : {
              color: normaliseColor(fill.color),
              pattern: fill.pattern ?? 'Solid',
              ...(fill.patternColor ? { patternColor: normaliseColor(fill.patternColor) } : {}),
              ...(fill.tintAndShade ? { tintAndShade: fill.tintAndShade } : {}),
              ...(fill.patternTintAndShade
                ? { patternTintAndShade: fill.patternTintAndShade }
                : {}),
            };
      this.format(row, col).fill = f;
    }
    for (const [address, nf] of Object.entries(init.numberFormats ?? {})) {
      const { row, col } = cellOf(address);
      this.format(row, col).numberFormat = nf;
    }
  }

  valueAt(row: number, col: number): FakeValue {
    return this.grid[row]?.[col] ?? '';
  }

  /** Store a value as it is, bypassing Excel's parsing (fixtures and test set-up). */
  setValue(row: number, col: number, v: unknown): void {
    const r = (this.grid[row] ??= []);
    for (let j = r.length; j < col; j++) r[j] = '';
    r[col] = fakeValue(v);
    this.formulas.delete(key(row, col));
  }

  /** Write a value as Excel does through `range.values`: parsed unless the cell is text. */
  enter(row: number, col: number, v: unknown): void {
    const parsed = parseEntry(fakeValue(v), this.numberFormatAt(row, col));
    this.setValue(row, col, parsed.value);
    if (parsed.formula !== undefined) this.formulas.set(key(row, col), parsed.formula);
  }

  format(row: number, col: number): FakeCellFormat {
    let f = this.formats.get(key(row, col));
    if (!f) {
      f = {};
      this.formats.set(key(row, col), f);
    }
    return f;
  }

  formatAt(row: number, col: number): Readonly<FakeCellFormat> {
    return this.formats.get(key(row, col)) ?? {};
  }

  numberFormatAt(row: number, col: number): string {
    return this.formats.get(key(row, col))?.numberFormat ?? 'General';
  }

  formulaAt(row: number, col: number): string | undefined {
    return this.formulas.get(key(row, col));
  }

  /** @internal Refuse a change to a protected sheet, as Excel does. */
  writable(): this {
    if (this.protected) {
      throw new FakeOfficeError('AccessDenied', 'You cannot perform the requested operation.');
    }
    return this;
  }

  /** The fill colour of a cell, or undefined when it has no fill. */
  fillAt(row: number, col: number): string | undefined {
    const fill = this.formats.get(key(row, col))?.fill;
    return fill && fill.pattern !== 'None' ? fill.color : undefined;
  }

  fillOf(address: string): FakeFill | undefined {
    const { row, col } = cellOf(address);
    const fill = this.formats.get(key(row, col))?.fill;
    return fill && fill.pattern !== 'None' ? { ...fill } : undefined;
  }

  /**
   * The colour a cell shows: the fill of the highest-priority custom conditional format that
   * covers it and whose rule holds (only `=N("…")=0`-style always-true rules, and `=TRUE`, are
   * evaluated; any other rule is taken as false), else its own fill.
   */
  displayColourAt(row: number, col: number): string | undefined {
    const cell = { top: row, left: col, bottom: row, right: col };
    for (const cf of this.conditionalFormats) {
      if (cf.type !== 'Custom' || !cf.fill || !overlaps(cf.refs, cell)) continue;
      if (ruleHolds(cf.formula)) return cf.fill;
    }
    return this.fillAt(row, col);
  }

  displayColourOf(address: string): string | undefined {
    const { row, col } = cellOf(address);
    return this.displayColourAt(row, col);
  }

  /** Every filled cell's fill, by A1 address, for before/after comparisons. */
  allFills(): Record<string, FakeFill> {
    const out: Record<string, FakeFill> = {};
    for (const [k, f] of this.formats) {
      if (!f.fill || f.fill.pattern === 'None') continue;
      const [r = 0, c = 0] = k.split(',').map(Number);
      out[rangeA1({ top: r, left: c, bottom: r, right: c })] = { ...f.fill };
    }
    return out;
  }

  columnWidth(col: number): number {
    return this.columnWidths.get(col) ?? DEFAULT_COLUMN_WIDTH;
  }

  rowHeight(row: number): number {
    return this.rowHeights.get(row) ?? DEFAULT_ROW_HEIGHT;
  }

  /** The rectangle holding every value (and, unless valuesOnly, every format); undefined if none. */
  usedRange(valuesOnly: boolean): RangeRef | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    const take = (r: number, c: number) => {
      if (r < top) top = r;
      if (r > bottom) bottom = r;
      if (c < left) left = c;
      if (c > right) right = c;
    };
    this.grid.forEach((row, r) => {
      if (!row) return;
      for (let c = 0; c < row.length; c++) if (row[c] !== '' && row[c] !== undefined) take(r, c);
    });
    if (!valuesOnly) {
      for (const [k, f] of this.formats) {
        if (Object.keys(f).length === 0) continue;
        const [r = 0, c = 0] = k.split(',').map(Number);
        take(r, c);
      }
    }
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  values(ref: RangeRef): FakeValue[][] {
    const out: FakeValue[][] = [];
    const width = ref.right - ref.left + 1;
    for (let r = ref.top; r <= ref.bottom; r++) {
      const src = this.grid[r];
      const row = src ? src.slice(ref.left, ref.right + 1) : [];
      for (let j = 0; j < width; j++) if (row[j] === undefined) row[j] = '';
      out.push(row);
    }
    return out;
  }

  /** The values of the used range as rows of text and numbers, from A1. */
  table(): FakeValue[][] {
    const used = this.usedRange(true);
    return used ? this.values({ top: 0, left: 0, bottom: used.bottom, right: used.right }) : [];
  }

  /** Erase values, formulas and formats of a rectangle (`Range.clear()`). */
  clear(ref: RangeRef, what: 'All' | 'Contents' | 'Formats'): void {
    if (what !== 'Formats') {
      // Only the cells that exist: a whole-sheet range has seventeen billion.
      for (let r = ref.top; r <= Math.min(ref.bottom, this.grid.length - 1); r++) {
        const row = this.grid[r];
        if (!row) continue;
        for (let c = ref.left; c <= Math.min(ref.right, row.length - 1); c++) row[c] = '';
      }
      for (const k of [...this.formulas.keys()]) {
        const [r = 0, c = 0] = k.split(',').map(Number);
        if (r >= ref.top && r <= ref.bottom && c >= ref.left && c <= ref.right) {
          this.formulas.delete(k);
        }
      }
    }
    if (what !== 'Contents') {
      for (const k of [...this.formats.keys()]) {
        const [r = 0, c = 0] = k.split(',').map(Number);
        if (r >= ref.top && r <= ref.bottom && c >= ref.left && c <= ref.right) {
          this.formats.delete(k);
        }
      }
    }
  }
}

function cellOf(address: string): { row: number; col: number } {
  const ref = parseRange(address);
  return { row: ref.top, col: ref.left };
}

type Target<T> = { ok: true; value: T } | { ok: false; error?: FakeOfficeError };

interface Op {
  /** Cells of values this operation carries, for the payload limit. */
  cells(): number;
  /** Bytes of data it carries beyond the operation itself (values, setting values). */
  bytes?(): number;
  run(): void;
}

/**
 * What an action costs in a request beyond the data it carries, for `payloadByteLimit`: its
 * object path, method and ids, about 100 characters of JSON.
 */
const OP_BYTES = 200;

/**
 * The size of a value as Excel counts a payload: its JSON in UTF-16, two bytes a code unit (a
 * Chinese character is two bytes, not the one a `.length` of UTF-8-minded code would say).
 */
export function jsonBytes(v: unknown): number {
  try {
    return 2 * (JSON.stringify(v)?.length ?? 0);
  } catch {
    return 0;
  }
}

interface RangeTarget {
  sheet: FakeSheet;
  ref: RangeRef;
}

type LoadOption = string | string[] | { select?: string; expand?: string };

function loadNames(option?: LoadOption): string[] | undefined {
  if (option === undefined) return undefined;
  if (typeof option === 'string') return option.split(',');
  if (Array.isArray(option)) return option;
  return [...(option.select ?? '').split(','), ...(option.expand ?? '').split(',')];
}

/**
 * A proxy. Its target is resolved at the first sync that needs it (or the first sync after
 * it was made) and then kept, as Office.js keeps a server object once it exists.
 */
abstract class FakeClientObject<T> {
  private target: Target<T> | undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    readonly context: FakeRequestContext,
    track = true,
  ) {
    if (track) context.track(this);
  }

  /** Find the object in the workbook; undefined when a null object; throw when an error. */
  protected abstract find(): T | undefined;
  /** The value of a loadable scalar property. */
  protected abstract read(target: T, property: string): unknown;
  protected abstract readonly scalars: readonly string[];
  /** Navigation properties that `load('a/b')` may go through. */
  protected child(_name: string): FakeClientObject<unknown> | undefined {
    return undefined;
  }
  /** Whether the method returned a `*OrNullObject` result. */
  protected readonly nullable: boolean = false;

  /** @internal Resolve now if not yet; errors of a non-null object are kept for its users. */
  resolve(): Target<T> {
    if (!this.target) {
      try {
        const value = this.find();
        this.target = value === undefined ? { ok: false } : { ok: true, value };
      } catch (e) {
        if (!(e instanceof FakeOfficeError)) throw e;
        this.target = { ok: false, error: e };
      }
    }
    return this.target;
  }

  /** The target, or the error an operation on it meets. */
  protected need(): T {
    const t = this.resolve();
    if (t.ok) return this.check(t.value);
    throw (
      t.error ??
      new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: it is a null object.')
    );
  }

  /** A target that has gone (a deleted sheet) fails every later operation. */
  protected check(value: T): T {
    return value;
  }

  get isNullObject(): boolean {
    if (!this.target) throw notLoaded('isNullObject');
    return !this.target.ok && (this.nullable || !this.target.error);
  }

  load(option?: LoadOption): this {
    const names = loadNames(option) ?? [...this.scalars];
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const head = name.slice(0, slash);
        const next = this.child(head);
        if (!next) throw invalidArgument(`'${head}' cannot be loaded`);
        next.load(name.slice(slash + 1));
        continue;
      }
      const nav = this.child(name);
      if (nav) {
        nav.load();
        continue;
      }
      if (!this.scalars.includes(name)) {
        this.context.enqueue({
          cells: () => 0,
          run: () => {
            throw invalidArgument(`The property '${name}' does not exist.`);
          },
        });
        continue;
      }
      this.queueLoad(name);
    }
    return this;
  }

  protected queueLoad(name: string): void {
    this.context.enqueue({
      cells: () => this.loadCells(name),
      run: () => {
        const t = this.resolve();
        if (!t.ok) {
          if (t.error) throw t.error;
          return; // a null object loads nothing
        }
        const value = this.read(this.check(t.value), name);
        this.context.received(value);
        this.context.stage(() => this.loaded.set(name, value));
      },
    });
  }

  /** Cells of values a load of `name` carries. */
  protected loadCells(_name: string): number {
    return 0;
  }

  /** @internal Load properties within the sync that is running (a collection's items). */
  loadNow(names: readonly string[]): void {
    const t = this.resolve();
    if (!t.ok) return;
    const props = names.includes('*') ? this.scalars : names;
    for (const name of props) {
      if (!this.scalars.includes(name)) {
        throw invalidArgument(`The property '${name}' does not exist.`);
      }
      const value = this.read(t.value, name);
      this.context.received(value);
      this.context.stage(() => this.loaded.set(name, value));
    }
  }

  /** @internal Load `a/b/c` within the sync that is running (through child objects). */
  loadPathNow(path: string): void {
    const slash = path.indexOf('/');
    if (slash < 0) {
      this.loadNow([path]);
      return;
    }
    const next = this.child(path.slice(0, slash));
    if (!next) throw invalidArgument(`'${path.slice(0, slash)}' cannot be loaded`);
    if (!next.resolve().ok) return; // a null object loads nothing
    next.loadPathNow(path.slice(slash + 1));
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Office.js keeps a value the caller set on the proxy, readable without a load. */
  protected keep(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }

  /** Queue a write: it runs at the next sync, after the operations queued before it. */
  protected write(
    op: string,
    run: () => void,
    cells: () => number = () => 0,
    bytes?: () => number,
  ): void {
    this.context.enqueue({
      cells,
      ...(bytes ? { bytes } : {}),
      run: () => {
        this.context.excel.fault(op);
        run();
      },
    });
  }
}

/** The value every cell of a range shares, or null when they differ (as Office.js reports). */
function uniform<V>(ref: RangeRef, at: (r: number, c: number) => V): V | null {
  let first = true;
  let value: V | null = null;
  for (let r = ref.top; r <= ref.bottom; r++) {
    for (let c = ref.left; c <= ref.right; c++) {
      const here = at(r, c);
      if (first) {
        value = here;
        first = false;
      } else if (here !== value) return null;
    }
  }
  return value;
}

function eachCell(ref: RangeRef, f: (r: number, c: number) => void): void {
  for (let r = ref.top; r <= ref.bottom; r++) for (let c = ref.left; c <= ref.right; c++) f(r, c);
}

/** A 2-D array the size of the range, or one value for every cell. */
function grid<V>(
  ref: RangeRef,
  input: V | V[][],
  isScalar: (v: unknown) => v is V,
): (r: number, c: number) => V {
  if (isScalar(input)) return () => input;
  const rows = ref.bottom - ref.top + 1;
  const cols = ref.right - ref.left + 1;
  const arr = input as V[][];
  if (
    !Array.isArray(arr) ||
    arr.length !== rows ||
    arr.some((row) => !Array.isArray(row) || row.length !== cols)
  ) {
    throw invalidArgument(
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
    );
  }
  return (r, c) => (arr[r - ref.top] as V[])[c - ref.left] as V;
}

const isCellValue = (v: unknown): v is FakeValue =>
  typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v === null;
const isString = (v: unknown): v is string => typeof v === 'string';

abstract class FakeRangePart extends FakeClientObject<RangeTarget> {
  constructor(
    context: FakeRequestContext,
    protected readonly range: FakeRange,
  ) {
    super(context);
  }

  protected find(): RangeTarget | undefined {
    return this.range.resolveTarget();
  }

  /** Set a format property of every cell of the range at the next sync. */
  protected setEach(op: string, name: string, value: unknown, f: (fmt: FakeCellFormat) => void) {
    this.keep(name, value);
    this.write(op, () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      eachCell(ref, (r, c) => f(sheet.format(r, c)));
    });
  }
}

export class FakeRangeFill extends FakeRangePart {
  protected readonly scalars = [
    'color',
    'pattern',
    'patternColor',
    'tintAndShade',
    'patternTintAndShade',
  ] as const;

  protected read(t: RangeTarget, property: string): unknown {
    const asExcel = this.context.excel.nullFillPattern;
    return uniform(t.ref, (r, c) => {
      const fill = t.sheet.formatAt(r, c).fill;
      const none = !fill || fill.pattern === 'None';
      switch (property) {
        case 'color':
          return none ? '#FFFFFF' : fill.color;
        case 'pattern':
          if (asExcel && (none || fill.pattern === 'Solid')) return null;
          return none ? 'None' : fill.pattern;
        case 'tintAndShade':
          if (none) return asExcel ? null : 0;
          return fill.tintAndShade ?? 0;
        case 'patternTintAndShade':
          if (none) return asExcel ? null : 0;
          return fill.patternTintAndShade ?? 0;
        default:
          return none ? '#000000' : (fill.patternColor ?? '#000000');
      }
    });
  }

  get color(): string {
    return this.get<string>('color');
  }
  set color(value: string) {
    this.setEach('RangeFill.color', 'color', value, (f) => {
      const color = normaliseColor(value);
      f.fill = {
        ...(f.fill ?? {}),
        color,
        pattern: !f.fill || f.fill.pattern === 'None' ? 'Solid' : f.fill.pattern,
      };
    });
  }

  get pattern(): string {
    return this.get<string>('pattern');
  }
  /** Gradients cannot be set through Office.js. */
  set pattern(value: string) {
    if (/gradient/i.test(value)) throw invalidArgument('A gradient fill cannot be set.');
    this.setEach('RangeFill.pattern', 'pattern', value, (f) => {
      f.fill = { color: f.fill?.color ?? '#FFFFFF', ...(f.fill ?? {}), pattern: value };
    });
  }

  get patternColor(): string {
    return this.get<string>('patternColor');
  }
  set patternColor(value: string) {
    this.setEach('RangeFill.patternColor', 'patternColor', value, (f) => {
      f.fill = {
        color: '#FFFFFF',
        pattern: 'Solid',
        ...(f.fill ?? {}),
        patternColor: normaliseColor(value),
      };
    });
  }

  get tintAndShade(): number | null {
    return this.get<number | null>('tintAndShade');
  }
  set tintAndShade(value: number) {
    this.setTint('tintAndShade', value);
  }

  get patternTintAndShade(): number | null {
    return this.get<number | null>('patternTintAndShade');
  }
  set patternTintAndShade(value: number) {
    this.setTint('patternTintAndShade', value);
  }

  private setTint(name: 'tintAndShade' | 'patternTintAndShade', value: number): void {
    if (!(value >= -1 && value <= 1)) throw invalidArgument();
    this.setEach(`RangeFill.${name}`, name, value, (f) => {
      const fill: FakeFill = { color: '#FFFFFF', pattern: 'Solid', ...(f.fill ?? {}) };
      if (value === 0) delete fill[name];
      else fill[name] = value;
      f.fill = fill;
    });
  }

  clear(): void {
    this.write('RangeFill.clear', () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      eachCell(ref, (r, c) => {
        const f = sheet.formats.get(key(r, c));
        if (f) delete f.fill;
      });
    });
  }
}

export class FakeRangeFont extends FakeRangePart {
  protected readonly scalars = ['bold', 'italic', 'color'] as const;

  protected read(t: RangeTarget, property: string): unknown {
    return uniform(t.ref, (r, c) => {
      const f = t.sheet.formatAt(r, c);
      if (property === 'bold') return f.bold ?? false;
      if (property === 'italic') return f.italic ?? false;
      return f.fontColor ?? '#000000';
    });
  }

  get bold(): boolean {
    return this.get('bold');
  }
  set bold(v: boolean) {
    this.setEach('RangeFont.bold', 'bold', v, (f) => (f.bold = v));
  }
  get italic(): boolean {
    return this.get('italic');
  }
  set italic(v: boolean) {
    this.setEach('RangeFont.italic', 'italic', v, (f) => (f.italic = v));
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.setEach('RangeFont.color', 'color', v, (f) => (f.fontColor = normaliseColor(v)));
  }
}

const BORDER_EDGES = new Set([
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideHorizontal',
  'InsideVertical',
  'DiagonalDown',
  'DiagonalUp',
]);
const BORDER_STYLES = new Set([
  'None',
  'Continuous',
  'Dash',
  'DashDot',
  'DashDotDot',
  'Dot',
  'Double',
  'SlantDashDot',
]);
const BORDER_WEIGHTS = new Set(['Hairline', 'Thin', 'Medium', 'Thick']);

/** `range.format.borders` (ExcelApi 1.1): `getItem(edge)` only. */
export class FakeRangeBorderCollection extends FakeRangePart {
  protected readonly scalars = [] as const;
  protected read(): unknown {
    return undefined;
  }
  getItem(edge: string): FakeRangeBorder {
    if (!BORDER_EDGES.has(edge)) throw invalidArgument(`Unknown border ${edge}.`);
    return new FakeRangeBorder(this.context, this.range, edge);
  }
}

export class FakeRangeBorder extends FakeRangePart {
  protected readonly scalars = ['style', 'weight', 'color'] as const;
  constructor(
    context: FakeRequestContext,
    range: FakeRange,
    private readonly edge: string,
  ) {
    super(context, range);
  }
  protected read(t: RangeTarget, property: string): unknown {
    const b = t.sheet.borders.get(`${rangeA1(t.ref)}|${this.edge}`);
    return b?.[property as 'style'] ?? (property === 'style' ? 'None' : null);
  }
  private set(property: 'style' | 'weight' | 'color', value: string, valid?: Set<string>) {
    if (valid && !valid.has(value)) throw invalidArgument(`Invalid border ${property} ${value}.`);
    this.keep(property, value);
    this.write(`RangeBorder.${property}`, () => {
      const { sheet, ref } = this.need();
      const key = `${rangeA1(ref)}|${this.edge}`;
      const b = sheet.borders.get(key) ?? { ref, edge: this.edge };
      b[property] = property === 'color' ? normaliseColor(value) : value;
      sheet.borders.set(key, b);
    });
  }
  get style(): string {
    return this.get('style');
  }
  set style(v: string) {
    this.set('style', v, BORDER_STYLES);
  }
  get weight(): string {
    return this.get('weight');
  }
  set weight(v: string) {
    this.set('weight', v, BORDER_WEIGHTS);
  }
  get color(): string {
    return this.get('color');
  }
  set color(v: string) {
    this.set('color', v);
  }
}

const ALIGNMENTS = new Set(['General', 'Left', 'Center', 'Right', 'Fill', 'Justify']);
const VERTICAL = new Set(['Top', 'Center', 'Bottom', 'Justify', 'Distributed']);

export class FakeRangeFormat extends FakeRangePart {
  protected readonly scalars = [
    'columnWidth',
    'rowHeight',
    'wrapText',
    'horizontalAlignment',
    'verticalAlignment',
  ] as const;
  readonly fill: FakeRangeFill;
  readonly font: FakeRangeFont;
  readonly borders: FakeRangeBorderCollection;

  constructor(context: FakeRequestContext, range: FakeRange) {
    super(context, range);
    this.fill = new FakeRangeFill(context, range);
    this.font = new FakeRangeFont(context, range);
    this.borders = new FakeRangeBorderCollection(context, range);
  }

  protected read(t: RangeTarget, property: string): unknown {
    if (property === 'columnWidth') {
      return uniform({ ...t.ref, top: 0, bottom: 0 }, (_r, c) => t.sheet.columnWidth(c));
    }
    if (property === 'rowHeight') {
      return uniform({ ...t.ref, left: 0, right: 0 }, (r) => t.sheet.rowHeight(r));
    }
    return uniform(t.ref, (r, c) => {
      const f = t.sheet.formatAt(r, c);
      if (property === 'wrapText') return f.wrapText ?? false;
      if (property === 'horizontalAlignment') return f.horizontalAlignment ?? 'General';
      return f.verticalAlignment ?? 'Bottom';
    });
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'fill') return this.fill as FakeClientObject<unknown>;
    if (name === 'font') return this.font as FakeClientObject<unknown>;
    if (name === 'borders') return this.borders as FakeClientObject<unknown>;
    return undefined;
  }

  get columnWidth(): number {
    return this.get('columnWidth');
  }
  /** Points, for every column the range touches (Excel sets whole columns). */
  set columnWidth(points: number) {
    this.keep('columnWidth', points);
    this.write('RangeFormat.columnWidth', () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      if (!(points >= 0)) throw invalidArgument();
      for (let c = ref.left; c <= ref.right; c++) sheet.columnWidths.set(c, points);
    });
  }
  get rowHeight(): number {
    return this.get('rowHeight');
  }
  /** Points, for every row the range touches (Excel allows 0 to 409). */
  set rowHeight(points: number) {
    this.keep('rowHeight', points);
    this.write('RangeFormat.rowHeight', () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      if (!(points >= 0 && points <= 409)) throw invalidArgument();
      for (let r = ref.top; r <= ref.bottom; r++) sheet.rowHeights.set(r, points);
    });
  }
  get wrapText(): boolean {
    return this.get('wrapText');
  }
  set wrapText(v: boolean) {
    this.setEach('RangeFormat.wrapText', 'wrapText', v, (f) => (f.wrapText = v));
  }
  get horizontalAlignment(): string {
    return this.get('horizontalAlignment');
  }
  set horizontalAlignment(v: string) {
    if (!ALIGNMENTS.has(v)) throw invalidArgument();
    this.setEach('RangeFormat.horizontalAlignment', 'horizontalAlignment', v, (f) => {
      f.horizontalAlignment = v;
    });
  }
  get verticalAlignment(): string {
    return this.get('verticalAlignment');
  }
  set verticalAlignment(v: string) {
    if (!VERTICAL.has(v)) throw invalidArgument();
    this.setEach('RangeFormat.verticalAlignment', 'verticalAlignment', v, (f) => {
      f.verticalAlignment = v;
    });
  }
}

const RANGE_SCALARS = [
  'address',
  'rowIndex',
  'columnIndex',
  'rowCount',
  'columnCount',
  'cellCount',
  'values',
  'numberFormat',
  'formulas',
] as const;

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly scalars = RANGE_SCALARS;
  protected override readonly nullable: boolean;
  readonly format: FakeRangeFormat;
  private cfs: FakeConditionalFormatCollection | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => RangeTarget | undefined,
    nullable = false,
  ) {
    super(context);
    this.nullable = nullable;
    this.format = new FakeRangeFormat(context, this);
  }

  /** Group whole columns in an outline (ExcelApi 1.10). */
  group(option: 'ByRows' | 'ByColumns'): void {
    if (option !== 'ByColumns') throw invalidArgument('Only column groups are modelled.');
    this.write('Range.group', () => {
      const { sheet, ref } = this.need();
      sheet.columnGroups.push({ left: ref.left, right: ref.right, collapsed: false });
    });
  }

  /** Collapse the group the columns belong to (ExcelApi 1.10): its columns are hidden. */
  hideGroupDetails(option: 'ByRows' | 'ByColumns'): void {
    if (option !== 'ByColumns') throw invalidArgument('Only column groups are modelled.');
    this.write('Range.hideGroupDetails', () => {
      const { sheet, ref } = this.need();
      const g = sheet.columnGroups.find((x) => x.left <= ref.left && x.right >= ref.right);
      if (!g) throw new FakeOfficeError('InvalidOperation', 'The range is not in a group.');
      g.collapsed = true;
      for (let c = g.left; c <= g.right; c++) sheet.hiddenColumns.add(c);
    });
  }

  set columnHidden(hidden: boolean) {
    this.write('Range.columnHidden', () => {
      const { sheet, ref } = this.need();
      for (let c = ref.left; c <= ref.right; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }

  /** The conditional formats that overlap the range (ExcelApi 1.6). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.cfs ??= new FakeConditionalFormatCollection(this.context, () => {
      const { sheet, ref } = this.resolveTarget();
      return { sheet, refs: [ref] };
    });
    return this.cfs;
  }

  /** @internal */
  resolveTarget(): RangeTarget {
    return this.need();
  }

  protected find(): RangeTarget | undefined {
    return this.locate();
  }

  protected override check(t: RangeTarget): RangeTarget {
    if (t.sheet.deleted) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted.');
    return t;
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeClientObject<unknown>) : undefined;
  }

  protected override loadCells(name: string): number {
    if (name !== 'values' && name !== 'numberFormat' && name !== 'formulas') return 0;
    const t = this.resolve();
    if (!t.ok) return 0;
    const cells = cellsOf(t.value.ref);
    return cells > this.context.excel.rangeCellLimit ? 0 : cells;
  }

  protected read(t: RangeTarget, property: string): unknown {
    const { ref, sheet } = t;
    const rows = (f: (r: number, c: number) => unknown) => {
      const out: unknown[][] = [];
      for (let r = ref.top; r <= ref.bottom; r++) {
        const row: unknown[] = [];
        for (let c = ref.left; c <= ref.right; c++) row.push(f(r, c));
        out.push(row);
      }
      return out;
    };
    switch (property) {
      case 'address':
        return `${quoteSheet(sheet.name)}!${rangeA1(ref)}`;
      case 'rowIndex':
        return ref.top;
      case 'columnIndex':
        return ref.left;
      case 'rowCount':
        return ref.bottom - ref.top + 1;
      case 'columnCount':
        return ref.right - ref.left + 1;
      case 'cellCount':
        return cellsOf(ref);
      case 'values':
        // Excel returns null, not an error, for some ranges above its get limit.
        return cellsOf(ref) > this.context.excel.rangeCellLimit ? null : sheet.values(ref);
      case 'numberFormat':
        return rows((r, c) => sheet.numberFormatAt(r, c));
      case 'formulas':
        return rows((r, c) => sheet.formulaAt(r, c) ?? sheet.valueAt(r, c));
      default:
        throw invalidArgument(`The property '${property}' does not exist.`);
    }
  }

  get address(): string {
    return this.get('address');
  }
  get rowIndex(): number {
    return this.get('rowIndex');
  }
  get columnIndex(): number {
    return this.get('columnIndex');
  }
  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }
  get values(): FakeValue[][] {
    return this.get('values');
  }
  set values(values: FakeValue[][]) {
    this.keep('values', values);
    this.write(
      'Range.values',
      () => {
        const { sheet, ref } = this.need();
        sheet.writable();
        const at = grid(ref, values, isCellValue);
        eachCell(ref, (r, c) => sheet.enter(r, c, at(r, c)));
      },
      () => (Array.isArray(values) ? values.reduce((n, row) => n + row.length, 0) : 1),
      () => jsonBytes(values),
    );
  }
  get numberFormat(): string[][] {
    return this.get('numberFormat');
  }
  set numberFormat(formats: string[][]) {
    this.keep('numberFormat', formats);
    this.write(
      'Range.numberFormat',
      () => {
        const { sheet, ref } = this.need();
        sheet.writable();
        const at = grid(ref, formats, isString);
        eachCell(ref, (r, c) => (sheet.format(r, c).numberFormat = at(r, c)));
      },
      () => (Array.isArray(formats) ? formats.reduce((n, row) => n + row.length, 0) : 1),
      () => jsonBytes(formats),
    );
  }
  get formulas(): unknown[][] {
    return this.get('formulas');
  }
  /** Formulas (`=SUM(B2:B4)`) or values; a formula's value is not computed (#NAME?). */
  set formulas(formulas: FakeValue[][]) {
    this.keep('formulas', formulas);
    this.write(
      'Range.formulas',
      () => {
        const { sheet, ref } = this.need();
        sheet.writable();
        const at = grid(ref, formulas, isCellValue);
        eachCell(ref, (r, c) => sheet.enter(r, c, at(r, c)));
      },
      () => (Array.isArray(formulas) ? formulas.reduce((n, row) => n + row.length, 0) : 1),
      () => jsonBytes(formulas),
    );
  }

  /** The cell at (row, column) of this range. */
  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.context, () => {
      const { sheet, ref } = this.need();
      const r = ref.top + row;
      const c = ref.left + column;
      if (row < 0 || column < 0 || r >= MAX_ROWS || c >= MAX_COLUMNS) throw invalidArgument();
      return { sheet, ref: { top: r, left: c, bottom: r, right: c } };
    });
  }

  select(): void {
    this.write('Range.select', () => {
      const { sheet, ref } = this.need();
      if (sheet.visibility !== 'Visible') {
        throw new FakeOfficeError('InvalidOperation', 'Cannot select a range on a hidden sheet.');
      }
      this.context.excel.activeSheet = sheet.name;
      this.context.excel.selection = { sheet: sheet.name, address: rangeA1(ref) };
    });
  }

  merge(across = false): void {
    this.write('Range.merge', () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      const areas: RangeRef[] = across
        ? Array.from({ length: ref.bottom - ref.top + 1 }, (_, i) => ({
            ...ref,
            top: ref.top + i,
            bottom: ref.top + i,
          }))
        : [ref];
      for (const area of areas) {
        if (cellsOf(area) < 2) continue;
        sheet.merges = sheet.merges.filter((m) => !intersects(m, area));
        // Excel keeps the top-left value and clears the rest.
        eachCell(area, (r, c) => {
          if (r !== area.top || c !== area.left) sheet.setValue(r, c, '');
        });
        sheet.merges.push(area);
      }
    });
  }

  clear(applyTo: 'All' | 'Contents' | 'Formats' = 'All'): void {
    this.write('Range.clear', () => {
      const { sheet, ref } = this.need();
      sheet.writable();
      sheet.clear(ref, applyTo);
    });
  }

  /** The range's visible cells (ExcelApi 1.3): hidden rows and columns left out. */
  getVisibleView(): FakeRangeView {
    return new FakeRangeView(this.context, () => this.need());
  }

  getMergedAreasOrNullObject(): FakeRangeAreas {
    return new FakeRangeAreas(this.context, () => {
      const { sheet, ref } = this.need();
      const areas = sheet.merges.filter((m) => intersects(m, ref));
      if (areas.length > MERGED_AREAS_LIMIT) {
        throw new FakeOfficeError('GeneralException', 'There are too many merged areas.');
      }
      return areas.length === 0 ? undefined : { sheet, areas };
    });
  }
}

type CfTarget = { sheet: FakeSheet; model: FakeConditionalFormatModel };

function liveCf(t: CfTarget, change = false): CfTarget {
  if (t.sheet.deleted || !t.sheet.conditionalFormats.includes(t.model)) {
    throw new FakeOfficeError('ItemNotFound', 'The conditional format does not exist.');
  }
  if (change) t.sheet.writable();
  return t;
}

/** What Excel answers when it cannot describe a conditional format (office-js #6827). */
function cannotDescribe(): FakeOfficeError {
  return new FakeOfficeError(
    'GeneralException',
    'This operation is not permitted for the current object.',
  );
}

/** `conditionalFormat.custom.format.fill` (the colour only). */
export class FakeConditionalFill extends FakeClientObject<CfTarget> {
  protected readonly scalars = ['color'] as const;
  constructor(
    context: FakeRequestContext,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(context);
  }
  protected find(): CfTarget | undefined {
    return this.cf.resolveCf();
  }
  protected read(t: CfTarget): unknown {
    return t.model.fill ?? null;
  }
  get color(): string {
    return this.get('color');
  }
  set color(color: string) {
    this.keep('color', color);
    this.write('ConditionalFill.color', () => {
      liveCf(this.need(), true).model.fill = normaliseColor(color);
    });
  }
}

export class FakeConditionalRangeFormat extends FakeClientObject<CfTarget> {
  protected readonly scalars = [] as const;
  readonly fill: FakeConditionalFill;
  constructor(
    context: FakeRequestContext,
    private readonly cf: FakeConditionalFormat,
  ) {
    super(context);
    this.fill = new FakeConditionalFill(context, cf);
  }
  protected find(): CfTarget | undefined {
    return this.cf.resolveCf();
  }
  protected read(): unknown {
    return undefined;
  }
  protected override child(name: string): FakeClientObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeClientObject<unknown>) : undefined;
  }
}

export class FakeConditionalFormatRule extends FakeClientObject<CfTarget> {
  protected readonly scalars = ['formula'] as const;
  constructor(
    context: FakeRequestContext,
    private readonly custom: FakeCustomConditionalFormat,
  ) {
    super(context);
  }
  protected find(): CfTarget | undefined {
    return this.custom.resolveCustom();
  }
  protected read(t: CfTarget): unknown {
    if (t.model.unreadable || this.context.excel.failConditionalFormatLoads) throw cannotDescribe();
    return t.model.formula;
  }
  get formula(): string {
    return this.get('formula');
  }
  set formula(formula: string) {
    this.keep('formula', formula);
    this.write('ConditionalFormatRule.formula', () => {
      const t = liveCf(this.need(), true);
      if (!formula.startsWith('=')) throw invalidArgument('A rule is a formula.');
      t.model.formula = formula;
    });
  }
}

/** `conditionalFormat.custom` / `customOrNullObject`: a null object unless the type is Custom. */
export class FakeCustomConditionalFormat extends FakeClientObject<CfTarget> {
  protected readonly scalars = [] as const;
  protected override readonly nullable: boolean;
  readonly rule: FakeConditionalFormatRule;
  readonly format: FakeConditionalRangeFormat;
  constructor(
    context: FakeRequestContext,
    private readonly cf: FakeConditionalFormat,
    nullable: boolean,
  ) {
    super(context);
    this.nullable = nullable;
    this.rule = new FakeConditionalFormatRule(context, this);
    this.format = new FakeConditionalRangeFormat(context, cf);
  }
  /** @internal */
  resolveCustom(): CfTarget {
    return this.need();
  }
  protected find(): CfTarget | undefined {
    const t = this.cf.resolveCf();
    if (t.model.type === 'Custom') return t;
    if (this.nullable) return undefined;
    throw new FakeOfficeError('InvalidArgument', 'The conditional format is not custom.');
  }
  protected read(): unknown {
    return undefined;
  }
  protected override child(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'rule') return this.rule as FakeClientObject<unknown>;
    if (name === 'format') return this.format as FakeClientObject<unknown>;
    return undefined;
  }
}

export class FakeConditionalFormat extends FakeClientObject<CfTarget> {
  protected readonly scalars = ['id', 'type', 'priority'] as const;
  protected override readonly nullable: boolean;
  readonly custom: FakeCustomConditionalFormat;
  readonly customOrNullObject: FakeCustomConditionalFormat;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => CfTarget | undefined,
    nullable = false,
  ) {
    super(context);
    this.nullable = nullable;
    this.custom = new FakeCustomConditionalFormat(context, this, false);
    this.customOrNullObject = new FakeCustomConditionalFormat(context, this, true);
  }
  /** @internal */
  resolveCf(): CfTarget {
    return this.need();
  }
  protected find(): CfTarget | undefined {
    return this.locate();
  }
  protected override check(t: CfTarget): CfTarget {
    if (t.sheet.deleted) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted.');
    return t;
  }
  protected read(t: CfTarget, property: string): unknown {
    if (property === 'id') return t.model.id;
    if (property === 'type') return t.model.type;
    return t.sheet.conditionalFormats.indexOf(t.model);
  }
  protected override child(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'custom') return this.custom as FakeClientObject<unknown>;
    if (name === 'customOrNullObject') return this.customOrNullObject as FakeClientObject<unknown>;
    return undefined;
  }
  get id(): string {
    return this.get('id');
  }
  get type(): string {
    return this.get('type');
  }
  /** The range the format applies to; Excel throws when it applies to several areas. */
  getRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const t = liveCf(this.need());
      const [only, ...more] = t.model.refs;
      if (!only || more.length > 0) {
        throw new FakeOfficeError('InvalidOperation', 'The conditional format has several areas.');
      }
      return { sheet: t.sheet, ref: only };
    });
  }
  /** A null object when the format is gone or applies to several areas. */
  getRangeOrNullObject(): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const t = this.resolve();
        if (!t.ok || t.value.sheet.deleted) return undefined;
        if (!t.value.sheet.conditionalFormats.includes(t.value.model)) return undefined;
        const [only, ...more] = t.value.model.refs;
        return only && more.length === 0 ? { sheet: t.value.sheet, ref: only } : undefined;
      },
      true,
    );
  }
  /** Every area the format applies to (ExcelApi 1.9). */
  getRanges(): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const t = liveCf(this.need());
        return { sheet: t.sheet, areas: t.model.refs.map((r) => ({ ...r })) };
      },
      false,
    );
  }
  get priority(): number {
    return this.get('priority');
  }
  delete(): void {
    this.write('ConditionalFormat.delete', () => {
      const t = liveCf(this.need(), true);
      t.sheet.conditionalFormats = t.sheet.conditionalFormats.filter((m) => m !== t.model);
    });
  }
}

/** Where a conditional format collection looks: a range's area, or a RangeAreas' areas. */
type AreasTarget = { sheet: FakeSheet; refs: RangeRef[] };

/**
 * `range.conditionalFormats` (ExcelApi 1.6) and `rangeAreas.conditionalFormats` (1.9): the
 * conditional formats overlapping the areas.
 */
export class FakeConditionalFormatCollection extends FakeClientObject<AreasTarget> {
  protected readonly scalars = ['items'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => AreasTarget,
  ) {
    super(context);
  }

  protected find(): AreasTarget | undefined {
    return this.locate();
  }

  protected read(): unknown {
    return undefined;
  }

  private overlapping(): CfTarget[] {
    const { sheet, refs } = this.need();
    return sheet.conditionalFormats
      .filter((m) => refs.some((r) => overlaps(m.refs, r)))
      .map((model) => ({ sheet, model }));
  }

  /**
   * `load('items/id,items/type,items/customOrNullObject/rule/formula')`. Loading more than the
   * ids and types fails the request when the collection holds a format Excel cannot describe
   * (office-js #6827), or always when `failConditionalFormatLoads` is set.
   */
  override load(option?: LoadOption): this {
    const names = (loadNames(option) ?? ['items'])
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((n) => (n === 'items' ? 'id,type,priority' : n.replace(/^items\//, '')))
      .flatMap((n) => n.split(','));
    const deep = names.some((n) => !['id', 'type', 'priority'].includes(n));
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const found = this.overlapping();
        const excel = this.context.excel;
        if (deep && (excel.failConditionalFormatLoads || found.some((t) => t.model.unreadable))) {
          throw cannotDescribe();
        }
        const items = found.map((t) => {
          const cf = new FakeConditionalFormat(this.context, () => t, false);
          for (const name of names) cf.loadPathNow(name);
          return cf;
        });
        this.context.stage(() => this.keep('items', items));
      },
    });
    return this;
  }

  get items(): FakeConditionalFormat[] {
    return this.get('items');
  }

  add(type: string): FakeConditionalFormat {
    let made: CfTarget | undefined;
    this.write('ConditionalFormatCollection.add', () => {
      const { sheet, refs } = this.need();
      sheet.writable();
      const model: FakeConditionalFormatModel = {
        id: `{cf-${++this.context.excel.nextCfId}}`,
        refs: refs.map((r) => ({ ...r })),
        type,
        formula: '',
      };
      sheet.conditionalFormats.unshift(model);
      made = { sheet, model };
    });
    return new FakeConditionalFormat(this.context, () => made);
  }

  getItem(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const t = this.overlapping().find((c) => c.model.id === id);
      if (!t) throw new FakeOfficeError('ItemNotFound', 'The conditional format does not exist.');
      return t;
    });
  }

  getItemOrNullObject(id: string): FakeConditionalFormat {
    return new FakeConditionalFormat(
      this.context,
      () => this.overlapping().find((c) => c.model.id === id),
      true,
    );
  }

  getItemAt(index: number): FakeConditionalFormat {
    return new FakeConditionalFormat(this.context, () => {
      const t = this.overlapping()[index];
      if (!t) throw new FakeOfficeError('ItemNotFound', 'The conditional format does not exist.');
      return t;
    });
  }

  clearAll(): void {
    this.write('ConditionalFormatCollection.clearAll', () => {
      const { sheet, refs } = this.need();
      sheet.writable();
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (m) => !refs.some((r) => overlaps(m.refs, r)),
      );
    });
  }
}

/**
 * A RangeAreas: the merged areas of a range (`getMergedAreasOrNullObject`), the areas of an
 * address list (`worksheet.getRanges`), or the areas a conditional format applies to.
 */
export class FakeRangeAreas extends FakeClientObject<{ sheet: FakeSheet; areas: RangeRef[] }> {
  protected readonly scalars = ['address', 'areaCount', 'cellCount'] as const;
  protected override readonly nullable: boolean;
  private cfs: FakeConditionalFormatCollection | undefined;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => { sheet: FakeSheet; areas: RangeRef[] } | undefined,
    nullable = true,
  ) {
    super(context);
    this.nullable = nullable;
  }

  protected find(): { sheet: FakeSheet; areas: RangeRef[] } | undefined {
    return this.locate();
  }

  protected override check(t: { sheet: FakeSheet; areas: RangeRef[] }) {
    if (t.sheet.deleted) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted.');
    return t;
  }

  protected read(t: { sheet: FakeSheet; areas: RangeRef[] }, property: string): unknown {
    if (property === 'areaCount') return t.areas.length;
    if (property === 'cellCount') return t.areas.reduce((n, a) => n + cellsOf(a), 0);
    return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeA1(a)}`).join(', ');
  }

  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
  get cellCount(): number {
    return this.get('cellCount');
  }

  /** The conditional formats overlapping any of the areas (ExcelApi 1.9). */
  get conditionalFormats(): FakeConditionalFormatCollection {
    this.cfs ??= new FakeConditionalFormatCollection(this.context, () => {
      const { sheet, areas } = this.need();
      return { sheet, refs: areas };
    });
    return this.cfs;
  }
}

/** `range.getVisibleView()` (ExcelApi 1.3): the rows and columns of a range not hidden. */
export class FakeRangeView extends FakeClientObject<RangeTarget> {
  protected readonly scalars = ['rowCount', 'columnCount', 'cellAddresses'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => RangeTarget,
  ) {
    super(context);
  }

  protected find(): RangeTarget {
    return this.locate();
  }

  private visible(t: RangeTarget): { rows: number[]; cols: number[] } {
    const rows: number[] = [];
    const cols: number[] = [];
    for (let r = t.ref.top; r <= t.ref.bottom; r++) if (!t.sheet.hiddenRows.has(r)) rows.push(r);
    for (let c = t.ref.left; c <= t.ref.right; c++) if (!t.sheet.hiddenColumns.has(c)) cols.push(c);
    return { rows, cols };
  }

  protected read(t: RangeTarget, property: string): unknown {
    const { rows, cols } = this.visible(t);
    if (property === 'rowCount') return cols.length === 0 ? 0 : rows.length;
    if (property === 'columnCount') return rows.length === 0 ? 0 : cols.length;
    // As Excel gives them: the sheet's name and the cell, e.g. `Sheet1!B7`.
    return rows.map((r) =>
      cols.map(
        (c) => `${quoteSheet(t.sheet.name)}!${rangeA1({ top: r, left: c, bottom: r, right: c })}`,
      ),
    );
  }

  get rowCount(): number {
    return this.get('rowCount');
  }
  get columnCount(): number {
    return this.get('columnCount');
  }
  get cellAddresses(): string[][] {
    return this.get('cellAddresses');
  }
}

/** Excel refuses an address list much past this many characters (office-js #5198). */
export const MAX_RANGES_ADDRESS = 8_192;

/** `worksheet.protection` (ExcelApi 1.2): whether the sheet is protected. */
export class FakeWorksheetProtection extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['protected'] as const;
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }
  protected read(sheet: FakeSheet): unknown {
    return sheet.protected;
  }
  get protected(): boolean {
    return this.get('protected');
  }
  protect(): void {
    this.write('WorksheetProtection.protect', () => {
      this.need().protected = true;
    });
  }
  unprotect(): void {
    this.write('WorksheetProtection.unprotect', () => {
      this.need().protected = false;
    });
  }
}

export class FakeFreezePanes extends FakeClientObject<FakeSheet> {
  protected readonly scalars = [] as const;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }

  protected read(): unknown {
    return undefined;
  }

  /** Freezing acts on the sheet's view: Excel has failed it on hidden sheets (office-js #3148). */
  protected override check(sheet: FakeSheet): FakeSheet {
    if (sheet.visibility !== 'Visible') {
      throw new FakeOfficeError('InvalidOperation', 'Cannot freeze panes on a hidden sheet.');
    }
    return sheet;
  }

  freezeRows(count = 1): void {
    this.write('WorksheetFreezePanes.freezeRows', () => {
      this.need().frozen = { rows: count, columns: 0 };
    });
  }

  freezeColumns(count = 1): void {
    this.write('WorksheetFreezePanes.freezeColumns', () => {
      this.need().frozen = { rows: 0, columns: count };
    });
  }

  /** Freeze the rows above and the columns left of the range's bottom-right corner, inclusive. */
  freezeAt(frozenRange: string | FakeRange): void {
    this.write('WorksheetFreezePanes.freezeAt', () => {
      const sheet = this.need();
      const ref =
        typeof frozenRange === 'string'
          ? parseRange(frozenRange)
          : (frozenRange.resolveTarget().ref as RangeRef);
      sheet.frozen = { rows: ref.bottom + 1, columns: ref.right + 1 };
    });
  }

  unfreeze(): void {
    this.write('WorksheetFreezePanes.unfreeze', () => {
      this.need().frozen = { rows: 0, columns: 0 };
    });
  }
}

const CHART_TYPES = new Set([
  'ColumnClustered',
  'ColumnStacked',
  'BarClustered',
  'BarStacked',
  'Line',
  'Pie',
]);

export class FakeChartTitle extends FakeClientObject<FakeChartModel> {
  protected readonly scalars = ['text'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {
    super(context);
  }

  protected find(): FakeChartModel | undefined {
    return this.chart.resolveModel();
  }

  protected read(m: FakeChartModel): unknown {
    return m.title;
  }

  get text(): string {
    return this.get('text');
  }
  set text(v: string) {
    this.keep('text', v);
    this.write('ChartTitle.text', () => (this.need().title = v));
  }
}

export class FakeChartSeries extends FakeClientObject<FakeChartSeriesModel> {
  protected readonly scalars = ['name'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => FakeChartSeriesModel | undefined,
  ) {
    super(context);
  }

  protected find(): FakeChartSeriesModel | undefined {
    return this.locate();
  }

  protected read(m: FakeChartSeriesModel): unknown {
    return m.name;
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.keep('name', v);
    this.write('ChartSeries.name', () => (this.need().name = v));
  }

  setValues(source: FakeRange): void {
    this.write('ChartSeries.setValues', () => {
      this.need().values = rangeA1(source.resolveTarget().ref);
    });
  }

  setXAxisValues(source: FakeRange): void {
    this.write('ChartSeries.setXAxisValues', () => {
      this.need().xValues = rangeA1(source.resolveTarget().ref);
    });
  }
}

export class FakeChartSeriesCollection extends FakeClientObject<FakeChartModel> {
  protected readonly scalars = ['count'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly chart: FakeChart,
  ) {
    super(context);
  }

  protected find(): FakeChartModel | undefined {
    return this.chart.resolveModel();
  }

  protected read(m: FakeChartModel): unknown {
    return m.series.length;
  }

  get count(): number {
    return this.get('count');
  }

  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.context, () => {
      const s = this.need().series[index];
      if (!s) throw new FakeOfficeError('ItemNotFound', 'The series does not exist.');
      return s;
    });
  }

  add(name?: string): FakeChartSeries {
    let made: FakeChartSeriesModel | undefined;
    this.write('ChartSeriesCollection.add', () => {
      made = { name: name ?? '', values: '' };
      this.need().series.push(made);
    });
    return new FakeChartSeries(this.context, () => made);
  }
}

export class FakeChart extends FakeClientObject<FakeChartModel> {
  protected readonly scalars = ['name', 'chartType', 'id'] as const;
  readonly title: FakeChartTitle;
  readonly series: FakeChartSeriesCollection;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => FakeChartModel | undefined,
  ) {
    super(context);
    this.title = new FakeChartTitle(context, this);
    this.series = new FakeChartSeriesCollection(context, this);
  }

  /** @internal */
  resolveModel(): FakeChartModel {
    return this.need();
  }

  protected find(): FakeChartModel | undefined {
    return this.locate();
  }

  protected read(m: FakeChartModel, property: string): unknown {
    if (property === 'chartType') return m.type;
    if (property === 'id') return m.id;
    return m.name;
  }

  get name(): string {
    return this.get('name');
  }
  set name(v: string) {
    this.keep('name', v);
    this.write('Chart.name', () => (this.need().name = v));
  }
  get chartType(): string {
    return this.get('chartType');
  }

  setPosition(startCell: string | FakeRange, endCell?: string | FakeRange): void {
    const address = (c: string | FakeRange) =>
      typeof c === 'string' ? rangeA1(parseRange(c)) : rangeA1(c.resolveTarget().ref);
    this.write('Chart.setPosition', () => {
      const m = this.need();
      m.position = { start: address(startCell), ...(endCell ? { end: address(endCell) } : {}) };
    });
  }
}

export class FakeChartCollection extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['count'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }

  protected read(sheet: FakeSheet): unknown {
    return sheet.charts.length;
  }

  get count(): number {
    return this.get('count');
  }

  add(type: string, sourceData: FakeRange, seriesBy = 'Auto'): FakeChart {
    let made: FakeChartModel | undefined;
    this.write('ChartCollection.add', () => {
      const sheet = this.need();
      if (!CHART_TYPES.has(type)) throw invalidArgument(`Unknown chart type ${type}.`);
      const { ref, sheet: from } = sourceData.resolveTarget();
      if (from !== sheet) throw invalidArgument('The source data is on another sheet.');
      const byRows = seriesBy === 'Rows';
      const n = byRows ? ref.bottom - ref.top + 1 : ref.right - ref.left + 1;
      const series = Array.from({ length: n }, (_, i) => ({
        name: '',
        values: rangeA1(
          byRows
            ? { ...ref, top: ref.top + i, bottom: ref.top + i }
            : { ...ref, left: ref.left + i, right: ref.left + i },
        ),
      }));
      const id = `{chart-${++this.context.excel.nextChartId}}`;
      made = {
        id,
        name: `Chart ${sheet.charts.length + 1}`,
        type,
        source: rangeA1(ref),
        seriesBy,
        title: '',
        series,
      };
      sheet.charts.push(made);
    });
    return new FakeChart(this.context, () => made);
  }
}

const INVALID_SHEET_NAME = /[[\]:*?/\\]/;

export class FakeNamedItem extends FakeClientObject<{ sheet: FakeSheet; name: string }> {
  protected readonly scalars = ['name', 'formula', 'value'] as const;
  protected override readonly nullable: boolean;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => { sheet: FakeSheet; name: string } | undefined,
    nullable = false,
  ) {
    super(context);
    this.nullable = nullable;
  }

  protected find(): { sheet: FakeSheet; name: string } | undefined {
    return this.locate();
  }

  protected read(t: { sheet: FakeSheet; name: string }, property: string): unknown {
    if (property === 'name') return t.name;
    return t.sheet.names.get(t.name);
  }

  get name(): string {
    return this.get('name');
  }
  get formula(): string {
    return this.get('formula');
  }

  delete(): void {
    this.write('NamedItem.delete', () => {
      const t = this.need();
      t.sheet.names.delete(t.name);
    });
  }
}

/** `worksheet.names` (ExcelApi 1.4): names scoped to one sheet, found case-insensitively. */
export class FakeNamedItemCollection extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['count'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }

  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }

  protected read(sheet: FakeSheet): unknown {
    return sheet.names.size;
  }

  private lookup(sheet: FakeSheet, name: string): string | undefined {
    const lower = name.toLowerCase();
    return [...sheet.names.keys()].find((n) => n.toLowerCase() === lower);
  }

  add(name: string, reference: string | FakeRange, _comment?: string): FakeNamedItem {
    this.write('NamedItemCollection.add', () => {
      const sheet = this.need();
      if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name)) throw invalidArgument();
      if (this.lookup(sheet, name)) {
        throw new FakeOfficeError('ItemAlreadyExists', 'The name already exists.');
      }
      const formula =
        typeof reference === 'string'
          ? reference
          : `=${quoteSheet(sheet.name)}!${rangeA1(reference.resolveTarget().ref)}`;
      sheet.names.set(name, formula);
    });
    return new FakeNamedItem(this.context, () => {
      const sheet = this.need();
      return { sheet, name };
    });
  }

  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.context, () => {
      const sheet = this.need();
      const found = this.lookup(sheet, name);
      if (!found) throw new FakeOfficeError('ItemNotFound', 'The name does not exist.');
      return { sheet, name: found };
    });
  }

  getItemOrNullObject(name: string): FakeNamedItem {
    return new FakeNamedItem(
      this.context,
      () => {
        const sheet = this.need();
        const found = this.lookup(sheet, name);
        return found ? { sheet, name: found } : undefined;
      },
      true,
    );
  }
}

const PAPER_SIZES = new Set(['Letter', 'Legal', 'A3', 'A4', 'A5', 'B4', 'B5']);
const MARGINS = [
  'leftMargin',
  'rightMargin',
  'topMargin',
  'bottomMargin',
  'headerMargin',
  'footerMargin',
] as const;
const HEADER_FOOTER = [
  'leftHeader',
  'centerHeader',
  'rightHeader',
  'leftFooter',
  'centerFooter',
  'rightFooter',
] as const;

/** `worksheet.pageLayout` (ExcelApi 1.9): orientation, paper, zoom, margins, print titles. */
export class FakePageLayout extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['orientation', 'paperSize', 'centerHorizontally'] as const;
  readonly headersFooters: { defaultForAllPages: Record<(typeof HEADER_FOOTER)[number], string> };

  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
    // Margins are points, at least 0; headers and footers are Excel's codes.
    for (const m of MARGINS) {
      Object.defineProperty(this, m, {
        set: (v: number) => {
          if (!(v >= 0)) throw invalidArgument();
          this.write(`PageLayout.${m}`, () => (this.need().print.margins[m] = v));
        },
      });
    }
    const pages = {} as Record<(typeof HEADER_FOOTER)[number], string>;
    for (const h of HEADER_FOOTER) {
      Object.defineProperty(pages, h, {
        set: (v: string) => {
          if (typeof v !== 'string') throw invalidArgument();
          this.write(`HeaderFooter.${h}`, () => (this.need().print.headerFooter[h] = v));
        },
      });
    }
    this.headersFooters = { defaultForAllPages: pages };
  }

  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }

  protected read(sheet: FakeSheet, property: string): unknown {
    if (property === 'paperSize') return sheet.print.paperSize ?? 'Letter';
    if (property === 'centerHorizontally') return sheet.print.centerHorizontally ?? false;
    return sheet.orientation;
  }

  get orientation(): string {
    return this.get('orientation');
  }
  set orientation(v: 'Portrait' | 'Landscape') {
    if (v !== 'Portrait' && v !== 'Landscape') throw invalidArgument();
    this.keep('orientation', v);
    this.write('PageLayout.orientation', () => {
      this.need().orientation = v;
    });
  }
  set paperSize(v: string) {
    if (!PAPER_SIZES.has(v)) throw invalidArgument();
    this.write('PageLayout.paperSize', () => (this.need().print.paperSize = v));
  }
  set centerHorizontally(v: boolean) {
    this.write('PageLayout.centerHorizontally', () => (this.need().print.centerHorizontally = v));
  }
  set zoom(v: FakePrintModel['zoom']) {
    const ok = (n: number | undefined) => n === undefined || (Number.isInteger(n) && n >= 0);
    if (!v || !ok(v.horizontalFitToPages) || !ok(v.verticalFitToPages)) throw invalidArgument();
    this.write('PageLayout.zoom', () => (this.need().print.zoom = { ...v }));
  }
  setPrintTitleRows(rows: string): void {
    if (!/^\$\d+:\$\d+$/.test(rows)) throw invalidArgument(`Not whole rows: ${rows}`);
    this.write('PageLayout.setPrintTitleRows', () => (this.need().print.titleRows = rows));
  }
  setPrintTitleColumns(columns: string): void {
    if (!/^\$[A-Z]+:\$[A-Z]+$/.test(columns))
      throw invalidArgument(`Not whole columns: ${columns}`);
    this.write('PageLayout.setPrintTitleColumns', () => (this.need().print.titleColumns = columns));
  }
}

/** `worksheet.horizontalPageBreaks` (ExcelApi 1.9): `add` only. */
export class FakePageBreakCollection extends FakeClientObject<FakeSheet> {
  protected readonly scalars = [] as const;
  constructor(
    context: FakeRequestContext,
    private readonly worksheet: FakeWorksheet,
  ) {
    super(context);
  }
  protected find(): FakeSheet | undefined {
    return this.worksheet.resolveSheet();
  }
  protected read(): unknown {
    return undefined;
  }
  add(cell: string): void {
    const { row } = cellOf(cell);
    this.write('PageBreakCollection.add', () => this.need().print.breaks.push(row));
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['name', 'id', 'position', 'visibility'] as const;
  protected override readonly nullable: boolean;
  readonly freezePanes: FakeFreezePanes;
  readonly charts: FakeChartCollection;
  readonly names: FakeNamedItemCollection;
  readonly pageLayout: FakePageLayout;
  readonly protection: FakeWorksheetProtection;
  readonly horizontalPageBreaks: FakePageBreakCollection;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => FakeSheet | undefined,
    nullable = false,
    track = true,
  ) {
    super(context, track);
    this.nullable = nullable;
    this.freezePanes = new FakeFreezePanes(context, this);
    this.charts = new FakeChartCollection(context, this);
    this.names = new FakeNamedItemCollection(context, this);
    this.pageLayout = new FakePageLayout(context, this);
    this.protection = new FakeWorksheetProtection(context, this);
    this.horizontalPageBreaks = new FakePageBreakCollection(context, this);
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    if (name === 'protection') return this.protection as FakeClientObject<unknown>;
    return undefined;
  }

  /** Several areas of this sheet at once (`"B10:D10,C19"`, ExcelApi 1.9). */
  getRanges(address: string): FakeRangeAreas {
    return new FakeRangeAreas(
      this.context,
      () => {
        const sheet = this.need();
        if (address.length > MAX_RANGES_ADDRESS) {
          throw invalidArgument('The argument is invalid or missing or has an incorrect format.');
        }
        let areas: RangeRef[];
        try {
          areas = address.split(/[,;]/).map((a) => parseRange(a.trim()));
        } catch {
          throw invalidArgument();
        }
        if (areas.some((r) => r.bottom >= MAX_ROWS || r.right >= MAX_COLUMNS)) {
          throw invalidArgument('The address is outside the sheet.');
        }
        return { sheet, areas };
      },
      false,
    );
  }

  /** @internal */
  resolveSheet(): FakeSheet {
    return this.need();
  }

  protected find(): FakeSheet | undefined {
    return this.locate();
  }

  protected override check(sheet: FakeSheet): FakeSheet {
    if (sheet.deleted) throw new FakeOfficeError('ItemNotFound', 'The sheet was deleted.');
    return sheet;
  }

  protected read(sheet: FakeSheet, property: string): unknown {
    if (property === 'name') return sheet.name;
    if (property === 'id') return sheet.id;
    if (property === 'visibility') return sheet.visibility;
    return this.context.excel.sheets.indexOf(sheet);
  }

  get name(): string {
    return this.get('name');
  }
  set name(name: string) {
    this.keep('name', name);
    this.write('Worksheet.name', () => {
      const sheet = this.need();
      this.context.excel.checkName(name, sheet);
      if (this.context.excel.activeSheet === sheet.name) this.context.excel.activeSheet = name;
      sheet.name = name;
    });
  }
  get id(): string {
    return this.get('id');
  }
  get position(): number {
    return this.get('position');
  }
  set position(position: number) {
    this.keep('position', position);
    this.write('Worksheet.position', () => {
      const sheet = this.need();
      const sheets = this.context.excel.sheets;
      if (position < 0 || position >= sheets.length) throw invalidArgument();
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(position, 0, sheet);
    });
  }
  get visibility(): string {
    return this.get('visibility');
  }
  set visibility(v: 'Visible' | 'Hidden' | 'VeryHidden') {
    this.keep('visibility', v);
    this.write('Worksheet.visibility', () => {
      const sheet = this.need();
      if (v !== 'Visible' && this.context.excel.visibleSheets().every((s) => s === sheet)) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible sheet.');
      }
      sheet.visibility = v;
    });
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(
      this.context,
      () => {
        const sheet = this.need();
        const ref = sheet.usedRange(valuesOnly);
        return ref && { sheet, ref };
      },
      true,
    );
  }

  getUsedRange(valuesOnly = false): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.need();
      return {
        sheet,
        ref: sheet.usedRange(valuesOnly) ?? { top: 0, left: 0, bottom: 0, right: 0 },
      };
    });
  }

  /** An A1 address on this sheet (`B2:D4`); no address is the whole sheet. */
  getRange(address?: string): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.need();
      if (address === undefined || address === '') {
        return { sheet, ref: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      }
      let ref: RangeRef;
      try {
        if (address.includes('!')) throw new RangeError('sheet prefix');
        // Whole columns, `L:O`.
        const cols = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(address);
        ref = cols
          ? {
              top: 0,
              bottom: MAX_ROWS - 1,
              left: columnIndex(cols[1] ?? ''),
              right: columnIndex(cols[2] ?? ''),
            }
          : parseRange(address);
      } catch {
        throw invalidArgument();
      }
      if (ref.bottom >= MAX_ROWS || ref.right >= MAX_COLUMNS) {
        throw invalidArgument('The address is outside the sheet.');
      }
      return { sheet, ref };
    });
  }

  getRangeByIndexes(
    startRow: number,
    startColumn: number,
    rowCount: number,
    columnCount: number,
  ): FakeRange {
    return new FakeRange(this.context, () => {
      const sheet = this.need();
      if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0) {
        throw invalidArgument('The argument is invalid.');
      }
      return {
        sheet,
        ref: {
          top: startRow,
          left: startColumn,
          bottom: startRow + rowCount - 1,
          right: startColumn + columnCount - 1,
        },
      };
    });
  }

  activate(): void {
    this.write('Worksheet.activate', () => {
      const sheet = this.need();
      if (sheet.visibility !== 'Visible') {
        throw new FakeOfficeError('InvalidOperation', 'Cannot activate a hidden sheet.');
      }
      this.context.excel.activeSheet = sheet.name;
    });
  }

  delete(): void {
    this.write('Worksheet.delete', () => {
      const sheet = this.need();
      const excel = this.context.excel;
      if (excel.visibleSheets().every((s) => s === sheet)) {
        throw new FakeOfficeError('InvalidOperation', 'A workbook must keep one visible sheet.');
      }
      excel.sheets.splice(excel.sheets.indexOf(sheet), 1);
      sheet.deleted = true;
      if (excel.activeSheet === sheet.name)
        excel.activeSheet = excel.visibleSheets()[0]?.name ?? '';
      if (excel.selection?.sheet === sheet.name) excel.selection = undefined;
    });
  }
}

export class FakeWorksheetCollection extends FakeClientObject<FakeSheet[]> {
  protected readonly scalars = ['items'] as const;

  protected find(): FakeSheet[] {
    return this.context.excel.sheets;
  }

  protected read(): unknown {
    return undefined;
  }

  /** `load('items/name')` and `load('name')` both load the items' properties; `items` all. */
  override load(option?: LoadOption): this {
    const names = loadNames(option) ?? ['items'];
    const props = names
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((n) => (n === 'items' ? '*' : n.replace(/^items\//, '')));
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const items = this.need().map((sheet) => {
          const ws = new FakeWorksheet(this.context, () => sheet, false, false);
          ws.loadNow(props.filter((p) => !p.includes('/')));
          for (const p of props.filter((q) => q.includes('/'))) ws.loadPathNow(p);
          return ws;
        });
        this.context.stage(() => this.keep('items', items));
      },
    });
    return this;
  }

  get items(): FakeWorksheet[] {
    return this.get('items');
  }

  /** By name (case-insensitive, as Excel) or by id. */
  getItem(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.excel.sheet(nameOrId) ?? this.context.excel.sheetById(nameOrId);
      if (!sheet) {
        throw new FakeOfficeError(
          'ItemNotFound',
          'The requested resource doesn\u2019t exist.',
          'WorksheetCollection.getItem',
        );
      }
      return sheet;
    });
  }

  getItemOrNullObject(nameOrId: string): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () => this.context.excel.sheet(nameOrId) ?? this.context.excel.sheetById(nameOrId),
      true,
    );
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () =>
        this.context.excel.sheet(this.context.excel.activeSheet) ?? this.context.excel.sheets[0],
    );
  }

  /** A new sheet at the end; Excel names it `SheetN` when no name is given. */
  add(name?: string): FakeWorksheet {
    let made: FakeSheet | undefined;
    this.write('WorksheetCollection.add', () => {
      const excel = this.context.excel;
      let chosen = name;
      if (chosen === undefined) {
        let n = excel.sheets.length + 1;
        while (excel.sheet(`Sheet${n}`)) n++;
        chosen = `Sheet${n}`;
      }
      excel.checkName(chosen);
      made = new FakeSheet(chosen, excel.newSheetId());
      excel.sheets.push(made);
    });
    return new FakeWorksheet(this.context, () => made);
  }
}

export class FakeSetting extends FakeClientObject<{ key: string }> {
  protected readonly scalars = ['key', 'value'] as const;
  protected override readonly nullable: boolean;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => { key: string } | undefined,
    nullable = false,
  ) {
    super(context);
    this.nullable = nullable;
  }

  protected find(): { key: string } | undefined {
    return this.locate();
  }

  protected read(t: { key: string }, property: string): unknown {
    if (property === 'key') return t.key;
    return this.context.excel.settings.has(t.key)
      ? structuredCloneJson(this.context.excel.settings.get(t.key))
      : undefined;
  }

  get key(): string {
    return this.get('key');
  }
  get value(): unknown {
    return this.get('value');
  }
  set value(v: unknown) {
    this.keep('value', v);
    this.write(
      'Setting.value',
      () => {
        const t = this.need();
        this.context.excel.settings.set(t.key, structuredCloneJson(v));
      },
      () => 0,
      () => jsonBytes(v),
    );
  }

  delete(): void {
    this.write('Setting.delete', () => {
      const t = this.need();
      this.context.excel.settings.delete(t.key);
    });
  }
}

/** Settings are stored as JSON in the document. */
function structuredCloneJson(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}

export class FakeSettingCollection extends FakeClientObject<Map<string, unknown>> {
  protected readonly scalars = ['items'] as const;

  protected find(): Map<string, unknown> {
    return this.context.excel.settings;
  }

  protected read(): unknown {
    return undefined;
  }

  add(key: string, value: unknown): FakeSetting {
    if (typeof key !== 'string' || key === '') throw invalidArgument();
    this.write(
      'SettingCollection.add',
      () => {
        this.context.excel.settings.set(key, structuredCloneJson(value));
      },
      () => 0,
      () => jsonBytes(value),
    );
    return new FakeSetting(this.context, () => ({ key }));
  }

  getItem(key: string): FakeSetting {
    return new FakeSetting(this.context, () => {
      if (!this.context.excel.settings.has(key)) {
        throw new FakeOfficeError('ItemNotFound', 'The requested resource doesn\u2019t exist.');
      }
      return { key };
    });
  }

  getItemOrNullObject(key: string): FakeSetting {
    return new FakeSetting(
      this.context,
      () => (this.context.excel.settings.has(key) ? { key } : undefined),
      true,
    );
  }
}

export class FakeApplication extends FakeClientObject<FakeExcel> {
  protected readonly scalars = ['calculationMode'] as const;

  protected find(): FakeExcel {
    return this.context.excel;
  }

  protected read(): unknown {
    return 'Automatic';
  }

  get calculationMode(): string {
    return this.get('calculationMode');
  }

  /** Excel stops recalculating until the next sync; the fake counts the requests that asked. */
  suspendApiCalculationUntilNextSync(): void {
    this.write('Application.suspendApiCalculationUntilNextSync', () => {
      this.context.excel.calculationSuspensions++;
    });
  }
}

export class FakeWorkbook extends FakeClientObject<FakeExcel> {
  protected readonly scalars = ['name'] as const;
  readonly worksheets: FakeWorksheetCollection;
  readonly settings: FakeSettingCollection;
  readonly application: FakeApplication;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
    this.settings = new FakeSettingCollection(context);
    this.application = new FakeApplication(context);
  }

  protected find(): FakeExcel {
    return this.context.excel;
  }

  protected read(excel: FakeExcel): unknown {
    return excel.workbookName;
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    return name === 'worksheets' ? (this.worksheets as FakeClientObject<unknown>) : undefined;
  }

  get name(): string {
    return this.get('name');
  }

  getSelectedRange(): FakeRange {
    return new FakeRange(this.context, () => {
      const sel = this.context.excel.selection;
      const sheet = sel ? this.context.excel.sheet(sel.sheet) : this.context.excel.sheets[0];
      if (!sheet) return undefined;
      return { sheet, ref: parseRange(sel?.address ?? 'A1') };
    });
  }
}

/** What `Excel.run` hands the batch. */
export class FakeRequestContext {
  readonly workbook: FakeWorkbook;
  private queue: Op[] = [];
  private staged: (() => void)[] = [];
  private tracked: FakeClientObject<unknown>[] = [];
  private responseBytes = 0;

  constructor(
    readonly excel: FakeExcel,
    /** `Excel.run({ delayForCellEdit: true }, …)`: wait out cell-edit mode, do not fail. */
    readonly delayForCellEdit = false,
  ) {
    this.workbook = new FakeWorkbook(this);
  }

  /** @internal A value a load returns, for the response's size. */
  received(value: unknown): void {
    this.responseBytes += jsonBytes(value);
  }

  /** @internal */
  enqueue(op: Op): void {
    this.queue.push(op);
  }

  /** @internal Results become visible only when the whole request succeeded. */
  stage(commit: () => void): void {
    this.staged.push(commit);
  }

  /** @internal */
  track(obj: FakeClientObject<unknown>): void {
    this.tracked.push(obj as FakeClientObject<unknown>);
  }

  /** @internal Whether operations wait for a sync. */
  get pending(): boolean {
    return this.queue.length > 0;
  }

  async sync(): Promise<void> {
    const ops = this.queue;
    const tracked = this.tracked;
    this.queue = [];
    this.tracked = [];
    this.staged = [];
    this.responseBytes = 0;
    this.excel.syncCount++;
    // The request travels; nothing is visible before the answer.
    await Promise.resolve();
    if (this.excel.cellEditMode) {
      if (!this.delayForCellEdit) {
        this.excel.requests.push({ cells: 0, bytes: 0, responseBytes: 0, ok: false });
        throw new FakeOfficeError(
          'InvalidOperationInCellEditMode',
          'The operation isn’t available while Excel is in Edit cell mode.',
        );
      }
      await this.excel.cellEditEnded();
    }
    const cells = ops.reduce((n, op) => n + op.cells(), 0);
    const bytes = ops.reduce((n, op) => n + OP_BYTES + (op.bytes?.() ?? 0), 0);
    const limit = this.excel.payloadCellLimit;
    const byteLimit = this.excel.payloadByteLimit;
    const refuse = (code: FakeExcel['payloadErrorCode'], responseBytes = 0) => {
      this.excel.requests.push({ cells, bytes, responseBytes, ok: false });
      return new FakeOfficeError(
        code,
        code === 'RequestPayloadSizeLimitExceeded'
          ? 'The request payload size has exceeded the limit.'
          : 'The response payload size has exceeded the limit.',
      );
    };
    if (limit !== undefined && cells > limit) {
      // Office.js drops the refused request; objects made for it are sent again with the next.
      this.tracked.unshift(...tracked);
      throw refuse(this.excel.payloadErrorCode);
    }
    if (byteLimit !== undefined && bytes > byteLimit) {
      this.tracked.unshift(...tracked);
      throw refuse('RequestPayloadSizeLimitExceeded');
    }
    try {
      // Not a transaction: what ran before a failing operation stays done, as in Excel.
      for (const op of ops) op.run();
      for (const obj of tracked) obj.resolve();
    } catch (e) {
      this.staged = [];
      this.excel.requests.push({ cells, bytes, responseBytes: this.responseBytes, ok: false });
      throw e;
    }
    if (byteLimit !== undefined && this.responseBytes > byteLimit) {
      this.staged = [];
      throw refuse('ResponsePayloadSizeLimitExceeded', this.responseBytes);
    }
    for (const commit of this.staged) commit();
    this.staged = [];
    this.excel.requests.push({ cells, bytes, responseBytes: this.responseBytes, ok: true });
  }
}

/** The in-memory Excel: its workbook, the counters, and `run` standing in for `Excel.run`. */
export class FakeExcel {
  readonly sheets: FakeSheet[];
  readonly settings = new Map<string, unknown>();
  workbookName: string;
  activeSheet: string;
  selection: { sheet: string; address: string } | undefined;
  /** Calls of context.sync(), including the ones Excel refused. */
  syncCount = 0;
  /**
   * Every request that reached Excel: cells of values it carried, its size and its response's
   * in bytes as Excel counts them (see `payloadByteLimit`), and whether it succeeded.
   */
  readonly requests: { cells: number; bytes: number; responseBytes: number; ok: boolean }[] = [];
  /** The .xlsx files (base64) opened as new workbooks (`Excel.createWorkbook`). */
  readonly createdWorkbooks: string[] = [];
  /** See FakeExcelOptions.failConditionalFormatLoads. */
  failConditionalFormatLoads: boolean;
  /** The user is editing a cell: requests fail, or wait when delayForCellEdit. */
  cellEditMode = false;
  private editEnded: (() => void)[] = [];
  /** Requests that suspended calculation (`suspendApiCalculationUntilNextSync`). */
  calculationSuspensions = 0;
  /** Operations to fail once each, by name (`ChartCollection.add`, `Range.values`, …). */
  readonly faults: FakeFault[] = [];
  payloadCellLimit: number | undefined;
  payloadByteLimit: number | undefined;
  /** See FakeExcelOptions.nullFillPattern. */
  nullFillPattern: boolean;
  payloadErrorCode: 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded';
  rangeCellLimit: number;
  /** @internal */
  nextChartId = 0;
  /** @internal */
  nextCfId = 0;
  private nextSheetId = 0;

  constructor(init: FakeWorkbookInit, opts: FakeExcelOptions = {}) {
    this.sheets = init.sheets.map((s) => new FakeSheet(s.name, this.newSheetId(), s));
    for (const [k, v] of Object.entries(init.settings ?? {})) this.settings.set(k, v);
    this.workbookName = init.name ?? 'Book1.xlsx';
    this.activeSheet = opts.activeSheet ?? this.sheets[0]?.name ?? '';
    this.payloadCellLimit = opts.payloadCellLimit;
    this.payloadByteLimit = opts.payloadByteLimit;
    this.nullFillPattern = opts.nullFillPattern ?? false;
    this.payloadErrorCode = opts.payloadErrorCode ?? 'RequestPayloadSizeLimitExceeded';
    this.rangeCellLimit = opts.rangeCellLimit ?? 5_000_000;
    this.failConditionalFormatLoads = opts.failConditionalFormatLoads ?? false;
  }

  /** The user starts editing a cell (double-click, F2). */
  enterCellEditMode(): void {
    this.cellEditMode = true;
  }

  /** The user presses Enter or Esc: requests that waited go on. */
  leaveCellEditMode(): void {
    this.cellEditMode = false;
    const waiting = this.editEnded;
    this.editEnded = [];
    for (const go of waiting) go();
  }

  /** @internal Resolves when cell-edit mode ends. */
  cellEditEnded(): Promise<void> {
    if (!this.cellEditMode) return Promise.resolve();
    return new Promise((resolve) => this.editEnded.push(resolve));
  }

  /** Stands in for `Excel.createWorkbook`: the file is kept, as if opened in a new window. */
  createWorkbook = async (base64?: string): Promise<void> => {
    await Promise.resolve();
    if (typeof base64 !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(base64)) {
      throw invalidArgument('The file is not base64.');
    }
    this.createdWorkbooks.push(base64);
  };

  /** Excel's ids look like `{00000000-0001-0000-0000-000000000000}`. */
  newSheetId(): string {
    const n = (++this.nextSheetId).toString(16).toUpperCase().padStart(4, '0');
    return `{00000000-${n}-0000-0000-000000000000}`;
  }

  /** A sheet by name, case-insensitively as Excel compares sheet names. */
  sheet(name: string): FakeSheet | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === lower);
  }

  sheetById(id: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.id === id);
  }

  /**
   * Give every sheet a new id, as Excel may between sessions (office-js-docs #297, office-js
   * #1390): names, contents and sheet-scoped names stay.
   */
  reassignSheetIds(): void {
    for (const sheet of this.sheets) sheet.id = this.newSheetId();
  }

  visibleSheets(): FakeSheet[] {
    return this.sheets.filter((s) => s.visibility === 'Visible');
  }

  /** @internal Excel's rules for a sheet name. */
  checkName(name: string, self?: FakeSheet): void {
    if (
      name.trim() === '' ||
      name.length > 31 ||
      INVALID_SHEET_NAME.test(name) ||
      /^'|'$/.test(name)
    ) {
      throw invalidArgument(`'${name}' is not a valid sheet name.`);
    }
    const other = this.sheet(name);
    if (other && other !== self) {
      throw new FakeOfficeError(
        'ItemAlreadyExists',
        'A resource with the same name or identifier already exists.',
      );
    }
  }

  /** @internal Fail if a fault was planted for this operation. */
  fault(op: string): void {
    const i = this.faults.findIndex((f) => f.op === op);
    if (i < 0) return;
    const [f] = this.faults.splice(i, 1);
    throw new FakeOfficeError(f?.code ?? 'GeneralException', f?.message ?? `${op} failed.`);
  }

  /**
   * Stands in for `Excel.run`: a fresh context, and a last sync of anything left queued. Takes
   * the batch first and its options second, as ExcelBatch (src/excel/context.ts) does; the
   * browser's Excel.run (options first) is adapted in fake-office-browser.ts.
   */
  run = async <T>(
    batch: (context: FakeRequestContext) => Promise<T>,
    options?: { delayForCellEdit?: boolean },
  ): Promise<T> => {
    const context = new FakeRequestContext(this, options?.delayForCellEdit === true);
    const result = await batch(context);
    if (context.pending) await context.sync();
    return result;
  };
}
