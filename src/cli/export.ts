import * as path from 'node:path';
import { monitor } from '../core/monitor';
import { t, type Lang } from '../core/messages/index';
import { LONG_CHUNK_ROWS, longTables } from '../core/output/long';
import type { Profile } from '../core/profile/profile';
import type { HeaderIndex } from '../core/read/vocabulary';
import { TallyError } from '../core/errors';
import { writeOutputFile } from '../xlsx/file';
import { CSV_CHUNK_ROWS, longCsvChunks, longParquetBytes } from '../xlsx/export';
import type { Out } from './output';
import { expandInputs, readFiles } from './read';

export interface ExportOptions {
  prior?: string[];
  period?: string;
  region?: string;
  parquet?: string;
  csv?: string;
  lang: Lang;
}

/**
 * `tally export`: the forms read and audited as for a report, written as one long table —
 * a row per unit and item of each period, with where it came from and whether the report set
 * it aside — for the engines that pool a province's counties (DuckDB, Spark, pandas).
 */
export async function exportCommand(
  given: string[],
  opts: ExportOptions,
  ctx: { profile: Profile; index: HeaderIndex; out: Out; err: Out },
): Promise<number> {
  const { lang } = opts;
  if (!opts.parquet && !opts.csv) throw new TallyError('error.exportWhere');
  const outputs = [opts.parquet, opts.csv];
  const files = await expandInputs(given, outputs);
  const priorFiles = opts.prior?.length ? await expandInputs(opts.prior, outputs) : [];
  const workbooks = await readFiles(files, lang, ctx.err);
  const prior = priorFiles.length > 0 ? await readFiles(priorFiles, lang, ctx.err) : undefined;
  const r = monitor({
    workbooks,
    ...(prior ? { prior } : {}),
    profile: ctx.profile,
    index: ctx.index,
    lang,
    ...(opts.period ? { period: opts.period } : {}),
    // Every row says its period: forms that name none need --period, as for a report.
    requirePeriod: true,
    ...(opts.region ? { regionName: opts.region } : {}),
  });
  // The CSV in small pieces: each dies young, where pieces of 25,000 rows (Parquet's row groups)
  // outlive the writes that await them and pile up as old garbage (2.2 GB at 100,000 villages).
  const tables = (chunk: number) =>
    longTables(
      ctx.profile,
      { dataset: r.dataset, period: r.period, findings: r.validation.findings },
      r.prior
        ? {
            dataset: r.prior,
            period: r.priorPeriod ?? '',
            findings: r.priorValidation?.findings ?? [],
          }
        : undefined,
      chunk,
    );
  // Counted as written: each file goes through the pieces once.
  let rows = 0;
  const counted = function* (chunk: number) {
    rows = 0;
    for (const t of tables(chunk)) {
      rows += t.rows;
      yield t;
    }
  };
  const inputs = [...files, ...priorFiles];
  const periods = [r.period, ...(r.prior ? [r.priorPeriod ?? ''] : [])].filter((p) => p).join('、');
  const done = (file: string) =>
    ctx.err.line(
      ctx.err.style(
        'green',
        t(lang, 'cli.exported', {
          rows: rows.toLocaleString('en-US'),
          periods,
          file: path.resolve(file),
        }),
      ),
    );
  if (opts.parquet) {
    await writeOutputFile(
      opts.parquet,
      await longParquetBytes(counted(LONG_CHUNK_ROWS)),
      inputs,
      'parquet',
    );
    done(opts.parquet);
  }
  if (opts.csv) {
    await writeOutputFile(opts.csv, longCsvChunks(counted(CSV_CHUNK_ROWS)), inputs, 'csv');
    done(opts.csv);
  }
  return 0;
}
