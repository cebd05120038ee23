import type { z } from 'zod';
import type { MessageKey, Params } from '../messages/index';
import { normalizeHeader } from '../read/normalize';
import { ProfileError, type Profile, type ProfileFiles } from './profile';
import {
  formsFileSchema,
  indicatorsFileSchema,
  profileFileSchema,
  rulesFileSchema,
} from './schema';

/**
 * A profile's files checked against the schema (zod) and against each other: items named
 * twice, indicators over unknown items, rules scoped to unknown forms. Apart from profile.ts so
 * that what only reads a profile does not load the schema (zod's 80 ms at start-up).
 */

function check<T>(schema: z.ZodType<T>, file: string, data: unknown): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue ? issue.path.join('.') : '';
  throw new ProfileError('profile.invalid', {
    file,
    field: field || '(root)',
    detail: issue?.message ?? '',
  });
}

function invalid(file: string, field: string, key: MessageKey, params: Params): ProfileError {
  return new ProfileError('profile.invalid', { file, field }, { detail: { key, params } });
}

export function loadProfile(files: ProfileFiles): Profile {
  const meta = check(profileFileSchema, 'profile.json', files['profile.json']);
  const { forms } = check(formsFileSchema, 'forms.json', files['forms.json']);
  const seen = new Map<string, string>();
  forms.forEach((form, f) => {
    form.items.forEach((item, i) => {
      for (const name of [item.name, item.id, ...item.synonyms]) {
        const key = normalizeHeader(name);
        const other = seen.get(key);
        if (other !== undefined && other !== item.id) {
          throw invalid('forms.json', `forms.${f}.items.${i}`, 'profile.nameClash', {
            name,
            other,
          });
        }
        seen.set(key, item.id);
      }
    });
  });
  const itemIds = new Set(forms.flatMap((f) => f.items.map((i) => i.id)));
  const formIds = new Set(forms.map((f) => f.id));
  const { indicators } = check(
    indicatorsFileSchema,
    'indicators.json',
    files['indicators.json'] ?? { indicators: [] },
  );
  const ids = new Set<string>();
  indicators.forEach((ind, i) => {
    const at = (field: string, key: MessageKey, params: Params) =>
      invalid('indicators.json', `indicators.${i}.${field}`, key, params);
    if (ids.has(ind.id)) throw at('id', 'profile.duplicateId', { id: ind.id });
    ids.add(ind.id);
    for (const field of ['numerator', 'denominator'] as const) {
      if (!itemIds.has(ind[field])) throw at(field, 'profile.unknownItem', { name: ind[field] });
    }
  });
  const { rules } = check(rulesFileSchema, 'rules.json', files['rules.json'] ?? { rules: [] });
  const ruleIds = new Set<string>();
  rules.forEach((rule, i) => {
    const at = (field: string, key: MessageKey, params: Params) =>
      invalid('rules.json', `rules.${i}.${field}`, key, params);
    if (ruleIds.has(rule.id)) throw at('id', 'profile.duplicateId', { id: rule.id });
    ruleIds.add(rule.id);
    if (rule.scope !== undefined && !formIds.has(rule.scope)) {
      throw at('scope', 'profile.unknownForm', { name: rule.scope });
    }
  });
  return { meta, forms, indicators, rules };
}
