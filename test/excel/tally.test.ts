import { OfficeMockObject } from 'office-addin-mock';
import { monitor, reportSheets } from '../../src/core/monitor';
import { COLOURS } from '../../src/core/output/report';
import type { OutputWorkbook } from '../../src/core/output/spec';
import { findingKey } from '../../src/core/validate/result';
import type { ExcelBatch } from '../../src/excel/context';
import { MARK_COLOURS } from '../../src/excel/highlight';
import { CleanupFailedError } from '../../src/excel/owned';
import { OWNED_KEY, freeName, parseOwned, parseOwnedRecords } from '../../src/excel/state';
import { RULE_HEADERS } from '../../src/excel/tables';
import {
  ExcelTally,
  SheetHiddenError,
  boundingRange,
  explanationRows,
  type AuditRead,
} from '../../src/excel/tally';
import {
  FakeExcel,
  FakeSheet,
  type FakeExcelOptions,
  type FakeWorkbookInit,
} from '../support/fake-excel';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { fakeInit, readSample } from '../support/sample';
import { findingFields, validationFields } from '../support/findings';

function tallyOver(
  init: FakeWorkbookInit,
  opts: FakeExcelOptions = {},
  reader: { cellLimit?: number; blockRows?: number } = {},
) {
  const excel = new FakeExcel(init, opts);
  const tally = new ExcelTally({
    name: '当前工作簿',
    run: excel.run as unknown as ExcelBatch,
    api: () => true,
    merges: false,
    ...reader,
  });
  return { excel, tally };
}

function audit(read: AuditRead) {
  return monitor({
    workbooks: [read.workbook],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
    explanations: read.explanations,
  });
}

/** A births form of `n` townships, each adding up except the ones listed. */
function birthsForm(n: number, wrong: readonly number[] = []): FakeWorkbookInit {
  const rows: (string | number)[][] = [['乡镇', '活产数', '男婴活产数', '女婴活产数']];
  for (let i = 0; i < n; i++) {
    // Under 200 births a unit, so the sex-ratio and mortality checks do not apply.
    const boys = 90 + (i % 10);
    const girls = 85 + (i % 10);
    rows.push([`乡镇${i + 1}`, boys + girls + (wrong.includes(i) ? 7 : 0), boys, girls]);
  }
  return { sheets: [{ name: '妇幼卫生', rows }] };
}

/** A sheet of `rows` × `cols` numbers. */
function numbers(rows: number, cols: number): number[][] {
  return Array.from({ length: rows }, (_, r) =>
    Array.from({ length: cols }, (_, c) => r * 1000 + c),
  );
}

describe('the audit path', () => {
  it.each([100, 10_000, 200_000])(
    'audits a %i-row workbook in 6 syncs: 3 to read it, 3 to mark it',
    async (n) => {
      const { excel, tally } = tallyOver(birthsForm(n, [2, n - 2]));
      const read = await tally.read();
      // the sheets with the settings; the used ranges with values; how many rows are visible
      expect(excel.syncCount).toBe(3);
      expect(read.cells).toBe((n + 1) * 4);
      const result = audit(read);
      const errors = result.validation.findings.filter((f) => f.ruleId === 'FE1-01');
      expect(errors.map((f) => f.unit)).toEqual(['乡镇3', `乡镇${n - 1}`]);
      const outcome = await tally.highlight(result.validation.findings, read.state);
      // the sheets and their protection; Tally's conditional formats, in a request of their
      // own; the marks
      expect(excel.syncCount).toBe(6);
      // three cells of each failing row
      expect(outcome.marked).toBe(6);
      const sheet = excel.sheet('妇幼卫生');
      expect(sheet?.displayColourOf('B4')).toBe(MARK_COLOURS.error);
      expect(sheet?.displayColourOf(`D${n}`)).toBe(MARK_COLOURS.error);
      expect(sheet?.displayColourOf('B5')).toBeUndefined();
      // The cells' own fills are not touched.
      expect(sheet?.allFills()).toEqual({});
    },
    30_000,
  );

  it('warns of a hidden row as the command line does (HIDDEN_ROWS), naming row and unit', async () => {
    const init = birthsForm(5);
    const sheet = init.sheets[0];
    if (!sheet) throw new Error('the form has a sheet');
    // Sheet row 4 (0-based 3): the third township, hidden by hand or by a filter.
    const { tally } = tallyOver({ sheets: [{ ...sheet, hiddenRows: [3] }] });
    const hidden = audit(await tally.read()).validation.findings.filter(
      (f) => f.ruleId === 'HIDDEN_ROWS',
    );
    expect(hidden.map((f) => [f.severity, f.message])).toEqual([
      [
        'warning',
        '第 4 行（乡镇3）是隐藏行（手工隐藏或被筛选），共 1 行，已按填报数据计入汇总：如为作废、撤并或旧数据，请删除这些行；如应计入，请说明',
      ],
    ]);
  });

  it('reads 200,000 rows × 26 columns in blocks, and halves a block Excel refuses', async () => {
    const big = { sheets: [{ name: 'Big', rows: numbers(200_000, 26) }] };
    const { excel, tally } = tallyOver(big);
    const read = await tally.read();
    expect(read.workbook.sheets[0]?.rows).toHaveLength(200_000);
    // sheets and settings + all at once (Excel returns no values above five million cells)
    // + used ranges + 20 blocks of 10,000 rows + how many rows are visible
    expect(excel.syncCount).toBe(24);
    await tally.highlight([], read.state);
    // the sheets and Tally's formats; nothing to mark and no marks to take off: no more
    expect(excel.syncCount).toBe(26);
    // Known to be above the limit: the next read does not try all at once.
    await tally.read();
    expect(excel.syncCount).toBe(26 + 23);

    const refused = tallyOver(big, { payloadCellLimit: 200_000 });
    const again = await refused.tally.read();
    expect(again.workbook.sheets[0]?.rows[199_999]?.[25]).toBe(199_999_025);
    // + one refused block of 10,000 rows, then 40 blocks of 5,000, + the visible rows
    expect(refused.excel.syncCount).toBe(45);
  });

  it('finds in the sample what the command line finds, and leaves out Tally’s own sheets', async () => {
    const sample = await readSample();
    const { excel, tally } = tallyOver(fakeInit(sample));
    const read = await tally.read();
    const fromFile = monitor({
      workbooks: [{ ...sample, source: '当前工作簿' }],
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
    });
    expect(validationFields(audit(read).validation)).toEqual(validationFields(fromFile.validation));
    expect(read.state.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));

    // A report sheet Tally wrote is not read again; its explanations sheet is read for them.
    const out = reportSheets(audit(read), defaultProfile(), 'zh', '2026-03-01 10:00');
    await tally.writeReport(out.workbook);
    const x01 = fromFile.validation.findings.find((f) => f.ruleId === 'X-01');
    if (!x01) throw new Error('the sample has an X-01 warning');
    await tally.saveExplanation(x01, '龙潭镇有外地来登记结婚的');
    const next = await tally.read();
    expect(next.workbook.sheets.map((s) => s.name)).toEqual(sample.sheets.map((s) => s.name));
    expect(next.explanations.get(findingKey(x01))).toBe('龙潭镇有外地来登记结婚的');
    const explained = audit(next).validation.findings.find((f) => f.ruleId === 'X-01');
    expect(explained?.explanation).toBe('龙潭镇有外地来登记结婚的');
    expect(excel.sheets.map((s) => s.name)).toEqual([
      ...sample.sheets.map((s) => s.name),
      '指标汇总',
      '分单位指标',
      '监测报告',
      '数据质量说明',
      '审核说明',
    ]);
  });
});

describe('selecting the cells of a finding', () => {
  it('activates the sheet and selects the range around the cells in one sync', async () => {
    const { excel, tally } = tallyOver({
      sheets: [
        { name: 'A', rows: [[1]] },
        { name: '人口与安全', rows: [[1]] },
      ],
    });
    await tally.select('人口与安全', ['C10', 'B10', 'D10']);
    expect(excel.selection).toEqual({ sheet: '人口与安全', address: 'B10:D10' });
    expect(excel.activeSheet).toBe('人口与安全');
    expect(excel.syncCount).toBe(1);
    await expect(tally.select('Gone', ['A1'])).rejects.toMatchObject({ code: 'ItemNotFound' });
  });

  it('calls activate and select through office-addin-mock', async () => {
    const calls: string[] = [];
    const context = new OfficeMockObject({
      workbook: {
        worksheets: {
          getItem: (name: string) => ({
            activate: () => calls.push(`activate ${name}`),
            getRange: (address: string) => ({ select: () => calls.push(`select ${address}`) }),
          }),
        },
      },
    });
    const tally = new ExcelTally({
      name: 'x',
      run: ((batch: (c: unknown) => Promise<unknown>) => batch(context)) as unknown as ExcelBatch,
      api: () => true,
    });
    await tally.select('妇幼卫生', ['N12']);
    expect(calls).toEqual(['activate 妇幼卫生', 'select N12']);
  });

  it('bounds cells', () => {
    expect(boundingRange(['C10', 'D10', 'B10'])).toBe('B10:D10');
    expect(boundingRange(['N12'])).toBe('N12');
    expect(boundingRange(['B3', 'A7'])).toBe('A3:B7');
  });
});

describe('explanations (审核说明)', () => {
  const warning = { ruleId: 'X-01', sheet: '妇幼卫生', unit: '龙潭镇' };
  const other = { ruleId: 'FE1-12', sheet: '妇幼卫生', unit: '石门镇' };

  it('writes Tally’s 审核说明 sheet as text, merging what the sheet holds now', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: '妇幼卫生', rows: [[1]] }] });
    const first = await tally.saveExplanation(warning, '=外地来登记');
    expect(first.sheet).toEqual({ role: 'explanations', wanted: '审核说明', name: '审核说明' });
    const sheet = excel.sheet('审核说明');
    expect(sheet?.table()).toEqual([
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '=外地来登记'],
    ]);
    expect(sheet?.formulaAt(1, 3)).toBeUndefined();
    expect(sheet?.numberFormatAt(1, 3)).toBe('@');
    expect(sheet?.frozen).toEqual({ rows: 1, columns: 0 });
    // The explanations sheet does not take the user away from where they are.
    expect(excel.activeSheet).toBe('妇幼卫生');

    // The user adds a row by hand; saving another keeps it.
    sheet?.setValue(2, 0, 'FE1-14');
    sheet?.setValue(2, 1, '妇幼卫生');
    sheet?.setValue(2, 2, '高峰乡');
    sheet?.setValue(2, 3, '手工说明');
    const second = await tally.saveExplanation(other, '核实无误');
    expect([...second.explanations.values()].sort()).toEqual(
      ['=外地来登记', '手工说明', '核实无误'].sort(),
    );
    expect(excel.sheets.filter((s) => s.name.startsWith('审核说明'))).toHaveLength(1);
    expect(excel.sheet('审核说明')?.table().slice(1)).toEqual([
      ['FE1-12', '妇幼卫生', '石门镇', '核实无误'],
      ['FE1-14', '妇幼卫生', '高峰乡', '手工说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '=外地来登记'],
    ]);

    // An empty explanation removes it.
    const third = await tally.saveExplanation(warning, '  ');
    expect(third.explanations.has(findingKey(warning))).toBe(false);
    expect(excel.sheet('审核说明')?.table()).toHaveLength(3);
  });

  it('never touches a user’s own 审核说明 sheet, and reads it too', async () => {
    const theirs = [
      ['规则编号', '工作表', '填报单位', '说明'],
      ['FE1-12', '妇幼卫生', '石门镇', '用户自己的说明'],
    ];
    const { excel, tally } = tallyOver({
      sheets: [
        { name: '妇幼卫生', rows: [[1]] },
        { name: '审核说明', rows: theirs, fills: { A1: '#FFFF00' } },
      ],
    });
    const saved = await tally.saveExplanation(warning, '外地来登记');
    expect(saved.sheet.name).toBe('审核说明 (Tally)');
    expect(excel.sheet('审核说明')?.table()).toEqual(theirs);
    expect(excel.sheet('审核说明')?.allFills()).toEqual({
      A1: { color: '#FFFF00', pattern: 'Solid' },
    });
    expect(saved.explanations.get(findingKey(other))).toBe('用户自己的说明');
    const read = await tally.read();
    expect(read.explanations.get(findingKey(warning))).toBe('外地来登记');
    expect(read.explanations.get(findingKey(other))).toBe('用户自己的说明');
    // The user's sheet is data as far as Tally knows; Tally's is not.
    expect(read.workbook.sheets.map((s) => s.name)).toEqual(['妇幼卫生', '审核说明']);
  });

  it('turns explanation keys back into rows', () => {
    const map = new Map([
      [findingKey(warning), ' 说明 '],
      ['not a key', 'x'],
      [findingKey(other), ''],
    ]);
    expect(explanationRows(map)).toEqual([{ ...warning, text: '说明' }]);
  });
});

describe('the rules sheet (审核规则)', () => {
  it('inserts the profile’s rules as a text table the engine then uses', async () => {
    const sample = await readSample();
    const { excel, tally } = tallyOver(fakeInit(sample));
    const rules = defaultProfile().rules;
    // A rule that starts with '=' stays text.
    const withFormulaLike = [
      ...rules,
      {
        id: 'Z-01',
        rule: '=[活产数] >= 0',
        severity: 'warning' as const,
        message: '-注意',
        scope: 'FE1',
      },
    ];
    expect(await tally.insertRules(withFormulaLike)).toEqual({ sheet: '审核规则', existed: false });
    const sheet = excel.sheet('审核规则');
    const table = sheet?.table() ?? [];
    expect(table[0]).toEqual([...RULE_HEADERS]);
    expect(table).toHaveLength(rules.length + 2);
    expect(table[1]).toEqual(['FE1-01', rules[0]?.rule, '强制', rules[0]?.message, 'FE1']);
    expect(table.at(-1)).toEqual(['Z-01', '=[活产数] >= 0', '核实', '-注意', 'FE1']);
    expect([...sheet!.formulas.keys()]).toEqual([]);
    expect(excel.activeSheet).toBe('审核规则');
    // Not Tally's: the user edits it and Tally never replaces it.
    expect(parseOwned(excel.settings.get(OWNED_KEY)).size).toBe(0);

    // The engine reads it instead of the profile's rules: without Z-01 the same findings.
    sheet?.clear({ top: rules.length + 1, left: 0, bottom: rules.length + 1, right: 4 }, 'All');
    const read = await tally.read();
    const result = audit(read);
    expect(result.validation.rules.filter((r) => r.error)).toEqual([]);
    const byProfile = monitor({
      workbooks: [{ ...sample, source: '当前工作簿' }],
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
    });
    expect(findingFields(result.validation.findings)).toEqual(
      findingFields(byProfile.validation.findings),
    );
    expect(result.validation.findings.map((f) => `${f.ruleId} ${f.unit}`)).toEqual(
      expect.arrayContaining(['FE1-01 石门镇', 'BLANK 高峰乡', 'X-01 龙潭镇']),
    );

    // A broken rule is reported with its row; the others still run.
    sheet?.setValue(2, 1, '[新生儿死亡数] <=');
    const broken = audit(await tally.read());
    const bad = broken.validation.rules.filter((r) => r.error);
    expect(bad.map((r) => r.id)).toEqual(['FE1-02']);
    expect(bad[0]?.error).toMatch(/第 3 行/);

    excel.activeSheet = '妇幼卫生';
    expect(await tally.insertRules(rules)).toEqual({ sheet: '审核规则', existed: true });
    expect(excel.activeSheet).toBe('审核规则');
    expect(excel.sheet('审核规则')?.valueAt(2, 1)).toBe('[新生儿死亡数] <=');
  });
});

describe('the report sheets', () => {
  async function sampleReport(extra: FakeWorkbookInit['sheets'] = []) {
    const sample = await readSample();
    const init = fakeInit(sample, {}, [...extra]);
    const setup = tallyOver(init);
    const read = await setup.tally.read();
    const out = reportSheets(audit(read), defaultProfile(), 'zh', '2026-03-01 10:00').workbook;
    return { ...setup, out, sample };
  }

  it('writes 指标汇总 and 监测报告 with formats, colours, a chart, as text', async () => {
    const { excel, tally, out } = await sampleReport();
    const before = excel.syncCount;
    const placed = await tally.writeReport(out);
    // sheets and new sheets, contents, view
    expect(excel.syncCount - before).toBe(3);
    expect(excel.calculationSuspensions).toBe(1);
    expect(placed.map((p) => p.name)).toEqual([
      '指标汇总',
      '分单位指标',
      '监测报告',
      '数据质量说明',
    ]);
    const summary = excel.sheet('指标汇总');
    const spec = out.sheets[0];
    if (!summary || !spec) throw new Error('no summary');
    // Every cell of the description, value and number format; text as text.
    spec.rows.forEach((row, r) =>
      row.forEach((cell, c) => {
        const expected = cell.value ?? '';
        expect([r, c, summary.valueAt(r, c)]).toEqual([r, c, expected]);
        if (typeof cell.value === 'string') expect(summary.numberFormatAt(r, c)).toBe('@');
        else if (cell.numberFormat) expect(summary.numberFormatAt(r, c)).toBe(cell.numberFormat);
        if (cell.fill) expect(summary.fillAt(r, c)).toBe(cell.fill);
        if (cell.bold) expect(summary.formatAt(r, c).bold).toBe(true);
      }),
    );
    expect(summary.formulas.size).toBe(0);
    // The status column (达标情况) of the indicator rows.
    const status = spec.rows[4]?.findIndex((c) => c.value === '达标情况') ?? -1;
    expect(status).toBeGreaterThan(0);
    const statusCells = spec.rows.flatMap((row, r) => {
      const cell = row[status];
      return r > 4 && row.length > status && cell && typeof cell.value === 'string'
        ? [{ r, c: status, v: cell.value }]
        : [];
    });
    // The sample has every status but 无数据 (issue 9: 无法评估 for 左右 without a band, 仅监测).
    const byWord = {
      达标: COLOURS.met,
      未达标: COLOURS.notMet,
      无数据: COLOURS.noData,
      无法评估: COLOURS.notAssessable,
      仅监测: COLOURS.noTarget,
    } as const;
    expect(new Set(statusCells.map((s) => s.v))).toEqual(
      new Set(['达标', '未达标', '无法评估', '仅监测']),
    );
    expect(statusCells.length).toBeGreaterThan(0);
    for (const { r, c, v } of statusCells) {
      const want = byWord[v as keyof typeof byWord];
      expect(summary.fillAt(r, c)).toBe(want.fill);
      expect(summary.formatAt(r, c).fontColor).toBe(want.font);
    }
    expect(summary.frozen).toEqual({ rows: 5, columns: 4 });
    const widths = spec.columnWidths ?? [];
    expect(widths.length).toBeGreaterThan(3);
    widths.forEach((w, c) => expect(summary.columnWidth(c)).toBeCloseTo((w * 7 + 5) * 0.75, 1));
    expect(summary.merges.length).toBe(4);
    expect(summary.charts).toHaveLength(1);
    const chartSpec = spec.charts?.[0];
    expect(summary.charts[0]).toMatchObject({
      type: 'ColumnClustered',
      title: chartSpec?.title,
      series: [
        {
          name: chartSpec?.series[0]?.name,
          values: chartSpec?.series[0]?.values,
          xValues: chartSpec?.categories,
        },
      ],
      position: { start: chartSpec?.anchor },
    });
    expect(excel.sheet('监测报告')?.valueAt(0, 0)).toBe(out.sheets[2]?.rows[0]?.[0]?.value);
    expect(excel.activeSheet).toBe('指标汇总');
    expect(excel.sheets.every((s) => s.visibility === 'Visible')).toBe(true);
    const owned = parseOwned(excel.settings.get(OWNED_KEY));
    expect([...owned.entries()]).toEqual([
      [summary.id, 'summary'],
      [excel.sheet('分单位指标')?.id, 'units'],
      [excel.sheet('监测报告')?.id, 'narrative'],
      [excel.sheet('数据质量说明')?.id, 'quality'],
    ]);
  });

  it('replaces its own sheets on a second run and changes nothing else', async () => {
    const { excel, tally, out } = await sampleReport();
    await tally.writeReport(out);
    const first = excel.sheets.map((s) => [s.name, s.table()]);
    const firstIds = excel.sheets.map((s) => s.id);
    await tally.writeReport(out);
    expect(excel.sheets.map((s) => [s.name, s.table()])).toEqual(first);
    const ids = excel.sheets.map((s) => s.id);
    // The four report sheets are the last four, replaced; the others keep their ids.
    expect(ids.slice(0, -4)).toEqual(firstIds.slice(0, -4));
    expect(ids.slice(-4)).not.toEqual(firstIds.slice(-4));
    expect([...parseOwned(excel.settings.get(OWNED_KEY)).keys()]).toEqual(ids.slice(-4));
  });

  it('prints 指标汇总 and 分单位指标 as described: A4, one page wide, titles, header, footer', async () => {
    const { excel, tally, out } = await sampleReport();
    const placed = await tally.writeReport(out);
    expect(placed.every((p) => p.viewError === undefined)).toBe(true);
    const summary = excel.sheet('指标汇总');
    const units = excel.sheet('分单位指标');
    if (!summary || !units) throw new Error('no report sheets');
    // 11 printed columns (板块 … 小样本) and 4 for checking (变化单位, 分子, 分母, 目标已核对): L–O.
    expect(summary.print).toMatchObject({
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      centerHorizontally: true,
      // The header row (row 5) and 板块, 领域, 编号, 指标名称 (A–D) on every page.
      titleRows: '$5:$5',
      titleColumns: '$A:$D',
      // 0.4 in = 28.8 pt, 0.6 in = 43.2 pt, 0.25 in = 18 pt.
      margins: {
        leftMargin: 28.8,
        rightMargin: 28.8,
        topMargin: 43.2,
        bottomMargin: 43.2,
        headerMargin: 18,
        footerMargin: 18,
      },
      headerFooter: {
        leftHeader: '青川市　2025年',
        centerHeader: '指标汇总',
        rightHeader: '两纲监测（2021—2030年）',
        centerFooter: '第 &P 页，共 &N 页',
      },
    });
    expect(summary.orientation).toBe('Landscape');
    // The domain table begins a page: one break, just above its title row.
    const domainTitle = out.sheets[0]?.rows.findIndex((r) => r[0]?.value === '分领域达标情况');
    expect(domainTitle).toBeGreaterThan(20);
    expect(summary.print.breaks).toEqual([domainTitle]);
    // The columns for checking are an outline group, collapsed: hidden until expanded.
    expect(summary.columnGroups).toEqual([{ left: 11, right: 14, collapsed: true }]);
    expect([...summary.hiddenColumns].sort((a, b) => a - b)).toEqual([11, 12, 13, 14]);
    // Thin grey borders over the indicator table, from its header row to its last column.
    const table = [...summary.borders.values()].filter((b) => b.ref.top === 4);
    expect(new Set(table.map((b) => b.edge))).toEqual(
      new Set([
        'EdgeTop',
        'EdgeBottom',
        'EdgeLeft',
        'EdgeRight',
        'InsideHorizontal',
        'InsideVertical',
      ]),
    );
    for (const b of table) {
      expect(b).toMatchObject({ style: 'Continuous', weight: 'Thin', color: '#808080' });
      expect([b.ref.left, b.ref.right]).toEqual([0, 14]);
    }
    // The chart covers its cells up to, not including, the description's corner.
    const chart = out.sheets[0]?.charts?.[0];
    expect(summary.charts[0]?.position?.start).toBe(chart?.anchor);
    const [, col, row] = /^([A-Z]+)(\d+)$/.exec(chart?.to ?? '') ?? [];
    const before = String.fromCharCode((col ?? 'A').charCodeAt(0) - 1);
    expect(summary.charts[0]?.position?.end).toBe(`${before}${Number(row) - 1}`);
    // 分单位指标: the unit names (A) and its three header rows (3–5) on every page.
    expect(units.orientation).toBe('Landscape');
    expect(units.print).toMatchObject({
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
      titleRows: '$3:$5',
      titleColumns: '$A:$A',
      headerFooter: { leftHeader: '青川市　2025年', centerHeader: '分单位指标' },
    });
    // 监测报告 prints portrait, one page wide, with page numbers.
    expect(excel.sheet('监测报告')?.print).toMatchObject({
      paperSize: 'A4',
      zoom: { horizontalFitToPages: 1 },
      headerFooter: { centerFooter: '第 &P 页，共 &N 页' },
    });
  });

  it('without ExcelApi 1.10 hides the columns for checking instead of grouping them', async () => {
    const { excel, out } = await sampleReport();
    const tally = new ExcelTally({
      name: 'x',
      run: excel.run as unknown as ExcelBatch,
      api: (v) => Number(v.split('.')[1]) < 10,
      merges: false,
    });
    await tally.writeReport(out);
    const summary = excel.sheet('指标汇总');
    expect(summary?.columnGroups).toEqual([]);
    expect([...(summary?.hiddenColumns ?? [])].sort((a, b) => a - b)).toEqual([11, 12, 13, 14]);
    expect(summary?.print.titleRows).toBe('$5:$5');
  });

  it('never touches a user’s sheet of the same name, and picks another name', async () => {
    const mine = { name: '指标汇总', rows: [['我的汇总', 1]], fills: { A1: '#FFFF00' } };
    const { excel, tally, out } = await sampleReport([mine]);
    const placed = await tally.writeReport(out);
    expect(placed[0]).toEqual({ role: 'summary', wanted: '指标汇总', name: '指标汇总 (Tally)' });
    expect(excel.sheet('指标汇总')?.table()).toEqual([['我的汇总', 1]]);
    expect(excel.sheet('指标汇总')?.allFills()).toEqual({
      A1: { color: '#FFFF00', pattern: 'Solid' },
    });
    await tally.writeReport(out);
    expect(excel.sheets.filter((s) => s.name.startsWith('指标汇总')).map((s) => s.name)).toEqual([
      '指标汇总',
      '指标汇总 (Tally)',
    ]);
    expect(excel.sheet('指标汇总')?.table()).toEqual([['我的汇总', 1]]);
  });

  it('leaves nothing half-written when a write fails, and keeps the previous report', async () => {
    const { excel, tally, out } = await sampleReport();
    await tally.writeReport(out);
    const before = excel.sheets.map((s) => [s.name, s.id, s.table()]);
    const owned = excel.settings.get(OWNED_KEY);
    excel.faults.push({ op: 'ChartCollection.add', code: 'GeneralException' });
    await expect(tally.writeReport(out)).rejects.toMatchObject({ code: 'GeneralException' });
    expect(excel.sheets.map((s) => [s.name, s.id, s.table()])).toEqual(before);
    expect(excel.settings.get(OWNED_KEY)).toEqual(owned);

    excel.faults.push({ op: 'WorksheetCollection.add', code: 'AccessDenied' });
    await expect(tally.writeReport(out)).rejects.toMatchObject({ code: 'AccessDenied' });
    expect(excel.sheets.map((s) => [s.name, s.id, s.table()])).toEqual(before);
  });

  it('says which sheets it could not remove when the clean-up fails too', async () => {
    const { excel, tally, out } = await sampleReport();
    excel.faults.push({ op: 'Range.values' }, { op: 'Worksheet.delete', code: 'AccessDenied' });
    const e = await tally.writeReport(out).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(CleanupFailedError);
    const err = e as CleanupFailedError;
    expect(err.sheets).toHaveLength(4);
    expect(excel.sheets.filter((s) => s.name.startsWith('Tally~')).map((s) => s.name)).toContain(
      err.sheets[0],
    );
  });

  it('writes every kind of text as text', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: 'S', rows: [[1]] }] });
    const texts = ['=SUM(A1:A3)', '+86 123', '-5', '@home', '001', '1e5', '=1+1'];
    const out: OutputWorkbook = {
      sheets: [
        { name: '指标汇总', rows: [texts.map((value) => ({ value }))] },
        { name: '监测报告', rows: [[{ value: 12.5, numberFormat: '0.0' }]] },
      ],
    };
    await tally.writeReport(out);
    const sheet = excel.sheet('指标汇总');
    expect(sheet?.table()).toEqual([texts]);
    expect(sheet?.formulas.size).toBe(0);
    expect(excel.sheet('监测报告')?.valueAt(0, 0)).toBe(12.5);
  });
});

describe('names', () => {
  it('picks a free name for a sheet, within 31 characters', () => {
    const taken = new Set(['指标汇总', '指标汇总 (Tally)']);
    expect(freeName('指标汇总', (n) => taken.has(n))).toBe('指标汇总 (Tally 2)');
    expect(freeName('监测报告', (n) => taken.has(n))).toBe('监测报告');
    const long = 'Indicator summary of the region';
    expect(freeName(long, (n) => n === long)).toBe('Indicator summary of th (Tally)');
    expect(freeName(long, (n) => n === long).length).toBe(31);
  });

  it('keeps settings readable and ignores what it cannot read', () => {
    expect(parseOwned('{"a":"summary","b":"bogus"}')).toEqual(new Map([['a', 'summary']]));
    expect(parseOwned('not json')).toEqual(new Map());
    expect(parseOwned(undefined)).toEqual(new Map());
  });
});

describe('Tally’s sheets when sheet ids change between sessions', () => {
  async function setup(extra: FakeWorkbookInit['sheets'] = []) {
    const sample = await readSample();
    const { excel, tally } = tallyOver(fakeInit(sample, {}, [...extra]));
    const read = await tally.read();
    const out = reportSheets(audit(read), defaultProfile(), 'zh', '2026-03-01 10:00').workbook;
    return { excel, tally, out };
  }

  it('finds its own sheets by name and marker, replaces them, and leaves them out of the audit', async () => {
    const { excel, tally, out } = await setup();
    await tally.writeReport(out);
    expect(excel.sheet('指标汇总')?.names.has('TallyOwned')).toBe(true);
    const names = excel.sheets.map((s) => s.name);
    const cells = (await tally.read()).cells;
    excel.reassignSheetIds();
    // Not audited as data: the report sheets are still known as Tally's.
    expect((await tally.read()).cells).toBe(cells);
    const placed = await tally.writeReport(out);
    expect(placed.map((p) => p.name)).toEqual([
      '指标汇总',
      '分单位指标',
      '监测报告',
      '数据质量说明',
    ]);
    expect(excel.sheets.map((s) => s.name)).toEqual(names);
    const owned = parseOwnedRecords(excel.settings.get(OWNED_KEY));
    expect(owned.map((r) => [r.id, r.name, r.role])).toEqual([
      [excel.sheet('指标汇总')?.id, '指标汇总', 'summary'],
      [excel.sheet('分单位指标')?.id, '分单位指标', 'units'],
      [excel.sheet('监测报告')?.id, '监测报告', 'narrative'],
      [excel.sheet('数据质量说明')?.id, '数据质量说明', 'quality'],
    ]);
  });

  it('never takes a user’s sheet of the recorded name, which has no marker', async () => {
    const { excel, tally, out } = await setup();
    await tally.writeReport(out);
    // The user deletes Tally's summary and makes one of her own under the same name.
    const ours = excel.sheet('指标汇总');
    if (!ours) throw new Error('no summary');
    excel.sheets.splice(excel.sheets.indexOf(ours), 1);
    excel.sheets.push(
      new FakeSheet('指标汇总', excel.newSheetId(), { name: '指标汇总', rows: [['我的', 1]] }),
    );
    excel.reassignSheetIds();
    const placed = await tally.writeReport(out);
    expect(placed.map((p) => p.name)).toEqual([
      '指标汇总 (Tally)',
      '分单位指标',
      '监测报告',
      '数据质量说明',
    ]);
    expect(excel.sheet('指标汇总')?.table()).toEqual([['我的', 1]]);
    expect(excel.sheets.filter((s) => s.name === '监测报告')).toHaveLength(1);
  });
});

describe('the view of written sheets', () => {
  const out: OutputWorkbook = {
    sheets: [
      {
        name: '指标汇总',
        rows: [[{ value: 'a' }], [{ value: 'b' }], [{ value: 'c' }]],
        rowHeights: [undefined, 32],
        columnWidths: [12],
        frozenRows: 1,
        frozenColumns: 1,
        print: { orientation: 'landscape' },
      },
      { name: '监测报告', rows: [[{ value: 'x' }]], frozenRows: 1 },
    ],
  };

  it('freezes panes once the sheets are visible, and sets row heights, widths and landscape', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: 'S', rows: [[1]] }] });
    const placed = await tally.writeReport(out);
    expect(placed.every((p) => p.viewError === undefined)).toBe(true);
    const summary = excel.sheet('指标汇总');
    expect(summary?.frozen).toEqual({ rows: 1, columns: 1 });
    expect(summary?.rowHeight(1)).toBe(32);
    expect(summary?.rowHeight(0)).toBe(15);
    expect(summary?.columnWidth(0)).toBeCloseTo(66.75, 2);
    expect(summary?.orientation).toBe('Landscape');
    expect(excel.sheet('监测报告')?.orientation).toBe('Portrait');
    expect(excel.activeSheet).toBe('指标汇总');
  });

  it('without ExcelApi 1.9 keeps portrait pages', async () => {
    const excel = new FakeExcel({ sheets: [{ name: 'S', rows: [[1]] }] });
    const tally = new ExcelTally({
      name: 'x',
      run: excel.run as unknown as ExcelBatch,
      api: (v) => Number(v.split('.')[1]) < 9,
      merges: false,
    });
    await tally.writeReport(out);
    expect(excel.sheet('指标汇总')?.orientation).toBe('Portrait');
    expect(excel.sheet('指标汇总')?.print.paperSize).toBeUndefined();
    expect(excel.sheet('指标汇总')?.frozen).toEqual({ rows: 1, columns: 1 });
  });

  it('does not fail the report when freezing fails, and says so on the sheet', async () => {
    const { excel, tally } = tallyOver({ sheets: [{ name: 'S', rows: [[1]] }] });
    // It fails in the request for all sheets and again when the sheet is tried alone.
    const fault = { op: 'WorksheetFreezePanes.freezeAt', code: 'InvalidOperation' };
    excel.faults.push(fault, fault);
    const placed = await tally.writeReport(out);
    expect(placed[0]?.viewError).toMatchObject({ code: 'InvalidOperation' });
    expect(placed[1]?.viewError).toBeUndefined();
    expect(excel.sheet('指标汇总')?.table()).toEqual([['a'], ['b'], ['c']]);
    expect(excel.sheet('监测报告')?.frozen).toEqual({ rows: 1, columns: 0 });
    expect(excel.sheets.every((s) => s.visibility === 'Visible')).toBe(true);
    expect(excel.activeSheet).toBe('指标汇总');
  });
});

describe('selecting on a hidden sheet', () => {
  it('says the sheet is hidden instead of failing obscurely', async () => {
    const { tally } = tallyOver({
      sheets: [
        { name: 'A', rows: [[1]] },
        { name: '隐藏表', rows: [[1]], visibility: 'Hidden' },
      ],
    });
    const e = await tally.select('隐藏表', ['A1']).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SheetHiddenError);
    expect((e as SheetHiddenError).text('zh')).toContain('隐藏表');
    expect((e as SheetHiddenError).code).toBe('SheetHidden');
  });
});
