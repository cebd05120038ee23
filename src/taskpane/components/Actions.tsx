import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { PaneAction } from '../actions';
import { useT } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  primary: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  secondary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  disabled: boolean;
  actions: readonly PaneAction[];
}

/** The primary actions (审核, 汇总并生成报告) as big buttons; the others small, beside them. */
export function Actions({ disabled, actions }: ActionsProps) {
  const t = useT();
  const styles = useStyles();
  const button = (a: PaneAction) => (
    <Button
      key={a.id}
      appearance={a.primary ? 'primary' : 'secondary'}
      size={a.primary ? 'large' : 'small'}
      data-testid={a.id}
      disabled={disabled}
      onClick={a.run}
    >
      {t(a.label)}
    </Button>
  );
  return (
    <div role="toolbar" aria-label={t('pane.actions')} className={styles.bar}>
      <div className={styles.primary}>{actions.filter((a) => a.primary).map(button)}</div>
      <div className={styles.secondary}>{actions.filter((a) => !a.primary).map(button)}</div>
    </div>
  );
}
