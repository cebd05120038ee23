import { monitor } from '../../../src/core/monitor';
import { unitsSheet, unitsSheets } from '../../../src/core/output/units';
import type { OutputSheet } from '../../../src/core/output/spec';
import { fitToExcel } from '../../../src/core/output/fit';
import { defaultIndex, defaultProfile } from '../../support/fixtures';
import { readSample } from '../../support/sample';

/**
 * 分单位指标 past Excel's rows: more than a million units would not fit one sheet, so the
 * units go on in continuation sheets, each with the title and header rows. Shown here with a
 * limit of 10 rows on the sample (the whole area and its 15 townships: 16 unit rows).
 */
async function input() {
  const r = monitor({
    workbooks: [await readSample()],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
  });
  return {
    assessment: r.assessment,
    profile: defaultProfile(),
    dataset: r.dataset,
    period: r.period,
    audit: r.digest,
    lang: 'zh' as const,
    time: '2026-12-01 10:00',
  };
}

const HEAD = 5; // title, legend, indicator names, units of measure, targets
const names = (s: OutputSheet) => s.rows.slice(HEAD).map((r) => r[0]?.value);

describe('分单位指标 past Excel’s rows', () => {
  it('fits on one sheet while it can: the same sheet as before', async () => {
    const i = await input();
    const whole = unitsSheet(i, '分单位指标', '指标汇总');
    expect(unitsSheets(i, '分单位指标', '指标汇总')).toEqual([whole]);
    expect(unitsSheets(i, '分单位指标', '指标汇总', whole.rows.length)).toEqual([whole]);
  });

  it('goes on in continuation sheets, every unit once and in order, headers on each', async () => {
    const i = await input();
    const whole = unitsSheet(i, '分单位指标', '指标汇总');
    const units = names(whole);
    expect(units).toHaveLength(16); // 青川市 and its 15 townships (hand count of the sample)
    const parts = unitsSheets(i, '分单位指标', '指标汇总', 10);
    // 10 rows a sheet, 5 of them headers: 16 units need 4 sheets (5 + 5 + 5 + 1).
    expect(parts.map((p) => p.name)).toEqual([
      '分单位指标',
      '分单位指标（续2）',
      '分单位指标（续3）',
      '分单位指标（续4）',
    ]);
    expect(parts.map((p) => p.rows.length)).toEqual([10, 10, 10, 6]);
    expect(parts.flatMap(names)).toEqual(units);
    for (const p of parts) {
      expect(p.rows.slice(0, HEAD)).toEqual(whole.rows.slice(0, HEAD));
      expect(p.role).toBe('units');
      expect(p.frozenRows).toBe(HEAD);
      expect(p.merges).toEqual(whole.merges); // the title and legend across the table
      // The table's borders from the header rows to the sheet's last row.
      expect(p.borders?.[0]).toMatch(new RegExp(`^A3:[A-Z]+${p.rows.length}$`));
      expect(p.print?.header?.center).toEqual([p.name]);
    }
    // Each value stays in its indicator's column: the last township's row is the same.
    expect(parts[3]?.rows[5]).toEqual(whole.rows[whole.rows.length - 1]);
  });
});

describe('a description past Excel’s grid', () => {
  it('is refused before any writer, not written as a file Excel would call damaged', () => {
    const wide: OutputSheet = {
      name: '宽表',
      rows: [Array.from({ length: 16_385 }, (_, c) => ({ value: c }))],
    };
    expect(() => fitToExcel(wide)).toThrow(/宽表: 1 rows × 16385 columns/);
    const fits: OutputSheet = {
      name: '表',
      rows: [Array.from({ length: 16_384 }, () => ({ value: 1 }))],
    };
    expect(fitToExcel(fits)).toBe(fits);
  });
});
