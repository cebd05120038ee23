import fc from 'fast-check';
import { findingsWorkbook, findingsWorkbooks, UNIT_SHEETS } from '../../src/core/output/findings';
import type { OutputWorkbook } from '../../src/core/output/spec';
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

/** The drawn findings, each named by its message (`问题3`) so its row can be found. */
const asFindings = (drawn: readonly Pick<Finding, 'unit' | 'ruleId' | 'severity' | 'sheet'>[]) =>
  drawn.map((d, i): Finding => ({ ...d, message: `问题${i}`, file: 'a.xlsx', cells: [] }));

describe('the findings workbook holds every finding once, within the row limit', () => {
  test('for any findings and row limit', () => {
    let lists = 0;
    fc.assert(
      fc.property(
        // Up to 400 findings of up to 141 units: both layouts, a sheet per unit and the list.
        fc.array(finding, { maxLength: 400, size: 'max' }),
        fc.integer({ min: 2, max: 60 }),
        (drawn, maxRows) => {
          const findings = asFindings(drawn);
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

/** Cells written in a workbook's sheets after the instructions (the header rows included). */
const cellsOf = (wb: OutputWorkbook) =>
  wb.sheets.slice(1).reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
const unitsOf = (wb: OutputWorkbook) => [
  ...new Set(wb.sheets.slice(1).flatMap((s) => s.rows.slice(1).map((r) => String(r[0]?.value)))),
];

describe('a long export is split into files Tally reads back', () => {
  test('for any findings, cell limit and row limit', () => {
    let split = 0;
    fc.assert(
      fc.property(
        fc.array(finding, { maxLength: 400, size: 'max' }),
        fc.integer({ min: 9 * 4, max: 9 * 500 }),
        fc.integer({ min: 2, max: 60 }),
        (drawn, maxCells, maxRows) => {
          const findings = asFindings(drawn);
          const parts = findingsWorkbooks(findings, { lang: 'zh' }, maxCells, maxRows);
          const sent = findings.filter((f) => f.severity !== 'notice');
          const units = [...new Set(sent.map((f) => f.unit))];
          if (parts.length > 1) split++;
          // Every error and warning once over the files, each unit in one file, in order.
          const messages = parts.flatMap((wb) =>
            wb.sheets.slice(1).flatMap((s) => s.rows.slice(1).map((r) => String(r[6]?.value))),
          );
          expect([...messages].sort()).toEqual(sent.map((f) => f.message).sort());
          expect(parts.flatMap(unitsOf)).toEqual(units);
          parts.forEach((wb, k) => {
            // Within the limit, unless one unit alone passes it.
            if (unitsOf(wb).length > 1) expect(cellsOf(wb)).toBeLessThanOrEqual(maxCells);
            // The layout is the whole export's: a list past UNIT_SHEETS units in all.
            if (units.length <= UNIT_SHEETS)
              expect(wb.sheets.slice(1).map((s) => s.name)).toEqual(unitsOf(wb));
            // Each file says which of how many it is, when there are several.
            const said = String(wb.sheets[0]?.rows[2]?.[0]?.value ?? '');
            if (parts.length > 1)
              expect(said).toContain(`分为 ${parts.length} 个文件，本文件为第 ${k + 1} 个`);
            else expect(said).toBe('');
          });
          // No file needlessly: one file whenever one file holds it all.
          const whole = findingsWorkbook(findings, { lang: 'zh' }, maxRows);
          if (cellsOf(whole) <= maxCells) expect(parts).toHaveLength(1);
        },
      ),
      { ...runs(300), endOnFailure: true },
    );
    expect(split).toBeGreaterThan(30);
  });
});
