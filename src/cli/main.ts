import { Command, CommanderError, Option } from 'commander';
import { TallyError } from '../core/errors';
import type { Lang } from '../core/messages/index';
import { vocabularyOf } from '../core/profile/profile';
import { HeaderIndex } from '../core/read/vocabulary';
import { inspectCommand } from './inspect';
import { validateCommand, type ValidateOptions } from './validate';
import { reportCommand, type ReportOptions } from './report';
import { templateCommand, type TemplateOptions } from './template';
import { Out } from './output';
import { readProfileDir } from './profile-files';
import { EXIT_UNUSABLE } from './errors';

const langOption = () =>
  new Option('--lang <lang>', '输出语言 language of the output (zh|en)')
    .choices(['zh', 'en'])
    .default('zh');

/** The --lang of the command line, for errors raised before or outside a command's own output. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value =
    i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** Run the CLI; resolves to the exit code. Never prints a stack trace for bad input. */
export async function main(
  argv: string[],
  out = new Out(process.stdout),
  err = new Out(process.stderr),
): Promise<number> {
  let exitCode = 0;
  const program = new Command()
    .name('tally')
    .description(
      'Tally：两纲监测报表审核与指标汇总 — audit monitoring forms and roll up the indicators',
    )
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.line(s.trimEnd()),
      writeErr: (s) => err.line(s.trimEnd()),
    });

  program
    .command('inspect')
    .description(
      '列出每个工作表识别出的表头、数据项和数值提示 — show what Tally recognises in each sheet',
    )
    .argument('<files...>', '.xlsx 或 .csv 文件 — .xlsx or .csv files')
    .option('--json', '输出 JSON — machine-readable output', false)
    .addOption(langOption())
    .action(async (files: string[], opts: { json: boolean; lang: Lang }) => {
      const profile = readProfileDir();
      const index = new HeaderIndex(vocabularyOf(profile));
      exitCode = await inspectCommand(files, opts, { profile, index, out, err });
    });

  program
    .command('validate')
    .description('审核报表：表内、表间、历史和完整性审核 — audit the forms')
    .argument('<files...>', '.xlsx 或 .csv 文件 — .xlsx or .csv files')
    .option(
      '--rules <file>',
      '审核规则表（.csv 或 .xlsx）；默认用工作簿中的“审核规则”表或内置规则 — a rule table',
    )
    .option('--sheet <name>', '只审核这个工作表 — audit only this sheet')
    .option('--prior <files...>', '上期数据，用于历史审核 — the previous period, for history rules')
    .option('--json', '输出 JSON — machine-readable output', false)
    .addOption(langOption())
    .action(async (files: string[], opts: ValidateOptions) => {
      const profile = readProfileDir();
      const index = new HeaderIndex(vocabularyOf(profile));
      exitCode = await validateCommand(files, opts, { profile, index, out, err });
    });

  program
    .command('report')
    .description(
      '审核、汇总并计算两纲指标，生成汇总表和监测报告 — audit, roll up, assess and write the report',
    )
    .argument('<files...>', "本期报表 .xlsx 或 .csv — this period's forms")
    .option('--prior <files...>', "上期数据 — the previous period's forms")
    .option(
      '--period <year>',
      "监测年份，默认从表头标题识别 — the period (default: from the forms' titles)",
    )
    .option(
      '--region <name>',
      "地区名称（无区划层级时使用）— the area's name when the hierarchy has no single root",
    )
    .option(
      '--out <file.xlsx>',
      '写出汇总表和报告工作簿 — write the summary and narrative workbook',
    )
    .option('--md <file.md>', '写出 Markdown 报告 — write the narrative as Markdown')
    .option('--json', '输出 JSON — machine-readable output', false)
    .addOption(langOption())
    .action(async (files: string[], opts: ReportOptions) => {
      const profile = readProfileDir();
      const index = new HeaderIndex(vocabularyOf(profile));
      exitCode = await reportCommand(files, opts, { profile, index, out, err });
    });

  program
    .command('template')
    .description('生成空白报表模板 — write the blank forms to hand out')
    .requiredOption('--out <file.xlsx>', '输出文件 — the workbook to write')
    .option(
      '--units <list|file>',
      '填报单位：逗号分隔，或每行一个的文本文件（可带12位代码）— reporting units',
    )
    .option('--period <year>', '年份 — the period', String(new Date().getFullYear() - 1))
    .addOption(langOption())
    .action(async (opts: TemplateOptions) => {
      exitCode = await templateCommand(opts, { profile: readProfileDir(), out });
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_UNUSABLE;
    if (e instanceof TallyError) {
      err.line(err.style('red', 'tally: ') + e.text(langOf(argv)));
      return EXIT_UNUSABLE;
    }
    throw e;
  }
  return exitCode;
}
