import { Body1, Button, Caption1, Card, makeStyles, tokens } from '@fluentui/react-components';
import type { Imported } from '../host';
import { useT } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  list: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
});

/**
 * 标记副本: for each of this period's files, a copy with the audit's cells marked and a 审核结果
 * sheet, made when asked for (the files host). The inputs are never changed.
 */
export function MarkedCopies({
  files,
  busy,
  onCopy,
}: {
  files: readonly Imported[];
  busy: boolean;
  onCopy: (name: string) => void;
}) {
  const t = useT();
  const styles = useStyles();
  if (files.length === 0) return null;
  return (
    <Card size="small" className={styles.card} data-testid="marked-copies">
      <Body1 as="h2" style={{ margin: 0 }}>
        {t('web.copies')}
      </Body1>
      <Caption1>{t('web.copiesHint')}</Caption1>
      <div className={styles.list}>
        {files.map((f) => (
          <Button
            key={f.name}
            size="small"
            data-testid="marked-copy"
            data-file={f.name}
            disabled={busy}
            onClick={() => onCopy(f.name)}
          >
            {t('web.copy', { file: f.name })}
          </Button>
        ))}
      </div>
    </Card>
  );
}
