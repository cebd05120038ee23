/**
 * A stand-in for office.js in the browser test: the page's request for Microsoft's office.js
 * is answered with this bundle (test/e2e/run.js). It defines `Office` (onReady, the display
 * language, the API sets) and `Excel.run` over an in-memory workbook (fake-excel.ts) that the
 * test put in `window.__TALLY_FAKE_OFFICE__` before any script ran.
 */
import { FakeExcel, type FakeExcelOptions, type FakeWorkbookInit } from './fake-excel';

export interface FakeOfficeSetup {
  workbook: FakeWorkbookInit;
  displayLanguage?: string;
  /** The host Office.onReady reports; `Excel` unless a test wants another. */
  host?: string;
  /** The highest ExcelApi set the fake host supports, e.g. `1.17`. */
  excelApi?: string;
  options?: FakeExcelOptions;
}

/** The page's globals this script reads and defines (typed apart from @types/office-js). */
interface FakeWindow {
  __TALLY_FAKE_OFFICE__?: FakeOfficeSetup;
  __tallyFakeExcel?: FakeExcel;
  Office?: unknown;
  Excel?: unknown;
}

function versionAtMost(version: string, max: string): boolean {
  const a = version.split('.').map(Number);
  const b = max.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

function install(win: FakeWindow): void {
  const setup = win.__TALLY_FAKE_OFFICE__;
  if (!setup) throw new Error('fake office.js: window.__TALLY_FAKE_OFFICE__ is not set');
  const excel = new FakeExcel(setup.workbook, setup.options);
  const host = setup.host ?? 'Excel';
  const excelApi = setup.excelApi ?? '1.17';
  const info = { host, platform: 'OfficeOnline' };
  win.__tallyFakeExcel = excel;
  win.Office = {
    HostType: { Excel: 'Excel', Word: 'Word', PowerPoint: 'PowerPoint', Outlook: 'Outlook' },
    PlatformType: { OfficeOnline: 'OfficeOnline', PC: 'PC', Mac: 'Mac' },
    context: {
      displayLanguage: setup.displayLanguage ?? 'zh-CN',
      requirements: {
        isSetSupported: (name: string, version: string | number = '1.1') =>
          name === 'ExcelApi' && host === 'Excel' && versionAtMost(String(version), excelApi),
      },
    },
    onReady(callback?: (i: typeof info) => void): Promise<typeof info> {
      // office.js answers after the page's scripts have run.
      return new Promise((resolve) =>
        setTimeout(() => {
          callback?.(info);
          resolve(info);
        }, 0),
      );
    },
  };
  // Excel.run(batch) or Excel.run(options, batch), as office.js takes them.
  win.Excel = {
    run: (a: unknown, b?: unknown) =>
      typeof a === 'function'
        ? excel.run(a as Parameters<FakeExcel['run']>[0])
        : excel.run(b as Parameters<FakeExcel['run']>[0], a as { delayForCellEdit?: boolean }),
    createWorkbook: excel.createWorkbook,
  };
}

install(globalThis as unknown as FakeWindow);
