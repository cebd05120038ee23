import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import type { Finding } from '../../src/core/validate/result';
import { AUDIT_SHEET, cellsToMark, markedCopy } from '../../src/web/marked';

/**
 * 标记副本 (src/web/marked.ts) on the bundled sample: the findings are written out here by hand
 * (the cells 石门镇's FE1-01 reads on 妇幼卫生 row 10: 活产数 B10 = 358, 男 C10 = 198, 女 D10 =
 * 187; a warning on 民政!K10), so what is marked is known without running the audit.
 */
const ROOT = path.resolve(__dirname, '../..');
const SAMPLE_NAME = '2025年青川市两纲监测数据.xlsx';
const SAMPLE = path.join(ROOT, 'samples', SAMPLE_NAME);
const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';

const error: Finding = {
  ruleId: 'FE1-01',
  severity: 'error',
  message: '男婴活产数（198）与女婴活产数（187）之和不等于活产数（358）',
  file: SAMPLE_NAME,
  sheet: '妇幼卫生',
  unit: '石门镇',
  cells: [
    { item: 'live_births', cell: 'B10', value: 358 },
    { item: 'live_births_male', cell: 'C10', value: 198 },
    { item: 'live_births_female', cell: 'D10', value: 187 },
  ],
};
const warning: Finding = {
  ruleId: 'X-01',
  severity: 'warning',
  message: '婚前医学检查人数大于结婚登记人数',
  file: SAMPLE_NAME,
  sheet: '妇幼卫生',
  unit: '龙潭镇',
  cells: [
    { item: 'premarital_checks', cell: 'N12', value: 400 },
    { item: 'marriages', cell: 'K10', value: 356, sheet: '民政' },
    // Last year's cell is not in this file: never marked.
    { item: 'PREV(marriages)', cell: 'K10', value: 300, sheet: '民政' },
  ],
};
const notice: Finding = { ...error, ruleId: 'NOTICE', severity: 'notice', unit: '白沙镇' };
const otherFile: Finding = { ...error, file: '甲镇.xlsx', unit: '甲镇' };

async function load(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.slice().buffer as ArrayBuffer);
  return wb;
}

const fillOf = (wb: ExcelJS.Workbook, sheet: string, cell: string) => {
  const fill = wb.getWorksheet(sheet)?.getCell(cell).fill;
  return fill && fill.type === 'pattern' ? fill.fgColor?.argb : undefined;
};

describe('cellsToMark', () => {
  test("the file's error cells red, warning cells yellow, red where both; not notices, not other files, not last year", () => {
    const both: Finding = { ...warning, cells: [{ item: 'x', cell: 'C10', value: 198 }] };
    const marks = cellsToMark([error, warning, notice, otherFile, both], SAMPLE_NAME);
    expect(Object.fromEntries([...marks].map(([s, m]) => [s, Object.fromEntries(m)]))).toEqual({
      妇幼卫生: { B10: '#FFC7CE', C10: '#FFC7CE', D10: '#FFC7CE', N12: '#FFEB9C' },
      民政: { K10: '#FFEB9C' },
    });
  });
});

describe('markedCopy', () => {
  jest.setTimeout(60_000);
  const input = new Uint8Array(readFileSync(SAMPLE));

  test('marks the cells in a copy with a 审核结果 sheet; the input bytes are unchanged', async () => {
    const before = Buffer.from(input).toString('base64');
    const r = await markedCopy(
      { name: SAMPLE_NAME, bytes: input },
      [error, warning, notice, otherFile],
      'zh',
      '2025',
    );
    expect(Buffer.from(input).toString('base64')).toBe(before);
    // B10 C10 D10 (error), N12 and 民政!K10 (warning).
    expect(r.marked).toBe(5);
    // The error and the warning; not the notice, not the other file's finding.
    expect(r.listed).toBe(2);

    const copy = await load(r.bytes);
    const original = await load(input);
    expect(copy.worksheets.map((w) => w.name)).toEqual([
      ...original.worksheets.map((w) => w.name),
      AUDIT_SHEET,
    ]);
    for (const c of ['B10', 'C10', 'D10']) expect(fillOf(copy, '妇幼卫生', c)).toBe(RED);
    expect(fillOf(copy, '妇幼卫生', 'N12')).toBe(YELLOW);
    expect(fillOf(copy, '民政', 'K10')).toBe(YELLOW);
    // A neighbour keeps what it had, and values are the input's.
    expect(fillOf(copy, '妇幼卫生', 'B11')).toBe(fillOf(original, '妇幼卫生', 'B11'));
    expect(copy.getWorksheet('妇幼卫生')?.getCell('B10').value).toBe(358);
    expect(copy.getWorksheet('妇幼卫生')?.getCell('A10').value).toBe('石门镇');

    // 审核结果: a header and one row per listed finding, with the rule and unit.
    const audit = copy.getWorksheet(AUDIT_SHEET);
    expect(audit?.actualRowCount).toBe(3);
    const text: string[] = [];
    audit?.eachRow((row) => text.push((row.values as unknown[]).map(String).join('|')));
    expect(text.some((t) => t.includes('FE1-01') && t.includes('石门镇'))).toBe(true);
    expect(text.some((t) => t.includes('X-01') && t.includes('龙潭镇'))).toBe(true);
  });

  test('an input with a 审核结果 sheet of its own keeps it; the copy adds another', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('妇幼卫生').getCell('B10').value = 358;
    wb.addWorksheet(AUDIT_SHEET).getCell('A1').value = '我的';
    const bytes = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const r = await markedCopy({ name: SAMPLE_NAME, bytes }, [error], 'zh');
    const copy = await load(r.bytes);
    expect(copy.worksheets.map((w) => w.name)).toEqual([
      '妇幼卫生',
      AUDIT_SHEET,
      '审核结果 (Tally)',
    ]);
    expect(copy.getWorksheet(AUDIT_SHEET)?.getCell('A1').value).toBe('我的');
    expect(fillOf(copy, '妇幼卫生', 'B10')).toBe(RED);
  });

  test('a CSV becomes a workbook of its values; text that looks like a formula stays text', async () => {
    const csv = '单位,活产数,备注\n石门镇,358,=1+1\n';
    const f: Finding = {
      ...error,
      file: '石门镇.csv',
      sheet: '石门镇',
      cells: [{ item: 'live_births', cell: 'B2', value: 358 }],
    };
    const r = await markedCopy(
      { name: '石门镇.csv', bytes: new TextEncoder().encode(csv) },
      [f],
      'en',
    );
    const copy = await load(r.bytes);
    const ws = copy.worksheets[0];
    expect(ws?.getCell('A2').value).toBe('石门镇');
    expect(ws?.getCell('B2').value).toBe(358);
    expect(ws?.getCell('C2').value).toBe('=1+1');
    expect(ws?.getCell('C2').formula).toBeUndefined();
    expect(r.marked).toBe(1);
    expect(copy.worksheets.map((w) => w.name)).toContain(AUDIT_SHEET);
  });
});
