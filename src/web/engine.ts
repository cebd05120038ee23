import type { WorkbookData } from '../core/model/workbook';
import { createEngine, type Engine, type WorkerLike } from '../taskpane/engine/engine';
import { fromWireError, reviveCells } from '../taskpane/engine/job';
import type * as Tasks from './tasks';
import type { FileTask, TaskAnswer, TaskMessage, TaskResult } from './tasks';

/**
 * The page's engine: every job in the worker (the pane's engine with no size threshold: the
 * page has nothing else to keep responsive for, and a job of any size goes there), and the
 * page's work on files in the same worker. Where no worker starts, the work is done on the
 * page and the engine says so (the pane's `workerFallback` note).
 */

/** A Worker as the page uses it: the engine's messages and the tasks'. */
export interface PageWorker {
  postMessage(message: unknown, transfer?: Transferable[]): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface WebEngine extends Engine {
  parse(bytes: Uint8Array, name: string): Promise<WorkbookData>;
  /** A task on files (./tasks.ts), in the worker when one starts. */
  task(task: FileTask): Promise<TaskResult>;
}

/**
 * Start workers from the bundle's text as a Blob URL. Chromium refuses `new Worker(url)` for a
 * page opened from disk (“cannot be accessed from origin 'null'”), and a worker's chunks
 * could not be loaded there either; a Blob URL of one self-contained bundle starts everywhere
 * (the page's Content-Security-Policy allows `worker-src blob:`). The URL is made once.
 */
export function blobWorkers(source: string): () => PageWorker {
  let url: string | undefined;
  return () => {
    url ??= URL.createObjectURL(new Blob([source], { type: 'text/javascript' }));
    return new Worker(url, { name: 'tally-engine' }) as unknown as PageWorker;
  };
}

/** Thrown when the worker itself broke (not the task): the task runs on the page instead. */
class WorkerBroke extends Error {}

function inWorker(spawn: () => PageWorker, message: TaskMessage): Promise<TaskResult> {
  return new Promise((resolve, reject) => {
    let worker: PageWorker;
    try {
      worker = spawn();
    } catch (e) {
      reject(new WorkerBroke(e instanceof Error ? e.message : String(e)));
      return;
    }
    worker.onmessage = ({ data }) => {
      const answer = data as TaskAnswer;
      if (answer.id !== message.id) return;
      worker.terminate();
      if (answer.type === 'failed') reject(fromWireError(answer.error));
      else resolve(answer.result);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      reject(new WorkerBroke(event.message || 'the worker failed to load'));
    };
    try {
      // The input's bytes are copied, not handed over: the page keeps them for marked copies.
      worker.postMessage(message);
    } catch (e) {
      worker.terminate();
      reject(new WorkerBroke(e instanceof Error ? e.message : String(e)));
    }
  });
}

/** The task on the page: the task code is a chunk of its own, loaded only then. */
async function onPage(task: FileTask): Promise<TaskResult> {
  const { runTask } = (await import(
    // @ts-expect-error TS2835: tsc checks src as CommonJS under node16, where import() wants a
    // file extension; webpack (and jest) resolve the .ts file and split it into its own chunk.
    './tasks'
  )) as typeof Tasks;
  return runTask(task);
}

export function createWebEngine(opts: { spawn?: () => PageWorker } = {}): WebEngine {
  const { spawn } = opts;
  const engine = createEngine({
    ...(spawn ? { spawn: spawn as unknown as () => WorkerLike } : {}),
    workerCells: 0,
  });
  let nextId = 0;
  const task = async (t: FileTask): Promise<TaskResult> => {
    if (spawn) {
      try {
        return await inWorker(spawn, { id: ++nextId, task: t });
      } catch (e) {
        if (!(e instanceof WorkerBroke)) throw e;
      }
    }
    return onPage(t);
  };
  return {
    ...engine,
    task,
    async parse(bytes, name) {
      const r = await task({ kind: 'parse', name, bytes });
      if (r.kind !== 'parse') throw new Error(`unexpected answer ${r.kind}`);
      // After a structured clone a CellError is a plain `{ code }`: made one again.
      reviveCells([r.workbook]);
      return r.workbook;
    },
  };
}
