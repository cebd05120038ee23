import {
  displayLanguage,
  onOfficeReady,
  OfficeUnavailableError,
  supportsExcelApi,
} from '../../src/excel/host';

type WithOffice = { Office?: unknown };

function setOffice(office: unknown): void {
  (globalThis as WithOffice).Office = office;
}

afterEach(() => {
  delete (globalThis as WithOffice).Office;
});

describe('the Office host', () => {
  it('waits for Office.onReady and reports the host, display language and platform', async () => {
    let ready: (info: { host: string; platform: string }) => void = () => undefined;
    setOffice({
      onReady: () => new Promise((resolve) => (ready = resolve)),
      context: {
        displayLanguage: 'zh-CN',
        requirements: {
          isSetSupported: (set: string, v: string) => set === 'ExcelApi' && v === '1.13',
        },
      },
    });
    const info = onOfficeReady();
    let settled = false;
    void info.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    ready({ host: 'Excel', platform: 'PC' });
    await expect(info).resolves.toEqual({
      host: 'Excel',
      displayLanguage: 'zh-CN',
      platform: 'PC',
    });
    expect(supportsExcelApi('1.13')).toBe(true);
    expect(supportsExcelApi('1.99')).toBe(false);
  });

  it('reports a page opened outside Office as no host', async () => {
    setOffice({ onReady: async () => ({ host: null, platform: null }), context: {} });
    await expect(onOfficeReady()).resolves.toEqual({
      host: '',
      displayLanguage: '',
      platform: '',
    });
  });

  it('fails clearly when office.js did not load', async () => {
    await expect(onOfficeReady()).rejects.toBeInstanceOf(OfficeUnavailableError);
    expect(displayLanguage()).toBe('');
    expect(supportsExcelApi('1.1')).toBe(false);
  });
});
