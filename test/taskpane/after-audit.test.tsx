import ExcelJS from 'exceljs';
import {
  act,
  cleanup,
  configure,
  fireEvent,
  render,
  screen,
  waitFor,
  within,
} from '@testing-library/react';
import type { WorkbookData } from '../../src/core/model/workbook';
import type { ExcelBatch } from '../../src/excel/context';
import { MAX_ROW_HEIGHT } from '../../src/core/output/fit';
import { ExcelTally } from '../../src/excel/tally';
import { App } from '../../src/taskpane/App';
import { FakeExcel, type FakeExcelOptions, type FakeSheetInit } from '../support/fake-excel';
import { fakeInit, readSample } from '../support/sample';

/**
 * The statistician's work after the audit, and what Excel refuses reaching her as a message:
 * the severity filter, the rule groups' titles, the findings exported for the townships and
 * their explanations imported back, protected sheets, conditional formats Excel cannot read.
 */

const LIVE = '当前工作簿';
const NOW = () => new Date(2026, 2, 1, 10, 0);
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

let sample: WorkbookData;
beforeAll(async () => {
  sample = await readSample();
});

function setup(
  extra: { [sheet: string]: Partial<FakeSheetInit> } = {},
  opts: FakeExcelOptions = {},
  more: FakeSheetInit[] = [],
) {
  const excel = new FakeExcel(fakeInit(sample, extra, more), opts);
  const host = new ExcelTally({
    name: LIVE,
    run: excel.run as unknown as ExcelBatch,
    createWorkbook: excel.createWorkbook,
    merges: true,
  });
  render(<App source={host.source} host={host} initialLang="zh" now={NOW} />);
  return { excel, host };
}

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
}

const noteTexts = () => screen.queryAllByTestId('note-text').map((el) => el.textContent ?? '');
const shown = () =>
  screen
    .queryAllByTestId('finding')
    .map((el) => `${el.dataset.severity} ${el.dataset.rule} ${el.dataset.unit}`);
const count = (id: string) => Number(screen.getByTestId(id).dataset.count);

describe('after the audit', () => {
  it('filters the findings by severity, and titles each rule group with the rule’s 说明', async () => {
    setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    const all = shown();
    const errors = all.filter((s) => s.startsWith('error '));
    const warnings = all.filter((s) => s.startsWith('warning '));
    expect(errors.length).toBe(count('count-errors'));
    expect(screen.getByTestId('filter-error').textContent).toBe(`强制性错误 ${errors.length}`);
    await click('filter-error');
    expect(shown()).toEqual(errors);
    await click('filter-warning');
    expect(shown()).toEqual(warnings);
    expect(screen.getByTestId('filter-warning').getAttribute('aria-pressed')).toBe('true');
    await click('filter-all');
    expect(shown()).toEqual(all);

    const titles = screen.getAllByTestId('rule-title').map((el) => el.textContent);
    // A rule of the profile: its message without the values (rules.json FE1-01).
    const fe101 = shown().filter((f) => f.includes(' FE1-01 ')).length;
    expect(titles).toContain(`FE1-01 男婴活产数与女婴活产数之和不等于活产数（${fe101} 条）`);
    // A built-in check: its name.
    expect(titles.some((t) => t?.startsWith('BLANK 漏填（'))).toBe(true);
    expect(titles).toContain(
      'X-01 婚前医学检查人数（卫健）大于结婚登记人数（民政），请核实并说明（1 条）',
    );
  });

  it('exports the findings for the townships, and imports what they explained: the warning counts as explained', async () => {
    const { excel } = setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(count('count-explained')).toBe(0);
    await click('export');
    expect(excel.createdWorkbooks).toHaveLength(1);
    const note = noteTexts()[0] ?? '';
    expect(note).toMatch(/^审核结果已在新的 Excel 工作簿中打开（\d+ 条问题，\d+ 张工作表）/);

    // What the township receives: its own sheet, an empty 说明 column.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(excel.createdWorkbooks[0]!, 'base64') as never);
    const longtan = wb.getWorksheet('龙潭镇');
    expect(longtan).toBeDefined();
    const header = (longtan!.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
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
    let row = 0;
    longtan!.eachRow((r, n) => {
      if (r.getCell(5).value === 'X-01') row = n;
    });
    expect(row).toBeGreaterThan(1);
    expect(longtan!.getRow(row).getCell(8).value ?? '').toBe('');
    // The township fills in its explanation and sends the file back.
    longtan!.getRow(row).getCell(8).value = '本年有外地居民在龙潭镇登记结婚，已核实';
    const back = new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
    const file = new File([back], '龙潭镇-审核结果.xlsx');
    await act(async () => {
      fireEvent.change(screen.getByTestId('import-explanations-file'), {
        target: { files: [file] },
      });
    });
    await waitFor(() => expect(count('count-explained')).toBe(1));
    expect(noteTexts()[0]).toBe(
      '从 龙潭镇-审核结果.xlsx 导入了 1 条说明，已保存到工作表“审核说明”。',
    );
    expect(excel.sheet('审核说明')?.table()).toEqual([
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '本年有外地居民在龙潭镇登记结婚，已核实'],
    ]);
    const x01 = screen
      .getAllByTestId('finding')
      .find((el) => el.dataset.rule === 'X-01' && el.dataset.unit === '龙潭镇')!;
    expect(within(x01).getByTestId('explained')).toBeTruthy();
  });

  it('exports one township alone', async () => {
    const { excel } = setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    await act(async () => {
      fireEvent.change(screen.getByTestId('export-scope'), { target: { value: '石门镇' } });
    });
    await click('export');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(excel.createdWorkbooks[0]!, 'base64') as never);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['填写说明', '石门镇']);
  });
});

describe('what Excel refuses, as the statistician reads it', () => {
  it('says which protected sheets were left unmarked, and that the results stand', async () => {
    setup({ 妇幼卫生: { protected: true } });
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(noteTexts()).toContain(
      '工作表“妇幼卫生”受保护，其中的单元格没有标记（审核结果不受影响）。如需标记，请先撤销工作表保护（审阅 › 撤销工作表保护），再重新审核。',
    );
    expect(screen.getByTestId('results')).toBeTruthy();
  });

  it('says which sheets’ conditional formats Excel could not read, and how to fix them', async () => {
    setup({
      民政: { conditionalFormats: [{ address: 'B5:K20', formula: '=B5>0', unreadable: true }] },
    });
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(noteTexts().some((n) => n.startsWith('Excel 无法读出工作表“民政”的条件格式'))).toBe(
      true,
    );
  });

  it('says the 审核说明 sheet is protected when an explanation cannot be saved', async () => {
    const { excel } = setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    const x01 = () => screen.getAllByTestId('finding').find((el) => el.dataset.rule === 'X-01')!;
    fireEvent.change(within(x01()).getByTestId('explanation-input'), { target: { value: '一' } });
    await act(async () => {
      fireEvent.click(within(x01()).getByTestId('explanation-save'));
    });
    await waitFor(() => expect(excel.sheet('审核说明')).toBeDefined());
    excel.sheet('审核说明')!.protected = true;
    fireEvent.change(within(x01()).getByTestId('explanation-input'), { target: { value: '二' } });
    await act(async () => {
      fireEvent.click(within(x01()).getByTestId('explanation-save'));
    });
    await waitFor(() =>
      expect(noteTexts()).toContain(
        // What to do is said once: no "try again, else send it to support" after it.
        '保存说明失败：工作表“审核说明”受保护，Tally 无法写入：请先撤销保护（审阅 › 撤销工作表保护），再重试。说明没有保存。',
      ),
    );
  });

  it('audits a workbook over Excel’s payload limit as if there were none', async () => {
    // Every request and response counted in UTF-16 as Excel counts it, against a limit far
    // below the sample's size (about 60 KB of values): the pane reads in row blocks and finds
    // what it finds with no limit.
    setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    const expected = shown();
    expect(expected.length).toBeGreaterThan(5);
    cleanup();

    const { excel } = setup({}, { payloadByteLimit: 12_000 });
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(shown()).toEqual(expected);
    expect(noteTexts().some((n) => n.includes('失败'))).toBe(false);
    expect(excel.requests.some((r) => !r.ok)).toBe(true);
    expect(excel.requests.filter((r) => r.ok).every((r) => r.responseBytes <= 12_000)).toBe(true);
  });

  it('names the sheet and row Excel cannot hand over, and what to do', async () => {
    const huge: FakeSheetInit = {
      name: '附表',
      rows: [
        ['单位', '情况说明'],
        ['龙潭镇', '核'.repeat(8_000)],
      ],
    };
    setup({}, { payloadByteLimit: 15_000 }, [huge]);
    const bar = await screen.findByTestId('error-bar');
    expect(bar.textContent).toContain(
      '读取工作簿失败：工作表“附表”第 2 行的数据量超出了 Excel 单次能读出的上限（Excel 网页版为 5 MB），Tally 无法读取这张表：请删去这一行中不需要的长文本或多余的列，再重新审核。改好后请点击“重新读取”。',
    );
    // Not told to leave cell edit mode, which has nothing to do with it.
    expect(bar.textContent).not.toContain('编辑');
  });

  it('writes the report with an explanation too long for one row of 409 points', async () => {
    const { excel } = setup();
    await screen.findByTestId('sheet-list');
    await click('audit');
    const sentence =
      '本年有外地户籍居民在龙潭镇办理结婚登记，婚前医学检查在户籍地进行，已与民政部门逐一核对。';
    const long = sentence.repeat(20); // 44 characters × 20
    expect(long.length).toBe(880);
    const x01 = () => screen.getAllByTestId('finding').find((el) => el.dataset.rule === 'X-01')!;
    fireEvent.change(within(x01()).getByTestId('explanation-input'), { target: { value: long } });
    await act(async () => {
      fireEvent.click(within(x01()).getByTestId('explanation-save'));
    });
    await waitFor(() => expect(excel.sheet('审核说明')?.table()[1]?.[3]).toBe(long));
    await click('report');
    expect(noteTexts()[0]).toBe('报告已写入工作表“指标汇总”“分单位指标”和“监测报告”。');
    const report = excel.sheet('监测报告')!;
    const texts = report.table().map((r) => String(r[0] ?? ''));
    // The explanation is quoted whole, over several rows, none taller than Excel allows.
    expect(texts.join('')).toContain(long);
    expect(texts.filter((t) => t.includes(sentence)).length).toBeGreaterThan(1);
    for (let r = 0; r < texts.length; r++) {
      expect(report.rowHeight(r)).toBeLessThanOrEqual(MAX_ROW_HEIGHT);
    }
  });

  it('waits while the user edits a cell, then audits', async () => {
    const { excel } = setup();
    await screen.findByTestId('sheet-list');
    excel.enterCellEditMode();
    await act(async () => {
      fireEvent.click(screen.getByTestId('audit'));
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.getByTestId('progress')).toBeTruthy();
    expect(screen.queryByTestId('results')).toBeNull();
    await act(async () => {
      excel.leaveCellEditMode();
    });
    await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
    expect(screen.getByTestId('results')).toBeTruthy();
  });
});
