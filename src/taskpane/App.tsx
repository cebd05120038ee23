import {
  Button,
  FluentProvider,
  Spinner,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { t, type Lang } from '../core/messages/index';
import type { WorkbookSource } from '../core/ports';
import { paneActions } from './actions';
import { Actions } from './components/Actions';
import { DownloadReport } from './components/DownloadReport';
import { ErrorBar } from './components/ErrorBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Notes } from './components/Notes';
import { PaneHeader } from './components/PaneHeader';
import { Progress } from './components/Progress';
import { Results } from './components/Results';
import { Settings } from './components/Settings';
import { TargetsPanel } from './components/TargetsPanel';
import { SheetList } from './components/SheetList';
import { usePaneStyles } from './components/styles';
import { createEngine, type Engine } from './engine/engine';
import { errorDetail } from './errors';
import { hintKey } from './findings';
import { LangContext } from './i18n';
import { formName, loadDefaultProfile, type ProfileBundle } from './profile';
import { useInspection, type PaneState } from './useInspection';
import { useTally, type PaneHost } from './useTally';

export interface AppProps {
  /** The open workbook (ExcelWorkbookSource), or any other source in tests. */
  source: WorkbookSource;
  /** What the pane does to the workbook (ExcelTally); without it only the sheets are shown. */
  host?: PaneHost;
  /** From Office's display language; the user may switch. */
  initialLang: Lang;
  /** The profile to recognise forms with; the bundled default unless given. */
  loadProfile?: () => ProfileBundle;
  /** Where the engine runs; on the pane's thread unless given (index.tsx adds the worker). */
  engine?: Engine;
  /** The clock for the report's run time. */
  now?: () => Date;
  /** Office.context.platform, which decides how the Word report is offered. */
  platform?: string;
}

type Loaded = { ok: true; bundle: ProfileBundle } | { ok: false; error: unknown };

/** The performance mark of the pane's first render. */
export const RENDERED_MARK = 'tally-pane-rendered';

const useStyles = makeStyles({
  sheetsHead: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'flex-end',
    gap: tokens.spacingHorizontalS,
  },
});

export function App({
  source,
  host,
  initialLang,
  loadProfile = loadDefaultProfile,
  engine,
  now,
  platform,
}: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [profile] = useState<Loaded>(() => {
    try {
      return { ok: true, bundle: loadProfile() };
    } catch (error) {
      return { ok: false, error };
    }
  });
  const bundle = profile.ok ? profile.bundle : undefined;
  const runner = useMemo(() => engine ?? createEngine(), [engine]);
  const { state, reload } = useInspection(source, bundle, runner, lang);
  const tally = useTally({ host, bundle, engine: runner, lang, ...(now ? { now } : {}) });
  const styles = usePaneStyles();
  const own = useStyles();

  useEffect(() => {
    // The pane's first render, from navigation (the browser test reports it).
    const perf = typeof performance === 'undefined' ? undefined : performance;
    if (perf?.mark && perf.getEntriesByName(RENDERED_MARK).length === 0) perf.mark(RENDERED_MARK);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.name');
  }, [lang]);

  const nameOf = useCallback(
    (id: string) => (profile.ok ? formName(profile.bundle.profile, id, lang) : undefined),
    [profile, lang],
  );

  const loading = state.status === 'loading';
  const busy = tally.state.busy !== undefined;
  const { actions } = tally;
  const toolbar = useMemo(() => paneActions(actions), [actions]);

  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <main className={styles.root} aria-busy={busy}>
          <PaneHeader>
            <LanguageSwitch lang={lang} onChange={setLang} />
          </PaneHeader>
          {!profile.ok ? (
            <ErrorBar
              text={t(lang, 'pane.profileFailed', { detail: errorDetail(profile.error, lang) })}
            />
          ) : (
            <>
              {host ? (
                <>
                  <Actions disabled={busy} actions={toolbar} />
                  {tally.state.busy ? <Progress busy={tally.state.busy} /> : null}
                  <Notes notes={tally.state.notes} onDismiss={actions.dismiss} />
                  <DownloadReport
                    document={tally.state.audit?.outcome.document}
                    platform={platform}
                  />
                  {tally.state.audit ? (
                    <Results
                      audit={tally.state.audit}
                      busy={busy}
                      rules={profile.bundle.profile.rules}
                      onSelect={(f) => void actions.select(f)}
                      onSave={actions.saveExplanation}
                      onExport={(unit) => void actions.exportFindings(unit)}
                      onImportExplanations={(file) => void actions.importExplanations(file)}
                    />
                  ) : null}
                  <Settings
                    period={tally.state.period}
                    {...(tally.state.audit?.outcome.period
                      ? { found: tally.state.audit.outcome.period }
                      : {})}
                    current={tally.state.current}
                    prior={tally.state.prior}
                    disabled={busy}
                    onPeriod={actions.setPeriod}
                    onImport={(kind, files) => void actions.importFiles(kind, files)}
                    onRemove={actions.removeImport}
                  />
                  <TargetsPanel
                    stage={tally.state.stage}
                    disabled={busy}
                    onStage={actions.setStage}
                    onInsertTargets={() => void actions.insertTargets()}
                  />
                </>
              ) : null}
              <div className={own.sheetsHead}>
                <Button
                  size="small"
                  appearance={host ? 'secondary' : 'primary'}
                  data-testid="refresh"
                  disabled={loading || busy}
                  onClick={reload}
                >
                  {t(lang, 'pane.refresh')}
                </Button>
              </div>
              <Body state={state} lang={lang} formName={nameOf} retry={reload} />
            </>
          )}
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}

function Body({
  state,
  lang,
  formName,
  retry,
}: {
  state: PaneState;
  lang: Lang;
  formName: (id: string) => string | undefined;
  retry: () => void;
}) {
  switch (state.status) {
    case 'loading':
      return (
        <Spinner
          size="small"
          labelPosition="after"
          data-testid="loading"
          label={
            state.progress === undefined
              ? t(lang, 'pane.loading')
              : t(lang, 'pane.progress', { percent: Math.floor(state.progress * 100) })
          }
        />
      );
    case 'failed': {
      const detail = errorDetail(state.error, lang);
      // An error whose own message says what to do (a row too large to read) is not told to
      // leave cell edit mode.
      const said = hintKey(state.error) === 'pane.hint.none';
      const key =
        state.phase !== 'read'
          ? 'pane.inspectFailed'
          : said
            ? 'pane.readFailedSaid'
            : 'pane.readFailed';
      return (
        <ErrorBar
          text={t(lang, key, { detail })}
          action={
            <Button size="small" data-testid="error-retry" onClick={retry}>
              {t(lang, 'pane.refresh')}
            </Button>
          }
        />
      );
    }
    case 'ready':
      return <SheetList inspection={state.inspection} formName={formName} />;
  }
}
