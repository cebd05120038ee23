import { a1 } from '../model/a1';
import { cellText, isBlank, type Cell } from '../model/cell';
import { cellAt, isColumnar, type SheetData } from '../model/workbook';
import { coerceNumber, type TypeErrorKind } from './coerce';
import type { Column, Notice, ReadOptions, TypeErrorFinding } from './table';
import type { LabelledRecord } from './labels';

/**
 * Every value of a form read once: numbers (or a notice, or a type error) in numeric columns,
 * text elsewhere. A count stated in another unit than its item's (万人, 千人 for 人; 对 for
 * an item that counts persons of couples) is converted, and said once per column.
 */
export interface Conversion {
  /** Sheet column, 0-based. */
  col: number;
  header: string;
  /** The unit the sheet states (`万人`) and the item's (`人`). */
  from: string;
  to: string;
  factor: number;
}

export interface Values {
  numbers: Map<number, Float64Array>;
  texts: Map<number, (string | null)[]>;
  notices: Notice[];
  typeErrors: TypeErrorFinding[];
  missingMarks: Map<string, string>;
  conversions: Conversion[];
}

/** Scale words any count of persons may be stated in. */
const PERSON_SCALES: Readonly<Record<string, number>> = { 万人: 10000, 千人: 1000, 百人: 100 };

/** The factor from the unit a column states to its item's unit, when Tally knows one. */
export function conversionOf(column: Column): Conversion | undefined {
  const item = column.item;
  if (!item || !column.unit || !item.unit || column.unit === item.unit) return undefined;
  const factor =
    item.conversions?.[column.unit] ??
    (item.unit === '人' ? PERSON_SCALES[column.unit] : undefined);
  if (factor === undefined) return undefined;
  return { col: column.col, header: column.header, from: column.unit, to: item.unit, factor };
}

/** A converted value, rid of the float noise of the product (1.2345万 is 12345 persons). */
function scaled(v: number, factor: number): number {
  return Math.round(v * factor * 1e6) / 1e6;
}

export function readValues(
  sheet: SheetData,
  columns: readonly Column[],
  records: readonly LabelledRecord[],
  opts: ReadOptions,
): Values {
  const out: Values = {
    numbers: new Map(),
    texts: new Map(),
    notices: [],
    typeErrors: [],
    missingMarks: new Map(),
    conversions: [],
  };
  for (const column of columns) {
    if (!column.numeric) {
      const at = columnReader(sheet, column.col);
      out.texts.set(
        column.col,
        records.map((rec) => {
          const v = at(rec.row);
          return isBlank(v) ? null : cellText(v).trim();
        }),
      );
      continue;
    }
    const conversion = conversionOf(column);
    if (conversion) out.conversions.push(conversion);
    out.numbers.set(column.col, readColumn(sheet, column, records, opts, out, conversion));
  }
  return out;
}

/** The cell of a record in a column: straight from a columnar sheet's arrays when it has them. */
function columnReader(sheet: SheetData, col: number): (row: number) => Cell {
  if (!isColumnar(sheet)) return (row) => cellAt(sheet, row, col);
  const column = sheet.columns[col - sheet.origin.col];
  const top = sheet.origin.row;
  if (!column) return () => null;
  const { num, other } = column;
  return (row) => {
    const i = row - top;
    const o = other?.[i];
    if (o !== undefined) return o;
    const n = num[i] ?? NaN;
    return n === n ? n : null;
  };
}

/**
 * The columnar sheet's own numbers for the records, when nothing would change them: the records
 * are a run of rows, the column is not converted and holds only plain numbers and blanks there
 * (no text, error or boolean, nothing infinite). A view, not a copy: a million records save
 * 8 MB a column. The table only reads its numbers.
 */
function sheetNumbers(
  sheet: SheetData,
  column: Column,
  records: readonly LabelledRecord[],
  factor: number | undefined,
): Float64Array | undefined {
  const n = records.length;
  const first = records[0]?.row;
  if (factor !== undefined || !isColumnar(sheet) || first === undefined) return undefined;
  if (records[n - 1]?.row !== first + n - 1) return undefined;
  const c = sheet.columns[column.col - sheet.origin.col];
  const from = first - sheet.origin.row;
  if (!c || c.num.length < from + n) return undefined;
  if (c.other) for (let i = from; i < from + n; i++) if (c.other[i] !== undefined) return undefined;
  const view = c.num.subarray(from, from + n);
  for (let i = 0; i < n; i++) {
    const v = view[i] as number;
    if (v - v !== 0 && v === v) return undefined; // ±Infinity
  }
  return view;
}

/** A cell of `column` in record `rec` that is no number, as the audit names it. */
function typeError(
  sheet: SheetData,
  column: Column,
  rec: LabelledRecord,
  raw: string,
  why: TypeErrorKind,
  stated?: string,
): TypeErrorFinding {
  return {
    kind: 'typeError',
    sheet: sheet.name,
    cell: a1(rec.row, column.col),
    raw,
    column: column.header,
    unit: rec.unit,
    why,
    ...(stated !== undefined ? { stated } : {}),
  };
}

function readColumn(
  sheet: SheetData,
  column: Column,
  records: readonly LabelledRecord[],
  opts: ReadOptions,
  out: Values,
  conversion: Conversion | undefined,
): Float64Array {
  const factor = conversion?.factor;
  const shared = sheetNumbers(sheet, column, records, factor);
  if (shared) return shared;
  const arr = new Float64Array(records.length);
  const coerceOpts = {
    percentColumn: column.unit === '%',
    ...(opts.missing ? { missing: opts.missing } : {}),
  };
  const at = columnReader(sheet, column.col);
  for (let i = 0; i < records.length; i++) {
    const rec = records[i] as LabelledRecord;
    const v = at(rec.row);
    // The usual cell, a plain number: no object, no address.
    if (typeof v === 'number' && Number.isFinite(v)) {
      arr[i] = factor === undefined ? v : scaled(v, factor);
      continue;
    }
    const c = coerceNumber(v, coerceOpts);
    switch (c.kind) {
      case 'number':
        arr[i] = factor === undefined ? c.value : scaled(c.value, factor);
        break;
      case 'missing':
        arr[i] = NaN;
        if (typeof v === 'string' && v.trim() !== '')
          out.missingMarks.set(a1(rec.row, column.col), v.trim());
        break;
      case 'disguised':
        if (conversion && c.why === 'unitSuffix' && !c.raw.trim().endsWith(conversion.from)) {
          // `5000人` where the column is stated in 万人 (or `380人` in 对): the cell's unit and
          // the column's disagree, and either reading could be meant. Set aside, and said.
          arr[i] = NaN;
          out.typeErrors.push(
            typeError(sheet, column, rec, c.raw, 'unitConflict', conversion.from),
          );
          break;
        }
        arr[i] = factor === undefined ? c.value : scaled(c.value, factor);
        out.notices.push({
          kind: 'disguisedNumber',
          sheet: sheet.name,
          cell: a1(rec.row, column.col),
          raw: c.raw,
          value: c.value,
          why: c.why,
          column: column.header,
        });
        break;
      case 'typeError':
        arr[i] = NaN;
        out.typeErrors.push(typeError(sheet, column, rec, c.raw, c.why));
        break;
    }
  }
  return arr;
}
