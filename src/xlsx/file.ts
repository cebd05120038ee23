import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { UnreadableInputError } from '../core/errors';
import type { SheetData, WorkbookData } from '../core/model/workbook';
import type { WorkbookSource } from '../core/ports';
import { parseCsv, parseXlsx } from './parse';

/** Read a .xlsx or .csv file from disk. Never writes to it. */
export async function readWorkbookFile(file: string): Promise<WorkbookData> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await fs.readFile(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new UnreadableInputError('error.fileMissing', { file });
    if (code === 'EISDIR') throw new UnreadableInputError('error.unsupported', { file });
    throw new UnreadableInputError('error.corrupt', { file, detail: code ?? String(e) });
  }
  const ext = path.extname(file).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return parseCsv(bytes, file, path.basename(file, ext));
  if (ext === '.xlsx' || ext === '.xlsm') return parseXlsx(bytes, file);
  throw new UnreadableInputError('error.unsupported', { file });
}

/** A file as a WorkbookSource: the same port the Office.js adapter implements. */
export class FileWorkbookSource implements WorkbookSource {
  private data: Promise<WorkbookData> | undefined;
  constructor(readonly name: string) {}

  private load(): Promise<WorkbookData> {
    this.data ??= readWorkbookFile(this.name);
    return this.data;
  }

  async listSheets(): Promise<string[]> {
    return (await this.load()).sheets.map((s) => s.name);
  }

  async readSheet(name: string): Promise<SheetData> {
    const sheet = (await this.load()).sheets.find((s) => s.name === name);
    if (!sheet) throw new RangeError(`no sheet named "${name}" in ${this.name}`);
    return sheet;
  }

  async readAll(): Promise<SheetData[]> {
    return (await this.load()).sheets;
  }
}
