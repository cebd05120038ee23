/**
 * The web page's worker: the pane's engine (audits, reports; src/taskpane/engine/job.ts) and
 * the page's work on files (./tasks.ts: reading, writing .xlsx, marked copies), in one bundle
 * with no chunks of its own. The page starts it from a Blob URL of this bundle's text, which
 * works where a worker's own address cannot be loaded (a page opened from disk, file://).
 */
import './no-eval';
import { answer, type FromWorker, type ToWorker } from '../taskpane/engine/job';
import { answerTask, type TaskAnswer, type TaskMessage } from './tasks';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker | TaskMessage }) => void) | null;
  postMessage(message: FromWorker | TaskAnswer, transfer?: Transferable[]): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => {
  const message = event.data;
  if ('task' in message) {
    void answerTask(message, (m, transfer) => scope.postMessage(m, transfer ?? []));
    return;
  }
  answer(message, (m) => scope.postMessage(m));
};
