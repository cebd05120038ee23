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
  ) {
    super(t('en', key, params));
    this.name = 'TallyError';
  }

  text(lang: Lang): string {
    return t(lang, this.key, this.params);
  }
}

/** The input could not be read at all: a missing, renamed, encrypted or damaged file. */
export class UnreadableInputError extends TallyError {
  override name = 'UnreadableInputError';
}
