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

test("a unit missing from one form is not pooled for that form's indicators, and is reported missing", async () => {
  const r = await run();
  const w07 = r.assessment.indicators.find((i) => i.def.id === 'W07');
  // 二镇 = 三村 only: 2/5 = 40.00%. 四村 sent no FE3 at all: it is not a W07 unit (not
  // "left out" with a blank), it is a missing unit. For W05, whose numerator is in FE1, it is
  // left out (the report test checks that).
  expect(w07?.nodes.get('450321101000')?.shown).toBe(40);
  expect(w07?.nodes.get('450321101000')?.pool).toMatchObject({
    numerator: 2,
    denominator: 5,
    pooled: 1,
    leftOut: [],
  });
  expect(w07?.nodes.has('450321101002')).toBe(false);
  const w05 = r.assessment.indicators.find((i) => i.def.id === 'W05');
  expect(w05?.root.pool.leftOut).toEqual(['450321101002']);
  const missing = r.validation.findings.filter((f) => f.ruleId === 'MISSING_UNIT');
  expect(missing.map((f) => [f.sheet, f.unit, f.severity])).toEqual([['民政', '四村', 'error']]);
});

test('the summary shows every level: townships as totals over their villages', async () => {
  const r = await run();
  expect(r.assessment.regions).toEqual([
    '450321100000',
    '450321100001',
    '450321100002',
    '450321101000',
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

test('sheet order does not split a unit known by code in one form and by name in another', async () => {
  const wb = await loadXlsx('monitor', 'three-levels-2025.xlsx');
  // Without the 地区 sheet, and with the name-only form (教育) first.
  const reordered = {
    ...wb,
    sheets: [
      ...wb.sheets.filter((s) => s.name === '教育'),
      ...wb.sheets.filter((s) => s.name !== '教育' && s.name !== '地区'),
    ],
  };
  const r = monitor({
    workbooks: [reordered],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    regionName: '甲县',
  });
  const h = r.dataset.hierarchy;
  expect([...r.dataset.units].sort()).toEqual([
    '450321100001',
    '450321100002',
    '450321101001',
    '450321101002',
  ]);
  // The codes imply the county 450321000000; --region names it, never the code itself.
  expect(h.root).toBe('450321000000');
  expect(r.assessment.rootName).toBe('甲县');
  const c11 = r.assessment.indicators.find((i) => i.def.id === 'C11');
  expect([c11?.root.pool.numerator, c11?.root.pool.denominator]).toEqual([230, 200]);
});
