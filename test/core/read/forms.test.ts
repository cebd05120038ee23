import type { WorkbookData } from '../../../src/core/model/workbook';
import { monitor } from '../../../src/core/monitor';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

/** One township sheet holding items of two forms: both forms' rules run, its cells are checked once. */
test('a wide sheet is every form it holds', () => {
  const wb: WorkbookData = {
    source: '甲镇.xlsx',
    sheets: [
      {
        name: '甲镇报表',
        origin: { row: 0, col: 0 },
        rows: [
          [
            '地区',
            '活产数',
            '男婴活产数',
            '女婴活产数',
            '婚前医学检查人数',
            '结婚登记人数',
            '村委会成员数',
            '村委会女性成员数',
          ],
          ['一村', 10, 6, 4, 30, 20, 5, 7], // 30 > 20 (warning); FE3-01: 7 > 5 (error)
          ['二村', 12, 6, 6, 5, 10, 6, null], // blank 村委会女性成员数
        ],
      },
    ],
  };
  const r = monitor({
    workbooks: [wb],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    period: '2025',
  });
  expect(r.dataset.forms.map((f) => f.form.id)).toEqual(['FE1', 'FE3']);
  const byRule = (id: string) =>
    r.validation.findings.filter((f) => f.ruleId === id).map((f) => f.unit);
  expect(byRule('X-01')).toEqual(['一村']);
  expect(byRule('FE3-01')).toEqual(['一村']);
  expect(byRule('FE1-01')).toEqual([]);
  expect(byRule('BLANK')).toEqual(['二村']); // once, not once per form
  expect(r.digest.forms).toBe(1);
});
