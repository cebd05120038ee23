import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  DOMAIN_FORMS,
  DOMAIN_INDICATORS,
  domainRulesWithAdded,
  domainItemsWithAdded,
} from '../../support/domain';
import { defaultProfile, ROOT } from '../../support/fixtures';

// The generator is a plain CommonJS script; the test uses the same function it does.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateDocs } = require('../../../scripts/gen-docs.js') as {
  generateDocs(dir?: string): { markdown: string; path: string };
};

const DOC = path.join(ROOT, 'docs', 'profile.md');
const doc = readFileSync(DOC, 'utf8');

/** The cells of a Markdown table row, `\|` unescaped. */
function cells(line: string): string[] {
  return line
    .replace(/^\|\s?/, '')
    .replace(/\s?\|$/, '')
    .split(/\s\|\s/)
    .map((c) => c.replace(/\\\|/g, '|'));
}

/** Rows of the tables under each `### ` heading, keyed by the heading's first word. */
function tablesByHeading(markdown: string): Map<string, string[][]> {
  const out = new Map<string, string[][]>();
  let key = '';
  for (const line of markdown.split('\n')) {
    const h = /^#{2,3} (\S+)/.exec(line);
    if (h) {
      key = h[1] ?? '';
      continue;
    }
    if (!line.startsWith('| ') || line.startsWith('| ---') || line.startsWith('| id |')) continue;
    out.set(key, [...(out.get(key) ?? []), cells(line)]);
  }
  return out;
}

const tables = tablesByHeading(doc);
const profile = defaultProfile();

describe('docs/profile.md', () => {
  test('is what scripts/gen-docs.js makes from the profile today (run npm run gen:docs)', () => {
    const { markdown, path: out } = generateDocs();
    expect(out).toBe(DOC);
    expect(doc).toBe(markdown);
  });

  test('lists every form and item of items.md with every synonym and unit, in order', () => {
    const headings = [...doc.matchAll(/^### (FE\d) (\S+) — .* \((.+)\)$/gm)].map((m) => [
      m[1],
      m[2],
      m[3],
    ]);
    expect(headings).toEqual(DOMAIN_FORMS);
    for (const [form, items] of Object.entries(domainItemsWithAdded())) {
      const rows = tables.get(form) ?? [];
      expect({ form, items: rows.map(([id, name, syn]) => [id, name, syn?.split(', ')]) }).toEqual({
        form,
        items,
      });
      // Units as the profile has them (every item of the default profile counts persons or units).
      const def = profile.forms.find((f) => f.id === form);
      expect(rows.map((r) => r[3])).toEqual(def?.items.map((i) => i.unit));
    }
  });

  test('lists the 27 indicators of indicators.md with formula, scale, unit and direction', () => {
    const rows = [...(tables.get('妇女发展纲要') ?? []), ...(tables.get('儿童发展纲要') ?? [])];
    const parsed = rows.map(([id, name, , formula, scaleUnit, , dir]) => {
      const [num, den] = (formula ?? '').split(' / ');
      const m = /^×(\d+), (.+)$/.exec(scaleUnit ?? '');
      return [id, name, num, den, Number(m?.[1]), m?.[2], dir];
    });
    expect(parsed).toEqual(DOMAIN_INDICATORS);
    // Targets as a reader checks them, written out by hand from indicators.json.
    const target = new Map(rows.map((r) => [r[0], r[5]]));
    expect(target.get('W01')).toBe('≤ 12');
    expect(target.get('W03')).toBe('≥ 70');
    expect(target.get('W04')).toBe('rising');
    // C04 reads "4%以下": ≤, as indicators.md's Corrections section has it (not the table's <).
    expect(target.get('C04')).toBe('≤ 4');
    // C05 出生人口性别比 is monitored without a 纲要 target (Corrections): 103–107 is a normal
    // range for the audit, not a goal.
    expect(target.get('C05')).toBe('none (monitored only)');
    expect(target.get('W05')).toBe('none (monitored only)');
    expect(target.get('C16')).toMatch(/^relative: 20% below 2020/);
    // Every indicator's source and verification are there, as the profile says.
    expect(rows.map((r) => [r[0], r[10], r[11]])).toEqual(
      profile.indicators.map((i) => [i.id, i.verified ? 'yes' : 'no', i.source]),
    );
  });

  test('lists the 28 default rules of rules.md word for word, and the added, with scope and messages', () => {
    const rows = tables.get('Default') ?? [];
    expect(rows.map(([id, rule, severity]) => [id, rule?.replace(/^`|`$/g, ''), severity])).toEqual(
      domainRulesWithAdded(),
    );
    expect(rows.map((r) => [r[3], r[6], r[7]])).toEqual(
      profile.rules.map((r) => [r.scope ?? '—', r.message, r.messageEn ?? '']),
    );
  });

  test('the check can fail: a profile with one synonym fewer gives another document', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'tally-docs-'));
    cpSync(path.join(ROOT, 'profiles', 'lianggang-2021-2030'), dir, { recursive: true });
    const file = path.join(dir, 'forms.json');
    const forms = JSON.parse(readFileSync(file, 'utf8')) as {
      forms: { items: { synonyms: string[] }[] }[];
    };
    forms.forms[0]?.items[0]?.synonyms.pop(); // 活产数 loses 活产婴儿数
    writeFileSync(file, JSON.stringify(forms));
    const { markdown } = generateDocs(dir);
    expect(markdown).not.toBe(doc);
    expect(markdown).toContain('| live_births | 活产数 | 活产儿数 | 人 |');
    expect(doc).toContain('| live_births | 活产数 | 活产儿数, 活产婴儿数 | 人 |');
  });
});
