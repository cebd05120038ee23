import { t, type MessageKey } from '../core/messages/index';

/**
 * The invocations each command's help shows: the ones README's command-line section uses
 * (test/cli/help.test.ts checks README and the help agree). Commands stay as typed; what they
 * do is said from the catalogue, Chinese first.
 */
export type ExampleCommand = 'program' | 'inspect' | 'validate' | 'report' | 'template' | 'export';

interface Example {
  command: string;
  key: MessageKey;
}

const CUR = 'samples/2025年青川市两纲监测数据.xlsx';
const PRIOR = 'samples/2024年青川市两纲监测数据.xlsx';

const inspect: Example[] = [{ command: 'tally inspect samples/*.xlsx', key: 'example.inspect' }];
const validate: Example[] = [
  { command: `tally validate ${CUR} --prior ${PRIOR}`, key: 'example.validatePrior' },
  { command: `tally validate ${CUR} --sheet 妇幼卫生`, key: 'example.validateSheet' },
  { command: 'tally validate 2025/ --rules 审核规则.csv --json', key: 'example.validateRules' },
];
const report: Example[] = [
  {
    command: `tally report ${CUR} --prior ${PRIOR} --out report.xlsx --md report.md --docx report.docx`,
    key: 'example.report',
  },
  { command: 'tally report 2025/ --prior 2024/ --out 汇总.xlsx', key: 'example.reportFolders' },
];
const template: Example[] = [
  {
    command: 'tally template --out 空白报表.xlsx --units 乡镇名单.txt --period 2026',
    key: 'example.template',
  },
  {
    command: 'tally template --out 空白报表.xlsx --units 乡镇名单.txt --period 2026 --force',
    key: 'example.templateForce',
  },
];

const exporting: Example[] = [
  {
    command: 'tally export 2025/ --prior 2024/ --parquet 两纲数据.parquet',
    key: 'example.export',
  },
];

export const EXAMPLES: Record<ExampleCommand, readonly Example[]> = {
  program: [inspect[0], validate[0], report[0], template[0], exporting[0]].filter(
    (e) => e !== undefined,
  ),
  inspect,
  validate,
  report,
  template,
  export: exporting,
};

/** The help's 示例 — Examples section, with the extra notes (`help.*` keys) after it. */
export function examplesHelp(which: ExampleCommand, notes: readonly MessageKey[] = []): string {
  const lines = [`\n${t('zh', 'help.examples')} ${t('en', 'help.examples')}:`];
  for (const e of EXAMPLES[which]) {
    lines.push(`  ${e.command}`, `      ${t('zh', e.key)} — ${t('en', e.key)}`);
  }
  for (const key of notes) lines.push('', t('zh', key), t('en', key));
  return lines.join('\n');
}
