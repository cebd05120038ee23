import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { TallyError } from '../../src/core/errors';
import { DOCX_CREATOR, DOCX_KEYWORD } from '../../src/docx/marks';
import { MD_MARKER, writeOutputFile } from '../../src/xlsx/file';
import { FILE_LIMITS } from '../../src/xlsx/limits';
import { writeXlsxBytes } from '../../src/xlsx/write';

/**
 * The report of a million villages is about 150 MB, past the 64 MB a file may have to be read
 * (limits.ts). Rerunning the report over it must replace it, as it replaces a small report; a
 * workbook of the same size that Tally did not write stays untouched. The same for the Word
 * document and the Markdown file the report writes.
 */

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tally-big-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A report Tally wrote, made past the limit by one stored part of incompressible bytes. */
async function bigReport(editCore: (xml: string) => string = (x) => x): Promise<Uint8Array> {
  const small = await writeXlsxBytes(
    { sheets: [{ name: '汇总', rows: [[{ value: '地区' }, { value: 1 }]] }] },
    'report',
    'fast',
  );
  const parts = unzipSync(small);
  const core = parts['docProps/core.xml'];
  if (!core) throw new Error('the writer wrote no docProps/core.xml');
  parts['docProps/core.xml'] = strToU8(editCore(strFromU8(core)));
  const pad = new Uint8Array(FILE_LIMITS.fileBytes + 1024);
  let x = 2463534242;
  for (let i = 0; i < pad.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    pad[i] = x & 0xff;
  }
  return zipSync({ ...parts, 'xl/media/pad.bin': [pad, { level: 0 }] });
}

async function refusal(write: Promise<unknown>): Promise<string | undefined> {
  try {
    await write;
    return undefined;
  } catch (e) {
    return e instanceof TallyError ? e.key : `not a TallyError: ${String(e)}`;
  }
}

test('a previous report past the reading limit is replaced by the next', async () => {
  const target = path.join(dir, 'report.xlsx');
  const before = await bigReport();
  expect(before.length).toBeGreaterThan(FILE_LIMITS.fileBytes);
  fs.writeFileSync(target, before);
  const next = new Uint8Array([80, 75, 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  await writeOutputFile(target, next, [], 'report');
  expect(new Uint8Array(fs.readFileSync(target))).toEqual(next);
});

test.each([
  ['another author', (x: string) => x.replace(/<dc:creator>[^<]*</, '<dc:creator>张三<')],
  ['a template', (x: string) => x.replace(/<cp:keywords>[^<]*</, '<cp:keywords>tally-template<')],
  ['no core properties', () => ''],
])('a workbook past the limit by %s is not overwritten', async (_, edit) => {
  const target = path.join(dir, 'theirs.xlsx');
  const bytes = await bigReport(edit);
  fs.writeFileSync(target, bytes);
  expect(await refusal(writeOutputFile(target, new Uint8Array([1]), [], 'report'))).toBe(
    'error.overwriteForeign',
  );
  expect(fs.statSync(target).size).toBe(bytes.length);
});

test('a file past the limit that is no zip is not overwritten', async () => {
  const target = path.join(dir, 'data.xlsx');
  fs.writeFileSync(target, Buffer.alloc(FILE_LIMITS.fileBytes + 1, 0x41));
  expect(await refusal(writeOutputFile(target, new Uint8Array([1]), [], 'report'))).toBe(
    'error.overwriteForeign',
  );
  expect(fs.statSync(target).size).toBe(FILE_LIMITS.fileBytes + 1);
});

/** A Word document as Tally marks it, past the limit by one stored part. */
function bigDocx(creator: string): Uint8Array {
  const core =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/">' +
    `<dc:creator>${creator}</dc:creator><cp:keywords>${DOCX_KEYWORD}</cp:keywords></cp:coreProperties>`;
  return zipSync({
    'docProps/core.xml': strToU8(core),
    'word/media/pad.bin': [new Uint8Array(FILE_LIMITS.fileBytes + 1), { level: 0 }],
  });
}

test.each([
  [DOCX_CREATOR, 'is replaced', undefined],
  ['张三', 'is kept', 'error.overwriteForeign'],
])('a Word document past the limit by %s %s', async (creator, _, refused) => {
  const target = path.join(dir, 'report.docx');
  const bytes = bigDocx(creator);
  fs.writeFileSync(target, bytes);
  expect(await refusal(writeOutputFile(target, new Uint8Array([7]), [], 'docx'))).toBe(refused);
  expect(fs.statSync(target).size).toBe(refused ? bytes.length : 1);
});

test.each([
  ["ending with Tally's marker is replaced", `\n${MD_MARKER}\n`, undefined],
  ['without it is kept', '\n', 'error.overwriteForeign'],
])('a Markdown file past the limit %s', async (_, end, refused) => {
  const target = path.join(dir, 'report.md');
  const size = FILE_LIMITS.fileBytes + 1 + end.length;
  fs.writeFileSync(target, '#'.repeat(FILE_LIMITS.fileBytes + 1) + end);
  expect(await refusal(writeOutputFile(target, 'new', [], 'markdown'))).toBe(refused);
  expect(fs.statSync(target).size).toBe(refused ? size : 3);
});
