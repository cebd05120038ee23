import { useCallback, useRef, useState } from 'react';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';
import type { WorkbookData } from '../core/model/workbook';
import {
  exportedFindings,
  explanationsFromExport,
  findingsWorkbook,
  matchExplanations,
} from '../core/output/findings';
import { findingKey, type Finding } from '../core/validate/result';
import type { ExcelTally } from '../excel/tally';
import { CleanupFailedError } from '../excel/owned';
import type { WorkbookState } from '../excel/state';
import type { Engine } from './engine/engine';
import type { EngineOutcome, Stage } from './engine/job';
import { errorDetail } from './errors';
import { countFindings, hintKey, navigationTarget } from './findings';
import { bytesToBase64, readPickedFile, writeXlsx, type PickedFile } from './imports';
import type { ProfileBundle } from './profile';

/**
 * What the pane does, and the state it shows: the busy task and its progress, the last audit,
 * the explanations, the imported files and the messages. Every failure becomes a message with
 * what to do; none is swallowed.
 */

/** The workbook operations of the pane (ExcelTally, or a stand-in). */
export type PaneHost = Pick<
  ExcelTally,
  | 'name'
  | 'read'
  | 'highlight'
  | 'clearHighlights'
  | 'select'
  | 'saveExplanation'
  | 'saveExplanations'
  | 'insertRules'
  | 'insertTargets'
  | 'writeReport'
  | 'openWorkbook'
>;

export type Task =
  | 'audit'
  | 'report'
  | 'clear'
  | 'rules'
  | 'targets'
  | 'import'
  | 'explain'
  | 'select'
  | 'export'
  | 'importExplanations';

export interface Busy {
  task: Task;
  label: MessageKey;
  params?: Params;
  /** 0–1; absent while not measurable. */
  fraction?: number;
  worker?: boolean;
}

export interface Note {
  id: number;
  intent: 'error' | 'warning' | 'success' | 'info';
  text: string;
}

export interface AuditView {
  outcome: EngineOutcome;
  where: 'pane' | 'worker';
  live: string;
  state: WorkbookState;
}

export interface Imported {
  name: string;
  data: WorkbookData;
}

export interface TallyState {
  busy?: Busy;
  audit?: AuditView;
  explanations: ReadonlyMap<string, string>;
  notes: Note[];
  current: Imported[];
  prior: Imported[];
  period: string;
  /** 年度 or 中期 evaluation: a mid-term report also judges progress on the line to the target. */
  stage: 'annual' | 'midterm';
}

export interface TallyActions {
  audit(): Promise<void>;
  report(): Promise<void>;
  clear(): Promise<void>;
  insertRules(): Promise<void>;
  insertTargets(): Promise<void>;
  setStage(stage: 'annual' | 'midterm'): void;
  select(f: Finding): Promise<void>;
  saveExplanation(f: Finding, text: string): Promise<boolean>;
  importFiles(kind: 'current' | 'prior', files: readonly PickedFile[]): Promise<void>;
  /** The findings workbook, of every unit or of one, opened as a new workbook. */
  exportFindings(unit?: string): Promise<void>;
  /** Explanations from a findings workbook a unit sent back, saved in 审核说明. */
  importExplanations(file: PickedFile): Promise<void>;
  removeImport(kind: 'current' | 'prior', name: string): void;
  setPeriod(period: string): void;
  dismiss(id: number): void;
}

const STAGE_LABEL: Record<Stage, MessageKey> = {
  read: 'pane.stage.audit',
  audit: 'pane.stage.audit',
  assess: 'pane.stage.assess',
  report: 'pane.stage.report',
};

/** Sheet names for a sentence: “妇幼卫生”、“民政” or "Births", "Civil". */
export function sheetList(names: readonly string[], lang: Lang): string {
  return lang === 'zh'
    ? names.map((n) => `“${n}”`).join('、')
    : names.map((n) => `“${n}”`).join(', ');
}

/** The report's run time as the summary sheet shows it: `2026-03-01 10:00`. */
export function timeText(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

export function useTally(opts: {
  host: PaneHost | undefined;
  bundle: ProfileBundle | undefined;
  engine: Engine;
  lang: Lang;
  now?: () => Date;
}): { state: TallyState; actions: TallyActions } {
  const { host, bundle, engine, lang } = opts;
  const [state, setState] = useState<TallyState>({
    explanations: new Map(),
    notes: [],
    current: [],
    prior: [],
    period: '',
    stage: 'annual',
  });
  // Actions read the latest state without re-creating themselves.
  const latest = useRef(state);
  latest.current = state;
  const noteId = useRef(0);
  const now = opts.now ?? (() => new Date());

  const patch = useCallback((p: Partial<TallyState> | ((s: TallyState) => Partial<TallyState>)) => {
    setState((s) => {
      const next = { ...s, ...(typeof p === 'function' ? p(s) : p) };
      latest.current = next;
      return next;
    });
  }, []);

  const note = useCallback(
    (intent: Note['intent'], key: MessageKey, params: Params = {}) => {
      const n: Note = { id: ++noteId.current, intent, text: t(lang, key, params) };
      patch((s) => ({ notes: [...s.notes, n] }));
    },
    [lang, patch],
  );

  const failure = useCallback(
    (key: MessageKey, e: unknown, extra: Params = {}) => {
      note('error', key, { detail: errorDetail(e, lang), hint: t(lang, hintKey(e)), ...extra });
    },
    [lang, note],
  );

  const busy = useCallback((b: Busy | undefined) => patch({ busy: b }), [patch]);

  /** Read the workbook and run the engine; the view of the audit, or undefined on failure. */
  const run = useCallback(
    async (kind: 'audit' | 'report'): Promise<AuditView | undefined> => {
      if (!host || !bundle) return undefined;
      const task: Task = kind;
      busy({ task, label: 'pane.stage.reading', fraction: 0 });
      const s = latest.current;
      try {
        const read = await host.read((done, total) => {
          if (total > 0)
            busy({ task, label: 'pane.stage.reading', fraction: (done / total) * 0.4 });
        });
        const job = {
          kind,
          workbooks: [read.workbook, ...s.current.map((i) => i.data)],
          prior: s.prior.map((i) => i.data),
          profile: bundle.profile,
          lang,
          ...(s.period.trim() ? { period: s.period.trim() } : {}),
          stage: s.stage,
          explanations: [...read.explanations],
          time: timeText(now()),
        };
        const result = await engine.run(job, (stage, fraction, where) => {
          busy({
            task,
            label: STAGE_LABEL[stage],
            fraction: 0.4 + 0.5 * fraction,
            worker: where === 'worker',
          });
        });
        if (result.workerProblem)
          note('warning', 'pane.workerFallback', { detail: result.workerProblem });
        const view: AuditView = {
          outcome: result.outcome,
          where: result.where,
          live: host.name,
          state: read.state,
        };
        patch({ audit: view, explanations: read.explanations });
        return view;
      } catch (e) {
        failure('pane.auditFailed', e);
        return undefined;
      }
    },
    [host, bundle, lang, engine, busy, note, failure, patch, now],
  );

  const summarise = useCallback(
    (view: AuditView) => {
      const o = view.outcome;
      if (o.forms === 0) {
        note('warning', 'pane.noForms');
        return false;
      }
      const c = countFindings(o.validation.findings);
      note('info', 'pane.auditSummary', { forms: o.forms, ...c });
      if (c.errors === 0 && c.explained === c.warnings) note('success', 'pane.auditClean');
      return true;
    },
    [note],
  );

  const audit = useCallback(async () => {
    patch({ notes: [] });
    try {
      const view = await run('audit');
      if (!view || !host) return;
      summarise(view);
      busy({ task: 'audit', label: 'pane.stage.highlighting', fraction: 0.95 });
      try {
        const h = await host.highlight(view.outcome.validation.findings, view.state);
        if (h.marked > 0) note('info', 'pane.highlighted', { cells: h.marked });
        if (h.restored > 0) note('info', 'pane.unmarked', { cells: h.restored });
        if (h.protectedSheets.length > 0)
          note('warning', 'pane.marksProtected', { sheets: sheetList(h.protectedSheets, lang) });
        if (h.unreadableSheets.length > 0)
          note('warning', 'pane.marksUnreadable', { sheets: sheetList(h.unreadableSheets, lang) });
      } catch (e) {
        failure('pane.highlightFailed', e);
      }
    } finally {
      busy(undefined);
    }
  }, [patch, run, host, summarise, busy, note, failure, lang]);

  const report = useCallback(async () => {
    patch({ notes: [] });
    try {
      const view = await run('report');
      if (!view || !host) return;
      const o = view.outcome;
      if (o.forms === 0 || !o.report) {
        note('warning', 'pane.noForms');
        return;
      }
      busy({ task: 'report', label: 'pane.stage.writing', fraction: 0.95 });
      try {
        const placed = await host.writeReport(o.report);
        const name = (role: string) => placed.find((p) => p.role === role)?.name ?? '';
        note('success', 'pane.reportDone', {
          summary: name('summary'),
          units: name('units'),
          narrative: name('narrative'),
        });
        for (const p of placed) {
          if (p.name !== p.wanted)
            note('warning', 'pane.reportRenamed', { wanted: p.wanted, sheet: p.name });
          if (p.viewError !== undefined)
            note('warning', 'pane.reportView', {
              sheet: p.name,
              detail: errorDetail(p.viewError, lang),
            });
        }
        if (o.digest.openErrors > 0)
          note('warning', 'pane.reportOpenErrors', { count: o.digest.openErrors });
      } catch (e) {
        if (e instanceof CleanupFailedError) {
          note('error', 'pane.cleanupFailed', {
            detail: errorDetail(e.cause, lang),
            sheets: e.sheets.join('、'),
            cleanup: errorDetail(e.cleanup, lang),
          });
        } else {
          failure('pane.reportFailed', e);
        }
      }
    } finally {
      busy(undefined);
    }
  }, [patch, run, host, note, busy, failure, lang]);

  const clear = useCallback(async () => {
    if (!host) return;
    patch({ notes: [] });
    busy({ task: 'clear', label: 'pane.stage.clearing' });
    try {
      const c = await host.clearHighlights();
      const leftAlone = c.protectedSheets.length + c.unreadableSheets.length;
      if (c.restored === 0 && leftAlone === 0) note('info', 'pane.nothingToClear');
      else if (c.restored > 0) note('success', 'pane.cleared', { cells: c.restored });
      if (c.protectedSheets.length > 0)
        note('warning', 'pane.clearProtected', { sheets: sheetList(c.protectedSheets, lang) });
      if (c.unreadableSheets.length > 0)
        note('warning', 'pane.clearUnreadable', { sheets: sheetList(c.unreadableSheets, lang) });
    } catch (e) {
      failure('pane.clearFailed', e);
    } finally {
      busy(undefined);
    }
  }, [host, patch, busy, note, failure, lang]);

  const insertRules = useCallback(async () => {
    if (!host || !bundle) return;
    patch({ notes: [] });
    busy({ task: 'rules', label: 'pane.stage.rules' });
    try {
      const r = await host.insertRules(bundle.profile.rules);
      if (r.existed) note('info', 'pane.rulesExists', { sheet: r.sheet });
      else
        note('success', 'pane.rulesInserted', {
          sheet: r.sheet,
          count: bundle.profile.rules.length,
        });
    } catch (e) {
      failure('pane.rulesFailed', e);
    } finally {
      busy(undefined);
    }
  }, [host, bundle, patch, busy, note, failure]);

  const insertTargets = useCallback(async () => {
    if (!host || !bundle) return;
    patch({ notes: [] });
    busy({ task: 'targets', label: 'pane.stage.targets' });
    try {
      const r = await host.insertTargets(bundle.profile);
      if (r.existed) note('info', 'pane.targetsExists', { sheet: r.sheet });
      else
        note('success', 'pane.targetsInserted', {
          sheet: r.sheet,
          count: bundle.profile.indicators.length,
        });
    } catch (e) {
      failure('pane.targetsFailed', e);
    } finally {
      busy(undefined);
    }
  }, [host, bundle, patch, busy, note, failure]);

  const select = useCallback(
    async (f: Finding) => {
      if (!host) return;
      const target = navigationTarget(f, host.name);
      if (!target) return;
      try {
        await host.select(target.sheet, target.cells);
      } catch (e) {
        failure('pane.selectFailed', e);
      }
    },
    [host, failure],
  );

  /** Put the explanations the workbook now holds on the audit's warnings. */
  const applySaved = useCallback(
    (saved: { explanations: Map<string, string> }, keys: ReadonlySet<string>) => {
      patch((s) => {
        if (!s.audit) return { explanations: saved.explanations };
        const findings = s.audit.outcome.validation.findings.map((g) => {
          const key = findingKey(g);
          if (g.severity !== 'warning' || !keys.has(key)) return g;
          const { explanation: _old, ...rest } = g;
          const now = saved.explanations.get(key);
          return now ? { ...rest, explanation: now } : rest;
        });
        const outcome = {
          ...s.audit.outcome,
          validation: { ...s.audit.outcome.validation, findings },
        };
        return { explanations: saved.explanations, audit: { ...s.audit, outcome } };
      });
    },
    [patch],
  );

  const saveExplanation = useCallback(
    async (f: Finding, text: string): Promise<boolean> => {
      if (!host) return false;
      busy({ task: 'explain', label: 'pane.stage.saving' });
      try {
        const saved = await host.saveExplanation(f, text);
        applySaved(saved, new Set([findingKey(f)]));
        if (saved.sheet.name !== saved.sheet.wanted) {
          note('warning', 'pane.explanationRenamed', {
            wanted: saved.sheet.wanted,
            sheet: saved.sheet.name,
          });
        }
        return true;
      } catch (e) {
        failure('pane.explanationFailed', e);
        return false;
      } finally {
        busy(undefined);
      }
    },
    [host, busy, applySaved, note, failure],
  );

  const exportFindings = useCallback(
    async (unit?: string) => {
      const audit = latest.current.audit;
      if (!host || !audit) return;
      patch({ notes: [] });
      const findings = audit.outcome.validation.findings;
      const units = unit === undefined ? undefined : [unit];
      const count = exportedFindings(findings, units).length;
      if (count === 0) {
        note('info', 'pane.exportNothing');
        return;
      }
      busy({ task: 'export', label: 'pane.stage.exporting' });
      try {
        const out = findingsWorkbook(findings, {
          lang,
          period: latest.current.period.trim() || audit.outcome.period,
          ...(units ? { units } : {}),
        });
        await host.openWorkbook(bytesToBase64(await writeXlsx(out)));
        note('success', 'pane.exported', { rows: count, sheets: out.sheets.length });
      } catch (e) {
        failure('pane.exportFailed', e);
      } finally {
        busy(undefined);
      }
    },
    [host, patch, note, busy, lang, failure],
  );

  const importExplanations = useCallback(
    async (file: PickedFile) => {
      const audit = latest.current.audit;
      if (!host || !audit) return;
      patch({ notes: [] });
      busy({
        task: 'importExplanations',
        label: 'pane.stage.importingExplanations',
        params: { file: file.name },
      });
      try {
        const imported = explanationsFromExport(await readPickedFile(file));
        const { matched, unmatched } = matchExplanations(
          imported,
          audit.outcome.validation.findings,
        );
        if (matched.size === 0 && unmatched === 0) {
          note('warning', 'pane.importNoExplanations', { file: file.name });
          return;
        }
        if (matched.size > 0) {
          const saved = await host.saveExplanations(matched);
          applySaved(saved, new Set(matched.keys()));
          note('success', 'pane.importedExplanations', {
            file: file.name,
            count: matched.size,
            sheet: saved.sheet.name,
          });
        }
        if (unmatched > 0) note('info', 'pane.importUnmatched', { count: unmatched });
      } catch (e) {
        failure('pane.importExplanationsFailed', e, { file: file.name });
      } finally {
        busy(undefined);
      }
    },
    [host, patch, busy, applySaved, note, failure],
  );

  const importFiles = useCallback(
    async (kind: 'current' | 'prior', files: readonly PickedFile[]) => {
      for (const file of files) {
        busy({ task: 'import', label: 'pane.stage.importing', params: { file: file.name } });
        try {
          const data = await readPickedFile(file);
          patch((s) => ({
            [kind]: [...s[kind].filter((i) => i.name !== file.name), { name: file.name, data }],
          }));
        } catch (e) {
          note('error', 'pane.importFailed', { file: file.name, detail: errorDetail(e, lang) });
        }
      }
      busy(undefined);
    },
    [busy, patch, note, lang],
  );

  const removeImport = useCallback(
    (kind: 'current' | 'prior', name: string) =>
      patch((s) => ({ [kind]: s[kind].filter((i) => i.name !== name) })),
    [patch],
  );

  const setPeriod = useCallback((period: string) => patch({ period }), [patch]);
  const setStage = useCallback((stage: 'annual' | 'midterm') => patch({ stage }), [patch]);
  const dismiss = useCallback(
    (id: number) => patch((s) => ({ notes: s.notes.filter((n) => n.id !== id) })),
    [patch],
  );

  return {
    state,
    actions: {
      audit,
      report,
      clear,
      insertRules,
      insertTargets,
      setStage,
      select,
      saveExplanation,
      importFiles,
      exportFindings,
      importExplanations,
      removeImport,
      setPeriod,
      dismiss,
    },
  };
}
