import { SingleBar, Presets } from 'cli-progress';
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
