import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { WorkbookData } from '../../../src/core/model/workbook';
import { monitor } from '../../../src/core/monitor';
import { parseXlsx } from '../../../src/xlsx/parse';
import { defaultIndex, defaultProfile, ROOT } from '../../support/fixtures';

/**
 * The same form from several workbooks is stacked (issue 4): the sample's FE1 sheet split into
 * two submissions, townships 1–7 and 8–15, gives the same pooled counts as the whole sheet.
 * The expected sums are read straight from the cells with exceljs, not through Tally.
 */
const FILE = `${ROOT}/samples/2025年青川市两纲监测数据.xlsx`;

async function columnSum(sheet: string, col: string, rows: [number, number]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(FILE);
  let sum = 0;
  for (let r = rows[0]; r <= rows[1]; r++)
    sum += Number(wb.getWorksheet(sheet)?.getCell(`${col}${r}`).value);
  return sum;
}

test('one form in two workbooks is pooled as one', async () => {
  const whole = await parseXlsx(new Uint8Array(readFileSync(FILE)), FILE);
  const fe1 = whole.sheets.find((s) => s.name === '妇幼卫生');
  if (!fe1) throw new Error('no FE1 sheet');
  // Rows 1–5 are titles, the two-row header and the 栏号 row; 6–20 the 15 townships.
  const head = fe1.rows.slice(0, 5);
  const part = (from: number, to: number): WorkbookData => ({
    source: `卫健委-${from}.xlsx`,
    sheets: [
      { ...fe1, rows: [...head, ...fe1.rows.slice(from - 1, to)], merges: fe1.merges ?? [] },
    ],
  });
  const rest: WorkbookData = {
    source: 'others.xlsx',
    sheets: whole.sheets.filter((s) => s !== fe1),
  };
  const r = monitor({
    workbooks: [part(6, 12), part(13, 20), rest],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
  });

  expect(r.dataset.forms.filter((f) => f.form.id === 'FE1').map((f) => f.source)).toEqual([
    '卫健委-6.xlsx',
    '卫健委-13.xlsx',
  ]);
  expect(r.dataset.formUnits.get('FE1')?.size).toBe(15);
  const c02 = r.assessment.indicators.find((i) => i.def.id === 'C02');
  // G = 婴儿死亡数, B = 活产数, rows 6–20 of the original sheet.
  // 石门镇 (row 10) fails FE1-01 (its boys and girls do not add up to its births): set aside.
  const shimen = async (col: string) => columnSum('妇幼卫生', col, [10, 10]);
  expect(c02?.root.pool.numerator).toBe(
    (await columnSum('妇幼卫生', 'G', [6, 20])) - (await shimen('G')),
  );
  expect(c02?.root.pool.denominator).toBe(
    (await columnSum('妇幼卫生', 'B', [6, 20])) - (await shimen('B')),
  );
  // No unit is missing or duplicated by the split.
  expect(
    r.validation.findings.filter((f) => f.ruleId === 'MISSING_UNIT' || f.ruleId === 'DUPLICATE'),
  ).toEqual([]);
});

test('the same township in two submissions of one form is a duplicate, counted once', async () => {
  const whole = await parseXlsx(new Uint8Array(readFileSync(FILE)), FILE);
  const fe1 = whole.sheets.find((s) => s.name === '妇幼卫生');
  if (!fe1) throw new Error('no FE1 sheet');
  const head = fe1.rows.slice(0, 5);
  const again: WorkbookData = {
    source: '卫健委-重报.xlsx',
    sheets: [{ ...fe1, rows: [...head, ...fe1.rows.slice(5, 6)] }],
  };
  const r = monitor({
    workbooks: [whole, again],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
  });
  const dups = r.validation.findings.filter((f) => f.ruleId === 'DUPLICATE');
  expect(dups.map((f) => [f.file, f.unit, f.severity])).toEqual([
    ['卫健委-重报.xlsx', '城东街道', 'error'],
  ]);
  const c02 = r.assessment.indicators.find((i) => i.def.id === 'C02');
  // Counted once; 石门镇 (row 10, FE1-01 failed) set aside.
  expect(c02?.root.pool.denominator).toBe(
    (await columnSum('妇幼卫生', 'B', [6, 20])) - (await columnSum('妇幼卫生', 'B', [10, 10])),
  );
});
