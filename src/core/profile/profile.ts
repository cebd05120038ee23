import { TallyError } from '../errors';
import type { Vocabulary } from '../read/vocabulary';
import type { FormDef, IndicatorDef, ProfileMeta, RuleDef } from './schema';

/** A profile: the forms and items (later: rules, indicators, wording) as plain data. */
export interface Profile {
  meta: ProfileMeta;
  forms: FormDef[];
  indicators: IndicatorDef[];
  rules: RuleDef[];
}

/** The raw contents of a profile's files, by file name, as an adapter read them. */
export type ProfileFiles = Record<string, unknown>;

export class ProfileError extends TallyError {
  override name = 'ProfileError';
}

export function vocabularyOf(profile: Profile): Vocabulary {
  return {
    items: profile.forms.flatMap((form) =>
      form.items.map((item) => ({
        id: item.id,
        name: item.name,
        synonyms: item.synonyms,
        unit: item.unit,
        ...(item.conversions ? { conversions: item.conversions } : {}),
        form: form.id,
      })),
    ),
    reportingUnitHeaders: profile.meta.reportingUnitHeaders,
    codeHeaders: profile.meta.codeHeaders,
    totalMarkers: profile.meta.totalMarkers,
  };
}
