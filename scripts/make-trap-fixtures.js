#!/usr/bin/env node
'use strict';
/**
 * Writes the trap fixtures of issue 8 under test/fixtures/traps/ with exceljs: each workbook
 * is shaped the way a township or department really sends a form, and named after the trap it
 * sets (a 合计 row labelled with the county's name, a breakdown row, townships above their
 * villages, …). The pooled figures each should give are worked out by hand in
 * test/core/traps.test.ts.
 * Run: node scripts/make-trap-fixtures.js   (the .xlsx files are committed)
 */
const path = require('node:path');
const fs = require('node:fs');
const ExcelJS = require('exceljs');

const out = path.join(__dirname, '..', 'test', 'fixtures', 'traps');
fs.mkdirSync(out, { recursive: true });

async function save(wb, name) {
  wb.creator = 'Tally fixtures';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  await wb.xlsx.writeFile(path.join(out, name));
  console.log('wrote', name);
}

/** FE2 education header: 3-5岁儿童数, 在园幼儿数, 15-17岁人口数, 高中阶段在校生数. */
const EDU = ['乡镇（街道）', '3-5岁儿童数', '在园幼儿数', '15-17岁人口数', '高中阶段在校生数'];

function eduSheet(wb, name, title, rows, opts = {}) {
  const ws = wb.addWorksheet(name);
  ws.addRow([title]);
  ws.addRow([opts.unitLine ?? '填报单位：某县教育局']);
  ws.addRow(opts.header ?? EDU);
  if (opts.unitRow) ws.addRow(opts.unitRow);
  for (const r of rows) ws.addRow(r);
  return ws;
}

async function countyNameTotal() {
  // The 合计 row says 某县: the county's own name, one level above the townships.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '某县2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['丁镇', 150, 140, 120, 110],
    ['戊镇', 100, 95, 90, 85],
    ['某县', 600, 545, 480, 435],
  ]);
  await save(wb, 'county-name-total.xlsx');
}

async function breakdownRow() {
  // 其中：城镇 between the township rows is part of 乙镇, not a sixth unit.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['  其中：城镇', 120, 110, 100, 95],
    ['丙乡', 50, 40, 30, 20],
    ['合计', 350, 310, 270, 240],
  ]);
  await save(wb, 'breakdown-row.xlsx');
}

async function townshipOverVillages() {
  // A village-level form: each township's row above its villages, no codes, no word 小计.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表（分村）', [
    ['甲镇', 30, 27, 20, 18],
    ['东村', 10, 9, 8, 7],
    ['西村', 20, 18, 12, 11],
    ['乙镇', 60, 50, 45, 40],
    ['南村', 15, 12, 10, 9],
    ['北村', 25, 20, 15, 14],
    ['中心社区', 20, 18, 20, 17],
    ['合计', 90, 77, 65, 58],
  ]);
  await save(wb, 'township-over-villages.xlsx');
}

async function negativeCount() {
  // 乙镇 typed −5 children in kindergarten: an error; it must not be pooled.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 95, 80, 70],
    ['乙镇', 40, -5, 30, 25],
    ['丙乡', 60, 55, 50, 45],
  ]);
  await save(wb, 'negative-count.xlsx');
}

async function periods() {
  for (const year of [2024, 2025, 2026]) {
    const wb = new ExcelJS.Workbook();
    eduSheet(wb, '教育', `${year}年教育事业统计表`, [
      ['甲镇', 100, 90, 80, 70],
      ['乙镇', 200, 180, 160, 150],
    ]);
    await save(wb, `period-${year}.xlsx`);
  }
}

async function oneCode() {
  // Only 甲镇 carries its 12-digit code: it must not become the area.
  const wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['451281101000', '甲镇', 100, 90, 80, 70],
      ['', '乙镇', 200, 180, 160, 150],
      ['', '丙乡', 50, 40, 30, 20],
    ],
    { header: ['统计用区划代码', ...EDU] },
  );
  await save(wb, 'one-code.xlsx');
}

async function regionSheet(wb, names, withFormer) {
  const ws = wb.addWorksheet('地区');
  ws.addRow(withFormer ? ['代码', '名称', '上级代码', '曾用名'] : ['代码', '名称', '上级代码']);
  ws.addRow(['451281000000', '某县', '']);
  names.forEach(([code, name, former]) =>
    ws.addRow(
      withFormer ? [code, name, '451281000000', former ?? ''] : [code, name, '451281000000'],
    ),
  );
}

async function unlistedUnit() {
  // The form names 城东街造 (a typo); the 地区 sheet lists 城东街道.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['城东街造', 100, 90, 80, 70],
    ['西山镇', 200, 180, 160, 150],
    ['白沙镇', 50, 40, 30, 20],
  ]);
  await regionSheet(
    wb,
    [
      ['451281001000', '城东街道'],
      ['451281101000', '西山镇'],
      ['451281102000', '白沙镇'],
    ],
    false,
  );
  await save(wb, 'unlisted-unit.xlsx');
}

/** FE1 births of three townships, for the rename trap's history rule (FE1-15). */
async function births(year, names, withRegions) {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼');
  ws.addRow([`${year}年妇幼健康统计表`]);
  ws.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数', '婴儿死亡数']);
  const data =
    year === 2024
      ? [
          [400, 210, 190, 2],
          [300, 160, 140, 1],
          [200, 100, 100, 1],
        ]
      : [
          [200, 105, 95, 1],
          [310, 160, 150, 1],
          [210, 110, 100, 1],
        ];
  names.forEach((n, i) => ws.addRow([n, ...data[i]]));
  if (withRegions)
    await regionSheet(
      wb,
      [
        ['451281001000', '东城街道', '城东街道'],
        ['451281101000', '西山镇'],
        ['451281102000', '白沙镇'],
      ],
      true,
    );
  return wb;
}

async function renamed() {
  await save(await births(2024, ['城东街道', '西山镇', '白沙镇'], false), 'renamed-2024.xlsx');
  await save(await births(2025, ['东城街道', '西山镇', '白沙镇'], false), 'renamed-2025.xlsx');
  await save(
    await births(2025, ['东城街道', '西山镇', '白沙镇'], true),
    'renamed-2025-with-former-name.xlsx',
  );
}

async function duplicateRow() {
  // 乙镇 sent twice (the same figures); the 合计 is right for the three townships.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['乙镇', 200, 180, 160, 150],
    ['合计', 350, 310, 270, 240],
  ]);
  await save(wb, 'duplicate-row.xlsx');
}

async function villageCodes() {
  // Villages with codes under township rows with township codes, and a 合计: all correct.
  const wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表（分村）',
    [
      ['451281101000', '西山镇', 30, 27, 20, 18],
      ['451281101001', '东村', 10, 9, 8, 7],
      ['451281101002', '西村', 20, 18, 12, 11],
      ['451281102000', '白沙镇', 40, 32, 25, 23],
      ['451281102001', '南村', 15, 12, 10, 9],
      ['451281102002', '北村', 25, 20, 15, 14],
      ['', '合计', 70, 59, 45, 41],
    ],
    { header: ['统计用区划代码', ...EDU] },
  );
  await save(wb, 'village-codes.xlsx');
}

async function wanRen() {
  // The unit row says 万人: 1.2345 is 12,345 children.
  const wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['甲区', 1.2345, 1.1, 0.98, 0.9012],
      ['乙区', 2.5, 2.25, 2.0, 1.875],
    ],
    { unitRow: ['', '万人', '万人', '万人', '万人'] },
  );
  await save(wb, 'wan-ren-unit-row.xlsx');
}

/** Four units (two 街道, two 镇) and their groups' figures, for the heading-row traps. */
const GA = ['甲街道', 100, 90, 80, 70];
const GB = ['乙街道', 200, 180, 160, 150];
const GC = ['丙镇', 50, 40, 30, 20];
const GD = ['丁镇', 100, 90, 80, 80];

async function groupHeadings() {
  // Heading rows carrying their group's figures: 城区 = 甲街道 + 乙街道, 农村 = 丙镇 + 丁镇.
  const layouts = {
    'group-headings.xlsx': [
      ['城区', 300, 270, 240, 220],
      GA,
      GB,
      ['农村', 150, 130, 110, 100],
      GC,
      GD,
    ],
    'group-headings-numbered.xlsx': [
      ['一、城区', 300, 270, 240, 220],
      GA,
      GB,
      ['二、农村', 150, 130, 110, 100],
      GC,
      GD,
    ],
    'group-headings-below.xlsx': [
      GA,
      GB,
      ['城区', 300, 270, 240, 220],
      GC,
      GD,
      ['农村', 150, 130, 110, 100],
    ],
    'group-heading-one.xlsx': [['城区', 300, 270, 240, 220], GA, GB, GC, GD],
    // A hand-typed total one figure off (451 for 450) under a blank label.
    'near-total-blank-label.xlsx': [GA, GB, GC, GD, ['', 451, 400, 350, 320]],
    // 合计 below the units, then 其中：城区 and a second line (乡镇) that with it adds up to 合计.
    'total-then-breakdowns.xlsx': [
      GA,
      GB,
      GC,
      GD,
      ['合计', 450, 400, 350, 320],
      ['其中：城区', 300, 270, 240, 220],
      ['乡镇', 150, 130, 110, 100],
    ],
    // 合计 at the top and a 其中： line (no figures) over the units it introduces.
    'total-then-qizhong-heading.xlsx': [['合计', 450, 400, 350, 320], ['其中：'], GA, GB, GC, GD],
  };
  for (const [name, rows] of Object.entries(layouts)) {
    const wb = new ExcelJS.Workbook();
    eduSheet(wb, '教育', '某县2025年教育事业统计表', rows);
    await save(wb, name);
  }
  // A 序号 column, and a fifth row with figures and no unit's name.
  const wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '某县2025年教育事业统计表',
    [
      [1, ...GA],
      [2, ...GB],
      [3, ...GC],
      [4, ...GD],
      [5, '', 30, 20, 10, 10],
    ],
    { header: ['序号', ...EDU] },
  );
  await save(wb, 'unnamed-row.xlsx');
}

async function splitForm() {
  // 妇幼 split by item: births on one sheet, deaths on another. In split-form-office-names the
  // deaths sheet names 石门镇 as 石门镇人民政府 and 城东街道 as 城东街道办事处; in
  // split-form-missing-unit it has no row for 白沙镇.
  const births = [
    ['石门镇', 300, 150, 150],
    ['白沙镇', 200, 100, 100],
    ['城东街道', 100, 52, 48],
  ];
  const books = {
    'split-form-office-names.xlsx': [
      ['石门镇人民政府', 3, 2, 4],
      ['白沙镇', 1, 1, 1],
      ['城东街道办事处', 0, 0, 0],
    ],
    'split-form-missing-unit.xlsx': [
      ['石门镇', 3, 2, 4],
      ['城东街道', 0, 0, 0],
    ],
  };
  for (const [name, deaths] of Object.entries(books)) {
    const wb = new ExcelJS.Workbook();
    const a = wb.addWorksheet('活产');
    a.addRow(['2025年妇幼健康统计表（一）']);
    a.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数']);
    for (const r of births) a.addRow(r);
    const b = wb.addWorksheet('死亡');
    b.addRow(['2025年妇幼健康统计表（二）']);
    b.addRow(['乡镇（街道）', '婴儿死亡数', '新生儿死亡数', '5岁以下儿童死亡数']);
    for (const r of deaths) b.addRow(r);
    await save(wb, name);
  }
}

async function officeNameTwice() {
  // 石门镇 and, again at the bottom, 石门镇人民政府 (the same figures): one township, twice.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数', '婴儿死亡数']);
  for (const r of [
    ['石门镇', 300, 150, 150, 3],
    ['白沙镇', 200, 100, 100, 1],
    ['青山镇', 100, 50, 50, 1],
    ['石门镇（补报）', 300, 150, 150, 3],
  ])
    ws.addRow(r);
  await save(wb, 'township-noted-twice.xlsx');
}

async function periodColumns() {
  // 在园幼儿数 twice: an unmarked column (last year's, 70 and 120) and the one marked 本年 (90,
  // 180); and a form of 上年末 | 本年末 columns.
  const books = {
    'this-year-column.xlsx': [
      ['乡镇（街道）', '3-5岁儿童数', '在园幼儿数', '在园幼儿数（本年）', '15-17岁人口数'],
      [
        ['甲镇', 100, 70, 90, 80],
        ['乙镇', 200, 120, 180, 160],
      ],
    ],
    'year-end-columns.xlsx': [
      [
        '乡镇（街道）',
        '3-5岁儿童数',
        '在园幼儿数（上年末）',
        '在园幼儿数（本年末）',
        '15-17岁人口数',
      ],
      [
        ['甲镇', 100, 70, 90, 80],
        ['乙镇', 200, 120, 180, 160],
      ],
    ],
  };
  for (const [name, [header, rows]] of Object.entries(books)) {
    const wb = new ExcelJS.Workbook();
    eduSheet(wb, '教育', '某县2025年教育事业统计表', rows, { header });
    await save(wb, name);
  }
}

async function hiddenSheet() {
  // 丙乡's figures on a hidden sheet beside the visible form.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '某县2025年教育事业统计表', [
    GA.map((v, i) => (i === 0 ? '甲镇' : v)),
    GB.map((v, i) => (i === 0 ? '乙镇' : v)),
  ]);
  const ws = eduSheet(wb, 'Sheet2', '某县2025年教育事业统计表', [['丙乡', 50, 20, 80, 60]]);
  ws.state = 'hidden';
  await save(wb, 'hidden-sheet.xlsx');
}

async function personsInWanRen() {
  // A 万人 column (stated in the header) where 己镇's figure was typed in persons: 9000 read as
  // 9000万人. Six townships, FE5's two items.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人口与安全');
  ws.addRow(['2025年人口与儿童安全统计表']);
  ws.addRow(['填报单位：某县统计局']);
  ws.addRow(['乡镇', '0-17岁儿童人口数（万人）', '0-17岁儿童伤害死亡数']);
  for (const r of [
    ['甲镇', 1.2, 1],
    ['乙镇', 0.8, 0],
    ['丙镇', 1.5, 2],
    ['丁镇', 0.9, 1],
    ['戊镇', 1.1, 0],
    ['己镇', 9000, 1],
  ])
    ws.addRow(r);
  await save(wb, 'persons-in-wan-ren.xlsx');
}

async function unfilled() {
  // The blank template sent back: units listed, no figure anywhere.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [['甲镇'], ['乙镇'], ['丙乡'], ['合计']]);
  await save(wb, 'unfilled-form.xlsx');
}

/** One 指标名称 | 计量单位 | 数值 sheet per township, the items (in persons) down column A. */
function verticalBook(items, towns) {
  const wb = new ExcelJS.Workbook();
  for (const [town, values] of towns) {
    const ws = wb.addWorksheet(town);
    ws.addRow(['2025年教育事业统计表']);
    ws.addRow([`填报单位：${town}`]);
    ws.addRow(['指标名称', '计量单位', '数值']);
    items.forEach((item, k) => ws.addRow([item, '人', values[k]]));
  }
  return wb;
}

async function vertical() {
  // One sheet per township, the items down column A.
  const wb = verticalBook(
    ['3-5岁儿童数', '在园幼儿数', '15-17岁人口数', '高中阶段在校生数'],
    [
      ['甲镇', [100, 90, 80, 70]],
      ['乙镇', [200, 180, 160, 150]],
    ],
  );
  await save(wb, 'vertical-townships.xlsx');
}

async function verticalFailing() {
  // The same vertical sheets with the fitness items; 乙镇 writes more pupils in good health
  // (350) than it tested (300), which the error rule FE2-03 catches: its C14 must be set aside.
  const wb = verticalBook(
    ['3-5岁儿童数', '在园幼儿数', '学生体质健康测试人数', '体质健康优良人数'],
    [
      ['甲镇', [100, 90, 500, 400]],
      ['乙镇', [200, 180, 300, 350]],
    ],
  );
  await save(wb, 'vertical-failing.xlsx');
}

async function verticalTwoYears() {
  // Vertical sheets with last year's and this year's figures side by side (2024年 | 2025年):
  // the title's year (2025) says which column is the period's.
  const wb = new ExcelJS.Workbook();
  for (const [town, last, now] of [
    ['甲镇', [300, 150, 150, 2], [310, 160, 150, 3]],
    ['乙镇', [400, 200, 200, 2], [200, 100, 100, 4]],
  ]) {
    const ws = wb.addWorksheet(town);
    ws.addRow(['2025年妇幼健康统计表']);
    ws.addRow([`填报单位：${town}`]);
    ws.addRow([]);
    ws.addRow(['序号', '指标名称', '计量单位', '2024年', '2025年']);
    ['活产数', '男婴活产数', '女婴活产数', '婴儿死亡数'].forEach((item, k) =>
      ws.addRow([k + 1, item, '人', last[k], now[k]]),
    );
  }
  await save(wb, 'vertical-two-years.xlsx');
}

async function verticalYearsUnnamed() {
  // As vertical-two-years, but no title, sheet or file name gives the year: which column is
  // this period's is unknown, and the sheets are said to be unread. The same sheets in a file
  // named for 2025 are read from their 2025年 column, as the file's name gives the period.
  const book = (title) => {
    const wb = new ExcelJS.Workbook();
    for (const [town, last, now] of [
      ['甲镇', [300, 150, 150, 2], [310, 160, 150, 3]],
      ['乙镇', [400, 200, 200, 2], [200, 100, 100, 4]],
    ]) {
      const ws = wb.addWorksheet(town);
      ws.addRow([title]);
      ws.addRow([`填报单位：${town}`]);
      ws.addRow(['指标名称', '计量单位', '2024年', '2025年']);
      ['活产数', '男婴活产数', '女婴活产数', '婴儿死亡数'].forEach((item, k) =>
        ws.addRow([item, '人', last[k], now[k]]),
      );
    }
    return wb;
  };
  await save(book('妇幼健康统计表'), 'vertical-years-unnamed.xlsx');
  await save(book('妇幼健康统计表'), 'vertical-years-file-2025.xlsx');
}

async function noUnitColumn() {
  // 丙乡 sends its education figures as one row under the header, its name only in the title;
  // the 汇总 sheet has 甲镇 and 乙镇. 丙乡's sheet has no unit column: not read, and said.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '汇总', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
  ]);
  const ws = wb.addWorksheet('丙乡');
  ws.addRow(['丙乡2025年教育事业统计表']);
  ws.addRow(EDU.slice(1));
  ws.addRow([50, 40, 30, 20]);
  await save(wb, 'no-unit-column.xlsx');
}

async function verticalTwice() {
  // 乙镇's vertical sheet gives 活产数 twice (D5, as text, and D9); 乙镇 is also a row of the
  // 汇总 sheet. Findings name the vertical sheet's own cells, never its flattened columns.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('乙镇');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['填报单位：乙镇']);
  ws.addRow([]);
  ws.addRow(['序号', '指标名称', '计量单位', '数值']);
  ws.addRow([1, '活产数', '人', '200']);
  ws.addRow([2, '男婴活产数', '人', 100]);
  ws.addRow([3, '女婴活产数', '人', 100]);
  ws.addRow([4, '婴儿死亡数', '人', 1]);
  ws.addRow([5, '活产数', '人', 210]);
  const all = wb.addWorksheet('汇总');
  all.addRow(['2025年妇幼健康统计表']);
  all.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数', '婴儿死亡数']);
  all.addRow(['甲镇', 300, 150, 150, 2]);
  all.addRow(['乙镇', 190, 100, 90, 1]);
  await save(wb, 'vertical-twice.xlsx');
}

async function totalWithColon() {
  // The total row is labelled 合计： (with a colon) and its 在园幼儿数 is wrong (300, not 310):
  // it is a total all the same, checked and never pooled as a fourth township.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['合计：', 350, 300, 270, 240],
  ]);
  await save(wb, 'total-with-colon.xlsx');
}

async function priorMissingUnit() {
  // 乙镇 screened 900 of 1000 women for breast cancer this year and sent nothing last year.
  // The published rate rises 20% → 50%, but over 甲镇, the one township of both years, it
  // falls 20% → 10%: 逐步提高 is not met.
  for (const [year, rows] of [
    [
      '2025',
      [
        ['甲镇', 1000, 750, 100],
        ['乙镇', 1000, 750, 900],
      ],
    ],
    ['2024', [['甲镇', 1000, 700, 200]]],
  ]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('卫健');
    ws.addRow([`${year}年妇幼健康统计表`]);
    ws.addRow(['乡镇（街道）', '35-64岁妇女数', '宫颈癌筛查人数', '乳腺癌筛查人数']);
    for (const r of rows) ws.addRow(r);
    await save(wb, `prior-missing-${year}.xlsx`);
  }
}

async function villagesUnderTownships() {
  // A village form with the township in its own column, written once for its block; a
  // 乙镇小计 row and a 合计 row. The units are the villages, not the townships.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('卫健');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['乡镇', '村（社区）', '活产数', '男婴活产数', '女婴活产数', '婴儿死亡数']);
  ws.addRow(['甲镇', '一村', 10, 5, 5, 0]);
  ws.addRow([null, '二村', 20, 11, 9, 1]);
  ws.addRow(['乙镇', '三村', 35, 18, 17, 1]);
  ws.addRow(['乙镇小计', null, 35, 18, 17, 1]);
  ws.addRow(['合计', null, 65, 34, 31, 2]);
  await save(wb, 'villages-under-townships.xlsx');
}

async function sideBySide() {
  // Two forms side by side on one sheet, each with its own unit column, in another order.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('汇总');
  ws.addRow(['2025年两纲监测统计表']);
  ws.addRow([
    '乡镇（街道）',
    '活产数',
    '男婴活产数',
    '女婴活产数',
    '婴儿死亡数',
    null,
    '乡镇（街道）',
    '村委会成员数',
    '村委会女性成员数',
  ]);
  ws.addRow(['甲镇', 300, 150, 150, 2, null, '乙镇', 40, 50]);
  ws.addRow(['乙镇', 200, 100, 100, 1, null, '甲镇', 60, 20]);
  await save(wb, 'side-by-side.xlsx');
}

async function marriagesInPairs() {
  // 民政 gives marriages in couples (对); 卫健 counts persons checked.
  const wb = new ExcelJS.Workbook();
  const fe1 = wb.addWorksheet('卫健');
  fe1.addRow(['2025年妇幼健康统计表']);
  fe1.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数', '婚前医学检查人数']);
  fe1.addRow(['甲镇', 100, 50, 50, 150]);
  fe1.addRow(['乙镇', 80, 40, 40, 90]);
  const fe3 = wb.addWorksheet('民政');
  fe3.addRow(['2025年民政统计表']);
  fe3.addRow(['乡镇（街道）', '结婚登记对数', '村委会成员数', '村委会女性成员数']);
  fe3.addRow(['甲镇', 100, 20, 6]);
  fe3.addRow(['乙镇', 50, 15, 5]);
  await save(wb, 'marriages-in-pairs.xlsx');
}

async function uncalculatedFormulas() {
  // Written by a program, never opened in Excel: formulas with no cached result. exceljs writes
  // <f> with no <v> for a { formula } without a result.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, { formula: 'B5-20' }, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['合计', { formula: 'SUM(B4:B6)' }, { formula: 'SUM(C4:C6)' }, 270, 240],
  ]);
  await save(wb, 'uncalculated-formulas.xlsx');
}

function committeeSheet(wb, parts) {
  // 村委会成员数 and 居委会成员数, each over 合计 | a part, the unit column merged down.
  const ws = wb.addWorksheet('民政');
  ws.addRow(['2025年村（居）民委员会成员情况统计表']);
  ws.addRow(['乡镇（街道）', '村委会成员数', '', '居委会成员数', '']);
  ws.addRow(['', '合计', parts[0], '合计', parts[1]]);
  ws.mergeCells('A2:A3');
  ws.mergeCells('B2:C2');
  ws.mergeCells('D2:E2');
  ws.addRow(['甲镇', 50, 12, 20, 10]);
  ws.addRow(['乙镇', 40, 10, 30, 16]);
  ws.addRow(['合计', 90, 22, 50, 26]);
}

async function partsHeader() {
  // The women written as a part of the members: 其中：女性 under 村委会成员数, 女 under 居委会.
  let wb = new ExcelJS.Workbook();
  committeeSheet(wb, ['其中：女性', '女']);
  await save(wb, 'parts-header.xlsx');
  // A part the profile does not know: the second header row is still no unit named 合计.
  wb = new ExcelJS.Workbook();
  committeeSheet(wb, ['其中：少数民族', '其中：少数民族']);
  await save(wb, 'parts-header-unknown.xlsx');
}

async function pageBreakRows() {
  // Rows offices print: a 栏次 row of column numbers, a footnote mark on a header, the header
  // again at a page break, a 合计 with a bracket after it (its 在园幼儿数 mistyped, 410), and a
  // signature line with numbers in it. C11 = (90 + 180 + 40) / (100 + 200 + 50).
  const wb = new ExcelJS.Workbook();
  const header = [
    '乡镇（街道）',
    '3-5岁儿童数',
    '在园幼儿数①',
    '15-17岁人口数',
    '高中阶段在校生数',
  ];
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['甲镇', 100, 90, 80, 70],
      ['乙镇', 200, 180, 160, 150],
      header,
      ['丙乡', 50, 40, 30, 20],
      ['合计（含开发区）', 350, 410, 270, 240],
      ['注①：在园幼儿数含民办园。'],
      ['填报日期', 2026, 1, 15],
      ['联系电话', 13812345678],
    ],
    { header, unitRow: ['栏次', 1, 2, 3, 4] },
  );
  await save(wb, 'page-break-rows.xlsx');
}

async function periodsUnderItems() {
  // Each item over two columns of periods: last year's and this year's (2024 | 2025 as numbers,
  // or 上年 | 本年). Only this period's are the items. With no year anywhere, none is.
  const book = (title, periods) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('教育');
    ws.addRow([title]);
    ws.addRow(['乡镇（街道）', '3-5岁儿童数', '', '在园幼儿数', '']);
    ws.addRow(['', ...periods, ...periods]);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:C2');
    ws.mergeCells('D2:E2');
    // last year's, this year's: 3-5岁儿童数, then 在园幼儿数
    ws.addRow(['甲镇', 120, 100, 60, 90]);
    ws.addRow(['乙镇', 220, 200, 100, 180]);
    ws.addRow(['丙乡', 60, 50, 30, 40]);
    return wb;
  };
  await save(book('2025年教育事业统计表', [2024, 2025]), 'periods-years.xlsx');
  await save(book('2025年教育事业统计表', ['上年', '本年']), 'periods-words.xlsx');
  await save(book('教育事业统计表', ['2024年', '2025年']), 'periods-unnamed.xlsx');
}

async function periodsOverItems() {
  // The periods on top, each merged over the items of its year: last year's columns first.
  const book = (title, periods) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('教育');
    ws.addRow([title]);
    ws.addRow(['乡镇（街道）', periods[0], '', periods[1], '']);
    ws.addRow(['', '3-5岁儿童数', '在园幼儿数', '3-5岁儿童数', '在园幼儿数']);
    ws.mergeCells('A2:A3');
    ws.mergeCells('B2:C2');
    ws.mergeCells('D2:E2');
    // last year's 3-5岁儿童数, 在园幼儿数, then this year's
    ws.addRow(['甲镇', 120, 60, 100, 90]);
    ws.addRow(['乙镇', 220, 100, 200, 180]);
    ws.addRow(['丙乡', 60, 30, 50, 40]);
    return wb;
  };
  await save(book('2025年教育事业统计表', ['上年', '本年']), 'periods-over-items.xlsx');
  await save(book('2025年教育事业统计表', [2024, 2025]), 'periods-over-items-years.xlsx');
  // With three label columns before the periods: 序号 | 乡镇（街道） | 代码.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('教育');
  ws.addRow(['2025年教育事业统计表']);
  ws.addRow(['序号', '乡镇（街道）', '代码', '上年', '', '本年', '']);
  ws.addRow(['', '', '', '3-5岁儿童数', '在园幼儿数', '3-5岁儿童数', '在园幼儿数']);
  for (const m of ['A2:A3', 'B2:B3', 'C2:C3', 'D2:E2', 'F2:G2']) ws.mergeCells(m);
  ws.addRow([1, '甲镇', '451281101000', 120, 60, 100, 90]);
  ws.addRow([2, '乙镇', '451281102000', 220, 100, 200, 180]);
  ws.addRow([3, '丙乡', '451281103000', 60, 30, 50, 40]);
  await save(wb, 'periods-over-items-labels.xlsx');
}

async function hiddenRow() {
  // 原丁乡, merged away, kept as a hidden row (row 7) with its old figures.
  const wb = new ExcelJS.Workbook();
  const ws = eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['原丁乡', 500, 100, 400, 100],
  ]);
  ws.getRow(7).hidden = true;
  await save(wb, 'hidden-row.xlsx');
}

async function levelsAcrossTables() {
  // A county's summary sheet of townships, and 甲镇's villages on a sheet named 甲镇.
  const towns = [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['丙乡', 50, 40, 30, 20],
    ['合计', 350, 310, 270, 240],
  ];
  const sheetBook = (villages) => {
    const wb = new ExcelJS.Workbook();
    eduSheet(wb, '汇总', '2025年某县教育事业统计表', towns);
    eduSheet(wb, '甲镇', '2025年甲镇教育事业统计表（分村）', villages, {
      unitLine: '填报单位：甲镇中心学校',
      header: ['村（社区）', ...EDU.slice(1)],
    });
    return wb;
  };
  // The villages add up to 甲镇's row.
  await save(
    sheetBook([
      ['东村', 60, 55, 50, 40],
      ['西村', 40, 35, 30, 30],
    ]),
    'township-sheet-villages.xlsx',
  );
  // 西村 did not send its figures: the villages fall short of 甲镇's row.
  await save(sheetBook([['东村', 60, 55, 50, 40]]), 'township-sheet-village-missing.xlsx');
  // The same by codes: townships with 12-digit codes, and 甲镇's villages' codes on a sheet of
  // their own, 西村's figures short of 甲镇's by 10 and 5.
  const wb = new ExcelJS.Workbook();
  const coded = ['区划代码', ...EDU];
  eduSheet(
    wb,
    '教育',
    '2025年某县教育事业统计表',
    [
      ['451281101000', '甲镇', 100, 90, 80, 70],
      ['451281102000', '乙镇', 200, 180, 160, 150],
      ['451281103000', '丙乡', 50, 40, 30, 20],
    ],
    { header: coded },
  );
  eduSheet(
    wb,
    '甲镇分村',
    '2025年甲镇教育事业统计表（分村）',
    [
      ['451281101001', '东村', 60, 55, 50, 40],
      ['451281101002', '西村', 30, 30, 30, 30],
    ],
    { header: ['区划代码', '村（社区）', ...EDU.slice(1)] },
  );
  await save(wb, 'village-codes-elsewhere.xlsx');
}

async function perTownshipVillages() {
  // C10 (以乡（镇、街道）为单位≥90%) over villages placed under townships by a 乡镇 column:
  // 东村 850/1000 = 85%, but 甲镇 = 1840/2000 = 92% and 乙镇 = 1880/2000 = 94%.
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼卫生');
  ws.addRow(['某县2025年妇幼健康监测统计表']);
  ws.addRow(['填报单位：某县卫生健康局']);
  ws.addRow(['乡镇', '村（社区）', '免疫规划疫苗应种人数', '免疫规划疫苗实种人数']);
  ws.addRow(['甲镇', '东村', 1000, 850]);
  ws.addRow(['', '西村', 1000, 990]);
  ws.addRow(['乙镇', '南村', 1000, 950]);
  ws.addRow(['', '北村', 1000, 930]);
  await save(wb, 'per-township-villages.xlsx');
  // The same villages in one file per township, the township named only by the title.
  for (const [town, rows] of [
    [
      '甲镇',
      [
        ['东村', 1000, 850],
        ['西村', 1000, 990],
      ],
    ],
    [
      '乙镇',
      [
        ['南村', 1000, 950],
        ['北村', 1000, 930],
      ],
    ],
  ]) {
    const one = new ExcelJS.Workbook();
    const sheet = one.addWorksheet('妇幼卫生');
    sheet.addRow([`${town}2025年妇幼健康监测统计表`]);
    sheet.addRow([`填报单位：${town}卫生院`]);
    sheet.addRow(['村（社区）', '免疫规划疫苗应种人数', '免疫规划疫苗实种人数']);
    for (const r of rows) sheet.addRow(r);
    await save(one, `per-township-${town}.xlsx`);
  }
}

async function nearSums() {
  // A total typed by hand under a label Tally does not know, 3-5岁 10 too high: 1410, not 1400.
  const towns = [
    ['甲镇', 400, 360, 300, 270],
    ['乙镇', 300, 280, 250, 200],
    ['丙乡', 500, 450, 400, 350],
    ['丁乡', 200, 190, 150, 140],
  ];
  let wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ...towns,
    ['全县各乡镇（街道）', 1410, 1280, 1100, 960],
  ]);
  await save(wb, 'near-total-unknown-label.xlsx');
  // Townships above villages whose names have no 村, 乙镇's 3-5岁 one too high (61, not 60).
  wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['甲镇', 100, 90, 80, 70],
      ['东风', 60, 50, 50, 40],
      ['红旗', 40, 40, 30, 30],
      ['乙镇', 61, 55, 45, 40],
      ['胜利', 35, 30, 25, 20],
      ['前进', 25, 25, 20, 20],
      ['丙乡', 50, 40, 30, 20],
      ['团结', 30, 20, 20, 10],
      ['建设', 20, 20, 10, 10],
    ],
    { header: ['单位', ...EDU.slice(1)] },
  );
  await save(wb, 'near-subtotals.xlsx');
  // 城区, a township-level unit, first under the header, and no 合计 row.
  wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['城区', 300, 290, 250, 240],
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
  ]);
  await save(wb, 'chengqu-first.xlsx');
}

async function unitInScaledCell() {
  // A form stated in 万人, and 丙乡's 3-5岁 written as 50人: the cell's unit and the column's differ.
  const wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['甲镇', 0.01, 0.009, 0.008, 0.007],
      ['乙镇', 0.02, 0.018, 0.016, 0.015],
      ['丙乡', '50人', 0.004, 0.003, 0.002],
      ['丁乡', '0.005万人', 0.004, 0.003, 0.002],
    ],
    { unitRow: ['', '万人', '万人', '万人', '万人'] },
  );
  await save(wb, 'unit-in-scaled-cell.xlsx');
}

async function narrativeEdges() {
  // 低出生体重 999/25,000 = 3.996 %, published 4.00 %, against an office's 低于4%.
  let wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('妇幼卫生');
  ws.addRow(['某县2025年妇幼健康监测统计表']);
  ws.addRow(['乡镇（街道）', '活产数', '男婴活产数', '女婴活产数', '低出生体重儿数']);
  ws.addRow(['甲镇', 15000, 7700, 7300, 600]);
  ws.addRow(['乙镇', 10000, 5150, 4850, 399]);
  await save(wb, 'strict-bound.xlsx');
  fs.writeFileSync(
    path.join(out, 'strict-bound-targets.csv'),
    '\ufeff编号,目标,来源\r\nC04,低于4%,某县规划\r\n',
  );
  // Both townships typed a negative 在园幼儿数: C11 has reports, all set aside.
  wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', [
    ['甲镇', 100, -5, 80, 70],
    ['乙镇', 200, -3, 160, 150],
  ]);
  await save(wb, 'all-set-aside.xlsx');
}

async function sameNameVillages() {
  // 东村 and 新村 in both 甲镇 and 乙镇: four villages, not two repeated.
  const villages = [
    ['甲镇', '东村', 60, 55, 50, 40],
    ['', '新村', 40, 35, 30, 30],
    ['乙镇', '东村', 120, 100, 90, 80],
    ['', '新村', 80, 80, 70, 70],
  ];
  let wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年教育事业统计表', villages, {
    header: ['乡镇', '村（社区）', ...EDU.slice(1)],
  });
  await save(wb, 'same-name-villages.xlsx');
  // The same with each township's row above its villages (no township column).
  wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['甲镇', 100, 90, 80, 70],
      ['东村', 60, 55, 50, 40],
      ['新村', 40, 35, 30, 30],
      ['乙镇', 200, 180, 160, 150],
      ['东村', 120, 100, 90, 80],
      ['新村', 80, 80, 70, 70],
    ],
    { header: ['单位', ...EDU.slice(1)] },
  );
  await save(wb, 'same-name-villages-under-rows.xlsx');
  // The same 乡镇 | 村 form beside a 地区 sheet that lists every village with its code.
  wb = new ExcelJS.Workbook();
  const r = wb.addWorksheet('地区');
  for (const row of [
    ['代码', '名称', '上级代码'],
    ['451281000000', '某县', ''],
    ['451281101000', '甲镇', '451281000000'],
    ['451281102000', '乙镇', '451281000000'],
    ['451281101001', '东村', '451281101000'],
    ['451281101002', '新村', '451281101000'],
    ['451281102001', '东村', '451281102000'],
    ['451281102002', '新村', '451281102000'],
  ])
    r.addRow(row);
  eduSheet(wb, '教育', '2025年教育事业统计表', villages, {
    header: ['乡镇', '村（社区）', ...EDU.slice(1)],
  });
  await save(wb, 'same-name-villages-listed.xlsx');
}

async function notTotals() {
  // What must stay units. 城关镇, the biggest, whose deaths happen to equal the others' sums (its
  // births do not: 900 against 445); township names without 镇 under 填报单位：赞皇县卫生健康局,
  // whose 赞皇 is no region over the others.
  const fe1 = (header, rows, unitLine) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('妇幼卫生');
    ws.addRow(['2025年妇幼健康统计表']);
    ws.addRow([unitLine]);
    ws.addRow(['乡镇（街道）', ...header]);
    for (const r of rows) ws.addRow(r);
    return wb;
  };
  await save(
    fe1(
      ['活产数', '孕产妇死亡数', '新生儿死亡数', '婴儿死亡数', '5岁以下儿童死亡数'],
      [
        ['青山镇', 120, 0, 0, 1, 1],
        ['石门镇', 95, 0, 1, 1, 1],
        ['龙潭镇', 80, 0, 0, 0, 1],
        ['高峰乡', 150, 0, 0, 1, 1],
        ['城关镇', 900, 0, 1, 3, 4],
      ],
      '填报单位：某县卫生健康局',
    ),
    'big-unit-not-total.xlsx',
  );
  await save(
    fe1(
      ['活产数', '男婴活产数', '女婴活产数', '新生儿死亡数', '婴儿死亡数'],
      [
        ['赞皇', 900, 470, 430, 2, 4],
        ['院头', 300, 155, 145, 1, 2],
        ['南邢郭', 200, 100, 100, 0, 1],
        ['嶂石岩', 150, 80, 70, 1, 1],
      ],
      '填报单位：赞皇县卫生健康局',
    ),
    'unit-in-filler-name.xlsx',
  );
}

async function thirdReview() {
  // A big unit first whose deaths equal the others' and births nearly (760 against 750).
  let wb = new ExcelJS.Workbook();
  let ws = wb.addWorksheet('妇幼卫生');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['单位', '活产数', '新生儿死亡数', '婴儿死亡数']);
  for (const r of [
    ['县人民医院', 760, 2, 4],
    ['石门镇卫生院', 250, 1, 2],
    ['青山镇卫生院', 200, 0, 1],
    ['龙潭镇卫生院', 150, 1, 1],
    ['高峰镇卫生院', 100, 0, 0],
    ['河口镇卫生院', 50, 0, 0],
  ])
    ws.addRow(r);
  await save(wb, 'big-first-near-sum.xlsx');
  // Township rows labelled 石门镇（汇总）, each the sum of its villages below.
  wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    '教育',
    '2025年教育事业统计表',
    [
      ['石门镇（汇总）', 100, 90, 80, 70],
      ['石门村', 60, 55, 50, 40],
      ['上坝村', 40, 35, 30, 30],
      ['青山镇（汇总）', 200, 180, 160, 150],
      ['青山村', 120, 100, 90, 80],
      ['河口村', 80, 80, 70, 70],
    ],
    { header: ['单位', ...EDU.slice(1)] },
  );
  await save(wb, 'township-huizong-rows.xlsx');
  // Births and deaths on two sheets, the township written 石门镇 on one and 石门 on the other.
  wb = new ExcelJS.Workbook();
  ws = wb.addWorksheet('出生');
  ws.addRow(['某县2025年各村出生情况']);
  ws.addRow(['乡镇', '村', '活产数', '男婴活产数', '女婴活产数']);
  const villages = [
    ['石门镇', '石门村', 120, 62, 58, 1, 1],
    ['石门镇', '上坝村', 100, 52, 48, 0, 1],
    ['青山镇', '青山村', 120, 60, 60, 1, 2],
    ['青山镇', '河口村', 80, 40, 40, 1, 1],
  ];
  for (const v of villages) ws.addRow(v.slice(0, 5));
  ws = wb.addWorksheet('死亡');
  ws.addRow(['某县2025年各村儿童死亡情况']);
  ws.addRow(['乡镇', '村', '新生儿死亡数', '婴儿死亡数']);
  for (const v of villages) ws.addRow([String(v[0]).replace('镇', ''), v[1], v[5], v[6]]);
  await save(wb, 'township-written-twice.xlsx');
}

async function bracketTitle() {
  // A county's file of townships, and 石门镇's villages in a file of their own whose title names
  // the township only in brackets; no 填报单位 line, the sheet left as Sheet1.
  let wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年某县教育事业统计表', [
    ['石门镇', 100, 90, 80, 70],
    ['青山镇', 200, 180, 160, 150],
  ]);
  await save(wb, 'bracket-title-county.xlsx');
  for (const [title, file] of [
    ['2025年教育事业统计表（石门镇）', 'bracket-title-villages.xlsx'],
    ['2025年度教育事业统计表(石门镇填报)', 'bracket-title-villages-filled.xlsx'],
  ]) {
    wb = new ExcelJS.Workbook();
    eduSheet(
      wb,
      'Sheet1',
      title,
      [
        ['石门村', 60, 55, 50, 40],
        ['上坝村', 30, 30, 30, 30],
      ],
      { unitLine: '填报日期：2026年1月10日', header: ['村（社区）', ...EDU.slice(1)] },
    );
    await save(wb, file);
  }
  // Brackets that name no township: the villages stay where they were.
  wb = new ExcelJS.Workbook();
  eduSheet(
    wb,
    'Sheet1',
    '2025年教育事业统计表（分乡镇）',
    [
      ['石门镇', 100, 90, 80, 70],
      ['青山镇', 200, 180, 160, 150],
    ],
    { unitLine: '填报日期：2026年1月10日' },
  );
  await save(wb, 'bracket-title-not-a-township.xlsx');
}

async function itemInTwoForms() {
  // 结婚登记人数 in the 妇幼 form (with 婚前医学检查人数) and in 民政's form; `agree`: same figures.
  for (const [file, marriages] of [
    ['item-in-two-forms.xlsx', [640, 1100, 820]],
    ['item-in-two-forms-agree.xlsx', [600, 1000, 800]],
  ]) {
    const wb = new ExcelJS.Workbook();
    let ws = wb.addWorksheet('妇幼');
    ws.addRow(['2025年妇幼健康统计表']);
    ws.addRow(['乡镇', '活产数', '婴儿死亡数', '结婚登记人数', '婚前医学检查人数']);
    ws.addRow(['甲镇', 1000, 3, 600, 300]);
    ws.addRow(['乙镇', 2000, 5, 1000, 500]);
    ws.addRow(['丙镇', 1500, 4, 800, 400]);
    ws = wb.addWorksheet('民政');
    ws.addRow(['2025年民政统计表']);
    ws.addRow(['乡镇', '村委会成员数', '村委会女性成员数', '结婚登记人数']);
    ws.addRow(['甲镇', 50, 12, marriages[0]]);
    ws.addRow(['乙镇', 60, 20, marriages[1]]);
    ws.addRow(['丙镇', 40, 10, marriages[2]]);
    await save(wb, file);
  }
}

async function sameNameVillagesTwoYears() {
  // 东村 in 甲镇 and in 乙镇 both years; 北村 new in 2025; 甲镇东村's 低出生体重儿数 20 → 0.
  const rows = [
    ['甲镇', '东村', 1000, 520, 480, 2, 1, 3, 20],
    ['甲镇', '西村', 1000, 520, 480, 2, 1, 3, 20],
    ['乙镇', '东村', 1000, 520, 480, 10, 5, 12, 80],
    ['乙镇', '南村', 1000, 520, 480, 2, 1, 3, 20],
  ];
  for (const year of [2024, 2025]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('卫健');
    ws.addRow([`${year}年某县妇幼健康统计表`]);
    ws.addRow([
      '乡镇',
      '村（社区）',
      '活产数',
      '男婴活产数',
      '女婴活产数',
      '婴儿死亡数',
      '新生儿死亡数',
      '5岁以下儿童死亡数',
      '低出生体重儿数',
    ]);
    const these =
      year === 2024
        ? rows
        : [
            ['甲镇', '东村', 1000, 520, 480, 8, 4, 9, 0],
            ...rows.slice(1),
            ['乙镇', '北村', 1000, 520, 480, 2, 1, 3, 20],
          ];
    for (const r of these) ws.addRow(r);
    await save(wb, `same-name-villages-${year}.xlsx`);
  }
}

async function oneItemSheets() {
  // FE5's two items from two departments, one file each: 统计局 the children, 公安局 the deaths.
  for (const [file, title, item, values] of [
    [
      'one-item-统计局.xlsx',
      '2025年各乡镇0-17岁儿童人口数',
      '0-17岁儿童人口数',
      [10000, 20000, 25000],
    ],
    [
      'one-item-公安局.xlsx',
      '2025年各乡镇0-17岁儿童伤害死亡情况',
      '0-17岁儿童伤害死亡数',
      [2, 3, 4],
    ],
  ]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow([title]);
    ws.addRow(['乡镇', item]);
    ['甲镇', '乙镇', '丙镇'].forEach((t, i) => ws.addRow([t, values[i]]));
    ws.addRow(['合计', values.reduce((a, b) => a + b, 0)]);
    await save(wb, file);
  }
}

async function partsInOneRow() {
  // Parts written beside their whole in a one-row header, as many offices type them.
  const wb = new ExcelJS.Workbook();
  let ws = wb.addWorksheet('民政');
  ws.addRow(['2025年民政统计表']);
  ws.addRow(['乡镇', '村委会成员数', '其中：女性', '村（社区）数', '其中：配备儿童主任的']);
  ws.addRow(['甲镇', 50, 12, 10, 9]);
  ws.addRow(['乙镇', 60, 20, 12, 12]);
  ws.addRow(['丙镇', 40, 10, 8, 6]);
  ws = wb.addWorksheet('妇幼');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['乡镇', '活产数', '男', '女', '婴儿死亡数', '其中：新生儿死亡数']);
  ws.addRow(['甲镇', 1000, 520, 480, 3, 1]);
  ws.addRow(['乙镇', 2000, 1030, 970, 5, 2]);
  ws.addRow(['丙镇', 1500, 790, 710, 4, 2]);
  await save(wb, 'parts-in-one-row.xlsx');
}

async function zones() {
  // A 高新区 and a 新区 reporting beside the townships, with a 合计 row that adds up.
  const wb = new ExcelJS.Workbook();
  eduSheet(wb, '教育', '2025年某县教育事业统计表', [
    ['甲镇', 100, 90, 80, 70],
    ['乙镇', 200, 180, 160, 150],
    ['高新区', 60, 50, 40, 30],
    ['滨江新区', 40, 30, 20, 10],
    ['合计', 400, 350, 300, 260],
  ]);
  await save(wb, 'zones.xlsx');
  // A 高新区 over its 社区 as 甲镇 over its villages, in a village-level table.
  const villages = new ExcelJS.Workbook();
  eduSheet(
    villages,
    '教育',
    '2025年教育事业统计表（分村）',
    [
      ['甲镇', 30, 27, 20, 18],
      ['东村', 10, 9, 8, 7],
      ['西村', 20, 18, 12, 11],
      ['高新区', 60, 50, 45, 40],
      ['阳光社区', 35, 30, 25, 22],
      ['和平社区', 25, 20, 20, 18],
      ['合计', 90, 77, 65, 58],
    ],
    { header: ['村（社区）', ...EDU.slice(1)] },
  );
  await save(villages, 'zone-over-communities.xlsx');
}

async function unitsAcross() {
  // The units across, the items down (指标名称 | 计量单位 | 甲镇 | 乙镇 | 丙镇 | 合计); `wrong`: the
  // 合计 of 婴儿死亡数 typed 10 for 12.
  for (const [file, deaths] of [
    ['units-across.xlsx', 12],
    ['units-across-wrong-total.xlsx', 10],
  ]) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Sheet1');
    ws.addRow(['2025年某县妇幼健康监测统计表']);
    ws.addRow(['指标名称', '计量单位', '甲镇', '乙镇', '丙镇', '合计']);
    ws.addRow(['活产数', '人', 1000, 2000, 1500, 4500]);
    ws.addRow(['婴儿死亡数', '人', 3, 5, 4, deaths]);
    ws.addRow(['免疫规划疫苗应种人数', '人', 1000, 2000, 1500, 4500]);
    ws.addRow(['免疫规划疫苗实种人数', '人', 850, 1980, 1500, 4330]);
    await save(wb, file);
  }
}

async function workingSheet() {
  // An FE1 form without 低出生体重儿数, and a working sheet listing it for two townships only.
  const wb = new ExcelJS.Workbook();
  let ws = wb.addWorksheet('妇幼');
  ws.addRow(['2025年妇幼健康统计表']);
  ws.addRow(['乡镇', '活产数', '婴儿死亡数']);
  ws.addRow(['甲镇', 1000, 3]);
  ws.addRow(['乙镇', 1500, 5]);
  ws.addRow(['丙镇', 1000, 4]);
  ws = wb.addWorksheet('低体重儿登记');
  ws.addRow(['乡镇', '低出生体重儿数', '备注']);
  ws.addRow(['乙镇', 12, '登记中']);
  ws.addRow(['丙镇', 3, '']);
  await save(wb, 'working-sheet.xlsx');
}

(async () => {
  await periodColumns();
  await hiddenSheet();
  await officeNameTwice();
  await splitForm();
  await groupHeadings();
  await personsInWanRen();
  await workingSheet();
  await unitsAcross();
  await zones();
  await partsInOneRow();
  await oneItemSheets();
  await sameNameVillagesTwoYears();
  await itemInTwoForms();
  await bracketTitle();
  await thirdReview();
  await notTotals();
  await sameNameVillages();
  await narrativeEdges();
  await periodsOverItems();
  await unitInScaledCell();
  await nearSums();
  await levelsAcrossTables();
  await perTownshipVillages();
  await hiddenRow();
  await periodsUnderItems();
  await pageBreakRows();
  await uncalculatedFormulas();
  await verticalYearsUnnamed();
  await noUnitColumn();
  await partsHeader();
  await countyNameTotal();
  await breakdownRow();
  await townshipOverVillages();
  await negativeCount();
  await periods();
  await oneCode();
  await unlistedUnit();
  await renamed();
  await duplicateRow();
  await villageCodes();
  await wanRen();
  await unfilled();
  await vertical();
  await verticalFailing();
  await verticalTwoYears();
  await verticalTwice();
  await totalWithColon();
  await priorMissingUnit();
  await villagesUnderTownships();
  await sideBySide();
  await marriagesInPairs();
})();
