import type { WorkbookData } from '../../../src/core/model/workbook';
import { monitor, reportSheets } from '../../../src/core/monitor';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

function run(lang: 'zh' | 'en') {
  const wb: WorkbookData = {
    source: '2025年民政.xlsx',
    sheets: [
      {
        name: '民政',
        origin: { row: 0, col: 0 },
        rows: [
          [
            '地区',
            '村委会成员数',
            '村委会女性成员数',
            '村（社区）数',
            '配备儿童主任的村（社区）数',
          ],
          ['甲镇', 10, 4, 5, 5],
          ['乙镇', 6, 9, 4, 4], // 9 women among 6 members: 150%
        ],
      },
    ],
  };
  const r = monitor({
    workbooks: [wb],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang,
    regionName: '某县',
  });
  return {
    r,
    text: reportSheets(r, defaultProfile(), lang, 'now')
      .blocks.map((b) => b.text)
      .join('\n'),
  };
}

test('a share above 100% is called a data error in the data-quality section; a gross ratio would not be', () => {
  const { r, text } = run('zh');
  // 某县: (4+9)/(10+6) = 81.25%, fine; 乙镇 alone 9/6 = 150%.
  expect(r.assessment.indicators.find((i) => i.def.id === 'W07')?.root.shown).toBe(81.25);
  // C15 at 100% exactly is not "over": the list names W07 at 乙镇 only.
  expect(/以下比例超过100%，不合常理，请核实分子、分母：([^。]*)。/.exec(text)?.[1]).toBe(
    '村委会成员中女性比例（乙镇）',
  );
});

test('the period comes from the file name when no title names it', () => {
  expect(run('en').r.period).toBe('2025');
  expect(run('en').text).toContain('In 2025, 某县 monitored 27 indicators');
});

test('the English data-quality sentences agree in number with their counts', () => {
  const { text } = run('en');
  // One form (民政) from two townships (甲镇, 乙镇).
  expect(text).toContain('1 form from 2 reporting units was audited.');
  expect(text).not.toMatch(/\b1 (forms|warnings|errors)\b/);
});
