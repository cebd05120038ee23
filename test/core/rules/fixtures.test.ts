/**
 * Rule fixtures in the style of R validate's tests: test/fixtures/rules/<case>/ holds a rule
 * table (rules.csv), optionally data (data.csv: a reporting-unit column 地区 and one column per
 * item; blank or — is missing) and the hand-worked expected.json (problems, per-rule summary,
 * failing units with their messages). Cases: valid, invalid, undecided data; rules typed with
 * Chinese punctuation; a table of broken rules.
 */
import * as fs from 'fs';
import * as path from 'path';
import { confront, describeRecord, failingRecords } from '../../../src/core/rules/confront';
import { columnsDataset } from '../../../src/core/rules/data';
import { parseRuleTable } from '../../../src/core/rules/table';

const ROOT = path.resolve(__dirname, '../../fixtures/rules');

/** RFC 4180 in a few lines: commas, double quotes, "" inside quotes. */
function readCsv(file: string): string[][] {
  const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell.replace(/\r$/, ''));
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

interface Expected {
  rules?: string[];
  problems: { id?: string; row?: number; key: string; position?: number }[];
  summary?: {
    id: string;
    severity: string;
    records: number;
    passes: number;
    fails: number;
    notEvaluated: number;
  }[];
  failing?: Record<string, { unit: string; message: string }[]>;
}

const cases = fs.readdirSync(ROOT).filter((d) => fs.statSync(path.join(ROOT, d)).isDirectory());

describe('rule fixtures', () => {
  it('has the valid / invalid / undecided / full-width / broken cases', () => {
    expect(cases.sort()).toEqual([
      'broken-rules',
      'fullwidth-rules',
      'within-form-invalid',
      'within-form-undecided',
      'within-form-valid',
    ]);
  });

  it.each(cases)('%s', (name) => {
    const dir = path.join(ROOT, name);
    const expected = JSON.parse(
      fs.readFileSync(path.join(dir, 'expected.json'), 'utf8'),
    ) as Expected;
    const set = parseRuleTable(readCsv(path.join(dir, 'rules.csv')));
    expect(
      set.problems.map((p) => {
        const o: { id?: string; row?: number; key: string; position?: number } = {
          key: p.issue.key,
        };
        if (p.id !== undefined) o.id = p.id;
        if (p.row !== undefined) o.row = p.row;
        if (p.issue.position !== undefined) o.position = p.issue.position;
        return o;
      }),
    ).toEqual(expected.problems);
    if (expected.rules) expect(set.rules.map((r) => r.id)).toEqual(expected.rules);

    const dataFile = path.join(dir, 'data.csv');
    if (!fs.existsSync(dataFile)) return;
    const [header = [], ...records] = readCsv(dataFile);
    const columns: Record<string, (number | null)[]> = {};
    header.slice(1).forEach((h, j) => {
      columns[h] = records.map((r) => {
        const v = (r[j + 1] ?? '').trim();
        return v === '' || v === '—' ? null : Number(v);
      });
    });
    const data = columnsDataset({ columns, units: records.map((r) => r[0] ?? ''), form: ['FE1'] });
    const result = confront(set.rules, data);
    expect(
      result.results.map(({ summary: s }) => ({
        id: s.id,
        severity: s.severity,
        records: s.records,
        passes: s.passes,
        fails: s.fails,
        notEvaluated: s.notEvaluated,
      })),
    ).toEqual(expected.summary);
    const failing: Record<string, { unit: string; message: string }[]> = {};
    for (const r of result.results) {
      const list = failingRecords(r).map((i) => {
        const d = describeRecord(r, data, i);
        return { unit: d.unit ?? '', message: d.message };
      });
      if (list.length > 0) failing[r.summary.id] = list;
    }
    expect(failing).toEqual(expected.failing);
  });
});
