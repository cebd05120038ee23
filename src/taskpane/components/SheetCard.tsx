import {
  Badge,
  Caption1,
  Card,
  CardHeader,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import type { SheetInspection } from '../../core/inspect';
import { useT } from '../i18n';

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalM,
    rowGap: tokens.spacingVerticalXXS,
    margin: 0,
  },
  term: { color: tokens.colorNeutralForeground3 },
  value: { margin: 0 },
  form: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS, flexWrap: 'wrap' },
});

/** What Tally recognised in one sheet: the form, the header, the records and their problems. */
export function SheetCard({ sheet, formName }: { sheet: SheetInspection; formName?: string }) {
  const t = useT();
  const styles = useStyles();
  const form = sheet.form;
  const description = !sheet.recognised ? (
    <Caption1 data-testid="sheet-form">{t('pane.noHeader')}</Caption1>
  ) : form ? (
    <span className={styles.form} data-testid="sheet-form" data-form={form.id}>
      <Badge appearance="tint" color="success">
        {form.id}
      </Badge>
      <Caption1>
        {t('pane.formValue', {
          name: formName ?? form.name,
          matched: form.matched,
          total: form.total,
        })}
      </Caption1>
    </span>
  ) : (
    <span className={styles.form} data-testid="sheet-form">
      <Badge appearance="tint" color="warning">
        ?
      </Badge>
      <Caption1>{t('pane.noForm')}</Caption1>
    </span>
  );

  return (
    <Card data-testid="sheet-card" data-sheet={sheet.sheet} size="small">
      <CardHeader
        header={
          <Text weight="semibold" data-testid="sheet-name">
            {sheet.sheet}
          </Text>
        }
        description={description}
      />
      {sheet.recognised ? (
        <dl className={styles.facts}>
          <Fact label={t('pane.headerRows')} testId="sheet-header">
            {t('pane.headerRowsValue', { rows: sheet.headerRows.join('–') })}
          </Fact>
          <Fact label={t('pane.records')} testId="sheet-records">
            {t('pane.recordsValue', { records: sheet.records, totals: sheet.totalRows })}
          </Fact>
          <Fact label={t('pane.items')} testId="sheet-items">
            {t('pane.itemsValue', { count: sheet.items.length })}
          </Fact>
          <Fact label={t('pane.notices')} testId="sheet-notices">
            <CountBadge count={sheet.notices.length} color="informative" />
          </Fact>
          <Fact label={t('pane.typeErrors')} testId="sheet-type-errors">
            <CountBadge count={sheet.typeErrors.length} color="danger" />
          </Fact>
        </dl>
      ) : null}
    </Card>
  );
}

function Fact({ label, testId, children }: { label: string; testId: string; children: ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <dt className={styles.term}>
        <Caption1>{label}</Caption1>
      </dt>
      <dd className={styles.value} data-testid={testId}>
        <Caption1>{children}</Caption1>
      </dd>
    </>
  );
}

function CountBadge({ count, color }: { count: number; color: 'informative' | 'danger' }) {
  const t = useT();
  if (count === 0) return <>{t('pane.count', { count })}</>;
  return (
    <Badge appearance="tint" color={color} size="small" data-count={count}>
      {t('pane.count', { count })}
    </Badge>
  );
}
