#!/usr/bin/env node
'use strict';
/**
 * Writes the quirk fixtures under test/fixtures/quirks/ with exceljs. Each workbook is named
 * after the one quirk it tests; the expected readings live in the tests, worked out by hand.
 * Run: node scripts/make-fixtures.js   (the .xlsx files are committed; rerun only to change them)
 */
const path = require('node:path');
const fs = require('node:fs');
const ExcelJS = require('exceljs');

const out = path.join(__dirname, '..', 'test', 'fixtures', 'quirks');
fs.mkdirSync(out, { recursive: true });

async function save(wb, name) {
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
  ws.getRow(4).values = ['地区', '活产数（人）', '男婴活产数(人)', '女婴活产数/人', '孕产妇\n死亡数'];
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
  ws.getRow(1).values = ['统计用区划代码', '区划名称', '村（社区）数', '配备儿童主任的村（社区）数'];
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
  fe1.getRow(2).values = ['统计用区划代码', '区划名称', '活产数', '男婴活产数', '女婴活产数', '婴儿死亡数', '孕产妇死亡数', '婚前医学检查人数'];
  const fe1Rows = cur
    ? [[100, 52, 48, 1, 0, 60], [150, 78, 72, 0, 0, 90], [80, 41, 39, 2, 0, 40], [70, 36, 34, 1, 0, 30]]
    : [[110, 57, 53, 1, 0, 50], [160, 83, 77, 1, 0, 55], [80, 41, 39, 1, 0, 45], [70, 36, 34, 0, 0, 30]];
  villages.forEach(([code, name], i) => (fe1.getRow(3 + i).values = [code, name, ...fe1Rows[i]]));
  const fe3 = wb.addWorksheet('民政');
  fe3.getRow(1).values = ['区划代码', '地区', '结婚登记人数', '村委会成员数', '村委会女性成员数'];
  const fe3Rows = cur ? [[80, 7, 2], [100, 9, 3], [50, 5, 2]] : [[80, 7, 2], [90, 9, 2], [50, 5, 1], [40, 6, 1]];
  fe3Rows.forEach((r, i) => (fe3.getRow(2 + i).values = [villages[i][0], villages[i][1], ...r]));
  const fe2 = wb.addWorksheet('教育');
  fe2.getRow(1).values = ['地区', '3-5岁儿童数', '在园幼儿数', '15-17岁人口数', '高中阶段在校生数'];
  const fe2Rows = [[50, 60, 0, 0], [60, 70, 0, 0], [40, 50, 0, 0], [50, 50, 0, 0]];
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
  const dir = path.join(__dirname, '..', 'test', 'fixtures', 'monitor');
  fs.mkdirSync(dir, { recursive: true });
  wb.creator = 'Tally fixtures';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = wb.created;
  await wb.xlsx.writeFile(path.join(dir, `three-levels-${year}.xlsx`));
  console.log('wrote', `monitor/three-levels-${year}.xlsx`);
}

async function main() {
  await threeLevels(2024);
  await threeLevels(2025);
  await titleRows();
  await mergedHeader();
  await fullwidthDigits();
  await textNumbers();
  await unitRowAndSignature();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
