import { Command, CommanderError, Option } from 'commander';
import { TallyError } from '../core/errors';
import type { Lang } from '../core/messages/index';
import { vocabularyOf } from '../core/profile/profile';
import { HeaderIndex } from '../core/read/vocabulary';
import { inspectCommand } from './inspect';
import { Out } from './output';
import { readProfileDir } from './profile-files';
import { EXIT_UNUSABLE } from './errors';

const langOption = () =>
  new Option('--lang <lang>', '输出语言 language of the output (zh|en)')
    .choices(['zh', 'en'])
    .default('zh');

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

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : EXIT_UNUSABLE;
    if (e instanceof TallyError) {
      err.line('tally: ' + e.text('zh'));
      return EXIT_UNUSABLE;
    }
    throw e;
  }
  return exitCode;
}
