import {
  Body1,
  Button,
  Card,
  Field,
  makeStyles,
  Radio,
  RadioGroup,
  tokens,
} from '@fluentui/react-components';
import { useT } from '../i18n';

const useStyles = makeStyles({
  card: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
});

export interface TargetsPanelProps {
  stage: 'annual' | 'midterm';
  disabled: boolean;
  onStage: (stage: 'annual' | 'midterm') => void;
  onInsertTargets: () => void;
}

/**
 * Targets (issue 9): 插入指标目标表 writes the profile's targets as an editable 指标目标 sheet,
 * which the report then judges against; 评估类型 chooses an annual report or a mid-term
 * evaluation (progress on the line from the baseline to the target year).
 */
export function TargetsPanel({ stage, disabled, onStage, onInsertTargets }: TargetsPanelProps) {
  const t = useT();
  const styles = useStyles();
  return (
    <Card size="small" className={styles.card} data-testid="targets-panel">
      <Body1 as="h2" style={{ margin: 0 }}>
        {t('pane.stageSetting')}
      </Body1>
      <Field hint={t('pane.stageHint')}>
        <RadioGroup
          layout="horizontal"
          value={stage}
          disabled={disabled}
          data-testid="stage"
          onChange={(_, d) => onStage(d.value === 'midterm' ? 'midterm' : 'annual')}
        >
          <Radio value="annual" label={t('pane.stageAnnual')} data-testid="stage-annual" />
          <Radio value="midterm" label={t('pane.stageMidterm')} data-testid="stage-midterm" />
        </RadioGroup>
      </Field>
      <div>
        <Button
          size="small"
          data-testid="insert-targets"
          disabled={disabled}
          onClick={onInsertTargets}
        >
          {t('pane.insertTargets')}
        </Button>
      </div>
    </Card>
  );
}
