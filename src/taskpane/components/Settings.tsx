import {
  Body1,
  Button,
  Caption1,
  Card,
  Field,
  Input,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useRef } from 'react';
import type { PickedFile } from '../imports';
import type { Imported } from '../useTally';
import { useT } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  hidden: { display: 'none' },
});

export interface SettingsProps {
  period: string;
  /** The period the last audit found in the titles, shown as the placeholder. */
  found?: string;
  current: readonly Imported[];
  prior: readonly Imported[];
  disabled: boolean;
  onPeriod: (period: string) => void;
  onImport: (kind: 'current' | 'prior', files: PickedFile[]) => void;
  onRemove: (kind: 'current' | 'prior', name: string) => void;
  /** Show the two file imports (the pane); the page has its own file inputs (FileInputs). */
  imports?: boolean;
}

/** Period, and the files imported for this period and the previous one. */
export function Settings(props: SettingsProps) {
  const t = useT();
  const styles = useStyles();
  return (
    <Card size="small" className={styles.card} data-testid="settings">
      <Body1 as="h2" style={{ margin: 0 }}>
        {t('pane.settings')}
      </Body1>
      <Field
        label={t('pane.period')}
        hint={props.found ? t('pane.periodFound', { period: props.found }) : t('pane.periodHint')}
      >
        <Input
          size="small"
          value={props.period}
          data-testid="period"
          inputMode="numeric"
          placeholder={props.found ?? ''}
          onChange={(_, d) => props.onPeriod(d.value)}
        />
      </Field>
      {props.imports === false ? null : (
        <>
          <ImportField kind="current" files={props.current} {...props} />
          <ImportField kind="prior" files={props.prior} {...props} />
        </>
      )}
    </Card>
  );
}

function ImportField({
  kind,
  files,
  disabled,
  onImport,
  onRemove,
}: SettingsProps & { kind: 'current' | 'prior'; files: readonly Imported[] }) {
  const t = useT();
  const styles = useStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <Field
      label={t(kind === 'current' ? 'pane.importCurrent' : 'pane.importPrior')}
      hint={t(kind === 'current' ? 'pane.importCurrentHint' : 'pane.importPriorHint')}
    >
      <div>
        <input
          ref={input}
          type="file"
          multiple
          accept=".xlsx,.csv"
          className={styles.hidden}
          data-testid={`import-${kind}`}
          onChange={(e) => {
            const list = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            if (list.length > 0) onImport(kind, list);
          }}
        />
        <Button size="small" disabled={disabled} onClick={() => input.current?.click()}>
          {t('pane.chooseFiles')}
        </Button>
        {files.length === 0 ? (
          <Caption1> {t('pane.noImports')}</Caption1>
        ) : (
          <ul className={styles.files} data-testid={`imported-${kind}`}>
            {files.map((f) => (
              <li key={f.name} className={styles.file} data-testid="imported-file">
                <Caption1>
                  {t('pane.importedFile', { file: f.name, sheets: f.data.sheets.length })}
                </Caption1>
                <Button
                  size="small"
                  appearance="subtle"
                  aria-label={t('pane.removeImport', { file: f.name })}
                  disabled={disabled}
                  onClick={() => onRemove(kind, f.name)}
                >
                  ×
                </Button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </Field>
  );
}
