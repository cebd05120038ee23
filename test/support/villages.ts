import { writeFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * A CSV of `count` villages (村0, 村1, …) whose boys and girls (5 + 4) never add up to the
 * births (10), and a rule table with the one rule they all fail (P-01, an error): `count`
 * findings, worked out by hand, for tests of what is done with many findings.
 */
export function failingVillages(dir: string, name: string, count: number): string {
  const file = path.join(dir, name);
  writeFileSync(
    file,
    [
      '地区,活产数,男婴活产数,女婴活产数',
      ...Array.from({ length: count }, (_, i) => `村${i},10,5,4`),
    ].join('\n'),
  );
  return file;
}

export function sexRuleTable(dir: string): string {
  const file = path.join(dir, 'rules.csv');
  writeFileSync(
    file,
    '编号,规则,级别,说明\nP-01,[男婴活产数] + [女婴活产数] = [活产数],强制,{unit}：男女之和不等于活产数\n',
  );
  return file;
}
