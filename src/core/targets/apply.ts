import type { IndicatorDef, Target } from '../profile/schema';
import type { TargetTable } from './table';

/**
 * Whose target an indicator is judged against: the office's table row when there is one, else
 * the profile's (the 国家纲要 default). An indicator whose row in the office's table could not
 * be read is not judged at all (无法评估) — never silently against the default.
 */
export interface TargetChoice {
  target: Target;
  /** Where the target comes from, as written by the profile or in the table's 来源 column. */
  source: string;
  /** Checked against a document a reader can find (profile), or with a 来源 given (table). */
  verified: boolean;
  origin: 'profile' | 'table';
  /** The table row, when the target comes from (or was meant to come from) the table. */
  row?: number;
  /** The target holds for every township. */
  perUnit: boolean;
  /** The office's row for this indicator was set aside. */
  invalid: boolean;
}

/**
 * A 来源 that says it could not be checked (未能…核对, 未核实, 待核实): Tally's own 指标目标 sheet
 * writes one for each target it could not check, and reading the sheet back keeps it unchecked.
 */
const UNCHECKED = /未能[^；;。]{0,30}?(?:核对|核实|查证)|(?:未|待|无法)(?:核对|核实|查证)/;

export const sourceChecked = (source: string): boolean =>
  source.trim() !== '' && !UNCHECKED.test(source);

export function targetFor(def: IndicatorDef, table?: TargetTable): TargetChoice {
  const row = table?.rows.find((r) => r.id === def.id);
  if (row) {
    return {
      target: row.target,
      source: row.source,
      verified: sourceChecked(row.source),
      origin: 'table',
      row: row.row,
      perUnit: row.perUnit,
      invalid: false,
    };
  }
  const profile = {
    target: def.target,
    source: def.source,
    verified: def.verified,
    perUnit: def.perUnit,
  };
  const bad = table?.invalid.get(def.id);
  if (bad !== undefined) return { ...profile, origin: 'table', row: bad, invalid: true };
  return { ...profile, origin: 'profile', invalid: false };
}

/** The names of a workbook's own targets sheet. */
export const TARGET_SHEET_NAMES: readonly string[] = ['指标目标', 'Targets'];

export function isTargetSheetName(name: string): boolean {
  const n = name.trim().toLowerCase();
  return TARGET_SHEET_NAMES.some((s) => s.toLowerCase() === n);
}

/**
 * Of the targets taken from the profile (monitoring-only ones aside), how many were checked
 * against a document a reader can find and how many could not be: the report says both.
 */
export function profileTargetChecks(choices: readonly { target: TargetChoice }[]): {
  checked: number;
  unchecked: number;
} {
  const profile = choices.filter(
    (c) => c.target.origin === 'profile' && c.target.target.kind !== 'none',
  );
  const checked = profile.filter((c) => c.target.verified).length;
  return { checked, unchecked: profile.length - checked };
}
