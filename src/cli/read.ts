import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { SingleBar, Presets } from 'cli-progress';
import { UnreadableInputError } from '../core/errors';
import { t, type Lang } from '../core/messages/index';
import type { WorkbookData } from '../core/model/workbook';
import { readBoundedFile } from '../xlsx/file';
import { parseWorkbook } from '../xlsx/read';
import type { Out } from './output';

/** Files whose bytes are being read at once, the one to parse next among them. */
const READ_AHEAD = 4;
/** Files up to this size are read ahead. */
const SMALL_FILE = 1 << 20;
/** A read already used, so its bytes are let go. */
const DONE: Promise<Uint8Array> = Promise.resolve(new Uint8Array(0));

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
  // The next files' bytes are read while one is parsed: each file is several round trips to
  // the file system's threads (open, stat, read, close), so 5,000 township files one after
  // another waited 1.5 s in all. Parsed in order, so the first bad file is the one named; a
  // read begun ahead and not reached is left to finish (its failure then never shown).
  const reads: Promise<Uint8Array>[] = [];
  let largest = 0;
  const ahead = (i: number): void => {
    const file = files[i];
    if (file === undefined || reads[i]) return;
    const read = readBoundedFile(file);
    read.catch(() => undefined);
    reads[i] = read;
  };
  try {
    for (const [i, file] of files.entries()) {
      bar?.update(i, { file });
      ahead(i);
      // Ahead only once the files read so far are all small (township files): a batch of large
      // files gains nothing, and their bytes would wait in memory.
      if (i > 0 && largest <= SMALL_FILE) for (let k = i + 1; k < i + READ_AHEAD; k++) ahead(k);
      const bytes = await (reads[i] as Promise<Uint8Array>);
      largest = Math.max(largest, bytes.length);
      reads[i] = DONE;
      out.push(parseWorkbook(bytes, file));
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
