/**
 * Folding rule text before parsing: statisticians type Chinese punctuation, so `（）`, `，`,
 * `＜＝`, full-width digits and letters are read as their ASCII forms (NFKC), as are `≤ ≥ ≠ − × ÷`
 * and Chinese quotes and brackets. The text inside `[ ]` and `" "` is kept verbatim (item names
 * are matched by normalizeHeader, strings compare exactly). `map` takes every offset of the
 * folded text back to the text as written, so errors point at what the user typed.
 */

export interface FoldedRule {
  text: string;
  /** `map[i]` is the offset in the original of folded offset `i`; `map[text.length]` its length. */
  map: number[];
}

const OPEN_ITEM = new Set(['[', '［', '【']);
const CLOSE_ITEM = new Set([']', '］', '】']);
const QUOTES = new Set(['"', '＂', '“', '”', '„', '‟', '«', '»']);

/** Symbols NFKC leaves alone but a rule writer means as an operator. */
const EXTRA: Readonly<Record<string, string>> = {
  '≤': '<=',
  '≦': '<=',
  '≥': '>=',
  '≧': '>=',
  '≠': '<>',
  '−': '-',
  '–': '-',
  '×': '*',
  '÷': '/',
};

export function foldRule(source: string): FoldedRule {
  let text = '';
  const map: number[] = [];
  const emit = (s: string, at: number): void => {
    text += s;
    for (let k = 0; k < s.length; k++) map.push(at);
  };
  let state: 'code' | 'item' | 'string' = 'code';
  let i = 0;
  while (i < source.length) {
    const cp = source.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const next = i + ch.length;
    if (state === 'item') {
      if (CLOSE_ITEM.has(ch)) {
        emit(']', i);
        state = 'code';
      } else emit(ch, i);
    } else if (state === 'string') {
      if (ch === '"' && source[next] === '"') {
        // `""` is a quote inside the string, as in Excel.
        emit('""', i);
        i = next + 1;
        continue;
      }
      if (QUOTES.has(ch)) {
        emit('"', i);
        state = 'code';
      } else emit(ch, i);
    } else if (OPEN_ITEM.has(ch)) {
      emit('[', i);
      state = 'item';
    } else if (QUOTES.has(ch)) {
      emit('"', i);
      state = 'string';
    } else {
      emit(EXTRA[ch] ?? ch.normalize('NFKC'), i);
    }
    i = next;
  }
  map.push(source.length);
  return { text, map };
}

/** The 1-based character position (code points, as a user counts) of an offset. */
export function characterPosition(source: string, offset: number): number {
  let n = 1;
  for (let i = 0; i < offset && i < source.length;) {
    const cp = source.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    n++;
  }
  return n;
}
