import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { WorkbookData } from '../../src/core/model/workbook';
import { vocabularyOf, type Profile } from '../../src/core/profile/profile';
import { HeaderIndex } from '../../src/core/read/vocabulary';
import { readProfileDir } from '../../src/cli/profile-files';
import { parseXlsx } from '../../src/xlsx/parse';

export const ROOT = path.resolve(__dirname, '..', '..');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');

export function fixturePath(...parts: string[]): string {
  return path.join(FIXTURES, ...parts);
}

export async function loadXlsx(...parts: string[]): Promise<WorkbookData> {
  const file = fixturePath(...parts);
  return parseXlsx(new Uint8Array(readFileSync(file)), file);
}

let profile: Profile | undefined;
export function defaultProfile(): Profile {
  profile ??= readProfileDir();
  return profile;
}

export function defaultIndex(): HeaderIndex {
  return new HeaderIndex(vocabularyOf(defaultProfile()));
}
