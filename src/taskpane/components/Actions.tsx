import { Button, makeStyles, tokens } from '@fluentui/react-components';
import { useT } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  primary: { display: 'grid', gridTemplateColumns: '1fr 1fr', gap: tokens.spacingHorizontalS },
  secondary: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

export interface ActionsProps {
  disabled: boolean;
  onAudit: () => void;
  onReport: () => void;
  onClear: () => void;
  onInsertRules: () => void;
}

/** 审核 and 汇总并生成报告 as the two big buttons; 清除标记 and 插入审核规则表 beside them. */
export function Actions({ disabled, onAudit, onReport, onClear, onInsertRules }: ActionsProps) {
  const t = useT();
  const styles = useStyles();
  return (
    <div role="toolbar" aria-label={t('pane.actions')} className={styles.bar}>
      <div className={styles.primary}>
        <Button
          appearance="primary"
          size="large"
          data-testid="audit"
          disabled={disabled}
          onClick={onAudit}
        >
          {t('pane.audit')}
        </Button>
        <Button
          appearance="primary"
          size="large"
          data-testid="report"
          disabled={disabled}
          onClick={onReport}
        >
          {t('pane.report')}
        </Button>
      </div>
      <div className={styles.secondary}>
        <Button size="small" data-testid="clear" disabled={disabled} onClick={onClear}>
          {t('pane.clear')}
        </Button>
        <Button size="small" data-testid="insert-rules" disabled={disabled} onClick={onInsertRules}>
          {t('pane.insertRules')}
        </Button>
      </div>
    </div>
  );
}
