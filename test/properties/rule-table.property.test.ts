import fc from 'fast-check';
import { allMessageKeys } from '../../src/core/messages/index';
import type { Cell } from '../../src/core/model/cell';
import { DEFAULT_TOLERANCE } from '../../src/core/rules/compile';
import {
  parseRuleTable,
  problemText,
  TABLE_PROBLEMS,
  type RuleSet,
} from '../../src/core/rules/table';
import { expectEqual, runs } from '../support/property';

/**
 * Rule tables (rules.md, "A rule table") under random input: any grid of cells gives rules and
 * problems, never a throw; every problem is a catalogue key that can be said in both languages;
 * every non-blank row under the header is exactly one rule or one dropped problem. Over tables
 * whose rows are written good or with one known defect each, the rules kept and the problems
 * reported are exactly the ones written.
 */

const KEYS = new Set<string>(allMessageKeys());

const nonBlank = (row: readonly Cell[]): boolean =>
  row.some((c) => c !== null && String(c).trim() !== '');

/**
 * What is wrong with a rule set read from `rows`, the first of them sheet row `firstRow`
 * (empty when all is right).
 */
function failures(set: RuleSet, rows: readonly (readonly Cell[])[], firstRow: number): string[] {
  const last = firstRow + rows.length - 1;
  const filled = (row: number | undefined): boolean =>
    row !== undefined && nonBlank(rows[row - firstRow] ?? []);
  const bad: string[] = [];
  const check = (ok: boolean, what: string): void => {
    if (!ok) bad.push(what);
  };
  for (const p of set.problems) {
    check(KEYS.has(p.issue.key), `unknown key ${p.issue.key}`);
    for (const lang of ['zh', 'en'] as const) {
      const text = problemText(lang, p);
      check(text.trim() !== '' && !/\{\w+\}/.test(text), `${lang}: "${text}"`);
    }
    if (p.row !== undefined) check(p.row >= firstRow && p.row <= last, `problem row ${p.row}`);
  }
  if (set.problems.some((p) => TABLE_PROBLEMS.has(p.issue.key))) {
    check(set.rules.length === 0 && set.problems.length === 1, 'a table problem and more');
    return bad;
  }
  const ids = set.rules.map((r) => r.id);
  check(new Set(ids).size === ids.length, `ids repeat: ${ids.join(',')}`);
  const ruleRows = new Set(set.rules.map((r) => r.row));
  const dropped = set.problems.filter((p) => p.dropped).map((p) => p.row);
  check(new Set(dropped).size === dropped.length, `a row dropped twice: ${dropped.join(',')}`);
  for (const row of dropped) {
    check(!ruleRows.has(row), `row ${row} both kept and dropped`);
    check(filled(row), `row ${row} dropped but blank`);
  }
  for (const r of set.rules) {
    check(r.id !== '' && r.expression !== '', `rule at row ${r.row} without id or rule`);
    check(Number.isFinite(r.tolerance) && r.tolerance >= 0, `tolerance ${r.tolerance}`);
    check(filled(r.row), `rule kept from row ${r.row}, which is blank`);
    check(r.severity === 'error' || r.severity === 'warning', `severity ${r.severity}`);
  }
  return bad;
}

// ---- random grids ----

const HEADERS = ['编号', 'id', 'ID', '规则', 'rule', '审核公式', '级别', 'severity'];
const OTHER_HEADERS = ['说明', '提示信息', 'message', '容差', 'tolerance', '范围', 'scope', '备注'];
const VALUES = [
  'R1',
  'R2',
  ' R1 ',
  '[a] >= 0',
  '[a] + [b] = [c]',
  '[a] >=',
  '((',
  'FOO(1) > 0',
  '[a]',
  'error',
  '强制',
  'warning',
  '核实',
  '提示',
  '严重',
  '0.5',
  '-1',
  '１',
  'abc',
  'FE1、FE3',
  '请核实{[a]}',
  '{',
  '',
  '  ',
];
const anyCell: fc.Arbitrary<Cell> = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS, ...OTHER_HEADERS) },
  { weight: 6, arbitrary: fc.constantFrom(...VALUES) },
  { weight: 1, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 1, arbitrary: fc.oneof(fc.integer(), fc.double(), fc.boolean()) },
);

describe('rule tables over random grids', () => {
  test('never throw; every problem is a known key said in full; a rule or a problem per row (3,000 runs)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(anyCell, { maxLength: 8 }), { maxLength: 12 }),
        fc.integer({ min: 1, max: 5 }),
        (rows, firstRow) => {
          const set = parseRuleTable(rows, { firstRow });
          expectEqual(failures(set, rows, firstRow), []);
        },
      ),
      runs(3000),
    );
  });
});

// ---- tables written row by row, good or with one known defect ----

const SEVERITIES: readonly (readonly [string, 'error' | 'warning'])[] = [
  ['error', 'error'],
  ['强制', 'error'],
  ['ERROR', 'error'],
  ['ｅｒｒｏｒ', 'error'],
  ['warning', 'warning'],
  ['Warning', 'warning'],
  ['核实', 'warning'],
  ['提示', 'warning'],
];
const TOLERANCES: readonly (readonly [Cell, number])[] = [
  [null, DEFAULT_TOLERANCE],
  ['', DEFAULT_TOLERANCE],
  [0, 0],
  [0.5, 0.5],
  ['1', 1],
  ['１', 1],
  ['1e-3', 0.001],
  [' 2 ', 2],
];
const GOOD_RULES = ['[a] >= 0', '[a] + [b] = [c]', 'ABS([a] - [b]) <= 1', 'SUM([a]) >= 0'];
/** Rules that do not compile, with the key each is reported with (rules.md). */
const BAD_RULES: readonly (readonly [string, string])[] = [
  ['[a] >=', 'rules.syntax'],
  ['1 +* 2', 'rules.syntax'],
  ['FOO([a]) > 0', 'rules.unknownFunction'],
  ['[a]', 'rules.notCondition'],
  ['[a] + "x" > 0', 'rules.textArithmetic'],
];
const SCOPES: readonly (readonly [Cell, string[]])[] = [
  [null, []],
  ['FE1', ['FE1']],
  ['FE1、FE3', ['FE1', 'FE3']],
  ['FE1, FE2；FE3', ['FE1', 'FE2', 'FE3']],
];

type Kind =
  | 'good'
  | 'blank'
  | 'noId'
  | 'duplicateId'
  | 'noRule'
  | 'noSeverity'
  | 'unknownSeverity'
  | 'badTolerance'
  | 'badRule';

type Field = 'id' | 'rule' | 'severity' | 'message' | 'tolerance' | 'scope';
const ALIASES: Record<Field, readonly string[]> = {
  id: ['编号', 'id', 'ID', ' 编号 '],
  rule: ['规则', '审核公式', 'rule', 'Rule'],
  severity: ['级别', 'severity', 'SEVERITY'],
  message: ['说明', '提示信息', 'message'],
  tolerance: ['容差', 'tolerance'],
  scope: ['范围', 'scope'],
};

interface Written {
  rows: Cell[][];
  /** Index in `rows` of the header. */
  header: number;
  firstRow: number;
  rules: { id: string; row: number; severity: string; tolerance: number; scope: string[] }[];
  problems: { row: number; key: string }[];
}

const lineArb = fc.record({
  kind: fc.constantFrom<Kind>(
    'good',
    'good',
    'good',
    'blank',
    'noId',
    'duplicateId',
    'noRule',
    'noSeverity',
    'unknownSeverity',
    'badTolerance',
    'badRule',
  ),
  rule: fc.constantFrom(...GOOD_RULES),
  badRule: fc.constantFrom(...BAD_RULES),
  severity: fc.constantFrom(...SEVERITIES),
  badSeverity: fc.constantFrom('严重', 'fatal', '1'),
  tolerance: fc.constantFrom(...TOLERANCES),
  badTolerance: fc.constantFrom<Cell>('-1', 'abc', -2, '约1'),
  scope: fc.constantFrom(...SCOPES),
  message: fc.constantFrom<Cell>(null, '', '请核实', '男女之和应等于总数'),
  pick: fc.nat(),
});

const written: fc.Arbitrary<Written> = fc
  .record({
    titles: fc.array(fc.constantFrom<Cell[]>(['2025年审核规则'], [], [null, '青川县妇儿工委']), {
      maxLength: 2,
    }),
    optional: fc.subarray(['message', 'tolerance', 'scope'] as Field[]),
    extra: fc.boolean(),
    aliases: fc.record({
      id: fc.constantFrom(...ALIASES.id),
      rule: fc.constantFrom(...ALIASES.rule),
      severity: fc.constantFrom(...ALIASES.severity),
      message: fc.constantFrom(...ALIASES.message),
      tolerance: fc.constantFrom(...ALIASES.tolerance),
      scope: fc.constantFrom(...ALIASES.scope),
    }),
    order: fc.nat(),
    firstRow: fc.integer({ min: 1, max: 5 }),
    lines: fc.array(lineArb, { maxLength: 14 }),
  })
  .map(({ titles, optional, extra, aliases, order, firstRow, lines }): Written => {
    const fields: (Field | 'extra')[] = ['id', 'rule', 'severity', ...optional];
    if (extra) fields.push('extra');
    // A column order of its own: rotate, and reverse on odd.
    const k = order % fields.length;
    const cols = [...fields.slice(k), ...fields.slice(0, k)];
    if (order % 2) cols.reverse();
    const header: Cell[] = cols.map((f) => (f === 'extra' ? '备注' : aliases[f]));
    const rows: Cell[][] = [...titles.map((t) => [...t]), header];
    const has = (f: Field) => cols.includes(f);
    const out: Written = { rows, header: titles.length, firstRow, rules: [], problems: [] };
    const seen: string[] = [];
    lines.forEach((l, n) => {
      const row = firstRow + rows.length;
      let kind = l.kind;
      if (kind === 'duplicateId' && seen.length === 0) kind = 'noId';
      if (kind === 'badTolerance' && !has('tolerance')) kind = 'good';
      if (kind === 'blank') {
        rows.push(n % 2 ? [] : cols.map(() => (n % 3 ? null : ' ')));
        return;
      }
      const id =
        kind === 'noId'
          ? n % 2
            ? null
            : '  '
          : kind === 'duplicateId'
            ? (seen[l.pick % seen.length] ?? '')
            : `R${n + 1}`;
      if (kind !== 'noId' && kind !== 'duplicateId' && typeof id === 'string') seen.push(id);
      const value: Record<Field | 'extra', Cell> = {
        id: typeof id === 'string' && n % 3 === 0 ? ` ${id} ` : id,
        rule: kind === 'noRule' ? null : kind === 'badRule' ? l.badRule[0] : l.rule,
        severity:
          kind === 'noSeverity' ? '' : kind === 'unknownSeverity' ? l.badSeverity : l.severity[0],
        message: l.message,
        tolerance: kind === 'badTolerance' ? l.badTolerance : l.tolerance[0],
        scope: l.scope[0],
        extra: '内部备注',
      };
      rows.push(cols.map((f) => value[f]));
      const key: Record<Exclude<Kind, 'good' | 'blank'>, string> = {
        noId: 'rules.table.noId',
        duplicateId: 'rules.table.duplicateId',
        noRule: 'rules.table.noRule',
        noSeverity: 'rules.table.noSeverity',
        unknownSeverity: 'rules.table.unknownSeverity',
        badTolerance: 'rules.badTolerance',
        badRule: l.badRule[1],
      };
      if (kind === 'good') {
        out.rules.push({
          id: id ?? '',
          row,
          severity: l.severity[1],
          tolerance: has('tolerance') ? l.tolerance[1] : DEFAULT_TOLERANCE,
          scope: has('scope') ? l.scope[1] : [],
        });
      } else {
        out.problems.push({ row, key: key[kind] });
      }
    });
    return out;
  });

describe('rule tables written row by row', () => {
  test('keep exactly the good rules and report exactly the defects written (3,000 runs)', () => {
    fc.assert(
      fc.property(written, ({ rows, header, firstRow, rules, problems }) => {
        const set = parseRuleTable(rows, { firstRow });
        expectEqual(
          {
            failures: failures(set, rows, firstRow),
            rules: set.rules.map((r) => ({
              id: r.id,
              row: r.row,
              severity: r.severity,
              tolerance: r.tolerance,
              scope: r.scope,
            })),
            problems: set.problems.map((p) => ({ row: p.row, key: p.issue.key })),
          },
          {
            failures: [],
            rules,
            // A header with no rule under it is the table's own problem, named at the header.
            problems: rows.slice(header + 1).some(nonBlank)
              ? problems
              : [{ row: firstRow + header, key: 'rules.table.noRules' }],
          },
        );
      }),
      runs(3000),
    );
  });
});
