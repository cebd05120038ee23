import {
  hasIdeographOutside,
  ideographsOf,
  isSqueezed,
  normalizeHeader,
  squeeze,
} from './normalize';

/** One data item as a header may name it. */
export interface VocabularyItem {
  id: string;
  /** Canonical Chinese name, written by the template. */
  name: string;
  synonyms: readonly string[];
  unit?: string;
  /** Other units the item may be stated in, with the factor to `unit` (`{ "对": 2 }`). */
  conversions?: Readonly<Record<string, number>>;
  /** The form it belongs to, when the vocabulary comes from a profile. */
  form?: string;
}

/** Everything header recognition needs to know: items, the unit column and the code column. */
export interface Vocabulary {
  items: readonly VocabularyItem[];
  reportingUnitHeaders: readonly string[];
  codeHeaders: readonly string[];
  totalMarkers: readonly string[];
}

export const GENERIC_VOCABULARY: Vocabulary = {
  items: [],
  reportingUnitHeaders: [
    '地区',
    '地区名称',
    '乡镇',
    '乡镇（街道）',
    '街道',
    '单位',
    '单位名称',
    '区划名称',
    // Village level: a village form names its 村 beside (or instead of) its 乡镇.
    '村',
    '村名',
    '村（社区）',
    '村（居）',
    '村居',
    '村（居）委会',
    '村（居）民委员会',
    '行政村',
    '社区',
    '村委会',
    '居委会',
  ],
  codeHeaders: ['区划代码', '统计用区划代码', '行政区划代码', '代码'],
  totalMarkers: ['合计', '总计', '全市', '全县', '全区', '小计'],
};

/**
 * A total row's label beyond the profile's exact markers: `合计`, `总  计`, `全市合计`,
 * `全镇合计`, `城区小计`, `乡村小计`, `汇总`, `合计数`, `共计`, `总和`, `累计`, `总数`; and the
 * whole area by itself, `全镇`, `全乡`, `全街道`; each with what offices add in brackets
 * (`合计（含开发区）`, `合计（3个乡镇）`, `全县（市、区）`) and a colon or not (`合计：`). Tested on
 * the folded text without spaces, where `（：` are `(:`.
 */
export const TOTAL_LABEL =
  /^(?:(?:全[市县区乡镇])?.{0,8}(?:合计|总计|小计|汇总|共计|总和|累计|总数|合計|總計|小計|匯總)数?|全(?:市|县|区|乡|镇|街道|旗|州|盟)(?:各乡镇|各乡|各镇|各村|各社区|范围|总体|整体)?|全部|.{1,10}[县市区旗州盟]\((?:汇总|合计|总计)\))(?:\([^()]{0,20}\))?[:]?$/;

/**
 * The looser key (of a normalised key) a reporting-unit header is also known by: without
 * brackets and without a trailing `名称`, so `乡镇名称` is `乡镇`, `乡镇街道` is `乡镇（街道）`,
 * `街道名称` is `街道`.
 */
function looseUnitKey(key: string): string {
  return key.replace(/[()]/g, '').replace(/名称$/, '');
}

export type HeaderRole =
  { kind: 'unit' } | { kind: 'code' } | { kind: 'item'; item: VocabularyItem };

/**
 * The part words a two-row header writes under a group (`村委会成员数` over `合计 | 其中：女性`),
 * each with the spellings it is known by; the first is the one a key is filed under.
 */
const PART_WORDS: readonly (readonly string[])[] = [
  ['女性', '女'],
  ['男性', '男'],
  ['城镇'],
  ['农村', '乡村'],
];

/** A part written under a group, `其中：女性`, `女`, `（女）`: its filing word, or undefined. */
export function partWord(text: string): string | undefined {
  const s = squeeze(text)
    .replace(/^其中[:、,]?/, '')
    .replace(/^\((.*)\)$/, '$1');
  return PART_WORDS.find((spellings) => spellings.includes(s))?.[0];
}

/**
 * The key of a whole (`村委会成员数`) and a part word (`女性`) that `key` names: the item's name
 * with the part taken out, as `村委会女性成员数`, `女性村委会主任数` or `村委会成员中女性人数`
 * are; a trailing `人数` is filed as `数`. Undefined when `key` holds no part word once.
 */
function wholeAndPart(key: string): string | undefined {
  for (const spellings of PART_WORDS) {
    for (const word of spellings) {
      const at = key.indexOf(word);
      if (at < 0 || key.indexOf(word, at + 1) >= 0) continue;
      const whole = (key.slice(0, at).replace(/中$/, '') + key.slice(at + word.length)).replace(
        /人数$/,
        '数',
      );
      return whole ? `${whole}|${spellings[0]}` : undefined;
    }
  }
  return undefined;
}

/** A character code in lower case, for ASCII letters (what toLowerCase does to clean text). */
function lowerAscii(c: number): number {
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/**
 * A footnote mark at the end of a header: `①`, `*`, `※`, `★`, `²`, `（注1）`, `注1`, or one
 * digit right after an ideograph (`在园幼儿数1`); or a mark before it (`★`). Taken off only
 * when the header as written is unknown.
 */
const FOOTNOTE =
  /(?:[*＊※★☆#＃\u2460-\u2473\u00b9\u00b2\u00b3\u2070-\u2079]+|[(（]\s*注\s*\d*\s*[)）]|注\s*\d+)\s*$/u;
/** One digit right after an ideograph (no lookbehind: the bundle stays ES2019, check-bundle.js). */
const DIGIT_AFTER_IDEOGRAPH = /([\u4e00-\u9fff])\d\s*$/;

/** A mark before a header (`★在园幼儿数`, `*活产数`). */
const LEADING_MARK = /^\s*[*＊※★☆#＃]+\s*/;

export function withoutFootnote(header: string): string {
  return header
    .trimEnd()
    .replace(FOOTNOTE, '')
    .replace(DIGIT_AFTER_IDEOGRAPH, '$1')
    .trimEnd()
    .replace(LEADING_MARK, '');
}

/** A compiled lookup from normalised header keys to what they name. */
/** Texts whose header role `HeaderIndex.lookup` keeps before it starts again. */
const LOOKED_TEXTS = 4096;

export class HeaderIndex {
  private readonly byKey = new Map<string, HeaderRole>();
  private readonly totals: Set<string>;
  /** The first character of every total marker's key, to skip normalising most unit names. */
  private readonly totalStarts: Set<number>;
  private readonly looseUnits = new Set<string>();
  /** `whole|part` (wholeAndPart) → the item that is that part of that whole. */
  private readonly parts = new Map<string, VocabularyItem>();
  /** The ideographs of every key: a text with another is no header (a message, a name). */
  private readonly keyChars: Set<number>;
  private readonly totalChars: Set<number>;

  constructor(readonly vocabulary: Vocabulary) {
    for (const h of vocabulary.reportingUnitHeaders) {
      this.byKey.set(normalizeHeader(h), { kind: 'unit' });
      const loose = looseUnitKey(normalizeHeader(h));
      if (loose) this.looseUnits.add(loose);
    }
    for (const h of vocabulary.codeHeaders) this.byKey.set(normalizeHeader(h), { kind: 'code' });
    for (const item of vocabulary.items) {
      for (const n of [item.name, item.id, ...item.synonyms]) {
        const key = normalizeHeader(n);
        if (!this.byKey.has(key)) this.byKey.set(key, { kind: 'item', item });
        const part = wholeAndPart(key);
        if (part && !this.parts.has(part)) this.parts.set(part, item);
      }
    }
    this.totals = new Set(vocabulary.totalMarkers.map(normalizeHeader));
    this.totalStarts = new Set([...this.totals].map((k) => k.charCodeAt(0)));
    this.keyChars = ideographsOf([...this.byKey.keys(), ...this.looseUnits]);
    this.totalChars = ideographsOf(this.totals);
  }

  /**
   * What a text is as a header. Answers are kept (the index never changes once made) for
   * the texts of a few sheets at a time: the header search asks about each text of a sheet's
   * first rows twice, and a folder of township files repeats one header line thousands of
   * times. Emptied when full, so the memory is bounded whatever the input.
   */
  lookup(header: string): HeaderRole | undefined {
    const memo = this.looked;
    const kept = memo.get(header);
    if (kept !== undefined) return kept === null ? undefined : kept;
    if (memo.size >= LOOKED_TEXTS) memo.clear();
    const role = this.lookupFresh(header);
    memo.set(header, role ?? null);
    return role;
  }

  private readonly looked = new Map<string, HeaderRole | null>();

  private lookupFresh(header: string): HeaderRole | undefined {
    const known = this.lookupAsWritten(header);
    if (known) return known;
    // `在园幼儿数①`, `在园幼儿数*`, `在园幼儿数（注1）`: the header with its footnote mark. (A
    // header is short: a long text, a message or a note, is not worked on.)
    if (header.length > 40) return undefined;
    const plain = withoutFootnote(header);
    return plain !== header ? this.lookupAsWritten(plain) : undefined;
  }

  private lookupAsWritten(header: string): HeaderRole | undefined {
    // Long texts (a finding's message, a note) are let go before they are normalised.
    if (hasIdeographOutside(header, this.keyChars)) return undefined;
    const key = normalizeHeader(header);
    const known = this.byKey.get(key);
    if (known) return known;
    const loose = looseUnitKey(key);
    return loose && this.looseUnits.has(loose) ? { kind: 'unit' } : undefined;
  }

  /**
   * The item that is part `lower` (`其中：女性`, `女`) of the whole `upper` (`村委会成员数`) in a
   * two-row header, when the vocabulary names one (`村委会女性成员数`).
   */
  partOf(upper: string, lower: string): VocabularyItem | undefined {
    const part = partWord(lower);
    if (!part) return undefined;
    const whole = normalizeHeader(upper).replace(/人数$/, '数');
    return this.parts.get(`${whole}|${part}`);
  }

  /** One of the profile's total markers, exactly (spaces and width aside). */
  isTotal(unitName: string): boolean {
    // Clean text keeps its first character through normalizeHeader (only a suffix goes), and
    // is ASCII or CJK: its first character in lower case is a code, not a new string.
    if (!this.totalStarts.has(lowerAscii(unitName.charCodeAt(0))) && isSqueezed(unitName))
      return false;
    if (hasIdeographOutside(unitName, this.totalChars)) return false;
    return this.totals.has(normalizeHeader(unitName));
  }

  /** A total row's label: a profile marker, or `…合计`, `…总计`, `…小计`, `汇总`, `全镇` (TOTAL_LABEL). */
  isTotalLabel(text: string): boolean {
    // A township written beside each of its villages (`乡镇 | 村`) is asked about twice a row,
    // a hundred rows in a row: the last answer is kept (the index never changes once made).
    if (text === this.lastLabel) return this.lastIsTotal;
    const total = this.totalLabel(text);
    this.lastLabel = text;
    this.lastIsTotal = total;
    return total;
  }

  private lastLabel: string | undefined;
  private lastIsTotal = false;

  private totalLabel(text: string): boolean {
    if (this.isTotal(text)) return true;
    // Every TOTAL_LABEL has 计, 汇总 or 总 (or 計, 匯總, 總), or starts with 全: other text skips the folding.
    if (!/[计汇全总計匯總]/.test(text)) return false;
    return TOTAL_LABEL.test(squeeze(text));
  }

  /** Every known key, for "did you mean" hints. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }
}
