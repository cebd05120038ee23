import {
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
} from '@fluentui/react-components';
import type { ReactNode } from 'react';
import { useT } from '../i18n';

/** A failure, what it was and what to do, with an optional action (e.g. "Read again"). */
export function ErrorBar({ text, action }: { text: string; action?: ReactNode }) {
  const t = useT();
  return (
    <MessageBar intent="error" layout="multiline" data-testid="error-bar">
      <MessageBarBody>
        <MessageBarTitle>{t('pane.errorTitle')}</MessageBarTitle>
        <span data-testid="error-text">{text}</span>
      </MessageBarBody>
      {action ? <MessageBarActions>{action}</MessageBarActions> : null}
    </MessageBar>
  );
}
