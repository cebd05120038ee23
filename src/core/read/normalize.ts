/**
 * Header normalisation (items.md): full-width to half-width, one kind of bracket and dash,
 * no spaces or line breaks, no unit suffix, lower case for English ids. Two headers name the
 * same item exactly when their normalised keys are equal.
 */

/** Units a header may carry as a suffix, and a value as a trailing word. */
export const UNIT_WORDS: readonly string[] = [
  '人次',
  '万人',
  '人',
  '个',
  '户',
  '名',
  '所',
  '次',
  '例',
  '万元',
  '元',
  '%',
  '‰',
  '1/10万',
  '1/万',
  '岁',
  '千人',
  '对',
];

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D~\u301C\uFF5E]/g;
const SPACES = /[\s\u00A0\u3000]+/g;

// eslint-disable-next-line no-control-regex -- any ASCII, control characters included
const PLAIN = /^[\u0000-\u007F\u4E00-\u9FFF]*$/;

/** Printable ASCII but space and `~`, and CJK ideographs: text `squeeze` leaves as it is. */
const CLEAN = /^[!-}\u4E00-\u9FFF]*$/;

/** True when `squeeze` and `fold` leave `text` as it is (a sufficient test, not an exact one). */
export function isSqueezed(text: string): boolean {
  return CLEAN.test(text);
}

/**
 * `fold` with every space removed: the key unit names, labels and total words are compared by.
 * Called once or more per row, so text that is already clean (most names) is tested only.
 */
export function squeeze(text: string): string {
  if (isSqueezed(text)) return text;
  return fold(text).replace(SPACES, '');
}

/**
 * The government office after a township's name: 石门镇人民政府, 城东街道办事处. An institution
 * (石门镇卫生院, 城关镇社区卫生服务中心) is a unit of its own: an institution-based form lists both.
 */
const OFFICE_SUFFIX = /(?:人民政府|街道办事处|办事处)$/;
/** A note after a name: 石门镇（补报）, 白沙镇(更正). Folded brackets only. */
const NAME_NOTE = /\((?:补报|更正|修正|修订|调整后?|重报|补录)\)$/;
/** The ending a name must keep for its office to be dropped: a 乡/镇/街道 or a 村/社区. */
const PLACE_END = /(?:镇|乡|街道|村|社区)$/;

/**
 * Which unit a squeezed name means, as forms vary it: 石门镇人民政府 and 石门镇（补报） are
 * 石门镇; 城东街道办事处 is 城东街道. Only an office after a name that ends as
 * a place does (镇 乡 街道 村 社区) is dropped.
 */
export function unitIdentity(key: string): string {
  // Both endings are known by the last character, `)` or 府 or 处: most names have neither.
  const last = key.charCodeAt(key.length - 1);
  if (last !== 0x29 && last !== 0x5e9c && last !== 0x5904) return key;
  let s = NAME_NOTE.test(key) ? key.replace(NAME_NOTE, '') : key;
  const m = OFFICE_SUFFIX.exec(s);
  if (m) {
    const rest = s.slice(0, s.length - m[0].length);
    if (m[0] === '街道办事处' && rest !== '') s = `${rest}街道`;
    else if (PLACE_END.test(rest)) s = rest;
  }
  return s === '' ? key : s;
}

/** Width and punctuation folding without removing anything. */
export function fold(text: string): string {
  // ASCII and CJK ideographs only (most unit names): NFKC changes nothing there, and of the
  // dashes only `~` can occur. Skipping normalize() matters at 100,000 units.
  if (PLAIN.test(text)) return text.includes('~') ? text.replace(/~/g, '-') : text;
  return text
    .normalize('NFKC')
    .replace(/[【［〔]/g, '(')
    .replace(/[】］〕]/g, ')')
    .replace(DASHES, '-')
    .replace(/：/g, ':');
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const UNIT_ALT = UNIT_WORDS.map(escapeRe).join('|');
/** `(人)`, `(单位:人)`, `(单位: 万元)` at the end. */
const BRACKET_UNIT = new RegExp(`\\((?:计量)?(?:单位:)?(?:${UNIT_ALT})\\)$`);
/** `/人`, `单位:人` at the end. */
const SLASH_UNIT = new RegExp(`(?:/|(?:计量)?单位:)(?:${UNIT_ALT})$`);

/** The unit a header names in its suffix, if any (`活产数（人）` → `人`, `结婚登记对数` → `对`). */
export function headerUnit(header: string): string | undefined {
  const s = fold(header).replace(SPACES, '');
  if (/对数$/.test(s)) return '对';
  const m = new RegExp(`(?:\\((?:计量)?(?:单位:)?(${UNIT_ALT})\\)|(?:/|单位:)(${UNIT_ALT}))$`).exec(
    s,
  );
  return m ? (m[1] ?? m[2]) : undefined;
}

/**
 * An English gloss after a Chinese header, set off by a space, as the English template writes
 * the lead columns: `区划代码 code`, `乡镇（街道） unit`.
 */
const ENGLISH_GLOSS = /^(.*[\u3400-\u9fff)])[\s\u00A0\u3000]+[A-Za-z][A-Za-z0-9_ .'-]*$/s;

/** The key a header is matched by. */
export function normalizeHeader(header: string): string {
  let s = fold(header).replace(ENGLISH_GLOSS, '$1').replace(SPACES, '');
  // A header may carry several suffixes, e.g. `活产数(人)(合计)` is not one; strip units only.
  for (let i = 0; i < 2; i++) {
    const next = s.replace(BRACKET_UNIT, '').replace(SLASH_UNIT, '');
    if (next === s) break;
    s = next;
  }
  return s.toLowerCase();
}

/**
 * The CJK ideographs (U+4E00–U+9FFF) of `texts`. Folding and normalising never change one or
 * take one away, except in the suffixes normalizeHeader strips (`（单位：人）`) and the `名称`
 * a unit header may end in: so a text holding an ideograph outside the keys' own and those
 * (`STRIPPED`) cannot normalise to any key (`hasIdeographOutside`).
 */
export function ideographsOf(texts: Iterable<string>): Set<number> {
  const out = new Set<number>();
  for (const t of [...texts, ...STRIPPED])
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) out.add(c);
    }
  return out;
}

/** What normalizeHeader and a unit header's loose key may strip. */
const STRIPPED: readonly string[] = [...UNIT_WORDS, '计量单位', '名称'];

/** `text` holds a CJK ideograph not in `allowed`: a quick, exact "it is none of those keys". */
export function hasIdeographOutside(text: string, allowed: ReadonlySet<number>): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff && !allowed.has(c)) return true;
  }
  return false;
}

/** Statistical division codes: 6 (county), 9 (township) or 12 (village) digits. */
const CODE_SHAPE = /^(?:\d{6}|\d{9}|\d{12})$/;

/**
 * A division code written as text, normalised: full-width digits folded, spaces inside and
 * around removed, a leading apostrophe (Excel's "store as text" mark) dropped. Undefined when
 * what is left is not 6, 9 or 12 digits — `4.51281E+11` (a code Excel turned into scientific
 * notation and lost the last digits of), `45128100100` (a digit short), `合计`.
 */
export function normalizeCode(text: string): string | undefined {
  if (CODE_SHAPE.test(text)) return text; // the usual case, already clean
  const s = fold(text)
    .replace(SPACES, '')
    .replace(/^['‘’`]/, '');
  return CODE_SHAPE.test(s) ? s : undefined;
}
