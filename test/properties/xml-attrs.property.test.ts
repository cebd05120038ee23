import fc from 'fast-check';
import { Tok, XmlScanner } from '../../src/xlsx/xml-scan';

/**
 * The cell reader's attribute scan for one-character names (`charAttrRanges`, compared by char
 * code) against the general one (`attrRanges`, compared as strings), and `attr` against
 * `attrs`, on tags made of the pieces that make them hard: repeated, longer and empty names,
 * either quote, no quote, no `=`, spaces and line breaks around `=`, entities and `>` inside
 * quotes.
 */
const name = fc.constantFrom('r', 's', 't', 'rr', 'sr', 'x', 'R', 'ht', 'hidden', '');
const space = fc.constantFrom('', ' ', '  ', '\n', '\t', ' \r\n ');
const value = fc.constantFrom('A1', '', '3', ' 12 ', 'a&amp;b', '&quot;', 'x>y', 's', "it's", '1');
const attribute = fc
  .tuple(name, space, fc.constantFrom('=', '', '=='), space, fc.constantFrom('"', "'", ''), value)
  .map(([n, s1, eq, s2, q, v]) => `${n}${s1}${eq}${s2}${q}${v}${q}`);
const tag = fc
  .array(fc.tuple(fc.constantFrom(' ', '\n', '  '), attribute), { maxLength: 6 })
  .chain((attrs) =>
    fc
      .constantFrom('>', '/>', ' >', ' />')
      .map((end) => `<c${attrs.map(([s, a]) => s + a).join('')}${end}`),
  );

function opened(xml: string): XmlScanner | undefined {
  const x = new XmlScanner(xml);
  return x.next() === Tok.Open ? x : undefined;
}

describe('attribute scans', () => {
  it('charAttrRanges gives what attrRanges gives for r, s and t', () => {
    const codes = ['r', 's', 't'].map((c) => c.charCodeAt(0));
    fc.assert(
      fc.property(tag, (xml) => {
        const x = opened(xml);
        if (!x) return;
        const [f1, t1, f2, t2] = [1, 2, 3, 4].map(() => new Int32Array(3).fill(7));
        const general = x.attrRanges(['r', 's', 't'], f1 as Int32Array, t1 as Int32Array);
        const byCode = x.charAttrRanges(codes, f2 as Int32Array, t2 as Int32Array);
        expect(byCode).toBe(general);
        expect([...(f2 as Int32Array)]).toEqual([...(f1 as Int32Array)]);
        expect([...(t2 as Int32Array)]).toEqual([...(t1 as Int32Array)]);
      }),
      { numRuns: 3000 },
    );
  });

  it('attr gives what attrs gives, asked one name after another', () => {
    fc.assert(
      fc.property(tag, fc.uniqueArray(name, { minLength: 1, maxLength: 4 }), (xml, names) => {
        const x = opened(xml);
        if (!x) return;
        const out: (string | undefined)[] = [];
        x.attrs(names, out);
        expect(names.map((n) => x.attr(n))).toEqual(out);
      }),
      { numRuns: 2000 },
    );
  });

  it('reads a hand-made tag as written: first of a repeated name, entities decoded', () => {
    const x = opened(`<c r="B2" s = '3' t="s" r="C9" x="&amp;">`) as XmlScanner;
    const from = new Int32Array(3);
    const to = new Int32Array(3);
    expect(x.charAttrRanges([114, 115, 116], from, to)).toBe(0); // r given twice
    expect(x.xml.slice(from[0], to[0])).toBe('B2');
    expect(x.xml.slice(from[1], to[1])).toBe('3');
    expect(x.xml.slice(from[2], to[2])).toBe('s');
    expect(x.attr('x')).toBe('&');
    expect(x.attr('hidden')).toBeUndefined();
  });
});
