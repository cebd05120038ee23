import type { CommanderError } from 'commander';
import { t, type Lang } from '../core/messages/index';
import { positionalRuns } from './placement';

const COMMANDS = ['inspect', 'validate', 'report', 'template'];

/** The first quoted name in commander's message (`'--prior <file>'` → `--prior`). */
function quoted(message: string, at = 0): string {
  const all = [...message.matchAll(/'([^']*)'/g)].map((m) => m[1] ?? '');
  return (all[at] ?? '').split(' ')[0] ?? '';
}

/** The values given to `--prior` on a command line, as commander would read them. */
function priorValues(args: readonly string[]): string[] {
  const out: string[] = [];
  args.forEach((a, i) => {
    if (a === '--prior' && args[i + 1] !== undefined) out.push(args[i + 1] ?? '');
    else if (a.startsWith('--prior=')) out.push(a.slice('--prior='.length));
  });
  return out;
}

/**
 * A usage error as one catalogue sentence in the reader's language; commander's own English
 * message stays inside only for a case the catalogue does not name.
 */
export function usageErrorText(
  e: CommanderError,
  args: readonly string[],
  lang: Lang,
  takesValue: (flag: string) => boolean = () => false,
): string {
  const command = args.find((a) => COMMANDS.includes(a)) ?? '';
  const rest = command ? args.slice(args.indexOf(command) + 1) : [];
  switch (e.code) {
    case 'commander.missingArgument': {
      const prior = priorValues(rest);
      return prior.length > 0
        ? t(lang, 'usage.missingCurrent', {
            prior: prior.join(lang === 'zh' ? '、' : ', '),
            command,
          })
        : t(lang, 'usage.missingFiles', { command });
    }
    case 'commander.unknownOption': {
      const hint = /Did you mean (\S+?)\?/.exec(e.message)?.[1];
      return t(lang, 'usage.unknownOption', {
        option: quoted(e.message),
        command,
        hint: hint ? t(lang, 'usage.didYouMean', { option: hint }) : '',
      });
    }
    case 'commander.optionMissingArgument':
      return t(lang, 'usage.optionValue', { option: quoted(e.message), command });
    case 'commander.missingMandatoryOptionValue':
      return t(lang, 'usage.requiredOption', { option: quoted(e.message), command });
    case 'commander.invalidArgument': {
      const choices = /Allowed choices are (.*)\./.exec(e.message)?.[1] ?? '';
      return t(lang, 'usage.badChoice', {
        option: quoted(e.message),
        value: quoted(e.message, 1),
        choices: choices.split(', ').join(lang === 'zh' ? '、' : ', '),
      });
    }
    case 'commander.unknownCommand':
      return t(lang, 'usage.unknownCommand', { name: quoted(e.message) });
    case 'commander.excessArguments': {
      const extra = positionalRuns(rest, takesValue)
        .flatMap((r) => r.files)
        .join(' ');
      return t(lang, 'usage.excessArguments', { command, extra });
    }
    default:
      return t(lang, 'cli.usageError', { detail: e.message.replace(/^error:\s*/, '') });
  }
}
