import type { MessageKey } from '../core/messages/index';
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

export function paneActions(actions: TallyActions): PaneAction[] {
  return [
    { id: 'audit', label: 'pane.audit', primary: true, run: () => void actions.audit() },
    { id: 'report', label: 'pane.report', primary: true, run: () => void actions.report() },
    { id: 'clear', label: 'pane.clear', run: () => void actions.clear() },
    { id: 'insert-rules', label: 'pane.insertRules', run: () => void actions.insertRules() },
  ];
}
