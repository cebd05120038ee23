import { ToggleButton, makeStyles, tokens } from '@fluentui/react-components';
import type { MessageKey } from '../../core/messages/index';
import type { Counts, SeverityFilter } from '../findings';
import { useT } from '../i18n';

const useStyles = makeStyles({
  group: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalXS },
});

const OPTIONS: { value: SeverityFilter; label: MessageKey; count: (c: Counts) => number }[] = [
  { value: 'all', label: 'pane.filter.all', count: (c) => c.errors + c.warnings + c.notices },
  { value: 'error', label: 'pane.filter.error', count: (c) => c.errors },
  { value: 'warning', label: 'pane.filter.warning', count: (c) => c.warnings },
  { value: 'notice', label: 'pane.filter.notice', count: (c) => c.notices },
];

/** 全部 | 强制性错误 | 核实性问题 | 提示: which findings the list shows. */
export function SeverityFilterBar({
  filter,
  counts,
  onChange,
}: {
  filter: SeverityFilter;
  counts: Counts;
  onChange: (f: SeverityFilter) => void;
}) {
  const t = useT();
  const styles = useStyles();
  return (
    <div role="group" aria-label={t('pane.filter')} className={styles.group}>
      {OPTIONS.map((o) => (
        <ToggleButton
          key={o.value}
          size="small"
          appearance="subtle"
          checked={filter === o.value}
          aria-pressed={filter === o.value}
          data-testid={`filter-${o.value}`}
          onClick={() => onChange(o.value)}
        >
          {`${t(o.label)} ${o.count(counts)}`}
        </ToggleButton>
      ))}
    </div>
  );
}
