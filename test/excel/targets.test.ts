import { monitor } from '../../src/core/monitor';
import { TARGET_HEADERS } from '../../src/core/targets/sheet';
import type { ExcelBatch } from '../../src/excel/context';
import { OWNED_KEY, parseOwned } from '../../src/excel/state';
import { ExcelTally } from '../../src/excel/tally';
import { FakeExcel } from '../support/fake-excel';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { fakeInit, readSample } from '../support/sample';

/** 插入指标目标表 (issue 9) over the sample in an in-memory Excel. */
it('inserts the profile’s targets as a sheet the office edits and the report then uses', async () => {
  const sample = await readSample();
  const excel = new FakeExcel(fakeInit(sample));
  const tally = new ExcelTally({
    name: '当前工作簿',
    run: excel.run as unknown as ExcelBatch,
    api: () => true,
    merges: false,
  });
  const profile = defaultProfile();
  expect(await tally.insertTargets(profile)).toEqual({ sheet: '指标目标', existed: false });
  const sheet = excel.sheet('指标目标');
  const table = sheet?.table() ?? [];
  expect(table[0]).toEqual([...TARGET_HEADERS]);
  expect(table).toHaveLength(profile.indicators.length + 1);
  // W01 in the programme's words, with its year; W05 (monitored only) blank.
  expect(table[1]?.slice(0, 5)).toEqual(['W01', '孕产妇死亡率', '下降到12/10万以下', '', 2030]);
  expect(table[5]?.slice(0, 3)).toEqual(['W05', '婚前医学检查率', '']);
  expect(excel.activeSheet).toBe('指标目标');
  // The office's sheet, not Tally's: never replaced by a report.
  expect(parseOwned(excel.settings.get(OWNED_KEY)).size).toBe(0);

  const run = async () =>
    monitor({
      workbooks: [(await tally.read()).workbook],
      profile,
      index: defaultIndex(),
      lang: 'zh',
    });
  const c02 = async () => (await run()).assessment.indicators.find((i) => i.def.id === 'C02');
  // Unchanged, it gives the profile's targets (C02 3.55‰ ≤ 5 → met), from the sheet.
  expect((await c02())?.status).toBe('met');
  expect((await c02())?.target.origin).toBe('table');
  // The three 左右 rows have no 容差 until the office enters one: reported, not judged.
  const first = await run();
  expect(first.assessment.targets?.problems.map((p) => [p.id, p.issue.key])).toEqual([
    ['W06', 'targets.row.aboutNoBand'],
    ['W09', 'targets.row.aboutNoBand'],
    ['W10', 'targets.row.aboutNoBand'],
  ]);
  // The office writes its own target for C02 (row 14: header + 11 women's + C01, C02).
  expect(table[13]?.[0]).toBe('C02');
  sheet?.setValue(13, 2, '≤3.5‰');
  expect((await c02())?.status).toBe('notMet');

  // Inserting again shows the office's sheet and changes nothing.
  excel.activeSheet = '妇幼卫生';
  expect(await tally.insertTargets(profile)).toEqual({ sheet: '指标目标', existed: true });
  expect(excel.activeSheet).toBe('指标目标');
  expect(excel.sheet('指标目标')?.valueAt(13, 2)).toBe('≤3.5‰');
});
