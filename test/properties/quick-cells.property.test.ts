import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { expectEqual, runs } from '../support/property';
import { parseXlsxColumnar } from '../../src/xlsx/xlsx-columnar';
import { QUICK_CELLS } from '../../src/xlsx/sheet-cell';
import { TallyError } from '../../src/core/errors';

/**
 * The cell reader's one-pass path for the usual cell (quickCell) against the token-by-token
 * path it stands in for: on cells whose attributes come in any order, repeated, spaced oddly,
 * single-quoted, with references, styles, types and values a writer or a hostile file could
 * put there, the sheets read (columns, other values, merges, hidden rows) or the refusal are
 * the same with it and without it. (The token path is compared with exceljs's reading in
 * test/xlsx/xlsx-columnar.test.ts.)
 */
const STYLES =
  '<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="9"/><xf numFmtId="10"/></cellXfs></styleSheet>';
const SST =
  '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>地区</t></si><si><t>#N/A</t></si><si><t>1.5</t></si></sst>';

function workbook(sheet: string): Uint8Array {
  const u = strToU8;
  return zipSync({
    '[Content_Types].xml': u(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
    ),
    '_rels/.rels': u(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>',
    ),
    'xl/workbook.xml': u(
      '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S1" sheetId="1" r:id="rId1"/></sheets></workbook>',
    ),
    'xl/_rels/workbook.xml.rels': u(
      '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>',
    ),
    'xl/worksheets/sheet1.xml': u(
      `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheet}</worksheet>`,
    ),
    'xl/styles.xml': u(STYLES),
    'xl/sharedStrings.xml': u(SST),
  });
}

function read(bytes: Uint8Array, quick: boolean): unknown {
  QUICK_CELLS.on = quick;
  try {
    return parseXlsxColumnar(bytes, 'w.xlsx');
  } catch (e) {
    return { error: e instanceof TallyError ? e.key : (e as Error).message };
  } finally {
    QUICK_CELLS.on = true;
  }
}

const ref = fc.constantFrom(
  'A1',
  'B2',
  'C3',
  'Z9',
  'AA10',
  'XFD1',
  'XFE1',
  'ABCD1',
  'A1048576',
  'A10485760',
  'C',
  '3',
  '',
  '$B$2',
  'b2',
  'A&#49;',
  'Ａ1',
);
const style = fc.constantFrom('0', '1', '2', '3', '01', '', 'x', '1234567890', '9');
const type = fc.constantFrom('n', 's', 'str', 'b', 'e', 'inlineStr', 'd', '', 'zz', 'S');
const value = fc.constantFrom(
  '<v>1</v>',
  '<v>2.5</v>',
  '<v>-0</v>',
  '<v>1e3</v>',
  '<v> 3</v>',
  '<v></v>',
  '<v>abc</v>',
  '<v>0</v>',
  '<v>2</v>',
  '<v>a&amp;b</v>',
  '<v>青川</v>',
  '<v>#DIV/0!</v>',
  '<v>45292</v>',
  '<f>1+1</f><v>2</v>',
  '<is><t>x</t></is>',
  '',
);
const attribute = fc.tuple(
  fc.constantFrom('r', 's', 't', 'x', 'rr'),
  fc.oneof(ref, style, type),
  fc.constantFrom(' ', ' ', ' ', '  ', '\n'),
  fc.constantFrom('"', '"', '"', "'"),
);
const cell = fc
  .tuple(fc.array(attribute, { maxLength: 4 }), value, fc.constantFrom('>', '>', '/>'))
  .map(
    ([attrs, v, end]) =>
      `<c${attrs.map(([n, a, sp, q]) => `${sp}${n}=${q}${a}${q}`).join('')}${end === '/>' ? '/>' : `>${v}</c>`}`,
  );
const row = fc
  .tuple(fc.constantFrom('1', '2', '3', '2', '1048577'), fc.array(cell, { maxLength: 4 }))
  .map(([r, cells]) => `<row r="${r}">${cells.join('')}</row>`);

describe('quickCell against the token path', () => {
  it('reads the same cells, or refuses the same sheets', () => {
    fc.assert(
      fc.property(fc.array(row, { minLength: 1, maxLength: 3 }), (rows) => {
        const bytes = workbook(`<sheetData>${rows.join('')}</sheetData>`);
        expectEqual(read(bytes, true), read(bytes, false));
      }),
      runs(3000),
    );
  });

  it('takes the usual cells (a check that the comparison is not of one path with itself)', () => {
    const sheet =
      '<sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="2"><v>12</v></c>' +
      '<c t="str" r="C1"><v>甲</v></c><c r="D1" s="1" t="n"><v>45292</v></c></row></sheetData>';
    const bytes = workbook(sheet);
    expectEqual(read(bytes, true), read(bytes, false));
    const wb = read(bytes, true) as ReturnType<typeof parseXlsxColumnar>;
    const cols = wb.sheets[0]!.columns;
    expect(cols[0]!.other?.[0]).toBe('地区');
    expect(cols[1]!.num[0]).toBe(12);
    expect(cols[2]!.other?.[0]).toBe('甲');
    expect(cols[3]!.other?.[0]).toBe('2024-01-01');
  });
});
