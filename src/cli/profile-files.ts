import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import {
  loadProfile,
  ProfileError,
  type Profile,
  type ProfileFiles,
} from '../core/profile/profile';

/** The bundled default profile, next to src/ and lib/. */
export const DEFAULT_PROFILE_DIR = path.resolve(__dirname, '../../profiles/lianggang-2021-2030');

/** Read every .json file of a profile folder and validate it. */
export function readProfileDir(dir: string = DEFAULT_PROFILE_DIR): Profile {
  const files: ProfileFiles = {};
  for (const name of readdirSync(dir)) {
    if (!name.endsWith('.json')) continue;
    const text = readFileSync(path.join(dir, name), 'utf8');
    try {
      files[name] = JSON.parse(text) as unknown;
    } catch (e) {
      throw new ProfileError('profile.invalid', {
        file: path.join(dir, name),
        field: '(JSON)',
        detail: (e as Error).message,
      });
    }
  }
  return loadProfile(files);
}
