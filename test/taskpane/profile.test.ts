import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { readProfileDir } from '../../src/cli/profile-files';
import { DEFAULT_PROFILE_FILES, formName, loadDefaultProfile } from '../../src/taskpane/profile';

const DIR = path.resolve(__dirname, '../../profiles/lianggang-2021-2030');

describe('the profile bundled into the pane', () => {
  it('holds every file of the profile folder', () => {
    const onDisk = readdirSync(DIR).filter((f) => f.endsWith('.json'));
    expect(Object.keys(DEFAULT_PROFILE_FILES).sort()).toEqual(onDisk.sort());
  });

  it('is the profile the command line reads from disk', () => {
    const { profile } = loadDefaultProfile();
    expect(profile).toEqual(readProfileDir(DIR));
  });

  it('names forms in the pane’s language', () => {
    const { profile } = loadDefaultProfile();
    const fe1 = profile.forms.find((f) => f.id === 'FE1');
    expect(formName(profile, 'FE1', 'zh')).toBe(fe1?.name);
    expect(formName(profile, 'FE1', 'en')).toBe(fe1?.nameEn);
    expect(formName(profile, 'NOPE', 'en')).toBeUndefined();
  });
});
