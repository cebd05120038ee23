import * as path from 'node:path';
import type * as DocxWrite from '../docx/write';
import { monitor, reportSheets } from '../core/monitor';
import { t, type Lang } from '../core/messages/index';
import { toMarkdown } from '../core/narrative/narrative';
import { reportJsonStream } from '../core/output/json';
import type { Profile } from '../core/profile/profile';
import type { HeaderIndex } from '../core/read/vocabulary';
import { MD_MARKER, writeOutputFile } from '../xlsx/file';
import { writeXlsxBytes } from '../xlsx/write';
import type { Out } from './output';
import { writeJson } from './json-out';
import { expandInputs, readFiles } from './read';
import { explanationsFrom } from './explanations';
import { readTargetsFile } from './targets';
import type { Stage } from '../core/assess/progress';
import { rowCount } from '../core/model/workbook';

/** A run over this many rows announces its stages on stderr even when it is not a terminal. */
export const LOUD_ROWS = 10_000;

type Step = 'read' | 'audit' | 'assess' | 'report' | 'write';
const STEPS: readonly Step[] = ['read', 'audit', 'assess', 'report', 'write'];

/** One line per stage on stderr, for a long run (a terminal, or a large area). */
function stages(err: Out, lang: Lang, rows: number, loud: boolean) {
  const started = Date.now();
  const seen = new Set<Step>();
  return {
    step(stage: Step) {
      if (!loud || seen.has(stage)) return;
      seen.add(stage);
      const text = t(lang, `progress.${stage}`, { rows: rows.toLocaleString('en-US') });
      err.line(
        err.style(
          'dim',
          t(lang, 'progress.line', {
            step: STEPS.indexOf(stage) + 1,
            steps: STEPS.length,
            stage: text,
          }),
        ),
      );
    },
    done() {
      if (loud) {
        const seconds = ((Date.now() - started) / 1000).toFixed(1);
        err.line(err.style('dim', t(lang, 'progress.done', { seconds })));
      }
    },
  };
}

export interface ReportOptions {
  prior?: string[];
  period?: string;
  region?: string;
  out?: string;
  md?: string;
  docx?: string;
  json: boolean;
  lang: Lang;
  /** The office's targets table (CSV or .xlsx). */
  targets?: string;
  stage?: Stage;
}

/** `tally report`: audit, roll up, assess; write the workbook and the Markdown. */
/**
 * The report's files written, and only the text kept: the workbook and document descriptions
 * (a cell object per value, 300 MB at 100,000 villages) are let go before the JSON is made.
 */
async function writeReportFiles(
  sheets: ReturnType<typeof reportSheets>,
  opts: ReportOptions,
  inputs: string[],
  onWrite: () => void,
): Promise<Pick<ReturnType<typeof reportSheets>, 'blocks' | 'quality'>> {
  const { workbook, blocks, quality, document } = sheets;
  onWrite();
  if (opts.out)
    await writeOutputFile(opts.out, await writeXlsxBytes(workbook, 'report'), inputs, 'report');
  if (opts.md)
    await writeOutputFile(
      opts.md,
      `${toMarkdown(blocks, quality)}\n${MD_MARKER}\n`,
      inputs,
      'markdown',
    );
  if (opts.docx) {
    // Loaded only when a Word report is asked for: the docx library costs ~50 ms to load.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded on first use
    const { writeDocxBytes } = require('../docx/write') as typeof DocxWrite;
    await writeOutputFile(opts.docx, await writeDocxBytes(document), inputs, 'docx');
  }
  return { blocks, quality };
}

export async function reportCommand(
  given: string[],
  opts: ReportOptions,
  ctx: { profile: Profile; index: HeaderIndex; out: Out; err: Out; now?: () => Date },
): Promise<number> {
  const { lang } = opts;
  // A folder stands for its files, never the outputs this run writes into it.
  const outputs = [opts.out, opts.md];
  const files = await expandInputs(given, outputs);
  const priorFiles =
    opts.prior && opts.prior.length > 0 ? await expandInputs(opts.prior, outputs) : [];
  const workbooks = await readFiles(files, lang, ctx.err);
  const prior = priorFiles.length > 0 ? await readFiles(priorFiles, lang, ctx.err) : undefined;
  const targets = opts.targets
    ? await readTargetsFile(opts.targets, ctx.profile, lang, ctx.err)
    : undefined;
  let rows = 0;
  for (const wb of workbooks) for (const sheet of wb.sheets) rows += rowCount(sheet);
  const progress = stages(ctx.err, lang, rows, ctx.err.stream.isTTY === true || rows >= LOUD_ROWS);
  const result = monitor({
    onProgress: (stage) => progress.step(stage),
    ...(targets ? { targets } : {}),
    stage: opts.stage ?? 'annual',
    workbooks,
    ...(prior ? { prior } : {}),
    profile: ctx.profile,
    index: ctx.index,
    lang,
    ...(opts.period ? { period: opts.period } : {}),
    requirePeriod: true,
    ...(opts.region ? { regionName: opts.region } : {}),
    explanations: explanationsFrom(workbooks),
  });

  const now = (ctx.now ?? (() => new Date()))();
  const time = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')} ${String(now.getHours()).padStart(2, '0')}:${String(now.getMinutes()).padStart(2, '0')}`;
  const inputs = [...files, ...priorFiles, ...(opts.targets ? [opts.targets] : [])];
  const { blocks, quality } = await writeReportFiles(
    reportSheets(result, ctx.profile, lang, time),
    opts,
    inputs,
    () => progress.step('write'),
  );
  if (opts.json) {
    await writeJson(ctx.out, reportJsonStream(result, lang));
  } else if (!opts.out && !opts.md && !opts.docx) {
    ctx.out.line(toMarkdown(blocks, quality));
  } else {
    // The overview, then where the files are.
    ctx.out.line(ctx.out.style('bold', blocks[0]?.text ?? ''));
    for (const b of blocks.slice(1, 4)) if (b.kind === 'paragraph') ctx.out.line(b.text);
  }
  // Where the files are: a message, so stderr (stdout is the data: JSON, Markdown, the overview).
  for (const file of [opts.out, opts.md, opts.docx]) {
    if (file)
      ctx.err.line(ctx.err.style('green', t(lang, 'cli.wrote', { file: path.resolve(file) })));
  }
  progress.done();
  if (result.digest.openErrors > 0)
    ctx.err.line(
      ctx.err.style('yellow', t(lang, 'cli.openErrors', { count: result.digest.openErrors })),
    );
  return 0;
}
