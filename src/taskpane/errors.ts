import { TallyError } from '../core/errors';
import type { Lang } from '../core/messages/index';

/**
 * What went wrong, in words a user can pass on: the engine's own message in the pane's
 * language, or Office's message with its error code (`InvalidOperationInCellEditMode`, …).
 */
export function errorDetail(e: unknown, lang: Lang): string {
  if (e instanceof TallyError) return trimEnd(e.text(lang));
  if (typeof e === 'object' && e !== null && 'message' in e) {
    const message = trimEnd(String((e as { message: unknown }).message));
    const code = (e as { code?: unknown }).code;
    const withCode =
      typeof code === 'string' && code !== '' && !message.includes(code)
        ? `${message} (${code})`
        : message;
    return trimEnd(withCode) || String(e);
  }
  return trimEnd(String(e));
}

/** The catalogue's sentences end in their own full stop. */
function trimEnd(s: string): string {
  return s.trim().replace(/[。．.！!]+$/u, '');
}
