import type { Lang } from '../core/messages/index';
import type { WorkbookData } from '../core/model/workbook';
import type { OutputWorkbook } from '../core/output/spec';
import type { Finding } from '../core/validate/result';
import { toWireError, type WireError } from '../taskpane/engine/job';
import { parseWorkbook } from '../xlsx/read';
import { writeXlsxBytes, type OutputKind } from '../xlsx/write';
import { markedCopy } from './marked';

/**
 * The page's work on files, as plain data in and out, so that it runs in the engine's worker
 * (./worker.ts) or, where no worker starts, on the page: reading a file into a workbook,
 * writing an output description as .xlsx, and making a marked copy of an input. The audit
 * itself is the pane's engine job (src/taskpane/engine/job.ts), answered by the same worker.
 */
export type FileTask =
  | { kind: 'parse'; name: string; bytes: Uint8Array }
  | { kind: 'xlsx'; out: OutputWorkbook; as: OutputKind }
  | {
      kind: 'mark';
      name: string;
      bytes: Uint8Array;
      findings: Finding[];
      lang: Lang;
      period?: string;
    };

export type TaskResult =
  | { kind: 'parse'; workbook: WorkbookData }
  | { kind: 'xlsx'; bytes: Uint8Array }
  | { kind: 'mark'; bytes: Uint8Array; marked: number; listed: number };

/** Messages of a task between the page and the worker (beside the engine's own). */
export type TaskMessage = { id: number; task: FileTask };
export type TaskAnswer =
  | { id: number; type: 'task'; result: TaskResult }
  | { id: number; type: 'failed'; error: WireError };

export async function runTask(task: FileTask): Promise<TaskResult> {
  switch (task.kind) {
    case 'parse':
      return { kind: 'parse', workbook: parseWorkbook(task.bytes, task.name) };
    case 'xlsx':
      return { kind: 'xlsx', bytes: await writeXlsxBytes(task.out, task.as) };
    case 'mark': {
      const r = await markedCopy(
        { name: task.name, bytes: task.bytes },
        task.findings,
        task.lang,
        task.period,
      );
      return { kind: 'mark', ...r };
    }
  }
}

/** The worker's side of a task: run it and answer, a failure as a wire error. */
export async function answerTask(
  message: TaskMessage,
  post: (m: TaskAnswer, transfer?: Transferable[]) => void,
): Promise<void> {
  try {
    const result = await runTask(message.task);
    post({ id: message.id, type: 'task', result }, transferables(result));
  } catch (e) {
    post({ id: message.id, type: 'failed', error: toWireError(e) });
  }
}

/** The buffers a result can hand over rather than copy. */
function transferables(result: TaskResult): Transferable[] {
  if (result.kind !== 'parse') return [result.bytes.buffer as ArrayBuffer];
  return [];
}
