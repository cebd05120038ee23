import fc from 'fast-check';
import { Tok, XmlScanner } from '../../src/xlsx/xml-scan';

/**
 * The attribute scan (`attrRanges`, which compares a one-character name by its code) against a
 * reference written here with a regular expression, on well-formed tags made of the pieces that
 * make them hard: repeated, longer and empty names, either quote, spaces and line breaks around
 * `=`, entities and `>` inside quotes; and on any tag, `attr` against `attrs`.
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

const wellFormed = fc
  .array(
    fc.tuple(
      fc.constantFrom(' ', '\n', '  '),
      name.filter((n) => n !== ''),
      space,
      space,
      fc.constantFrom('"', "'"),
      value,
    ),
    { maxLength: 6 },
  )
  .map(
    (attrs) =>
      `<c${attrs.map(([lead, n, s1, s2, q, v]) => `${lead}${n}${s1}=${s2}${q}${v.includes(q) ? 'v' : v}${q}`).join('')}>`,
  );

function opened(xml: string): XmlScanner | undefined {
  const x = new XmlScanner(xml);
  return x.next() === Tok.Open ? x : undefined;
}

describe('attribute scans', () => {
  it('attrRanges gives the first value of each of r, s and t, and the first given twice', () => {
    const names = ['r', 's', 't'];
    fc.assert(
      fc.property(wellFormed, (xml) => {
        const x = opened(xml);
        if (!x) return;
        const from = new Int32Array(3).fill(7);
        const to = new Int32Array(3).fill(7);
        const twice = x.attrRanges(names, from, to);
        // The reference: every name="value" or name='value' of the tag, in order.
        const first = new Map<string, string>();
        let again = -1;
        for (const m of xml.matchAll(/\s([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) {
          const n = m[1] as string;
          const k = names.indexOf(n);
          if (first.has(n)) {
            if (k >= 0 && again < 0) again = k;
          } else first.set(n, m[2] ?? m[3] ?? '');
        }
        expect(twice).toBe(again);
        names.forEach((n, k) => {
          const got = (from[k] as number) < 0 ? undefined : xml.slice(from[k], to[k]);
          expect(got).toBe(first.get(n));
        });
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
    expect(x.attrRanges(['r', 's', 't'], from, to)).toBe(0); // r given twice
    expect(x.xml.slice(from[0], to[0])).toBe('B2');
    expect(x.xml.slice(from[1], to[1])).toBe('3');
    expect(x.xml.slice(from[2], to[2])).toBe('s');
    expect(x.attr('x')).toBe('&');
    expect(x.attr('hidden')).toBeUndefined();
  });
});
