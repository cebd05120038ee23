import { TallyError } from './errors';
import { t, type Lang } from './messages/index';
import type { FormSheet, Recognised } from './read/forms';

/**
 * The period (year) of each input (issue 8): from a form's title lines, else its sheet's
 * name, else its file's name. Forms of different years given as one period, or a previous
 * period that is not earlier, are refused before anything is pooled: two years added up
 * under one heading is a wrong figure with no finding.
 */
export interface InputPeriod {
  source: string;
  sheet: string;
  period: string;
  from: 'title' | 'sheet' | 'file';
}

/** A programme's span (`2021—2030年`) is not a period. */
const SPAN = /(?:19|20)\d{2}\s*[-—–~～至到]\s*(?:19|20)\d{2}\s*年?/g;
/**
 * A statistical year written as its dates (妇幼's `2024年10月1日—2025年9月30日`) is the year it
 * ends in.
 */
const DATE_RANGE =
  /(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?\s*[-—–~～至到]\s*((?:19|20)\d{2})\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g;
/** The date a form was filled in (`填报日期：2026年1月5日`) is not its period either. */
const FILL_DATE =
  /(?:日期|填报|报出|填表|制表|打印)[^\d]{0,4}(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月(?:\s*\d{1,2}\s*日)?/g;
const TITLE_YEAR = /(?:^|[^\d])((?:19|20)\d{2})\s*年/g;
const BARE_YEAR = /(?:^|[^\d])((?:19|20)\d{2})(?!\d)/g;

/** The most frequent year in `texts` (the first one on a tie), or undefined. */
function yearIn(texts: readonly string[], pattern: RegExp): string | undefined {
  const counts = new Map<string, number>();
  for (const text of texts) {
    const clean = text.replace(DATE_RANGE, ' $1年 ').replace(SPAN, ' ').replace(FILL_DATE, ' ');
    for (const m of clean.matchAll(pattern)) {
      if (m[1]) counts.set(m[1], (counts.get(m[1]) ?? 0) + 1);
    }
  }
  let best: string | undefined;
  let n = 0;
  for (const [year, c] of counts) if (c > n) [best, n] = [year, c];
  return best;
}

/** A file's name without its folders, as messages name files. */
export function baseName(source: string): string {
  return source.split(/[\\/]/).pop() ?? source;
}

/** The period a sheet's title lines, else its name, else its file's name give, and which. */
export function periodOfSheet(
  titles: readonly string[],
  sheet: string,
  source: string,
): Pick<InputPeriod, 'period' | 'from'> | undefined {
  const title = yearIn(titles, TITLE_YEAR);
  if (title) return { period: title, from: 'title' };
  const name = yearIn([sheet], BARE_YEAR);
  if (name) return { period: name, from: 'sheet' };
  const file = yearIn([baseName(source)], BARE_YEAR);
  if (file) return { period: file, from: 'file' };
  return undefined;
}

/** The period of one form sheet, and where it was read. */
export function periodOfForm(
  fs: Pick<FormSheet, 'source' | 'sheet' | 'table'>,
): InputPeriod | undefined {
  const p = periodOfSheet(fs.table.titles, fs.sheet, fs.source);
  return p ? { source: fs.source, sheet: fs.sheet, ...p } : undefined;
}

/** Each form sheet's period, one per table (a wide sheet holding several forms counts once). */
export function periodsOf(rec: Recognised): InputPeriod[] {
  const seen = new Set<unknown>();
  const out: InputPeriod[] = [];
  for (const fs of rec.forms) {
    if (seen.has(fs.table)) continue;
    seen.add(fs.table);
    const p = periodOfForm(fs);
    if (p) out.push(p);
  }
  return out;
}

function listOf(periods: readonly InputPeriod[], lang: Lang): string {
  const seen = new Set<string>();
  const items: string[] = [];
  for (const p of periods) {
    const file = `${baseName(p.source)}${p.from === 'file' ? '' : `「${p.sheet}」`}`;
    const text = t(lang, 'period.file', {
      file,
      period: p.period,
      from: t(lang, `period.from.${p.from}`),
    });
    if (!seen.has(text)) items.push(text);
    seen.add(text);
  }
  const most = 8;
  const shown = items.slice(0, most).join(lang === 'zh' ? '；' : '; ');
  return items.length > most ? `${shown}${lang === 'zh' ? '等' : ' and others'}` : shown;
}

const distinct = (ps: readonly InputPeriod[]) => [...new Set(ps.map((p) => p.period))];

export interface Periods {
  /** The period of the current inputs ('' when nothing names one). */
  period: string;
  /** The previous period's, when given and named. */
  priorPeriod?: string;
}

/**
 * The one period of the inputs, checked: every current form of one year (the given one, when
 * `given`), and the previous period's forms of one earlier year. Throws a TallyError naming
 * the files and what they say.
 */
export function resolvePeriods(
  current: readonly InputPeriod[],
  prior: readonly InputPeriod[],
  given: string | undefined,
): Periods {
  let period: string;
  if (given) {
    const off = current.filter((p) => p.period !== given);
    if (off.length > 0)
      throw new TallyError('error.periodGiven', { period: given }, listParam(off));
    period = given;
  } else {
    const years = distinct(current);
    if (years.length > 1) throw new TallyError('error.periodMixed', {}, listParam(current));
    period = years[0] ?? '';
  }
  const before = distinct(prior);
  if (before.length > 1) throw new TallyError('error.priorMixed', {}, listParam(prior));
  const priorPeriod = before[0];
  if (priorPeriod && period) {
    if (priorPeriod === period)
      throw new TallyError('error.priorSame', { period }, listParam(prior));
    if (Number(priorPeriod) > Number(period))
      throw new TallyError('error.priorLater', { period }, listParam(prior));
  }
  return priorPeriod ? { period, priorPeriod } : { period };
}

/** The file list as a nested parameter, written in both languages so the error reads in either. */
function listParam(periods: readonly InputPeriod[]): TallyError['nested'] {
  return {
    list: { key: 'period.list', params: { zh: listOf(periods, 'zh'), en: listOf(periods, 'en') } },
  };
}
