import { TallyError } from '../errors';
import type { WorkbookData } from '../model/workbook';
import type { FormDef } from '../profile/schema';
import type { Profile } from '../profile/profile';
import { normalizeHeader } from './normalize';
import { readTable, type ReadOptions, type Table } from './table';
import { ambiguousYearColumns, readVertical } from './vertical';
import type { HeaderIndex } from './vocabulary';

/**
 * Form recognition by content (issue 4): a sheet is a form when its header holds the
 * reporting-unit column and items of one of the profile's forms, whatever the sheet is called
 * and wherever the header sits. The same form from several workbooks is stacked.
 */
export interface FormSheet {
  form: FormDef;
  source: string;
  sheet: string;
  table: Table;
}

export interface SheetSkip {
  source: string;
  sheet: string;
  /**
   * `noUnitColumn`: a form's items but no reporting-unit column; `yearColumns`: a vertical
   * sheet with a value column per year (`years`) and no year to choose by. Both hold figures
   * that are not read, which the audit says (SHEET_NOT_READ).
   */
  reason: 'noHeader' | 'noUnitColumn' | 'noForm' | 'regions' | 'yearColumns' | 'loneItem';
  /** For `yearColumns`: the years of its value columns. */
  years?: string[];
  /** For `noUnitColumn`: the form whose items its header names. */
  form?: FormDef;
}

/** A skip that leaves a form's figures unread: what the audit must say. */
export function isUnreadForm(k: Pick<SheetSkip, 'reason'>): boolean {
  return k.reason === 'noUnitColumn' || k.reason === 'yearColumns';
}

/** The error for input with no form read: naming the sheets that hold one, unread, if any. */
export function noFormsError(rec: Recognised): TallyError {
  const unread = unreadForms(rec.skipped);
  const first = unread[0];
  return first
    ? new TallyError('error.noFormsUnread', { count: unread.length, sheet: first.sheet })
    : new TallyError('error.noForms');
}

/** Skipped sheets that hold a form's figures, unread. */
export function unreadForms(skipped: readonly SheetSkip[]): SheetSkip[] {
  return skipped.filter(isUnreadForm);
}

export interface Recognised {
  forms: FormSheet[];
  skipped: SheetSkip[];
  /** Every sheet read as a table, form or not, in workbook order (each read once). */
  tables: { source: string; sheet: string; table: Table }[];
  /** A region sheet (代码 / 名称 / 上级代码), if one was found. */
  regions: { source: string; sheet: string; table: Table }[];
}

export const PARENT_HEADERS: ReadonlySet<string> = new Set(
  ['上级代码', '上级区划代码', '上级', '上级单位代码', 'parent', 'parentcode'].map(normalizeHeader),
);

export function isRegionTable(table: Table): boolean {
  return table.columns.some((c) => PARENT_HEADERS.has(c.key));
}

/** The ids of `form`'s items that `table` has a column of, in column order. */
export function formItemsIn(table: Table, form: FormDef): string[] {
  const ids = new Set(form.items.map((i) => i.id));
  return table.columns.flatMap((c) => (c.item && ids.has(c.item.id) ? [c.item.id] : []));
}

/**
 * The profile forms a table holds: each form with at least two of its items (or all of a
 * smaller form), most items first — or, when it holds no such form, each form of which it holds
 * one item. A township's one wide sheet can hold all five forms.
 */
export function formsIn(table: Table, profile: Profile): FormDef[] {
  const found: { form: FormDef; matched: number; one?: string }[] = [];
  for (const form of profile.forms) {
    const items = formItemsIn(table, form);
    if (items.length >= Math.min(2, form.items.length)) found.push({ form, matched: items.length });
    else if (items.length === 1) found.push({ form, matched: 1, one: items[0] });
  }
  found.sort((a, b) => b.matched - a.matched);
  // A form's one item is its sheet only when the sheet is no fuller form's: a department sends
  // the one figure it keeps (统计局 0-17岁儿童人口数, 公安局 伤害死亡数, 民政 结婚登记人数). An
  // extra column of another form's item on a form's sheet is read with that sheet (its values
  // count), not as a second form there.
  const taken = found.filter((f) => f.one === undefined).map((f) => f.form);
  if (taken.length > 0) return taken;
  // An item of several forms is read once (as the profile's first form that holds it).
  const seen = new Set<string>();
  return found
    .filter((f) => f.one !== undefined && !seen.has(f.one) && seen.add(f.one))
    .map((f) => f.form);
}

/** The profile form a table holds most items of. */
export function formOf(table: Table, profile: Profile): FormDef | undefined {
  return formsIn(table, profile)[0];
}

/**
 * A sheet as a table: as a form with items across, else — when that finds no form — as a
 * vertical form with the items down a column (one township per sheet).
 */
export function sheetTable(
  sheet: WorkbookData['sheets'][number],
  index: HeaderIndex,
  profile: Profile | undefined,
  source: string,
  opts: ReadOptions = {},
): Table | undefined {
  const table = readTable(sheet, index, { ...opts, source });
  const isForm = (t: Table) =>
    (profile ? formsIn(t, profile).length > 0 : t.columns.some((c) => c.item)) &&
    t.columns.some((c) => c.kind === 'unit' || c.kind === 'code');
  if (table && (isForm(table) || isRegionTable(table))) return table;
  const vertical = readVertical(sheet, index, source, opts);
  return vertical && isForm(vertical) ? vertical : table;
}

/**
 * The years of a header that splits items by year (`在园幼儿数` over `2024 | 2025`) when nothing
 * names the sheet's year, so no column was taken as this period's (header.ts periodName).
 */
function unchosenYears(table: Table, index: HeaderIndex): string[] | undefined {
  // An item read from this period's column is chosen: its other years' columns are no matter.
  const read = new Set(table.columns.flatMap((c) => (c.item ? [c.item.id] : [])));
  const years = new Set<string>();
  for (const c of table.columns) {
    const m = /^(.+)（((?:19|20)\d{2})年）$/.exec(c.header);
    const role = m?.[1] ? index.lookup(m[1]) : undefined;
    if (m?.[2] && role?.kind === 'item' && !read.has(role.item.id)) years.add(m[2]);
  }
  return years.size > 1 ? [...years] : undefined;
}

/** Why a sheet that is no region sheet is not read as forms, or undefined when it is read. */
export function sheetSkip(
  table: Table | undefined,
  profile: Profile,
  index: HeaderIndex,
  sheet: WorkbookData['sheets'][number],
  source: string,
  opts: ReadOptions = {},
): Omit<SheetSkip, 'source' | 'sheet'> | undefined {
  const split = table ? unchosenYears(table, index) : undefined;
  if (split) return { reason: 'yearColumns', years: split };
  const forms = table ? formsIn(table, profile) : [];
  const hasUnits = table?.columns.some((c) => c.kind === 'unit' || c.kind === 'code') === true;
  // A form's one item over no unit column is more likely a vertical form's label cell.
  const lone = forms.every((form) => loneItem({ form, table } as FormSheet) !== undefined);
  if (table && forms.length > 0 && (hasUnits || !lone))
    return hasUnits ? undefined : { reason: 'noUnitColumn', form: forms[0] };
  const years = ambiguousYearColumns(sheet, source, opts);
  if (years) return { reason: 'yearColumns', years };
  if (table && forms.length > 0) return { reason: 'noUnitColumn', form: forms[0] };
  return { reason: table ? 'noForm' : 'noHeader' };
}

export function recogniseForms(
  workbooks: readonly WorkbookData[],
  profile: Profile,
  index: HeaderIndex,
  opts: ReadOptions = {},
): Recognised {
  const out: Recognised = { forms: [], skipped: [], regions: [], tables: [] };
  for (const wb of workbooks) {
    for (const sheet of wb.sheets) {
      const table = sheetTable(sheet, index, profile, wb.source, opts);
      const at = { source: wb.source, sheet: sheet.name };
      if (table) out.tables.push({ ...at, table });
      if (table && isRegionTable(table)) {
        out.regions.push({ ...at, table });
        continue;
      }
      const skip = sheetSkip(table, profile, index, sheet, wb.source, opts);
      if (skip || !table) {
        out.skipped.push({ ...at, ...(skip ?? { reason: 'noHeader' }) });
        continue;
      }
      const forms = formsIn(table, profile);
      for (const form of forms) out.forms.push({ form, ...at, table });
    }
  }
  return withoutRepeatedLoneItems(out);
}

/** The one item of `form` a sheet holds when it holds only one of a form of several; else undefined. */
function loneItem(fs: FormSheet): string | undefined {
  if (fs.form.items.length < 2) return undefined;
  const items = formItemsIn(fs.table, fs.form);
  return items.length === 1 ? items[0] : undefined;
}

/**
 * A sheet read as a form for its one item is not read when a fuller sheet of that form holds the
 * item too (a working sheet beside the form, 活产数 and a rate): it is skipped as before, never a
 * second report of every unit's figure.
 */
function withoutRepeatedLoneItems(out: Recognised): Recognised {
  const fuller = out.forms.filter((fs) => loneItem(fs) === undefined);
  const repeated = (fs: FormSheet, item: string) =>
    fuller.some(
      (o) =>
        o.form.id === fs.form.id &&
        o.table !== fs.table &&
        o.table.columns.some((c) => c.item?.id === item),
    );
  // A file that holds a fuller form is a submission of that form: a sheet of one item beside it
  // is a working or reference sheet (a case list, 参考人口), not a second department's figure.
  const full = new Set(fuller.map((fs) => fs.source));
  const forms: FormSheet[] = [];
  const lone = new Set<string>();
  for (const fs of out.forms) {
    const item = loneItem(fs);
    // One file's second sheet of the same one item (伤害死亡 and 其中溺水) is its breakdown.
    const key = item === undefined ? '' : `${fs.source}\u0000${fs.form.id}\u0000${item}`;
    const keep =
      item === undefined || (!repeated(fs, item) && !full.has(fs.source) && !lone.has(key));
    if (item !== undefined && keep) lone.add(key);
    if (keep) forms.push(fs);
    else if (!out.skipped.some((k) => k.source === fs.source && k.sheet === fs.sheet))
      out.skipped.push({ source: fs.source, sheet: fs.sheet, reason: 'loneItem' });
  }
  return { ...out, forms };
}
