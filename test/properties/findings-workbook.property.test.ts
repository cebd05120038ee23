import fc from 'fast-check';
import { findingsWorkbook, UNIT_SHEETS } from '../../src/core/output/findings';
import type { Finding } from '../../src/core/validate/result';
import { runs } from '../support/property';

/**
 * The findings workbook, for any findings and any row limit: every error and warning is on
 * exactly one row, notices on none; each unit's rows are together, errors before warnings;
 * a sheet per unit up to UNIT_SHEETS units, else one list; no sheet passes the row limit, and
 * every sheet after the instructions starts with the header the import reads.
 */
const finding = fc.record({
  unit: fc.integer({ min: 0, max: 140 }).map((u) => `${u}村`),
  ruleId: fc.constantFrom('FE1-01', 'FE1-03', 'X-01'),
  severity: fc.constantFrom<Finding['severity']>('error', 'warning', 'notice'),
  sheet: fc.constantFrom('妇幼卫生', '民政'),
});

describe('the findings workbook holds every finding once, within the row limit', () => {
  test('for any findings and row limit', () => {
    let lists = 0;
    fc.assert(
      fc.property(
        // Up to 400 findings of up to 141 units: both layouts, a sheet per unit and the list.
        fc.array(finding, { maxLength: 400, size: 'max' }),
        fc.integer({ min: 2, max: 60 }),
        (drawn, maxRows) => {
          const findings: Finding[] = drawn.map((d, i) => ({
            ...d,
            message: `问题${i}`,
            file: 'a.xlsx',
            cells: [],
          }));
          const wb = findingsWorkbook(findings, { lang: 'zh' }, maxRows);
          const sent = findings.filter((f) => f.severity !== 'notice');
          const units = [...new Set(sent.map((f) => f.unit))];
          const [readme, ...sheets] = wb.sheets;
          expect(readme?.name).toBe('填写说明');
          const list = units.length > UNIT_SHEETS;
          if (list) lists++;
          if (!list) expect(sheets.map((s) => s.name)).toEqual(units);
          for (const s of sheets) {
            expect(s.rows[0]?.[4]?.value).toBe('规则编号');
            if (list) expect(s.rows.length).toBeLessThanOrEqual(maxRows);
          }
          // The rows, in order, by the message that names each finding.
          const rows = sheets.flatMap((s) => s.rows.slice(1));
          const messages = rows.map((r) => String(r[6]?.value));
          expect([...messages].sort()).toEqual(sent.map((f) => f.message).sort());
          // Each unit's rows together, in the order the units first come, errors first.
          const rowUnits = rows.map((r) => String(r[0]?.value));
          expect(rowUnits.filter((u, i) => u !== rowUnits[i - 1])).toEqual(units);
          for (let i = 1; i < rows.length; i++) {
            if (rowUnits[i] !== rowUnits[i - 1]) continue;
            const before = rows[i - 1]?.[5]?.value === '强制' ? 0 : 1;
            const now = rows[i]?.[5]?.value === '强制' ? 0 : 1;
            expect(before).toBeLessThanOrEqual(now);
          }
        },
      ),
      { ...runs(300), endOnFailure: true },
    );
    // The list layout was drawn often enough to have been tested.
    expect(lists).toBeGreaterThan(30);
  });
});
