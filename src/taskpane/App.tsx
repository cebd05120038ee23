import { Button, FluentProvider, Spinner, webLightTheme } from '@fluentui/react-components';
import { useCallback, useEffect, useState } from 'react';
import { t, type Lang } from '../core/messages/index';
import type { WorkbookSource } from '../core/ports';
import { ErrorBar } from './components/ErrorBar';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PaneHeader } from './components/PaneHeader';
import { SheetList } from './components/SheetList';
import { usePaneStyles } from './components/styles';
import { errorDetail } from './errors';
import { LangContext } from './i18n';
import { formName, loadDefaultProfile, type ProfileBundle } from './profile';
import { useInspection, type PaneState } from './useInspection';

export interface AppProps {
  /** The open workbook (ExcelWorkbookSource), or any other source in tests. */
  source: WorkbookSource;
  /** From Office's display language; the user may switch. */
  initialLang: Lang;
  /** The profile to recognise forms with; the bundled default unless given. */
  loadProfile?: () => ProfileBundle;
}

type Loaded = { ok: true; bundle: ProfileBundle } | { ok: false; error: unknown };

export function App({ source, initialLang, loadProfile = loadDefaultProfile }: AppProps) {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [profile] = useState<Loaded>(() => {
    try {
      return { ok: true, bundle: loadProfile() };
    } catch (error) {
      return { ok: false, error };
    }
  });
  const { state, reload } = useInspection(source, profile.ok ? profile.bundle : undefined);
  const styles = usePaneStyles();

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'app.name');
  }, [lang]);

  const nameOf = useCallback(
    (id: string) => (profile.ok ? formName(profile.bundle.profile, id, lang) : undefined),
    [profile, lang],
  );

  const loading = state.status === 'loading';
  const refresh = (
    <Button
      appearance="primary"
      data-testid="refresh"
      disabled={loading || !profile.ok}
      onClick={reload}
    >
      {t(lang, 'pane.refresh')}
    </Button>
  );

  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <main className={styles.root}>
          <PaneHeader>
            <LanguageSwitch lang={lang} onChange={setLang} />
          </PaneHeader>
          <div className={styles.toolbar}>{refresh}</div>
          {!profile.ok ? (
            <ErrorBar
              text={t(lang, 'pane.profileFailed', { detail: errorDetail(profile.error, lang) })}
            />
          ) : (
            <Body state={state} lang={lang} formName={nameOf} retry={reload} />
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
