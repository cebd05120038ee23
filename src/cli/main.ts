import { Command, CommanderError, Option } from 'commander';
import { TallyError } from '../core/errors';
import { t, type Lang, type MessageKey } from '../core/messages/index';
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
  new Option('--lang <lang>', h('help.lang')).choices(['zh', 'en']).default('zh');

/** The bundled profile and the header index built from it: what every command reads with. */
function engine() {
  const profile = readProfileDir();
  return { profile, index: new HeaderIndex(vocabularyOf(profile)) };
}

/** Help text: Chinese first, English second, from the catalogue. */
const h = (key: MessageKey): string => `${t('zh', key)} — ${t('en', key)}`;

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
    .description(h('help.program'))
    .version('0.1.0')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => out.line(s.trimEnd()),
      writeErr: (s) => err.line(s.trimEnd()),
      // Usage errors are printed below, as one catalogue sentence.
      outputError: () => undefined,
    });

  program
    .command('inspect')
    .description(h('help.inspect'))
    .argument('<files...>', h('help.files'))
    .option('--json', h('help.json'), false)
    .addOption(langOption())
    .action(async (files: string[], opts: { json: boolean; lang: Lang }) => {
      exitCode = await inspectCommand(files, opts, { ...engine(), out, err });
    });

  program
    .command('validate')
    .description(h('help.validate'))
    .argument('<files...>', h('help.files'))
    .option('--rules <file>', h('help.rules'))
    .option('--sheet <name>', h('help.sheet'))
    .option('--prior <files...>', h('help.priorAudit'))
    .option('--json', h('help.json'), false)
    .addOption(langOption())
    .action(async (files: string[], opts: ValidateOptions) => {
      exitCode = await validateCommand(files, opts, { ...engine(), out, err });
    });

  program
    .command('report')
    .description(h('help.report'))
    .argument('<files...>', h('help.current'))
    .option('--prior <files...>', h('help.prior'))
    .option('--period <year>', h('help.period'))
    .option('--region <name>', h('help.region'))
    .option('--out <file.xlsx>', h('help.out'))
    .option('--md <file.md>', h('help.md'))
    .option('--json', h('help.json'), false)
    .addOption(langOption())
    .action(async (files: string[], opts: ReportOptions) => {
      exitCode = await reportCommand(files, opts, { ...engine(), out, err });
    });

  program
    .command('template')
    .description(h('help.template'))
    .requiredOption('--out <file.xlsx>', h('help.templateOut'))
    .option('--units <list|file>', h('help.units'))
    .option('--period <year>', h('help.year'), String(new Date().getFullYear() - 1))
    .addOption(langOption())
    .action(async (opts: TemplateOptions) => {
      exitCode = await templateCommand(opts, { profile: readProfileDir(), out, err });
    });

  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      const detail = e.message.replace(/^error:\s*/, '');
      err.line(err.style('red', 'tally: ') + t(langOf(argv), 'cli.usageError', { detail }));
      return EXIT_UNUSABLE;
    }
    if (e instanceof TallyError) {
      err.line(err.style('red', 'tally: ') + e.text(langOf(argv)));
      return EXIT_UNUSABLE;
    }
    throw e;
  }
  return exitCode;
}
