import { main } from './main';
import { Out, type TextStream } from './output';

/**
 * The `tally` process around main(): output that behaves in a pipe, and the exit code.
 * bin/tally.js calls run() from the compiled lib/.
 */

/** The reader of a pipe went away (`tally … | head -1`), or the stream was closed after that. */
function isClosedPipe(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED';
}

/**
 * A process stream that stops writing, quietly, once its reader has gone: the run goes on and
 * ends with the exit code it would have had. Any other write error is re-raised.
 */
export function pipeSafe(stream: NodeJS.WriteStream): TextStream & {
  readonly closed: boolean;
  once(event: 'drain', fn: () => void): void;
} {
  let closed = false;
  stream.on('error', (e) => {
    if (!isClosedPipe(e)) throw e;
    closed = true;
  });
  return {
    get closed() {
      return closed;
    },
    isTTY: stream.isTTY === true,
    /** After a write that said wait: when the pipe has room again, or at once if it is gone. */
    once(_event: 'drain', fn: () => void): void {
      if (closed) return fn();
      // Whichever comes first; the other two listeners go with it, so a long --json through a
      // pipe never piles listeners up on the stream (Node warns past ten).
      const go = () => {
        stream.off('drain', go);
        stream.off('close', go);
        stream.off('error', go);
        fn();
      };
      stream.on('drain', go);
      stream.on('close', go);
      stream.on('error', go);
    },
    write(text: string | Uint8Array): boolean {
      if (closed) return false;
      try {
        return stream.write(text);
      } catch (e) {
        if (!isClosedPipe(e)) throw e;
        closed = true;
        return false;
      }
    },
  };
}

/** Run the command line and set the process's exit code. */
export async function run(argv: string[]): Promise<void> {
  const out = new Out(pipeSafe(process.stdout));
  const err = new Out(pipeSafe(process.stderr));
  try {
    process.exitCode = await main(argv, out, err);
  } catch (e) {
    // A bug, not bad input (main() turns every TallyError into one line and exit code 2).
    err.line(
      'tally: 内部错误，请报告此问题 — internal error, please report it: ' +
        (e instanceof Error && e.stack ? e.stack : String(e)),
    );
    process.exitCode = 70;
  }
}
