import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { t } from '../../src/core/messages/index';
import { EXCEL_API_FLOOR } from '../../src/excel/host';
import { ROOT } from '../support/fixtures';

/**
 * taskpane.html's start-up script (plain ES5): on a host too old for the pane it says which
 * Excel is needed instead of loading the bundle; elsewhere it loads the bundle after
 * Office.onReady. Its texts and its ExcelApi floor are the catalogue's and the pane's.
 */

const html = readFileSync(path.join(ROOT, 'src/taskpane/taskpane.html'), 'utf8');
const script = /<script>\s*([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';
const body = /<body[^>]*>([\s\S]*?)<script>/.exec(html)?.[1] ?? '';

function literal(name: string): string {
  const m = new RegExp(`var ${name} =\\s*'([^']*)'`).exec(script);
  if (!m?.[1]) throw new Error(`taskpane.html sets no ${name}`);
  return m[1];
}

interface FakeOffice {
  onReady(cb: (info: { host: string }) => void): void;
  context: { requirements: { isSetSupported(name: string, version: string): boolean } };
}

/** Run the start-up script in this page, with the Office and the engine given. */
function boot(office: FakeOffice | undefined, engine: { fromEntries?: boolean } = {}) {
  document.body.innerHTML = body;
  const win = window as unknown as Record<string, unknown>;
  win.Office = office;
  win.fetch = () => undefined;
  win.Worker = function Worker() {};
  win.TextDecoder = function TextDecoder() {};
  const saved = Object.fromEntries;
  if (engine.fromEntries === false) delete (Object as { fromEntries?: unknown }).fromEntries;
  try {
    const el = document.createElement('script');
    el.textContent = script.replace(
      '<%= JSON.stringify(htmlWebpackPlugin.files.js) %>',
      '["taskpane.abc.js"]',
    );
    document.body.appendChild(el);
  } finally {
    Object.fromEntries = saved;
  }
  const box = document.getElementById('tally-boot');
  return {
    state: box?.getAttribute('data-state'),
    reason: box?.getAttribute('data-reason'),
    zh: document.getElementById('tally-boot-zh')?.textContent,
    en: document.getElementById('tally-boot-en')?.textContent,
    loaded: [...document.querySelectorAll('script[src]')].map((s) => s.getAttribute('src')),
  };
}

function office(supported: (version: string) => boolean, host = 'Excel'): FakeOffice {
  return {
    onReady: (cb) => cb({ host }),
    context: { requirements: { isSetSupported: (_n, v) => supported(v) } },
  };
}

const upTo = (max: string) => (v: string) => Number(v.split('.')[1]) <= Number(max.split('.')[1]);

describe('the start-up page', () => {
  it('says what the catalogue says, and checks the floor the manifest names', () => {
    expect(literal('UNSUPPORTED_ZH')).toBe(t('zh', 'pane.unsupportedHost'));
    expect(literal('UNSUPPORTED_EN')).toBe(t('en', 'pane.unsupportedHost'));
    expect(literal('EXCEL_API_FLOOR')).toBe(EXCEL_API_FLOOR);
    expect(t('zh', 'pane.unsupportedHost')).toContain(
      '需要 Microsoft 365、Office 2021 或更新版本的 Excel',
    );
  });

  it('shows a loading state, then loads the bundle on an Excel at the floor', () => {
    const r = boot(office(upTo('1.17')));
    expect(r).toMatchObject({ state: 'loading', zh: '正在启动 Tally 统计审核…' });
    expect(r.loaded).toEqual(['taskpane.abc.js']);
  });

  it('on an Excel below ExcelApi 1.13 (Office 2019) says which Excel is needed, and loads nothing', () => {
    const r = boot(office(upTo('1.7')));
    expect(r).toMatchObject({
      state: 'unsupported',
      reason: 'api',
      zh: t('zh', 'pane.unsupportedHost'),
      en: t('en', 'pane.unsupportedHost'),
    });
    expect(r.loaded).toEqual([]);
  });

  it('in an old webview (no ES2019 built-ins: IE 11, Edge Legacy) says the same without waiting for Office', () => {
    const r = boot(
      office(() => true),
      { fromEntries: false },
    );
    expect(r).toMatchObject({ state: 'unsupported', reason: 'engine' });
    expect(r.loaded).toEqual([]);
  });

  it('loads the bundle when Office.js is missing, so the pane can say so itself', () => {
    expect(boot(undefined).loaded).toEqual(['taskpane.abc.js']);
  });
});
