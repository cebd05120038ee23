import { existsSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { heapLimitMb, inputBytes, removeLeftovers } from '../../src/cli/launch';
import { runTally } from '../support/child';
import { failingVillages, sexRuleTable } from '../support/villages';

/**
 * bin/tally.js runs large input in a child process with half the machine's memory for its heap
 * (src/cli/launch.ts), and says in one line when even that is not enough, where V8 would crash
 * with its own report and a native stack trace.
 */

const dir = mkdtempSync(path.join(tmpdir(), 'tally-launch-'));
const RULES = sexRuleTable(dir);

jest.setTimeout(120_000);

describe('when the command gets a child process of its own', () => {
  test('TALLY_HEAP_MB names the heap (0: none); a child, or a heap the user set, gets none', () => {
    expect(heapLimitMb([], { TALLY_HEAP_MB: '700' }, [])).toBe(700);
    expect(heapLimitMb([], { TALLY_HEAP_MB: '0' }, [])).toBeUndefined();
    expect(heapLimitMb([], { TALLY_HEAP_MB: 'much' }, [])).toBeUndefined();
    expect(heapLimitMb([], { TALLY_HEAP_MB: '700', TALLY_CHILD: '1' }, [])).toBeUndefined();
    expect(heapLimitMb([], { TALLY_HEAP_MB: '700' }, ['--max-old-space-size=900'])).toBe(undefined);
    expect(
      heapLimitMb([], { TALLY_HEAP_MB: '700', NODE_OPTIONS: '--max-old-space-size=900' }, []),
    ).toBeUndefined();
    // The sample's few kilobytes run in this process: 40 bytes of heap a byte is far below
    // V8's own limit on any machine.
    const small = failingVillages(dir, 'small.csv', 10);
    expect(heapLimitMb([small, '--rules', RULES], {}, [])).toBeUndefined();
  });

  test('the input is counted by its files, a directory by the files in it at any depth', () => {
    const d = path.join(dir, 'counted');
    mkdirSync(path.join(d, 'a', 'b'), { recursive: true });
    writeFileSync(path.join(d, 'one.csv'), 'x'.repeat(100));
    writeFileSync(path.join(d, 'a', 'b', 'two.csv'), 'y'.repeat(250));
    const lone = path.join(dir, 'lone.csv');
    writeFileSync(lone, 'z'.repeat(40));
    // 100 + 250 + 40; an option, an option's value that is no file, and a missing file count 0.
    expect(inputBytes([d, '--out', path.join(dir, 'no.xlsx'), lone, 'missing.csv'], 1e9)).toBe(390);
    // Counting stops once past what is enough to decide.
    expect(inputBytes([d, lone], 50)).toBeLessThan(390);
    expect(inputBytes([d, lone], 50)).toBeGreaterThan(50);
  });

  test('a file the child was writing when it stopped is removed; no other is', () => {
    const d = path.join(dir, 'left');
    mkdirSync(d);
    const own = path.join(d, '报告.xlsx.tally-4242.tmp');
    const other = path.join(d, '报告.xlsx.tally-4243.tmp');
    const kept = path.join(d, '报告.xlsx');
    for (const f of [own, other, kept]) writeFileSync(f, 'x');
    removeLeftovers(['report', 'in.csv', '--out', kept], 4242);
    expect([existsSync(own), existsSync(other), existsSync(kept)]).toEqual([false, true, true]);
  });
});

describe('the command through its child process', () => {
  // 300,000 villages that all fail P-01: validate holds well over 100 MB of heap for them.
  const BIG = failingVillages(dir, 'big.csv', 300_000);

  test('its output and exit code are those of the command run in one process', async () => {
    const one = await runTally(['validate', BIG, '--rules', RULES, '--json'], {
      launch: { TALLY_HEAP_MB: '0' },
    });
    const two = await runTally(['validate', BIG, '--rules', RULES, '--json'], {
      launch: { TALLY_HEAP_MB: '2048' },
    });
    expect(one.code).toBe(1);
    expect(two.code).toBe(1);
    expect(two.stdout).toBe(one.stdout);
    expect(JSON.parse(two.stdout).summary.errors).toBe(300_000);
    expect(two.stderr).toBe(one.stderr);
  });

  test('out of memory: one line in Chinese and English, exit code 2, no crash report', async () => {
    const r = await runTally(['validate', BIG, '--rules', RULES, '--json'], {
      launch: { TALLY_HEAP_MB: '60' },
    });
    expect({ code: r.code, signal: r.signal }).toEqual({ code: 2, signal: null });
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tally: 内存不足：.*（约 60 MB）.* — Out of memory: .*\n$/);
    expect(r.stderr.split('\n')).toHaveLength(2);
    expect(r.stderr).not.toMatch(/FATAL|Last few GCs|Native stack|node::|\n\s+at /);
  });
});
