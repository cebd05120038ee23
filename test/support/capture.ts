import { Out } from '../../src/cli/output';

/** An Out that keeps what was written, for CLI tests. */
export function capture(): { out: Out; text: () => string } {
  let buf = '';
  const out = new Out({ write: (s: string) => (buf += s), isTTY: false }, false);
  return { out, text: () => buf };
}
