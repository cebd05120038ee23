import { useCallback, useEffect, useRef, useState } from 'react';
import type { WorkbookInspection } from '../core/inspect';
import type { Lang } from '../core/messages/index';
import type { SheetData } from '../core/model/workbook';
import type { WorkbookSource } from '../core/ports';
import type { Engine } from './engine/engine';
import type { ProfileBundle } from './profile';

export type PaneState =
  | { status: 'loading'; progress?: number }
  | { status: 'ready'; inspection: WorkbookInspection; sheets: SheetData[] }
  | { status: 'failed'; phase: 'read' | 'inspect'; error: unknown };

/** Every sheet of a source, in as few round trips as the source allows. */
async function readSheets(
  source: WorkbookSource,
  onProgress: (done: number, total: number) => void,
): Promise<SheetData[]> {
  if (source.readAll) return source.readAll(onProgress);
  const names = await source.listSheets();
  const sheets: SheetData[] = [];
  for (const [i, name] of names.entries()) {
    sheets.push(await source.readSheet(name));
    onProgress(i + 1, names.length);
  }
  return sheets;
}

/**
 * Read the workbook and recognise its sheets; `reload` reads it again. Recognition goes
 * through the engine, so a workbook that is not tiny is recognised in the worker, not on the
 * pane's thread. A failure is kept with the phase it happened in, for the pane to show; an
 * older read never overwrites a newer one.
 */
export function useInspection(
  source: WorkbookSource | undefined,
  bundle: ProfileBundle | undefined,
  engine: Engine,
  lang: Lang,
): { state: PaneState; reload: () => void } {
  // The language of the inspection's notices; switching language does not read again.
  const langRef = useRef(lang);
  langRef.current = lang;
  const [state, setState] = useState<PaneState>({ status: 'loading' });
  const latest = useRef(0);

  const reload = useCallback(() => {
    // The files host has no open workbook: there is nothing to list until files are added.
    if (!bundle || !source) return;
    const id = ++latest.current;
    const current = () => id === latest.current;
    setState({ status: 'loading' });
    void (async () => {
      let sheets: SheetData[];
      try {
        sheets = await readSheets(source, (done, total) => {
          if (current() && total > 0) setState({ status: 'loading', progress: done / total });
        });
      } catch (error) {
        if (current()) setState({ status: 'failed', phase: 'read', error });
        return;
      }
      if (!current()) return;
      try {
        const { inspection } = await engine.inspect({
          workbook: { source: source.name, sheets },
          profile: bundle.profile,
          lang: langRef.current,
        });
        if (current()) setState({ status: 'ready', inspection, sheets });
      } catch (error) {
        if (current()) setState({ status: 'failed', phase: 'inspect', error });
      }
    })();
  }, [source, bundle, engine]);

  useEffect(() => {
    reload();
    return () => {
      latest.current++;
    };
  }, [reload]);

  return { state, reload };
}
