import { UnreadableInputError } from '../core/errors';
import type { WorkbookData } from '../core/model/workbook';
import { parseCsvColumnar } from './csv-columnar';
import { parseXlsxColumnar } from './xlsx-columnar';

export { checkFileSize } from './limits';

/**
 * A file's bytes as the engine's workbook, straight into columns (model/columnar.ts): the one
 * entry for the command line and the pane's file import. No file system here.
 */
export function parseWorkbook(bytes: Uint8Array, file: string): WorkbookData {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf('.');
  const ext = dot >= 0 ? name.slice(dot).toLowerCase() : '';
  if (ext === '.csv' || ext === '.txt') return parseCsvColumnar(bytes, file, name.slice(0, dot));
  if (ext === '.xlsx' || ext === '.xlsm') return parseXlsxColumnar(bytes, file);
  throw new UnreadableInputError('error.unsupported', { file });
}
