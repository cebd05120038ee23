import { EventEmitter } from 'node:events';
import { pipeSafe } from '../../src/cli/run';

/**
 * The stdout wrapper's wait for room in a pipe (`--json | jq`): a long output waits hundreds of
 * times, and each wait must leave the stream as it found it (Node warns past ten listeners).
 */
class FullPipe extends EventEmitter {
  isTTY = false;
  write(): boolean {
    return false;
  }
}

describe('pipeSafe: waiting for a full pipe', () => {
  test('a thousand waits leave no listener behind, and each is called once', () => {
    const raw = new FullPipe();
    const out = pipeSafe(raw as unknown as NodeJS.WriteStream);
    const before = ['drain', 'close', 'error'].map((e) => raw.listenerCount(e));
    let calls = 0;
    for (let i = 0; i < 1000; i++) {
      out.once('drain', () => calls++);
      raw.emit('drain');
      // A close after the drain (the reader went away) does not call it again.
      raw.emit('close');
    }
    expect(calls).toBe(1000);
    expect(['drain', 'close', 'error'].map((e) => raw.listenerCount(e))).toEqual(before);
  });

  test('a pipe that closes while waiting ends the wait, and a closed pipe does not wait', () => {
    const raw = new FullPipe();
    const out = pipeSafe(raw as unknown as NodeJS.WriteStream);
    let calls = 0;
    out.once('drain', () => calls++);
    raw.emit('error', Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
    expect(calls).toBe(1);
    expect(out.closed).toBe(true);
    out.once('drain', () => calls++);
    expect(calls).toBe(2);
    expect(raw.listenerCount('drain')).toBe(0);
  });
});
