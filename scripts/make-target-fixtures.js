#!/usr/bin/env node
'use strict';
/**
 * Writes the targets-table fixtures under test/fixtures/targets/ (issue 9): real CSV files
 * (UTF-8 with a BOM, and GBK as Chinese Excel saves them) and .xlsx workbooks, one per quirk or
 * malformed row. test/fixtures/targets/README.md says what each tests; the expected readings are
 * in test/core/targets/table.test.ts, worked out by hand.
 * Run: node scripts/make-target-fixtures.js   (the files are committed; rerun only to change them)
 */
const path = require('node:path');
const fs = require('node:fs');
const ExcelJS = require('exceljs');
const { TextDecoder } = require('node:util');

const out = path.join(__dirname, '..', 'test', 'fixtures', 'targets');
fs.mkdirSync(out, { recursive: true });

const HEADER = '编号,目标,容差,目标年份,基期年份,基期值,来源';
/** A row every malformed-row fixture carries, to show the other rows still apply. */
const GOOD = 'W01,≤10/10万,,2025,2020,14.2,《某市妇女发展规划（2021—2025年）》';

function csv(name, lines, { bom = true } = {}) {
  const text = lines.join('\r\n') + '\r\n';
  const bytes = Buffer.concat([
    bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
    Buffer.from(text, 'utf8'),
  ]);
  fs.writeFileSync(path.join(out, name), bytes);
  console.log('wrote', name);
}

/** GBK bytes for a string, from the reverse of the platform's GBK decoder (no extra package). */
function gbk(text) {
  const decoder = new TextDecoder('gbk');
  const map = new Map();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(Uint8Array.from([lead, trail]));
      if (ch.length === 1 && ch !== '\uFFFD' && !map.has(ch)) map.set(ch, [lead, trail]);
    }
  }
  const bytes = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    if (code < 0x80) bytes.push(code);
    else {
      const pair = map.get(ch);
      if (!pair) throw new Error(`no GBK for ${ch}`);
      bytes.push(...pair);
    }
  }
  return Buffer.from(bytes);
}

async function xlsx(name, sheets) {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tally fixtures';
  wb.created = new Date('2026-01-01T00:00:00Z');
  wb.modified = new Date('2026-01-01T00:00:00Z');
  for (const [sheetName, rows] of sheets) {
    const ws = wb.addWorksheet(sheetName);
    rows.forEach((r, i) => {
      ws.getRow(i + 1).values = r;
    });
  }
  await wb.xlsx.writeFile(path.join(out, name));
  console.log('wrote', name);
}

async function main() {
  // The well-formed table: a title row and a blank row above the header, every spelling of a
  // target, full-width digits and signs, numbers typed as text, a blank row and a closing note.
  csv('good.csv', [
    '某市2021—2025年妇女儿童发展规划监测指标目标',
    '',
    '编号,指标,目标,容差,目标年份,基期年份,基期值,来源',
    'W01,孕产妇死亡率,≤10/10万,,2025,2020,14.2,《某市妇女发展规划（2021—2025年）》',
    'W02,孕产妇系统管理率,＞＝９２％,,2025,,,《某市妇女发展规划（2021—2025年）》',
    'W03,宫颈癌筛查率,达到70%以上,,,,,《某市妇女发展规划（2021—2025年）》',
    'W04,乳腺癌筛查率,逐步提高,,,2020,55.5,',
    'W05,婚前医学检查率,,,,,,',
    '',
    'W06,就业人员中女性比例,45%左右,2,,,,',
    'W09,居委会成员中女性比例,50%左右（±3）,,,,,',
    'C01,新生儿死亡率,3‰以下,,,,,',
    'C04,低出生体重发生率,低于4%,,,,,',
    'C05,出生人口性别比,103—107,,,,,',
    'C06,3岁以下儿童系统管理率,不低于92%,,,,,',
    'C08,5岁以下儿童生长迟缓率,不超过5%,,,,,',
    'C09,5岁以下儿童贫血患病率,"<=10",,,,,',
    'C10,免疫规划疫苗接种率,以乡（镇、街道）为单位保持在95%以上,,,,,',
    'C11,学前教育毛入园率,超过90%,,,,,',
    'C16,儿童伤害死亡率,比基期下降20%,,,２０２０年,"4.54",',
    '',
    '注：本表由市妇儿工委办公室填写',
  ]);
  // English headers, a semicolon delimiter, no BOM; an about target with its band column.
  csv(
    'english-headers.csv',
    [
      'id;target;band;targetYear;baseYear;baseline;source',
      'W01;<= 12;;2030;;;national',
      'W10;95% 左右;1;;;;local plan',
      'C03;6.0‰ 以下;;;;;',
    ],
    { bom: false },
  );
  // GBK bytes, as Chinese Excel saves "CSV (逗号分隔)".
  fs.writeFileSync(
    path.join(out, 'gbk.csv'),
    gbk([HEADER, 'W01,12/10万以下,,,,,国家纲要', 'C02,5‰以内,,,,,国家纲要'].join('\r\n') + '\r\n'),
  );
  console.log('wrote gbk.csv');

  // One malformed row each, next to the good W01 row.
  const malformed = {
    'bad-target.csv': 'C02,约5左右吧,,,,,',
    'about-no-band.csv': 'W09,50%左右,,,,,',
    'unit-mismatch.csv': 'C02,≤5%,,,,,',
    'unknown-id.csv': 'C0l,≤3‰,,,,,',
    'duplicate-id.csv': 'W01,≤11/10万,,,,,',
    'range-order.csv': 'C05,107—103,,,,,',
    'relative-no-year.csv': 'C16,比基期下降20%,,,,4.54,',
    'bad-year.csv': 'C02,≤5‰,,二〇三〇,,,',
    'bad-baseline.csv': 'C02,≤5‰,,,2020,约5.4,',
    'bad-band.csv': 'W06,45%左右,负二,,,,',
    'bare-number-band.csv': 'C05,105,,,,,',
    'no-id.csv': ',≤5‰,,,,,',
    'bad-base-year.csv': 'C02,≤5‰,,,二〇二〇,5.4,',
    'baseline-unit.csv': 'C02,≤5‰,,,2020,5.4%,',
    'band-conflict.csv': 'W09,50%左右（±3）,2,,,,',
    'target-year-conflict.csv': 'C02,到2025年，降至4.5‰以下,,2030,,,',
    'base-year-conflict.csv': 'C16,比2020年下降20%,,,2019,4.54,',
  };
  for (const [name, row] of Object.entries(malformed)) csv(name, [HEADER, GOOD, row]);

  // Tables that cannot be used at all (exit 2).
  csv('no-target-column.csv', ['编号,指标,来源', 'W01,孕产妇死亡率,国家纲要']);
  csv('no-header.csv', ['孕产妇死亡率,12', '婴儿死亡率,5']);
  csv('all-bad.csv', [HEADER, 'W01,大约十二,,,,,', 'X99,≤3,,,,,']);
  csv('empty.csv', ['', '']);

  // A workbook whose 指标目标 sheet is not the first; numbers stored as numbers and as text.
  await xlsx('targets.xlsx', [
    ['说明', [['本工作簿的“指标目标”表列出本市目标']]],
    [
      '指标目标',
      [
        ['某市指标目标表'],
        [],
        ['编号', '目标', '容差', '目标年份', '基期年份', '基期值', '来源'],
        ['W01', '≤10/10万', null, 2025, 2020, 14.2, '本市规划'],
        ['C02', '≤3.5‰', null, 2025, 2020, '4.8', '本市规划'],
        ['W06', '45%左右', 2, null, null, null, '本市规划'],
      ],
    ],
  ]);

  // The women's and the children's targets on sheets of their own, as plans are printed; W05
  // given again on the children's sheet; one source that says it was not checked.
  await xlsx('two-sheets.xlsx', [
    [
      '妇女发展规划目标',
      [
        ['编号', '指标', '目标', '来源'],
        ['W01', '孕产妇死亡率', '≤10/10万', '《某市妇女发展规划（2021—2030年）》'],
        ['W05', '婚前医学检查率', '≥90%', '《某市妇女发展规划（2021—2030年）》'],
      ],
    ],
    [
      '儿童发展规划目标',
      [
        ['编号', '指标', '目标', '来源'],
        ['C02', '婴儿死亡率', '≤3.5‰', '《某市儿童发展规划（2021—2030年）》'],
        ['C05', '出生人口性别比', '103—108', '未能在可查的公开文本中核对，请按本地纲要核对修改'],
        ['W05', '婚前医学检查率', '≥80%', '《某市儿童发展规划（2021—2030年）》'],
      ],
    ],
  ]);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
