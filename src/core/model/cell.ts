/**
 * Cell values as every adapter hands them to the engine. Plain primitives keep column-wise
 * evaluation fast; an Excel error (`#DIV/0!`, `#N/A`, …) is the one boxed kind.
 */
export class CellError {
  constructor(readonly code: string) {}
  toString(): string {
    return this.code;
  }
}

/**
 * A formula saved with no result (a file written by a program and never calculated in Excel):
 * its value is unknown, not blank. `code` is the formula as written (`=B5-20`), or `=` when the
 * file gives only a shared formula's master.
 */
export class UncalculatedFormula extends CellError {
  constructor(formula: string | undefined) {
    super(formula ? `=${formula.replace(/^=/, '')}` : '=');
  }
}

export type Cell = number | string | boolean | null | CellError;

/** The error codes Excel shows in a cell. A text cell holding one of them is read as that error. */
export const EXCEL_ERROR_CODES: readonly string[] = [
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
];

export function isBlank(cell: Cell | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** The text a user sees for a cell, for messages and findings. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (cell instanceof CellError) return cell.code;
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}
