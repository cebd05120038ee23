import type { Cell } from '../../../src/core/model/cell';
import { monitor, reportSheets } from '../../../src/core/monitor';
import { departmentsOf, fillerNames } from '../../../src/core/narrative/departments';
import { domainSections } from '../../../src/core/narrative/domains';
import { areaShort, changeVerb, unitList } from '../../../src/core/narrative/words';
import { defaultIndex, defaultProfile } from '../../support/fixtures';

/** The words the narrative chooses from the data, each against what a monitoring report writes. */

test('a rate 上升/下降, a share 提高/降低: by the unit and the better direction', () => {
  // 婴儿死亡率 (‰), 低出生体重发生率 (%, lower is better): rates; 参保率 (%, higher): a share.
  expect(changeVerb({ unit: '‰', direction: 'lower' }, true, 'zh')).toBe('上升');
  expect(changeVerb({ unit: '%', direction: 'lower' }, false, 'zh')).toBe('下降');
  expect(changeVerb({ unit: '%', direction: 'higher' }, true, 'zh')).toBe('提高');
  expect(changeVerb({ unit: '%', direction: 'higher' }, false, 'zh')).toBe('降低');
  expect(changeVerb({ unit: '1/10万', direction: 'lower' }, true, 'zh')).toBe('上升');
});

test('the area after its first mention: 全市, 全县, 全区; a name that is no division stays', () => {
  expect(areaShort('青川市', 'zh')).toBe('全市');
  expect(areaShort('某县', 'zh')).toBe('全县');
  expect(areaShort('城关区', 'zh')).toBe('全区');
  // The default name of an area without a region sheet is already the whole.
  expect(areaShort('全部地区', 'zh')).toBe('全部地区');
  expect(areaShort('青川市', 'en')).toBe('青川市');
});

test('a list of units: ten named, all counted', () => {
  const twelve = Array.from({ length: 12 }, (_, i) => `${'甲乙丙丁戊己庚辛壬癸子丑'[i]}镇`);
  expect(unitList(twelve.slice(0, 10), 'zh')).toBe(
    '甲镇、乙镇、丙镇、丁镇、戊镇、己镇、庚镇、辛镇、壬镇、癸镇',
  );
  expect(unitList(twelve, 'zh')).toBe(
    '甲镇、乙镇、丙镇、丁镇、戊镇、己镇、庚镇、辛镇、壬镇、癸镇等12个乡镇（街道）',
  );
  expect(unitList(twelve, 'en')).toBe(
    '甲镇, 乙镇, 丙镇, 丁镇, 戊镇, 己镇, 庚镇, 辛镇, 壬镇, 癸镇 and 2 other townships',
  );
  expect(unitList(twelve.slice(0, 11), 'en')).toMatch(/癸镇 and 1 other township$/);
});

test('departments as the 填报单位 line names them', () => {
  expect(fillerNames(['2025年妇幼健康监测统计表', '填报单位：青川市卫生健康局 2025年度'])).toEqual([
    '青川市卫生健康局',
  ]);
  expect(
    fillerNames(['填报单位（盖章）：某县人力资源和社会保障局、某县医疗保障局　填报人：张三']),
  ).toEqual(['某县人力资源和社会保障局', '某县医疗保障局']);
  expect(fillerNames(['填报单位：　　　填报人：　　联系电话：'])).toEqual([]);
  const profile = defaultProfile();
  const form = (id: string) => profile.forms.find((f) => f.id === id)!;
  const d = departmentsOf(
    [
      { form: form('FE1'), table: { titles: ['填报单位：青川市卫生健康局'] } },
      {
        form: form('FE4'),
        table: { titles: ['填报单位：青川市人力资源和社会保障局、青川市医疗保障局'] },
      },
      // No 填报单位 line: the profile's wording stands.
      { form: form('FE3'), table: { titles: ['2025年民政统计表'] } },
    ],
    profile,
    '青川市',
  );
  // 卫健委's stem 卫健 is in 卫生健康局; within 青川市, 青川市… is 市….
  expect(d.name('卫健委', 'zh')).toBe('市卫生健康局');
  expect(d.name('人社局, 医保局', 'zh')).toBe('市人力资源和社会保障局、市医疗保障局');
  expect(d.name('民政局', 'zh')).toBe('民政局');
  expect(d.fillers('zh')).toEqual([
    '市卫生健康局',
    '市人力资源和社会保障局',
    '市医疗保障局',
    '民政局',
  ]);
});

test("the programme's order of domains: children 健康, 安全, 教育, 福利", () => {
  const titles = domainSections(defaultProfile(), 'zh').map((d) => d.title);
  expect(titles).toEqual([
    '妇女与健康',
    '妇女与经济',
    '妇女参与决策和管理',
    '妇女与社会保障',
    '儿童与健康',
    '儿童与安全',
    '儿童与教育',
    '儿童与福利',
  ]);
});

test('four townships tied at 0% below the target are all named, never three of them', () => {
  // W07 (≥30%): 甲镇 40/100 = 40% meets it; 乙、丙、丁、戊镇 0/100 = 0% each miss it. The pool is
  // 40/500 = 8.00%, 22 points short (40 women: no small number, whose units are not named).
  const rows: Cell[][] = [['地区', '村委会成员数', '村委会女性成员数']];
  rows.push(['甲镇', 100, 40]);
  for (const n of ['乙镇', '丙镇', '丁镇', '戊镇']) rows.push([n, 100, 0]);
  const r = monitor({
    workbooks: [
      { source: '2025年民政.xlsx', sheets: [{ name: '民政', origin: { row: 0, col: 0 }, rows }] },
    ],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    regionName: '某县',
  });
  const text = reportSheets(r, defaultProfile(), 'zh', 'now')
    .blocks.map((b) => b.text)
    .join('\n');
  expect(text).toContain(
    '村委会成员中女性比例为8.00%，距“达到30%以上”的目标尚差22.00个百分点，乙镇、丙镇、丁镇、戊镇（均为0.00%）未达到目标。',
  );
});
