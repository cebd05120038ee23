import type { SheetData } from './model/workbook';
import type { OutputWorkbook } from './output/spec';

/** What a reader of a workbook can do. `src/excel` (inside Excel) and `src/xlsx` (files) implement it. */
export interface WorkbookSource {
  /** A name for messages: the file name, or the open workbook's. */
  readonly name: string;
  listSheets(): Promise<string[]>;
  /** The sheet's used range as values, in bulk. */
  readSheet(name: string): Promise<SheetData>;
  /** Every sheet at once; adapters override it to read in as few round trips as they can. */
  readAll?(onProgress?: (done: number, total: number) => void): Promise<SheetData[]>;
}

/** What a writer of output sheets can do; it applies an output description, nothing more. */
export interface WorkbookSink {
  write(out: OutputWorkbook): Promise<void>;
}
