/**
 * Messages of the narrative report written for leadership (issue 10: sentences that vary as
 * a 统计监测报告's do) and of its 数据质量说明, the statistician's own notes. Part of the one
 * catalogue (index.ts).
 *
 * A placeholder may pick a word by a count: `{n|one|other}` (see t()). English sentences are
 * put together from parts; the code capitalises the first letter of each.
 */
export const narrativeMessages = {
  // Headings: numbered by the code, so a report without one programme's indicators keeps 一、二、.
  'n.h.numbered': { zh: '{n}、{text}', en: '{n}. {text}' },
  'n.head.overview': { zh: '总体情况', en: 'Overview' },
  'n.head.women': { zh: '妇女发展纲要实施情况', en: 'The programme for women' },
  'n.head.children': { zh: '儿童发展纲要实施情况', en: 'The programme for children' },
  'n.head.next': { zh: '下一步工作', en: 'Next steps' },

  'n.preamble': {
    zh: '为全面反映妇女儿童发展纲要实施进展情况，根据{departments}报送的统计数据，对{area}{units}个{noun}的两纲监测指标进行了汇总分析。',
    en: 'This report pools the figures that {departments} reported for the {units} {noun} of {area}.',
  },
  'n.noun.township': { zh: '乡镇（街道）', en: '{n|township|townships}' },
  'n.noun.village': { zh: '村（社区）', en: '{n|village|villages}' },
  'n.noun.county': { zh: '县（市、区）', en: '{n|county|counties}' },
  'n.noun.unit': { zh: '填报单位', en: 'reporting {n|unit|units}' },
  /** A list of units cut at LIST_CAP: `{count}` all of them, `{more}` those not named. */
  'n.listMore': { zh: '{list}等{count}个{noun}', en: '{list} and {more} other {noun}' },
  'n.openErrorsLead': {
    zh: '注：本报告所用数据中尚有{open}条强制性审核错误未解决，相关数值为初步数据，详见数据质量说明。',
    en: 'Note: {open} audit {open|error is|errors are} still open in the data, so the figures are provisional; see the data quality notes.',
  },
  // The overview: counts that add up to the summary table's (a test reads them back).
  'n.ov.total': {
    zh: '{period}年，{region}纳入监测的两纲指标共{monitored}项，其中妇女发展纲要指标{women}项、儿童发展纲要指标{children}项。',
    en: 'In {period}, {region} monitored {monitored} indicators, {women} of the programme for women and {children} of the programme for children.',
  },
  'n.ov.targeted': {
    zh: '在设有目标的{targeted}项指标中，{counts}',
    en: 'Of the {targeted} with a target, {counts}',
  },
  'n.ov.met': {
    zh: '已达到目标的{met}项（妇女{womenMet}项、儿童{childrenMet}项）',
    en: '{met} {met|was|were} met ({womenMet} for women, {childrenMet} for children)',
  },
  'n.ov.notMet': { zh: '尚未达到的{notMet}项', en: '{notMet} {notMet|was|were} not' },
  'n.ov.notAssessable': {
    zh: '暂无法评估的{notAssessable}项',
    en: '{notAssessable} could not be assessed',
  },
  'n.ov.noData': { zh: '无数据的{noData}项', en: '{noData} had no data' },
  'n.ov.noTarget': {
    zh: '；另有{noTarget}项仅作监测、不设目标',
    en: '; {noTarget} more {noTarget|is|are} monitored without a target',
  },
  'n.ov.noTargets': {
    zh: '所有指标均仅作监测、不设目标。',
    en: 'None of them has a target: all are monitored only.',
  },
  'n.ov.rate': {
    zh: '按可评估的{assessable}项指标计算，达标率为{rate}%。',
    en: 'Over the {assessable} {assessable|indicator|indicators} that could be judged, the attainment rate is {rate}%.',
  },
  'n.ov.rateNone': {
    zh: '暂无可评估的指标，未计算达标率。',
    en: 'No indicator could be judged, so there is no attainment rate.',
  },
  'n.overviewNotMet': {
    zh: '尚未达标的{count}项指标分布在{list}领域。',
    en: 'The {count} {count|indicator|indicators} not met {count|is|are} in {list}.',
  },
  'n.domainCount': { zh: '{domain}（{count}项）', en: '{domain} ({count})' },

  // One indicator: its subject, value and change.
  'n.subjectLead': { zh: '{period}年，{area}{name}', en: 'in {period}, the {name} in {area}' },
  'n.subject': { zh: '{name}', en: 'the {name}' },
  'n.is': { zh: '{subject}为{value}', en: '{subject} was {value}' },
  'n.priorYear': { zh: '上年', en: 'the previous year' },
  'n.priorPeriod': { zh: '{period}年', en: '{period}' },
  'n.change': {
    zh: '，比{prior}{verb}{change}{points}',
    en: ', {verb} {change}{points} on {prior}',
  },
  'n.changeComparable': {
    zh: '，按可比口径（两年均汇总的单位）比{prior}{verb}{change}{points}',
    en: ', {verb} {change}{points} on {prior} over the units of both years',
  },
  'n.changeSameComparable': {
    zh: '，按可比口径（两年均汇总的单位）与{prior}持平',
    en: ', the same as {prior} over the units of both years',
  },
  'n.changeShort': { zh: '，{verb}{change}{points}', en: ', {verb} {change}{points}' },
  'n.metAll': {
    zh: '，均已实现“{target}”的目标。',
    en: ', {two|both|all} meeting the target of {target}.',
  },
  'n.metEach': {
    zh: '，分别实现了{targets}的目标。',
    en: ', meeting the targets of {targets} respectively.',
  },
  'n.quoted': { zh: '“{text}”', en: '{text}' },
  'n.unitValue': { zh: '{unit}（{value}）', en: '{unit} ({value})' },
  'n.unitsSame': { zh: '{units}（均为{value}）', en: '{units} ({value} each)' },
  'n.unitsMissAll': {
    zh: '，{units}未达到目标',
    en: '; {units} {count|misses|miss} it',
  },
  'n.unitsMissSome': {
    zh: '，{units}等{count}个{noun}未达到目标',
    en: '; {count} {noun} miss it, the furthest off being {units}',
  },
  'n.trendLow': { zh: '，从{noun}看，{units}相对较低', en: '; it is lowest in {units}' },
  'n.trendHigh': { zh: '，从{noun}看，{units}相对较高', en: '; it is highest in {units}' },
  'n.noData.noValueMany': {
    zh: '{subject}暂无数据，各单位均未报送相关数据。',
    en: '{subject} have no data: no unit reported them.',
  },
  'n.smallNote': {
    zh: '注：{list}，例数较少，{count|该比率|相应比率}波动较大。',
    en: 'Note: {count|this rate rests|these rates rest} on few events ({list}) and {count|fluctuates|fluctuate} widely from year to year.',
  },
  'n.smallItem': { zh: '{item}{n}{unit}', en: '{item}: {n}' },

  // Next steps, one item a department.
  'n.nextDeptPart': {
    zh: '{department}（{domains}领域{count}项）',
    en: 'the {department} ({count} in {domains})',
  },
  'n.nextAll': {
    zh: '针对尚未达标的{count}项指标，{departments}{many|要|等部门要}逐项分析原因，制定改进措施，加强对薄弱{noun}的指导和督促；各成员单位要巩固已达标指标的成果，推动两纲目标如期实现。',
    en: 'For the {count} {count|indicator|indicators} not met, {departments} should find out why indicator by indicator, plan improvements and give the weakest {noun} closer guidance; every member unit should hold on to the targets already met.',
  },

  // 数据质量说明: the statistician's notes, a sheet and a part of the document of their own.
  'q.sheet': { zh: '数据质量说明', en: 'Data quality notes' },
  'q.title': {
    zh: '{region}{period}年两纲监测数据质量说明',
    en: '{region} {period}: data quality notes on the monitoring',
  },
  'q.purpose': {
    zh: '本说明列出审核、汇总和目标核对中需要统计人员核实或说明的事项，供核对数据使用，不属于报告正文。',
    en: 'These notes list what the statistician must check or explain after the audit, the roll-up and the targets. They are for checking the data and are not part of the report.',
  },
  /** The report's title in the Word document: a line break (\n) where it may wrap. */
  'doc.title': {
    zh: '{region}{period}年妇女儿童发展纲要\n监测统计评估报告',
    en: "{region} {period}: statistical monitoring report on the women's and children's development programmes",
  },
  'doc.annexN': { zh: '附件{n}', en: 'Annex {n}' },
  'q.h.audit': { zh: '审核情况', en: 'The audit' },
  'q.h.provisional': { zh: '初步数据和小数字', en: 'Provisional values and small numbers' },
  'q.h.values': { zh: '需要核实的数值', en: 'Values to check' },
  'q.h.targets': { zh: '目标及其来源', en: 'Targets and their sources' },
  'q.h.notes': { zh: '指标口径', en: 'Definitions' },
  'q.moreExplanations': {
    zh: '另有{more}条核实说明未在此列出，详见“审核说明”工作表。',
    en: '{more} more {more|explanation is|explanations are} not listed here; see the sheet “审核说明”.',
  },
  'q.openErrors': {
    zh: '数据中仍有{open}条强制性审核错误未解决，报告中的相关数值可能不准确，请修正后重新生成报告。',
    en: 'The data still has {open} open audit {open|error|errors}, so figures of the report may be wrong: fix {open|it|them} and run the report again.',
  },
  'q.over100Explained': {
    zh: '{name}：{unit}为{value}，超过100%；该单位已说明：“{text}”（{rule}）。',
    en: '{name}: {value} in {unit}, above 100%; the unit explained: "{text}" ({rule}).',
  },
  'q.noBand': {
    zh: '{name}：“{target}”未规定容差，暂无法判断是否达标，可在指标目标表中填写容差。',
    en: '{name}: "{target}" states no band, so whether it is met cannot be judged; enter a band in the targets table.',
  },
  'q.noBandUnverified': {
    zh: '{name}：“{target}”未规定容差，且该目标的表述未能核实，暂无法判断是否达标。请按本地纲要在指标目标表中填写目标和容差。',
    en: '{name}: "{target}" states no band and its wording could not be verified, so whether it is met cannot be judged. Enter the local programme\'s target and band in the targets table.',
  },
  'q.priorCoverage': {
    zh: '{name}：本年与上年汇总的单位不同（本年有、上年无：{onlyNow}；上年有、本年无：{onlyPrior}），与上年的比较按两年均汇总的单位计算（可比口径：本年{now}，上年{prior}）；请补齐数据或核对单位名称。',
    en: '{name}: this year and last year pool different units (this year only: {onlyNow}; last year only: {onlyPrior}), so the comparison with last year is over the units of both years (this year {now}, last year {prior}); complete the figures or check the unit names.',
  },
  'q.noBaseline': {
    zh: '{name}：未提供基期值，暂无法判断是否实现“{target}”的目标，请在指标目标表中填写基期年份和基期值。',
    en: '{name}: without a baseline it cannot be judged against "{target}"; enter the base year and its value in the targets table.',
  },
  'q.unitsUnknown': {
    zh: '{name}：“{target}”要求每个乡（镇、街道）都达到，{units}无数据，暂无法判断是否达标。请补齐数据后重新生成报告。',
    en: '{name}: "{target}" must hold in every township, and {units} {count|has|have} no data, so it cannot be judged yet. Fill in the data and run the report again.',
  },
  'q.targetInvalid': {
    zh: '{name}：指标目标表第{row}行的目标未能识别，本次未作评估。',
    en: '{name}: the target in row {row} of the targets table could not be read, so it was not assessed.',
  },
} as const;
