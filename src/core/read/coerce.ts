import { CellError, EXCEL_ERROR_CODES, UncalculatedFormula, type Cell } from '../model/cell';
import { fold, hasIdeographOutside } from './normalize';

/**
 * Reading a value in a numeric column (items.md, "Values that are not numbers").
 *  - a number is that number;
 *  - blank, `—`, `-`, `/`, `无`, `不详` are missing — never zero;
 *  - a number in disguise (`１２３`, `1,234`, `1 234`, `12人`, `45%` in a % column) is read as
 *    that number with a notice;
 *  - anything else (`约300`, `N/A?`, `#DIV/0!`, TRUE) is a type error.
 */
export type Coerced =
  | { kind: 'number'; value: number }
  | { kind: 'missing' }
  | { kind: 'disguised'; value: number; raw: string; why: DisguiseKind }
  | { kind: 'typeError'; raw: string; why: TypeErrorKind };

/** Why a value is no number: text, an Excel error, TRUE/FALSE, or a formula never calculated. */
export type TypeErrorKind =
  | 'text'
  | 'excelError'
  | 'boolean'
  | 'uncalculated'
  /** A number with its own unit (`5000人`) in a column stated in another (万人): which is meant? */
  | 'unitConflict';

export type DisguiseKind =
  | 'fullwidth'
  | 'thousands'
  | 'unitSuffix'
  | 'percent'
  | 'text'
  /** `1.000`: one, or a thousand written with a dot between the thousands; said, never guessed. */
  | 'dotZeros';

export const MISSING_MARKS: ReadonlySet<string> = new Set([
  '',
  '—',
  '——',
  '-',
  '--',
  '－',
  '/',
  '／',
  '无',
  '不详',
  '…',
  '...',
]);

const VALUE_UNITS = ['人次', '万人', '人', '个', '户', '名', '所', '次', '例', '元', '万元'];
const UNIT_CHARS: ReadonlySet<number> = new Set(
  VALUE_UNITS.join('')
    .split('')
    .map((c) => c.charCodeAt(0)),
);
const UNIT_SUFFIX = new RegExp(`^(.*?\\d)\\s*(?:${VALUE_UNITS.join('|')})$`);
const PLAIN_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const THOUSANDS = /^[+-]?\d{1,3}(?:[, ]\d{3})+(?:\.\d+)?$/;
/** `1.000`, `12.000`: a whole number with three zero decimals, as dot-grouped thousands look. */
export const DOT_ZEROS = /^[+-]?[1-9]\d{0,2}\.000$/;

/**
 * Characters NFKC folds into digits that are not digits as typed: superscripts and subscripts
 * (¹²³, ⁴, ₁), number forms (Ⅻ, ⅓), circled and parenthesised numbers (①, ⑴, ⒈, ❶, ㉑).
 * Full-width digits (０-９) are read as digits.
 */
const FOOTNOTE_DIGITS =
  /[\u00B2\u00B3\u00B9\u00BC-\u00BE\u2070-\u209F\u2150-\u218F\u2460-\u24FF\u2776-\u2793\u3220-\u325F\u3280-\u32BF]/;

export interface CoerceOptions {
  /** The column's unit is %, so `45%` reads as 45. */
  percentColumn?: boolean;
  /** Extra strings read as missing (e.g. `NA` in a CSV written by R). */
  missing?: ReadonlySet<string>;
}

export function coerceNumber(cell: Cell, opts: CoerceOptions = {}): Coerced {
  if (cell === null) return { kind: 'missing' };
  if (typeof cell === 'number') {
    return Number.isFinite(cell)
      ? { kind: 'number', value: cell }
      : { kind: 'typeError', raw: String(cell), why: 'text' };
  }
  if (typeof cell === 'boolean')
    return { kind: 'typeError', raw: cell ? 'TRUE' : 'FALSE', why: 'boolean' };
  if (cell instanceof UncalculatedFormula)
    return { kind: 'typeError', raw: cell.code, why: 'uncalculated' };
  if (cell instanceof CellError) return { kind: 'typeError', raw: cell.code, why: 'excelError' };

  const raw = cell;
  const trimmed = raw.trim();
  if (MISSING_MARKS.has(trimmed) || opts.missing?.has(trimmed)) return { kind: 'missing' };
  // Every Excel error starts with #: no upper-cased copy of every other text.
  if (trimmed.startsWith('#') && EXCEL_ERROR_CODES.includes(trimmed.toUpperCase()))
    return { kind: 'typeError', raw, why: 'excelError' };

  // An ideograph other than a unit's (人, 万元) survives folding and is no part of a number.
  if (hasIdeographOutside(trimmed, UNIT_CHARS)) return { kind: 'typeError', raw, why: 'text' };
  // A footnote mark (`1000①`, `1000¹`) folds into a digit (10001): never part of the number.
  if (FOOTNOTE_DIGITS.test(trimmed)) return { kind: 'typeError', raw, why: 'text' };
  const folded = fold(trimmed).replace(/，/g, ',').trim();
  const wasWide = folded !== trimmed;
  let s = folded;
  let why: DisguiseKind = wasWide ? 'fullwidth' : 'text';

  const unit = UNIT_SUFFIX.exec(s);
  // `1234万人` is 12,340,000 persons, or 1,234 of a column stated in 万人: which, only the
  // column knows. Never read as 1,234 with a notice: it is an error the unit corrects.
  if (unit && /万\S*$/.test(s)) return { kind: 'typeError', raw, why: 'text' };
  if (unit && unit[1]) {
    s = unit[1].trim();
    why = 'unitSuffix';
  }
  let percent = false;
  if (s.endsWith('%')) {
    if (!opts.percentColumn) return { kind: 'typeError', raw, why: 'text' };
    s = s.slice(0, -1).trim();
    percent = true;
    why = 'percent';
  }
  if (THOUSANDS.test(s)) {
    s = s.replace(/[, ]/g, '');
    if (why === 'text') why = 'thousands';
  }
  if (!PLAIN_NUMBER.test(s)) return { kind: 'typeError', raw, why: 'text' };
  if (DOT_ZEROS.test(s)) why = 'dotZeros';
  const value = Number(s);
  if (!Number.isFinite(value)) return { kind: 'typeError', raw, why: 'text' };
  if (wasWide && !percent && why !== 'unitSuffix') why = 'fullwidth';
  return { kind: 'disguised', value, raw, why };
}

/** True when the cell holds something a numeric column could read as a number. */
export function looksNumeric(cell: Cell): boolean {
  const c = coerceNumber(cell, { percentColumn: true });
  return c.kind === 'number' || c.kind === 'disguised';
}
