import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import type { WorkbookData } from '../core/model/workbook';
import { readWorkbookFile } from '../xlsx/file';
import type { Out } from './output';

/**
 * Read input files, with a progress bar on a terminal when there are several. Errors (an
 * unreadable file) propagate as TallyErrors naming the file.
 */
export async function readFiles(
  files: readonly string[],
  lang: Lang,
  err: Out,
): Promise<WorkbookData[]> {
  const showBar = err.stream.isTTY === true && files.length >= 3;
  const bar = showBar
    ? new SingleBar(
        {
          format: `${t(lang, 'cli.reading')} [{bar}] {value}/{total} {file}`,
          hideCursor: true,
          clearOnComplete: true,
          stream: process.stderr,
        },
        Presets.shades_classic,
      )
    : undefined;
  bar?.start(files.length, 0, { file: '' });
  const out: WorkbookData[] = [];
  try {
    for (const [i, file] of files.entries()) {
      bar?.update(i, { file });
      out.push(await readWorkbookFile(file));
    }
    bar?.update(files.length, { file: '' });
  } finally {
    bar?.stop();
  }
  return out;
}

/** What a folder given as input stands for: its workbooks and CSV files (not Excel's `~$` locks). */
const INPUT_FILE = /^(?![.~]).*\.(xlsx|xlsm|csv)$/i;

/**
 * The input files, a folder standing for the .xlsx/.xlsm/.csv files directly in it (sorted by
 * name), never one of `outputs` (a report written into the folder last time is not an input).
 * A path that is not a folder is kept as given: reading it names it if it is missing.
 */
export async function expandInputs(
  files: readonly string[],
  outputs: readonly (string | undefined)[] = [],
): Promise<string[]> {
  const skip = new Set(outputs.filter((o) => o !== undefined).map((o) => path.resolve(o)));
  const out: string[] = [];
  for (const file of files) {
    const stat = await fs.stat(file).catch(() => undefined);
    if (!stat?.isDirectory()) {
      out.push(file);
      continue;
    }
    const entries = await fs.readdir(file, { withFileTypes: true });
    const inside = entries
      .filter((e) => e.isFile() && INPUT_FILE.test(e.name))
      .map((e) => path.join(file, e.name))
      .filter((f) => !skip.has(path.resolve(f)))
      .sort();
    if (inside.length === 0) throw new UnreadableInputError('error.emptyFolder', { file });
    out.push(...inside);
  }
  return out;
}
