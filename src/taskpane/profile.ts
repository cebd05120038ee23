import { loadProfile } from '../core/profile/load';
import { vocabularyOf, type Profile, type ProfileFiles } from '../core/profile/profile';
import { HeaderIndex } from '../core/read/vocabulary';
import type { Lang } from '../core/messages/index';
import forms from '../../profiles/lianggang-2021-2030/forms.json';
import indicators from '../../profiles/lianggang-2021-2030/indicators.json';
import meta from '../../profiles/lianggang-2021-2030/profile.json';
import rules from '../../profiles/lianggang-2021-2030/rules.json';

/** A profile ready for recognition: the forms and the compiled header index. */
export interface ProfileBundle {
  profile: Profile;
  index: HeaderIndex;
}

/**
 * The default profile's files, bundled into the pane (webpack imports the JSON). Every .json
 * file of the profile folder must be here; test/taskpane/profile.test.ts checks it.
 */
export const DEFAULT_PROFILE_FILES: ProfileFiles = {
  'profile.json': meta,
  'forms.json': forms,
  'indicators.json': indicators,
  'rules.json': rules,
};

export function loadDefaultProfile(): ProfileBundle {
  const profile = loadProfile(DEFAULT_PROFILE_FILES);
  return { profile, index: new HeaderIndex(vocabularyOf(profile)) };
}

/** A form's name in the pane's language. */
export function formName(profile: Profile, id: string, lang: Lang): string | undefined {
  const form = profile.forms.find((f) => f.id === id);
  if (!form) return undefined;
  return lang === 'en' ? form.nameEn : form.name;
}
