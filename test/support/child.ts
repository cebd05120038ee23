import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ROOT } from './fixtures';

/**
 * `tally` as a real process (node over the TypeScript sources, test/support/tally-src.js), for
 * what an in-process run cannot show: a closed pipe, the process's exit code, its memory.
 */

const REGISTER = path.join(ROOT, 'test', 'support', 'register-ts.js');
const ENTRY = path.join(ROOT, 'test', 'support', 'tally-src.js');
/** The command as bin/tally.js starts it: through src/cli/launch.ts. */
const LAUNCH = path.join(ROOT, 'test', 'support', 'tally-launch.js');

export interface ProcessRun {
  /** The tally process's own exit code (not the pipe's). */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the tally process, in MB, as the kernel counted it. */
  peakRssMb: number;
}

export interface RunOptions {
  /** A shell command that reads tally's stdout, e.g. `head -1`; its output is `stdout`. */
  pipeTo?: string;
  cwd?: string;
  /** Start it as bin/tally.js does (launch.ts), with these variables added to the environment. */
  launch?: Record<string, string>;
}

function collect(child: ReturnType<typeof spawn>): Promise<{
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}> {
  let stdout = '';
  let stderr = '';
  child.stdout?.setEncoding('utf8').on('data', (s: string) => (stdout += s));
  child.stderr?.setEncoding('utf8').on('data', (s: string) => (stderr += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

let warm: Promise<unknown> | undefined;

/** Compile the sources once (a cold cache loads the compiler, which would count as memory). */
function warmUp(): Promise<unknown> {
  warm ??= collect(spawn(process.execPath, ['-r', REGISTER, ENTRY, '--version']));
  return warm;
}

export async function runTally(args: string[], options: RunOptions = {}): Promise<ProcessRun> {
  await warmUp();
  const dir = mkdtempSync(path.join(tmpdir(), 'tally-proc-'));
  const rssFile = path.join(dir, 'rss');
  const env = { ...process.env, TALLY_RSS_FILE: rssFile, NO_COLOR: '1' };
  try {
    let result;
    if (options.pipeTo === undefined) {
      result = await collect(
        spawn(process.execPath, ['-r', REGISTER, options.launch ? LAUNCH : ENTRY, ...args], {
          cwd: options.cwd ?? ROOT,
          env: options.launch ? { ...env, ...options.launch } : env,
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
    } else {
      // A real pipe: tally | reader, in bash, which reports tally's own status (PIPESTATUS).
      const codeFile = path.join(dir, 'code');
      const errFile = path.join(dir, 'stderr');
      const script =
        `"$0" -r "$TALLY_REGISTER" "$TALLY_ENTRY" "$@" 2>"$TALLY_ERR" | ${options.pipeTo}; ` +
        `echo "\${PIPESTATUS[0]}" >"$TALLY_CODE"`;
      const shell = await collect(
        spawn('bash', ['-c', script, process.execPath, ...args], {
          cwd: options.cwd ?? ROOT,
          env: {
            ...env,
            TALLY_REGISTER: REGISTER,
            TALLY_ENTRY: ENTRY,
            TALLY_ERR: errFile,
            TALLY_CODE: codeFile,
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        }),
      );
      const status = Number(readFileSync(codeFile, 'utf8').trim());
      result = {
        code: status >= 128 ? null : status,
        signal: status >= 128 ? (`signal ${status - 128}` as NodeJS.Signals) : null,
        stdout: shell.stdout,
        stderr: readFileSync(errFile, 'utf8') + shell.stderr,
      };
    }
    let peak = NaN;
    try {
      peak = Number(readFileSync(rssFile, 'utf8')) / 1024;
    } catch {
      // The process died before it could say (a crash): NaN fails any bound.
    }
    return { ...result, peakRssMb: peak };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
