import { periodOfForm } from '../../../src/core/period';
import { fitToExcel, MAX_ROW_HEIGHT, splitText } from '../../../src/core/output/fit';
import {
  explanationsFromExport,
  findingsWorkbook,
  matchExplanations,
} from '../../../src/core/output/findings';
import type { OutputSheet } from '../../../src/core/output/spec';
import type { WorkbookData } from '../../../src/core/model/workbook';
import { findingKey, type Finding } from '../../../src/core/validate/result';

function finding(over: Partial<Finding> & Pick<Finding, 'ruleId' | 'unit'>): Finding {
  return {
    severity: 'warning',
    message: 'm',
    file: '当前工作簿',
    sheet: '妇幼卫生',
    cells: [],
    ...over,
  };
}

const findings: Finding[] = [
  finding({
    ruleId: 'X-01',
    unit: '龙潭镇',
    message: '婚前医学检查人数（卫健420）大于结婚登记人数（民政400），请核实并说明',
    cells: [
      { item: 'FE1!婚前医学检查人数', cell: 'N12', value: 420 },
      { item: 'FE3!结婚登记人数', cell: 'K10', value: 400, sheet: '民政' },
    ],
  }),
  finding({
    ruleId: 'FE1-01',
    severity: 'error',
    unit: '石门镇',
    message: '男婴活产数（198）与女婴活产数（187）之和不等于活产数（358）',
    cells: [
      { item: '男婴活产数', cell: 'C10', value: 198 },
      { item: '女婴活产数', cell: 'D10', value: 187 },
      { item: '活产数', cell: 'B10', value: 358 },
    ],
  }),
  finding({ ruleId: 'NOTICE', severity: 'notice', unit: '石门镇' }),
  finding({ ruleId: 'FE1-12', unit: '龙潭镇', explanation: '已核实' }),
  finding({ ruleId: 'TOTAL', severity: 'error', unit: 'a/b:c*?' }),
];

const cellsOf = (s: OutputSheet) => s.rows.map((r) => r.map((c) => c.value));

/** The workbook as a unit sends it back: `text` written in sheet `sheet`, row `row`, 说明 (H). */
function sentBack(
  wb: { sheets: OutputSheet[] },
  source: string,
  at: { sheet: string; row: number; text: string },
): WorkbookData {
  return {
    source,
    sheets: wb.sheets.map((s) => ({
      name: s.name,
      origin: { row: 0, col: 0 },
      rows: s.rows.map((r, i) =>
        r.map((c, j) => (s.name === at.sheet && i === at.row && j === 7 ? at.text : c.value)),
      ),
    })),
  };
}

describe('the findings workbook (导出审核结果)', () => {
  it('gives each unit its own sheet of errors and warnings, errors first, with an empty 说明', () => {
    const wb = findingsWorkbook(findings, { lang: 'zh', period: '2025' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['填写说明', '龙潭镇', '石门镇', 'a_b_c__']);
    expect(cellsOf(wb.sheets[0]!)[0]).toEqual(['2025年审核结果：请在“说明”列填写核实情况']);
    const longtan = cellsOf(wb.sheets[1]!);
    expect(longtan[0]).toEqual([
      '填报单位',
      '工作表',
      '单元格',
      '数值',
      '规则编号',
      '级别',
      '问题',
      '说明',
      '文件',
    ]);
    // Errors first, then by sheet and rule: FE1-12 before X-01.
    expect(longtan[2]).toEqual([
      '龙潭镇',
      '妇幼卫生',
      'N12 民政!K10',
      'FE1!婚前医学检查人数=420；FE3!结婚登记人数=400',
      'X-01',
      '核实',
      '婚前医学检查人数（卫健420）大于结婚登记人数（民政400），请核实并说明',
      '',
      '当前工作簿',
    ]);
    // An explained warning carries its explanation, for the unit to see.
    expect(longtan[1]?.slice(4, 8)).toEqual(['FE1-12', '核实', 'm', '已核实']);
    const shimen = cellsOf(wb.sheets[2]!);
    // The notice is not sent out.
    expect(shimen).toHaveLength(2);
    expect(shimen[1]?.slice(2, 6)).toEqual([
      'C10 D10 B10',
      '男婴活产数=198；女婴活产数=187；活产数=358',
      'FE1-01',
      '强制',
    ]);
    // Every text is text: a message starting with = stays text.
    for (const s of wb.sheets)
      for (const r of s.rows) for (const c of r) expect(c.numberFormat).toBe('@');
  });

  it('exports one unit alone, for a township that receives only its own rows', () => {
    const wb = findingsWorkbook(findings, { lang: 'en', units: ['石门镇'] });
    expect(wb.sheets.map((s) => s.name)).toEqual(['Instructions', '石门镇']);
    expect(cellsOf(wb.sheets[0]!)[0]).toEqual(['Audit findings: fill in the “Explanation” column']);
    expect(cellsOf(wb.sheets[1]!)[0]?.[4]).toBe('Rule');
  });

  it('reads back what a unit wrote in 说明, in Chinese or English headers, by the finding’s key', () => {
    for (const lang of ['zh', 'en'] as const) {
      const wb = findingsWorkbook(findings, { lang });
      const back = sentBack(wb, '龙潭镇.xlsx', {
        sheet: '龙潭镇',
        row: 2,
        text: '外地户籍在本镇登记',
      });
      const read = explanationsFromExport(back);
      expect(read.get(findingKey(findings[0]!))).toBe('外地户籍在本镇登记');
      expect(read.get(findingKey(findings[3]!))).toBe('已核实');
      expect(read.size).toBe(2);
      const { matched, unmatched } = matchExplanations(
        new Map([...read, [findingKey(findings[1]!), '已更正']]),
        findings,
      );
      // An error cannot be explained away.
      expect([...matched.keys()].sort()).toEqual(
        [findingKey(findings[0]!), findingKey(findings[3]!)].sort(),
      );
      expect(unmatched).toBe(1);
    }
  });
});

describe('the findings workbook for many units (the villages of a county)', () => {
  // 101 villages, one more than get a sheet each, with three findings each: two warnings of
  // sheet FE1 and an error; 303 rows in all.
  const many: Finding[] = [];
  for (let v = 1; v <= 101; v++) {
    const unit = `${v}村`;
    many.push(finding({ ruleId: 'FE1-12', unit }));
    many.push(finding({ ruleId: 'FE1-01', unit, severity: 'error' }));
    many.push(
      finding({ ruleId: 'FE1-03', unit, cells: [{ item: '活产数', cell: `B${v}`, value: v }] }),
    );
  }

  it('puts every unit on one list, unit by unit and errors first, and says why', () => {
    const wb = findingsWorkbook(many, { lang: 'zh' });
    expect(wb.sheets.map((s) => s.name)).toEqual(['填写说明', '全部单位']);
    expect(String(cellsOf(wb.sheets[0]!)[1]?.[0])).toContain(
      '本次有 101 个单位存在问题，多于 100 个',
    );
    const rows = cellsOf(wb.sheets[1]!);
    expect(rows).toHaveLength(1 + 303);
    // Filter buttons over the header and the 303 rows, nine columns A to I.
    expect(wb.sheets[1]?.autoFilter).toBe('A1:I304');
    expect(rows[0]?.[0]).toBe('填报单位');
    // 1村 first: its error, then FE1-03 before FE1-12; then 2村.
    expect(rows.slice(1, 5).map((r) => [r[0], r[4], r[5]])).toEqual([
      ['1村', 'FE1-01', '强制'],
      ['1村', 'FE1-03', '核实'],
      ['1村', 'FE1-12', '核实'],
      ['2村', 'FE1-01', '强制'],
    ]);
    expect(rows[303]?.slice(0, 5)).toEqual(['101村', '妇幼卫生', '', '', 'FE1-12']);
    expect(rows[2]?.[3]).toBe('活产数=1');
  });

  it('goes on to further sheets past the row limit, each with the header the import reads', () => {
    // A grid of 100 rows: 99 findings a sheet after the header, so 303 take four sheets.
    const wb = findingsWorkbook(many, { lang: 'en' }, 100);
    expect(wb.sheets.map((s) => [s.name, s.rows.length])).toEqual([
      ['Instructions', 2],
      ['All units', 100],
      ['All units (2)', 100],
      ['All units (3)', 100],
      ['All units (4)', 1 + 6],
    ]);
    for (const s of wb.sheets.slice(1)) expect(s.rows[0]?.[4]?.value).toBe('Rule');
    expect(wb.sheets.slice(1).map((s) => s.autoFilter)).toEqual([
      'A1:I100',
      'A1:I100',
      'A1:I100',
      'A1:I7',
    ]);
    // What the 101st village writes on the last sheet is read back.
    const back = sentBack(wb, '101村.xlsx', { sheet: 'All units (4)', row: 6, text: '已核实' });
    const read = explanationsFromExport(back);
    expect([...read]).toEqual([[findingKey(many[300]!), '已核实']]);
  });
});

describe('rows Excel can take', () => {
  it('splits a text that needs more than 409 points between sentences, each part within it', () => {
    const sentence = '本年度有外地户籍居民在本镇办理结婚登记，已与民政部门逐一核对。'; // 31 characters
    const text = sentence.repeat(40);
    const parts = splitText(text, 72);
    // A sentence is 62 display columns (31 full-width characters); a column of 72 wraps at 71.
    // 409 points hold 25 lines of 16 (400): 25 × 71 = 1,775 columns, 28 sentences (1,736);
    // 29 (1,798) would need 26 lines, 416 points. So 28 and 12.
    expect(parts).toEqual([sentence.repeat(28), sentence.repeat(12)]);
    expect(parts.join('')).toBe(text);
  });

  it('moves merges and charts below a split row down, and caps other tall rows', () => {
    const sheet: OutputSheet = {
      name: 'S',
      rows: [
        [{ value: '长'.repeat(2_000), wrap: true }],
        [{ value: 'a' }, { value: 'b', wrap: true }],
        [{ value: 1 }],
      ],
      columnWidths: [72, 10],
      rowHeights: [2_000, 500, undefined],
      merges: ['A3:B3'],
      charts: [
        {
          kind: 'bar',
          title: 't',
          categories: 'A3:A3',
          series: [{ name: 'n', values: 'B3:B3' }],
          anchor: 'D1',
          to: 'H10',
        },
      ],
    };
    const fitted = fitToExcel(sheet);
    const added = fitted.rows.length - sheet.rows.length;
    expect(added).toBeGreaterThan(0);
    expect(fitted.rowHeights?.every((h) => h === undefined || h <= MAX_ROW_HEIGHT)).toBe(true);
    expect(fitted.rows[added + 1]?.[1]?.value).toBe('b');
    expect(fitted.rowHeights?.[added + 1]).toBe(MAX_ROW_HEIGHT);
    expect(fitted.merges).toEqual([`A${3 + added}:B${3 + added}`]);
    expect(fitted.charts?.[0]?.categories).toBe(`A${3 + added}`);
    expect(fitted.charts?.[0]?.anchor).toBe('D1');
    expect(fitted.charts?.[0]?.to).toBe(`H${10 + added}`);
    expect(fitToExcel(fitted)).toBe(fitted);
  });
});

describe('the period found in file and sheet names', () => {
  it('takes a four-digit year standing alone, never one inside a longer number', () => {
    const period = (source: string, sheet: string) =>
      periodOfForm({ source, sheet, table: { titles: [] } as never })?.period ?? '';
    expect(period('2025年青川市.xlsx', '妇幼卫生')).toBe('2025');
    // A programme span is not a period; the sheet's name is read before the file's.
    expect(period('data-2021-2030.xlsx', 'S')).toBe('');
    expect(period('青川市_2024.xlsx', '2025')).toBe('2025');
    expect(period('20242025.xlsx', 'S')).toBe('');
    expect(period('x12024.xlsx', 'S2023')).toBe('2023');
  });
});
