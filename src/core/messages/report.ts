/** Messages of the summary sheet and the narrative report. Part of the one catalogue (index.ts). */
export const report = {
  'report.wholeArea': { zh: '全部地区', en: 'All areas' },
  'report.summarySheet': { zh: '指标汇总', en: 'Indicator summary' },
  'report.narrativeSheet': { zh: '监测报告', en: 'Monitoring report' },
  'report.summaryTitle': {
    zh: '{region}{period}年妇女儿童发展纲要监测指标汇总表',
    en: "{region} {period}: indicators of the women's and children's development programmes",
  },
  'report.narrativeTitle': {
    zh: '{region}{period}年妇女儿童发展纲要监测统计评估报告',
    en: "{region} {period}: statistical monitoring report on the women's and children's development programmes",
  },
  'report.meta': {
    zh: '监测方案：{profile}　生成时间：{time}　审核：强制性错误 {errors} 条（未解决 {open} 条），核实性问题 {warnings} 条（已说明 {explained} 条）',
    en: 'Profile: {profile}   Generated: {time}   Audit: {errors} {errors|error|errors} ({open} open), {warnings} {warnings|warning|warnings} ({explained} explained)',
  },
  'report.openErrors': {
    zh: '注意：数据中仍有 {open} 条未解决的强制性审核错误，以下结果可能不准确，请修正后重新生成。',
    en: 'Caution: the data still has {open} open audit {open|error|errors}; the figures below may be wrong. Fix them and run the report again.',
  },
  'col.outline': { zh: '纲要', en: 'Programme' },
  'col.domain': { zh: '领域', en: 'Domain' },
  'col.id': { zh: '编号', en: 'ID' },
  'col.name': { zh: '指标', en: 'Indicator' },
  'col.value': { zh: '数值', en: 'Value' },
  'col.unit': { zh: '单位', en: 'Unit' },
  'col.numerator': { zh: '分子', en: 'Numerator' },
  'col.denominator': { zh: '分母', en: 'Denominator' },
  'col.target': { zh: '目标', en: 'Target' },
  'col.status': { zh: '达标情况', en: 'Status' },
  'col.prior': { zh: '上年', en: 'Previous' },
  'col.change': { zh: '变化', en: 'Change' },
  'col.changeUnit': { zh: '变化单位', en: 'Change unit' },
  'col.small': { zh: '小数字', en: 'Small n' },
  'col.verified': { zh: '目标已核对', en: 'Target verified' },
  'col.met': { zh: '达标', en: 'Met' },
  'col.monitored': { zh: '监测', en: 'Monitored' },
  'col.assessable': { zh: '可评估', en: 'Assessable' },
  'col.rate': { zh: '达标率(%)', en: 'Share met (%)' },
  'status.met': { zh: '达标', en: 'met' },
  'status.notMet': { zh: '未达标', en: 'not met' },
  'status.noData': { zh: '无数据', en: 'no data' },
  'outline.women': { zh: '妇女发展纲要', en: "Programme for women's development" },
  'outline.children': { zh: '儿童发展纲要', en: "Programme for children's development" },
  'cell.subtotal': { zh: '（合计）', en: ' (total)' },
  'cell.notReported': { zh: '未报', en: 'not reported' },
  'cell.leftOut': { zh: '缺', en: 'missing' },
  'cell.zeroDenominator': { zh: '分母为0', en: 'zero denominator' },
  'cell.small': { zh: '是', en: 'yes' },
  'cell.yes': { zh: '是', en: 'yes' },
  'cell.no': { zh: '否', en: 'no' },
  'report.chartTitle': { zh: '各领域指标达标率', en: 'Share of indicators met, by domain' },
  'report.domainTable': { zh: '分领域达标情况', en: 'Targets met by domain' },
  'report.legend': {
    zh: '说明：数值由各单位分子、分母合计后重新计算，不是各单位比率的平均；“缺”表示该单位分子或分母缺报，未计入合计；“未报”表示该单位未报送相应报表；小数字表示分子少于20，比率不稳定。',
    en: 'Note: values are recomputed from the pooled numerators and denominators, never averaged; "missing" means the unit left the numerator or denominator blank and is left out of the pool; "not reported" means the unit did not submit the form; small n means a numerator below 20 (an unstable rate).',
  },
  'report.legendComparable': {
    zh: '{list}两年汇总的单位不同，“变化”（带*）按可比口径（两年均汇总的单位）计算，与“上年”列的公布值不直接相减，详见数据质量说明。',
    en: ' For {list}, the two years pool different units: the change (marked *) is over the units of both years, not this year less the published prior (see the data quality notes).',
  },
  'n.domainHead': { zh: '（{n}）{domain}', en: '({n}) {domain}' },
  'n.changeSame': { zh: '，与{prior}持平', en: ', unchanged from {prior}' },
  'n.met': { zh: '，已实现“{target}”的目标。', en: ', meeting the target of {target}.' },
  'n.notMet': {
    zh: '，距“{target}”的目标尚差{gap}{points}',
    en: ', {gap}{points} short of the target of {target}',
  },
  'n.notMetAtBound': {
    zh: '，恰与目标值持平，未达到“{target}”的目标',
    en: ', exactly at the bound, so not meeting the target of {target}',
  },
  'n.trendBaselineYear': {
    zh: '，与{baseYear}年基期值{baseline}相比',
    en: ', against the {baseYear} baseline of {baseline}',
  },
  'n.trendBaseline': { zh: '，与基期值{baseline}相比', en: ', against the baseline of {baseline}' },
  'n.notMetTrend': {
    zh: '，未实现“{target}”的目标',
    en: ', so the target of {target} is not met',
  },
  'n.noData.noValue': {
    zh: '{subject}暂无数据，各单位均未报送相关数据。',
    en: '{subject} has no data: no unit reported it.',
  },
  'n.noData.setAside': {
    zh: '{subject}暂无法计算：{units}报送的相关数据均有审核错误，暂未计入汇总，待核实更正后重新汇总。',
    en: '{subject} cannot be computed yet: the figures {units} reported for it all failed an audit check and are set aside until they are checked and corrected.',
  },
  'n.noData.zeroDenominator': {
    zh: '{subject}暂无法计算，相关基数合计为0。',
    en: '{subject} cannot be computed: the figure it is a share of adds up to 0.',
  },
  'n.noData.noPrior': {
    zh: '，因缺少上年数据，暂无法判断是否实现“{target}”的目标。',
    en: '; without the previous year it cannot be judged against the target of {target}.',
  },
  'n.noData.priorCoverage': {
    zh: '，因上年汇总的单位与本年不同，两年数值不可比，暂无法判断是否实现“{target}”的目标。',
    en: '; last year pooled other units than this year, so the two are not comparable and it cannot be judged against the target of {target}.',
  },
  'n.noData.noBaseline': {
    zh: '，因缺少{baseYear}年基期数据，暂无法判断是否实现“{target}”的目标。',
    en: '; without the {baseYear} baseline it cannot be judged against the target of {target}.',
  },
  'n.quality.scope': {
    zh: '本次共审核报表{forms}张，涉及填报单位{units}个。',
    en: '{forms} {forms|form|forms} from {units} reporting {units|unit|units} {forms|was|were} audited.',
  },
  'n.quality.errors': {
    zh: '发现强制性审核错误{errors}条，其中尚未解决{open}条。',
    en: '{errors} audit {errors|error was|errors were} found, {open} of them still open.',
  },
  'n.quality.errorsNone': { zh: '未发现强制性审核错误。', en: 'No audit errors were found.' },
  'n.quality.warnings': {
    zh: '核实性审核问题{warnings}条，已填写说明{explained}条。',
    en: '{warnings} {warnings|warning needs|warnings need} an explanation (explained so far: {explained}).',
  },
  'n.quality.explanation': { zh: '{unit}（{rule}）：{text}', en: '{unit} ({rule}): {text}' },
  'n.quality.missing': { zh: '未报送的单位：{list}。', en: 'Units that did not report: {list}.' },
  'n.quality.missingNone': { zh: '所有应报单位均已报送。', en: 'Every expected unit reported.' },
  'n.quality.missingNoneLeftOut': {
    zh: '所有应报单位均已报送报表，但以下单位因分子或分母缺报而未计入相应指标：{list}。',
    en: 'Every expected unit sent its forms, but these were left out of an indicator because its numerator or denominator was missing: {list}.',
  },
  'n.quality.leftOut': {
    zh: '以下单位因分子或分母缺报而未计入相应指标：{list}。',
    en: 'Units left out of an indicator because its numerator or denominator was missing: {list}.',
  },
  'n.quality.small': {
    zh: '以下指标分子少于20，属小数字，比率不稳定：{list}。',
    en: 'These indicators rest on fewer than 20 events and are unstable: {list}.',
  },
  'n.quality.over100': {
    zh: '{name}：{units}超过100%，不合常理，请核实分子、分母。',
    en: '{name}: {units} above 100%, which a share cannot be; check the numerator and denominator.',
  },
  'n.quality.unverified': {
    zh: '以下{count}项指标的目标及其表述未能在可查的纲要原文或权威发布中核实（见各指标的来源说明），对其达标与否的判断仅供参考，请按本地纲要在指标目标表中确认：{list}。',
    en: 'The targets and wording of {count} {count|indicator|indicators} could not be checked against a findable programme text or official release (see each source), so {count|its judgement is|their judgements are} provisional; confirm them against the local programme in the targets table: {list}.',
  },
  'n.nextNone': {
    zh: '各成员单位继续保持各项指标的良好态势，做好下一年度监测工作。',
    en: 'Every member unit should keep up the progress and prepare the next round of monitoring.',
  },
  'n.listSep': { zh: '、', en: ', ' },
  'n.and': { zh: '、', en: ', ' },
} as const;

/** Messages of the blank-form template. */
export const template = {
  // Headers of the blank forms: the Chinese header Tally recognises, with an English gloss
  // after a space in English (normalize.ts drops the gloss when the form is read back).
  'tpl.code': { zh: '统计用区划代码', en: '统计用区划代码 Division code' },
  'tpl.unit': { zh: '乡镇（街道）', en: '乡镇（街道） Reporting unit' },
  'tpl.total': { zh: '合计', en: '合计 Total' },
  'tpl.title': { zh: '{period}年{form}统计表（{id}）', en: '{form} ({id}), {period}' },
  'tpl.filler': {
    zh: '填报单位：{department}　　填报人：　　　　联系电话：　　　　报出日期：',
    en: 'Filled in by: {department}     Name:          Phone:          Date:',
  },
  'tpl.validation': {
    zh: '请填写不小于 0 的整数；不详请留空，不要填 0。',
    en: 'Enter a whole number ≥ 0; leave it blank if unknown, never 0.',
  },
  'tpl.instructions': { zh: '填表说明', en: 'Instructions' },
  'tpl.i.title': { zh: '{profile} 填表说明', en: '{profile}: how to fill in the forms' },
  'tpl.i.1': {
    zh: '1. 每个工作表是一张报表，每行一个填报单位，每列一个数据项；请勿增删列、改动表头。',
    en: '1. Each sheet is one form: one row per reporting unit, one column per data item; do not add, remove or rename columns.',
  },
  'tpl.i.2': {
    zh: '2. 数据一律填写阿拉伯数字（不加单位、不加千位分隔符）；数据不详请留空，确实为零才填 0。',
    en: '2. Enter plain numbers (no units, no thousands separators); leave a cell blank when unknown and enter 0 only for a real zero.',
  },
  'tpl.i.3': {
    zh: '3. 合计行由公式自动计算，请勿手工改写。',
    en: '3. The total row is computed by formulas; do not overwrite it.',
  },
  'tpl.i.4': {
    zh: '4. 比上年变化较大的数据，请在报送时附书面说明。',
    en: '4. Explain in writing any figure that changed sharply from last year.',
  },
  'tpl.i.5': {
    zh: '5. 填好后请用 Tally 审核（tally validate 或 Excel 中的“审核”按钮），修正全部错误后报送。',
    en: '5. Audit the filled forms with Tally (tally validate, or the Audit button in Excel) and fix every error before submitting.',
  },
} as const;
