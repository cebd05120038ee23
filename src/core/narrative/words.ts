import type { IndicatorDef } from '../profile/schema';
import { pointUnit } from '../assess/targets';
import { levelOfName } from '../read/levels';
import { t, type Lang } from '../messages/index';

/**
 * The words a monitoring report chooses by the data: which verb a change takes, what the
 * whole area is called after its first mention, what the reporting units are, how a list
 * ends. Pure functions of their arguments, so the same data gives the same text.
 */

/**
 * How an indicator moves, as the NBS 统计监测报告 word it: a rate of events (死亡率, 发生率,
 * 患病率; any ‰ or 1/10万 indicator, a % one where lower is better, a ratio) 上升/下降; a share
 * or coverage (比例, 参保率, 管理率: a % where higher is better) 提高/降低.
 */
export type Movement = 'rate' | 'share';

export function movementOf(def: Pick<IndicatorDef, 'unit' | 'direction'>): Movement {
  return def.unit === '%' && def.direction === 'higher' ? 'share' : 'rate';
}

/** The verb of a change: 上升/下降 for a rate, 提高/降低 for a share; rose/fell in English. */
export function changeVerb(def: Pick<IndicatorDef, 'unit' | 'direction'>, up: boolean, lang: Lang) {
  if (lang === 'en') return up ? 'up' : 'down';
  const rate = movementOf(def) === 'rate';
  return up ? (rate ? '上升' : '提高') : rate ? '下降' : '降低';
}

/**
 * The unit of a change or a gap: 个百分点 / 个千分点 / 个十万分点; in English "percentage
 * points" for %, and "per 1,000" / "per 100,000" for rates (a change of 0.85 per 1,000).
 */
export function pointsOf(unit: string, lang: Lang): string {
  if (lang === 'zh') return pointUnit(unit, 'zh');
  const en: Record<string, string> = {
    '%': ' percentage points',
    '‰': ' per 1,000',
    '1/10万': ' per 100,000',
  };
  return en[unit] ?? '';
}

/**
 * The whole area after its first mention: 全市 for 青川市, 全县 for 某县, 全区 for 某区; the
 * name itself where it is no division or already the whole (全部地区) and always in English.
 */
export function areaShort(rootName: string, lang: Lang): string {
  if (lang === 'en' || rootName.startsWith('全')) return rootName;
  const m = /(市|县|区|旗|州|盟)$/.exec(rootName);
  return m && rootName.length > 1 ? `全${m[1]}` : rootName;
}

/**
 * What the reporting units are, from their names: 乡镇（街道） when they are townships,
 * 村（社区） villages, 县（市、区） counties, else 填报单位 (in English singular or plural by
 * `count`).
 */
export function unitNoun(names: readonly string[], lang: Lang, count = 2): string {
  return nounOf(names)(lang, count);
}

/**
 * unitNoun with the names' level found once (a pass over every name), for a text that says the
 * noun many times.
 */
export function nounOf(names: readonly string[]): (lang: Lang, count: number) => string {
  let only: ReturnType<typeof levelOfName> | null = null;
  let mixed = false;
  for (const n of names) {
    const level = levelOfName(n);
    if (only === null) only = level;
    else if (level !== only) {
      mixed = true;
      break;
    }
  }
  const level = mixed || only === null ? undefined : only;
  const key =
    level === 'township'
      ? 'n.noun.township'
      : level === 'village'
        ? 'n.noun.village'
        : level === 'county'
          ? 'n.noun.county'
          : 'n.noun.unit';
  return (lang, count) => t(lang, key, { n: count });
}

/**
 * At most this many units are named in one list of the report or of 数据质量说明; the rest are
 * counted (…等1234个村（社区）, "… and 1,224 other villages"), so an area of 100,000 villages
 * that sets aside thousands of them still reads as a page.
 */
export const LIST_CAP = 10;

/**
 * The units of a list, the first `cap` by name and the others counted: 甲镇、乙镇等12个乡镇（街道）
 * (the count is of all of them, as a report writes 等N个); "A, B and 10 other townships".
 */
export function unitList(names: readonly string[], lang: Lang, cap = LIST_CAP): string {
  if (names.length <= cap) return listOf(names, lang);
  const shown = names.slice(0, cap);
  const more = names.length - cap;
  return t(lang, 'n.listMore', {
    list: lang === 'zh' ? shown.join('、') : shown.join(', '),
    count: names.length,
    more,
    noun: unitNoun(names, lang, lang === 'zh' ? names.length : more),
  });
}

/** A list as a sentence writes it: 甲、乙、丙; "A, B and C". */
export function listOf(items: readonly string[], lang: Lang): string {
  if (lang === 'zh' || items.length < 2) return items.join('、');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}

/** The indicator's name as a sentence writes it (lower-case in the middle of English). */
export function nameIn(def: Pick<IndicatorDef, 'name' | 'nameEn'>, lang: Lang): string {
  return lang === 'zh' ? def.name : lowerFirst(def.nameEn);
}

/** "infant deaths" from "Infant deaths"; an acronym (HIV) keeps its capitals. */
export function lowerFirst(s: string): string {
  return /^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

export function upperFirst(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** 一 … 十五, then digits: the numbers of headings (一、 （一）). */
const CN_NUMBERS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
];

export function headingNumber(i: number, lang: Lang): string {
  return lang === 'zh' ? (CN_NUMBERS[i] ?? String(i + 1)) : String(i + 1);
}
