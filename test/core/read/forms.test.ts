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

test('items over three years (2023 | 2024 | 2025) in a 2025 form read the 2025 columns, the others left unread', () => {
  // C11 = (90 + 180 + 40) / (100 + 200 + 50); the 2023 and 2024 columns hold 1s and 2s.
  const wb: WorkbookData = {
    source: '教育.xlsx',
    sheets: [
      {
        name: '教育',
        origin: { row: 0, col: 0 },
        merges: [
          { top: 1, left: 0, bottom: 2, right: 0 },
          { top: 1, left: 1, bottom: 1, right: 3 },
          { top: 1, left: 4, bottom: 1, right: 6 },
        ],
        rows: [
          ['2025年教育事业统计表', null, null, null, null, null, null],
          ['乡镇（街道）', '3-5岁儿童数', null, null, '在园幼儿数', null, null],
          [null, 2023, 2024, 2025, 2023, 2024, 2025],
          ['甲镇', 1, 2, 100, 1, 2, 90],
          ['乙镇', 1, 2, 200, 1, 2, 180],
          ['丙乡', 1, 2, 50, 1, 2, 40],
        ],
      },
    ],
  };
  const r = monitor({
    workbooks: [wb],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    regionName: '某县',
  });
  const c11 = r.assessment.indicators.find((i) => i.def.id === 'C11');
  expect([c11?.root.pool.numerator, c11?.root.pool.denominator]).toEqual([310, 350]);
  expect(r.validation.findings.filter((f) => f.ruleId === 'SHEET_NOT_READ')).toEqual([]);
});
