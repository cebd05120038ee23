import { createRoot } from 'react-dom/client';
import { langFromLocale, t } from '../core/messages/index';
import { EXCEL_HOST, onOfficeReady } from '../excel/host';
import { ExcelWorkbookSource } from '../excel/reader';
import { App } from './App';
import { StartupFailure } from './components/StartupFailure';
import { errorDetail } from './errors';

/** The pane's entry: wait for Office, then show the workbook's sheets. */
async function start(): Promise<void> {
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
  const source = new ExcelWorkbookSource({ name: t(lang, 'pane.currentWorkbook') });
  root.render(<App source={source} initialLang={lang} />);
}

void start();
