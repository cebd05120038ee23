import type { WorkbookInspection } from '../../core/inspect';
import type { WorkbookData } from '../../core/model/workbook';
import {
  fromWireError,
  jobCells,
  runInspect,
  runJob,
  type EngineJob,
  type EngineOutcome,
  type FromWorker,
  type InspectJob,
  type Stage,
  type ToWorker,
} from './job';

/**
 * Where the engine runs. Tiny workbooks run on the pane's thread (after a frame, so the
 * progress bar shows); above `workerCells` cells (recognising the sheets when the pane opens,
 * as much as the audit) the job goes to a Web Worker so the pane stays responsive. A worker that
 * cannot start (blocked, or its script missing) is reported and the job runs on the pane's
 * thread instead.
 */

/** The part of a Worker the engine uses (a real `Worker`, or a stand-in in tests). */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  terminate(): void;
  onmessage: ((event: { data: FromWorker }) => void) | null;
  onerror: ((event: { message?: string; preventDefault?: () => void }) => void) | null;
}

export interface EngineRun {
  outcome: EngineOutcome;
  where: 'pane' | 'worker';
  /** Why the worker was not used although the job was large. */
  workerProblem?: string;
}

/** Progress of a run: the engine's stage, how far, and where it runs. */
export type EngineProgress = (stage: Stage, fraction: number, where: 'pane' | 'worker') => void;

export interface Engine {
  run(job: EngineJob, onProgress?: EngineProgress): Promise<EngineRun>;
  /** Recognise a workbook's sheets (where `run` would run a job of its size). */
  inspect(job: InspectJob): Promise<InspectRun>;
  /**
   * Read a file's bytes as a workbook, off the page's thread (the web page's engine,
   * src/web/engine.ts); without it the pane reads files itself (imports.ts).
   */
  parse?(bytes: Uint8Array, name: string): Promise<WorkbookData>;
}

export interface InspectRun {
  inspection: WorkbookInspection;
  where: 'pane' | 'worker';
  workerProblem?: string;
}

/**
 * Above this many cells the engine runs in a worker. 20,000 cells (the bundled sample has
 * about 3,000) audit in well under 100 ms on the pane's thread; starting the worker and
 * copying the workbook to it cost about as much, so below that the thread does it.
 */
export const WORKER_CELLS = 20_000;

/** Thrown when the worker itself broke (not the job): the caller falls back. */
class WorkerBroke extends Error {
  override name = 'WorkerBroke';
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function inWorker<R>(
  spawn: () => WorkerLike,
  message: ToWorker,
  result: (data: FromWorker) => R | undefined,
  onProgress?: EngineProgress,
): Promise<R> {
  return new Promise((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = spawn();
    } catch (e) {
      reject(new WorkerBroke(e instanceof Error ? e.message : String(e)));
      return;
    }
    worker.onmessage = ({ data }) => {
      if (data.id !== message.id) return;
      if (data.type === 'progress') {
        onProgress?.(data.stage, data.fraction, 'worker');
        return;
      }
      worker.terminate();
      if (data.type === 'failed') {
        reject(fromWireError(data.error));
        return;
      }
      const r = result(data);
      if (r === undefined) reject(new WorkerBroke(`unexpected answer ${data.type}`));
      else resolve(r);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      reject(new WorkerBroke(event.message || 'the worker failed to load'));
    };
    try {
      onProgress?.('read', 0, 'worker');
      worker.postMessage(message);
    } catch (e) {
      worker.terminate();
      reject(new WorkerBroke(e instanceof Error ? e.message : String(e)));
    }
  });
}

export function createEngine(
  opts: { spawn?: () => WorkerLike; workerCells?: number } = {},
): Engine {
  const limit = opts.workerCells ?? WORKER_CELLS;
  let nextId = 0;
  return {
    async run(job, onProgress) {
      let workerProblem: string | undefined;
      if (opts.spawn && jobCells(job) > limit) {
        try {
          const outcome = await inWorker(
            opts.spawn,
            { id: ++nextId, job },
            (d) => (d.type === 'done' ? d.outcome : undefined),
            onProgress,
          );
          return { outcome, where: 'worker' };
        } catch (e) {
          if (!(e instanceof WorkerBroke)) throw e;
          workerProblem = e.message;
        }
      }
      onProgress?.('read', 0, 'pane');
      await nextFrame();
      const outcome = runJob(job, (stage, fraction) => onProgress?.(stage, fraction, 'pane'));
      return { outcome, where: 'pane', ...(workerProblem ? { workerProblem } : {}) };
    },
    async inspect(job) {
      let workerProblem: string | undefined;
      if (opts.spawn && jobCells({ workbooks: [job.workbook], prior: [] }) > limit) {
        try {
          const inspection = await inWorker(opts.spawn, { id: ++nextId, inspect: job }, (d) =>
            d.type === 'inspected' ? d.inspection : undefined,
          );
          return { inspection, where: 'worker' };
        } catch (e) {
          if (!(e instanceof WorkerBroke)) throw e;
          workerProblem = e.message;
        }
      }
      await nextFrame();
      return {
        inspection: runInspect(job),
        where: 'pane',
        ...(workerProblem ? { workerProblem } : {}),
      };
    },
  };
}
