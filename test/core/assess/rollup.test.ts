import { monitor } from '../../../src/core/monitor';
import { defaultIndex, defaultProfile, loadXlsx } from '../../support/fixtures';

/**
 * The rollup at every level of test/fixtures/monitor/three-levels-2025.xlsx:
 * 甲县 (450321000000) → 一镇 (一村, 二村), 二镇 (三村, 四村). Expected values by hand.
 */
async function run() {
  const wb = await loadXlsx('monitor', 'three-levels-2025.xlsx');
  return monitor({ workbooks: [wb], profile: defaultProfile(), index: defaultIndex(), lang: 'zh' });
}

test('the hierarchy comes from the 地区 sheet; units known by name in one form and by code in another are one unit', async () => {
  const r = await run();
  const h = r.dataset.hierarchy;
  expect(h.root).toBe('450321000000');
  expect(h.name(h.root)).toBe('甲县');
  expect(h.node('450321100000')?.children).toEqual(['450321100001', '450321100002']);
  // FE2 names its units without codes; they resolve to the coded villages.
  expect([...(r.dataset.formUnits.get('FE2')?.keys() ?? [])]).toEqual([
    '450321100001',
    '450321100002',
    '450321101001',
    '450321101002',
  ]);
  expect(r.assessment.units).toEqual([
    '450321100001',
    '450321100002',
    '450321101001',
    '450321101002',
  ]);
});

test('each level is recomputed from pooled counts', async () => {
  const r = await run();
  const c02 = r.assessment.indicators.find((i) => i.def.id === 'C02');
  const at = (key: string) => c02?.nodes.get(key);
  // 一镇: (1+0)/(100+150)×1000 = 4.00; 二镇: (2+1)/(80+70)×1000 = 20.00; 甲县: 4/400×1000 = 10.00
  expect(at('450321100000')?.shown).toBe(4);
  expect(at('450321101000')?.shown).toBe(20);
  expect(at('450321000000')?.shown).toBe(10);
  expect([at('450321101000')?.pool.numerator, at('450321101000')?.pool.denominator]).toEqual([
    3, 150,
  ]);
});

test('a unit missing from one form is left out of that indicator at every level and reported', async () => {
  const r = await run();
  const w07 = r.assessment.indicators.find((i) => i.def.id === 'W07');
  // 二镇 = 三村 only: 2/5 = 40.00%; 四村 (no FE3) left out at 二镇 and 甲县
  expect(w07?.nodes.get('450321101000')?.shown).toBe(40);
  expect(w07?.nodes.get('450321101000')?.pool.leftOut).toEqual(['450321101002']);
  expect(w07?.root.pool.leftOut).toEqual(['450321101002']);
  const missing = r.validation.findings.filter((f) => f.ruleId === 'MISSING_UNIT');
  expect(missing.map((f) => [f.sheet, f.unit, f.severity])).toEqual([['民政', '四村', 'error']]);
});
