import { Button, Caption1, Field, Select, makeStyles, tokens } from '@fluentui/react-components';
import { useMemo, useRef, useState } from 'react';
import { exportedFindings, UNIT_SHEETS } from '../../core/output/findings';
import type { Finding } from '../../core/validate/result';
import type { PickedFile } from '../imports';
import { useT } from '../i18n';

const useStyles = makeStyles({
  bar: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  row: { display: 'flex', flexWrap: 'wrap', alignItems: 'end', gap: tokens.spacingHorizontalS },
  hidden: { display: 'none' },
});

const ALL = '\u0000all';

/**
 * 导出审核结果 (every unit, one sheet each, or one unit) and 导入说明 (a findings workbook a unit
 * sent back with its explanations).
 */
export function ExportBar({
  findings,
  busy,
  onExport,
  onImportExplanations,
}: {
  findings: readonly Finding[];
  busy: boolean;
  onExport: (unit?: string) => void;
  onImportExplanations: (file: PickedFile) => void;
}) {
  const t = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  const [scope, setScope] = useState(ALL);
  const units = useMemo(
    () => [...new Set(exportedFindings(findings).map((f) => f.unit))],
    [findings],
  );
  const chosen = scope !== ALL && units.includes(scope) ? scope : ALL;
  return (
    <div className={styles.bar} data-testid="export-bar">
      <div className={styles.row}>
        <Field label={t('pane.exportScope')} size="small">
          <Select
            size="small"
            value={chosen}
            data-testid="export-scope"
            onChange={(_, d) => setScope(d.value)}
          >
            <option value={ALL}>{t('pane.exportAll', { most: UNIT_SHEETS })}</option>
            {units.map((u) => (
              <option key={u} value={u}>
                {t('pane.exportUnit', { unit: u })}
              </option>
            ))}
          </Select>
        </Field>
        <Button
          size="small"
          data-testid="export"
          disabled={busy}
          onClick={() => onExport(chosen === ALL ? undefined : chosen)}
        >
          {t('pane.export')}
        </Button>
        <input
          ref={input}
          type="file"
          accept=".xlsx"
          className={styles.hidden}
          data-testid="import-explanations-file"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            e.currentTarget.value = '';
            if (file) onImportExplanations(file);
          }}
        />
        <Button
          size="small"
          data-testid="import-explanations"
          disabled={busy}
          onClick={() => input.current?.click()}
        >
          {t('pane.importExplanations')}
        </Button>
      </div>
      <Caption1>{t('pane.exportHint')}</Caption1>
    </div>
  );
}
