import { asRows, type RowSheet } from '../../src/core/model/workbook';
import { deserialize, serialize } from 'node:v8';
import { TallyError } from '../../src/core/errors';
import { CellError } from '../../src/core/model/cell';
import type { WorkbookData } from '../../src/core/model/workbook';
import { monitor, reportSheets } from '../../src/core/monitor';
import { createEngine, type WorkerLike } from '../../src/taskpane/engine/engine';
import {
  answer,
  fromWireError,
  jobCells,
  reviveCells,
  runJob,
  toWireError,
  type EngineJob,
  type FromWorker,
} from '../../src/taskpane/engine/job';
import { defaultIndex, defaultProfile } from '../support/fixtures';
import { validationFields } from '../support/findings';
import { readSample } from '../support/sample';

/** What postMessage does to a value. */
const clone = <T>(v: T): T => deserialize(serialize(v)) as T;

let sample: WorkbookData;
beforeAll(async () => {
  sample = await readSample();
});

function job(kind: EngineJob['kind'] = 'audit', over: Partial<EngineJob> = {}): EngineJob {
  return {
    kind,
    workbooks: [sample],
    prior: [],
    profile: defaultProfile(),
    lang: 'zh',
    explanations: [],
    time: '2026-03-01 10:00',
    ...over,
  };
}

describe('runJob', () => {
  it('audits as monitor does, and describes the report as reportSheets does', () => {
    const direct = monitor({
      workbooks: [sample],
      profile: defaultProfile(),
      index: defaultIndex(),
      lang: 'zh',
    });
    const audit = runJob(job());
    expect(validationFields(audit.validation)).toEqual(validationFields(direct.validation));
    // What the worker answers is plain data: it crosses a structured clone whole.
    expect(structuredClone(audit.validation)).toEqual(audit.validation);
    expect(audit.forms).toBe(5);
    expect(audit.period).toBe('2025');
    expect(audit.report).toBeUndefined();
    const report = runJob(job('report'));
    expect(report.report).toEqual(
      reportSheets(direct, defaultProfile(), 'zh', '2026-03-01 10:00').workbook,
    );
  });

  it('passes explanations and the period on', () => {
    const x01 = runJob(job()).validation.findings.find((f) => f.ruleId === 'X-01');
    if (!x01) throw new Error('no X-01');
    const key = `X-01\u0000${x01.sheet}\u0000${x01.unit}`;
    const out = runJob(job('audit', { explanations: [[key, '已核实']], period: '2025' }));
    expect(out.validation.findings.find((f) => f.ruleId === 'X-01')?.explanation).toBe('已核实');
    expect(out.digest.explained).toBe(1);
    expect(out.period).toBe('2025');
  });

  it('refuses a period the forms contradict (the sample is titled 2025)', () => {
    expect(() => runJob(job('audit', { period: '2024' }))).toThrow(/2024.*--period/);
  });

  it('describes no report when no form was recognised', () => {
    const none = runJob(
      job('report', {
        workbooks: [
          { source: 'x', sheets: [{ name: 'S', origin: { row: 0, col: 0 }, rows: [['hello']] }] },
        ],
      }),
    );
    expect(none.forms).toBe(0);
    expect(none.report).toBeUndefined();
  });
});

describe('crossing to the worker', () => {
  it('revives Excel errors after a structured clone', () => {
    const wb: WorkbookData = {
      source: 'x',
      sheets: [
        { name: 'S', origin: { row: 0, col: 0 }, rows: [[new CellError('#DIV/0!'), 'a', 1, null]] },
      ],
    };
    const copy = clone(wb);
    expect((copy.sheets[0] as RowSheet | undefined)?.rows[0]?.[0]).not.toBeInstanceOf(CellError);
    reviveCells([copy]);
    expect((copy.sheets[0] as RowSheet | undefined)?.rows[0]).toEqual([
      new CellError('#DIV/0!'),
      'a',
      1,
      null,
    ]);
    expect((copy.sheets[0] as RowSheet | undefined)?.rows[0]?.[0]).toBeInstanceOf(CellError);
  });

  it('answers with progress, then the outcome, through clones', () => {
    const posted: FromWorker[] = [];
    answer(clone({ id: 7, job: job() }), (m) => posted.push(clone(m)));
    const last = posted.at(-1);
    expect(posted.slice(0, -1).every((m) => m.type === 'progress' && m.id === 7)).toBe(true);
    expect(posted.length).toBeGreaterThan(2);
    expect(last?.type).toBe('done');
    if (last?.type === 'done') expect(last.outcome.validation).toEqual(runJob(job()).validation);
  });

  it('sends a failure back, a TallyError with its catalogue key', () => {
    const posted: FromWorker[] = [];
    answer({ id: 1, job: { ...job(), workbooks: null as unknown as WorkbookData[] } }, (m) =>
      posted.push(m),
    );
    expect(posted.at(-1)).toMatchObject({ type: 'failed', error: { name: 'TypeError' } });
    const e = fromWireError(clone(toWireError(new TallyError('error.noForms'))));
    expect(e).toBeInstanceOf(TallyError);
    expect((e as TallyError).text('zh')).toBe(new TallyError('error.noForms').text('zh'));
    expect(fromWireError(toWireError('odd')).message).toBe('odd');
  });

  it('counts the cells a job carries', () => {
    expect(jobCells({ workbooks: [sample], prior: [sample] })).toBe(
      2 * sample.sheets.reduce((n, s) => n + asRows(s).rows.reduce((m, r) => m + r.length, 0), 0),
    );
  });
});

describe('createEngine', () => {
  /** A worker answering in this thread, through clones, as a real one would. */
  function fakeWorker(spawned: string[]): () => WorkerLike {
    return () => {
      spawned.push('worker');
      const w: WorkerLike = {
        onmessage: null,
        onerror: null,
        terminate: () => spawned.push('terminated'),
        postMessage(m) {
          const copy = clone(m);
          setTimeout(() => answer(copy, (a) => w.onmessage?.({ data: clone(a) })));
        },
      };
      return w;
    };
  }

  it('runs small jobs on the pane’s thread and large ones in the worker', async () => {
    const spawned: string[] = [];
    const cells = jobCells(job());
    const small = createEngine({ spawn: fakeWorker(spawned), workerCells: cells });
    const here: string[] = [];
    expect((await small.run(job(), (_s, _f, where) => here.push(where))).where).toBe('pane');
    expect(new Set(here)).toEqual(new Set(['pane']));
    expect(spawned).toEqual([]);
    const large = createEngine({ spawn: fakeWorker(spawned), workerCells: cells - 1 });
    const stages: string[] = [];
    const run = await large.run(job(), (stage, _f, where) => stages.push(`${stage} ${where}`));
    expect(run.where).toBe('worker');
    expect(stages[0]).toBe('read worker');
    expect(stages).toContain('audit worker');
    expect(run.outcome.validation).toEqual(runJob(job()).validation);
    expect(spawned).toEqual(['worker', 'terminated']);
  });

  it('passes on the job’s own failure, and falls back when the worker breaks', async () => {
    const failing = createEngine({ spawn: fakeWorker([]), workerCells: 0 });
    await expect(
      failing.run({ ...job(), workbooks: null as unknown as WorkbookData[] }),
    ).rejects.toMatchObject({ name: 'TypeError' });
    const unstartable = createEngine({
      spawn: () => {
        throw new Error('blocked by policy');
      },
      workerCells: 0,
    });
    const run = await unstartable.run(job());
    expect(run).toMatchObject({ where: 'pane', workerProblem: 'blocked by policy' });
    expect(run.outcome.forms).toBe(5);
  });
});
