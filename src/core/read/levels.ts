import { squeeze } from './normalize';

/**
 * Administrative levels of a reporting unit, from its statistical division code or, where a
 * form has no codes, from the last characters of its name (省/市/县/区/乡/镇/街道 vs
 * 村/社区/居委会). A smaller number is a higher level. `city` (…市) is kept apart from
 * `county`: a 市 can be a prefecture or a county-level city, so a row is never judged by it
 * alone.
 */
export const LEVELS = ['province', 'prefecture', 'city', 'county', 'township', 'village'] as const;
export type Level = (typeof LEVELS)[number];

export function levelRank(level: Level): number {
  return LEVELS.indexOf(level);
}

/** Twelve digits: a 6- or 9-digit code padded with zeros. */
export function code12(code: string): string {
  return code.length >= 12 ? code.slice(0, 12) : code.padEnd(12, '0');
}

/** The level a 6-, 9- or 12-digit division code names. */
export function levelOfCode(code: string): Level | undefined {
  const n = code.length;
  if (n !== 6 && n !== 9 && n !== 12) return undefined;
  for (let i = 0; i < n; i++) {
    const d = code.charCodeAt(i);
    if (d < 48 || d > 57) return undefined;
  }
  return levelOfDigits(code, n);
}

/**
 * The level of the code's first `n` digits padded with zeros to twelve (the digits are known
 * to be digits). Read digit by digit: it is asked several times for every coded row.
 */
export function levelOfDigits(code: string, n: number): Level {
  const end = Math.min(n, code.length);
  if (!zerosIn(code, 9, Math.min(12, end))) return 'village';
  if (!zerosIn(code, 6, Math.min(9, end))) return 'township';
  if (!zerosIn(code, 4, Math.min(6, end))) return 'county';
  if (!zerosIn(code, 2, Math.min(4, end))) return 'prefecture';
  return 'province';
}

/** Characters `from` up to `to` of `code` are all `0` (none when `to` ≤ `from`). */
function zerosIn(code: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (code.charCodeAt(i) !== 48) return false;
  return true;
}

const PREFIX_LENGTH: Record<Level, number> = {
  province: 2,
  prefecture: 4,
  city: 4,
  county: 6,
  township: 9,
  village: 12,
};

/** `ancestor` is a division above `code` that contains it (both 6-, 9- or 12-digit codes). */
export function isAncestorCode(ancestor: string, code: string): boolean {
  const la = levelOfCode(ancestor);
  const lc = levelOfCode(code);
  if (!la || !lc || levelRank(la) >= levelRank(lc)) return false;
  const n = PREFIX_LENGTH[la];
  return code12(ancestor).slice(0, n) === code12(code).slice(0, n);
}

/**
 * Name endings by level, tried in this order: a functional zone (开发区, 高新区, 某某新区, 示范区) is
 * a township-level unit, not a 区 — a township's peer in a county's table, over its 社区.
 */
const NAME_LEVELS: readonly [RegExp, Level][] = [
  [/(村民委员会|居民委员会|村委会|居委会|社区|嘎查|村)$/, 'village'],
  [
    /(街道办事处|街道办|街道|办事处|民族乡|乡|镇|苏木|农场|林场|牧场|开发区|园区|管委会|管理区|工业区|高新区|新区|示范区|试验区|实验区|保税区|风景区|景区|度假区|合作区)$/,
    'township',
  ],
  [/(自治县|县|自治旗|旗|市辖区|区|林区|特区)$/, 'county'],
  [/(自治州|州|盟|地区)$/, 'prefecture'],
  [/(市)$/, 'city'],
  [/(省|自治区)$/, 'province'],
];

/** The level a unit's name ends in, if any (`西山镇` → township, `某县` → county). */
export function levelOfName(name: string): Level | undefined {
  const s = squeeze(name);
  if (s.length < 2) return undefined; // `镇` alone names no unit
  // Every ending is a CJK word: a name ending in a digit or a letter (`村12`) has none.
  if (s.charCodeAt(s.length - 1) < 0x3000) return undefined;
  // Two characters ending in 区 or 旗 say nothing of a level: 城区 is a township-level area in
  // many counties (and a district in a few cities), 红旗 a village's name.
  if (s.length === 2 && /[区旗]$/.test(s)) return undefined;
  for (const [re, level] of NAME_LEVELS) if (re.test(s)) return level;
  return undefined;
}

/** Chinese names of the levels, for messages. */
export const LEVEL_NAMES: Record<Level, { zh: string; en: string }> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '地市级', en: 'prefecture' },
  city: { zh: '市级', en: 'city' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡镇级', en: 'township' },
  village: { zh: '村级', en: 'village' },
};
