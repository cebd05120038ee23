#!/usr/bin/env node
'use strict';
/**
 * Writes the quirk fixtures under test/fixtures/quirks/ with exceljs. Each workbook is named
 * after the one quirk it tests; the expected readings live in the tests, worked out by hand.
 * Run: node scripts/make-fixtures.js   (the .xlsx files are committed; rerun only to change them)
 *      node scripts/make-fixtures.js bad-codes.xlsx …   writes only the files named
 */
const path = require('node:path');
const fs = require('node:fs');
const ExcelJS = require('exceljs');

const out = path.join(__dirname, '..', 'test', 'fixtures', 'quirks');
fs.mkdirSync(out, { recursive: true });

/** File names given on the command line: only those are written. None: all of them. */
const only = new Set(process.argv.slice(2));
function wanted(name) {
  return only.size === 0 || only.has(name);
}

async function save(wb, name) {
  if (!wanted(name)) return;
  // Fixed dates so the files are reproducible byte for byte in their content.
  wb.creator = 'Tally fixtures';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  await wb.xlsx.writeFile(path.join(out, name));
  console.log('wrote', name);
}

async function titleRows() {
  // Two title rows (one merged across the table), a blank row, then the header in row 4.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼卫生');
  ws.getCell('A1').value = '2025年妇幼健康监测统计表';
  ws.mergeCells('A1:E1');
  ws.getCell('A2').value = '填报单位：某某市卫生健康局';
  ws.getCell('D2').value = '2025年度';
  ws.addRow([]);
  ws.getRow(4).values = [
    '地区',
    '活产数（人）',
    '男婴活产数(人)',
    '女婴活产数/人',
    '孕产妇\n死亡数',
  ];
  ws.getRow(5).values = ['东城街道', 512, 270, 242, 0];
  ws.getRow(6).values = ['西山镇', 301, 160, 141, 1];
  ws.getRow(7).values = ['合  计', 813, 430, 383, 1];
  await save(wb, 'title-rows.xlsx');
}

async function mergedHeader() {
  // A two-row header: 地区 merged down, 活产数 merged across 合计 | 男 | 女.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '表1  出生情况';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = '地区';
  ws.mergeCells('A2:A3');
  ws.getCell('B2').value = '活产数';
  ws.mergeCells('B2:D2');
  ws.getCell('B3').value = '合计';
  ws.getCell('C3').value = '男';
  ws.getCell('D3').value = '女';
  ws.getCell('E2').value = '婴儿死亡数';
  ws.mergeCells('E2:E3');
  ws.getCell('F2').value = '新生儿死亡数';
  ws.mergeCells('F2:F3');
  ws.getRow(4).values = ['甲', 1, 2, 3, 4, 5];
  ws.getRow(5).values = ['东城街道', 512, 270, 242, 2, 1];
  ws.getRow(6).values = ['西山镇', 301, 160, 141, 1, 1];
  await save(wb, 'merged-header.xlsx');
}

async function fullwidthDigits() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('村委会');
  ws.getRow(1).values = ['乡镇（街道）', '村委会成员数', '村委会女性成员数'];
  ws.getRow(2).values = ['东城街道', '１２３', '４５'];
  ws.getRow(3).values = ['西山镇', 88, '３０'];
  await save(wb, 'fullwidth-digits.xlsx');
}

async function textNumbers() {
  // Numbers in disguise, missing marks and real type errors in one form (FE4 + a % column).
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('就业');
  ws.getRow(1).values = ['单位名称', '就业人员数', '女性就业人员数', '女性参保率（%）'];
  ws.getRow(2).values = ['东城街道', '1,234', '567', '45%'];
  ws.getRow(3).values = ['西山镇', '2 345', '1,001人', 50];
  ws.getRow(4).values = ['南湖镇', '—', '/', '无'];
  ws.getRow(5).values = ['北岭乡', null, '不详', '-'];
  ws.getRow(6).values = ['青石乡', '约300', 'N/A?', { error: '#DIV/0!' }];
  ws.getRow(7).values = ['白沙镇', 0, 0, 0];
  await save(wb, 'text-numbers.xlsx');
}

async function unitRowAndSignature() {
  // A 计量单位 row and a 栏号 row under the header, a note and a signature line under the data.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表3');
  ws.getRow(1).values = [
    '统计用区划代码',
    '区划名称',
    '村（社区）数',
    '配备儿童主任的村（社区）数',
  ];
  ws.getRow(2).values = ['计量单位', null, '个', '个'];
  ws.getRow(3).values = ['甲', '乙', 1, 2];
  ws.getRow(4).values = [440183001000, '东城街道', 12, 12];
  ws.getRow(5).values = ['440183101000', '西山镇', 20, 18];
  ws.getRow(6).values = [null, '合计', 32, 30];
  ws.getRow(8).values = ['注：村（社区）数含居委会。'];
  ws.getRow(9).values = ['单位负责人：张三', null, '填表人：李四', '报出日期：2026年1月15日'];
  await save(wb, 'unit-row-signature.xlsx');
}

/**
 * A county with three levels (county → township → village), for the hand-computed report test
 * (test/cli/report.test.ts): four villages, 四村 missing from FE3, a zero denominator (C13),
 * a gross ratio above 100% (C11). FE1 and FE3 carry codes; FE2 names only, matched through
 * the 地区 sheet.
 */
async function threeLevels(year) {
  const wb = new ExcelJS.Workbook();
  const villages = [
    ['450321100001', '一村'],
    ['450321100002', '二村'],
    ['450321101001', '三村'],
    ['450321101002', '四村'],
  ];
  const cur = year === 2025;
  const fe1 = wb.addWorksheet('卫健');
  fe1.getRow(1).values = [`${year}年甲县妇幼健康统计表`];
  fe1.getRow(2).values = [
    '统计用区划代码',
    '区划名称',
    '活产数',
    '男婴活产数',
    '女婴活产数',
    '婴儿死亡数',
    '孕产妇死亡数',
    '婚前医学检查人数',
  ];
  const fe1Rows = cur
    ? [
        [100, 52, 48, 1, 0, 60],
        [150, 78, 72, 0, 0, 90],
        [80, 41, 39, 2, 0, 40],
        [70, 36, 34, 1, 0, 30],
      ]
    : [
        [110, 57, 53, 1, 0, 50],
        [160, 83, 77, 1, 0, 55],
        [80, 41, 39, 1, 0, 45],
        [70, 36, 34, 0, 0, 30],
      ];
  villages.forEach(([code, name], i) => (fe1.getRow(3 + i).values = [code, name, ...fe1Rows[i]]));
  const fe3 = wb.addWorksheet('民政');
  fe3.getRow(1).values = ['区划代码', '地区', '结婚登记人数', '村委会成员数', '村委会女性成员数'];
  const fe3Rows = cur
    ? [
        [80, 7, 2],
        [100, 9, 3],
        [50, 5, 2],
      ]
    : [
        [80, 7, 2],
        [90, 9, 2],
        [50, 5, 1],
        [40, 6, 1],
      ];
  fe3Rows.forEach((r, i) => (fe3.getRow(2 + i).values = [villages[i][0], villages[i][1], ...r]));
  const fe2 = wb.addWorksheet('教育');
  fe2.getRow(1).values = ['地区', '3-5岁儿童数', '在园幼儿数', '15-17岁人口数', '高中阶段在校生数'];
  const fe2Rows = [
    [50, 60, 0, 0],
    [60, 70, 0, 0],
    [40, 50, 0, 0],
    [50, 50, 0, 0],
  ];
  villages.forEach(([, name], i) => (fe2.getRow(2 + i).values = [name, ...fe2Rows[i]]));
  const regions = wb.addWorksheet('地区');
  regions.getRow(1).values = ['代码', '名称', '上级代码'];
  [
    ['450321000000', '甲县', null],
    ['450321100000', '一镇', '450321000000'],
    ['450321101000', '二镇', '450321000000'],
    ['450321100001', '一村', '450321100000'],
    ['450321100002', '二村', '450321100000'],
    ['450321101001', '三村', '450321101000'],
    ['450321101002', '四村', '450321101000'],
  ].forEach((r, i) => (regions.getRow(2 + i).values = r));
  if (!wanted(`three-levels-${year}.xlsx`)) return;
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'monitor');
  fs.mkdirSync(dir, { recursive: true });
  wb.creator = 'Tally fixtures';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  await wb.xlsx.writeFile(path.join(dir, `three-levels-${year}.xlsx`));
  console.log('wrote', `monitor/three-levels-${year}.xlsx`);
}

/** Rows written from an array of arrays, starting at row 1; null leaves a cell empty. */
function fill(ws, rows) {
  rows.forEach((r, i) => {
    if (r) ws.getRow(i + 1).values = r;
  });
}

const FE1_HEAD = ['乡镇', '活产数', '男婴活产数', '女婴活产数'];

async function mergedTotalRow() {
  // 合计 merged across the code and name columns: its text sits in the code column A, B is empty.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('表1');
  fill(ws, [
    ['2025年妇幼健康监测统计表'],
    ['区划代码', '乡镇', '活产数', '男婴活产数', '女婴活产数'],
    [451281001000, '东城街道', 120, 62, 58],
    ['451281101000', '西山镇', 80, 41, 39],
    ['合计', null, 200, 103, 97],
  ]);
  ws.mergeCells('A1:E1');
  ws.mergeCells('A5:B5');
  await save(wb, 'merged-total-row.xlsx');
}

async function totalLabels() {
  // NBS layout: the grand total above the units, subtotals named after their part of the area.
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('汇总在上'), [
    FE1_HEAD,
    ['总  计', 300, 155, 145],
    ['城区小计', 200, 103, 97],
    ['东城街道', 120, 62, 58],
    ['西城街道', 80, 41, 39],
    ['乡村小计', 100, 52, 48],
    ['青山镇', 100, 52, 48],
  ]);
  // 全镇合计 merged across 序号 and 乡镇: the row's first text cell, in a column that is
  // neither the unit nor the code column.
  const ws = wb.addWorksheet('序号列');
  fill(ws, [
    ['序号', '乡镇', '活产数', '男婴活产数', '女婴活产数'],
    [1, '东城街道', 120, 62, 58],
    [2, '西山镇', 80, 41, 39],
    ['全镇合计', null, 200, 103, 97],
  ]);
  ws.mergeCells('A4:B4');
  await save(wb, 'total-labels.xlsx');
}

async function notesAndSignature() {
  const data = [
    ['2025年妇幼健康监测统计表'],
    FE1_HEAD,
    ['东城街道', 120, 62, 58],
    ['西山镇', 80, 41, 39],
    ['全市合计', 200, 103, 97],
  ];
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('说明'), [
    ...data,
    ['填表说明：1.活产数指妊娠满28周及以上娩出后有生命体征的新生儿数。'],
    ['数据来源：市卫生健康委员会'],
  ]);
  fill(wb.addWorksheet('签名'), [
    ...data,
    null,
    ['负责人：王五', null, '制表：李四', null],
    [null, null, null, '填表日期：2026年1月10日'],
  ]);
  // A line that names nothing the patterns know still ends the records: a colon, the item
  // cells empty, the unit cell part of it. A unit that did not report, with a remark that has
  // a colon, is still a record.
  fill(wb.addWorksheet('冒号'), [
    ['乡镇', '活产数', '男婴活产数', '女婴活产数', '备注'],
    ['东城街道', 120, 62, 58, null],
    ['南湖镇', null, null, null, '原因：未上报'],
    ['西山镇', 80, 41, 39, null],
    ['全市合计', 200, 103, 97, null],
    ['编制单位：市卫生健康委员会'],
    ['某某镇', 1, 1, 0, null],
  ]);
  await save(wb, 'notes-and-signature.xlsx');
}

async function twoTablesOneSheet() {
  const fe1 = [
    ['2025年妇幼健康监测统计表'],
    FE1_HEAD,
    ['东城街道', 120, 62, 58],
    ['西山镇', 80, 41, 39],
    ['合计', 200, 103, 97],
  ];
  const fe3 = [
    ['乡镇', '村委会成员数', '村委会女性成员数', '结婚登记人数'],
    ['东城街道', 10, 3, 80],
    ['西山镇', 12, 4, 95],
    ['合计', 22, 7, 175],
  ];
  const wb = new ExcelJS.Workbook();
  // Rows 7 (title, merged) and 8 (header) begin the second table: 0-based 6 and 7.
  const titled = wb.addWorksheet('有标题');
  fill(titled, [...fe1, null, ['2025年民政监测统计表'], ...fe3]);
  titled.mergeCells('A7:D7');
  // No title: the header of the second table follows a blank row (row 7, 0-based 6).
  fill(wb.addWorksheet('无标题'), [...fe1, null, ...fe3]);
  // The second table after the first one's signature line: its title is row 8 (0-based 7),
  // with a 填报单位 line between the title and the header.
  fill(wb.addWorksheet('签名之后'), [
    ...fe1,
    ['单位负责人：张三', null, '填表人：李四'],
    null,
    ['2025年民政监测统计表'],
    ['填报单位：某某市民政局'],
    ...fe3,
  ]);
  await save(wb, 'two-tables-one-sheet.xlsx');
}

async function badCodes() {
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('民政'), [
    ['统计用区划代码', '区划名称', '村委会成员数', '村委会女性成员数'],
    [451281001000, '东城街道', 10, 3], // a number: 451281001000
    ["'451281002000", '西城街道', 12, 4], // Excel's text mark kept as text
    [' 4512 8100 3000 ', '河滨街道', 9, 2], // spaces inside and around
    ['４５１２８１１０００００', '青山镇', 11, 3], // full-width digits
    ['4.51281E+11', '石门镇', 8, 2], // scientific notation: the last digits are lost
    [451281101000.5, '白沙镇', 7, 1], // not a whole number
    ['45128110200', '龙潭镇', 6, 2], // 11 digits
    ['—', '桃源镇', 5, 1], // marked missing: no code, no issue
    ['451281', '合计', 68, 18], // the county's 6-digit code on the total row
  ]);
  await save(wb, 'bad-codes.xlsx');
}

async function duplicateItemColumns() {
  // 活产儿数 is a synonym of 活产数: the second column naming live_births.
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('妇幼'), [
    ['乡镇', '活产数', '男婴活产数', '女婴活产数', '活产儿数（人）'],
    ['东城街道', 120, 62, 58, 999],
    ['西山镇', 80, 41, 39, '888'],
  ]);
  await save(wb, 'duplicate-item-columns.xlsx');
}

async function unitHeaderUnknown() {
  const rows = [
    ['东城街道', 120, 62, 58],
    ['西山镇', 80, 41, 39],
    ['合计', 200, 103, 97],
  ];
  const wb = new ExcelJS.Workbook();
  // A header the vocabulary does not know, right of a 序号 column of numbers.
  fill(wb.addWorksheet('单位（乡镇）'), [
    ['序号', '单位（乡镇）', '活产数', '男婴活产数', '女婴活产数'],
    ...rows.map((r, i) => [i < 2 ? i + 1 : null, ...r]),
  ]);
  // No header at all over the unit names.
  fill(wb.addWorksheet('空表头'), [[null, '活产数', '男婴活产数', '女婴活产数'], ...rows]);
  // 乡镇名称 and 乡镇街道 are 乡镇 and 乡镇（街道） by the header rule (no 名称, no brackets).
  fill(wb.addWorksheet('乡镇名称'), [['乡镇名称', '活产数', '男婴活产数', '女婴活产数'], ...rows]);
  fill(wb.addWorksheet('乡镇街道'), [['乡镇街道', '活产数', '男婴活产数', '女婴活产数'], ...rows]);
  await save(wb, 'unit-header-unknown.xlsx');
}

async function percentStrings() {
  // A rate column the vocabulary does not know, written as text with %: a % column.
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('妇幼'), [
    ['乡镇', '活产数', '孕产妇系统管理人数', '孕产妇系统管理率'],
    ['东城街道', 120, 111, '92.5%'],
    ['西山镇', 80, 72, '90%'],
    ['南湖镇', 60, null, '—'],
    ['青山镇', 40, 34, '８５％'],
  ]);
  // One % string among numbers: not a % column, so the % string is a type error — and the
  // column is numeric because four of its five values are numbers without it.
  fill(wb.addWorksheet('少数百分号'), [
    ['乡镇', '活产数', '筛查率'],
    ['东城街道', 120, 0.9],
    ['西山镇', 80, 0.85],
    ['南湖镇', 60, '88%'],
    ['青山镇', 40, 0.8],
    ['白沙镇', 30, 0.95],
  ]);
  await save(wb, 'percent-strings.xlsx');
}

async function englishTemplateHeaders() {
  // The lead columns as the English template writes them: the Chinese header, a space, a gloss.
  const wb = new ExcelJS.Workbook();
  fill(wb.addWorksheet('FE1 妇幼健康'), [
    ['Maternal and child health (FE1), 2025'],
    ['Filled in by: 卫健委     Name:          Phone:          Date:'],
    ['区划代码 code', '乡镇（街道） unit', '活产数（人）', '男婴活产数（人）', '女婴活产数（人）'],
    ['451281001000', '甲镇', 100, 51, 49],
    ['451281002000', '乙镇', 80, 40, 40],
    ['', '合计', 180, 91, 89],
  ]);
  await save(wb, 'english-template-headers.xlsx');
}

async function main() {
  await threeLevels(2024);
  await threeLevels(2025);
  await titleRows();
  await mergedHeader();
  await fullwidthDigits();
  await textNumbers();
  await unitRowAndSignature();
  await mergedTotalRow();
  await totalLabels();
  await notesAndSignature();
  await twoTablesOneSheet();
  await badCodes();
  await duplicateItemColumns();
  await unitHeaderUnknown();
  await percentStrings();
  await englishTemplateHeaders();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
