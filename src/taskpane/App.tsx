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
import { Actions } from './components/Actions';
import { DownloadReport } from './components/DownloadReport';
import { ErrorBar } from './components/ErrorBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { Notes } from './components/Notes';
import { PaneHeader } from './components/PaneHeader';
import { Progress } from './components/Progress';
import { Results } from './components/Results';
import { Settings } from './components/Settings';
import { SheetList } from './components/SheetList';
import { usePaneStyles } from './components/styles';
import { createEngine, type Engine } from './engine/engine';
import { errorDetail } from './errors';
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
  const { state, reload } = useInspection(source, bundle);
  const runner = useMemo(() => engine ?? createEngine(), [engine]);
  const tally = useTally({ host, bundle, engine: runner, lang, ...(now ? { now } : {}) });
  const styles = usePaneStyles();
  const own = useStyles();

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
                  <Actions
                    disabled={busy}
                    onAudit={() => void actions.audit()}
                    onReport={() => void actions.report()}
                    onClear={() => void actions.clear()}
                    onInsertRules={() => void actions.insertRules()}
                  />
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
                      onSelect={(f) => void actions.select(f)}
                      onSave={actions.saveExplanation}
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
      const key = state.phase === 'read' ? 'pane.readFailed' : 'pane.inspectFailed';
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
