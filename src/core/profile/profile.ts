import type { z } from 'zod';
import { TallyError } from '../errors';
import { normalizeHeader } from '../read/normalize';
import type { Vocabulary } from '../read/vocabulary';
import { formsFileSchema, profileFileSchema, type FormDef, type ProfileMeta } from './schema';

/** A profile: the forms and items (later: rules, indicators, wording) as plain data. */
export interface Profile {
  meta: ProfileMeta;
  forms: FormDef[];
}

/** The raw contents of a profile's files, by file name, as an adapter read them. */
export type ProfileFiles = Record<string, unknown>;

export class ProfileError extends TallyError {
  override name = 'ProfileError';
}

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
          throw new ProfileError('profile.invalid', {
            file: 'forms.json',
            field: `forms.${f}.items.${i}`,
            detail: `"${name}" also names ${other}`,
          });
        }
        seen.set(key, item.id);
      }
    });
  });
  return { meta, forms };
}

export function vocabularyOf(profile: Profile): Vocabulary {
  return {
    items: profile.forms.flatMap((form) =>
      form.items.map((item) => ({
        id: item.id,
        name: item.name,
        synonyms: item.synonyms,
        unit: item.unit,
        form: form.id,
      })),
    ),
    reportingUnitHeaders: profile.meta.reportingUnitHeaders,
    codeHeaders: profile.meta.codeHeaders,
    totalMarkers: profile.meta.totalMarkers,
  };
}
