import { Body1, Caption1, makeStyles, tokens } from '@fluentui/react-components';
import type { WorkbookInspection } from '../../core/inspect';
import { useT } from '../i18n';
import { SheetCard } from './SheetCard';

const useStyles = makeStyles({
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  heading: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
});

/** The workbook's sheets in their order, each with what was recognised in it. */
export function SheetList({
  inspection,
  formName,
}: {
  inspection: WorkbookInspection;
  formName: (id: string) => string | undefined;
}) {
  const t = useT();
  const styles = useStyles();
  const forms = inspection.sheets.filter((s) => s.form).length;
  return (
    <section aria-labelledby="sheets-heading" data-testid="sheet-list">
      <div className={styles.heading}>
        <Body1 as="h2" id="sheets-heading" style={{ margin: 0 }}>
          {t('pane.sheets')}
        </Body1>
        <Caption1 data-testid="summary">
          {inspection.sheets.length === 0
            ? t('pane.noSheets')
            : t('pane.summary', { sheets: inspection.sheets.length, forms })}
        </Caption1>
      </div>
      <ul className={styles.list}>
        {inspection.sheets.map((sheet) => (
          <li key={sheet.sheet}>
            <SheetCard
              sheet={sheet}
              {...(sheet.form ? { formName: formName(sheet.form.id) } : {})}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
