import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, rmSync, statSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { t } from '../core/messages/index';

/**
 * The `tally` command runs large input in a child Node process whose heap may use half the
 * machine's memory. V8's own limit is about a quarter of it (2 GB on an 8 GB office computer,
 * at most about 4 GB), and the 1,000,000 villages of a large area need 2.4 GB of heap: with the
 * default they end in V8's out-of-memory crash, a native stack trace and no word of what to do.
 * In the child that crash becomes one line that says it, in Chinese and English.
 *
 * Only input large enough to need it is run so (a second process costs about 0.1 s): the
 * sample and most counties' forms run in this process. bin/tally.js calls `relaunch()` before
 * it loads anything else. `TALLY_HEAP_MB` sets the limit and always starts the child (`0`:
 * never).
 */

/** Set in the child: it runs the command itself. */
const CHILD = 'TALLY_CHILD';
/** The heap limit in MB for the child, or 0 for no child. */
const HEAP = 'TALLY_HEAP_MB';

/** The memory this process may use: the machine's, or its container's when that is less. */
function memoryBytes(): number {
  const total = os.totalmem();
  // Node 20's cgroup limit (0 or a huge number where there is none).
  const constrained = (
    process as { constrainedMemory?: () => number | undefined }
  ).constrainedMemory?.();
  return constrained && constrained > 0 && constrained < total ? constrained : total;
}

/**
 * Heap a byte of input may take, at most, in the runs measured: 17 for a million records
 * audited from CSV, 7.5 for a million villages' report, more for compressed .xlsx.
 */
const HEAP_PER_BYTE = 40;
/** Entries of the directories given that are looked at before the input is taken as large. */
const LOOK = 20_000;

/**
 * The bytes of the files the arguments name (a directory's files, at any depth), stopping once
 * past `enough`: an option's value that is no file counts nothing.
 */
export function inputBytes(args: readonly string[], enough: number): number {
  let bytes = 0;
  let seen = 0;
  const walk = (p: string): void => {
    if (bytes > enough || ++seen > LOOK) return;
    try {
      const st = statSync(p);
      if (st.isFile()) bytes += st.size;
      else if (st.isDirectory())
        for (const name of readdirSync(p)) {
          walk(path.join(p, name));
          if (bytes > enough || seen > LOOK) return;
        }
    } catch {
      // not a file: an option's value, or one main() will name as missing
    }
  };
  for (const a of args) if (!a.startsWith('-')) walk(a);
  return seen > LOOK ? Infinity : bytes;
}

/**
 * The heap limit for the child in MB, or undefined when this process should run the command
 * itself: asked not to, already a child, given a heap size by the user, input small enough for
 * V8's own limit, or no more to gain.
 */
export function heapLimitMb(
  args: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  execArgv: readonly string[] = process.execArgv,
): number | undefined {
  if (env[CHILD] === '1') return undefined;
  const flags = `${execArgv.join(' ')} ${env.NODE_OPTIONS ?? ''}`;
  if (/--max-old-space-size/.test(flags)) return undefined;
  const given = env[HEAP];
  if (given !== undefined && given.trim() !== '') {
    const mb = Number(given);
    return Number.isInteger(mb) && mb > 0 ? mb : undefined;
  }
  const half = Math.floor(memoryBytes() / 2 / 2 ** 20);
  const now = getHeapStatistics().heap_size_limit;
  // Less than a quarter more than V8 gives already: not worth a second process.
  if (half <= (now / 2 ** 20) * 1.25) return undefined;
  // Input that fits V8's own limit with room to spare runs here (a second process costs 0.1 s).
  const room = (now * 0.75) / HEAP_PER_BYTE;
  return inputBytes(args, room) > room ? half : undefined;
}

/** V8's report of running out of heap begins with one of these lines. */
const FATAL_START = /^(?:<--- Last few GCs --->|FATAL ERROR: |#\s*Fatal JavaScript out of memory)/;

/**
 * stderr of the child passed on line by line, up to V8's out-of-memory report, which is
 * dropped (the parent says it in one line). Gives whether the report was seen.
 */
function passStderr(child: ChildProcess): () => boolean {
  let fatal = false;
  let carry = '';
  // Blank lines wait for the next line: V8's report starts with one.
  let blanks = 0;
  const stream = child.stderr;
  if (!stream) return () => false;
  const pass = (lines: readonly string[]): void => {
    const kept: string[] = [];
    for (const line of lines) {
      if (FATAL_START.test(line)) {
        fatal = true;
        break;
      }
      if (line.trim() === '') {
        blanks++;
        continue;
      }
      kept.push('\n'.repeat(blanks), line, '\n');
      blanks = 0;
    }
    if (kept.length > 0) process.stderr.write(kept.join(''));
  };
  stream.setEncoding('utf8');
  stream.on('data', (text: string) => {
    if (fatal) return;
    const lines = (carry + text).split('\n');
    carry = lines.pop() ?? '';
    pass(lines);
  });
  stream.on('end', () => {
    if (fatal) return;
    if (carry !== '') pass([carry]);
    if (!fatal && blanks > 0) process.stderr.write('\n'.repeat(blanks));
  });
  return () => fatal;
}

/**
 * A file the child was writing when it stopped (file.ts writes `<target>.tally-<pid>.tmp`,
 * then renames it): removed from the directories the arguments name.
 */
export function removeLeftovers(args: readonly string[], pid: number): void {
  const end = `.tally-${pid}.tmp`;
  const dirs = new Set(args.filter((a) => !a.startsWith('-')).map((a) => path.dirname(a)));
  for (const dir of dirs) {
    try {
      for (const name of readdirSync(dir))
        if (name.endsWith(end)) rmSync(path.join(dir, name), { force: true });
    } catch {
      // not a directory: nothing of ours there
    }
  }
}

/** The line said when the child ran out of memory (or was killed, as Linux does when short). */
function memoryLine(killed: boolean, limitMb: number): string {
  const key = killed ? 'error.killed' : 'error.outOfMemory';
  const size = limitMb >= 1024 ? `${(limitMb / 1024).toFixed(1)} GB` : `${limitMb} MB`;
  return `tally: ${t('zh', key, { size })} — ${t('en', key, { size })}\n`;
}

/**
 * Run this command line in a child with the larger heap; true when one was started (the
 * caller then does nothing more: the child's exit code becomes this process's). False: run the
 * command here.
 */
export function relaunch(script: string, args: readonly string[]): boolean {
  const limit = heapLimitMb(args);
  if (limit === undefined) return false;
  // A terminal keeps its progress bar (the child writes to it itself); a pipe or a file is read
  // through here so that V8's crash report can be left out.
  const piped = process.stderr.isTTY !== true;
  let child: ChildProcess;
  try {
    child = spawn(
      process.execPath,
      [...process.execArgv, `--max-old-space-size=${limit}`, script, ...args],
      {
        stdio: ['inherit', 'inherit', piped ? 'pipe' : 'inherit'],
        env: { ...process.env, [CHILD]: '1' },
      },
    );
  } catch {
    return false;
  }
  const sawFatal = piped ? passStderr(child) : () => false;
  // Ctrl-C reaches both processes; a signal sent to this one alone is passed on. This one
  // waits for the child either way, and ends as it ended.
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  const forward = (s: NodeJS.Signals) => () => {
    child.kill(s);
  };
  const handlers = signals.map((s) => [s, forward(s)] as const);
  for (const [s, h] of handlers) process.on(s, h);
  let started = true;
  child.on('error', () => {
    // Could not start (no memory for a process, a missing node): nothing ran, so say it.
    started = false;
    process.stderr.write('tally: 无法启动子进程 — could not start the tally process\n');
    process.exitCode = 70;
  });
  child.on('close', (code, signal) => {
    if (!started) return;
    for (const [s, h] of handlers) process.off(s, h);
    const outOfMemory = sawFatal() || signal === 'SIGABRT' || code === 134;
    if (outOfMemory || signal === 'SIGKILL') {
      if (child.pid !== undefined) removeLeftovers(args, child.pid);
      process.stderr.write(memoryLine(!outOfMemory, limit));
      process.exitCode = 2;
      return;
    }
    if (signal) {
      process.kill(process.pid, signal);
      return;
    }
    process.exitCode = code ?? 70;
  });
  return true;
}
