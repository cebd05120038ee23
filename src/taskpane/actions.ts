import type { MessageKey } from '../core/messages/index';
import type { TallyHost } from './host';
import type { TallyActions } from './useTally';

/**
 * The pane's actions, in the order the toolbar shows them: one list, so an action is added in
 * one place (an entry here, its work in useTally). `primary` ones are the two big buttons.
 */
export interface PaneAction {
  /** Also the button's test id. */
  id: string;
  label: MessageKey;
  primary?: boolean;
  run: () => void;
}

/**
 * The actions `host` can do (every one when no host is given). On the files host the report
 * button downloads the report workbook (`make-report`, a stable hook for automation) and there
 * are no marks to clear.
 */
export function paneActions(
  actions: TallyActions,
  host?: Pick<TallyHost, 'kind' | 'clearHighlights'>,
): PaneAction[] {
  const files = host?.kind === 'files';
  const clear: PaneAction = { id: 'clear', label: 'pane.clear', run: () => void actions.clear() };
  return [
    { id: 'audit', label: 'pane.audit', primary: true, run: () => void actions.audit() },
    {
      id: files ? 'make-report' : 'report',
      label: 'pane.report',
      primary: true,
      run: () => void actions.report(),
    },
    ...(!host || host.clearHighlights ? [clear] : []),
    { id: 'insert-rules', label: 'pane.insertRules', run: () => void actions.insertRules() },
  ];
}
