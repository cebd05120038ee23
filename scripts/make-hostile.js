#!/usr/bin/env node
// Hostile inputs for the limits of README ("Limits"): workbooks and CSV files that are small on
// disk but would make a naive reader inflate, allocate or recurse without bound, and rule tables
// that are empty, mislabelled, too long or too deep. Deterministic: the same bytes every run.
//
//   node scripts/make-hostile.js            → test/fixtures/hostile/ (the small ones, committed)
//   node scripts/make-hostile.js --all DIR  → every case into DIR, also those too large to commit
//
// test/xlsx/hostile.test.ts calls makeHostile() for the large ones and checks that the committed
// files are what this script makes.
'use strict';

const fs = require('fs');
const path = require('path');
const { Deflate, deflateSync } = require('fflate');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, 'test', 'fixtures', 'hostile');
const MiB = 1024 * 1024;

// ---- a zip writer of our own, so sizes can be declared as we please ----

const CRC_TABLE = (() => {
  const t = new Int32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  return t;
})();

function crc32(chunks) {
  let c = -1;
  for (const b of chunks)
    for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

/**
 * A part: its name, its data as stored (deflated unless `stored`), the CRC and size of what it
 * inflates to, and optionally a size to declare instead of the real one.
 */
function part(name, content, options = {}) {
  const raw = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return {
    name,
    data: Buffer.from(deflateSync(raw, { level: 9 })),
    crc: crc32([raw]),
    size: raw.length,
    ...options,
  };
}

/** 1980-01-01 00:00, so every build is byte for byte the same. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

function zip(parts) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const size = p.declaredSize ?? p.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8);
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(p.crc, 14);
    local.writeUInt32LE(p.data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, p.data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(DOS_TIME, 12);
    central.writeUInt16LE(DOS_DATE, 14);
    central.writeUInt32LE(p.crc, 16);
    central.writeUInt32LE(p.data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + p.data.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

// ---- a minimal workbook (exceljs reads it) ----

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

function workbookParts(
  sheetNames,
  sheetTargets = sheetNames.map((_, i) => `worksheets/sheet${i + 1}.xml`),
) {
  const types =
    XML +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    sheetTargets
      .map(
        (t) =>
          `<Override PartName="/xl/${t}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
      )
      .join('') +
    '</Types>';
  const rootRels =
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>';
  const workbook =
    XML +
    `<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
    sheetNames
      .map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
      .join('') +
    '</sheets></workbook>';
  const rels =
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    sheetTargets
      .map((t, i) => `<Relationship Id="rId${i + 1}" Type="${REL_NS}/worksheet" Target="${t}"/>`)
      .join('') +
    '</Relationships>';
  return [
    part('[Content_Types].xml', types),
    part('_rels/.rels', rootRels),
    part('xl/workbook.xml', workbook),
    part('xl/_rels/workbook.xml.rels', rels),
  ];
}

/** A sheet's XML; `before` goes between the dimension and the data, `after` after it. */
function sheetXml({ dimension = 'A1:B2', cols = '', rows, after = '' }) {
  const data =
    rows ??
    '<row r="1"><c r="A1" t="inlineStr"><is><t>地区</t></is></c><c r="B1" t="inlineStr"><is><t>活产数</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>甲镇</t></is></c><c r="B2"><v>12</v></c></row>';
  return (
    XML +
    `<worksheet xmlns="${NS}"><dimension ref="${dimension}"/>${cols}<sheetData>${data}</sheetData>${after}</worksheet>`
  );
}

function workbook(sheets) {
  const names = sheets.map((s) => s.name);
  return zip([
    ...workbookParts(names),
    ...sheets.map((s, i) =>
      s.part
        ? { ...s.part, name: `xl/worksheets/sheet${i + 1}.xml` }
        : part(`xl/worksheets/sheet${i + 1}.xml`, s.xml),
    ),
  ]);
}

/** The XML of a sheet followed by `zeros` MiB of zeros, deflated as one stream (a real bomb). */
function zeroBombPart(name, zerosMiB, declaredSize) {
  const head = Buffer.from(sheetXml({}).replace('</worksheet>', ''), 'utf8');
  const zeros = Buffer.alloc(MiB);
  const out = [];
  const d = new Deflate({ level: 9 }, (chunk) => out.push(chunk));
  d.push(head);
  for (let i = 0; i < zerosMiB; i++) d.push(zeros, i === zerosMiB - 1);
  // The CRC of head + zeros: computed over the same bytes, a MiB at a time.
  let c = -1;
  const feed = (b) => {
    for (let i = 0; i < b.length; i++) c = CRC_TABLE[(c ^ b[i]) & 0xff] ^ (c >>> 8);
  };
  feed(head);
  for (let i = 0; i < zerosMiB; i++) feed(zeros);
  const size = head.length + zerosMiB * MiB;
  return {
    name,
    data: Buffer.concat(out),
    crc: (c ^ -1) >>> 0,
    size,
    declaredSize: declaredSize ?? size,
  };
}

// ---- the cases ----

/** Small enough to commit (each well under 1 MB). */
const SMALL = {
  // A control: the same construction, nothing hostile. It must read.
  'plain.xlsx': () => workbook([{ name: '妇幼', xml: sheetXml({}) }]),
  // 300 MiB of zeros in one sheet part (declared honestly): over the part limit, 1,000:1.
  'zip-bomb.xlsx': () => workbook([{ name: '妇幼', part: zeroBombPart('x', 300) }]),
  // 100 MiB of zeros: under the part limit, but a ratio no sheet has.
  'ratio-bomb.xlsx': () => workbook([{ name: '妇幼', part: zeroBombPart('x', 100) }]),
  // 100 MiB of zeros declared as 10 KB: passes the directory, caught while inflating.
  'lying-bomb.xlsx': () => workbook([{ name: '妇幼', part: zeroBombPart('x', 100, 10 * 1024) }]),
  // 600 parts each declaring 1 MiB (under the ratio's threshold) with ten bytes of data.
  'many-parts-total.xlsx': () =>
    zip([
      ...workbookParts(['妇幼']),
      part('xl/worksheets/sheet1.xml', sheetXml({})),
      ...Array.from({ length: 600 }, (_, i) => ({
        ...part(`xl/media/pad${i}.bin`, Buffer.alloc(16)),
        declaredSize: MiB,
      })),
    ]),
  // A dimension far past Excel's last row and column.
  'huge-dimension.xlsx': () =>
    workbook([{ name: '妇幼', xml: sheetXml({ dimension: 'A1:XFD2000000' }) }]),
  // A cell below Excel's last row.
  'cell-beyond-excel.xlsx': () =>
    workbook([
      {
        name: '妇幼',
        xml: sheetXml({ rows: '<row r="1048577"><c r="A1048577"><v>1</v></c></row>' }),
      },
    ]),
  // A row of 20,000 cells, the first at A1 and the others without references (each the next
  // column): column 16,385 and on.
  'wide-row.xlsx': () =>
    workbook([
      {
        name: '妇幼',
        xml: sheetXml({
          rows: `<row r="1"><c r="A1"><v>1</v></c>${'<c><v>1</v></c>'.repeat(19999)}</row>`,
        }),
      },
    ]),
  // Two values, A1 and XFD1048576: valid for Excel, 17 billion cells as a grid.
  'far-cells.xlsx': () =>
    workbook([
      {
        name: '妇幼',
        xml: sheetXml({
          dimension: 'A1:XFD1048576',
          rows: '<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>',
        }),
      },
    ]),
  // 20 columns of values in rows 600,000 and 1,000,000: a used range of 8 million cells, but a
  // reader that keeps each column from row 1 (the columnar one) would hold 20 million.
  'far-rows.xlsx': () => {
    const cols = Array.from({ length: 20 }, (_, j) => String.fromCharCode(65 + j));
    const row = (r) =>
      `<row r="${r}">${cols.map((c) => `<c r="${c}${r}"><v>1</v></c>`).join('')}</row>`;
    return workbook([{ name: '妇幼', xml: sheetXml({ rows: row(600000) + row(1000000) }) }]);
  },
  // Column formats to column 1,000,000,000 (exceljs makes an object for each column).
  'cols-bomb.xlsx': () =>
    workbook([
      {
        name: '妇幼',
        xml: sheetXml({ cols: '<cols><col min="1" max="1000000000" width="9"/></cols>' }),
      },
    ]),
  // One merged area over the whole sheet (exceljs makes a cell for every merged cell).
  'merge-bomb.xlsx': () =>
    workbook([
      {
        name: '妇幼',
        xml: sheetXml({
          after: '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>',
        }),
      },
    ]),
  // A workbook part listing 20,000 sheets, all pointing at one sheet part.
  'sheets-20000-listed.xlsx': () => {
    const names = Array.from({ length: 20000 }, (_, i) => `表${i + 1}`);
    const targets = names.map(() => 'worksheets/sheet1.xml');
    return zip([...workbookParts(names, targets), part('xl/worksheets/sheet1.xml', sheetXml({}))]);
  },
  // CSV: a line of 20,001 fields.
  'wide-line.csv': () => Buffer.from(`地区${',1'.repeat(20000)}\n`),
  // CSV: a first line of 16,384 fields, then 1,000 lines of one: 17,384 fields, but a grid of
  // 16 million cells for a reader that makes every line as wide as the widest.
  'ragged.csv': () => Buffer.from(`${Array(16384).fill('1').join(',')}\n${'1\n'.repeat(1000)}`),
  // CSV: one field of 120,000 characters.
  'long-field.csv': () => Buffer.from(`地区,说明\n甲镇,"${'长'.repeat(120000)}"\n`),
  // Rule tables.
  'rules-empty.csv': () => Buffer.from('编号,规则,级别,说明\n'),
  'rules-no-rule-column.csv': () => Buffer.from('编号,公式,级别\nA-01,[活产数] >= 0,强制\n'),
  // 100 levels of parentheses (within the length limit), and the issue's 5,000.
  'rules-deep.csv': () =>
    Buffer.from(
      `编号,规则,级别\nDEEP-01,"${'('.repeat(100)}[活产数]${')'.repeat(100)} >= 0",强制\n`,
    ),
  'rules-deep-5000.csv': () =>
    Buffer.from(
      `编号,规则,级别\nDEEP-02,"${'('.repeat(5000)}[活产数]${')'.repeat(5000)} >= 0",强制\n`,
    ),
  // 20,000 terms at depth 1.
  'rules-long.csv': () =>
    Buffer.from(`编号,规则,级别\nLONG-01,"${Array(20000).fill('[a]').join('+')} >= 0",强制\n`),
};

/** Too large to commit; made by the tests in a temporary folder. */
const LARGE = {
  // 1,500 real sheet parts: fewer parts than the zip limit, more sheets than the sheet limit.
  'sheets-1500.xlsx': () => {
    const names = Array.from({ length: 1500 }, (_, i) => `表${i + 1}`);
    const sheet = part('x', sheetXml({}));
    return zip([
      ...workbookParts(names),
      ...names.map((_, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
    ]);
  },
  // 20,000 real sheet parts.
  'sheets-20000.xlsx': () => {
    const names = Array.from({ length: 20000 }, (_, i) => `表${i + 1}`);
    const sheet = part('x', sheetXml({}));
    return zip([
      ...workbookParts(names),
      ...names.map((_, i) => ({ ...sheet, name: `xl/worksheets/sheet${i + 1}.xml` })),
    ]);
  },
  // CSV: 2,000,000 empty lines (2 MB: under the size limit, over Excel's rows).
  'empty-lines.csv': () => Buffer.alloc(2_000_000, 0x0a),
  // CSV: 700 lines of 16,000 empty fields: 11.2 million cells.
  'many-cells.csv': () => Buffer.from(`${','.repeat(15999)}\n`.repeat(700)),
};

/**
 * Files the tests make without holding them: `huge-line.csv`, 2 GiB on disk as a sparse file
 * (one line of NUL bytes), and `empty-lines-1e8.csv`, 10^8 empty lines (95 MiB).
 */
function writeSpecial(dir) {
  const huge = path.join(dir, 'huge-line.csv');
  fs.writeFileSync(huge, '地区,说明\n');
  fs.truncateSync(huge, 2 * 1024 * MiB);
  const lines = path.join(dir, 'empty-lines-1e8.csv');
  const fd = fs.openSync(lines, 'w');
  const block = Buffer.alloc(10 * 1000 * 1000, 0x0a);
  for (let i = 0; i < 10; i++) fs.writeSync(fd, block);
  fs.closeSync(fd);
  return [huge, lines];
}

/**
 * Write the cases into `dir`: the committed ones (`small`), those too large to commit (`large`,
 * with the 2 GiB sparse CSV and the 10^8 empty lines), or only those named in `only`.
 */
function makeHostile(dir, { small = true, large = false, only } = {}) {
  fs.mkdirSync(dir, { recursive: true });
  const cases = { ...(small ? SMALL : {}), ...(large ? LARGE : {}) };
  const written = [];
  for (const [name, make] of Object.entries(cases)) {
    if (only && !only.includes(name)) continue;
    const file = path.join(dir, name);
    fs.writeFileSync(file, make());
    written.push(file);
  }
  if (large && !only) written.push(...writeSpecial(dir));
  return written;
}

module.exports = { makeHostile, SMALL: Object.keys(SMALL), LARGE: Object.keys(LARGE) };

if (require.main === module) {
  const i = process.argv.indexOf('--all');
  const dir = i >= 0 ? path.resolve(process.argv[i + 1] ?? '.') : OUT;
  for (const f of makeHostile(dir, { large: i >= 0 })) {
    process.stdout.write(`${path.relative(process.cwd(), f)}  ${fs.statSync(f).size} bytes\n`);
  }
}
