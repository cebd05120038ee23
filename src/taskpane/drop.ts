import type { PickedFile } from './imports';

/**
 * Files given to the page: picked (one or several), a folder picked (`webkitdirectory`), or
 * dropped, folders included. A folder stands for its workbooks and CSV files, in every
 * sub-folder, as the command line reads a folder (not Excel's `~$` lock files, not hidden
 * files), sorted by path.
 */

/** What a folder given as input stands for (src/cli/read.ts says the same). */
const INPUT_FILE = /^(?![.~]).*\.(xlsx|xlsm|csv)$/i;

export function inputFiles(files: readonly PickedFile[], fromFolder: boolean): PickedFile[] {
  if (!fromFolder) return [...files];
  const path = (f: PickedFile) =>
    (f as { webkitRelativePath?: string }).webkitRelativePath || f.name;
  return files
    .filter((f) => INPUT_FILE.test(f.name))
    .sort((a, b) => (path(a) < path(b) ? -1 : path(a) > path(b) ? 1 : 0));
}

/** The part of a FileSystemEntry a drop gives (Chromium, Firefox, Safari). */
interface Entry {
  isFile: boolean;
  isDirectory: boolean;
  name: string;
  fullPath?: string;
  file?(success: (f: File) => void, failure: (e: unknown) => void): void;
  createReader?(): {
    readEntries(success: (e: Entry[]) => void, failure: (e: unknown) => void): void;
  };
}

function fileOf(entry: Entry): Promise<File> {
  return new Promise((resolve, reject) => entry.file?.(resolve, reject));
}

/** Every entry of a folder: readEntries gives them in batches until an empty one. */
async function entriesOf(dir: Entry): Promise<Entry[]> {
  const reader = dir.createReader?.();
  if (!reader) return [];
  const out: Entry[] = [];
  for (;;) {
    const batch = await new Promise<Entry[]>((resolve, reject) =>
      reader.readEntries(resolve, reject),
    );
    if (batch.length === 0) return out;
    out.push(...batch);
  }
}

async function walk(entry: Entry, into: { file: File; path: string }[]): Promise<void> {
  if (entry.isFile) {
    if (INPUT_FILE.test(entry.name))
      into.push({ file: await fileOf(entry), path: entry.fullPath ?? entry.name });
    return;
  }
  if (entry.isDirectory) for (const e of await entriesOf(entry)) await walk(e, into);
}

/**
 * The files of a drop: a dropped folder is walked; dropped files are taken as they are (a file
 * the user chose by hand is read even if its name is unusual, and refused by name if unreadable).
 */
export async function droppedFiles(data: DataTransfer): Promise<PickedFile[]> {
  const items = Array.from(data.items ?? []);
  const entries = items
    .map((i) => (i.kind === 'file' ? (i.webkitGetAsEntry?.() as Entry | null) : null))
    .filter((e): e is Entry => e !== null && e !== undefined);
  if (entries.length === 0 || !entries.some((e) => e.isDirectory)) return Array.from(data.files);
  const loose: PickedFile[] = [];
  const inFolders: { file: File; path: string }[] = [];
  for (const e of entries) {
    if (e.isDirectory) await walk(e, inFolders);
    else loose.push(await fileOf(e));
  }
  inFolders.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return [...loose, ...inFolders.map((x) => x.file)];
}
