import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { Lang } from '../../core/messages/index';
import { useT } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', gap: tokens.spacingHorizontalXS },
});

const LANGS: readonly Lang[] = ['zh', 'en'];

/** 中文 | English: the pane follows Office's language until the user picks one. */
export function LanguageSwitch({ lang, onChange }: { lang: Lang; onChange: (lang: Lang) => void }) {
  const t = useT();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t('pane.language')} className={styles.group}>
      {LANGS.map((l) => (
        <ToggleButton
          key={l}
          size="small"
          appearance="subtle"
          checked={l === lang}
          lang={l === 'zh' ? 'zh-CN' : 'en'}
          data-testid={`lang-${l}`}
          onClick={() => onChange(l)}
        >
          {t(l === 'zh' ? 'pane.lang.zh' : 'pane.lang.en')}
        </ToggleButton>
      ))}
    </div>
  );
}
