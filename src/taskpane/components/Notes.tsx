import {
  Button,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import type { MessageKey } from '../../core/messages/index';
import type { Note } from '../useTally';
import { useT } from '../i18n';

const useStyles = makeStyles({
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
});

const TITLES: Record<Note['intent'], MessageKey> = {
  error: 'pane.errorTitle',
  warning: 'pane.noteTitle',
  success: 'pane.doneTitle',
  info: 'pane.noteTitle',
};

/** What the last action did or why it failed, each dismissible. */
export function Notes({
  notes,
  onDismiss,
}: {
  notes: readonly Note[];
  onDismiss: (id: number) => void;
}) {
  const t = useT();
  const styles = useStyles();
  if (notes.length === 0) return null;
  return (
    <div className={styles.list} data-testid="notes" aria-live="polite">
      {notes.map((n) => (
        <MessageBar
          key={n.id}
          intent={n.intent}
          layout="multiline"
          data-testid="note"
          data-intent={n.intent}
        >
          <MessageBarBody>
            {n.intent === 'info' ? null : <MessageBarTitle>{t(TITLES[n.intent])}</MessageBarTitle>}
            <span data-testid="note-text">{n.text}</span>
          </MessageBarBody>
          <MessageBarActions
            containerAction={
              <Button
                appearance="transparent"
                size="small"
                aria-label={t('pane.dismiss')}
                data-testid="note-dismiss"
                onClick={() => onDismiss(n.id)}
              >
                ×
              </Button>
            }
          />
        </MessageBar>
      ))}
    </div>
  );
}
