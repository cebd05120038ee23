import { readFileSync } from 'node:fs';
import { deserialize, serialize } from 'node:v8';
import { act, configure, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { rangeA1 } from '../../src/core/model/a1';
import { monitor } from '../../src/core/monitor';
import type { WorkbookData } from '../../src/core/model/workbook';
import { findingKey, type Finding } from '../../src/core/validate/result';
import type { ExcelBatch } from '../../src/excel/context';
import { ExcelTally } from '../../src/excel/tally';
import { App } from '../../src/taskpane/App';
import { createEngine, type WorkerLike } from '../../src/taskpane/engine/engine';
import { answer, type FromWorker, type ToWorker } from '../../src/taskpane/engine/job';
import { FakeExcel, type FakeFill, type FakeSheetInit } from '../support/fake-excel';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { SAMPLE_2024, fakeInit, readSample } from '../support/sample';

const LIVE = '当前工作簿';
const RED = '#FFC7CE';
const YELLOW = '#FFEB9C';
const NOW = () => new Date(2026, 2, 1, 10, 0);
/** The structured clone a message to or from a worker goes through (jsdom lacks structuredClone). */
const structuredClone = <T,>(v: T): T => deserialize(serialize(v)) as T;

/** Fills the statistician put there herself: restoring must give them back exactly. */
const USER_FILLS: Record<string, Record<string, string | FakeFill>> = {
  妇幼卫生: {
    B10: '#DDEBF7',
    C10: { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000' },
    A10: '#E2EFDA',
  },
  民政: { K10: '#FFFFFF' },
};

// The whole suite runs in parallel; an audit of the sample may take a while under load.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);

let sample: WorkbookData;
let expected: Finding[];

beforeAll(async () => {
  sample = await readSample();
  expected = monitor({
    workbooks: [{ ...sample, source: LIVE }],
    profile: defaultProfile(),
    index: defaultIndex(),
    lang: 'zh',
  }).validation.findings;
});

function setup(more: FakeSheetInit[] = []) {
  const extra = Object.fromEntries(
    Object.entries(USER_FILLS).map(([sheet, fills]) => [sheet, { fills }]),
  );
  const excel = new FakeExcel(fakeInit(sample, extra, more));
  const host = new ExcelTally({
    name: LIVE,
    run: excel.run as unknown as ExcelBatch,
    api: () => true,
    merges: true,
  });
  return { excel, host };
}

function renderApp(host: ExcelTally, engine = createEngine()) {
  return render(
    <App source={host.source} host={host} initialLang="zh" engine={engine} now={NOW} />,
  );
}

function fills(excel: FakeExcel) {
  return Object.fromEntries(excel.sheets.map((s) => [s.name, s.allFills()]));
}

function findingEl(rule: string, unit: string): HTMLElement {
  const found = screen
    .getAllByTestId('finding')
    .find((el) => el.dataset.rule === rule && el.dataset.unit === unit);
  if (!found) throw new Error(`no finding ${rule} ${unit}`);
  return found;
}

async function click(testId: string) {
  await act(async () => {
    fireEvent.click(screen.getByTestId(testId));
  });
  await waitFor(() => expect(screen.queryByTestId('progress')).toBeNull());
}

function noteTexts(): string[] {
  return screen.queryAllByTestId('note-text').map((el) => el.textContent ?? '');
}

/** The cells the findings should mark, worked out from the engine's findings. */
function expectedMarks(findings: readonly Finding[]): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of findings) {
    if (f.severity === 'notice') continue;
    for (const c of f.cells) {
      if (c.item.startsWith('PREV(')) continue;
      const where = `${c.sheet ?? f.sheet}!${c.cell}`;
      if (f.severity === 'error' || !out.has(where)) {
        out.set(where, f.severity === 'error' ? RED : YELLOW);
      }
    }
  }
  return out;
}

describe('the pane on the sample workbook', () => {
  it('audits, highlights, goes to cells, takes an explanation and clears the highlights', async () => {
    const { excel, host } = setup();
    const original = fills(excel);
    renderApp(host);
    await screen.findByTestId('sheet-list');
    const syncs = excel.syncCount;

    await click('audit');
    // read (3 syncs: the sheets, the values, the visible rows) + highlight: the sheets, Tally's
    // conditional formats, the marks
    expect(excel.syncCount - syncs).toBe(6);
    const results = screen.getByTestId('results');
    expect(results.dataset.engine).toBe('pane');
    const count = (id: string) => Number(screen.getByTestId(id).dataset.count);
    expect(count('count-errors')).toBe(expected.filter((f) => f.severity === 'error').length);
    expect(count('count-warnings')).toBe(expected.filter((f) => f.severity === 'warning').length);
    expect(count('count-notices')).toBe(expected.filter((f) => f.severity === 'notice').length);
    expect(count('count-explained')).toBe(0);
    // What the sample is known to hold.
    expect(findingEl('FE1-01', '石门镇').dataset.severity).toBe('error');
    expect(findingEl('BLANK', '高峰乡').dataset.sheet).toBe('人口与安全');
    expect(findingEl('X-01', '龙潭镇').dataset.severity).toBe('warning');
    expect(within(findingEl('FE1-01', '石门镇')).getByTestId('finding-message').textContent).toBe(
      '男婴活产数（198）与女婴活产数（187）之和不等于活产数（358）',
    );
    // Grouped by sheet, then rule; every finding listed once.
    const sheets = screen.getAllByTestId('finding-sheet').map((el) => el.dataset.sheet);
    expect(new Set(sheets)).toEqual(new Set(expected.map((f) => f.sheet)));
    expect(screen.getAllByTestId('finding')).toHaveLength(expected.length);
    expect(noteTexts()[0]).toBe(
      `已审核 5 张报表：强制性错误 ${count('count-errors')} 条，核实性问题 1 条（已说明 0 条），提示 ${count('count-notices')} 条。`,
    );

    // Highlights: exactly the cells of errors (red) and warnings (yellow).
    const marks = expectedMarks(expected);
    expect(marks.get('妇幼卫生!B10')).toBe(RED);
    expect(marks.get('人口与安全!C19')).toBe(RED);
    expect(marks.get('妇幼卫生!N12')).toBe(YELLOW);
    expect(marks.get('民政!K10')).toBe(YELLOW);
    // Marks are conditional formats: every cell shows its mark, or else its own fill, and
    // no cell's fill changed.
    expect(fills(excel)).toEqual(original);
    for (const sheet of excel.sheets) {
      const used = sheet.usedRange(false);
      if (!used) continue;
      for (let r = used.top; r <= used.bottom; r++) {
        for (let c = used.left; c <= used.right; c++) {
          const cell = rangeA1({ top: r, left: c, bottom: r, right: c });
          const want = marks.get(`${sheet.name}!${cell}`) ?? original[sheet.name]?.[cell]?.color;
          expect([sheet.name, cell, sheet.displayColourAt(r, c)]).toEqual([sheet.name, cell, want]);
        }
      }
    }
    for (const [where, colour] of marks) {
      const [sheet = '', cell = ''] = where.split('!');
      expect(excel.sheet(sheet)?.displayColourOf(cell)).toBe(colour);
    }
    expect(noteTexts()).toContain(
      `已标记 ${marks.size} 个单元格（红色为错误，黄色为核实性问题）。点击“清除标记”可恢复原有填充。`,
    );

    // Clicking a finding selects its cells.
    await act(async () => {
      fireEvent.click(within(findingEl('FE1-01', '石门镇')).getByTestId('finding-go'));
    });
    expect(excel.selection).toEqual({ sheet: '妇幼卫生', address: 'B10:D10' });
    await act(async () => {
      fireEvent.click(within(findingEl('BLANK', '高峰乡')).getByTestId('finding-go'));
    });
    expect(excel.selection).toEqual({ sheet: '人口与安全', address: 'C19' });
    expect(excel.activeSheet).toBe('人口与安全');

    // An explanation for the warning, saved in the workbook.
    const x01 = findingEl('X-01', '龙潭镇');
    fireEvent.change(within(x01).getByTestId('explanation-input'), {
      target: { value: '本年有外地居民在龙潭镇登记结婚' },
    });
    await act(async () => {
      fireEvent.click(within(x01).getByTestId('explanation-save'));
    });
    await waitFor(() => expect(count('count-explained')).toBe(1));
    expect(within(findingEl('X-01', '龙潭镇')).getByTestId('explained')).toBeTruthy();
    expect(excel.sheet('审核说明')?.table()).toEqual([
      ['规则编号', '工作表', '填报单位', '说明'],
      ['X-01', '妇幼卫生', '龙潭镇', '本年有外地居民在龙潭镇登记结婚'],
    ]);

    // Clear: every fill is what it was, and no mark shows.
    await click('clear');
    expect(excel.sheets.flatMap((sh) => sh.conditionalFormats)).toEqual([]);
    expect(fills(excel)).toEqual({ ...original, 审核说明: fills(excel)['审核说明'] });
    for (const sheet of Object.keys(original)) expect(fills(excel)[sheet]).toEqual(original[sheet]);
    expect(noteTexts()).toEqual([`已恢复 ${marks.size} 个单元格的原有填充。`]);
  });

  it('remembers explanations and highlights in the workbook across a reopened pane', async () => {
    const { excel, host } = setup();
    const original = fills(excel);
    const first = renderApp(host);
    await click('audit');
    const x01 = findingEl('X-01', '龙潭镇');
    fireEvent.change(within(x01).getByTestId('explanation-input'), {
      target: { value: '已核实' },
    });
    await act(async () => {
      fireEvent.click(within(x01).getByTestId('explanation-save'));
    });
    await waitFor(() => expect(screen.getByTestId('count-explained').dataset.count).toBe('1'));
    first.unmount();

    // A new pane over the same workbook.
    const again = new ExcelTally({
      name: LIVE,
      run: excel.run as unknown as ExcelBatch,
      api: () => true,
    });
    renderApp(again);
    await screen.findByTestId('sheet-list');
    await click('clear');
    for (const sheet of Object.keys(original)) expect(fills(excel)[sheet]).toEqual(original[sheet]);
    await click('audit');
    const input = within(findingEl('X-01', '龙潭镇')).getByTestId(
      'explanation-input',
    ) as HTMLTextAreaElement;
    expect(input.value).toBe('已核实');
    expect(screen.getByTestId('count-explained').dataset.count).toBe('1');
  });

  it('writes the report twice without changing anything else, beside a user’s 指标汇总', async () => {
    const mine: FakeSheetInit = {
      name: '指标汇总',
      rows: [['我自己的汇总表'], [42]],
      fills: { A1: '#FFFF00' },
    };
    const { excel, host } = setup([mine]);
    renderApp(host);
    await screen.findByTestId('sheet-list');
    const syncs = excel.syncCount;
    await click('report');
    // read (3) + write (3)
    expect(excel.syncCount - syncs).toBe(6);
    expect(noteTexts()).toEqual([
      '报告已写入工作表“指标汇总 (Tally)”“分单位指标”和“监测报告”；需要核实的事项写入了“数据质量说明”，供统计人员核对，不属于报告正文。',
      '工作簿中已有名为“指标汇总”的工作表（不是 Tally 写的），Tally 没有改动它，报告写入了“指标汇总 (Tally)”。',
      expect.stringMatching(/^数据中仍有 \d+ 条未解决的强制性错误/),
    ]);
    expect(screen.getByTestId('results')).toBeTruthy();
    const summary = excel.sheet('指标汇总 (Tally)');
    expect(summary?.valueAt(0, 0)).toBe('青川市2025年妇女儿童发展纲要监测指标汇总表');
    expect(String(summary?.valueAt(1, 0))).toContain('生成时间：2026-03-01 10:00');
    expect(summary?.charts).toHaveLength(1);
    expect(excel.sheet('指标汇总')?.table()).toEqual([['我自己的汇总表'], [42]]);

    const first = excel.sheets.map((s) => [s.name, s.table(), s.allFills(), s.charts.length]);
    await click('report');
    expect(excel.sheets.map((s) => [s.name, s.table(), s.allFills(), s.charts.length])).toEqual(
      first,
    );
    expect(excel.sheet('指标汇总')?.allFills()).toEqual({
      A1: { color: '#FFFF00', pattern: 'Solid' },
    });
  });

  it('inserts the rules sheet, and shows a broken rule with its row', async () => {
    const { excel, host } = setup();
    renderApp(host);
    await screen.findByTestId('sheet-list');
    await click('insert-rules');
    expect(noteTexts()).toEqual([
      `已插入工作表“审核规则”，共 ${defaultProfile().rules.length} 条规则。可直接修改，点击“审核”即按表中的规则审核。`,
    ]);
    excel.sheet('审核规则')?.setValue(3, 1, '[婴儿死亡数] <= ');
    await click('audit');
    const problems = screen.getAllByTestId('rule-error');
    expect(problems.map((el) => el.dataset.rule)).toEqual(['FE1-03']);
    expect(problems[0]?.textContent).toContain('第 4 行');
    await click('insert-rules');
    expect(noteTexts()[0]).toMatch(/^工作簿中已有审核规则表“审核规则”/);
  });

  it('imports last year’s workbook as the previous period', async () => {
    const { host } = setup();
    renderApp(host);
    await screen.findByTestId('sheet-list');
    const bytes = readFileSync(SAMPLE_2024);
    const file = new File([bytes], '2024年青川市两纲监测数据.xlsx');
    await act(async () => {
      fireEvent.change(screen.getByTestId('import-prior'), { target: { files: [file] } });
    });
    await waitFor(() =>
      expect(
        within(screen.getByTestId('imported-prior')).getByText(/2024年青川市两纲监测数据\.xlsx/),
      ).toBeTruthy(),
    );
    await click('audit');
    const prior = await readSample(SAMPLE_2024);
    const withPrior = monitor({
      workbooks: [{ ...sample, source: LIVE }],
      prior: [prior],
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
    }).validation.findings;
    expect(screen.getAllByTestId('finding')).toHaveLength(withPrior.length);
  });

  it('says what went wrong and what to do, and leaves no half-written report', async () => {
    const { excel, host } = setup();
    renderApp(host);
    await screen.findByTestId('sheet-list');
    const names = excel.sheets.map((s) => s.name);
    excel.faults.push({
      op: 'ChartCollection.add',
      code: 'AccessDenied',
      message: 'The sheet is protected.',
    });
    await click('report');
    expect(noteTexts()).toEqual([
      '生成报告失败：The sheet is protected (AccessDenied)。写了一半的工作表已删除，工作簿中原有的工作表没有改动。工作表或工作簿受保护，请先撤销保护（审阅 › 撤销保护）后重试。',
    ]);
    expect(screen.getByTestId('note').dataset.intent).toBe('error');
    expect(excel.sheets.map((s) => s.name)).toEqual(names);

    // Failed, the marking is tried once more (after loading Tally's conditional formats again).
    for (let i = 0; i < 2; i++) {
      excel.faults.push({
        op: 'ConditionalFormatCollection.add',
        code: 'InvalidOperationInCellEditMode',
        message: 'Cell edit mode',
      });
    }
    await click('audit');
    expect(screen.getByTestId('results')).toBeTruthy();
    expect(noteTexts().at(-1)).toBe(
      '标记单元格失败：Cell edit mode (InvalidOperationInCellEditMode)。审核结果仍然有效。请先按 Enter 或 Esc 结束单元格编辑，再重试。',
    );

    // The sheet of a finding is gone by the time it is clicked.
    excel.sheets.splice(
      excel.sheets.findIndex((s) => s.name === '人口与安全'),
      1,
    );
    await act(async () => {
      fireEvent.click(within(findingEl('BLANK', '高峰乡')).getByTestId('finding-go'));
    });
    await waitFor(() =>
      expect(noteTexts().at(-1)).toMatch(
        /^无法定位到单元格：.*\(ItemNotFound\)。工作表可能已被删除或重命名，请重新审核后再试。$/,
      ),
    );
  });

  it('says so when Excel is in cell edit mode, and audits on the next click', async () => {
    const { host } = setup();
    let fail = true;
    const flaky = Object.assign(Object.create(host) as ExcelTally, {
      read: (onProgress?: (done: number, total: number) => void) =>
        fail
          ? Promise.reject(
              Object.assign(new Error('The operation is not allowed in cell edit mode.'), {
                code: 'InvalidOperationInCellEditMode',
              }),
            )
          : host.read(onProgress),
    });
    renderApp(flaky);
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(noteTexts()).toEqual([
      '审核失败：The operation is not allowed in cell edit mode (InvalidOperationInCellEditMode)。请先按 Enter 或 Esc 结束单元格编辑，再重试。',
    ]);
    expect(screen.queryByTestId('results')).toBeNull();
    fail = false;
    await click('audit');
    expect(screen.getByTestId('results')).toBeTruthy();
    expect(screen.queryAllByTestId('note').every((n) => n.dataset.intent !== 'error')).toBe(true);
  });

  it('runs a large job in the worker, and falls back when the worker cannot start', async () => {
    const { host } = setup();
    const posted: ToWorker[] = [];
    const worker = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage(message) {
          posted.push(message);
          // The worker gets a structured clone, and answers with one.
          const copy = structuredClone(message);
          setTimeout(() =>
            answer(copy, (m: FromWorker) => w.onmessage?.({ data: structuredClone(m) })),
          );
        },
      };
      return w;
    };
    const view = renderApp(host, createEngine({ spawn: worker, workerCells: 10 }));
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(screen.getByTestId('results').dataset.engine).toBe('worker');
    // Recognising the sheets when the pane opened, then the audit: both in the worker.
    expect(posted.map((m) => ('inspect' in m ? 'inspect' : m.job.kind))).toEqual([
      'inspect',
      'audit',
    ]);
    expect(screen.getAllByTestId('finding')).toHaveLength(expected.length);
    expect(findingEl('FE1-01', '石门镇')).toBeTruthy();
    view.unmount();

    const broken = (): WorkerLike => {
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => undefined,
        postMessage: () => setTimeout(() => w.onerror?.({ message: 'script failed to load' })),
      };
      return w;
    };
    renderApp(host, createEngine({ spawn: broken, workerCells: 10 }));
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(screen.getByTestId('results').dataset.engine).toBe('pane');
    expect(noteTexts()[0]).toBe(
      '后台线程无法启动（script failed to load），已在窗格中计算；计算期间窗格可能暂时无响应。',
    );
  });

  it('explains in English too, and keys explanations by rule, sheet and unit', async () => {
    const { host } = setup();
    render(<App source={host.source} host={host} initialLang="en" now={NOW} />);
    await screen.findByTestId('sheet-list');
    await click('audit');
    expect(screen.getByTestId('audit').textContent).toBe('Audit');
    expect(screen.getByTestId('report').textContent).toBe('Roll up and report');
    const x01 = expected.find((f) => f.ruleId === 'X-01');
    expect(x01 && findingKey(x01)).toBe(
      findingKey({ ruleId: 'X-01', sheet: '妇幼卫生', unit: '龙潭镇' }),
    );
  });
});
