import { cellText, type Cell } from '../model/cell';
import { t, type Lang } from '../messages/index';
import type { IndicatorDef, Target } from '../profile/schema';
import { fold, normalizeHeader } from '../read/normalize';
import { closest } from '../rules/suggest';
import { percentText } from './cells';
import { parseNumberText, parseTargetText, parseYear, type TextIssue } from './text';

/**
 * The targets table an office edits (issue 9): one row per indicator with the columns
 * 编号/id, 目标/target, and optionally 容差/band, 目标年份/targetYear, 基期年份/baseYear,
 * 基期值/baseline, 来源/source (and 指标/name, which is read only to find a row without an id).
 * Title rows above the header, blank rows and a closing note are skipped; full-width digits and
 * punctuation, numbers typed as text and units after numbers are read. A row that cannot be
 * read is reported with its row and id and set aside — its indicator is then not judged, never
 * judged against a default the office did not choose — and the other rows apply.
 */
export interface TargetRow {
  id: string;
  /** 1-based row in the sheet or file. */
  row: number;
  /** The sheet, when the table spans several. */
  sheet?: string;
  target: Target;
  /** The target holds for every township (以乡（镇、街道）为单位). */
  perUnit: boolean;
  source: string;
}

export interface TargetProblem {
  row?: number;
  /** The sheet, when the table spans several. */
  sheet?: string;
  id?: string;
  issue: TextIssue;
  /** True when the row was set aside; false for a notice about a row that applies. */
  dropped: boolean;
}

export interface TargetTable {
  /** Where the table came from, for the report: a file name or `工作表“指标目标”`. */
  label: string;
  rows: TargetRow[];
  problems: TargetProblem[];
  /** Indicators whose row was set aside: id → row. They are not judged (无法评估). */
  invalid: Map<string, number>;
}

export type TargetTableResult =
  | { ok: true; table: TargetTable }
  | { ok: false; issue: TextIssue; nested?: Record<string, TextIssue> };

export interface TargetTableOptions {
  label: string;
  /** The sheet row number (1-based) of `rows[0]`; default 1. */
  firstRow?: number;
  /** The sheet's name, given with each row and problem when a table spans several sheets. */
  sheet?: string;
  /** A header with no usable row under it is still a table (its problems kept), not a refusal. */
  keepEmpty?: boolean;
}

/** A township scope written in the 指标 cell: `以乡（镇、街道）为单位适龄儿童免疫规划疫苗接种率`. */
const SCOPE_IN_NAME = /以[乡镇街道()、]+为单位|[(（]以[乡镇街道()、]+为单位[)）]/;

type Field = 'id' | 'name' | 'target' | 'band' | 'targetYear' | 'baseYear' | 'baseline' | 'source';

const ALIASES: Readonly<Record<Field, readonly string[]>> = {
  id: ['编号', '指标编号', '指标代码', '代码', 'id', 'indicatorid', 'indicator_id', 'code'],
  name: ['指标', '指标名称', '名称', 'name', 'indicator', 'indicatorname'],
  target: ['目标', '目标值', '目标要求', '规划目标', '纲要目标', '监测目标', 'target', 'goal'],
  band: ['容差', '允许偏差', '偏差', '容许偏差', 'band', 'tolerance'],
  targetYear: ['目标年份', '目标年', '目标年度', '目标期', 'targetyear', 'target_year'],
  baseYear: ['基期年份', '基期年', '基期年度', '基年', '基准年', 'baseyear', 'base_year'],
  baseline: [
    '基期值',
    '现状值',
    '基期现状值',
    '现状',
    '现状水平',
    '基期数',
    '基期数值',
    '基期水平',
    '基线值',
    '基准值',
    '基期',
    'baseline',
    'basevalue',
    'base_value',
  ],
  source: ['来源', '目标来源', '出处', '依据', '目标依据', 'source'],
};

/** A header as compared: folded, no spaces or `_ -`, no bracketed note, no leading year. */
function headerKey(text: string): { key: string; year?: number } {
  const folded = fold(text).replace(/[\s\u00A0\u3000]+/g, '');
  // `规划目标（2021—2030年）`, `2021-2025年目标`: a span is for its last year.
  const span = /((?:19|20)\d{2})年?-((?:19|20)\d{2})年?/.exec(folded);
  const year = span?.[2] ?? /(?:^|\()((?:19|20)\d{2})年?/.exec(folded)?.[1];
  const key = normalizeHeader(
    folded
      .replace(/\([^)]*\)/g, '')
      .replace(/^(?:19|20)\d{2}年?(?:-(?:19|20)\d{2}年?)?/, '')
      .replace(/[_-]/g, ''),
  ).toLowerCase();
  return year ? { key, year: Number(year) } : { key };
}

const ALIAS_KEYS = new Map<string, Field>();
for (const [field, names] of Object.entries(ALIASES) as [Field, readonly string[]][])
  for (const n of names) ALIAS_KEYS.set(headerKey(n).key, field);

interface Header {
  index: number;
  columns: Map<Field, number>;
  /** A second column of a field already taken (`2025年目标` after `2030年目标`): not read. */
  extra?: { field: Field; used: string; header: string };
  /** Years written in the headers: `基期值（2020年）`, `目标（2025年）`. */
  years: Partial<Record<Field, number>>;
}

function text(cell: Cell | undefined): string {
  return cell === undefined || cell === null ? '' : cellText(cell).trim();
}

function readHeader(row: readonly Cell[], index: number): Header {
  const columns = new Map<Field, number>();
  const years: Header['years'] = {};
  let extra: Header['extra'];
  row.forEach((c, j) => {
    if (typeof c !== 'string') return;
    const { key, year } = headerKey(c);
    const field = ALIAS_KEYS.get(key);
    if (!field) return;
    const taken = columns.get(field);
    if (taken !== undefined) {
      extra ??= { field, used: String(row[taken]), header: c };
      return;
    }
    columns.set(field, j);
    if (year !== undefined) years[field] = year;
  });
  // `基期 | 基期值`: the bare 基期 beside a 基期值 is its year (2020), not a second baseline.
  const bare = row.findIndex((c) => typeof c === 'string' && headerKey(c).key === BASE_BARE);
  const value = row.findIndex(
    (c, j) =>
      j !== bare && typeof c === 'string' && ALIAS_KEYS.get(headerKey(c).key) === 'baseline',
  );
  if (bare >= 0 && value >= 0 && !columns.has('baseYear')) {
    columns.set('baseYear', bare);
    columns.set('baseline', value);
    if (extra?.field === 'baseline') extra = undefined;
  }
  return extra ? { index, columns, years, extra } : { index, columns, years };
}

const BASE_BARE = headerKey('基期').key;

/** `W1` and `w01` are `W01`: letters compared without case, digits as a number. */
function idKey(id: string): string {
  const s = fold(id)
    .replace(/[\s\u00A0\u3000]+/g, '')
    .toUpperCase();
  const m = /^([A-Z]+)-?0*(\d+)$/.exec(s);
  return m ? `${m[1]}${m[2]}` : s;
}

const NOTE_ROW = /^(?:注|说明|备注|填表说明|资料来源|数据来源)[:：]?/;

function cellValue(c: Cell | undefined): string | number | null {
  if (c === undefined || c === null) return null;
  if (typeof c === 'number') return c;
  const s = text(c);
  return s === '' ? null : s;
}

/** The office's wording, with full-width digits and signs made half-width and spaces removed. */
function asWritten(cell: string): string {
  return cell
    .replace(/[\s\u00A0\u3000]+/g, '')
    .replace(/[\uFF10-\uFF19\uFF05\uFF0E\uFF1C\uFF1D\uFF1E\uFF0B]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    );
}

/** Words in a target cell mean the office wrote the programme's sentence: keep it as wording. */
const HAS_WORDS = /[\u3400-\u9fff]/;
/** Units are not words: `≤10/10万` is a symbol form, `下降到10/10万以下` is wording. */
const UNIT_WORDS = /(?:1|每)?\/?(?:10万|十万|1万|万|千)(?:人|活产|名)?/g;

/** Ids compared for a "did you mean": folded, upper case, as written otherwise (`C0l` ~ `C01`). */
const suggestKey = (x: string) =>
  fold(x)
    .replace(/[\s\u00A0\u3000]+/g, '')
    .toUpperCase();

/**
 * The indicator a 指标 cell names: exactly (spaces, width and brackets aside), else the one name
 * it is close to or part of (`宫颈癌筛查率` for `适龄妇女宫颈癌筛查率`); undefined when none.
 */
function nameDef(
  written: string,
  byName: ReadonlyMap<string, IndicatorDef>,
  indicators: readonly IndicatorDef[],
): { def: IndicatorDef; exact: boolean } | undefined {
  const exact = byName.get(normalizeHeader(written));
  if (exact) return { def: exact, exact: true };
  const near = closest(
    written,
    indicators.map((d) => d.name),
    normalizeHeader,
  );
  const def = near === undefined ? undefined : indicators.find((d) => d.name === near);
  return def ? { def, exact: false } : undefined;
}

export function parseTargetTable(
  rows: readonly (readonly Cell[])[],
  indicators: readonly IndicatorDef[],
  options: TargetTableOptions,
): TargetTableResult {
  const firstRow = options.firstRow ?? 1;
  const where = options.label;
  const scan = Math.min(rows.length, 30);
  let header: Header | undefined;
  let idOnly: Header | undefined;
  for (let i = 0; i < scan && !header; i++) {
    const h = readHeader(rows[i] ?? [], i);
    if ((h.columns.has('id') || h.columns.has('name')) && h.columns.has('target')) header = h;
    else if (!idOnly && h.columns.has('id')) idOnly = h;
  }
  if (!header) {
    const firstFilled = rows.findIndex((r) => r.some((c) => text(c) !== ''));
    if (firstFilled < 0)
      return { ok: false, issue: { key: 'targets.fatal.empty', params: { where } } };
    const shown = idOnly ?? { index: firstFilled };
    const found = (rows[shown.index] ?? [])
      .map(text)
      .filter((s) => s !== '')
      .slice(0, 8)
      .join('、');
    return {
      ok: false,
      issue: {
        key: idOnly ? 'targets.fatal.noTargetColumn' : 'targets.fatal.noHeader',
        params: { where, row: firstRow + shown.index, found },
      },
    };
  }
  const byId = new Map(indicators.map((d) => [idKey(d.id), d]));
  const byName = new Map(indicators.map((d) => [normalizeHeader(d.name), d]));
  const col = (row: readonly Cell[], f: Field) => {
    const j = header.columns.get(f);
    return j === undefined ? undefined : row[j];
  };
  const table: TargetTable = { label: where, rows: [], problems: [], invalid: new Map() };
  if (header.extra && (header.extra.field === 'target' || header.extra.field === 'baseline'))
    table.problems.push({
      row: firstRow + header.index,
      issue: {
        key: 'targets.header.extraColumn',
        params: { used: header.extra.used.trim(), other: header.extra.header.trim() },
      },
      dropped: false,
    });
  const seen = new Map<string, number>();
  let dataRows = 0;
  for (let i = header.index + 1; i < rows.length; i++) {
    const row = rows[i] ?? [];
    const filled = row.map(text).filter((s) => s !== '');
    if (filled.length === 0) continue;
    if (filled.length === 1 && NOTE_ROW.test(filled[0] ?? '')) continue;
    if (readHeader(row, i).columns.size >= 2 && readHeader(row, i).columns.has('target')) continue;
    dataRows++;
    const rowNo = firstRow + i;
    const idText = text(col(row, 'id'));
    const nameText = text(col(row, 'name'));
    const byIdDef = idText ? byId.get(idKey(idText)) : undefined;
    // A scope in the name (`以乡（镇、街道）为单位免疫规划疫苗接种率`) is no part of it.
    const bareName = fold(nameText).replace(SCOPE_IN_NAME, '');
    const named = bareName ? nameDef(bareName, byName, indicators) : undefined;
    // With no 编号, only a name as the profile writes it is taken; a near one is a hint. A 编号
    // that is the office's own serial number (1, 2, 3…, no profile's id) is no 编号.
    const serial = !byIdDef && /^\d{1,3}[.、]?$/.test(fold(idText));
    const def = byIdDef ?? ((!idText || serial) && named?.exact ? named.def : undefined);
    if (byIdDef && named && named.def !== byIdDef) {
      // 编号 says one indicator, 指标 another: which the office meant, nobody can say. Neither
      // is judged against a target the office did not set for it.
      table.problems.push({
        row: rowNo,
        id: byIdDef.id,
        issue: {
          key: 'targets.row.idNameMismatch',
          params: { id: idText, idName: byIdDef.name, name: nameText, nameId: named.def.id },
        },
        dropped: true,
      });
      table.invalid.set(byIdDef.id, rowNo);
      table.invalid.set(named.def.id, rowNo);
      continue;
    }
    if (!def) {
      if (!idText && !nameText) {
        table.problems.push({
          row: rowNo,
          issue: { key: 'targets.row.noId', params: {} },
          dropped: true,
        });
        continue;
      }
      const written = idText || nameText;
      const suggestion =
        closest(
          written,
          indicators.map((d) => d.id),
          suggestKey,
        ) ??
        closest(
          written,
          indicators.map((d) => d.name),
          normalizeHeader,
        );
      table.problems.push({
        row: rowNo,
        id: written,
        issue: suggestion
          ? { key: 'targets.row.unknownIdHint', params: { id: written, suggestion } }
          : { key: 'targets.row.unknownId', params: { id: written } },
        dropped: true,
      });
      // The indicator it most likely means is not judged against a default the office did not
      // choose: it is 无法评估 until the row is mended.
      const meant = indicators.find((d) => d.id === suggestion || d.name === suggestion);
      if (meant && !table.invalid.has(meant.id)) table.invalid.set(meant.id, rowNo);
      continue;
    }
    const first = seen.get(def.id);
    if (first !== undefined) {
      table.problems.push({
        row: rowNo,
        id: def.id,
        issue: { key: 'targets.row.duplicate', params: { id: def.id, first } },
        dropped: true,
      });
      continue;
    }
    seen.set(def.id, rowNo);
    const read = readRow(row, def, col, header);
    for (const n of read.notices)
      table.problems.push({ row: rowNo, id: def.id, issue: n, dropped: false });
    if (!read.ok) {
      table.problems.push({ row: rowNo, id: def.id, issue: read.issue, dropped: true });
      table.invalid.set(def.id, rowNo);
      continue;
    }
    // The scope is the indicator's (以乡（镇、街道）为单位 in the 纲要's own indicator), or the
    // row's, in its 目标 or its 指标 cell; a row that drops the indicator's scope is told so.
    const scoped = read.perUnit || SCOPE_IN_NAME.test(fold(text(col(row, 'name'))));
    if (def.perUnit && !scoped && read.target.kind !== 'none')
      table.problems.push({
        row: rowNo,
        id: def.id,
        issue: { key: 'targets.row.perUnitKept', params: { name: def.name } },
        dropped: false,
      });
    table.rows.push({
      id: def.id,
      row: rowNo,
      target: read.target,
      perUnit: scoped || def.perUnit,
      source: text(col(row, 'source')),
    });
  }
  if (options.sheet !== undefined) {
    const sheet = options.sheet;
    for (const r of table.rows) r.sheet = sheet;
    for (const p of table.problems) p.sheet = sheet;
  }
  if (table.rows.length === 0 && !options.keepEmpty) {
    const firstProblem = table.problems.find((p) => p.dropped);
    return {
      ok: false,
      issue: {
        key: dataRows === 0 ? 'targets.fatal.noData' : 'targets.fatal.noRows',
        params: { where, count: dataRows, row: firstProblem?.row ?? '' },
      },
      ...(firstProblem ? { nested: { first: firstProblem.issue } } : {}),
    };
  }
  return { ok: true, table };
}

type RowRead =
  | { ok: true; target: Target; perUnit: boolean; notices: TextIssue[] }
  | { ok: false; issue: TextIssue; notices: TextIssue[] };

function readRow(
  row: readonly Cell[],
  def: IndicatorDef,
  col: (row: readonly Cell[], f: Field) => Cell | undefined,
  header: Header,
): RowRead {
  const notices: TextIssue[] = [];
  const bad = (issue: TextIssue): RowRead => ({ ok: false, issue, notices });
  const targetCell = cellValue(col(row, 'target'));
  const parsed = parseTargetText(targetCell, def);
  if (!parsed.ok) return bad(parsed.issue);
  if (parsed.notice) notices.push(parsed.notice);
  const year = (f: 'targetYear' | 'baseYear') => {
    const cell = cellValue(col(row, f));
    const y = parseYear(cell);
    const key = f === 'targetYear' ? 'targets.row.badTargetYear' : 'targets.row.badBaseYear';
    return y.ok
      ? { ok: true as const, value: y.value }
      : { ok: false as const, issue: { key, params: { found: String(cell) } } as TextIssue };
  };
  const ty = year('targetYear');
  if (!ty.ok) return bad(ty.issue);
  const by = year('baseYear');
  if (!by.ok) return bad(by.issue);
  const conflict = (
    key: 'targets.row.targetYearConflict' | 'targets.row.baseYearConflict',
    inText: number | undefined,
    inColumn: number | null,
  ): TextIssue | undefined =>
    inText !== undefined && inColumn !== null && inText !== inColumn
      ? { key, params: { text: inText, value: inColumn, found: String(targetCell) } }
      : undefined;
  const c1 =
    conflict('targets.row.targetYearConflict', parsed.targetYear, ty.value) ??
    conflict('targets.row.baseYearConflict', parsed.baseYear, by.value);
  if (c1) return bad(c1);
  const targetYear =
    ty.value ?? parsed.targetYear ?? header.years.target ?? header.years.targetYear;
  const baseYear = by.value ?? parsed.baseYear ?? header.years.baseline ?? header.years.baseYear;
  const baselineCell = cellValue(col(row, 'baseline'));
  const baseline = parseNumberText(baselineCell, def);
  if (!baseline.ok) {
    return bad(
      baseline.unit
        ? {
            key: 'targets.row.unitMismatch',
            params: {
              found: String(baselineCell),
              written: baseline.unit,
              unit: def.unit,
              name: def.name,
            },
          }
        : { key: 'targets.row.badBaseline', params: { found: String(baselineCell) } },
    );
  }
  const bandCell = cellValue(col(row, 'band'));
  const band = parseNumberText(bandCell, def);
  if (!band.ok || (band.value !== null && band.value <= 0)) {
    return bad(
      !band.ok && band.unit
        ? {
            key: 'targets.row.unitMismatch',
            params: { found: String(bandCell), written: band.unit, unit: def.unit, name: def.name },
          }
        : { key: 'targets.row.badBand', params: { found: String(bandCell) } },
    );
  }
  // A % band typed as its fraction (容差 0.02 for 2 points): refused, not read as 0.02 points.
  // (A baseline of 0.5% may be real: 村委会主任中女性比例 in some counties.)
  const asFraction = (cell: Cell, v: number | null, below: number) =>
    def.unit === '%' &&
    v !== null &&
    v > 0 &&
    v < below &&
    !(typeof cell === 'string' && /[%％]/.test(cell));
  const fraction = (cell: Cell, v: number): RowRead =>
    bad({
      key: 'targets.row.fractionPercent',
      params: {
        found: String(cell),
        name: def.name,
        percent: percentText(v),
      },
    });
  if (band.value !== null && asFraction(bandCell, band.value, 0.1))
    return fraction(bandCell, band.value);
  let target: Target = parsed.target;
  if (target.kind === 'about') {
    if (target.band !== undefined && band.value !== null && target.band !== band.value)
      return bad({
        key: 'targets.row.bandConflict',
        params: { found: String(targetCell), band: band.value },
      });
    const b = target.band ?? band.value;
    if (b === null || b === undefined)
      return bad({ key: 'targets.row.aboutNoBand', params: { found: String(targetCell) } });
    target = { ...target, band: b };
  } else if (band.value !== null) {
    notices.push({ key: 'targets.row.bandIgnored', params: { found: String(bandCell) } });
  }
  if (target.kind === 'none' && baseline.value !== null)
    notices.push({ key: 'targets.row.baselineNoTarget', params: { found: String(baselineCell) } });
  if (target.kind === 'relative') {
    // Without a 基期年份 it is judged against the 基期值 all the same ("比基期下降20%").
    target = { ...target, baseline: baseline.value };
    if (baseYear !== undefined && baseYear !== null) target = { ...target, baseYear };
  } else {
    if (baseYear !== undefined && baseYear !== null) target = { ...target, baseYear };
    if (baseline.value !== null) target = { ...target, baseline: baseline.value };
  }
  if (targetYear !== undefined && targetYear !== null) target = { ...target, targetYear };
  if (
    typeof targetCell === 'string' &&
    HAS_WORDS.test(targetCell.replace(UNIT_WORDS, '')) &&
    target.kind !== 'none'
  )
    target = { ...target, wording: asWritten(targetCell) };
  return { ok: true, target, perUnit: parsed.perUnit, notices };
}

/** A problem as one sentence: where (row and id) and what, and what became of the row. */
export function targetProblemText(lang: Lang, p: TargetProblem): string {
  const sheet = p.sheet !== undefined ? t(lang, 'targets.inSheet', { sheet: p.sheet }) : '';
  const where =
    sheet +
    (p.row !== undefined
      ? p.id !== undefined
        ? t(lang, 'targets.at', { row: p.row, id: p.id })
        : t(lang, 'targets.atRow', { row: p.row })
      : '');
  return where + t(lang, p.issue.key, p.issue.params);
}
