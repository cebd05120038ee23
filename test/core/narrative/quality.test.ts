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

test('a share above 100% fails its error rule: the unit is set aside and the value is provisional', () => {
  const { r, text } = run('zh');
  // 乙镇 has 9 women among 6 members (150%): FE3-01 fails, so 乙镇 is set aside and W07 is
  // 甲镇's 4/10 = 40%, not the 81.25% a silent pool of (4+9)/(10+6) would give.
  const w07 = r.assessment.indicators.find((i) => i.def.id === 'W07');
  expect(w07?.root.shown).toBe(40);
  expect(w07?.root.pool.setAside).toEqual(['n:乙镇']);
  expect(w07?.provisional).toBe(true);
  expect(text).toContain('村委会成员中女性比例（乙镇）');
  expect(text).toContain('初步数据：乙镇的数据未通过强制性审核');
  // C15 at 100% exactly is not "over", and nothing pooled is over 100% now.
  expect(text).not.toContain('超过100%');
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
