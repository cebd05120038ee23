/**
 * The engine's Web Worker (engine.ts sends it jobs of more than 200,000 cells). Webpack
 * bundles it as its own chunk from `new Worker(new URL('./audit.worker.ts', import.meta.url))`.
 */
import { answer, type FromWorker, type ToWorker } from './job';

interface WorkerScope {
  onmessage: ((event: { data: ToWorker }) => void) | null;
  postMessage(message: FromWorker): void;
}

const scope = globalThis as unknown as WorkerScope;
scope.onmessage = (event) => answer(event.data, (m) => scope.postMessage(m));
