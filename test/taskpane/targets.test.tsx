import { act, configure, fireEvent, render, screen, waitFor } from '@testing-library/react';
import type { ExcelBatch } from '../../src/excel/context';
import { ExcelTally } from '../../src/excel/tally';
import { App } from '../../src/taskpane/App';
import { createEngine } from '../../src/taskpane/engine/engine';
import { FakeExcel } from '../support/fake-excel';
import { defaultProfile } from '../support/fixtures';
import { fakeInit, readSample } from '../support/sample';

/** The pane's targets panel (issue 9): 插入指标目标表 and the 年度 / 中期 setting. */
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
}

it('inserts the targets sheet, and a mid-term report judges progress against it', async () => {
  const excel = new FakeExcel(fakeInit(await readSample()));
  const host = new ExcelTally({
    name: '当前工作簿',
    run: excel.run as unknown as ExcelBatch,
    api: () => true,
    merges: true,
  });
  render(
    <App
      source={host.source}
      host={host}
      initialLang="zh"
      engine={createEngine()}
      now={() => new Date(2026, 2, 1, 10, 0)}
    />,
  );
  await screen.findByTestId('sheet-list');
  await click('insert-targets');
  const notes = screen.queryAllByTestId('note-text').map((el) => el.textContent ?? '');
  expect(notes[0]).toMatch(
    new RegExp(
      `^已插入工作表“指标目标”，列出 ${defaultProfile().indicators.length} 项指标的监测方案默认目标`,
    ),
  );
  // C02 (row 14): a county target with its 2020 baseline.
  const sheet = excel.sheet('指标目标');
  expect(sheet?.valueAt(13, 0)).toBe('C02');
  sheet?.setValue(13, 2, '≤4‰');
  sheet?.setValue(13, 5, 2020);
  sheet?.setValue(13, 6, 5.5);

  await act(async () => {
    fireEvent.click(screen.getByLabelText('中期评估'));
  });
  await click('report');
  const summary = excel.sheet('指标汇总')?.table() ?? [];
  const header = summary[4] ?? [];
  const col = (name: string) => header.indexOf(name);
  expect(col('中期进度')).toBeGreaterThan(0);
  const c02 = summary.find((r) => r[col('编号')] === 'C02') ?? [];
  // 3.55‰ against ≤4‰ → met; the line from 5.5 (2020) to 4 (2030) is at 5.5 − 1.5 × 0.5 = 4.75
  // in 2025; met → on track.
  expect([
    c02[col('目标')],
    c02[col('达标情况')],
    c02[col('中期进度')],
    c02[col('进度值')],
  ]).toEqual(['4‰以下', '达标', '进度达标', 4.75]); // the summary quotes words, not a symbol
  // The meta line says whose targets were used.
  // 27 rows, of which the three 左右 rows without a 容差 (W06, W09, W10) are set aside: 24 apply.
  expect(String(summary[1]?.[0])).toContain(
    '目标：当前工作簿的工作表“指标目标”（24项；另有3项因目标表中的行有误未作评估），其余0项按监测方案默认目标　评估类型：中期评估',
  );
});
