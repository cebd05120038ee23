import { TallyError } from '../errors';
import { t, type Lang, type MessageKey, type Params } from '../messages/index';

/**
 * A problem with a rule: it does not parse, names an unknown function or item, mixes text and
 * numbers… Rule problems are data (they are reported and the other rules run), so they are
 * values carrying a catalogue key, not exceptions.
 */
export interface RuleIssue {
  key: MessageKey;
  params: Params;
  /** Offsets in the rule text as written (UTF-16 code units, end exclusive), when it has a place. */
  start?: number;
  end?: number;
  /** 1-based character of `start`, as a user counts; also in `params.position`. */
  position?: number;
  /** "Did you mean …": a function name (`ROUND`) or an item as written in a rule (`[活产数]`). */
  suggestion?: string;
  /** For syntax errors: what was found and what was expected, localised when rendered. */
  syntax?: { found: Token; expected: Token[] };
}

/** A piece of rule syntax named in a message. */
export type Token =
  | { literal: string }
  | { kind: 'end' | 'number' | 'item' | 'string' | 'function' | 'operator' | 'comparison' };

function tokenText(lang: Lang, token: Token): string {
  if ('literal' in token) return t(lang, 'rules.token.literal', { text: token.literal });
  return t(lang, `rules.token.${token.kind}`);
}

/** The issue as a sentence in the user's language, with its "did you mean" hint. */
export function issueText(lang: Lang, issue: RuleIssue): string {
  const params: Params = { ...issue.params };
  if (issue.syntax) {
    params.found = tokenText(lang, issue.syntax.found);
    const parts = issue.syntax.expected.map((tk) => tokenText(lang, tk));
    const or = lang === 'zh' ? t(lang, 'rules.token.or') : ` ${t(lang, 'rules.token.or')} `;
    const sep = lang === 'zh' ? '、' : ', ';
    params.expected =
      parts.length <= 1
        ? (parts[0] ?? '')
        : parts.slice(0, -1).join(sep) + or + (parts[parts.length - 1] ?? '');
  }
  let text = t(lang, issue.key, params);
  if (issue.suggestion !== undefined) {
    text +=
      (lang === 'zh' ? '' : ' ') + t(lang, 'rules.didYouMean', { suggestion: issue.suggestion });
  }
  return text;
}

/** Thrown by `CompiledRule.evaluate` when the data lacks an item the rule reads. */
export class RuleDataError extends TallyError {
  override name = 'RuleDataError';
  constructor(readonly issue: RuleIssue) {
    super(issue.key, issue.params);
  }
}
