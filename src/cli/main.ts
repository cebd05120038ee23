import { Command, CommanderError, Option } from 'commander';
import { TallyError } from '../core/errors';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';
import { vocabularyOf } from '../core/profile/profile';
import { HeaderIndex } from '../core/read/vocabulary';
import { UNIT_SHEETS } from '../core/output/findings';
import { FINDINGS_SHOWN } from './validate-output';
import { inspectCommand } from './inspect';
import { validateCommand, type ValidateOptions } from './validate';
import { exportCommand, type ExportOptions } from './export';
import { reportCommand, type ReportOptions } from './report';
import { templateCommand, type TemplateOptions } from './template';
import { Out } from './output';
import { readProfileDir } from './profile-files';
import { EXIT_UNUSABLE } from './errors';
import { examplesHelp } from './examples';
import { checkArgumentOrder } from './placement';
import { usageErrorText } from './usage-errors';

/** Help text: Chinese first, English second, from the catalogue. */
const h = (key: MessageKey, params?: Params): string =>
  `${t('zh', key, params)} — ${t('en', key, params)}`;

const langOption = () =>
  new Option('--lang <lang>', h('help.lang')).choices(['zh', 'en']).default('zh');

/** `--prior FILE`, repeatable: each one adds a file (or folder); it never takes two. */
const priorOption = () =>
  new Option('--prior <file>', h('help.priorFile')).argParser(
    (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
  );

/** commander's headings and option notes, in the catalogue's words. */
const TITLES: Record<string, MessageKey> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Commands:': 'help.title.commands',
  'Global Options:': 'help.title.globalOptions',
};

/** An option's description, with its default said in both languages (choices are in the text). */
function optionDescription(option: Option): string {
  if (!(option.required || option.optional) || option.defaultValue === undefined)
    return option.description;
  const value = String(option.defaultValue);
  return `${option.description}（${t('zh', 'help.default', { value })} — ${t('en', 'help.default', { value })}）`;
}

/** The bundled profile and the header index built from it: what every command reads with. */
function engine() {
  const profile = readProfileDir();
  return { profile, index: new HeaderIndex(vocabularyOf(profile)) };
}

/** The --lang of the command line, for errors raised before or outside a command's own output. */
function langOf(argv: readonly string[]): Lang {
  const i = argv.indexOf('--lang');
  const value =
    i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  return value === 'en' ? 'en' : 'zh';
}

/** The tokens after a sub-command's name, and which of its flags take a value. */
function tokensOf(cmd: Command, argv: readonly string[]) {
  const args = argv.slice(2);
  const at = args.indexOf(cmd.name());
  const takes = new Set(
    cmd.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]),
  );
  return { tokens: at >= 0 ? args.slice(at + 1) : [], takesValue: (f: string) => takes.has(f) };
}

function build(argv: readonly string[], out: Out, err: Out, done: (code: number) => void): Command {
  const program = new Command()
    .name('tally')
    .description(h('help.program'))
    .version('0.1.0', '-V, --version', h('help.version'))
    .helpOption('-h, --help', h('help.help'))
    .helpCommand('help [command]', h('help.helpCommand'))
    .exitOverride()
    .configureHelp({
      styleTitle: (title: string) => {
        const key = TITLES[title];
        return key ? `${t('zh', key)} ${t('en', key)}:` : title;
      },
      optionDescription,
    })
    .configureOutput({
      writeOut: (s) => out.line(s.trimEnd()),
      writeErr: (s) => err.line(s.trimEnd()),
      // Usage errors are printed by main(), as one catalogue sentence.
      outputError: () => undefined,
    })
    .addHelpText('after', examplesHelp('program', ['help.priorRule', 'help.exitCodes']));

  const sub = (name: string, description: MessageKey) =>
    program.command(name).description(h(description)).helpOption('-h, --help', h('help.help'));

  sub('inspect', 'help.inspect')
    .argument('<files...>', h('help.inputs'))
    .option('--json', h('help.json'))
    .addOption(langOption())
    .addHelpText('after', examplesHelp('inspect'))
    .action(async (files: string[], opts: { json?: boolean; lang: Lang }) => {
      const o = { json: opts.json === true, lang: opts.lang };
      done(await inspectCommand(files, o, { ...engine(), out, err }));
    });

  sub('validate', 'help.validate')
    .argument('<files...>', h('help.inputs'))
    .option('--rules <file>', h('help.rules'))
    .option('--sheet <name>', h('help.sheet'))
    .addOption(priorOption())
    .option('--all-rules', h('help.allRules'))
    .option('--all-findings', h('help.allFindings', { most: FINDINGS_SHOWN }))
    .option('--export <file.xlsx>', h('help.export', { most: UNIT_SHEETS }))
    .option('--json', h('help.json'))
    .addOption(langOption())
    .addHelpText('after', examplesHelp('validate', ['help.priorRule']))
    .action(async (files: string[], opts: ValidateOptions, cmd: Command) => {
      const { tokens, takesValue } = tokensOf(cmd, argv);
      checkArgumentOrder(tokens, takesValue, { files, prior: opts.prior ?? [] });
      const o = { ...opts, json: opts.json === true };
      done(await validateCommand(files, o, { ...engine(), out, err }));
    });

  sub('report', 'help.report')
    .argument('<files...>', h('help.currentFiles'))
    .addOption(priorOption())
    .option('--period <year>', h('help.period'))
    .option('--region <name>', h('help.region'))
    .option('--out <file.xlsx>', h('help.out'))
    .option('--md <file.md>', h('help.md'))
    .option('--docx <file.docx>', h('help.docx'))
    .option('--targets <file>', h('help.targets'))
    .addOption(
      new Option('--stage <stage>', h('help.stage'))
        .choices(['annual', 'midterm'])
        .default('annual'),
    )
    .option('--json', h('help.json'))
    .addOption(langOption())
    .addHelpText('after', examplesHelp('report', ['help.priorRule']))
    .action(async (files: string[], opts: ReportOptions, cmd: Command) => {
      const { tokens, takesValue } = tokensOf(cmd, argv);
      checkArgumentOrder(tokens, takesValue, { files, prior: opts.prior ?? [] });
      const o = { ...opts, json: opts.json === true };
      done(await reportCommand(files, o, { ...engine(), out, err }));
    });

  sub('export', 'help.exportCommand')
    .argument('<files...>', h('help.currentFiles'))
    .addOption(priorOption())
    .option('--period <year>', h('help.period'))
    .option('--region <name>', h('help.region'))
    .option('--parquet <file.parquet>', h('help.parquet'))
    .option('--csv <file.csv>', h('help.csv'))
    .addOption(langOption())
    .addHelpText('after', examplesHelp('export', ['help.priorRule']))
    .action(async (files: string[], opts: ExportOptions, cmd: Command) => {
      const { tokens, takesValue } = tokensOf(cmd, argv);
      checkArgumentOrder(tokens, takesValue, { files, prior: opts.prior ?? [] });
      done(await exportCommand(files, opts, { ...engine(), out, err }));
    });

  sub('template', 'help.template')
    .requiredOption('--out <file.xlsx>', h('help.templateOut'))
    .option('--units <list|file>', h('help.units'))
    .option('--period <year>', h('help.year'), String(new Date().getFullYear() - 1))
    .option('--force', h('help.force'))
    .addOption(langOption())
    .addHelpText('after', examplesHelp('template'))
    .action(async (opts: TemplateOptions) => {
      done(await templateCommand(opts, { profile: readProfileDir(), out, err }));
    });

  return program;
}

/** Run the CLI; resolves to the exit code. Never prints a stack trace for bad input. */
export async function main(
  argv: string[],
  out = new Out(process.stdout),
  err = new Out(process.stderr),
): Promise<number> {
  let exitCode = 0;
  const program = build(argv, out, err, (code) => (exitCode = code));
  try {
    await program.parseAsync(argv);
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.exitCode === 0) return 0;
      // `tally` alone: the help was shown (on stderr); nothing else to say.
      if (e.code === 'commander.help') return EXIT_UNUSABLE;
      const cmd = program.commands.find((c) => argv.slice(2).includes(c.name()));
      const takesValue = cmd ? tokensOf(cmd, argv).takesValue : undefined;
      const text = usageErrorText(e, argv.slice(2), langOf(argv), takesValue);
      err.line(err.style('red', 'tally: ') + text);
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
