import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { runTally } from '../support/child';
import { ROOT } from '../support/fixtures';
import { failingVillages, sexRuleTable } from '../support/villages';

/**
 * `tally` in a pipe, as a real process: a reader that closes early (`| head -1`) ends the run
 * quietly with the exit code it had; messages go to stderr and data to stdout.
 */

const SAMPLE = path.join(ROOT, 'samples', '2025年青川市两纲监测数据.xlsx');
const PRIOR = path.join(ROOT, 'samples', '2024年青川市两纲监测数据.xlsx');
const dir = mkdtempSync(path.join(tmpdir(), 'tally-pipes-'));

/** 20,000 villages that all fail P-01: 20,000 findings. */
const BIG = failingVillages(dir, 'big.csv', 20000);
/** 2,000 of them, for the report (whose JSON lists every unit's value of every indicator). */
const MID = failingVillages(dir, 'mid.csv', 2000);
const RULES = sexRuleTable(dir);

/** No stack trace, no Node error text. */
function quiet(stderr: string): void {
  expect(stderr).not.toMatch(/EPIPE|Error:|\n\s+at .*:\d+:\d+|内部错误|internal error/);
}

jest.setTimeout(120_000);

describe('a reader that closes early', () => {
  test('validate … | head -1: one line, exit code 1 (errors found), nothing on stderr', async () => {
    // Every finding listed (by default only the first 1,000 of a sheet's errors are).
    const full = await runTally(['validate', BIG, '--rules', RULES, '--all-findings']);
    expect(full.code).toBe(1);
    // The output is far beyond a pipe's buffer (64 KiB), so head closes it while tally writes.
    expect(full.stdout.length).toBeGreaterThan(1_000_000);
    const r = await runTally(['validate', BIG, '--rules', RULES, '--all-findings'], {
      pipeTo: 'head -1',
    });
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 1, signal: null });
    expect(r.stdout.split('\n').filter((l) => l !== '')).toHaveLength(1);
    expect(r.stdout).toBe(full.stdout.split('\n')[0] + '\n');
    expect(r.stderr).toBe('');
  });

  test('validate --json … | head -c 200, and the exit code of a clean run (0) survives too', async () => {
    const r = await runTally(['validate', BIG, '--rules', RULES, '--json'], {
      pipeTo: 'head -c 200',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toHaveLength(200);
    expect(r.stdout.startsWith('{\n  "rules": [')).toBe(true);
    quiet(r.stderr);
    const inspect = await runTally(['inspect', BIG, SAMPLE, '--json'], { pipeTo: 'head -1' });
    expect(inspect.code).toBe(0);
    expect(inspect.stdout).toBe('[\n');
    quiet(inspect.stderr);
  });

  test('report --json … | head -1 with 2,000 units (over 1 MB of JSON): exit code 0', async () => {
    const r = await runTally(['report', MID, '--period', '2025', '--json'], {
      pipeTo: 'head -1',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('{\n');
    // The one thing on stderr is the message that the data still has open errors.
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/强制性审核错误/);
    quiet(r.stderr);
  });

  test('unusable input in a pipe: exit code 2, the one-line message on stderr', async () => {
    const r = await runTally(['validate', path.join(dir, 'missing.xlsx')], { pipeTo: 'head -1' });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('missing.xlsx');
  });
});

describe('data on stdout, messages on stderr, for every command', () => {
  test('validate --json: stdout is the JSON even with rule problems and skipped sheets', async () => {
    const rules = path.join(dir, 'half-broken.csv');
    writeFileSync(rules, '编号,规则,级别\nA,[活产数] >= 0,强制\nB,[活产数] >>= 0,强制\n');
    const r = await runTally(['validate', SAMPLE, '--rules', rules, '--json']);
    expect(r.code).toBe(2);
    const json = JSON.parse(r.stdout) as { rules: { id: string }[] };
    expect(json.rules.map((x) => x.id)).toContain('A');
    expect(r.stderr).toMatch(/^tally: 规则 B（第 3 行）/m);
  });

  test('report --out --md: the overview on stdout, where the files went on stderr', async () => {
    const out = path.join(dir, 'r.xlsx');
    const md = path.join(dir, 'r.md');
    const r = await runTally(['report', SAMPLE, '--prior', PRIOR, '--out', out, '--md', md]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('已写入');
    expect(r.stdout).toMatch(/青川市/);
    expect(r.stderr).toContain(`已写入 ${out}`);
    expect(r.stderr).toContain(`已写入 ${md}`);
    const json = await runTally(['report', SAMPLE, '--out', path.join(dir, 'j.xlsx'), '--json']);
    expect(() => JSON.parse(json.stdout) as unknown).not.toThrow();
    expect(json.stderr).toContain('已写入');
  });

  test('template: nothing on stdout, the message on stderr; inspect: an unreadable file on stderr', async () => {
    const out = path.join(dir, 't.xlsx');
    const r = await runTally(['template', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`已写入 ${out}`);
    const bad = path.join(dir, 'not.xlsx');
    writeFileSync(bad, 'plain text');
    const i = await runTally(['inspect', SAMPLE, bad, '--json']);
    expect(i.code).toBe(2);
    expect(() => JSON.parse(i.stdout) as unknown).not.toThrow();
    expect(i.stderr.trim().split('\n')).toEqual([expect.stringContaining('not.xlsx')]);
  });
});
