import { main } from '../../src/cli/main';
import { Out } from '../../src/cli/output';

/** An Out that keeps what was written (text, or the UTF-8 of `--json`), for CLI tests. */
export function capture(): { out: Out; text: () => string } {
  const parts: Buffer[] = [];
  const out = new Out(
    { write: (s: string | Uint8Array) => parts.push(Buffer.from(s)), isTTY: false },
    false,
  );
  return { out, text: () => Buffer.concat(parts).toString('utf8') };
}

/** Run `tally ARGS...` in-process: its exit code and what it printed on each stream. */
export async function runCli(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const out = capture();
  const err = capture();
  const code = await main(['node', 'tally', ...args], out.out, err.out);
  return { code, stdout: out.text(), stderr: err.text() };
}
