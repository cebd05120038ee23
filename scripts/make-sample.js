#!/usr/bin/env node
'use strict';
/**
 * Writes the bundled sample: a county-level city (青川市, fictional) with 15 townships, the five
 * forms of the default profile for 2024 and 2025, in the shape real submissions have: title
 * rows, a unit row, a column-code row, a merged two-row header, 合计 rows with SUM formulas,
 * a few numbers typed as text, one township whose births do not add up (an error) and one
 * plausible warning (婚检 above marriages: couples registered elsewhere came home for the check).
 *
 * Deterministic: a seeded generator, so the files only change when this script does.
 * Run: node scripts/make-sample.js
 */
const path = require('node:path');
const fs = require('node:fs');
const ExcelJS = require('exceljs');
const rng = require('./rng');

const CITY = { code: '451281000000', name: '青川市' };
const TOWNS = [
  ['451281001000', '城东街道', 62000, 0, 14],
  ['451281002000', '城西街道', 55000, 0, 12],
  ['451281003000', '河滨街道', 41000, 2, 9],
  ['451281100000', '青山镇', 38000, 14, 2],
  ['451281101000', '石门镇', 33000, 12, 2],
  ['451281102000', '白沙镇', 29000, 11, 1],
  ['451281103000', '龙潭镇', 27000, 10, 1],
  ['451281104000', '桃源镇', 24000, 9, 1],
  ['451281105000', '大坪镇', 22000, 9, 1],
  ['451281106000', '新田镇', 20000, 8, 1],
  ['451281107000', '长岭镇', 18000, 8, 1],
  ['451281200000', '黄竹乡', 12000, 7, 0],
  ['451281201000', '云台乡', 10000, 6, 0],
  ['451281202000', '梅溪乡', 9000, 6, 0],
  ['451281203000', '高峰乡', 7000, 5, 0],
].map(([code, name, pop, villages, communities]) => ({ code, name, pop, villages, communities }));

/** Counts for one township in one year. `f` scales demographic flows (births fall each year). */
function township(t, year, rand) {
  const r = (lo, hi) => lo + (hi - lo) * rand();
  const n = (x) => Math.max(0, Math.round(x));
  const f = year === 2025 ? 1 : 1.06;
  const births = n(t.pop * r(0.0085, 0.0105) * f);
  const male = n(births * r(0.505, 0.53));
  const infant = n(births * r(0.002, 0.0065));
  const neonatal = Math.min(infant, n(infant * r(0.4, 0.7)));
  const u5 = infant + n(births * r(0.0005, 0.002));
  const w3564 = n(t.pop * r(0.2, 0.24));
  const under3 = n(births * r(2.9, 3.1));
  const under7 = n(births * r(6.6, 7.2));
  const measured = n(births * 5 * r(0.88, 0.95));
  const hb = n(measured * r(0.85, 0.95));
  const due = n(births * r(14, 16));
  const marriages = n(t.pop * r(0.011, 0.015) * f);
  const vMembers = t.villages * n(r(5, 7));
  const employed = n(t.pop * r(0.5, 0.58));
  const womenEmp = n(employed * r(0.42, 0.47));
  const pensionDue = n(t.pop * r(0.3, 0.34));
  const medicalDue = n(t.pop * r(0.45, 0.49));
  const pop3 = n(births * r(3.0, 3.3));
  const cohort = n(births * r(1.1, 1.25));
  const pop1517 = n(births * r(3.2, 3.6));
  const tested = n(t.pop * r(0.1, 0.12));
  const rMembers = t.communities * n(r(5, 7));
  const communities = t.villages + t.communities;
  return {
    FE1: {
      live_births: births,
      live_births_male: male,
      live_births_female: births - male,
      maternal_deaths: rand() < (year === 2025 ? 0.08 : 0.12) ? 1 : 0,
      neonatal_deaths: neonatal,
      infant_deaths: infant,
      under5_deaths: u5,
      low_birth_weight: n(births * r(0.028, 0.045)),
      maternal_managed: n(births * r(0.9, 0.97)),
      women_35_64: w3564,
      cervical_screened: n(w3564 * r(0.55, 0.78)),
      breast_screened: n(w3564 * r(0.5, 0.72)),
      premarital_checked: n(marriages * r(0.62, 0.85)),
      children_under3: under3,
      under3_managed: n(under3 * r(0.9, 0.97)),
      children_under7: under7,
      under7_managed: n(under7 * r(0.91, 0.97)),
      under5_measured: measured,
      under5_stunted: n(measured * r(0.008, 0.02)),
      under5_hb_tested: hb,
      under5_anaemic: n(hb * r(0.03, 0.07)),
      vaccine_due: due,
      vaccine_done: n(due * r(0.975, 0.995)),
    },
    FE2: {
      pop_3_5: pop3,
      kindergarten_enrolled: n(pop3 * r(0.86, 1.02)),
      grade9_completers: n(cohort * r(0.95, 0.99)),
      grade1_cohort: cohort,
      upper_secondary_enrolled: n(pop1517 * r(0.86, 0.98)),
      pop_15_17: pop1517,
      fitness_tested: tested,
      fitness_good: n(tested * r(0.5, 0.62)),
    },
    FE3: {
      village_committee_members: vMembers,
      village_committee_women: n(vMembers * r(0.22, 0.34)),
      village_heads: t.villages,
      village_heads_women: n(t.villages * r(0, 0.2)),
      resident_committee_members: rMembers,
      resident_committee_women: n(rMembers * r(0.45, 0.62)),
      communities,
      communities_with_child_officer: communities - (rand() < 0.2 ? 1 : 0),
      marriages_registered: marriages,
    },
    FE4: {
      employed,
      employed_women: womenEmp,
      women_pension_due: pensionDue,
      women_pension_insured: n(pensionDue * r(0.9, 0.98)),
      women_medical_due: medicalDue,
      women_medical_insured: n(medicalDue * r(0.94, 0.99)),
    },
    FE5: {
      pop_0_17: n(t.pop * r(0.19, 0.23)),
      child_injury_deaths: n(t.pop * r(0.19, 0.23) * r(0, 0.00012)),
    },
  };
}

const profile = JSON.parse(
  fs.readFileSync(
    path.join(__dirname, '..', 'profiles', 'lianggang-2021-2030', 'forms.json'),
    'utf8',
  ),
);
const FORMS = Object.fromEntries(profile.forms.map((f) => [f.id, f]));

const THIN = { style: 'thin', color: { argb: 'FF999999' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

function styleBlock(ws, top, bottom, left, right) {
  for (let r = top; r <= bottom; r++) {
    for (let c = left; c <= right; c++) ws.getCell(r, c).border = BORDER;
  }
}

function colLetter(c) {
  let s = '';
  for (let n = c; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A total row with SUM formulas and their cached results, as Excel saves it. */
function totalRow(ws, row, firstData, lastData, fromCol, toCol, label, labelCol = 1) {
  ws.getCell(row, labelCol).value = label;
  for (let c = fromCol; c <= toCol; c++) {
    let sum = 0;
    for (let r = firstData; r <= lastData; r++) {
      const v = ws.getCell(r, c).value;
      const num =
        typeof v === 'number'
          ? v
          : typeof v === 'string'
            ? Number(v.normalize('NFKC').replace(/[,人\s]/g, ''))
            : 0;
      sum += Number.isFinite(num) ? num : 0;
    }
    const L = colLetter(c);
    ws.getCell(row, c).value = { formula: `SUM(${L}${firstData}:${L}${lastData})`, result: sum };
  }
  ws.getRow(row).font = { bold: true };
}

function signature(ws, row, dept) {
  ws.getCell(row, 1).value = `单位负责人：${dept === '卫健委' ? '王建国' : '陈红'}`;
  ws.getCell(row, 3).value = '填表人：刘晓';
  ws.getCell(row, 5).value = '报出日期：2026年2月10日';
}

/** FE1: title rows, a two-row merged header (活产数 over 合计 | 男 | 女), 栏号 row, 合计, signature. */
function sheetFE1(wb, year, data) {
  const ws = wb.addWorksheet('妇幼卫生');
  const items = FORMS.FE1.items.filter(
    (i) => !['live_births', 'live_births_male', 'live_births_female'].includes(i.id),
  );
  const last = 4 + items.length;
  ws.getCell('A1').value = `${year}年青川市妇幼健康监测统计表`;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center' };
  ws.getCell('A2').value = '填报单位：青川市卫生健康局';
  ws.getCell(2, last - 2).value = `${year}年度`;
  ws.getCell('A3').value = '乡镇（街道）';
  ws.mergeCells('A3:A4');
  ws.getCell('B3').value = '活产数';
  ws.mergeCells('B3:D3');
  ws.getCell('B4').value = '合计';
  ws.getCell('C4').value = '男';
  ws.getCell('D4').value = '女';
  items.forEach((item, i) => {
    const c = 5 + i;
    ws.getCell(3, c).value = item.name;
    ws.mergeCells(3, c, 4, c);
    ws.getCell(3, c).alignment = { wrapText: true, vertical: 'middle' };
  });
  ws.getRow(5).values = ['甲', ...Array.from({ length: last - 1 }, (_, i) => i + 1)];
  const ids = ['live_births', 'live_births_male', 'live_births_female', ...items.map((i) => i.id)];
  data.forEach((d, k) => {
    ws.getRow(6 + k).values = [d.name, ...ids.map((id) => d.FE1[id])];
  });
  const lastData = 5 + data.length;
  totalRow(ws, lastData + 1, 6, lastData, 2, last, '合计');
  signature(ws, lastData + 3, '卫健委');
  styleBlock(ws, 3, lastData + 1, 1, last);
  ws.columns.forEach((col, i) => (col.width = i === 0 ? 12 : 11));
  ws.views = [{ state: 'frozen', xSplit: 1, ySplit: 5 }];
  return ws;
}

/** A one-row header with an optional 计量单位 row and a code column. */
function simpleSheet(wb, name, title, form, data, opts) {
  const ws = wb.addWorksheet(name);
  const items = FORMS[form].items;
  const lead = opts.code ? ['统计用区划代码', '区划名称'] : [opts.unitHeader ?? '地区'];
  const last = lead.length + items.length;
  ws.getCell('A1').value = title;
  ws.mergeCells(1, 1, 1, last);
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getRow(2).values = [`填报单位：${opts.unit}`];
  const headerRow = 3;
  ws.getRow(headerRow).values = [
    ...lead,
    ...items.map((i) => (opts.suffix ? `${i.name}（${i.unit}）` : i.name)),
  ];
  ws.getRow(headerRow).alignment = { wrapText: true, vertical: 'middle' };
  let first = headerRow + 1;
  if (opts.unitRow) {
    ws.getRow(first).values = [
      '计量单位',
      ...(opts.code ? [null] : []),
      ...items.map((i) => i.unit),
    ];
    first++;
  }
  data.forEach((d, k) => {
    const lead = opts.code ? [d.code, d.name] : [d.name];
    const values = items.map((i) =>
      opts.cell ? opts.cell(d, i.id, d[form][i.id]) : d[form][i.id],
    );
    ws.getRow(first + k).values = [...lead, ...values];
  });
  const lastData = first + data.length - 1;
  if (opts.total)
    totalRow(ws, lastData + 1, first, lastData, lead.length + 1, last, '合计', lead.length);
  if (opts.typedTotal) opts.typedTotal(ws, lastData + 1, lead.length);
  styleBlock(ws, headerRow, lastData + (opts.total ? 1 : 0), 1, last);
  ws.columns.forEach((col, i) => (col.width = i < lead.length ? 14 : 12));
  ws.views = [{ state: 'frozen', xSplit: lead.length, ySplit: headerRow }];
  return ws;
}

function regionSheet(wb) {
  const ws = wb.addWorksheet('地区');
  ws.getRow(1).values = ['代码', '名称', '上级代码'];
  ws.getRow(2).values = [CITY.code, CITY.name, null];
  TOWNS.forEach((t, k) => (ws.getRow(3 + k).values = [t.code, t.name, CITY.code]));
  ws.columns = [{ width: 16 }, { width: 12 }, { width: 16 }];
}

async function workbook(year) {
  const rand = rng(year * 7919);
  const data = TOWNS.map((t) => ({ ...t, ...township(t, year, rand) }));
  if (year === 2025) {
    // The error: 石门镇 typed its births total as 358 while boys and girls add up to 385.
    const shimen = data.find((d) => d.name === '石门镇');
    shimen.FE1.live_births_male = 198;
    shimen.FE1.live_births_female = 187;
    shimen.FE1.live_births = 358;
    // The warning: couples registered elsewhere came home to 龙潭镇 for the premarital check.
    const longtan = data.find((d) => d.name === '龙潭镇');
    longtan.FE1.premarital_checked = longtan.FE3.marriages_registered + 26;
    // Missing, not zero: 高峰乡 police data not yet in.
    data.find((d) => d.name === '高峰乡').FE5.child_injury_deaths = '—';
  }
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tally sample';
  wb.created = new Date(`${year + 1}-02-10T00:00:00Z`);
  wb.modified = wb.created;
  sheetFE1(wb, year, data);
  simpleSheet(wb, '教育', `${year}年青川市教育事业统计表（两纲监测）`, 'FE2', data, {
    unit: '青川市教育局',
    unitRow: true,
    total: true,
  });
  simpleSheet(wb, '民政', `${year}年青川市民政统计表（两纲监测）`, 'FE3', data, {
    unit: '青川市民政局',
    code: true,
    suffix: true,
    total: true,
    // The wrong total: 民政 typed its 合计 row by hand, and 村委会成员数 is 10 short.
    typedTotal:
      year === 2025
        ? (ws, row, lead) => {
            for (let c = lead + 1; c <= lead + FORMS.FE3.items.length; c++) {
              const cell = ws.getCell(row, c);
              cell.value = cell.value.result - (c === lead + 1 ? 10 : 0);
            }
          }
        : undefined,
  });
  simpleSheet(wb, '人社医保', `${year}年青川市就业和社会保障统计表`, 'FE4', data, {
    unit: '青川市人力资源和社会保障局、青川市医疗保障局',
    unitHeader: '单位名称',
    total: true,
    // Numbers typed as text, as they arrive from other systems.
    cell: (d, id, v) => {
      if (year !== 2025) return v;
      if (d.name === '城东街道' && id === 'employed') return v.toLocaleString('en-US');
      if (d.name === '城西街道' && id === 'employed_women')
        return String(v).replace(/\d/g, (c) => String.fromCharCode(0xff10 + Number(c)));
      if (d.name === '青山镇' && id === 'women_pension_due') return `${v}人`;
      return v;
    },
  });
  simpleSheet(wb, '人口与安全', `${year}年青川市儿童人口与安全统计表`, 'FE5', data, {
    unit: '青川市统计局、青川市公安局',
    unitHeader: '乡镇',
    unitRow: true,
  });
  regionSheet(wb);
  const file = path.join(__dirname, '..', 'samples', `${year}年青川市两纲监测数据.xlsx`);
  await wb.xlsx.writeFile(file);
  console.log('wrote', path.relative(process.cwd(), file));
}

(async () => {
  fs.mkdirSync(path.join(__dirname, '..', 'samples'), { recursive: true });
  await workbook(2024);
  await workbook(2025);
})().catch((e) => {
  console.error(e);
  process.exit(1);
});
