import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { checkProfileDir, DEFAULT_PROFILE_DIR, readProfileDir } from '../../src/cli/profile-files';
import { loadProfile } from '../../src/core/profile/load';
import { ProfileError, type Profile } from '../../src/core/profile/profile';

/**
 * The build's checked profile (scripts/check-profile.js) stands for the full check only when it
 * was made from the very files a run reads: these tests write it to a folder of their own.
 */
let dir: string;
let profileDir: string;
let checkedFile: string;

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'tally-profile-'));
  profileDir = path.join(dir, 'profile');
  cpSync(DEFAULT_PROFILE_DIR, profileDir, { recursive: true });
  checkedFile = path.join(dir, 'profile-checked.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** The full check of the folder's files, read here as JSON (not through profile-files.ts). */
function fullCheck(folder: string): Profile {
  const files: Record<string, unknown> = {};
  for (const name of readdirSync(folder))
    if (name.endsWith('.json'))
      files[name] = JSON.parse(readFileSync(path.join(folder, name), 'utf8')) as unknown;
  return loadProfile(files);
}

test('the checked profile is the full check, and reads back from JSON as it was made', () => {
  const checked = checkProfileDir(profileDir);
  expect(checked.digest).toMatch(/^[0-9a-f]{64}$/);
  expect(checked.profile).toStrictEqual(fullCheck(profileDir));
  // What the build writes is JSON: nothing of the profile (undefined, a Map) is lost on the way.
  expect(JSON.parse(JSON.stringify(checked.profile))).toStrictEqual(checked.profile);
});

test('a run takes the checked profile when its digest is that of the files it reads', () => {
  const checked = checkProfileDir(profileDir);
  // A marked copy: only the checked file can have given it.
  const marked = { ...checked.profile, meta: { ...checked.profile.meta, name: 'from the build' } };
  writeFileSync(checkedFile, JSON.stringify({ digest: checked.digest, profile: marked }));
  expect(readProfileDir(profileDir, checkedFile).meta.name).toBe('from the build');
});

test('a file edited after the build, or a checked file unreadable, gets the full check', () => {
  const checked = checkProfileDir(profileDir);
  const marked = { ...checked.profile, meta: { ...checked.profile.meta, name: 'from the build' } };
  writeFileSync(checkedFile, JSON.stringify({ digest: checked.digest, profile: marked }));
  const file = path.join(profileDir, 'profile.json');
  const meta = JSON.parse(readFileSync(file, 'utf8')) as { name: string };
  writeFileSync(file, JSON.stringify({ ...meta, name: '本地修改的方案' }));
  expect(readProfileDir(profileDir, checkedFile).meta.name).toBe('本地修改的方案');
  // A file added to the folder changes the digest too.
  writeFileSync(file, JSON.stringify(meta));
  writeFileSync(path.join(profileDir, 'extra.json'), '{}');
  expect(readProfileDir(profileDir, checkedFile).meta.name).toBe(meta.name);
  rmSync(path.join(profileDir, 'extra.json'));
  writeFileSync(checkedFile, '{ not json');
  expect(readProfileDir(profileDir, checkedFile)).toStrictEqual(fullCheck(profileDir));
  expect(readProfileDir(profileDir, path.join(dir, 'absent.json'))).toStrictEqual(
    fullCheck(profileDir),
  );
});

test('an invalid profile is refused as before, whatever checked file lies beside it', () => {
  writeFileSync(checkedFile, JSON.stringify(checkProfileDir(profileDir)));
  const file = path.join(profileDir, 'indicators.json');
  const data = JSON.parse(readFileSync(file, 'utf8')) as { indicators: { numerator: string }[] };
  (data.indicators[0] as { numerator: string }).numerator = '没有这个指标项';
  writeFileSync(file, JSON.stringify(data));
  expect(() => readProfileDir(profileDir, checkedFile)).toThrow(ProfileError);
  writeFileSync(file, '{ broken');
  expect(() => readProfileDir(profileDir, checkedFile)).toThrow(/indicators\.json/);
});
