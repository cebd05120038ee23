/**
 * Independent facts of the domain, written out from the project's domain documentation (the data
 * dictionary items.md, the indicator catalogue indicators.md and the default rule set rules.md,
 * kept outside this repository). The profile (profiles/lianggang-2021-2030) and the generated
 * docs/profile.md are checked against these lists, so neither can change silently: a change to the
 * profile that the domain did not make fails a test, and fixing it means editing this file on
 * purpose. Copied verbatim; do not regenerate from the profile.
 */

/**
 * Synonyms the profile adds to items.md, each on purpose, with the domain's reason: 民政 publishes
 * 结婚登记 in couples (对), which the reader converts ×2 with a notice (indicators.md,
 * "Corrections", W05; main's commit 228700e, issue 8). `结婚登记` and `登记结婚` are the same
 * header with its unit in brackets, `结婚登记（对）` (a review's form, 2026-12-03).
 */
export const PROFILE_ADDED_SYNONYMS: Readonly<Record<string, readonly string[]>> = {
  marriages_registered: ['结婚登记对数', '登记结婚对数', '结婚登记数', '结婚登记', '登记结婚'],
};

/**
 * Rules the profile adds to rules.md, each on purpose: plausibility warnings a review found
 * missing (2026-12-03), where a form's figures were absurd and passed with no finding — 30
 * maternal deaths in 300 births (W01 6000/10万), 160 under-5 deaths in 300 births, 250
 * low-birth-weight babies in 300 births, and 3-5岁儿童数 typed in persons into a 万人 column
 * (C11 0.01 %). Each is a warning (a 说明 is asked for), bounded far outside what counties see
 * (national 15/10万, 6‰, 4 %), with a floor so one death in a small township is never flagged.
 * Placed after their form's rules of rules.md, in id order.
 */
export const PROFILE_ADDED_RULES: readonly (readonly [string, string, 'error' | 'warning'])[] = [
  ['FE1-16', '[孕产妇死亡数] <= MAX(2, [活产数] * 0.003)', 'warning'],
  ['FE1-17', '[5岁以下儿童死亡数] <= MAX(3, [活产数] * 0.05)', 'warning'],
  ['FE1-18', '[低出生体重儿数] <= MAX(5, [活产数] * 0.15)', 'warning'],
  [
    'FE2-04',
    'OR([3-5岁儿童数] < 50, [在园幼儿数] = 0, [在园幼儿数] >= [3-5岁儿童数] * 0.01)',
    'warning',
  ],
];

/** rules.md's rules with the profile's added ones (PROFILE_ADDED_RULES), in id order. */
export function domainRulesWithAdded(): (readonly [string, string, 'error' | 'warning'])[] {
  const order = (id: string) => id.replace(/^X/, 'Z');
  return [...DOMAIN_RULES, ...PROFILE_ADDED_RULES].sort((a, b) =>
    order(a[0]) < order(b[0]) ? -1 : order(a[0]) > order(b[0]) ? 1 : 0,
  );
}

/** items.md's items with the synonyms the profile adds (PROFILE_ADDED_SYNONYMS) after them. */
export function domainItemsWithAdded(): Record<string, [string, string, string[]][]> {
  return Object.fromEntries(
    Object.entries(DOMAIN_ITEMS).map(([form, items]) => [
      form,
      items.map(([id, name, syn]): [string, string, string[]] => [
        id,
        name,
        [...syn, ...(PROFILE_ADDED_SYNONYMS[id] ?? [])],
      ]),
    ]),
  );
}

/** items.md: the forms as [id, name, department]. */
export const DOMAIN_FORMS: readonly (readonly [string, string, string])[] = [
  ['FE1', '妇幼健康', '卫健委'],
  ['FE2', '教育', '教育局'],
  ['FE3', '民政', '民政局'],
  ['FE4', '就业与社会保障', '人社局, 医保局'],
  ['FE5', '人口与安全', '统计局, 公安局'],
];

/** items.md: every form's items as [id, canonical name, synonyms], in the documented order. */
export const DOMAIN_ITEMS: Readonly<
  Record<string, readonly (readonly [string, string, readonly string[]])[]>
> = {
  FE1: [
    ['live_births', '活产数', ['活产儿数', '活产婴儿数']],
    ['live_births_male', '男婴活产数', ['活产数（男）', '男性活产数']],
    ['live_births_female', '女婴活产数', ['活产数（女）', '女性活产数']],
    ['maternal_deaths', '孕产妇死亡数', ['孕产妇死亡人数']],
    ['neonatal_deaths', '新生儿死亡数', ['新生儿死亡人数']],
    ['infant_deaths', '婴儿死亡数', ['婴儿死亡人数']],
    ['under5_deaths', '5岁以下儿童死亡数', ['五岁以下儿童死亡数']],
    ['low_birth_weight', '低出生体重儿数', ['低体重儿数']],
    ['maternal_managed', '孕产妇系统管理人数', ['孕产妇系统管理数']],
    ['women_35_64', '35-64岁妇女数', ['35—64岁妇女人数', '应筛查妇女数']],
    ['cervical_screened', '宫颈癌筛查人数', ['宫颈癌检查人数']],
    ['breast_screened', '乳腺癌筛查人数', ['乳腺癌检查人数']],
    ['premarital_checked', '婚前医学检查人数', ['婚检人数']],
    ['children_under3', '3岁以下儿童数', ['三岁以下儿童数']],
    ['under3_managed', '3岁以下儿童系统管理人数', ['3岁以下儿童系统管理数']],
    ['children_under7', '7岁以下儿童数', ['七岁以下儿童数']],
    ['under7_managed', '7岁以下儿童健康管理人数', ['7岁以下儿童保健管理人数']],
    ['under5_measured', '5岁以下儿童身高体重检查人数', ['5岁以下儿童体检人数']],
    ['under5_stunted', '5岁以下儿童生长迟缓人数', ['生长迟缓人数']],
    ['under5_hb_tested', '5岁以下儿童血红蛋白检测人数', ['血红蛋白检测人数']],
    ['under5_anaemic', '5岁以下儿童贫血人数', ['贫血患病人数']],
    ['vaccine_due', '免疫规划疫苗应种人数', ['应种人数']],
    ['vaccine_done', '免疫规划疫苗实种人数', ['实种人数']],
  ],
  FE2: [
    ['pop_3_5', '3-5岁儿童数', ['3—5岁人口数', '学前适龄人口']],
    ['kindergarten_enrolled', '在园幼儿数', ['在园儿童数']],
    ['grade9_completers', '初中毕业生数', ['初中毕业人数']],
    ['grade1_cohort', '对应小学一年级入学人数', ['该届小学入学人数']],
    ['upper_secondary_enrolled', '高中阶段在校生数', ['高中阶段在校学生数']],
    ['pop_15_17', '15-17岁人口数', ['15—17岁人口']],
    ['fitness_tested', '学生体质健康测试人数', ['体质测试人数']],
    ['fitness_good', '体质健康优良人数', ['优良人数']],
  ],
  FE3: [
    ['village_committee_members', '村委会成员数', ['村民委员会成员数']],
    ['village_committee_women', '村委会女性成员数', ['村委会成员中女性人数']],
    ['village_heads', '村委会主任数', ['村委会主任人数']],
    ['village_heads_women', '女性村委会主任数', ['村委会主任中女性人数']],
    ['resident_committee_members', '居委会成员数', ['居民委员会成员数']],
    ['resident_committee_women', '居委会女性成员数', ['居委会成员中女性人数']],
    ['communities', '村（社区）数', ['村和社区数', '村居数']],
    ['communities_with_child_officer', '配备儿童主任的村（社区）数', ['已配备儿童主任村居数']],
    ['marriages_registered', '结婚登记人数', ['登记结婚人数']],
  ],
  FE4: [
    ['employed', '就业人员数', ['从业人员数']],
    ['employed_women', '女性就业人员数', ['就业人员中女性人数']],
    ['women_pension_due', '应参加基本养老保险女性人数', ['女性应参保人数（养老）']],
    ['women_pension_insured', '参加基本养老保险女性人数', ['女性参保人数（养老）']],
    ['women_medical_due', '应参加基本医疗保险女性人数', ['女性应参保人数（医疗）']],
    ['women_medical_insured', '参加基本医疗保险女性人数', ['女性参保人数（医疗）']],
  ],
  FE5: [
    ['pop_0_17', '0-17岁儿童人口数', ['0—17岁人口数', '儿童人口数']],
    ['child_injury_deaths', '0-17岁儿童伤害死亡数', ['儿童伤害死亡人数']],
  ],
};

/**
 * indicators.md: [id, 指标, numerator, denominator, scale, unit, direction] of the 27 indicators
 * (targets are not here: the catalogue's Corrections section supersedes its tables for them).
 */
export const DOMAIN_INDICATORS: readonly (readonly [
  string,
  string,
  string,
  string,
  number,
  string,
  string,
])[] = [
  ['W01', '孕产妇死亡率', 'maternal_deaths', 'live_births', 100000, '1/10万', 'lower'],
  ['W02', '孕产妇系统管理率', 'maternal_managed', 'live_births', 100, '%', 'higher'],
  ['W03', '适龄妇女宫颈癌筛查率', 'cervical_screened', 'women_35_64', 100, '%', 'higher'],
  ['W04', '适龄妇女乳腺癌筛查率', 'breast_screened', 'women_35_64', 100, '%', 'higher'],
  ['W05', '婚前医学检查率', 'premarital_checked', 'marriages_registered', 100, '%', 'higher'],
  ['W06', '就业人员中女性比例', 'employed_women', 'employed', 100, '%', 'higher'],
  [
    'W07',
    '村委会成员中女性比例',
    'village_committee_women',
    'village_committee_members',
    100,
    '%',
    'higher',
  ],
  ['W08', '村委会主任中女性比例', 'village_heads_women', 'village_heads', 100, '%', 'higher'],
  [
    'W09',
    '居委会成员中女性比例',
    'resident_committee_women',
    'resident_committee_members',
    100,
    '%',
    'higher',
  ],
  [
    'W10',
    '女性基本养老保险参保率',
    'women_pension_insured',
    'women_pension_due',
    100,
    '%',
    'higher',
  ],
  [
    'W11',
    '女性基本医疗保险参保率',
    'women_medical_insured',
    'women_medical_due',
    100,
    '%',
    'higher',
  ],
  ['C01', '新生儿死亡率', 'neonatal_deaths', 'live_births', 1000, '‰', 'lower'],
  ['C02', '婴儿死亡率', 'infant_deaths', 'live_births', 1000, '‰', 'lower'],
  ['C03', '5岁以下儿童死亡率', 'under5_deaths', 'live_births', 1000, '‰', 'lower'],
  ['C04', '低出生体重发生率', 'low_birth_weight', 'live_births', 100, '%', 'lower'],
  ['C05', '出生人口性别比', 'live_births_male', 'live_births_female', 100, '女=100', 'band'],
  ['C06', '3岁以下儿童系统管理率', 'under3_managed', 'children_under3', 100, '%', 'higher'],
  ['C07', '7岁以下儿童健康管理率', 'under7_managed', 'children_under7', 100, '%', 'higher'],
  ['C08', '5岁以下儿童生长迟缓率', 'under5_stunted', 'under5_measured', 100, '%', 'lower'],
  ['C09', '5岁以下儿童贫血患病率', 'under5_anaemic', 'under5_hb_tested', 100, '%', 'lower'],
  ['C10', '免疫规划疫苗接种率', 'vaccine_done', 'vaccine_due', 100, '%', 'higher'],
  ['C11', '学前教育毛入园率', 'kindergarten_enrolled', 'pop_3_5', 100, '%', 'higher'],
  ['C12', '九年义务教育巩固率', 'grade9_completers', 'grade1_cohort', 100, '%', 'higher'],
  ['C13', '高中阶段毛入学率', 'upper_secondary_enrolled', 'pop_15_17', 100, '%', 'higher'],
  ['C14', '学生体质健康达标优良率', 'fitness_good', 'fitness_tested', 100, '%', 'higher'],
  ['C15', '儿童主任配备率', 'communities_with_child_officer', 'communities', 100, '%', 'higher'],
  ['C16', '儿童伤害死亡率', 'child_injury_deaths', 'pop_0_17', 100000, '1/10万', 'lower'],
];

/** rules.md, "Default rules": [id, rule, severity], word for word. */
export const DOMAIN_RULES: readonly (readonly [string, string, 'error' | 'warning'])[] = [
  ['FE1-01', '[男婴活产数] + [女婴活产数] = [活产数]', 'error'],
  ['FE1-02', '[新生儿死亡数] <= [婴儿死亡数]', 'error'],
  ['FE1-03', '[婴儿死亡数] <= [5岁以下儿童死亡数]', 'error'],
  ['FE1-04', '[低出生体重儿数] <= [活产数]', 'error'],
  ['FE1-05', '[宫颈癌筛查人数] <= [35-64岁妇女数]', 'error'],
  ['FE1-06', '[乳腺癌筛查人数] <= [35-64岁妇女数]', 'error'],
  ['FE1-07', '[3岁以下儿童系统管理人数] <= [3岁以下儿童数]', 'error'],
  ['FE1-08', '[7岁以下儿童健康管理人数] <= [7岁以下儿童数]', 'error'],
  ['FE1-09', '[5岁以下儿童生长迟缓人数] <= [5岁以下儿童身高体重检查人数]', 'error'],
  ['FE1-10', '[5岁以下儿童贫血人数] <= [5岁以下儿童血红蛋白检测人数]', 'error'],
  ['FE1-11', '[免疫规划疫苗实种人数] <= [免疫规划疫苗应种人数]', 'error'],
  ['FE1-12', '[孕产妇系统管理人数] <= [活产数] * 1.05', 'warning'],
  ['FE1-13', 'OR([活产数] < 200, BETWEEN([男婴活产数] / [女婴活产数] * 100, 95, 125))', 'warning'],
  ['FE1-14', 'OR([活产数] < 200, [婴儿死亡数] / [活产数] * 1000 <= 20)', 'warning'],
  ['FE1-15', 'OR(PREV([活产数]) < 100, ABS([活产数] / PREV([活产数]) - 1) <= 0.3)', 'warning'],
  ['FE2-01', '[在园幼儿数] <= [3-5岁儿童数] * 1.3', 'warning'],
  ['FE2-02', '[初中毕业生数] <= [对应小学一年级入学人数] * 1.1', 'warning'],
  ['FE2-03', '[体质健康优良人数] <= [学生体质健康测试人数]', 'error'],
  ['FE3-01', '[村委会女性成员数] <= [村委会成员数]', 'error'],
  ['FE3-02', '[女性村委会主任数] <= [村委会主任数]', 'error'],
  ['FE3-03', '[村委会主任数] <= [村委会成员数]', 'error'],
  ['FE3-04', '[居委会女性成员数] <= [居委会成员数]', 'error'],
  ['FE3-05', '[配备儿童主任的村（社区）数] <= [村（社区）数]', 'error'],
  ['FE4-01', '[女性就业人员数] <= [就业人员数]', 'error'],
  ['FE4-02', '[参加基本养老保险女性人数] <= [应参加基本养老保险女性人数] * 1.05', 'warning'],
  ['FE4-03', '[参加基本医疗保险女性人数] <= [应参加基本医疗保险女性人数] * 1.05', 'warning'],
  ['FE5-01', '[0-17岁儿童伤害死亡数] <= [0-17岁儿童人口数]', 'error'],
  ['X-01', '[FE1!婚前医学检查人数] <= [FE3!结婚登记人数]', 'warning'],
];
