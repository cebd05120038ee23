import { fmt } from '../assess/targets';
import { columnLetter } from '../model/a1';
import { t, type Lang } from '../messages/index';
import { formItemsIn, type FormSheet, type SheetSkip } from '../read/forms';
import { isSummable } from '../read/columns';
import type { TypeErrorKind } from '../read/coerce';
import { cellOf, type Table } from '../read/table';
import type { Dataset, UnitRow } from '../rollup/dataset';
import { unitNameKey } from '../rollup/hierarchy';
import { BUILTIN, type Finding, type FindingCell } from './result';

/** A count or sum as written in a message: integers plainly, fractions to at most 6 places. */
const fmt6 = (v: number): string => fmt(v, 6);

/** Type errors with a message of their own; the others are `audit.type`. */
const TYPE_MESSAGE: Partial<Record<TypeErrorKind, 'audit.uncalculated' | 'audit.unitConflict'>> = {
  uncalculated: 'audit.uncalculated',
  unitConflict: 'audit.unitConflict',
};

/** A sheet read as a table, wherever it came from: all the per-sheet checks need. */
export type SheetTable = Pick<FormSheet, 'source' | 'sheet' | 'table'>;

/**
 * The checks every form gets without a written rule (rules.md): 合计 rows equal the sum of
 * their unit rows for every count column; no reporting unit twice; no blank where a count is
 * due; values that are not numbers; numbers in disguise (notices); expected units missing.
 */

const TOLERANCE = 1e-6;

function label(table: Table, col: number): string {
  const c = table.columns.find((k) => k.col === col);
  return c?.item?.name ?? c?.header ?? '';
}

/** Total rows against the unit rows they add up, for every count column. */
export function checkTotals(fs: SheetTable, lang: Lang, columns?: readonly number[]): Finding[] {
  const { table } = fs;
  const findings: Finding[] = [];
  const countCols = columns ?? table.columns.filter(isSummable).map((c) => c.col);
  table.records.forEach((rec, i) => {
    if (!rec.isTotal) return;
    // Exactly the unit rows the rollup pools (roles.ts): no subtotal, breakdown or repeat.
    const parts = rec.parts ?? [];
    for (const col of countCols) {
      const values = table.numbers.get(col);
      if (!values) continue;
      const total = values[i] ?? NaN;
      if (Number.isNaN(total)) continue; // a blank total cell is reported by the blank check
      let sum = 0;
      const cells: FindingCell[] = [
        { item: label(table, col), cell: cellOf(table, i, col), value: total },
      ];
      for (const p of parts) {
        const v = values[p] ?? NaN;
        cells.push({
          item: label(table, col),
          cell: cellOf(table, p, col),
          value: Number.isNaN(v) ? null : v,
        });
        if (!Number.isNaN(v)) sum += v;
      }
      if (Math.abs(total - sum) > TOLERANCE * Math.max(1, Math.abs(sum))) {
        findings.push({
          ruleId: BUILTIN.total,
          severity: 'error',
          message: t(lang, 'audit.total', {
            item: label(table, col),
            total: fmt6(total),
            sum: fmt6(sum),
            diff: fmt6(total - sum),
          }),
          file: fs.source,
          sheet: fs.sheet,
          unit: rec.unit,
          cells,
        });
      }
    }
  });
  return findings;
}

/**
 * What reading the sheet found: type errors, disguised numbers, invalid codes, an item given
 * two columns, another table below this one.
 */
export function checkValues(fs: SheetTable, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const at = { file: fs.source, sheet: fs.sheet };
  for (const c of fs.table.codeIssues) {
    out.push({
      ruleId: BUILTIN.badCode,
      severity: 'warning',
      message: t(lang, 'audit.badCode', { raw: c.raw }),
      ...at,
      unit: c.unit,
      cells: [{ item: t(lang, 'tpl.code'), cell: c.cell, value: c.raw }],
    });
  }
  for (const col of fs.table.columns) {
    const first = col.duplicateOf
      ? fs.table.columns.find((c) => c.item?.id === col.duplicateOf)
      : undefined;
    if (!first) continue;
    const item = first.item?.name ?? first.header;
    out.push({
      ruleId: BUILTIN.duplicateColumn,
      severity: 'warning',
      // A vertical form's items are rows: the two cells are named, not the flattened columns.
      message: fs.table.vertical
        ? t(lang, 'audit.duplicateItemCells', {
            item,
            first: cellOf(fs.table, 0, first.col),
            col: cellOf(fs.table, 0, col.col),
          })
        : t(lang, 'audit.duplicateColumn', {
            item,
            first: columnLetter(first.col),
            col: columnLetter(col.col),
          }),
      ...at,
      unit: '',
      cells: [],
    });
  }
  if (fs.table.hiddenSheet)
    out.push({
      ruleId: BUILTIN.hiddenSheet,
      severity: 'warning',
      message: t(lang, 'audit.hiddenSheet', { sheet: fs.sheet }),
      ...at,
      unit: '',
      cells: [],
    });
  if (fs.table.hiddenRows) {
    const hidden = fs.table.hiddenRows;
    const unitAt = new Map(fs.table.records.map((r) => [r.row, r.unit]));
    const rows = hidden
      .slice(0, 10)
      .map((r) => t(lang, 'audit.hiddenRow', { row: r + 1, unit: unitAt.get(r) ?? '' }))
      .join(t(lang, 'n.listSep'));
    out.push({
      ruleId: BUILTIN.hiddenRows,
      severity: 'warning',
      message: t(lang, 'audit.hiddenRows', {
        rows: rows + (hidden.length > 10 ? '…' : ''),
        count: hidden.length,
      }),
      ...at,
      unit: '',
      cells: [],
    });
  }
  if (fs.table.besideAt) {
    out.push({
      ruleId: BUILTIN.anotherTable,
      severity: 'warning',
      message: t(lang, 'audit.anotherTableBeside', { col: columnLetter(fs.table.besideAt.col) }),
      ...at,
      unit: '',
      cells: [],
    });
  }
  if (fs.table.stoppedAt) {
    out.push({
      ruleId: BUILTIN.anotherTable,
      severity: 'warning',
      message: t(lang, 'audit.anotherTable', { row: fs.table.stoppedAt.row + 1 }),
      ...at,
      unit: '',
      cells: [],
    });
  }
  // Made only when there is a type error to name the unit of (a million-row table has none).
  let unitOfRowMap: Map<number, string> | undefined;
  const unitOfRow = {
    get: (row: number) =>
      // A vertical form is one unit's, whichever row its cell is on.
      fs.table.vertical
        ? fs.table.records[0]?.unit
        : (unitOfRowMap ??= new Map(fs.table.records.map((r) => [r.row, r.unit]))).get(row),
  };
  const itemOf = (header: string) =>
    fs.table.columns.find((c) => c.header === header)?.item?.name ?? header;
  for (const e of fs.table.typeErrors) {
    out.push({
      ruleId: BUILTIN.type,
      severity: 'error',
      message: t(lang, TYPE_MESSAGE[e.why] ?? 'audit.type', {
        item: itemOf(e.column),
        raw: e.raw,
        stated: e.stated ?? '',
      }),
      file: fs.source,
      sheet: fs.sheet,
      unit: e.unit,
      cells: [{ item: itemOf(e.column), cell: e.cell, value: e.raw }],
    });
  }
  for (const n of fs.table.notices) {
    const row = Number(/\d+$/.exec(n.cell)?.[0] ?? 0) - 1;
    out.push({
      ruleId: BUILTIN.notice,
      severity: 'notice',
      message: t(lang, 'audit.notice', {
        item: itemOf(n.column),
        raw: n.raw,
        value: n.value,
        why: t(lang, `why.${n.why}`, { thousand: n.value * 1000 }),
      }),
      file: fs.source,
      sheet: fs.sheet,
      unit: unitOfRow.get(row) ?? '',
      cells: [{ item: itemOf(n.column), cell: n.cell, value: n.raw }],
    });
  }
  return out;
}

/** Counts are whole numbers ≥ 0 (items.md): a negative count is an error, a fraction a warning. */
export function checkCounts(fs: SheetTable, lang: Lang): Finding[] {
  const out: Finding[] = [];
  for (const col of fs.table.columns) {
    if (!col.item) continue;
    const values = fs.table.numbers.get(col.col);
    if (!values) continue;
    const item = col.item.name;
    fs.table.records.forEach((rec, i) => {
      const v = values[i] ?? NaN;
      if (Number.isNaN(v) || (v >= 0 && Number.isInteger(v))) return;
      const negative = v < 0;
      out.push({
        ruleId: negative ? BUILTIN.negative : BUILTIN.fraction,
        severity: negative ? 'error' : 'warning',
        message: t(lang, negative ? 'audit.negative' : 'audit.fraction', {
          item,
          value: fmt6(v),
        }),
        file: fs.source,
        sheet: fs.sheet,
        unit: rec.unit,
        cells: [{ item, cell: cellOf(fs.table, i, col.col), value: v }],
      });
    });
  }
  return out;
}

/**
 * Blank (or `—`, `/`, `无`) where a count is due: every item column of every unit row. A form
 * with no value at all (a blank template sent back, a header with no rows) is one notice.
 */
export function checkBlanks(fs: SheetTable, lang: Lang): Finding[] {
  const out: Finding[] = [];
  if (isUnfilled(fs.table)) return [unfilled(fs, lang)];
  const typeErrorCells = new Set(fs.table.typeErrors.map((e) => e.cell));
  for (const col of fs.table.columns) {
    if (!col.item) continue;
    const values = fs.table.numbers.get(col.col);
    if (!values) continue;
    fs.table.records.forEach((rec, i) => {
      if (rec.role !== 'unit' || !Number.isNaN(values[i] ?? NaN)) return;
      const cell = cellOf(fs.table, i, col.col);
      if (typeErrorCells.has(cell)) return; // already a type error
      const raw = fs.table.missingMarks.get(cell) ?? '';
      out.push({
        ruleId: BUILTIN.blank,
        severity: 'error',
        message: t(lang, 'audit.blank', {
          item: col.item?.name ?? col.header,
          raw: raw || t(lang, 'audit.blankEmpty'),
        }),
        file: fs.source,
        sheet: fs.sheet,
        unit: rec.unit,
        cells: [{ item: col.item?.name ?? col.header, cell, value: raw || null }],
      });
    });
  }
  return out;
}

/** No item value in any unit row, and nothing unreadable either. */
export function isUnfilled(table: Table): boolean {
  if (table.typeErrors.length > 0) return false;
  const columns = table.columns.flatMap((c) => {
    const values = c.item ? table.numbers.get(c.col) : undefined;
    return values ? [values] : [];
  });
  // Stops at the first value: a filled form is told from its first unit row.
  const records = table.records;
  for (let i = 0; i < records.length; i++) {
    if (records[i]?.role !== 'unit') continue;
    for (const values of columns) if (!Number.isNaN(values[i] ?? NaN)) return false;
  }
  return true;
}

function unfilled(fs: SheetTable, lang: Lang): Finding {
  const units = fs.table.records.filter((r) => r.role === 'unit').length;
  return {
    ruleId: BUILTIN.unfilled,
    severity: 'notice',
    message: units === 0 ? t(lang, 'audit.noRows') : t(lang, 'audit.unfilled', { units }),
    file: fs.source,
    sheet: fs.sheet,
    unit: '',
    cells: [],
  };
}

/**
 * A breakdown row (其中：城镇) is part of the row above it: never more than it, in any count
 * column.
 */
export function checkBreakdowns(fs: SheetTable, lang: Lang): Finding[] {
  const { table } = fs;
  const out: Finding[] = [];
  const countCols = table.columns.filter(isSummable);
  table.records.forEach((rec, i) => {
    const whole = rec.partOf === undefined ? undefined : table.records[rec.partOf];
    if (rec.role !== 'breakdown' || !whole || rec.partOf === undefined) return;
    for (const col of countCols) {
      const values = table.numbers.get(col.col);
      const part = values?.[i] ?? NaN;
      const of = values?.[rec.partOf] ?? NaN;
      if (Number.isNaN(part) || Number.isNaN(of) || part <= of + TOLERANCE) continue;
      const item = label(table, col.col);
      out.push({
        ruleId: BUILTIN.breakdown,
        severity: 'error',
        message: t(lang, 'audit.breakdown', {
          item,
          part: rec.unit,
          value: fmt6(part),
          whole: whole.unit,
          total: fmt6(of),
        }),
        file: fs.source,
        sheet: fs.sheet,
        unit: rec.unit,
        cells: [
          { item, cell: cellOf(table, i, col.col), value: part },
          { item, cell: cellOf(table, rec.partOf, col.col), value: of },
        ],
      });
    }
  });
  return out;
}

/** `firstRow` or `row` undefined: that report is a vertical form, a whole sheet, not a row. */
function duplicate(
  lang: Lang,
  at: { file: string; sheet: string; unit: string },
  firstRow: number | undefined,
  row: number | undefined,
  first: { file: string; sheet: string } = at,
): Finding {
  const same = first.file === at.file && first.sheet === at.sheet;
  const where = first.file === at.file ? `「${first.sheet}」` : `${first.file}「${first.sheet}」`;
  const args = { unit: at.unit, where, first: (firstRow ?? 0) + 1, row: (row ?? 0) + 1 };
  const key =
    same && firstRow !== undefined && row !== undefined
      ? 'audit.duplicate'
      : firstRow === undefined
        ? row === undefined
          ? 'audit.duplicateSheets'
          : 'audit.duplicateAfterSheet'
        : row === undefined
          ? 'audit.duplicateSheet'
          : 'audit.duplicateElsewhere';
  return {
    ruleId: BUILTIN.duplicate,
    severity: 'error',
    message: t(lang, key, args),
    file: at.file,
    sheet: at.sheet,
    unit: at.unit,
    cells: [],
  };
}

/** A unit row's sheet row; undefined for a vertical form (the whole sheet is the unit's). */
const rowOf = (u: UnitRow): number | undefined => (u.formSheet.table.vertical ? undefined : u.row);

/**
 * Sheets that hold a form's figures but could not be read (no unit column; a value column per
 * year and no year): one warning each, so figures left out of the pools are never left out in
 * silence.
 */
export function checkUnread(ds: Dataset, lang: Lang): Finding[] {
  return ds.unread.map((k) => ({
    ruleId: BUILTIN.notRead,
    severity: 'warning' as const,
    message: unreadText(k, lang),
    file: k.source,
    sheet: k.sheet,
    unit: '',
    cells: [],
  }));
}

/** Why a form's sheet was not read, and what to do (SHEET_NOT_READ, and `inspect`). */
export function unreadText(k: Pick<SheetSkip, 'reason' | 'years' | 'form'>, lang: Lang): string {
  if (k.reason === 'yearColumns')
    return t(lang, 'audit.unreadYears', {
      years: (k.years ?? []).map((y) => `${y}年`).join(t(lang, 'n.listSep')),
      last: k.years?.[k.years.length - 1] ?? '',
    });
  return t(lang, 'audit.unreadNoUnit', {
    form: (lang === 'zh' ? k.form?.name : k.form?.nameEn) ?? '',
  });
}

/**
 * A reporting unit twice in one form, across all the workbooks that submitted it: a row is a
 * repeat of an earlier one that holds any of its items. A form split over sheets or files by
 * item (births on one sheet, deaths on another; 统计局's 0-17岁儿童人口数 and 公安局's 伤害死亡数)
 * reports each unit once.
 */
export function checkDuplicates(ds: Dataset, lang: Lang): Finding[] {
  const out: Finding[] = [];
  const itemsOf = new Map<FormSheet, Set<string>>();
  const items = (fs: FormSheet) => {
    let set = itemsOf.get(fs);
    if (!set) {
      set = new Set(formItemsIn(fs.table, fs.form));
      itemsOf.set(fs, set);
    }
    return set;
  };
  const shares = (a: FormSheet, b: FormSheet) => {
    if (a.table === b.table) return true;
    const mine = items(b);
    for (const id of items(a)) if (mine.has(id)) return true;
    return false;
  };
  for (const units of ds.formUnits.values()) {
    for (const rows of units.repeated()) {
      for (let k = 1; k < rows.length; k++) {
        const d = rows[k] as UnitRow;
        const first = rows.slice(0, k).find((b) => shares(b.formSheet, d.formSheet));
        if (!first) continue;
        out.push(
          duplicate(
            lang,
            { file: d.source, sheet: d.sheet, unit: d.unit },
            rowOf(first),
            rowOf(d),
            { file: first.source, sheet: first.sheet },
          ),
        );
      }
    }
  }
  return out;
}

/** A reporting unit twice in one sheet, by code, else by name (for sheets outside a profile). */
export function checkTableDuplicates(st: SheetTable, lang: Lang): Finding[] {
  if (!st.table.columns.some((c) => c.kind === 'unit' || c.kind === 'code')) return [];
  const seen = new Map<string, number>();
  const out: Finding[] = [];
  for (const rec of st.table.records) {
    if (rec.isTotal) continue;
    const key = rec.code ?? `n:${unitNameKey(rec.unit)}`;
    const first = seen.get(key);
    if (first === undefined) seen.set(key, rec.row);
    else
      out.push(
        duplicate(lang, { file: st.source, sheet: st.sheet, unit: rec.unit }, first, rec.row),
      );
  }
  return out;
}

/**
 * Where a form's expected units come from, or 'none' when nothing can be missing from it: no
 * region sheet, no prior form, and no other form of this period that names a unit (one
 * form alone at a million units would otherwise walk every unit's parents for nothing).
 */
function expectedUnits(
  ds: Dataset,
  form: string,
  listed: readonly string[],
  prior?: Dataset,
): 'listed' | 'prior' | 'seen' | 'none' {
  if (listed.length > 0) return 'listed';
  if (prior) return (prior.formUnits.get(form)?.size ?? 0) > 0 ? 'prior' : 'none';
  for (const [other, units] of ds.formUnits) if (other !== form && units.size > 0) return 'seen';
  return 'none';
}

/**
 * Units expected but missing, per form: expected from the region sheet's lowest level, else
 * from the previous period's form, else from the other forms of this period. A unit whose
 * township (or whose villages) reported the form is not missing: the form is at another level.
 * The finding is on the form's sheet, naming the unit.
 */
export function checkCompleteness(ds: Dataset, lang: Lang, prior?: Dataset): Finding[] {
  const out: Finding[] = [];
  const h = ds.hierarchy;
  const listed = h.expectedLeaves();
  const ancestors = (key: string): string[] => {
    const out: string[] = [];
    for (let p = h.node(key)?.parent; p !== undefined && !out.includes(p); p = h.node(p)?.parent)
      out.push(p);
    return out;
  };
  for (const fs of ds.forms) {
    const present = ds.formUnits.get(fs.form.id);
    if (!present) continue;
    // Report once per form, on its first sheet.
    if (ds.forms.find((f) => f.form.id === fs.form.id) !== fs) continue;
    const expected = expectedUnits(ds, fs.form.id, listed, prior);
    if (expected === 'none') continue;
    // Every ancestor of a present unit; a chain stops at a node already in (its own are too).
    // Made only when a unit is not in the form: with every unit there, never.
    let above: Set<string> | undefined;
    const aboveOf = (): Set<string> => {
      const out = new Set<string>();
      for (const key of present.keys())
        for (let p = h.node(key)?.parent; p !== undefined && !out.has(p); p = h.node(p)?.parent)
          out.add(p);
      return out;
    };
    const atAnotherLevel = (key: string) =>
      (above ??= aboveOf()).has(key) || ancestors(key).some((a) => present.has(a));
    const formName = `${fs.form.id} ${fs.form.name}`;
    const report = (
      key: string,
      name: string,
      message: 'audit.missingUnit' | 'audit.missingUnitPrior' | 'audit.missingUnitSeen',
    ) => {
      if (present.has(key) || atAnotherLevel(key)) return;
      out.push(missing(fs, name, t(lang, message, { unit: name, form: formName })));
    };
    if (expected === 'listed') {
      for (const key of listed) report(key, h.name(key), 'audit.missingUnit');
    } else if (expected === 'prior' && prior) {
      const before = prior.formUnits.get(fs.form.id);
      for (const key of before?.keys() ?? []) {
        const name = before?.firstRow(key)?.unit ?? key;
        const here = h.keyOf(key.startsWith('n:') ? { name } : { code: key, name });
        report(here ?? key, name, 'audit.missingUnitPrior');
      }
    } else {
      // In the hierarchy's order, the units another form has and this one lacks.
      const others = [...ds.formUnits].flatMap(([form, units]) =>
        form !== fs.form.id && units.size > 0 ? [units] : [],
      );
      for (const { key } of h.ordered())
        if (!present.has(key) && others.some((units) => units.has(key)))
          report(key, h.name(key), 'audit.missingUnitSeen');
    }
  }
  return out;
}

function missing(fs: FormSheet, unit: string, message: string): Finding {
  return {
    ruleId: BUILTIN.missingUnit,
    severity: 'error',
    message,
    file: fs.source,
    sheet: fs.sheet,
    unit,
    cells: [],
  };
}
