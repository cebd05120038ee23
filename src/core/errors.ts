import { t, type Lang, type MessageKey, type Params } from './messages/index';

/**
 * Misuse and unusable input throw a typed error carrying a catalogue key, so every front end
 * shows the same sentence in the user's language. Problems in the data are not thrown: they
 * are findings.
 */
export class TallyError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: Params = {},
    /** Parameters that are themselves catalogue sentences, filled in the reader's language. */
    readonly nested: Record<string, { key: MessageKey; params: Params }> = {},
  ) {
    super(t('en', key, TallyError.resolve('en', params, nested)));
    this.name = 'TallyError';
  }

  private static resolve(lang: Lang, params: Params, nested: TallyError['nested']): Params {
    const out: Params = { ...params };
    for (const [name, m] of Object.entries(nested)) out[name] = t(lang, m.key, m.params);
    return out;
  }

  text(lang: Lang): string {
    return t(lang, this.key, TallyError.resolve(lang, this.params, this.nested));
  }
}

/** The input could not be read at all: a missing, renamed, encrypted or damaged file. */
export class UnreadableInputError extends TallyError {
  override name = 'UnreadableInputError';
}
