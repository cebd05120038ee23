import { normalizeHeader } from './normalize';

/** One data item as a header may name it. */
export interface VocabularyItem {
  id: string;
  /** Canonical Chinese name, written by the template. */
  name: string;
  synonyms: readonly string[];
  unit?: string;
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
  ],
  codeHeaders: ['区划代码', '统计用区划代码', '行政区划代码', '代码'],
  totalMarkers: ['合计', '总计', '全市', '全县', '全区', '小计'],
};

export type HeaderRole =
  { kind: 'unit' } | { kind: 'code' } | { kind: 'item'; item: VocabularyItem };

/** A compiled lookup from normalised header keys to what they name. */
export class HeaderIndex {
  private readonly byKey = new Map<string, HeaderRole>();
  private readonly totals: Set<string>;

  constructor(readonly vocabulary: Vocabulary) {
    for (const h of vocabulary.reportingUnitHeaders)
      this.byKey.set(normalizeHeader(h), { kind: 'unit' });
    for (const h of vocabulary.codeHeaders) this.byKey.set(normalizeHeader(h), { kind: 'code' });
    for (const item of vocabulary.items) {
      for (const n of [item.name, item.id, ...item.synonyms]) {
        const key = normalizeHeader(n);
        if (!this.byKey.has(key)) this.byKey.set(key, { kind: 'item', item });
      }
    }
    this.totals = new Set(vocabulary.totalMarkers.map(normalizeHeader));
  }

  lookup(header: string): HeaderRole | undefined {
    return this.byKey.get(normalizeHeader(header));
  }

  isTotal(unitName: string): boolean {
    return this.totals.has(normalizeHeader(unitName));
  }

  /** Every known key, for "did you mean" hints. */
  keys(): string[] {
    return [...this.byKey.keys()];
  }
}
