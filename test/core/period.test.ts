import { periodOfSheet } from '../../src/core/period';

/** The year a form is of, read from its title as offices write it (counted by hand). */
test.each([
  ['2025年妇幼健康监测统计表', '2025'],
  // 妇幼's statistical year, written as its dates: the year it ends in.
  ['妇幼健康监测表（2024年10月1日—2025年9月30日）', '2025'],
  ['妇幼健康监测表（统计时段：2024年10月1日至2025年9月30日）', '2025'],
  ['2025年妇幼健康监测表（2024年10月1日—2025年9月30日）', '2025'],
  // The programme's span and the filling-in date are no period.
  ['某县妇女发展纲要（2021—2030年）监测表 2025年', '2025'],
  ['2025年教育统计表 填报日期：2026年1月5日', '2025'],
])('%j is of %s', (title, year) => {
  expect(periodOfSheet([title], 'Sheet1', 'x.xlsx')?.period).toBe(year);
});
