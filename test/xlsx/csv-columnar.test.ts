import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { runs } from '../support/property';
import { parseCsv } from '../../src/xlsx/parse';
import { csvFieldNumber, csvNumber, parseCsvColumnar } from '../../src/xlsx/csv-columnar';
import { columnarCellAt, toSheetData } from '../../src/core/model/columnar';
import { coerceNumber } from '../../src/core/read/coerce';
import type { WorkbookData } from '../../src/core/model/workbook';

const enc = (s: string) => new TextEncoder().encode(s);

/** What today's reader gives, or the error it throws. */
function today(bytes: Uint8Array): { rows?: WorkbookData; error?: string } {
  try {
    return { rows: parseCsv(bytes, 'x.csv', 'S') };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

function columnar(bytes: Uint8Array, chunkBytes?: number): { rows?: WorkbookData; error?: string } {
  try {
    const wb = parseCsvColumnar(bytes, 'x.csv', 'S', chunkBytes ? { chunkBytes } : {});
    return { rows: { source: wb.source, sheets: wb.sheets.map(toSheetData) } };
  } catch (e) {
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

function sameAsToday(bytes: Uint8Array, chunkBytes?: number): void {
  expect(columnar(bytes, chunkBytes)).toEqual(today(bytes));
}

describe('parseCsvColumnar: cells written out by hand', () => {
  it('reads numbers, text, blanks and NA as parse.ts documents', () => {
    const wb = parseCsvColumnar(
      enc('地区,活产数,说明\n甲镇,12,"007"\n乙镇,NA,1,234\n丙镇,-3.5e1,\n'),
      'f.csv',
      'S',
    );
    const s = wb.sheets[0]!;
    expect(s.rowCount).toBe(4);
    expect(s.columns).toHaveLength(4); // the widest record: 乙镇,NA,1,234 has four fields
    const at = (r: number, c: number) => columnarCellAt(s, r, c);
    expect([at(0, 0), at(0, 1), at(0, 2)]).toEqual(['地区', '活产数', '说明']);
    expect([at(1, 0), at(1, 1), at(1, 2)]).toEqual(['甲镇', 12, '007']); // quoted: text as written
    expect([at(2, 1), at(2, 2), at(2, 3)]).toEqual([null, 1, 234]); // NA is blank
    expect([at(3, 1), at(3, 2)]).toEqual([-35, null]);
    expect(s.columns[1]!.num[1]).toBe(12); // a number lives in the Float64Array
    expect(Object.values(s.columns[1]!.other ?? [])).toEqual(['活产数']); // only the header is text
    expect(toSheetData(s).rows.map((r) => r.length)).toEqual([3, 3, 4, 3]); // ragged, as today
  });

  it('keeps a title line above the header, semicolons, CRLF, BOM and embedded newlines', () => {
    const titled = '2025年报表\n地区,人数\n甲镇,3\n';
    expect(toSheetData(parseCsvColumnar(enc(titled), 'f.csv', 'S').sheets[0]!).rows).toEqual([
      ['2025年报表'],
      ['地区', '人数'],
      ['甲镇', 3],
    ]);
    const header = '\uFEFF地区;人数\r\n"甲\r\n镇";"1"\r\n乙镇;2\r\n';
    expect(toSheetData(parseCsvColumnar(enc(header), 'f.csv', 'S').sheets[0]!).rows).toEqual([
      ['地区', '人数'],
      ['甲\r\n镇', '1'],
      ['乙镇', 2],
    ]);
    // A title line without `;` makes parse.ts guess `,`; then `"甲\r\n镇";` is text after a
    // closing quote, which csv-parse refuses: the columnar reader refuses it the same way.
    const both = '2025年报表\r\n' + header.slice(1);
    expect(columnar(enc(both)).error).toMatch(/Invalid Closing Quote/);
    sameAsToday(enc(both));
  });

  it("decodes GBK (Chinese Excel's default) when the bytes are not UTF-8", () => {
    // 地区,人数\n甲镇,7\n in GBK: 地 B5D8 区 C7F8 人 C8CB 数 CAFD 甲 BCD7 镇 D5F2.
    const gbk = Uint8Array.from([
      0xb5, 0xd8, 0xc7, 0xf8, 0x2c, 0xc8, 0xcb, 0xca, 0xfd, 0x0a, 0xbc, 0xd7, 0xd5, 0xf2, 0x2c,
      0x37, 0x0a,
    ]);
    expect(toSheetData(parseCsvColumnar(gbk, 'f.csv', 'S').sheets[0]!).rows).toEqual([
      ['地区', '人数'],
      ['甲镇', 7],
    ]);
    for (const chunkBytes of [1, 2, 3, 5]) sameAsToday(gbk, chunkBytes);
  });

  it('refuses what csv-parse refuses, with the same message', () => {
    for (const bad of ['a,b\n"x', 'a,b\nx"y,1\n', 'a,b\n"x"y,1\n']) {
      const r = columnar(enc(bad));
      expect(r.error).toMatch(/^UnreadableInputError: /);
      expect(r).toEqual(today(enc(bad)));
    }
  });

  it('gives the same cells as parse.ts on every CSV fixture', () => {
    const root = path.join(__dirname, '..', 'fixtures');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(d, e.name));
        else if (e.name.endsWith('.csv')) files.push(path.join(d, e.name));
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const bytes = new Uint8Array(fs.readFileSync(f));
      sameAsToday(bytes);
      sameAsToday(bytes, 7);
    }
  });
});

describe('csvNumber: which strings a CSV reader stores as numbers', () => {
  const CSV_NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
  const numberish = fc.stringMatching(/^[+-]?[0-9]{0,20}(\.[0-9]{0,25})?([eE][+-]?[0-9]{0,3})?$/);
  const anyText = fc.oneof(
    numberish,
    fc.string({ maxLength: 12 }),
    fc.constantFrom(
      '１２３',
      '1,234',
      '12人',
      '45%',
      ' 12',
      '12 ',
      '1e999',
      '-0',
      '.5',
      '5.',
      'NA',
      '0x10',
      'Infinity',
      '1.000',
      '-12.000',
      '+999.000',
      '1234.000',
      '0.000',
      '1.0000',
    ),
  );
  // A thousand with a dot between the thousands, or 1? (1 to 3 digits, no leading zero, `.000`)
  const DOT_THOUSANDS = /^[+-]?[1-9][0-9]?[0-9]?\.000$/;

  it('reads a plain decimal number exactly as Number() does (Object.is), and nothing else', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const mine = csvNumber(s, 0, s.length);
        if (CSV_NUMBER.test(s)) expect(Object.is(mine, Number(s))).toBe(true);
        else expect(mine).toBeNaN();
      }),
      runs(5000),
    );
  });

  it('a field is stored as a number when it is one and is not `1.000`-shaped, which stays text', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const stored = csvFieldNumber(s, 0, s.length);
        if (CSV_NUMBER.test(s) && !DOT_THOUSANDS.test(s))
          expect(Object.is(stored, Number(s))).toBe(true);
        else expect(stored).toBeNaN();
      }),
      runs(5000),
    );
    expect(csvFieldNumber('1.000', 0, 5)).toBeNaN();
    expect(csvFieldNumber('1234.000', 0, 8)).toBe(1234);
    expect(csvFieldNumber('0.000', 0, 5)).toBe(0);
  });

  it('never hides a notice: what it stores as a number, coerceNumber reads as that number from the text too', () => {
    fc.assert(
      fc.property(anyText, (s) => {
        const v = csvFieldNumber(s, 0, s.length);
        if (Number.isNaN(v)) return;
        const asText = coerceNumber(s);
        const asNumber = coerceNumber(v);
        if (!Number.isFinite(v)) {
          // 1e999: Infinity, a type error either way.
          expect(asNumber.kind).toBe('typeError');
          return;
        }
        expect(asNumber).toEqual({ kind: 'number', value: v });
        // As text it would be the same value, flagged only as "number stored as text".
        expect(asText).toEqual({ kind: 'disguised', value: v, raw: s, why: 'text' });
      }),
      runs(5000),
    );
  });

  it('leaves disguised numbers (full-width, thousands, units) as text for coercion to flag', () => {
    for (const s of ['１２３', '1,234', '1 234', '12人', '45%']) {
      expect(csvNumber(s, 0, s.length)).toBeNaN();
      expect(coerceNumber(s).kind === 'disguised' || coerceNumber(s).kind === 'typeError').toBe(
        true,
      );
    }
  });
});

describe('parseCsvColumnar against parse.ts on random CSVs', () => {
  const fieldText = fc.oneof(
    fc.constantFrom(
      '',
      'NA',
      '12',
      '-3.5',
      '1e3',
      '007',
      '１２３',
      '1,234',
      '12人',
      '甲镇',
      '合计',
      ' ',
      '"',
      'a"b',
      '\n',
      '\r\n',
      ';',
      '\t',
      '#DIV/0!',
      'TRUE',
      '.5',
      '-0',
      '1e999',
      // Digits only, around the 15 that the scanner reads as it goes (past them, Number()).
      '123456789012345',
      '9999999999999999',
      '0000000000000001',
      '12345678901234567890',
    ),
    fc.string({
      maxLength: 6,
      unit: fc.constantFrom(
        'a',
        '1',
        '0',
        '.',
        '-',
        'e',
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        ' ',
        '镇',
        'N',
        'A',
      ),
    }),
  );
  const grid = fc.array(
    fc.array(fc.record({ text: fieldText, quoted: fc.boolean() }), { minLength: 1, maxLength: 6 }),
    { minLength: 0, maxLength: 8 },
  );
  const style = fc.record({
    delim: fc.constantFrom(',', ';', '\t'),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    title: fc.option(fc.constantFrom('2025年 报表', '表一：出生情况', 'title;with;semis'), {
      nil: undefined,
    }),
    trailingEol: fc.boolean(),
    chunkBytes: fc.constantFrom(1, 2, 3, 4, 7, 64, 1 << 20),
  });

  function serialise(
    rows: { text: string; quoted: boolean }[][],
    st: {
      delim: string;
      eol: string;
      bom: boolean;
      title: string | undefined;
      trailingEol: boolean;
    },
  ): string {
    const lines = rows.map((r) =>
      r
        .map(({ text, quoted }) => {
          const must = text.includes('"') || text.includes(st.delim) || /[\r\n]/.test(text);
          return quoted || must ? `"${text.replace(/"/g, '""')}"` : text;
        })
        .join(st.delim),
    );
    if (st.title !== undefined) lines.unshift(st.title);
    return (st.bom ? '\uFEFF' : '') + lines.join(st.eol) + (st.trailingEol ? st.eol : '');
  }

  it('well-formed CSV written with quoting: the same cells, row by row', () => {
    fc.assert(
      fc.property(grid, style, (rows, st) => {
        sameAsToday(enc(serialise(rows, st)), st.chunkBytes);
      }),
      runs(1500),
    );
  });

  it('any text at all (malformed quotes, mixed line ends): the same cells or the same error', () => {
    const raw = fc.string({
      maxLength: 40,
      unit: fc.constantFrom(
        'a',
        '1',
        '2',
        '.',
        '-',
        'e',
        ',',
        ';',
        '\t',
        '"',
        '\n',
        '\r',
        ' ',
        '镇',
        'N',
        'A',
        '\uFEFF',
        '\u0000',
      ),
    });
    fc.assert(
      fc.property(raw, fc.constantFrom(1, 2, 3, 5, 1 << 20), (text, chunkBytes) => {
        sameAsToday(enc(text), chunkBytes);
      }),
      runs(2500),
    );
  });

  it('bytes that are not UTF-8 go the GBK way in both readers', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 40 }),
        fc.constantFrom(1, 3, 1 << 20),
        (bytes, chunkBytes) => {
          sameAsToday(bytes, chunkBytes);
        },
      ),
      runs(1000),
    );
  });
});
