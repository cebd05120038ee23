import {
  Button,
  Caption1,
  FluentProvider,
  Spinner,
  makeStyles,
  mergeClasses,
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
import { FileInputs } from './components/FileInputs';
import { MarkedCopies } from './components/MarkedCopies';
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
import type { TallyHost } from './host';
import { HostKindContext, LangContext, wording } from './i18n';
import { formName, loadDefaultProfile, type ProfileBundle } from './profile';
import { useInspection, type PaneState } from './useInspection';
import { useTally } from './useTally';

export interface AppProps {
  /**
   * The open workbook (ExcelWorkbookSource), or any other source in tests; the files host
   * has none (its workbooks are the files the user adds).
   */
  source?: WorkbookSource;
  /**
   * Where the UI does its work (./host.ts): ExcelTally in the pane, FilesTally on the web
   * page; without one only the sheets are shown.
   */
  host?: TallyHost;
  /** From Office's display language; the user may switch. */
  initialLang: Lang;
  /** The profile to recognise forms with; the bundled default unless given. */
  loadProfile?: () => ProfileBundle;
  /** Where the engine runs; on the pane's thread unless given (index.tsx adds the worker). */
  engine?: Engine;
  /** The clock for the report's run time. */
  now?: () => Date;
  /** Office.context.platform (or the page's `Browser`): how the Word report is offered. */
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
  // The page is a page, not a pane: a readable width, centred.
  page: { maxWidth: '1040px', marginLeft: 'auto', marginRight: 'auto', width: '100%' },
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
    document.title = t(lang, wording(host?.kind, 'app.name'));
  }, [lang, host?.kind]);

  const nameOf = useCallback(
    (id: string) => (profile.ok ? formName(profile.bundle.profile, id, lang) : undefined),
    [profile, lang],
  );

  const loading = state.status === 'loading';
  const busy = tally.state.busy !== undefined;
  const { actions } = tally;
  const toolbar = useMemo(() => paneActions(actions, host), [actions, host]);
  const files = host?.kind === 'files';

  return (
    <FluentProvider theme={webLightTheme}>
      <HostKindContext.Provider value={host?.kind ?? 'office'}>
        <LangContext.Provider value={lang}>
          <main
            className={files ? mergeClasses(styles.root, own.page) : styles.root}
            aria-busy={busy}
          >
            <PaneHeader>
              <LanguageSwitch lang={lang} onChange={setLang} />
            </PaneHeader>
            {files ? <Caption1 data-testid="privacy">{t(lang, 'web.privacy')}</Caption1> : null}
            {!profile.ok ? (
              <ErrorBar
                text={t(lang, 'pane.profileFailed', { detail: errorDetail(profile.error, lang) })}
              />
            ) : (
              <>
                {host ? (
                  <>
                    {files ? (
                      <FileInputs
                        current={tally.state.current}
                        prior={tally.state.prior}
                        tables={tally.state.tables}
                        disabled={busy}
                        onImport={(kind, list) => void actions.importFiles(kind, list)}
                        onRemove={actions.removeImport}
                      />
                    ) : null}
                    <Actions disabled={busy} actions={toolbar} />
                    {tally.state.busy ? <Progress busy={tally.state.busy} /> : null}
                    <Notes notes={tally.state.notes} onDismiss={actions.dismiss} />
                    <DownloadReport
                      document={tally.state.audit?.outcome.document}
                      platform={platform}
                    />
                    {host.markedCopy && tally.state.audit ? (
                      <MarkedCopies
                        files={tally.state.current}
                        busy={busy}
                        onCopy={(name) => void actions.markedCopy(name)}
                      />
                    ) : null}
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
                      imports={!files}
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
                {files ? null : (
                  <>
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
              </>
            )}
          </main>
        </LangContext.Provider>
      </HostKindContext.Provider>
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
