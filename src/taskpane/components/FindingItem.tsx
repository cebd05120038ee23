import {
  Badge,
  Caption1,
  Text,
  makeStyles,
  mergeClasses,
  tokens,
} from '@fluentui/react-components';
import type { MessageKey } from '../../core/messages/index';
import { parseA1 } from '../../core/model/a1';
import type { Finding, Severity } from '../../core/validate/result';
import { messageAfterUnit } from '../../core/validate/unit-lead';
import { placeText, type FindingView } from '../findings';
import { useT } from '../i18n';
import { ExplanationEditor } from './ExplanationEditor';

const useStyles = makeStyles({
  item: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXXS,
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalS}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  go: {
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'flex-start',
    gap: tokens.spacingVerticalXXS,
    width: '100%',
    padding: 0,
    border: 'none',
    background: 'none',
    textAlign: 'left',
    font: 'inherit',
    color: 'inherit',
    cursor: 'pointer',
    ':hover .tally-unit': { textDecorationLine: 'underline' },
    ':focus-visible': { outline: `2px solid ${tokens.colorStrokeFocus2}` },
  },
  static: { cursor: 'default' },
  head: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalXS,
    flexWrap: 'wrap',
  },
  cells: { color: tokens.colorNeutralForeground3 },
});

const BADGE: Record<Severity, { color: 'danger' | 'warning' | 'informative'; key: MessageKey }> = {
  error: { color: 'danger', key: 'pane.severity.error' },
  warning: { color: 'warning', key: 'pane.severity.warning' },
  notice: { color: 'informative', key: 'pane.severity.notice' },
};

/** Cells in reading order: by row, then column. */
function sortedCells(cells: readonly string[]): string[] {
  const at = (c: string) => {
    try {
      return parseA1(c);
    } catch {
      return { row: 0, col: 0 };
    }
  };
  return [...cells].sort((a, b) => at(a).row - at(b).row || at(a).col - at(b).col);
}

/** One finding: its unit and message; a click shows its cells; a warning takes an explanation. */
export function FindingItem({
  view,
  busy,
  onSelect,
  onSave,
}: {
  view: FindingView;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onSave: (f: Finding, text: string) => Promise<boolean>;
}) {
  const t = useT();
  const styles = useStyles();
  const f = view.finding;
  const badge = BADGE[f.severity];
  const where = view.target
    ? t('pane.goTo', { cells: `${view.target.sheet}!${view.target.cells.join(',')}` })
    : t('pane.notInWorkbook', { file: f.file });
  const body = (
    <>
      <span className={styles.head}>
        <Badge appearance="tint" size="small" color={badge.color}>
          {t(badge.key)}
        </Badge>
        <Text weight="semibold" className="tally-unit" data-testid="finding-unit">
          {f.unit}
        </Text>
      </span>
      <Caption1 data-testid="finding-message">{messageAfterUnit(f.message, f.unit)}</Caption1>
      {view.target ? (
        <Caption1 className={styles.cells} data-testid="finding-cells">
          {sortedCells(view.target.cells).join(' ')}
        </Caption1>
      ) : (
        <Caption1 className={styles.cells} data-testid="finding-place">
          {placeText(f)}
        </Caption1>
      )}
    </>
  );
  return (
    <li
      className={styles.item}
      data-testid="finding"
      data-rule={f.ruleId}
      data-unit={f.unit}
      data-sheet={f.sheet}
      data-severity={f.severity}
    >
      {view.target ? (
        <button
          type="button"
          className={styles.go}
          title={where}
          data-testid="finding-go"
          onClick={() => onSelect(f)}
        >
          {body}
        </button>
      ) : (
        <div className={mergeClasses(styles.go, styles.static)} title={where}>
          {body}
        </div>
      )}
      {f.severity === 'warning' ? (
        <ExplanationEditor
          saved={f.explanation}
          disabled={busy}
          onSave={(text) => onSave(f, text)}
        />
      ) : null}
    </li>
  );
}
