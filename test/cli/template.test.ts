import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { inspectWorkbook } from '../../src/core/inspect';
import { parseXlsx } from '../../src/xlsx/parse';
import { runCli } from '../support/capture';
import { defaultIndex, defaultProfile, fixturePath } from '../support/fixtures';

async function template(...args: string[]) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'tally-tpl-')), 'forms.xlsx');
  return { file, ...(await runCli('template', '--out', file, '--period', '2026', ...args)) };
}

test('the blank forms: instructions, one sheet per form, header with units, unit rows, SUM totals, validation, frozen panes', async () => {
  const r = await template('--units', '东城街道,西山镇,南湖镇');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.file);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    '填表说明',
    'FE1 妇幼健康',
    'FE2 教育',
    'FE3 民政',
    'FE4 就业与社会保障',
    'FE5 人口与安全',
  ]);
  const fe1 = wb.getWorksheet('FE1 妇幼健康');
  expect(fe1?.getCell('A1').value).toBe('2026年妇幼健康统计表（FE1）');
  expect(fe1?.getCell('A3').value).toBe('乡镇（街道）');
  // The unit on its own line, so a wrapped header never breaks inside the bracket.
  expect(fe1?.getCell('B3').value).toBe('活产数\n（人）');
  expect([4, 5, 6].map((row) => fe1?.getCell(row, 1).value)).toEqual([
    '东城街道',
    '西山镇',
    '南湖镇',
  ]);
  expect(fe1?.getCell('A7').value).toBe('合计');
  expect(fe1?.getCell('B7').formula).toBe('SUM(B4:B6)');
  expect(fe1?.getCell('C5').dataValidation).toMatchObject({
    type: 'whole',
    operator: 'greaterThanOrEqual',
    formulae: [0],
  });
  expect(fe1?.views[0]).toMatchObject({ state: 'frozen', xSplit: 1, ySplit: 3 });
});

test('Tally recognises every blank form it hands out, with all its items', async () => {
  const r = await template('--units', '东城街道,西山镇');
  const wb = await parseXlsx(new Uint8Array(readFileSync(r.file)), r.file);
  const inspected = inspectWorkbook(wb, defaultIndex(), defaultProfile());
  const forms = inspected.sheets
    .filter((s) => s.form)
    .map((s) => [s.form?.id, s.form?.matched, s.form?.total, s.records, s.totalRows]);
  expect(forms).toEqual([
    ['FE1', 23, 23, 2, 1],
    ['FE2', 8, 8, 2, 1],
    ['FE3', 9, 9, 2, 1],
    ['FE4', 6, 6, 2, 1],
    ['FE5', 2, 2, 2, 1],
  ]);
});

test('units with 12-digit codes get a code column', async () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-units-'));
  const list = path.join(dir, 'units.txt');
  writeFileSync(list, '451281001000 城东街道\n451281100000,青山镇\n');
  const r = await template('--units', list);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.file);
  const fe3 = wb.getWorksheet('FE3 民政');
  expect([fe3?.getCell('A3').value, fe3?.getCell('B3').value]).toEqual([
    '统计用区划代码',
    '乡镇（街道）',
  ]);
  expect([fe3?.getCell('A4').value, fe3?.getCell('B4').value, fe3?.getCell('A5').value]).toEqual([
    '451281001000',
    '城东街道',
    '451281100000',
  ]);
});

describe('a second template over the first', () => {
  const A4 = async (file: string) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    return wb.getWorksheet('FE1 妇幼健康')?.getCell('A4').value;
  };

  test('without --force: exit 2, the truth (it may be filled in) and the way out (--force); untouched', async () => {
    const r = await template('--units', '东城街道');
    const before = readFileSync(r.file);
    const again = await runCli('template', '--out', r.file, '--period', '2026');
    expect(again.code).toBe(2);
    expect(again.stderr).toBe(
      `tally: ${r.file} 是 Tally 之前生成的空白报表模板。模板可能已经分发填报，所以 Tally 不会替换它。确定它没有填报过，请加 --force 重新生成；否则请换一个文件名。\n`,
    );
    expect(readFileSync(r.file).equals(before)).toBe(true);
    // Nor may a report replace it, with or without a template's --force.
    const report = await runCli(
      'report',
      fixturePath('monitor', 'three-levels-2025.xlsx'),
      '--out',
      r.file,
    );
    expect(report.code).toBe(2);
    expect(readFileSync(r.file).equals(before)).toBe(true);
  });

  test('with --force: replaced by the new template', async () => {
    const r = await template('--units', '东城街道');
    expect(await A4(r.file)).toBe('东城街道');
    const again = await runCli('template', '--out', r.file, '--units', '西山镇', '--force');
    expect(again.code).toBe(0);
    // A message, not data: on stderr, nothing on stdout.
    expect([again.stdout, again.stderr]).toEqual(['', `已写入 ${r.file}\n`]);
    expect(await A4(r.file)).toBe('西山镇');
  });

  test("--force over a user's own workbook, or over a text file: refused, untouched", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-force-'));
    const own = path.join(dir, '我的报表.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.creator = '王统计';
    wb.addWorksheet('妇幼卫生').getCell('A1').value = '2025年妇幼健康统计表';
    await wb.xlsx.writeFile(own);
    const notes = path.join(dir, 'notes.xlsx');
    writeFileSync(notes, 'not a workbook');
    for (const file of [own, notes]) {
      const before = readFileSync(file);
      const r = await runCli('template', '--out', file, '--force');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(
        `${file} 已存在，但不是 Tally 生成的模板；--force 只替换 Tally 自己生成的模板`,
      );
      expect(readFileSync(file).equals(before)).toBe(true);
    }
  });

  test('--force over a Tally report: refused (a report is not a template)', async () => {
    const out = path.join(mkdtempSync(path.join(tmpdir(), 'tally-force-')), 'report.xlsx');
    const made = await runCli(
      'report',
      fixturePath('monitor', 'three-levels-2025.xlsx'),
      '--out',
      out,
    );
    expect(made.code).toBe(0);
    const before = readFileSync(out);
    const r = await runCli('template', '--out', out, '--force');
    expect(r.code).toBe(2);
    expect(readFileSync(out).equals(before)).toBe(true);
  });

  test('--force over a template with a number entered, or saved by someone: refused, untouched', async () => {
    // Filled in by a program that keeps "last saved by" (LibreOffice without a user name does).
    const filled = await template('--units', '东城街道,西山镇');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(filled.file);
    const fe1 = wb.getWorksheet('FE1 妇幼健康');
    expect(fe1?.getCell('B5').dataValidation?.type).toBe('whole');
    if (fe1) fe1.getCell('B5').value = 120;
    await wb.xlsx.writeFile(filled.file);
    const beforeFilled = readFileSync(filled.file);
    const r1 = await runCli('template', '--out', filled.file, '--force');
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain('已经填入了数据（FE1 妇幼健康!B5）');
    expect(readFileSync(filled.file).equals(beforeFilled)).toBe(true);

    // Opened and saved in Excel: "last saved by" is the user's name, the cells still blank.
    const saved = await template('--units', '东城街道');
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.readFile(saved.file);
    wb2.lastModifiedBy = '李会计';
    await wb2.xlsx.writeFile(saved.file);
    const beforeSaved = readFileSync(saved.file);
    const r2 = await runCli('template', '--out', saved.file, '--force', '--lang', 'en');
    expect(r2.code).toBe(2);
    expect(r2.stderr).toContain(
      'but 李会计 has saved it since and it may be filled in; not even --force replaces it',
    );
    expect(readFileSync(saved.file).equals(beforeSaved)).toBe(true);
  });

  test('--force never writes over its own --units file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-units-'));
    const list = path.join(dir, 'units.csv');
    writeFileSync(list, '东城街道\n西山镇\n');
    const r = await runCli('template', '--out', list, '--units', list, '--force');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Tally 从不修改输入文件');
    expect(readFileSync(list, 'utf8')).toBe('东城街道\n西山镇\n');
  });
});

/** Every character of the CJK blocks in a text. */
const cjk = (text: string) => text.match(/[\u3400-\u9fff\uff00-\uffef\u3000-\u303f]/g) ?? [];

test('the English template is English throughout, glossing the Chinese headers Tally reads back', async () => {
  const r = await template('--units', '东城街道,西山镇', '--lang', 'en');
  expect(r.code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.file);
  expect(wb.worksheets.map((w) => w.name)).toEqual([
    'Instructions',
    'FE1 Maternal and child health',
    'FE2 Education',
    'FE3 Civil affairs',
    'FE4 Employment and social', // 31 characters at most, cut at a word
    'FE5 Population and child safety',
  ]);
  const fe1 = wb.getWorksheet('FE1 Maternal and child health');
  expect(fe1?.getCell('A1').value).toBe('Maternal and child health (FE1), 2026');
  expect(String(fe1?.getCell('A2').value)).toContain('Filled in by: Health Commission');
  expect(fe1?.getCell('A3').value).toBe('乡镇（街道） Reporting unit');
  expect(fe1?.getCell('B3').value).toBe('活产数\n（人） Live births');
  expect(fe1?.getCell('A6').value).toBe('合计 Total');
  // Chinese only where a reader of the filled form needs it: the headers Tally recognises
  // (each followed by its English gloss) and the unit names the user gave.
  for (const ws of wb.worksheets) {
    ws.eachRow((row, r) =>
      row.eachCell((cell) => {
        const value = String(cell.value ?? '');
        if (['东城街道', '西山镇'].includes(value)) return;
        if (r === 3 || value.startsWith('合计')) expect(value).toMatch(/[A-Za-z]/);
        else expect([ws.name, r, cjk(value)]).toEqual([ws.name, r, []]);
      }),
    );
  }
  // And it reads back as the forms it is.
  const data = await parseXlsx(new Uint8Array(readFileSync(r.file)), r.file);
  const inspected = inspectWorkbook(data, defaultIndex(), defaultProfile());
  expect(
    inspected.sheets
      .filter((s) => s.form)
      .map((s) => [s.form?.id, s.form?.matched, s.form?.total, s.records, s.totalRows]),
  ).toEqual([
    ['FE1', 23, 23, 2, 1],
    ['FE2', 8, 8, 2, 1],
    ['FE3', 9, 9, 2, 1],
    ['FE4', 6, 6, 2, 1],
    ['FE5', 2, 2, 2, 1],
  ]);
});

test('each form prints landscape on A4, one page wide, its header repeated and wrapped to fit', async () => {
  const r = await template('--units', '东城街道,西山镇,南湖镇');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(r.file);
  const fe1 = wb.getWorksheet('FE1 妇幼健康');
  expect(fe1?.pageSetup).toMatchObject({
    orientation: 'landscape',
    paperSize: 9,
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '3:3',
    printTitlesColumn: 'A:A',
  });
  // The longest header, 5岁以下儿童身高体重检查人数 (13 CJK + 1 digit = 27 half-widths), in a
  // column of 8.5 (7.5 to write in): 27 / 7.5 → 4 lines, and （人） a fifth: 5 × 16 points.
  expect(fe1?.getRow(3).height).toBe(80);
  expect(fe1?.getCell('B3').alignment).toMatchObject({ wrapText: true });
  expect(fe1?.headerFooter.oddFooter).toBe('&C第 &P 页，共 &N 页');
});
