import { TallyError } from '../core/errors';
import type { Lang } from '../core/messages/index';
import type { Out } from './output';

/** Exit code for unusable input or rules. */
export const EXIT_UNUSABLE = 2;

/**
 * Print a one-line message for input Tally cannot use and return exit code 2. Anything that is
 * not a TallyError is a bug: it is re-thrown so it is never disguised as bad input.
 */
export function reportUnreadable(e: unknown, lang: Lang, err: Out): number {
  if (e instanceof TallyError) {
    err.line(err.style('red', 'tally: ') + e.text(lang));
    return EXIT_UNUSABLE;
  }
  throw e;
}
