import type { WorkbookData } from '../core/model/workbook';
import type * as Read from '../xlsx/read';

/**
 * Files the user picks in the pane (township workbooks, last year's data), parsed in the
 * browser with the same code the command line uses. The parser (and exceljs with it) is loaded
 * only when a file is picked, as its own chunk.
 */

/** A DOM `File`: a Blob with a name. */
export type PickedFile = Blob & { readonly name: string };

/** The bytes of a file; FileReader where Blob.arrayBuffer is missing (older Office webviews). */
function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readPickedFile(file: PickedFile): Promise<WorkbookData> {
  const bytes = new Uint8Array(await bytesOf(file));
  const { parseWorkbook } = (await import(
    // @ts-expect-error TS2835: tsc checks src as CommonJS under node16, where import() wants a
    // file extension; webpack (and jest) resolve the .ts file and split it into its own chunk.
    '../xlsx/read'
  )) as typeof Read;
  return parseWorkbook(bytes, file.name);
}
