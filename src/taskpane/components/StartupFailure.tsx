import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Lang, MessageKey, Params } from '../../core/messages/index';
import { t } from '../../core/messages/index';
import { LangContext } from '../i18n';
import { ErrorBar } from './ErrorBar';
import { PaneHeader } from './PaneHeader';
import { usePaneStyles } from './styles';

/** The pane when it cannot start: outside Excel, or Office.js missing. */
export function StartupFailure({
  lang,
  message,
  params,
}: {
  lang: Lang;
  message: MessageKey;
  params?: Params;
}) {
  const styles = usePaneStyles();
  return (
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <main className={styles.root}>
          <PaneHeader />
          <ErrorBar text={t(lang, message, params)} />
        </main>
      </LangContext.Provider>
    </FluentProvider>
  );
}
