import { useCallback, useRef, useState } from 'react';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';
import {
  exportedFindings,
  explanationsFromExport,
  findingsWorkbook,
  matchExplanations,
} from '../core/output/findings';
import { findingKey, type Finding } from '../core/validate/result';
import { CleanupFailedError } from '../excel/owned';
import type { Engine } from './engine/engine';
import type { EngineOutcome, Stage } from './engine/job';
import { errorDetail } from './errors';
import { countFindings, hintKey, navigationTarget } from './findings';
import type { HostState, Imported, TallyHost } from './host';
import { wording } from './i18n';
import { bytesOf, bytesToBase64, readPickedFile, writeXlsx, type PickedFile } from './imports';
import type { ProfileBundle } from './profile';
import { classifyTable, targetProblems, targetsOf } from './tables';

/**
 * What the pane does, and the state it shows: the busy task and its progress, the last audit,
 * the explanations, the imported files and the messages. Every failure becomes a message with
 * what to do; none is swallowed.
 */

/** What the UI does its work through: ExcelTally, FilesTally, or a stand-in (./host.ts). */
export type PaneHost = TallyHost;
export type { Imported } from './host';

/** Where an imported file goes: this period, the previous one, or a table (规则, 目标, 说明). */
export type ImportKind = 'current' | 'prior' | 'tables';

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
  | 'importExplanations'
  | 'copy';

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
  state: HostState;
}

export interface TallyState {
  busy?: Busy;
  audit?: AuditView;
  explanations: ReadonlyMap<string, string>;
  notes: Note[];
  current: Imported[];
  prior: Imported[];
  /** Tables the files host takes besides the forms: 审核规则, 指标目标, 审核说明. */
  tables: Imported[];
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
  importFiles(kind: ImportKind, files: readonly PickedFile[]): Promise<void>;
  /** The findings workbook, of every unit or of one, opened as a new workbook. */
  exportFindings(unit?: string): Promise<void>;
  /** Explanations from a findings workbook a unit sent back, saved in 审核说明. */
  importExplanations(file: PickedFile): Promise<void>;
  removeImport(kind: ImportKind, name: string): void;
  /** A marked copy of one of this period's files, with its 审核结果 sheet (files host). */
  markedCopy(name: string): Promise<void>;
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
    tables: [],
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
      const text = t(lang, wording(host?.kind, key), params);
      const n: Note = { id: ++noteId.current, intent, text };
      patch((s) => ({ notes: [...s.notes, n] }));
    },
    [lang, patch, host?.kind],
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
      const s = latest.current;
      if (host.kind === 'files' && s.current.length === 0) {
        note('warning', 'web.noFiles');
        return undefined;
      }
      busy({ task, label: 'pane.stage.reading', fraction: 0 });
      try {
        const read = await host.read(
          (done, total) => {
            if (total > 0)
              busy({ task, label: 'pane.stage.reading', fraction: (done / total) * 0.4 });
          },
          { current: s.current, prior: s.prior, tables: s.tables },
        );
        const targets = targetsOf(s.tables, bundle.profile, lang);
        const job = {
          kind,
          workbooks: [
            ...read.workbooks,
            ...s.current.map((i) => i.data),
            ...s.tables.map((i) => i.data),
          ],
          ...(targets ? { targets } : {}),
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
      if (!view) return;
      summarise(view);
      // The files host marks nothing in place: a marked copy of each file is made on request.
      if (!host?.highlight) return;
      busy({ task: 'audit', label: 'pane.stage.highlighting', fraction: 0.95 });
      try {
        const h = await host.highlight(view.outcome.validation.findings, view.state);
        if ((h.marked ?? 0) > 0) note('info', 'pane.highlighted', { cells: h.marked ?? 0 });
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
        const placed = await host.writeReport(o.report, o.document?.title);
        const name = (role: string) => placed.find((p) => p.role === role)?.name ?? '';
        if (host.kind === 'files') {
          note('success', 'web.reportDownloaded', { file: placed[0]?.name ?? '' });
        } else {
          note('success', 'pane.reportDone', {
            summary: name('summary'),
            units: name('units'),
            narrative: name('narrative'),
            quality: name('quality'),
          });
        }
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
    if (!host?.clearHighlights) return;
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
      if (!host?.select) return;
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
        const period = latest.current.period.trim() || audit.outcome.period;
        await host.openWorkbook(
          bytesToBase64(await writeXlsx(out)),
          t(lang, 'web.findingsFile', { period: period || '' }),
        );
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

  /**
   * Read picked files: in the engine's worker when it reads files (the page), else here. A
   * table is kept under the name of what it is (审核规则, 指标目标, 审核说明); this period's files
   * keep their bytes where the host makes marked copies of them.
   */
  const importFiles = useCallback(
    async (kind: ImportKind, files: readonly PickedFile[]) => {
      const keepBytes = kind === 'current' && host?.markedCopy !== undefined;
      for (const [i, file] of files.entries()) {
        busy({
          task: 'import',
          label: 'pane.stage.importing',
          params: { file: file.name },
          ...(files.length > 1 ? { fraction: i / files.length } : {}),
          worker: engine.parse !== undefined,
        });
        try {
          let imported: Imported;
          if (engine.parse) {
            const bytes = new Uint8Array(await bytesOf(file));
            const data = await engine.parse(bytes, file.name);
            imported = { name: file.name, data, ...(keepBytes ? { bytes } : {}) };
          } else {
            imported = { name: file.name, data: await readPickedFile(file) };
          }
          if (kind === 'tables') {
            const table = classifyTable(imported.data, bundle?.profile);
            if (!table.ok) {
              note('error', 'web.notATable', {
                file: file.name,
                detail: errorDetail(table.error, lang),
              });
              continue;
            }
            imported = { ...imported, data: table.workbook };
            note('info', `web.table.${table.kind}`, { file: file.name, rows: table.rows });
            const targets =
              table.kind === 'targets' && bundle
                ? targetsOf([imported], bundle.profile, lang)
                : undefined;
            for (const problem of targets ? targetProblems(targets, lang) : [])
              note('warning', 'web.tableProblem', { file: file.name, problem });
          }
          const entry = imported;
          patch((s) => ({
            [kind]: [...s[kind].filter((x) => x.name !== file.name), entry],
          }));
        } catch (e) {
          note('error', 'pane.importFailed', { file: file.name, detail: errorDetail(e, lang) });
        }
      }
      busy(undefined);
    },
    [busy, patch, note, lang, engine, host, bundle],
  );

  const markedCopy = useCallback(
    async (name: string) => {
      const s = latest.current;
      const audit = s.audit;
      const input = s.current.find((i) => i.name === name);
      if (!host?.markedCopy || !audit || !input) return;
      patch({ notes: [] });
      busy({ task: 'copy', label: 'web.stage.copy', params: { file: name } });
      try {
        const period = s.period.trim() || audit.outcome.period;
        const c = await host.markedCopy(input, audit.outcome.validation.findings, {
          lang,
          ...(period ? { period } : {}),
        });
        note('success', 'web.copied', { file: c.file, cells: c.marked, findings: c.listed });
      } catch (e) {
        failure('web.copyFailed', e, { file: name });
      } finally {
        busy(undefined);
      }
    },
    [host, patch, busy, lang, note, failure],
  );

  const removeImport = useCallback(
    (kind: ImportKind, name: string) =>
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
      markedCopy,
      setPeriod,
      dismiss,
    },
  };
}
