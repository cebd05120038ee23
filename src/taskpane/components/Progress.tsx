import { Field, ProgressBar } from '@fluentui/react-components';
import type { Busy } from '../useTally';
import { useT } from '../i18n';

/** The running task: what it does now, and how far it is when that can be measured. */
export function Progress({ busy }: { busy: Busy }) {
  const t = useT();
  const label = `${t(busy.label, busy.params)}${busy.worker ? t('pane.inWorker') : ''}`;
  return (
    <Field
      validationMessage={label}
      validationState="none"
      data-testid="progress"
      data-task={busy.task}
    >
      <ProgressBar
        thickness="large"
        {...(busy.fraction !== undefined ? { value: Math.min(1, Math.max(0, busy.fraction)) } : {})}
      />
    </Field>
  );
}
