import './no-eval';
import { createRoot } from 'react-dom/client';
import WORKER_SOURCE from 'tally-web-worker';
import { langFromLocale } from '../core/messages/index';
import { App } from '../taskpane/App';
import { BROWSER_PLATFORM } from '../taskpane/download';
import { blobWorkers, createWebEngine } from './engine';
import { FilesTally } from './files-host';

/**
 * The web page's entry (网页版): the pane's UI over the files host, with no Office.js. The
 * page's start-up script (start.es5.js) has checked that this browser can run it; otherwise it
 * has said so and this bundle does nothing.
 */
function start(): void {
  const w = window as { __tallyStarted?: boolean; __tallyUnsupported?: boolean };
  if (w.__tallyUnsupported) return;
  w.__tallyStarted = true;
  const container = document.getElementById('root');
  if (!container) throw new Error('index.html has no #root element');
  const engine = createWebEngine(
    typeof Worker === 'undefined' ? {} : { spawn: blobWorkers(WORKER_SOURCE) },
  );
  const host = new FilesTally({ engine });
  createRoot(container).render(
    <App
      host={host}
      engine={engine}
      initialLang={langFromLocale(navigator.language)}
      platform={BROWSER_PLATFORM}
    />,
  );
}

start();
