import { UnreadableInputError } from '../core/errors';
import { FILE_LIMITS, formatCount } from './limits';
import { cellRef, SheetBounds, type CellCount } from './sheet-bounds';
import { inflateEntry, zipEntries, type ZipEntry } from './zip-guard';

/**
 * The whole .xlsx checked before exceljs sees it: the zip's declared parts (zip-guard.ts), then
 * every part inflated once, a piece at a time, into nothing — so a part that lies about its size
 * is stopped as soon as it does — while the workbook's sheets and each sheet's XML are scanned
 * for what would make exceljs build far more than the file holds: more sheets, rows or columns
 * than Excel allows (the dimension, every row and cell reference, the column definitions), too
 * many cells, merged areas too large (exceljs makes a cell object for every merged cell).
 */

export interface GuardedWorkbook {
  entries: ZipEntry[];
  /** Sheet names in workbook order, with their parts when the package says. */
  sheets: { name: string; part?: string }[];
  /** `<c>` elements in all sheets. */
  cells: number;
}

const WORKBOOK = 'xl/workbook.xml';
const WORKBOOK_RELS = 'xl/_rels/workbook.xml.rels';
const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;

/** A tag longer than this is not XML a spreadsheet writes. */
const MAX_TAG = 1024 * 1024;

/**
 * Calls `onTag(name, attributes)` for each start tag of `names` in XML fed a piece at a time
 * (pieces may split a tag anywhere). Text between tags is skipped without being kept.
 */
class TagScanner {
  private carry = '';
  private readonly decoder = new TextDecoder('utf-8');
  private readonly pattern: RegExp;

  constructor(
    names: readonly string[],
    private readonly onTag: (name: string, attributes: string) => void,
    private readonly tooLong: () => never,
  ) {
    this.pattern = new RegExp(`<(${names.join('|')})\\b([^>]*)>`, 'g');
  }

  feed(chunk: Uint8Array): void {
    const text = this.carry + this.decoder.decode(chunk, { stream: true });
    const lt = text.lastIndexOf('<');
    const open = lt >= 0 && text.indexOf('>', lt) < 0;
    const done = open ? text.slice(0, lt) : text;
    this.carry = open ? text.slice(lt) : '';
    if (this.carry.length > MAX_TAG) this.tooLong();
    this.pattern.lastIndex = 0;
    for (let m = this.pattern.exec(done); m !== null; m = this.pattern.exec(done)) {
      this.onTag(m[1] ?? '', m[2] ?? '');
    }
  }
}

const ATTRIBUTES = new Map<string, RegExp>();

function attribute(attributes: string, name: string): string | undefined {
  let pattern = ATTRIBUTES.get(name);
  if (!pattern) {
    pattern = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    ATTRIBUTES.set(name, pattern);
  }
  const m = pattern.exec(attributes);
  return m ? (m[1] ?? m[2]) : undefined;
}

function unescapeXml(s: string): string {
  return s.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-f]+|#\d+);/gi, (all, e: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    const key = e.toLowerCase();
    if (named[key] !== undefined) return named[key];
    const cp = key.startsWith('#x') ? parseInt(key.slice(2), 16) : parseInt(key.slice(1), 10);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
  });
}

interface Context extends CellCount {
  file: string;
}

/** The checks on one sheet's XML (sheet-bounds.ts), fed a piece at a time. */
function sheetScanner(ctx: Context, sheet: string): TagScanner {
  const bounds = new SheetBounds(ctx.file, sheet, ctx);
  let row = 0;
  let col = 0;
  return new TagScanner(
    ['dimension', 'col', 'row', 'c', 'mergeCell'],
    (name, attrs) => {
      switch (name) {
        case 'c': {
          const ref = attribute(attrs, 'r');
          const at = ref === undefined ? undefined : cellRef(ref);
          col = at ? at.col : col + 1;
          bounds.cell(at ? at.row : row, col, ref);
          break;
        }
        case 'row': {
          const r = attribute(attrs, 'r');
          row = r === undefined ? row + 1 : /^\d{1,9}$/.test(r.trim()) ? Number(r) : Infinity;
          col = 0;
          bounds.row(row, r ?? String(row));
          break;
        }
        case 'dimension':
          bounds.dimension(attribute(attrs, 'ref') ?? '');
          break;
        case 'col':
          bounds.cols(attribute(attrs, 'min'), attribute(attrs, 'max'));
          break;
        case 'mergeCell':
          bounds.merge(attribute(attrs, 'ref') ?? '');
          break;
      }
    },
    () => {
      throw new UnreadableInputError('error.corrupt', {
        file: ctx.file,
        detail: `sheet ${sheet}: malformed XML`,
      });
    },
  );
}

function tooManySheets(file: string): UnreadableInputError {
  return new UnreadableInputError('limit.sheets', { file, limit: formatCount(FILE_LIMITS.sheets) });
}

/** The sheets the workbook part lists, and where their parts are. */
function readSheetList(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  file: string,
): Map<string, string> {
  const targets = new Map<string, string>();
  const rels = entries.find((e) => e.name === WORKBOOK_RELS);
  const malformed = (): never => {
    throw new UnreadableInputError('error.corrupt', { file, detail: 'malformed workbook XML' });
  };
  if (rels) {
    const scan = new TagScanner(
      ['Relationship'],
      (_n, attrs) => {
        const id = attribute(attrs, 'Id');
        const target = attribute(attrs, 'Target');
        if (id === undefined || target === undefined) return;
        const path = target.startsWith('/') ? target.slice(1) : `xl/${target}`;
        if (targets.size <= FILE_LIMITS.zipEntries) targets.set(id, path.replace(/\/\.\//g, '/'));
      },
      malformed,
    );
    inflateEntry(bytes, rels, file, (c) => scan.feed(c));
  }
  const sheets = new Map<string, string>();
  const workbook = entries.find((e) => e.name === WORKBOOK);
  if (workbook) {
    let count = 0;
    const scan = new TagScanner(
      ['sheet'],
      (_n, attrs) => {
        if (++count > FILE_LIMITS.sheets) throw tooManySheets(file);
        const name = unescapeXml(attribute(attrs, 'name') ?? '');
        const rid = /(?:^|\s)[\w]+:id\s*=\s*"([^"]*)"/.exec(attrs)?.[1];
        sheets.set(name, (rid !== undefined ? targets.get(rid) : undefined) ?? '');
      },
      malformed,
    );
    inflateEntry(bytes, workbook, file, (c) => scan.feed(c));
  }
  return sheets;
}

/**
 * Check an .xlsx from end to end before it is parsed; throws an UnreadableInputError that names
 * the file and the part, sheet or cell. Time and memory are bounded by FILE_LIMITS: one pass of
 * inflating, a few 16 KB pieces in memory at a time.
 */
export function guardXlsx(bytes: Uint8Array, file: string): GuardedWorkbook {
  const entries = zipEntries(bytes, file);
  const parts = entries.filter((e) => SHEET_PART.test(e.name));
  if (parts.length > FILE_LIMITS.sheets) throw tooManySheets(file);
  const list = readSheetList(bytes, entries, file);
  const sheetOf = new Map<string, string>();
  for (const [name, part] of list) if (part) sheetOf.set(part, name);
  const ctx: Context = { file, cells: 0 };
  for (const e of entries) {
    if (e.name.endsWith('/') || e.name === WORKBOOK || e.name === WORKBOOK_RELS) continue;
    if (SHEET_PART.test(e.name)) {
      const scan = sheetScanner(ctx, sheetOf.get(e.name) ?? e.name);
      inflateEntry(bytes, e, file, (c) => scan.feed(c));
    } else {
      inflateEntry(bytes, e, file);
    }
  }
  return {
    entries,
    sheets: [...list].map(([name, part]) => (part ? { name, part } : { name })),
    cells: ctx.cells,
  };
}
