import { readFileSync } from 'node:fs';
import { monitor, reportSheets } from '../../../src/core/monitor';
import { EXPLANATION_SHEET, explanationsFromSheet } from '../../../src/core/validate/explanations';
import { parseXlsx } from '../../../src/xlsx/parse';
import { defaultIndex, defaultProfile, ROOT } from '../../support/fixtures';

const FILE = `${ROOT}/samples/2025年青川市两纲监测数据.xlsx`;
const TEXT = '龙潭镇有26对外地登记结婚的夫妇回户籍地婚检，已核实。';

test('a warning explained in the 审核说明 sheet is resolved and quoted in the data-quality section', async () => {
  const wb = await parseXlsx(new Uint8Array(readFileSync(FILE)), FILE);
  wb.sheets.push({
    name: EXPLANATION_SHEET,
    origin: { row: 0, col: 0 },
    rows: [
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', TEXT],
      ['FE1-01', '妇幼卫生', '石门镇', '错误不能靠说明解决'],
    ],
  });
  const explanations = explanationsFromSheet(wb);
  expect(explanations.size).toBe(2);
  const r = monitor({
    workbooks: [wb],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    explanations,
  });
  const warning = r.validation.findings.find((f) => f.ruleId === 'X-01');
  expect(warning?.explanation).toBe(TEXT);
  // An explanation never resolves an error.
  expect(
    r.validation.findings.find((f) => f.ruleId === 'FE1-01' && f.unit === '石门镇')?.explanation,
  ).toBeUndefined();
  expect([r.digest.warnings, r.digest.explained]).toEqual([1, 1]);
  const { blocks, quality } = reportSheets(r, defaultProfile(), 'zh', '2026-02-20 09:00');
  // Quoted in 数据质量说明, not in the report for leadership.
  const text = quality.map((b) => b.text).join('\n');
  expect(text).toContain('核实性审核问题1条，已填写说明1条。');
  expect(text).toContain(`龙潭镇（X-01）：${TEXT}`);
  expect(blocks.map((b) => b.text).join('\n')).not.toContain(TEXT);
  // The same 说明 explains W05 above 100% (龙潭镇 382 checks / 356 marriages = 107.30%): quoted
  // there too, never "不合常理".
  expect(text).toContain(
    `婚前医学检查率：龙潭镇为107.30%，超过100%；该单位已说明：“${TEXT}”（X-01）。`,
  );
  expect(text).not.toContain('不合常理');
});

test("the pane's own 审核说明 (Tally), written when the user has a 审核说明 of their own, is read too", () => {
  const rows = [
    ['规则编号', '工作表', '填报单位', '说明'],
    ['X-01', '妇幼卫生', '龙潭镇', TEXT],
  ];
  const wb = {
    source: 'x.xlsx',
    sheets: [
      { name: '审核说明', origin: { row: 0, col: 0 }, rows: [['我的笔记']] },
      { name: '审核说明 (Tally)', origin: { row: 0, col: 0 }, rows },
    ],
  };
  expect([...explanationsFromSheet(wb).values()]).toEqual([TEXT]);
});
