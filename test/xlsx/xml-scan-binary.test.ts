import { binaryString, fromBinary, Tok, XmlScanner } from '../../src/xlsx/xml-scan';

/** Every text and attribute value a scanner gives, in order. */
function values(x: XmlScanner): string[] {
  const out: string[] = [];
  while (x.next() !== Tok.End) {
    if (x.tok === Tok.Open) {
      const v = x.attr('v');
      if (v !== undefined) out.push(`@${v}`);
    } else if (x.tok === Tok.Text) out.push(x.text());
  }
  return out;
}

describe('xml-scan over a binary string (one character per UTF-8 byte)', () => {
  const xml =
    '\uFEFF<?xml version="1.0"?><s v="青川市"><t>西山镇&amp;东坝村</t><t>\u00A012\u00A0</t>' +
    "<t><![CDATA[𠀀 <不是标签>]]></t><t>&#x9752;&#24029;</t><u v='a&quot;b'/><t>ok</t></s>";
  const bytes = new TextEncoder().encode(xml);

  it('is one character per byte, the BOM dropped', () => {
    const s = binaryString(bytes);
    expect(s.length).toBe(bytes.length - 3);
    expect(s.startsWith('<?xml')).toBe(true);
    for (let i = 0; i < s.length; i++) expect(s.charCodeAt(i)).toBe(bytes[i + 3]);
  });

  it('gives the same values as the decoded text, non-ASCII, entities and CDATA included', () => {
    const expected = [
      '@青川市',
      '西山镇&东坝村',
      '\u00A012\u00A0',
      '𠀀 <不是标签>',
      '青川',
      '@a"b',
      'ok',
    ];
    expect(values(new XmlScanner(xml.slice(1)))).toEqual(expected);
    expect(values(new XmlScanner(binaryString(bytes), true))).toEqual(expected);
  });

  it('decodes a slice as UTF-8, leaving ASCII as it is and a broken sequence as U+FFFD', () => {
    expect(fromBinary('plain 123')).toBe('plain 123');
    expect(fromBinary('\xE9\x9D\x92')).toBe('青');
    expect(fromBinary('a\xE9\x9Db')).toBe('a\uFFFDb');
  });

  it('builds the string without Buffer too (the web page’s worker)', () => {
    const saved = (globalThis as { Buffer?: unknown }).Buffer;
    (globalThis as { Buffer?: unknown }).Buffer = undefined;
    try {
      const big = new Uint8Array(100_000).map((_, i) => (i * 7) % 256);
      const s = binaryString(big);
      expect(s.length).toBe(big.length);
      expect([s.charCodeAt(0), s.charCodeAt(1), s.charCodeAt(99_999)]).toEqual([
        0,
        7,
        (99_999 * 7) % 256,
      ]);
    } finally {
      (globalThis as { Buffer?: unknown }).Buffer = saved;
    }
  });
});

describe('XmlScanner.attrs: several attributes in one pass', () => {
  const tags = [
    '<c r="B2" s="3" t="s">',
    '<c t=\'inlineStr\' r="C7">',
    '<c r="A1" r="A2" s="1">',
    '<c r="D4" x=bad s="2">',
    '<c s="5"/>',
    '<c r="E&amp;5" t="str" >',
  ];
  const names = ['r', 's', 't'] as const;

  it.each(tags)('gives what attr gives, name by name, for %s', (tag) => {
    const x = new XmlScanner(tag);
    expect(x.next()).toBe(Tok.Open);
    const out: (string | undefined)[] = [];
    x.attrs(names, out);
    expect(out).toEqual(names.map((n) => x.attr(n)));
  });

  it('reads the values written by hand', () => {
    const x = new XmlScanner('<c r="B2" s="3" t="s">');
    x.next();
    const out: (string | undefined)[] = [];
    x.attrs(names, out);
    expect(out).toEqual(['B2', '3', 's']);
  });
});
