import type { WorkerLike } from './engine';

/**
 * Start the engine's worker. Only the pane's entry (index.tsx) imports this file: webpack
 * turns `new URL('./audit.worker.ts', import.meta.url)` into the worker chunk's address.
 */
export function spawnAuditWorker(): WorkerLike {
  return new Worker(
    // @ts-expect-error TS1470: tsc checks src as CommonJS (module node16); webpack compiles this
    // file as an ES module (module es2022 in webpack.config.js), where import.meta is defined.
    new URL('./audit.worker.ts', import.meta.url),
    { name: 'tally-engine' },
  ) as unknown as WorkerLike;
}
