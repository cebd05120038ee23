import { TallyError } from '../../core/errors';
import { inspectWorkbook, type WorkbookInspection } from '../../core/inspect';
import type { Lang, MessageKey, Params } from '../../core/messages/index';
import { CellError } from '../../core/model/cell';
import { cellCount, isColumnar, type WorkbookData } from '../../core/model/workbook';
import { monitor, reportSheets } from '../../core/monitor';
import type { AuditDigest } from '../../core/narrative/narrative';
import type { ReportDocument } from '../../core/output/document';
import type { OutputWorkbook } from '../../core/output/spec';
import { vocabularyOf, type Profile } from '../../core/profile/profile';
import { HeaderIndex } from '../../core/read/vocabulary';
import type { TargetTable } from '../../core/targets/table';
import type { ValidationResult } from '../../core/validate/result';
import { plainFindings } from '../../core/validate/rule-finding';

/**
 * One run of the engine as plain data in and plain data out, so that it can cross to a Web
 * Worker (structured clone) and back: the audit, and for a report also the report's sheets.
 */

export interface EngineJob {
  kind: 'audit' | 'report';
  workbooks: WorkbookData[];
  prior: WorkbookData[];
  profile: Profile;
  lang: Lang;
  period?: string;
  /** By findingKey. */
  explanations: [string, string][];
  /** The report's run time, as the summary shows it. */
  time?: string;
  /** 年度 or 中期 evaluation (issue 9). */
  stage?: 'annual' | 'midterm';
  /** The office's targets table given as a file (the page's tables), as `--targets` reads it. */
  targets?: TargetTable;
}

export interface EngineOutcome {
  validation: ValidationResult;
  period: string;
  /** Forms recognised (sheets of a known form). */
  forms: number;
  digest: AuditDigest;
  report?: OutputWorkbook;
  /** The report as a document, for 下载报告 (Word). */
  document?: ReportDocument;
}

export type Stage = 'read' | 'audit' | 'assess' | 'report';

const compiled = new WeakMap<Profile, HeaderIndex>();

function indexOf(profile: Profile): HeaderIndex {
  let index = compiled.get(profile);
  if (!index) {
    index = new HeaderIndex(vocabularyOf(profile));
    compiled.set(profile, index);
  }
  return index;
}

export function runJob(
  job: EngineJob,
  onProgress?: (stage: Stage, fraction: number) => void,
): EngineOutcome {
  const result = monitor({
    workbooks: job.workbooks,
    prior: job.prior,
    profile: job.profile,
    index: indexOf(job.profile),
    lang: job.lang,
    ...(job.period ? { period: job.period } : {}),
    ...(job.stage ? { stage: job.stage } : {}),
    ...(job.targets ? { targets: job.targets } : {}),
    explanations: new Map(job.explanations),
    ...(onProgress ? { onProgress } : {}),
  });
  const outcome: EngineOutcome = {
    // Plain data: a rule's finding makes its message and cells when read (rule-finding.ts),
    // and a structured clone keeps only own fields.
    validation: { ...result.validation, findings: plainFindings(result.validation.findings) },
    period: result.period,
    forms: result.dataset.forms.length,
    digest: result.digest,
  };
  if (job.kind === 'report' && outcome.forms > 0) {
    const sheets = reportSheets(result, job.profile, job.lang, job.time ?? '');
    outcome.report = sheets.workbook;
    outcome.document = sheets.document;
  }
  return outcome;
}

/** Recognising the sheets of one workbook (the pane's list of sheets). */
export interface InspectJob {
  workbook: WorkbookData;
  profile: Profile;
  lang: Lang;
}

export function runInspect(job: InspectJob): WorkbookInspection {
  return inspectWorkbook(job.workbook, indexOf(job.profile), job.profile, {}, job.lang);
}

/** Cells of the workbooks a job carries: what decides where it runs. */
export function jobCells(job: Pick<EngineJob, 'workbooks' | 'prior'>): number {
  let n = 0;
  for (const wb of [...job.workbooks, ...job.prior]) {
    for (const s of wb.sheets) n += cellCount(s);
  }
  return n;
}

/**
 * After a structured clone a CellError is a plain `{ code }`: make it a CellError again, in
 * place (the engine tells errors from text by class).
 */
export function reviveCells(workbooks: readonly WorkbookData[]): void {
  for (const wb of workbooks) {
    for (const s of wb.sheets) {
      const lists = isColumnar(s) ? s.columns.flatMap((c) => (c.other ? [c.other] : [])) : s.rows;
      for (const row of lists) {
        for (let j = 0; j < row.length; j++) {
          const c = row[j];
          if (typeof c === 'object' && c !== null && !(c instanceof CellError)) {
            row[j] = new CellError(String((c as { code?: unknown }).code));
          }
        }
      }
    }
  }
}

/** An error as it crosses from the worker: a TallyError keeps its catalogue key. */
export interface WireError {
  name: string;
  message: string;
  key?: MessageKey;
  params?: Params;
  nested?: TallyError['nested'];
}

export function toWireError(e: unknown): WireError {
  if (e instanceof TallyError)
    return { name: e.name, message: e.message, key: e.key, params: e.params, nested: e.nested };
  if (e instanceof Error) return { name: e.name, message: e.message };
  return { name: 'Error', message: String(e) };
}

export function fromWireError(w: WireError): Error {
  if (w.key) return new TallyError(w.key, w.params ?? {}, w.nested ?? {});
  const e = new Error(w.message);
  e.name = w.name;
  return e;
}

/** Messages between the pane and the worker. */
export type ToWorker = { id: number; job: EngineJob } | { id: number; inspect: InspectJob };
export type FromWorker =
  | { id: number; type: 'progress'; stage: Stage; fraction: number }
  | { id: number; type: 'done'; outcome: EngineOutcome }
  | { id: number; type: 'inspected'; inspection: WorkbookInspection }
  | { id: number; type: 'failed'; error: WireError };

/** The worker's side: run a job and answer. Kept apart from the worker file to be testable. */
export function answer(message: ToWorker, post: (m: FromWorker) => void): void {
  const { id } = message;
  try {
    if ('inspect' in message) {
      reviveCells([message.inspect.workbook]);
      post({ id, type: 'inspected', inspection: runInspect(message.inspect) });
      return;
    }
    const { job } = message;
    reviveCells(job.workbooks);
    reviveCells(job.prior);
    const outcome = runJob(job, (stage, fraction) =>
      post({ id, type: 'progress', stage, fraction }),
    );
    post({ id, type: 'done', outcome });
  } catch (e) {
    post({ id, type: 'failed', error: toWireError(e) });
  }
}
