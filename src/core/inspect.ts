import { columnLetter as columnName } from './model/a1';
import type { WorkbookData } from './model/workbook';
import type { Profile } from './profile/profile';
import { formOf, isUnreadForm, sheetSkip, sheetTable } from './read/forms';
import { unitAndArea } from './read/columns';
import type { Lang } from './messages/index';
import { checkValues, unreadText } from './validate/builtin';
import { roleText } from './validate/structure';
import { BUILTIN, type Finding } from './validate/result';
import { type Notice, type Table, type TypeErrorFinding, type ReadOptions } from './read/table';
import type { HeaderIndex } from './read/vocabulary';

/** What `tally inspect` and the pane show for one sheet. */
export interface SheetInspection {
  sheet: string;
  recognised: boolean;
  /** 1-based sheet rows of the header. */
  headerRows: number[];
  titles: string[];
  form?: { id: string; name: string; matched: number; total: number };
  unitColumn?: string;
  /** A coarser unit column naming each row's region (the 乡镇 of a `乡镇 | 村` form). */
  areaColumn?: string;
  codeColumn?: string;
  items: { id: string; name: string; header: string; column: string; unit?: string }[];
  otherColumns: string[];
  /** Unit rows: the rows that are pooled. */
  records: number;
  /** Total and subtotal rows. */
  totalRows: number;
  /** Every row that is not a unit (or is a unit listed again), with its role and why (issue 8). */
  rows: { row: number; label: string; role: string; why: string }[];
  /** Read as a vertical form (items down a column). */
  vertical?: true;
  notices: Notice[];
  typeErrors: TypeErrorFinding[];
  /** Other things reading found: invalid codes, an item's second column, another table below. */
  issues: Finding[];
  /** A form's sheet that is not read, and why (SHEET_NOT_READ's text). */
  notRead?: string;
}

export interface WorkbookInspection {
  source: string;
  sheets: SheetInspection[];
}

/** The profile form the table is, with how many of its items it holds. */
export function guessForm(table: Table, profile: Profile | undefined): SheetInspection['form'] {
  const form = profile ? formOf(table, profile) : undefined;
  if (!form) return undefined;
  const ids = new Set(form.items.map((i) => i.id));
  const matched = table.columns.filter((c) => c.item && ids.has(c.item.id)).length;
  return { id: form.id, name: form.name, matched, total: form.items.length };
}

const READING_ISSUES: readonly string[] = [
  BUILTIN.badCode,
  BUILTIN.duplicateColumn,
  BUILTIN.anotherTable,
];

export function inspectTable(
  table: Table,
  profile: Profile | undefined,
  lang: Lang = 'zh',
  source = '',
): SheetInspection {
  // The unit column, and the region column of a 乡镇 | 村 form, as the reader took them.
  const { unit: unitCol, area: areaCol } = unitAndArea(table.columns);
  const codeCol = table.columns.find((c) => c.kind === 'code');
  const out: SheetInspection = {
    sheet: table.sheet,
    recognised: true,
    headerRows: table.headerRows.map((r) => r + 1),
    titles: table.titles,
    items: table.columns
      .filter((c) => c.item)
      .map((c) => ({
        id: c.item?.id ?? '',
        name: c.item?.name ?? '',
        header: c.header,
        column: columnName(c.col),
        ...(c.unit ? { unit: c.unit } : {}),
      })),
    otherColumns: table.columns.filter((c) => c.kind === 'other').map((c) => c.header),
    records: table.records.filter((r) => r.role === 'unit').length,
    totalRows: table.records.filter((r) => r.isTotal).length,
    rows: table.records
      .filter((r) => r.role !== 'unit' || r.repeatOf !== undefined)
      .map((r) => ({
        row: r.row + 1,
        label: r.unit,
        role: r.role === 'unit' ? 'repeat' : r.role,
        why: roleText(r, table.records, lang),
      })),
    notices: table.notices,
    typeErrors: table.typeErrors,
    issues: checkValues({ source, sheet: table.sheet, table }, lang).filter((f) =>
      READING_ISSUES.includes(f.ruleId),
    ),
  };
  if (table.vertical) out.vertical = true;
  const form = guessForm(table, profile);
  if (form) out.form = form;
  if (unitCol) out.unitColumn = unitCol.header;
  if (areaCol) out.areaColumn = areaCol.header;
  if (codeCol) out.codeColumn = codeCol.header;
  return out;
}

export function inspectWorkbook(
  wb: WorkbookData,
  index: HeaderIndex,
  profile: Profile | undefined,
  opts: ReadOptions = {},
  lang: Lang = 'zh',
): WorkbookInspection {
  return {
    source: wb.source,
    sheets: wb.sheets.map((sheet) => {
      const table = sheetTable(sheet, index, profile, wb.source, opts);
      const skip = profile ? sheetSkip(table, profile, index, sheet, wb.source, opts) : undefined;
      const notRead = skip && isUnreadForm(skip) ? unreadText(skip, lang) : undefined;
      if (!table || skip?.reason === 'yearColumns') {
        return {
          sheet: sheet.name,
          recognised: false,
          headerRows: [],
          titles: [],
          items: [],
          otherColumns: [],
          records: 0,
          totalRows: 0,
          rows: [],
          notices: [],
          typeErrors: [],
          issues: [],
          ...(notRead ? { notRead } : {}),
        };
      }
      const out = inspectTable(table, profile, lang, wb.source);
      return notRead ? { ...out, notRead } : out;
    }),
  };
}
