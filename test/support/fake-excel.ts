/**
 * An in-memory Excel for tests: the subset of the Excel JavaScript API that Tally's adapter
 * uses, with Office.js's proxy semantics. Nothing is read or written until `context.sync()`;
 * a property read before it was loaded and synced throws `PropertyNotLoaded`; a method that
 * returns an object returns a proxy resolved at the next sync; `*OrNullObject` proxies report
 * `isNullObject` after a sync. Syncs are counted, and the fake can refuse a request above a
 * payload size (Excel on the web's 5 MB limit) or return null values for a range above the
 * get limit, as Excel does.
 *
 * Plain TypeScript, no Node imports: jest tests use it, and the browser test bundles it as a
 * stand-in for office.js (fake-office-browser.ts).
 */
import { parseRange, rangeA1, type RangeRef } from '../../src/core/model/a1';

export type FakeValue = number | string | boolean;

/** A sheet as given: a WorkbookData sheet fits (null is empty; CellError becomes its code). */
export interface FakeSheetInit {
  name: string;
  rows: readonly (readonly unknown[])[];
  /** Sheet row and column (0-based) of rows[0][0]. */
  origin?: { row: number; col: number };
  merges?: readonly RangeRef[];
}

export interface FakeWorkbookInit {
  sheets: readonly FakeSheetInit[];
  /** The workbook's file name, as `workbook.name` reports it. */
  name?: string;
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
const MERGED_AREAS_LIMIT = 512;

function notLoaded(property: string): FakeOfficeError {
  return new FakeOfficeError(
    'PropertyNotLoaded',
    `The property '${property}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

function cellsOf(r: RangeRef): number {
  return (r.bottom - r.top + 1) * (r.right - r.left + 1);
}

function intersects(a: RangeRef, b: RangeRef): boolean {
  return a.top <= b.bottom && b.top <= a.bottom && a.left <= b.right && b.left <= a.right;
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

function normaliseColor(color: string): string {
  const named = NAMED_COLORS[color.toLowerCase()];
  if (named) return named;
  return /^#[0-9a-f]{6}$/i.test(color) ? color.toUpperCase() : color;
}

/** One worksheet's contents. Cells are stored by absolute position; '' is empty. */
export class FakeSheet {
  private grid: FakeValue[][] = [];
  readonly fills = new Map<string, string>();
  merges: RangeRef[];

  constructor(
    public name: string,
    init?: FakeSheetInit,
  ) {
    this.merges = [...(init?.merges ?? [])];
    if (!init) return;
    const top = init.origin?.row ?? 0;
    const left = init.origin?.col ?? 0;
    init.rows.forEach((row, i) => {
      const out: FakeValue[] = new Array<FakeValue>(left + row.length).fill('');
      row.forEach((v, j) => (out[left + j] = fakeValue(v)));
      this.grid[top + i] = out;
    });
  }

  valueAt(row: number, col: number): FakeValue {
    return this.grid[row]?.[col] ?? '';
  }

  setValue(row: number, col: number, v: unknown): void {
    const r = (this.grid[row] ??= []);
    for (let j = r.length; j < col; j++) r[j] = '';
    r[col] = fakeValue(v);
  }

  /** The rectangle holding every value (and, unless valuesOnly, every fill); undefined if none. */
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
      for (const key of this.fills.keys()) {
        const [r = 0, c = 0] = key.split(',').map(Number);
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

  fillAt(row: number, col: number): string | undefined {
    return this.fills.get(`${row},${col}`);
  }
}

type Target<T> = { ok: true; value: T } | { ok: false; error?: FakeOfficeError };

interface Op {
  /** Cells of values this operation carries, for the payload limit. */
  cells(): number;
  run(): void;
}

interface RangeTarget {
  sheet: FakeSheet;
  ref: RangeRef;
}

/**
 * A proxy. Its target is resolved at the first sync that needs it (or the first sync after
 * it was made) and then kept, as Office.js keeps a server object once it exists.
 */
abstract class FakeClientObject<T> {
  private target: Target<T> | undefined;
  private readonly loaded = new Map<string, unknown>();

  constructor(
    protected readonly context: FakeRequestContext,
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
    if (t.ok) return t.value;
    throw (
      t.error ??
      new FakeOfficeError('InvalidObjectPath', 'The object path is not valid: it is a null object.')
    );
  }

  get isNullObject(): boolean {
    if (!this.target) throw notLoaded('isNullObject');
    return !this.target.ok && (this.nullable || !this.target.error);
  }

  load(option?: string | string[] | { select?: string }): this {
    let names: string[];
    if (option === undefined) names = [...this.scalars];
    else if (typeof option === 'string') names = option.split(',');
    else if (Array.isArray(option)) names = option;
    else names = (option.select ?? '').split(',');
    for (const raw of names) {
      const name = raw.trim();
      if (!name) continue;
      const slash = name.indexOf('/');
      if (slash >= 0) {
        const head = name.slice(0, slash);
        const next = this.child(head);
        if (!next) throw new FakeOfficeError('InvalidArgument', `'${head}' cannot be loaded`);
        next.load(name.slice(slash + 1));
        continue;
      }
      if (!this.scalars.includes(name)) {
        this.context.enqueue({
          cells: () => 0,
          run: () => {
            throw new FakeOfficeError('InvalidArgument', `The property '${name}' does not exist.`);
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
        const value = this.read(t.value, name);
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
        throw new FakeOfficeError('InvalidArgument', `The property '${name}' does not exist.`);
      }
      const value = this.read(t.value, name);
      this.context.stage(() => this.loaded.set(name, value));
    }
  }

  protected get<V>(name: string): V {
    if (!this.loaded.has(name)) throw notLoaded(name);
    return this.loaded.get(name) as V;
  }

  /** Office.js keeps a value the caller set on the proxy, readable without a load. */
  protected keep(name: string, value: unknown): void {
    this.loaded.set(name, value);
  }
}

export class FakeRangeFill extends FakeClientObject<RangeTarget> {
  protected readonly scalars = ['color'] as const;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
  }

  protected find(): RangeTarget | undefined {
    return this.range.resolveTarget();
  }

  protected read(t: RangeTarget, _property: string): unknown {
    let color: string | undefined;
    for (let r = t.ref.top; r <= t.ref.bottom; r++) {
      for (let c = t.ref.left; c <= t.ref.right; c++) {
        const here = t.sheet.fillAt(r, c) ?? '#FFFFFF';
        if (color === undefined) color = here;
        else if (color !== here) return null;
      }
    }
    return color ?? '#FFFFFF';
  }

  get color(): string {
    return this.get<string>('color');
  }

  set color(value: string) {
    this.keep('color', value);
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const t = this.need();
        for (let r = t.ref.top; r <= t.ref.bottom; r++) {
          for (let c = t.ref.left; c <= t.ref.right; c++) {
            t.sheet.fills.set(`${r},${c}`, normaliseColor(value));
          }
        }
      },
    });
  }

  clear(): void {
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const t = this.need();
        for (let r = t.ref.top; r <= t.ref.bottom; r++) {
          for (let c = t.ref.left; c <= t.ref.right; c++) t.sheet.fills.delete(`${r},${c}`);
        }
      },
    });
  }
}

export class FakeRangeFormat extends FakeClientObject<RangeTarget> {
  protected readonly scalars = [] as const;
  readonly fill: FakeRangeFill;

  constructor(
    context: FakeRequestContext,
    private readonly range: FakeRange,
  ) {
    super(context);
    this.fill = new FakeRangeFill(context, range);
  }

  protected find(): RangeTarget | undefined {
    return this.range.resolveTarget();
  }

  protected read(): unknown {
    return undefined;
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    return name === 'fill' ? (this.fill as FakeClientObject<unknown>) : undefined;
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
] as const;

export class FakeRange extends FakeClientObject<RangeTarget> {
  protected readonly scalars = RANGE_SCALARS;
  protected override readonly nullable: boolean;
  readonly format: FakeRangeFormat;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => RangeTarget | undefined,
    nullable = false,
  ) {
    super(context);
    this.nullable = nullable;
    this.format = new FakeRangeFormat(context, this);
  }

  /** @internal */
  resolveTarget(): RangeTarget {
    return this.need();
  }

  protected find(): RangeTarget | undefined {
    return this.locate();
  }

  protected override child(name: string): FakeClientObject<unknown> | undefined {
    return name === 'format' ? (this.format as FakeClientObject<unknown>) : undefined;
  }

  protected override loadCells(name: string): number {
    if (name !== 'values') return 0;
    const t = this.resolve();
    if (!t.ok) return 0;
    const cells = cellsOf(t.value.ref);
    return cells > this.context.excel.rangeCellLimit ? 0 : cells;
  }

  protected read(t: RangeTarget, property: string): unknown {
    const { ref, sheet } = t;
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
      default:
        throw new FakeOfficeError('InvalidArgument', `The property '${property}' does not exist.`);
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
    this.context.enqueue({
      cells: () => values.reduce((n, row) => n + row.length, 0),
      run: () => {
        const { sheet, ref } = this.need();
        const rows = ref.bottom - ref.top + 1;
        const cols = ref.right - ref.left + 1;
        if (values.length !== rows || values.some((row) => row.length !== cols)) {
          throw new FakeOfficeError(
            'InvalidArgument',
            `The number of rows or columns in the input array doesn't match the size or dimensions of the range.`,
          );
        }
        values.forEach((row, i) =>
          row.forEach((v, j) => sheet.setValue(ref.top + i, ref.left + j, v)),
        );
      },
    });
  }

  select(): void {
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const { sheet, ref } = this.need();
        this.context.excel.activeSheet = sheet.name;
        this.context.excel.selection = { sheet: sheet.name, address: rangeA1(ref) };
      },
    });
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

export class FakeRangeAreas extends FakeClientObject<{ sheet: FakeSheet; areas: RangeRef[] }> {
  protected readonly scalars = ['address', 'areaCount'] as const;
  protected override readonly nullable = true;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => { sheet: FakeSheet; areas: RangeRef[] } | undefined,
  ) {
    super(context);
  }

  protected find(): { sheet: FakeSheet; areas: RangeRef[] } | undefined {
    return this.locate();
  }

  protected read(t: { sheet: FakeSheet; areas: RangeRef[] }, property: string): unknown {
    if (property === 'areaCount') return t.areas.length;
    return t.areas.map((a) => `${quoteSheet(t.sheet.name)}!${rangeA1(a)}`).join(', ');
  }

  get address(): string {
    return this.get('address');
  }
  get areaCount(): number {
    return this.get('areaCount');
  }
}

export class FakeWorksheet extends FakeClientObject<FakeSheet> {
  protected readonly scalars = ['name', 'position', 'visibility'] as const;
  protected override readonly nullable: boolean;

  constructor(
    context: FakeRequestContext,
    private readonly locate: () => FakeSheet | undefined,
    nullable = false,
    track = true,
  ) {
    super(context, track);
    this.nullable = nullable;
  }

  protected find(): FakeSheet | undefined {
    return this.locate();
  }

  protected read(sheet: FakeSheet, property: string): unknown {
    if (property === 'name') return sheet.name;
    if (property === 'visibility') return 'Visible';
    return this.context.excel.sheets.indexOf(sheet);
  }

  get name(): string {
    return this.get('name');
  }
  get position(): number {
    return this.get('position');
  }
  get visibility(): string {
    return this.get('visibility');
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
        ref = parseRange(address);
      } catch {
        throw new FakeOfficeError(
          'InvalidArgument',
          'The argument is invalid or missing or has an incorrect format.',
        );
      }
      if (ref.bottom >= MAX_ROWS || ref.right >= MAX_COLUMNS) {
        throw new FakeOfficeError('InvalidArgument', 'The address is outside the sheet.');
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
        throw new FakeOfficeError('InvalidArgument', 'The argument is invalid.');
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
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        this.context.excel.activeSheet = this.need().name;
      },
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
  override load(option?: string | string[] | { select?: string }): this {
    const names =
      option === undefined
        ? ['items']
        : typeof option === 'string'
          ? option.split(',')
          : Array.isArray(option)
            ? option
            : (option.select ?? '').split(',');
    const props = names
      .map((n) => n.trim())
      .filter((n) => n !== '')
      .map((n) => (n === 'items' ? '*' : n.replace(/^items\//, '')));
    this.context.enqueue({
      cells: () => 0,
      run: () => {
        const items = this.need().map((sheet) => {
          const ws = new FakeWorksheet(this.context, () => sheet, false, false);
          ws.loadNow(props);
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

  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => {
      const sheet = this.context.excel.sheet(name);
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

  getItemOrNullObject(name: string): FakeWorksheet {
    return new FakeWorksheet(this.context, () => this.context.excel.sheet(name), true);
  }

  getActiveWorksheet(): FakeWorksheet {
    return new FakeWorksheet(
      this.context,
      () =>
        this.context.excel.sheet(this.context.excel.activeSheet) ?? this.context.excel.sheets[0],
    );
  }
}

export class FakeWorkbook extends FakeClientObject<FakeExcel> {
  protected readonly scalars = ['name'] as const;
  readonly worksheets: FakeWorksheetCollection;

  constructor(context: FakeRequestContext) {
    super(context);
    this.worksheets = new FakeWorksheetCollection(context);
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

  constructor(readonly excel: FakeExcel) {
    this.workbook = new FakeWorkbook(this);
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
    this.excel.syncCount++;
    // The request travels; nothing is visible before the answer.
    await Promise.resolve();
    const cells = ops.reduce((n, op) => n + op.cells(), 0);
    const limit = this.excel.payloadCellLimit;
    if (limit !== undefined && cells > limit) {
      // Office.js drops the refused request; objects made for it are sent again with the next.
      this.tracked.unshift(...tracked);
      this.excel.requests.push({ cells, ok: false });
      throw new FakeOfficeError(
        this.excel.payloadErrorCode,
        this.excel.payloadErrorCode === 'RequestPayloadSizeLimitExceeded'
          ? 'The request payload size has exceeded the limit.'
          : 'The response payload size has exceeded the limit.',
      );
    }
    try {
      for (const op of ops) op.run();
      for (const obj of tracked) obj.resolve();
    } catch (e) {
      this.staged = [];
      this.excel.requests.push({ cells, ok: false });
      throw e;
    }
    for (const commit of this.staged) commit();
    this.staged = [];
    this.excel.requests.push({ cells, ok: true });
  }
}

/** The in-memory Excel: its workbook, the counters, and `run` standing in for `Excel.run`. */
export class FakeExcel {
  readonly sheets: FakeSheet[];
  workbookName: string;
  activeSheet: string;
  selection: { sheet: string; address: string } | undefined;
  /** Calls of context.sync(), including the ones Excel refused. */
  syncCount = 0;
  /** Every request that reached Excel: cells of values it carried, and whether it succeeded. */
  readonly requests: { cells: number; ok: boolean }[] = [];
  payloadCellLimit: number | undefined;
  payloadErrorCode: 'RequestPayloadSizeLimitExceeded' | 'ResponsePayloadSizeLimitExceeded';
  rangeCellLimit: number;

  constructor(init: FakeWorkbookInit, opts: FakeExcelOptions = {}) {
    this.sheets = init.sheets.map((s) => new FakeSheet(s.name, s));
    this.workbookName = init.name ?? 'Book1.xlsx';
    this.activeSheet = opts.activeSheet ?? this.sheets[0]?.name ?? '';
    this.payloadCellLimit = opts.payloadCellLimit;
    this.payloadErrorCode = opts.payloadErrorCode ?? 'RequestPayloadSizeLimitExceeded';
    this.rangeCellLimit = opts.rangeCellLimit ?? 5_000_000;
  }

  sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Stands in for `Excel.run`: a fresh context, and a last sync of anything left queued. */
  run = async <T>(batch: (context: FakeRequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeRequestContext(this);
    const result = await batch(context);
    if (context.pending) await context.sync();
    return result;
  };
}
