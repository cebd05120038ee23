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

async function main() {
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
