import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import type * as Load from '../core/profile/load';
import { ProfileError, type Profile, type ProfileFiles } from '../core/profile/profile';

/** The bundled default profile, next to src/ and lib/. */
export const DEFAULT_PROFILE_DIR = path.resolve(__dirname, '../../profiles/lianggang-2021-2030');

/**
 * The bundled profile as the build checked it (`npm run build:cli` runs
 * scripts/check-profile.js after tsc): its files' digest and the profile the full check gave.
 * A run whose profile files, schema and checks have that digest takes the profile from here and
 * never loads the schema library (zod, about 80 ms of every start); any other folder, or these
 * files edited, gets the full check.
 */
export const CHECKED_PROFILE = path.join(__dirname, 'profile-checked.json');

interface Checked {
  digest: string;
  profile: Profile;
}

/** The full check, loaded only when the build's result does not apply. */
function load(): typeof Load {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('../core/profile/load') as typeof Load;
}

/**
 * The code that decides what a profile's files give: the schema, the cross-checks and the
 * header folding they compare names by (so a build's file made by other code never stands).
 */
function checkerSources(): string {
  return ['../core/profile/schema', '../core/profile/load', '../core/read/normalize']
    .map((m) => readFileSync(require.resolve(m), 'utf8'))
    .join('\0');
}

/** Every .json file of a profile folder, by name (sorted), as text. */
function profileTexts(dir: string): [string, string][] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => [name, readFileSync(path.join(dir, name), 'utf8')]);
}

/** A digest of the files' names and texts and of the code that checks them. */
function digestOf(texts: readonly [string, string][]): string {
  const h = createHash('sha256');
  h.update(checkerSources());
  for (const [name, text] of texts) h.update(`\0${name}\0${text.length}\0${text}`);
  return h.digest('hex');
}

/** The build's checked profile when its digest is `digest`, else undefined (absent, stale, unreadable). */
function readChecked(file: string, digest: string): Profile | undefined {
  try {
    const checked = JSON.parse(readFileSync(file, 'utf8')) as Partial<Checked>;
    return checked.digest === digest ? checked.profile : undefined;
  } catch {
    return undefined;
  }
}

/** The files parsed as JSON and put through the full check. */
function fullCheck(dir: string, texts: readonly [string, string][]): Profile {
  const files: ProfileFiles = {};
  for (const [name, text] of texts) {
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
  return load().loadProfile(files);
}

/**
 * Read every .json file of a profile folder and validate it; the build's result stands for the
 * check when it was made from these very files by this very code (`checked`: where it is).
 */
export function readProfileDir(
  dir: string = DEFAULT_PROFILE_DIR,
  checked: string = CHECKED_PROFILE,
): Profile {
  const texts = profileTexts(dir);
  const digest = digestOf(texts);
  return readChecked(checked, digest) ?? fullCheck(dir, texts);
}

/** The full check of a profile folder with its digest: what scripts/check-profile.js writes. */
export function checkProfileDir(dir: string = DEFAULT_PROFILE_DIR): Checked {
  const texts = profileTexts(dir);
  return { digest: digestOf(texts), profile: fullCheck(dir, texts) };
}
