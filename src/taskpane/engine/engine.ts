import {
  fromWireError,
  jobCells,
  runJob,
  type EngineJob,
  type EngineOutcome,
  type FromWorker,
  type Stage,
  type ToWorker,
} from './job';

/**
 * Where the engine runs. Small workbooks run on the pane's thread (after a frame, so the
 * progress bar shows); above `workerCells` cells the job goes to a Web Worker so the pane stays
 * responsive. A worker that cannot start (blocked, or its script missing) is reported and the
 * job runs on the pane's thread instead.
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
}

/** Above this many cells the engine runs in a worker. */
export const WORKER_CELLS = 200_000;

/** Thrown when the worker itself broke (not the job): the caller falls back. */
class WorkerBroke extends Error {
  override name = 'WorkerBroke';
}

function nextFrame(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function inWorker(
  spawn: () => WorkerLike,
  job: EngineJob,
  onProgress?: EngineProgress,
): Promise<EngineOutcome> {
  return new Promise((resolve, reject) => {
    let worker: WorkerLike;
    try {
      worker = spawn();
    } catch (e) {
      reject(new WorkerBroke(e instanceof Error ? e.message : String(e)));
      return;
    }
    const id = 1;
    worker.onmessage = ({ data }) => {
      if (data.id !== id) return;
      if (data.type === 'progress') {
        onProgress?.(data.stage, data.fraction, 'worker');
        return;
      }
      worker.terminate();
      if (data.type === 'done') resolve(data.outcome);
      else reject(fromWireError(data.error));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      reject(new WorkerBroke(event.message || 'the worker failed to load'));
    };
    try {
      onProgress?.('read', 0, 'worker');
      worker.postMessage({ id, job });
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
  return {
    async run(job, onProgress) {
      let workerProblem: string | undefined;
      if (opts.spawn && jobCells(job) > limit) {
        try {
          return { outcome: await inWorker(opts.spawn, job, onProgress), where: 'worker' };
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
  };
}
