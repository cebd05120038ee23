import type { Cell } from '../../src/core/model/cell';
import { monitor } from '../../src/core/monitor';
import { defaultIndex, defaultProfile } from '../support/fixtures';

/**
 * Regression: a form with 200,000 reporting units, every one failing a rule. Spreading such
 * lists into push() (the units under one region, the findings) overflowed the call stack.
 */
test('200,000 units, each failing FE1-01: the run completes and counts every record', () => {
  const n = 200_000;
  const rows: Cell[][] = [['地区', '活产数', '男婴活产数', '女婴活产数']];
  for (let i = 0; i < n; i++) rows.push([`村${i}`, 10, 5, 4]); // 5 + 4 ≠ 10
  const r = monitor({
    workbooks: [
      { source: 'big.xlsx', sheets: [{ name: '卫健', origin: { row: 0, col: 0 }, rows }] },
    ],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    period: '2025',
  });
  const fe101 = r.validation.rules.find((s) => s.id === 'FE1-01');
  expect([fe101?.records, fe101?.fails]).toEqual([n, n]);
  expect(r.validation.findings.filter((f) => f.ruleId === 'FE1-01')).toHaveLength(n);
  // Every unit's births fail FE1-01, so every unit is set aside from C05 (boys / girls): no
  // silent 5n / 4n × 100 = 125.00 from figures known to be wrong.
  const c05 = r.assessment.indicators.find((i) => i.def.id === 'C05');
  expect(c05?.root.shown).toBeNull();
  expect(c05?.root.pool.setAside).toHaveLength(n);
  expect(c05?.provisional).toBe(true);
});
