import type { WorkbookData } from '../core/model/workbook';
import type * as Read from '../xlsx/read';
import type { OutputWorkbook } from '../core/output/spec';
import type * as Write from '../xlsx/write';

/**
 * Files the user picks in the pane (township workbooks, last year's data, findings sent back),
 * parsed in the browser with the same code the command line uses, and the files the pane makes
 * (the findings workbook), written with it. The parser and writer (and exceljs with them) are
 * loaded only when needed, as their own chunk.
 */

/** A DOM `File`: a Blob with a name. */
export type PickedFile = Blob & { readonly name: string };

/** The bytes of a file; FileReader where Blob.arrayBuffer is missing (older Office webviews). */
export function bytesOf(file: Blob): Promise<ArrayBuffer> {
  if (typeof file.arrayBuffer === 'function') return file.arrayBuffer();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () => reject(reader.error ?? new Error('the file could not be read'));
    reader.readAsArrayBuffer(file);
  });
}

export async function readPickedFile(file: PickedFile): Promise<WorkbookData> {
  const { checkFileSize, parseWorkbook } = (await import(
    // @ts-expect-error TS2835: tsc checks src as CommonJS under node16, where import() wants a
    // file extension; webpack (and jest) resolve the .ts file and split it into its own chunk.
    '../xlsx/read'
  )) as typeof Read;
  // The file limit before the bytes are read; parseWorkbook's guards check the rest.
  checkFileSize(file.size, file.name);
  return parseWorkbook(new Uint8Array(await bytesOf(file)), file.name);
}

/**
 * An output description as .xlsx bytes (src/xlsx/write.ts). Written as a `template`: a findings
 * workbook is handed out and filled in, and the command line never writes over such a file.
 */
export async function writeXlsx(out: OutputWorkbook): Promise<Uint8Array> {
  const { writeXlsxBytes } = (await import(
    // @ts-expect-error TS2835: as for ../xlsx/parse above.
    '../xlsx/write'
  )) as typeof Write;
  return writeXlsxBytes(out, 'template');
}

/** Bytes as base64, in slices (a spread of megabytes would overflow the call stack). */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const slice = 0x8000;
  for (let i = 0; i < bytes.length; i += slice) {
    binary += String.fromCharCode(...bytes.subarray(i, i + slice));
  }
  return btoa(binary);
}
