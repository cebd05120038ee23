import { isPayloadTooLarge } from './reader';
import { supportsExcelApi } from './host';

/**
 * What every writer in src/excel shares: how it gets a request context (`Excel.run`, or the
 * test fake), and how it asks whether the host implements an API set.
 */
export interface BatchOptions {
  /**
   * Wait until the user leaves cell-edit mode instead of failing with
   * InvalidOperationInCellEditMode (ExcelApi 1.11).
   */
  delayForCellEdit?: boolean;
}

export type ExcelBatch = <T>(
  batch: (context: Excel.RequestContext) => Promise<T>,
  options?: BatchOptions,
) => Promise<T>;

/** Whether the host implements `ExcelApi <version>` (e.g. `1.14`); the floor is 1.13. */
export type ApiCheck = (version: string) => boolean;

export const excelRun: ExcelBatch = (batch, options) =>
  options
    ? Excel.run(options, (context) => batch(context))
    : Excel.run((context) => batch(context));
export const hostApi: ApiCheck = supportsExcelApi;

/** Open a new workbook made of an .xlsx file (base64), in a window of its own (ExcelApi 1.8). */
export type CreateWorkbook = (base64: string) => Promise<void>;
export const excelCreateWorkbook: CreateWorkbook = (base64) => Excel.createWorkbook(base64);

/**
 * Run `each` over `items` in requests of at most `size` items, one sync per request; a request
 * Excel refuses as too large is split in half and sent again. `each` queues its work on the
 * context and returns what to do after the sync. `first`, if given, is queued at the head of
 * the first request (again with each retry of it), so it is done before any item.
 */
export async function inRequests<T>(
  context: { sync(): Promise<unknown> },
  items: readonly T[],
  size: number,
  each: (item: T) => () => void,
  first?: () => void,
): Promise<void> {
  let chunk = Math.max(1, size);
  let i = 0;
  while (i < items.length) {
    const part = items.slice(i, i + chunk);
    if (i === 0) first?.();
    const after = part.map(each);
    try {
      await context.sync();
    } catch (e) {
      if (!isPayloadTooLarge(e) || chunk === 1) throw e;
      chunk = Math.max(1, Math.floor(part.length / 2));
      continue;
    }
    for (const f of after) f();
    i += part.length;
  }
}

/** `#ffc7ce`, `FFC7CE` and `#FFC7CE` are the same colour. */
export function sameColour(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.replace('#', '').toUpperCase() === b.replace('#', '').toUpperCase();
}
