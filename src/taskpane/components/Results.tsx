import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  MessageBar,
  MessageBarBody,
  Text,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { useMemo, useState } from 'react';
import type { RuleDef } from '../../core/profile/schema';
import type { Finding } from '../../core/validate/result';
import {
  countFindings,
  filterFindings,
  groupFindings,
  ruleLabelKey,
  ruleTitle,
  type RuleGroup,
  type SeverityFilter,
} from '../findings';
import type { PickedFile } from '../imports';
import type { AuditView } from '../useTally';
import { useLang, useT } from '../i18n';
import { ExportBar } from './ExportBar';
import { FindingItem } from './FindingItem';
import { SeverityFilterBar } from './SeverityFilterBar';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  counts: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  group: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalXS,
    listStyleType: 'none',
    margin: 0,
    padding: 0,
  },
  rule: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  problems: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Findings shown per rule before "show more". */
export const SHOWN_PER_RULE = 20;

export interface ResultsProps {
  audit: AuditView;
  busy: boolean;
  /** The profile's rules, for the groups' titles. */
  rules: readonly RuleDef[];
  onSelect: (f: Finding) => void;
  onSave: (f: Finding, text: string) => Promise<boolean>;
  onExport: (unit?: string) => void;
  onImportExplanations: (file: PickedFile) => void;
}

/**
 * The audit: counts by severity, a filter by severity, the export and import of findings, rules
 * that could not run, findings by sheet and rule.
 */
export function Results({
  audit,
  busy,
  rules: profileRules,
  onSelect,
  onSave,
  onExport,
  onImportExplanations,
}: ResultsProps) {
  const t = useT();
  const lang = useLang();
  const styles = useStyles();
  const [filter, setFilter] = useState<SeverityFilter>('all');
  const { findings, rules } = audit.outcome.validation;
  const counts = countFindings(findings);
  const broken = rules.filter((r) => r.error);
  const groups = useMemo(
    () =>
      groupFindings(
        filterFindings(findings, filter),
        audit.live,
        audit.state.sheets.map((s) => s.name),
      ),
    [findings, filter, audit.live, audit.state.sheets],
  );
  const title = (ruleId: string) => ruleTitle(ruleId, profileRules, rules, lang);
  return (
    <section
      className={styles.section}
      aria-labelledby="results-heading"
      data-testid="results"
      data-engine={audit.where}
    >
      <Body1 as="h2" id="results-heading" style={{ margin: 0 }}>
        {t('pane.results')}
      </Body1>
      <div className={styles.counts}>
        <Badge
          appearance="filled"
          color="danger"
          data-testid="count-errors"
          data-count={counts.errors}
        >
          {t('pane.count.errors')} {counts.errors}
        </Badge>
        <Badge
          appearance="filled"
          color="warning"
          data-testid="count-warnings"
          data-count={counts.warnings}
        >
          {t('pane.count.warnings')} {counts.warnings}
        </Badge>
        <Badge
          appearance="tint"
          color="success"
          data-testid="count-explained"
          data-count={counts.explained}
        >
          {t('pane.count.explained', { explained: counts.explained })}
        </Badge>
        <Badge
          appearance="tint"
          color="informative"
          data-testid="count-notices"
          data-count={counts.notices}
        >
          {t('pane.count.notices')} {counts.notices}
        </Badge>
      </div>
      <SeverityFilterBar filter={filter} counts={counts} onChange={setFilter} />
      <ExportBar
        findings={findings}
        busy={busy}
        onExport={onExport}
        onImportExplanations={onImportExplanations}
      />
      {broken.length > 0 ? (
        <MessageBar intent="warning" layout="multiline" data-testid="rule-errors">
          <MessageBarBody>
            {t('pane.ruleErrors', { count: broken.length })}
            <ul className={styles.problems}>
              {broken.map((r) => (
                <li key={r.id} data-testid="rule-error" data-rule={r.id}>
                  {r.error}
                </li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      ) : null}
      {groups.map((g) => (
        <Card
          key={`${g.file}\u0000${g.sheet}`}
          size="small"
          className={styles.group}
          data-testid="finding-sheet"
          data-sheet={g.sheet}
        >
          <Text weight="semibold">
            {g.live
              ? t('pane.sheetGroup', { sheet: g.sheet })
              : t('pane.fileGroup', { file: g.file, sheet: g.sheet })}
          </Text>
          {g.rules.map((r) => (
            <RuleFindings
              key={r.ruleId}
              group={r}
              title={title(r.ruleId)}
              busy={busy}
              onSelect={onSelect}
              onSave={onSave}
            />
          ))}
        </Card>
      ))}
      {groups.length === 0 && filter !== 'all' ? (
        <Caption1 data-testid="filter-empty">{t('pane.filter.empty')}</Caption1>
      ) : null}
    </section>
  );
}

function RuleFindings({
  group,
  title,
  busy,
  onSelect,
  onSave,
}: {
  group: RuleGroup;
  title: string | undefined;
  busy: boolean;
  onSelect: (f: Finding) => void;
  onSave: (f: Finding, text: string) => Promise<boolean>;
}) {
  const t = useT();
  const styles = useStyles();
  const [all, setAll] = useState(false);
  const label = ruleLabelKey(group.ruleId);
  const shown = all ? group.findings : group.findings.slice(0, SHOWN_PER_RULE);
  const hidden = group.findings.length - shown.length;
  return (
    <div className={styles.rule} data-testid="finding-rule" data-rule={group.ruleId}>
      <Caption1 data-testid="rule-title">
        {label
          ? t('pane.ruleGroupTitled', {
              rule: group.ruleId,
              title: t(label),
              count: group.findings.length,
            })
          : title
            ? t('pane.ruleGroupTitled', {
                rule: group.ruleId,
                title,
                count: group.findings.length,
              })
            : t('pane.ruleGroup', { rule: group.ruleId, count: group.findings.length })}
      </Caption1>
      <ul className={styles.list}>
        {shown.map((v) => (
          <FindingItem key={v.index} view={v} busy={busy} onSelect={onSelect} onSave={onSave} />
        ))}
      </ul>
      {hidden > 0 ? (
        <Button
          size="small"
          appearance="subtle"
          data-testid="show-more"
          onClick={() => setAll(true)}
        >
          {t('pane.showMore', { count: hidden })}
        </Button>
      ) : null}
    </div>
  );
}
