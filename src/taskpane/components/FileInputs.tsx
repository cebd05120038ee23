import {
  Body1,
  Button,
  Caption1,
  Card,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import { useRef, useState } from 'react';
import type { MessageKey } from '../../core/messages/index';
import { RULE_SHEET_NAMES } from '../../core/monitor';
import { isTargetSheetName } from '../../core/targets/apply';
import { droppedFiles, inputFiles } from '../drop';
import type { Imported } from '../host';
import type { PickedFile } from '../imports';
import type { ImportKind } from '../useTally';
import { useT } from '../i18n';

const useStyles = makeStyles({
  grid: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(260px, 1fr))',
    gap: tokens.spacingHorizontalM,
  },
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  zone: {
    display: 'flex',
    flexWrap: 'wrap',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    padding: tokens.spacingVerticalM,
    border: `1px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  over: {
    border: `1px dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  file: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalXS },
  hidden: { display: 'none' },
});

const LABELS: Record<ImportKind, { label: MessageKey; hint: MessageKey; input: string }> = {
  current: { label: 'web.current', hint: 'web.currentHint', input: 'current-files' },
  prior: { label: 'web.prior', hint: 'web.priorHint', input: 'prior-files' },
  tables: { label: 'web.tables', hint: 'web.tablesHint', input: 'table-files' },
};

export interface FileInputsProps {
  current: readonly Imported[];
  prior: readonly Imported[];
  tables: readonly Imported[];
  disabled: boolean;
  onImport: (kind: ImportKind, files: PickedFile[]) => void;
  onRemove: (kind: ImportKind, name: string) => void;
}

/**
 * The web page's inputs: this period's forms, last period's, and the optional tables — each a
 * drop zone with a file picker and, for the forms, a folder picker. Stable test hooks:
 * `current-files`, `prior-files`, `table-files` on the file inputs.
 */
export function FileInputs(props: FileInputsProps) {
  const styles = useStyles();
  return (
    <div className={styles.grid} data-testid="file-inputs">
      <FileDrop kind="current" files={props.current} {...props} />
      <FileDrop kind="prior" files={props.prior} {...props} />
      <FileDrop kind="tables" files={props.tables} {...props} />
    </div>
  );
}

/** What a table file was read as, for its line in the list. */
function tableLabel(f: Imported): MessageKey {
  const name = f.data.sheets[0]?.name ?? '';
  if (RULE_SHEET_NAMES.includes(name)) return 'web.tableItem.rules';
  if (isTargetSheetName(name)) return 'web.tableItem.targets';
  return 'web.tableItem.explanations';
}

function FileDrop({
  kind,
  files,
  disabled,
  onImport,
  onRemove,
}: FileInputsProps & { kind: ImportKind; files: readonly Imported[] }) {
  const t = useT();
  const styles = useStyles();
  const picker = useRef<HTMLInputElement>(null);
  const folder = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const { label, hint, input } = LABELS[kind];
  const take = (list: PickedFile[]) => {
    if (list.length > 0) onImport(kind, list);
  };
  return (
    <Card size="small" className={styles.card} data-testid={`drop-${kind}`}>
      <Body1 as="h2" style={{ margin: 0 }}>
        {t(label)}
      </Body1>
      <Caption1>{t(hint)}</Caption1>
      <div
        className={mergeClasses(styles.zone, over && styles.over)}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          if (disabled) return;
          void droppedFiles(e.dataTransfer).then(take);
        }}
      >
        <Caption1>{t('web.drop')}</Caption1>
        <input
          ref={picker}
          type="file"
          multiple
          accept=".xlsx,.xlsm,.csv,.txt"
          className={styles.hidden}
          data-testid={input}
          onChange={(e) => {
            const list = Array.from(e.currentTarget.files ?? []);
            e.currentTarget.value = '';
            take(inputFiles(list, false));
          }}
        />
        <Button size="small" disabled={disabled} onClick={() => picker.current?.click()}>
          {t('web.chooseFiles')}
        </Button>
        {kind === 'tables' ? null : (
          <>
            <input
              ref={(el) => {
                folder.current = el;
                // React knows no webkitdirectory prop; it is set on the element.
                el?.setAttribute('webkitdirectory', '');
              }}
              type="file"
              multiple
              className={styles.hidden}
              data-testid={`${kind}-folder`}
              onChange={(e) => {
                const list = Array.from(e.currentTarget.files ?? []);
                e.currentTarget.value = '';
                take(inputFiles(list, true));
              }}
            />
            <Button size="small" disabled={disabled} onClick={() => folder.current?.click()}>
              {t('web.chooseFolder')}
            </Button>
          </>
        )}
      </div>
      {files.length === 0 ? (
        <Caption1>{t('web.none')}</Caption1>
      ) : (
        <ul className={styles.files} data-testid={`files-${kind}`}>
          {files.map((f) => (
            <li key={f.name} className={styles.file} data-testid="file" data-file={f.name}>
              <Caption1>
                {kind === 'tables'
                  ? t(tableLabel(f), { file: f.name })
                  : t('web.fileItem', { file: f.name, sheets: f.data.sheets.length })}
              </Caption1>
              <Button
                size="small"
                appearance="subtle"
                aria-label={t('web.remove', { file: f.name })}
                data-testid="file-remove"
                disabled={disabled}
                onClick={() => onRemove(kind, f.name)}
              >
                ×
              </Button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
