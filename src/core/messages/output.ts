/**
 * Messages of the printed report and the Word document (issue 10): the per-unit sheet, page
 * headers and footers, the document's annex. Part of the one catalogue (index.ts).
 *
 * A placeholder may pick a singular or plural word by a count: `{n|warning|warnings}` is
 * `warning` when n is 1, else `warnings` (see t()).
 */
export const output = {
  'report.unitsSheet': { zh: '分单位指标', en: 'Indicators by unit' },
  'report.unitsSheetMore': { zh: '{name}（续{n}）', en: '{name} ({n})' },
  'report.unitsTitle': {
    zh: '{region}{period}年妇女儿童发展纲要监测指标（分单位）',
    en: "{region} {period}: indicators of the women's and children's development programmes by reporting unit",
  },
  'report.unitsLegend': {
    zh: '说明：各单位数值由该单位的分子、分母计算；“缺”表示该单位分子或分母缺报，“未报”表示该单位未报送相应报表；红色数值未达到目标值。全区域数值见“{summary}”。',
    en: 'Note: each value is computed from that unit\'s own numerator and denominator; "missing" means the unit left the numerator or denominator blank, "not reported" that it did not submit the form; values in red miss the target. The whole area\'s values are on "{summary}".',
  },
  'col.unitName': { zh: '地区', en: 'Reporting unit' },
  'col.measure': { zh: '计量单位', en: 'Unit' },
  'col.internal': { zh: '（以下为核对用）', en: '(for checking)' },
  'outline.short.women': { zh: '妇女发展纲要', en: 'Women' },
  'outline.short.children': { zh: '儿童发展纲要', en: 'Children' },
  'unit.perHundredThousand': { zh: '1/10万', en: 'per 100,000' },
  'unit.perMille': { zh: '‰', en: '‰' },
  'unit.sexRatio': { zh: '女=100', en: 'per 100 girls' },
  'print.header': { zh: '{region}　{period}年', en: '{region}, {period}' },
  'print.page': { zh: '第 {page} 页，共 {pages} 页', en: 'Page {page} of {pages}' },
  'doc.annex': { zh: '附件', en: 'Annex' },
  'doc.tableTitle': {
    zh: '{region}{period}年妇女儿童发展纲要\n监测指标汇总表',
    en: "{region} {period}: indicators of the women's and children's development programmes",
  },
  'doc.tableNote': {
    zh: '注：数值由各单位分子、分母合计后重新计算；“变化”为比上年增减，%指标为百分点，‰指标为千分点，1/10万指标为十万分点。',
    en: 'Note: values are recomputed from the pooled numerators and denominators; "change" is the change from the previous year, in percentage points for %, per-mille points for ‰ and points per 100,000 for rates per 100,000.',
  },
  'doc.date': { zh: '{year}年{month}月{day}日', en: '{day} {monthName} {year}' },
  'pane.downloadDocx': { zh: '下载报告 (Word)', en: 'Download report (Word)' },
  'pane.downloadDocxFailed': {
    zh: 'Word 文档未能生成：{detail}。请再次点击“汇总并生成报告”，或用命令行 tally report --docx 生成。',
    en: 'The Word document could not be made: {detail}. Run the report again, or make it with tally report --docx on the command line.',
  },
  'pane.docxMaking': { zh: '正在生成 Word 文档…', en: 'Making the Word document…' },
  'pane.docxFile': {
    zh: '“{file}”：本次汇总的监测报告和指标汇总表，按党政机关公文格式排版。',
    en: '“{file}”: the monitoring report and the summary table of this report run, laid out as an official document.',
  },
  'pane.docxUnavailable': {
    zh: '此版本的 Excel（如 Mac 版、iPad 版）不允许加载项保存文件，Word 报告无法从任务窗格下载。请在 Excel 网页版中打开本工作簿，点击“汇总并生成报告”后下载；或在电脑上用命令行运行 tally report --docx 生成。',
    en: 'This version of Excel (on the Mac or the iPad, for instance) does not let an add-in save files, so the Word report cannot be downloaded from the pane. Open the workbook in Excel on the web, run the report and download it there, or make it with tally report --docx on the command line.',
  },
  'help.docx': {
    zh: '把监测报告和指标汇总表写成 Word 文档（按党政机关公文格式排版）',
    en: 'write the report and the summary table as a Word document, laid out as an official document',
  },
} as const;
