/**
 * Messages of the targets table (issue 9), the five statuses and mid-term progress. Part of the
 * one catalogue (index.ts).
 */
export const targets = {
  // Where a problem is.
  'targets.at': { zh: '第{row}行（{id}）：', en: 'Row {row} ({id}): ' },
  'targets.atRow': { zh: '第{row}行：', en: 'Row {row}: ' },
  'targets.inSheet': { zh: '工作表“{sheet}”', en: 'Sheet "{sheet}", ' },
  // The table cannot be used at all.
  'targets.fatal.empty': {
    zh: '指标目标表 {where} 是空的：请按“编号、目标、容差、目标年份、基期年份、基期值、来源”各列填写。',
    en: 'The targets table {where} is empty: fill in the columns 编号/id, 目标/target, 容差/band, 目标年份/targetYear, 基期年份/baseYear, 基期值/baseline, 来源/source.',
  },
  'targets.fatal.noHeader': {
    zh: '指标目标表 {where} 中找不到表头：需要“编号”和“目标”两列（英文表头 id、target 亦可）。第{row}行读到的是：{found}。',
    en: 'No header found in the targets table {where}: it needs the columns 编号/id and 目标/target. Row {row} reads: {found}.',
  },
  'targets.fatal.noTargetColumn': {
    zh: '指标目标表 {where} 第{row}行有“编号”列，但没有“目标”列（读到：{found}）。请加一列“目标”，写法如“≤12/10万”“90%以上”，留空表示仅作监测。',
    en: 'Row {row} of the targets table {where} has an id column but no 目标/target column (found: {found}). Add a target column, e.g. "≤12/10万" or "90%以上"; a blank cell means monitored only.',
  },
  'targets.fatal.noData': {
    zh: '指标目标表 {where} 的表头下面没有数据行。',
    en: 'The targets table {where} has a header but no rows under it.',
  },
  'targets.fatal.noRows': {
    zh: '指标目标表 {where} 没有一行可以采用：读到{count}行，都有问题（第{row}行：{first}）。请修改后重试。',
    en: 'No row of the targets table {where} can be used: {count} {count|row was|rows were} read and {count|it has|each has} a problem (row {row}: {first}). Correct the table and try again.',
  },
  // A row set aside.
  'targets.row.noId': {
    zh: '没有编号，该行未采用。',
    en: 'no id; the row was not used.',
  },
  'targets.row.unknownId': {
    zh: '编号“{id}”不是本监测方案的指标，该行未采用。',
    en: '"{id}" is not an indicator of this profile; the row was not used.',
  },
  'targets.row.unknownIdHint': {
    zh: '编号“{id}”不是本监测方案的指标，该行未采用。是否应为“{suggestion}”？',
    en: '"{id}" is not an indicator of this profile; the row was not used. Did you mean "{suggestion}"?',
  },
  'targets.row.idNameMismatch': {
    zh: '编号“{id}”是“{idName}”，而指标名称“{name}”是 {nameId}：编号与名称不一致，该行未采用，两项指标本次均不作评估。请核对编号或名称后重试。',
    en: '"{id}" is "{idName}" but the name "{name}" is {nameId}: the id and the name disagree, so the row was not used and neither indicator is assessed. Check the id or the name and try again.',
  },
  'targets.header.extraColumn': {
    zh: '表头有两列同类目标：按“{used}”列评估，“{other}”列未采用；如应按“{other}”评估，请删去或移后“{used}”列。',
    en: 'the header has two columns of one kind: "{used}" is used and "{other}" is not; to judge against "{other}", remove or move "{used}".',
  },
  'targets.row.conflictSheet': {
    zh: '编号{id}在工作表“{sheet}”第{row}行已有另一个目标，两处不一致：该指标本次不作评估，请删去其中一处。',
    en: '{id} has another target in sheet "{sheet}", row {row}: the two disagree, so it is not judged; remove one of them.',
  },
  'targets.row.duplicateSheet': {
    zh: '编号{id}已在工作表“{sheet}”第{row}行出现，该行未采用。',
    en: '{id} already appears in sheet "{sheet}", row {row}; this row was not used.',
  },
  'targets.row.duplicate': {
    zh: '编号{id}已在第{first}行出现，该行未采用。',
    en: '{id} already appears in row {first}; this row was not used.',
  },
  'targets.row.badTarget': {
    zh: '目标“{found}”无法识别，该指标本次不作评估。请写成 ≤N、≥N、<N、>N、N以下、N以上、低于N、高于N、N左右（另填容差）、A—B、N±B、逐步提高、逐步降低、比上年提高、比基期下降P% 之一，例如“{example}”；留空表示仅作监测。',
    en: 'The target "{found}" cannot be read, so the indicator is not assessed. Write one of ≤N, ≥N, <N, >N, N以下, N以上, 低于N, 高于N, N左右 (with a band), A—B, N±B, 逐步提高, 逐步降低, 比上年提高, 比基期下降P%, e.g. "{example}"; leave it blank for monitored only.',
  },
  'targets.row.bareNumber': {
    zh: '目标只写了数值“{found}”，看不出是上限还是下限，该指标本次不作评估。请写成如“{example}”。',
    en: 'The target is a bare number "{found}": it does not say whether it is a ceiling or a floor, so the indicator is not assessed. Write e.g. "{example}".',
  },
  'targets.row.unitMismatch': {
    zh: '“{found}”的单位是“{written}”，而{name}的单位是“{unit}”，该指标本次不作评估。请改用{unit}表示。',
    en: '"{found}" is in "{written}" but {name} is in "{unit}", so the indicator is not assessed. Write it in {unit}.',
  },
  'targets.row.rangeOrder': {
    zh: '目标“{found}”的下限{low}大于上限{high}，该指标本次不作评估。',
    en: 'The target "{found}" has its lower bound {low} above its upper bound {high}, so the indicator is not assessed.',
  },
  'targets.row.aboutNoBand': {
    zh: '目标“{found}”是“左右”，但没有填写容差，该指标本次不作评估。请在“容差”列写明允许的偏差（如 2，表示±2个百分点）。',
    en: 'The target "{found}" is "about" a value but no band is given, so the indicator is not assessed. Enter the allowed deviation in the 容差/band column (e.g. 2 for ±2 points).',
  },
  'targets.row.bandConflict': {
    zh: '目标“{found}”中写的容差与“容差”列的{band}不一致，该指标本次不作评估。',
    en: 'The band written in the target "{found}" differs from the band column ({band}), so the indicator is not assessed.',
  },
  'targets.row.badBand': {
    zh: '容差“{found}”不是正数，该指标本次不作评估。请写成如 2 或 ±2。',
    en: 'The band "{found}" is not a positive number, so the indicator is not assessed. Write e.g. 2 or ±2.',
  },
  'targets.row.badTargetYear': {
    zh: '目标年份“{found}”不是年份，该指标本次不作评估。请写成如 2030。',
    en: 'The target year "{found}" is not a year, so the indicator is not assessed. Write e.g. 2030.',
  },
  'targets.row.badBaseYear': {
    zh: '基期年份“{found}”不是年份，该指标本次不作评估。请写成如 2020。',
    en: 'The base year "{found}" is not a year, so the indicator is not assessed. Write e.g. 2020.',
  },
  'targets.row.targetYearConflict': {
    zh: '目标“{found}”写的是{text}年，与目标年份列的{value}年不一致，该指标本次不作评估。',
    en: 'The target "{found}" names {text}, but the target year column says {value}, so the indicator is not assessed.',
  },
  'targets.row.baseYearConflict': {
    zh: '目标“{found}”写的是{text}年，与基期年份列的{value}年不一致，该指标本次不作评估。',
    en: 'The target "{found}" names {text}, but the base year column says {value}, so the indicator is not assessed.',
  },
  'targets.row.badBaseline': {
    zh: '基期值“{found}”不是数值，该指标本次不作评估。',
    en: 'The baseline "{found}" is not a number, so the indicator is not assessed.',
  },
  // Notices about a row that applies.
  'targets.row.bareRead': {
    zh: '目标只写了数值“{found}”，已按指标方向读作“{read}”；如不是此意，请写明“以上”或“以下”。',
    en: 'The target is a bare number "{found}", read by the indicator\'s direction as "{read}"; if that is not meant, write 以上 or 以下.',
  },
  'targets.row.perUnitKept': {
    zh: '{name}按纲要以乡（镇、街道）为单位评估，本行目标未写明范围，仍按每个乡（镇、街道）评估。',
    en: '{name} is assessed per township (以乡（镇、街道）为单位) as the programme defines it; this row does not say otherwise, so every township is judged.',
  },
  'targets.row.fractionPercent': {
    zh: '“{found}”是小于1的小数，而{name}以%计：如指{percent}，请写成“{percent}”；该指标本次不作评估。',
    en: '"{found}" is a fraction below 1 but {name} is in %: if {percent} is meant, write "{percent}"; the indicator is not assessed.',
  },
  'targets.row.relativePercent': {
    zh: '目标“{found}”按相对变化读作基期值的{factor}倍；如指百分点，请直接写出目标值（如“{example}”）。',
    en: 'The target "{found}" is read as a relative change ({factor} × the baseline); if percentage points are meant, write the level itself (e.g. "{example}").',
  },
  'targets.row.trendWithLevel': {
    zh: '目标“{found}”既有“{trend}”又有数值要求，已按数值要求评估；“{trend}”的情况见与上年、基期的比较。',
    en: 'The target "{found}" states both "{trend}" and a level; it is judged against the level, and "{trend}" shows in the comparison with last year and the base year.',
  },
  'targets.row.baselineNoTarget': {
    zh: '目标为空，该指标仅作监测，已填写的基期值“{found}”未使用；如需评估，请在“目标”列填写目标（如“比基期下降20%”）。',
    en: 'The target is blank, so the indicator is monitored only and the baseline "{found}" is not used; to assess it, fill in the target (e.g. 比基期下降20%).',
  },
  'targets.row.bandIgnored': {
    zh: '容差“{found}”只用于“左右”目标，本行已忽略。',
    en: 'The band "{found}" applies only to "about" targets and was ignored.',
  },
  'help.targets': {
    zh: '指标目标表（CSV 或 .xlsx）：编号、目标、容差、目标年份、基期年份、基期值、来源；未列出的指标按监测方案目标',
    en: "the office's targets table (CSV or .xlsx): id, target, band, targetYear, baseYear, baseline, source; indicators it does not list keep the profile's targets",
  },
  'help.stage': {
    zh: '评估类型：annual（年度）或 midterm（中期：另按基期到目标年份的直线判断进度）',
    en: 'annual, or midterm (also judges progress against the line from base year to target year)',
  },
  // The pane.
  'pane.insertTargets': { zh: '插入指标目标表', en: 'Insert targets sheet' },
  'pane.stage.targets': { zh: '正在插入指标目标表…', en: 'Inserting the targets sheet…' },
  'pane.targetsInserted': {
    zh: '已插入工作表“{sheet}”，列出 {count} 项指标的监测方案默认目标（“来源”列注明出处，未能核实的已注明）。可改为本地规划的目标、填写容差和基期值；生成报告时即按表中的目标评估。',
    en: 'Inserted the sheet “{sheet}” with the profile’s default targets of {count} indicators (the 来源 column says where each comes from and which could not be verified). Change them to your local plan, add bands and baselines; the report judges against this sheet.',
  },
  'pane.targetsExists': {
    zh: '工作簿中已有指标目标表“{sheet}”，已切换到该表，未作改动。如需恢复默认目标，请删除或重命名该表后再插入。',
    en: 'The workbook already has the targets sheet “{sheet}”; Tally switched to it and changed nothing. To get the default targets back, delete or rename it and insert again.',
  },
  'pane.targetsFailed': {
    zh: '插入指标目标表失败：{detail}。{hint}',
    en: 'Inserting the targets sheet failed: {detail}. {hint}',
  },
  'pane.stageSetting': { zh: '评估类型', en: 'Evaluation' },
  'pane.stageAnnual': { zh: '年度监测', en: 'Annual' },
  'pane.stageMidterm': { zh: '中期评估', en: 'Mid-term' },
  'pane.stageHint': {
    zh: '中期评估另按基期值到目标年份的直线判断进度（需在指标目标表中填写基期年份和基期值）。',
    en: 'A mid-term evaluation also judges progress on the line from the baseline to the target year (enter base years and baselines in the targets sheet).',
  },
  'targets.sheetLabel': { zh: '{file}的工作表“{sheet}”', en: 'sheet "{sheet}" of {file}' },
  'targets.sheetsLabel': { zh: '{file}的工作表{sheets}', en: 'sheets {sheets} of {file}' },

  // The five statuses and mid-term progress.
  'status.notAssessable': { zh: '无法评估', en: 'not assessable' },
  'status.noTarget': { zh: '仅监测', en: 'monitored only' },
  'progress.onTrack': { zh: '进度达标', en: 'on track' },
  'progress.behind': { zh: '进度滞后', en: 'behind' },
  'progress.notAssessable': { zh: '—', en: '—' },
  'col.progress': { zh: '中期进度', en: 'Mid-term progress' },
  'col.expected': { zh: '进度值', en: 'On the line' },

  // The summary sheet says whose targets it used.
  'report.targetsProfile': {
    zh: '目标：监测方案默认目标（{checked}项已与公开文件核对，{unchecked}项未能核实）',
    en: "Targets: the profile's defaults ({checked} checked against public documents, {unchecked} not verified)",
  },
  'report.targetsTable': {
    zh: '目标：{label}（{n}项{invalid}），其余{rest}项按监测方案默认目标',
    en: "Targets: {label} ({n}{invalid}), the other {rest} the profile's defaults",
  },
  'report.stageMidterm': { zh: '评估类型：中期评估', en: 'Stage: mid-term evaluation' },

  // The narrative.
  'n.overviewProgress': {
    zh: '按基期至目标年份的直线进度评估，可评估进度的{assessed}项指标中，进度达标{onTrack}项，进度滞后{behind}项。',
    en: 'Against the straight line from the base year to the target year, {onTrack} of the {assessed} {assessed|indicator|indicators} whose progress can be judged {onTrack|is|are} on track and {behind} {behind|is|are} behind.',
  },
  'n.noTargetClause': {
    zh: '（仅作监测，不设目标）。',
    en: ' (monitored without a target).',
  },
  'n.plausibleIn': { zh: '，在{range}的正常范围内', en: ', inside the normal range of {range}' },
  'n.plausibleOut': {
    zh: '，超出{range}的正常范围',
    en: ', outside the normal range of {range}',
  },
  'n.notAssessable.smallNumber': {
    zh: '，因例数较少、比率年际波动大，不据与上年的比较判断是否实现“{target}”的目标。',
    en: '; with so few events the rate swings from year to year, so whether it meets {target} is not judged from last year alone.',
  },
  'n.notAssessable.unitsUnknown': {
    zh: '，有数据的乡（镇、街道）均已达到，但{units}无数据，是否实现“{target}”的目标暂无法判断。',
    en: '; every township with data meets it, but {units} {count|has|have} none, so whether the target of {target} is met township by township cannot be said yet.',
  },
  'n.notAssessable.noBand': {
    zh: '，目标为“{target}”，因未明确“左右”的范围，本次暂不评估是否达标。',
    en: '; no band is set for its target of {target}, so it is not judged this time.',
  },
  'n.notAssessable.targetInvalid': {
    zh: '，因指标目标表中的目标未能识别，本次暂不评估。',
    en: '; its target in the targets table could not be read, so it is not assessed.',
  },
  'n.notAssessable.noBaseline': {
    zh: '，因缺少基期数据，暂无法判断是否实现“{target}”的目标。',
    en: '; without a baseline it cannot be judged against the target of {target}.',
  },
  'targets.finding.unitBelow': {
    zh: '{unit}{name}为{value}，未达到“{target}”的目标（该目标按乡（镇、街道）逐一考核）。',
    en: '{name} in {unit} is {value}, short of the target "{target}", which holds for every township.',
  },
  'n.unitsBelow': {
    zh: '，但按乡（镇、街道）计，{units}未达到{goal}，未实现“{target}”的目标。',
    en: ', but {units} {count|falls|fall} below {goal}, so the target of {target} is not met township by township.',
  },
  'n.unitsBelowAlso': {
    zh: '，按乡（镇、街道）计，{units}未达到{goal}',
    en: '; township by township, {units} {count|falls|fall} below {goal}',
  },
  'n.progress.onTrack': {
    zh: '按{baseYear}年基期值{baseline}至{targetYear}年目标的直线进度，本期应达到{expected}，进度达标。',
    en: ' On a straight line from {baseline} in {baseYear} to the {targetYear} target it should now be at {expected}: it is on track.',
  },
  'n.progress.keptOnTrack': {
    zh: '{baseYear}年基期值{baseline}即已达到目标，本期继续保持，进度达标。',
    en: ' The {baseYear} baseline of {baseline} already met the target, and it still does: on track.',
  },
  'n.progress.keptBehind': {
    zh: '{baseYear}年基期值{baseline}即已达到目标，本期未能保持，进度滞后。',
    en: ' The {baseYear} baseline of {baseline} already met the target, which it now misses: behind.',
  },
  'n.progress.behind': {
    zh: '按{baseYear}年基期值{baseline}至{targetYear}年目标的直线进度，本期应达到{expected}，进度滞后。',
    en: ' On a straight line from {baseline} in {baseYear} to the {targetYear} target it should now be at {expected}: it is behind.',
  },
  'n.quality.targetsProfile': {
    zh: '各指标目标采用监测方案的默认目标，其中{checked}项的目标及表述已与以下文件核对：{docs}。',
    en: "Every target is the profile's default; {checked} of them were checked against: {docs}.",
  },
  'n.quality.targetsProfileNone': {
    zh: '各指标目标采用监测方案的默认目标，均未能与可查的纲要原文核对。',
    en: "Every target is the profile's default; none could be checked against a findable programme text.",
  },
  'n.quality.targetsTable': {
    zh: '本报告采用{label}中的{n}项目标{invalid}，其余{rest}项采用监测方案的默认目标。本地目标的来源：',
    en: "{n} {n|target comes|targets come} from {label}{invalid}; the other {rest} {rest|is the profile's default|are the profile's defaults}. Sources of the local targets:",
  },
  'targets.invalidNote': {
    zh: '；另有{count}项因目标表中的行有误未作评估',
    en: '; {count} more not assessed because {count|its row has|their rows have} problems',
  },
  'n.quality.source': { zh: '{source}：{ids}', en: '{source}: {ids}' },
  'n.quality.noSourceGiven': { zh: '未注明', en: 'not given' },
  'n.quality.targetProblems': {
    zh: '指标目标表有{count}处问题：',
    en: 'The targets table has {count} {count|problem|problems}:',
  },
  'n.quality.noTargetList': {
    zh: '以下指标仅作监测、不设目标，不计入达标率：{list}。',
    en: 'These indicators are monitored without a target and are left out of the attainment rate: {list}.',
  },
  'n.quality.tableNoSource': {
    zh: '指标目标表中以下目标未注明来源：{list}。',
    en: 'The targets table gives no source for: {list}.',
  },
  'n.quality.plausibleOut': {
    zh: '{name}为{value}，超出{range}的正常范围，请核实。',
    en: '{name} is {value}, outside the normal range of {range}: check it.',
  },
} as const;
