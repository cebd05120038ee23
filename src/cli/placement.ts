import { TallyError } from '../core/errors';
import { t, type Lang, type MessageKey, type Params } from '../core/messages/index';

/**
 * Which file went where: this period's forms (the command's files) or the previous period's
 * (`--prior`). The rule is commander's, and the help says it: `--prior` takes the one file or
 * folder right after it, every other file is this period's. This period's files split by a
 * `--prior` (`c1 --prior p1 p2`, what a shell makes of `--prior 2024/*.xlsx`) are refused with
 * both lists shown. Years that do not fit (this period's files of two years, previous data
 * not earlier than this period's) are refused by the engine itself (core/period.ts), so the
 * pane's imports get the same check.
 */

interface Lists {
  prior: readonly string[];
  current: readonly string[];
  suspects?: readonly string[];
}

const join = (lang: Lang, files: readonly string[]): string =>
  files.length === 0 ? t(lang, 'placement.none') : files.join(lang === 'zh' ? '、' : ', ');

/** A TallyError whose file lists are joined the way the reader's language lists things. */
export class PlacementError extends TallyError {
  constructor(
    key: MessageKey,
    private readonly lists: Lists,
    private readonly extra: Params = {},
  ) {
    super(key, { ...extra, ...PlacementError.params('en', lists) });
  }

  private static params(lang: Lang, l: Lists): Params {
    const out: Params = { prior: join(lang, l.prior), current: join(lang, l.current) };
    if (l.suspects) out['suspects'] = join(lang, l.suspects);
    return out;
  }

  override text(lang: Lang): string {
    return t(lang, this.key, { ...this.extra, ...PlacementError.params(lang, this.lists) });
  }
}

/**
 * The command's positional files in runs (files not separated by an option), each with the
 * option whose value comes right before it. `takesValue` says which flags take a value.
 */
export function positionalRuns(
  tokens: readonly string[],
  takesValue: (flag: string) => boolean,
): { after?: { flag: string; value: string }; files: string[] }[] {
  const runs: { after?: { flag: string; value: string }; files: string[] }[] = [];
  let run: (typeof runs)[number] | undefined;
  let after: { flag: string; value: string } | undefined;
  let literal = false;
  for (let i = 0; i < tokens.length; i++) {
    const text = tokens[i] ?? '';
    if (!literal && text === '--') {
      literal = true;
      continue;
    }
    if (!literal && text.startsWith('-') && text.length > 1) {
      const [flag = text] = text.split('=', 1);
      run = undefined;
      after = undefined;
      if (takesValue(flag) && !text.includes('=') && i + 1 < tokens.length) {
        after = { flag, value: tokens[++i] ?? '' };
      }
      continue;
    }
    if (!run) {
      run = after ? { after, files: [] } : { files: [] };
      runs.push(run);
    }
    run.files.push(text);
  }
  return runs;
}

/**
 * Refuse `c1 --prior p1 p2 …` (and `--prior p1 c1 --out x c2`): files right after a `--prior`
 * value while this period's other files are written elsewhere. `--prior p1 c1 c2` alone is the
 * documented rule and passes.
 */
export function checkArgumentOrder(
  tokens: readonly string[],
  takesValue: (flag: string) => boolean,
  parsed: { files: readonly string[]; prior: readonly string[] },
): void {
  const runs = positionalRuns(tokens, takesValue);
  if (runs.length < 2) return;
  const afterPrior = runs.find((r) => r.after?.flag === '--prior');
  if (!afterPrior?.after) return;
  throw new PlacementError(
    'placement.split',
    { prior: parsed.prior, current: parsed.files, suspects: afterPrior.files },
    { value: afterPrior.after.value },
  );
}
