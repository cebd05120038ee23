import { createRoot } from 'react-dom/client';
import { langFromLocale, t } from '../core/messages/index';
import { EXCEL_API_FLOOR, EXCEL_HOST, onOfficeReady, supportsExcelApi } from '../excel/host';
import { ExcelTally } from '../excel/tally';
import { App } from './App';
import { StartupFailure } from './components/StartupFailure';
import { createEngine } from './engine/engine';
import { spawnAuditWorker } from './engine/spawn';
import { errorDetail } from './errors';

/**
 * The pane's entry: wait for Office, then show the workbook, its audit and its report.
 * taskpane.html's start-up script loaded this bundle only on a host that can run it; until the
 * first render its "Starting Tally…" stays on screen.
 */
async function start(): Promise<void> {
  (window as { __tallyStarted?: boolean }).__tallyStarted = true;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  const root = createRoot(container);
  let info;
  try {
    info = await onOfficeReady();
  } catch (e) {
    const lang = langFromLocale(navigator.language);
    root.render(
      <StartupFailure
        lang={lang}
        message="pane.officeMissing"
        params={{ detail: errorDetail(e, lang) }}
      />,
    );
    return;
  }
  const lang = langFromLocale(info.displayLanguage || navigator.language);
  if (info.host !== EXCEL_HOST) {
    root.render(<StartupFailure lang={lang} message="pane.notExcel" />);
    return;
  }
  // The start-up script checked this already; a host that changed its mind is told the same.
  if (!supportsExcelApi(EXCEL_API_FLOOR)) {
    root.render(<StartupFailure lang={lang} message="pane.unsupportedHost" />);
    return;
  }
  const host = new ExcelTally({ name: t(lang, 'pane.currentWorkbook') });
  const engine = createEngine({ spawn: spawnAuditWorker });
  root.render(
    <App
      source={host.source}
      host={host}
      engine={engine}
      initialLang={lang}
      platform={info.platform}
    />,
  );
}

void start();
