import { Badge, Button, Field, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { useT } from '../i18n';

const useStyles = makeStyles({
  row: {
    display: 'flex',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    marginTop: tokens.spacingVerticalXS,
  },
});

/** The written explanation (核实说明) of a warning; saved into the workbook's 审核说明 sheet. */
export function ExplanationEditor({
  saved,
  disabled,
  onSave,
}: {
  saved: string | undefined;
  disabled: boolean;
  onSave: (text: string) => Promise<boolean>;
}) {
  const t = useT();
  const styles = useStyles();
  const [text, setText] = useState(saved ?? '');
  useEffect(() => setText(saved ?? ''), [saved]);
  const changed = text.trim() !== (saved ?? '');
  return (
    <Field label={t('pane.explanation')} size="small">
      <Textarea
        size="small"
        resize="vertical"
        value={text}
        placeholder={t('pane.explanationPlaceholder')}
        data-testid="explanation-input"
        onChange={(_, d) => setText(d.value)}
      />
      <div className={styles.row}>
        <Button
          size="small"
          appearance="primary"
          data-testid="explanation-save"
          disabled={disabled || !changed}
          onClick={() => void onSave(text)}
        >
          {t('pane.saveExplanation')}
        </Button>
        {saved ? (
          <Badge appearance="tint" color="success" data-testid="explained">
            {t('pane.explained')}
          </Badge>
        ) : null}
      </div>
    </Field>
  );
}
