import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { CellError } from '../../src/core/model/cell';
import type { SheetData } from '../../src/core/model/workbook';
import type { WorkbookSource } from '../../src/core/ports';
import { ProfileError } from '../../src/core/profile/profile';
import { ExcelWorkbookSource } from '../../src/excel/reader';
import { App } from '../../src/taskpane/App';
import forms from '../../profiles/lianggang-2021-2030/forms.json';
import { FakeExcel } from '../support/fake-excel';

const itemsOf = (id: string) => forms.forms.find((f) => f.id === id)?.items.length;

/** Two forms and a sheet of notes, as a township statistician's workbook holds them. */
function workbook() {
  return new FakeExcel({
    sheets: [
      {
        name: '妇幼卫生',
        rows: [
          ['2025年妇幼健康监测统计表', null, null, null, null],
          [null, null, null, null, null],
          ['地区', '活产数（人）', '男婴活产数', '女婴活产数', '孕产妇死亡数'],
          ['东城街道', 512, 270, 242, '约1'],
          ['西山镇', '1,301', 660, 641, new CellError('#DIV/0!')],
          ['合计', 1813, 930, 883, 1],
        ],
        merges: [{ top: 0, left: 0, bottom: 0, right: 4 }],
      },
      {
        name: '教育',
        origin: { row: 1, col: 1 },
        rows: [
          ['乡镇', '3-5岁儿童数', '在园幼儿数'],
          ['东城街道', 300, 280],
        ],
      },
      { name: '说明', rows: [['本工作簿为测试用。']] },
    ],
  });
}

function source(excel: FakeExcel): ExcelWorkbookSource {
  return new ExcelWorkbookSource({ name: '当前工作簿', run: excel.run, merges: true });
}

function card(sheet: string): HTMLElement {
  const found = screen
    .getAllByTestId('sheet-card')
    .find((el) => el.getAttribute('data-sheet') === sheet);
  if (!found) throw new Error(`no card for ${sheet}`);
  return found;
}

describe('<App>', () => {
  it('lists every sheet with the form recognised in it, in Chinese', async () => {
    const excel = workbook();
    render(<App source={source(excel)} initialLang="zh" />);

    expect(screen.getByTestId('app-name').textContent).toBe('Tally 统计审核');
    await screen.findByTestId('sheet-list');
    expect(screen.getAllByTestId('sheet-name').map((el) => el.textContent)).toEqual([
      '妇幼卫生',
      '教育',
      '说明',
    ]);

    const health = within(card('妇幼卫生'));
    expect(health.getByTestId('sheet-form').getAttribute('data-form')).toBe('FE1');
    expect(health.getByTestId('sheet-form').textContent).toBe(
      `FE1妇幼健康（4/${itemsOf('FE1')} 个数据项）`,
    );
    expect(health.getByTestId('sheet-header').textContent).toBe('第 3 行');
    expect(health.getByTestId('sheet-records').textContent).toBe('2 条（合计行 1 行）');
    expect(health.getByTestId('sheet-items').textContent).toBe('识别 4 个');
    // '1,301' is a number with a thousands separator; '约1' and #DIV/0! are not numbers.
    expect(health.getByTestId('sheet-notices').textContent).toBe('1 条');
    expect(health.getByTestId('sheet-type-errors').textContent).toBe('2 条');

    const education = within(card('教育'));
    expect(education.getByTestId('sheet-form').getAttribute('data-form')).toBe('FE2');
    expect(education.getByTestId('sheet-header').textContent).toBe('第 2 行');
    expect(education.getByTestId('sheet-type-errors').textContent).toBe('0 条');

    expect(within(card('说明')).getByTestId('sheet-form').textContent).toBe(
      '未找到表头，已跳过此工作表。',
    );
    expect(screen.getByTestId('summary').textContent).toBe('共 3 张工作表，识别出 2 张已知报表');
    // the sheets; their used ranges with their values; how many rows are visible
    expect(excel.syncCount).toBe(3);
  });

  it('switches to English, form names included', async () => {
    render(<App source={source(workbook())} initialLang="zh" />);
    await screen.findByTestId('sheet-list');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(screen.getByTestId('app-name').textContent).toBe('Tally');
    expect(within(card('妇幼卫生')).getByTestId('sheet-form').textContent).toBe(
      `FE1Maternal and child health (4/${itemsOf('FE1')} items)`,
    );
    expect(within(card('妇幼卫生')).getByTestId('sheet-header').textContent).toBe('row 3');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    expect(document.documentElement.lang).toBe('en');
  });

  it('reads the workbook again on "Read again" and shows what changed', async () => {
    const excel = workbook();
    render(<App source={source(excel)} initialLang="zh" />);
    await screen.findByTestId('sheet-list');
    expect(within(card('教育')).getByTestId('sheet-records').textContent).toBe(
      '1 条（合计行 0 行）',
    );
    const sheet = excel.sheet('教育');
    sheet?.setValue(3, 1, '西山镇');
    sheet?.setValue(3, 2, 120);
    fireEvent.click(screen.getByTestId('refresh'));
    await screen.findByText('2 条（合计行 0 行）');
    expect(excel.syncCount).toBe(6);
  });

  it('shows a failed read with Office’s code and what to do, and recovers on retry', async () => {
    const excel = workbook();
    const working = source(excel);
    let fail = true;
    const flaky: WorkbookSource = {
      name: 'flaky',
      listSheets: () => working.listSheets(),
      readSheet: (name) => working.readSheet(name),
      readAll: async (): Promise<SheetData[]> => {
        if (fail) {
          throw Object.assign(new Error('The operation is not allowed in cell edit mode.'), {
            code: 'InvalidOperationInCellEditMode',
          });
        }
        return working.readAll();
      },
    };
    render(<App source={flaky} initialLang="en" />);
    const text = await screen.findByTestId('error-text');
    expect(text.textContent).toBe(
      'Reading the workbook failed: The operation is not allowed in cell edit mode (InvalidOperationInCellEditMode). Leave cell edit mode and click "Read again".',
    );
    fail = false;
    await act(async () => {
      fireEvent.click(screen.getByTestId('error-retry'));
    });
    await screen.findByTestId('sheet-list');
    expect(screen.queryByTestId('error-bar')).toBeNull();
  });

  it('shows a profile that cannot be loaded instead of reading', async () => {
    const excel = workbook();
    render(
      <App
        source={source(excel)}
        initialLang="zh"
        loadProfile={() => {
          throw new ProfileError('profile.invalid', {
            file: 'forms.json',
            field: 'forms',
            detail: 'x',
          });
        }}
      />,
    );
    expect(screen.getByTestId('error-text').textContent).toBe(
      '内置的监测配置无法加载：配置文件 forms.json 有误：字段 forms：x。请修改该文件后重试。请重新安装加载项。',
    );
    expect(excel.syncCount).toBe(0);
  });
});
