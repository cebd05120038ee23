import { Caption1, Title3, makeStyles, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

const useStyles = makeStyles({
  header: {
    display: 'flex',
    alignItems: 'flex-start',
    justifyContent: 'space-between',
    gap: tokens.spacingHorizontalM,
  },
  titles: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The product's name and tagline, with room for controls (the language switch). */
export function PaneHeader({ children }: { children?: ReactNode }) {
  const t = useT();
  const styles = useStyles();
  return (
    <header className={styles.header}>
      <div className={styles.titles}>
        <Title3 as="h1" data-testid="app-name">
          {t('app.name')}
        </Title3>
        <Caption1 data-testid="app-tagline">{t('app.tagline')}</Caption1>
      </div>
      {children}
    </header>
  );
}
