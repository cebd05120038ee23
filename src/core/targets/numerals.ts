/**
 * Numbers and units as a plan writes them in words, made into the notation `text.ts` reads:
 * `千分之三` → `3‰`, `百分之九十五` → `95%`, `十万分之十二` → `12/10万`,
 * `每10万活产12例` → `12/10万`, `12例/10万` → `12/10万`. Applied to folded text (NFKC, no spaces).
 */

const DIGITS: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const UNITS: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };

/** An integer in Chinese numerals below 10,000 (`三`, `十二`, `九十五`, `一百零五`). */
function cnInteger(s: string): number | undefined {
  if (s === '') return undefined;
  let total = 0;
  let digit: number | undefined;
  let lastUnit = Infinity;
  for (const ch of s) {
    const d = DIGITS[ch];
    if (d !== undefined) {
      if (digit !== undefined && digit !== 0 && d !== 0) return undefined; // 三五: not a number
      digit = d;
      continue;
    }
    const u = UNITS[ch];
    if (u === undefined || u >= lastUnit) return undefined;
    total += (digit ?? (u === 10 && total === 0 ? 1 : NaN)) * u;
    if (Number.isNaN(total)) return undefined;
    lastUnit = u;
    digit = undefined;
  }
  return total + (digit ?? 0);
}

/** A number in Chinese numerals or digits: `三`, `九十五`, `零点五`, `4.5`. */
export function cnNumber(s: string): number | undefined {
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  const [int, frac, extra] = s.split('点');
  if (extra !== undefined || int === undefined) return undefined;
  const whole = cnInteger(int);
  if (whole === undefined) return undefined;
  if (frac === undefined) return whole;
  let decimals = '';
  for (const ch of frac) {
    const d = DIGITS[ch];
    if (d === undefined) return undefined;
    decimals += String(d);
  }
  return decimals === '' ? undefined : Number(`${whole}.${decimals}`);
}

const CN = '[零〇一二两三四五六七八九十百千点\\d.]+';
const FRACTION = new RegExp(`(十万|10万|1万|万|千|1000|百|100)分之(${CN})`, 'g');
const FRACTION_UNIT: Record<string, string> = {
  十万: '/10万',
  '10万': '/10万',
  '1万': '‱',
  万: '‱',
  千: '‰',
  '1000': '‰',
  百: '%',
  '100': '%',
};
const PER =
  /每(10万|十万|100000|1万|万|千|1000)(?:名|个)?(?:活产儿?|人口|人|儿童|妇女|对)?中?(\d+(?:\.\d+)?)(?:例|人|名|对)?/g;
const PER_UNIT: Record<string, string> = {
  '10万': '/10万',
  十万: '/10万',
  '100000': '/10万',
  '1万': '‱',
  万: '‱',
  千: '‰',
  '1000': '‰',
};

/** The text with worded numbers and units in the notation `text.ts` reads; unchanged otherwise. */
export function numeralsToNotation(s: string): string {
  return s
    .replace(FRACTION, (all, base: string, n: string) => {
      const v = cnNumber(n);
      return v === undefined ? all : `${v}${FRACTION_UNIT[base] ?? ''}`;
    })
    .replace(PER, (_all, base: string, n: string) => `${n}${PER_UNIT[base] ?? ''}`)
    .replace(/(\d)(?:例|人|名)(?=\/|1\/)/g, '$1');
}
