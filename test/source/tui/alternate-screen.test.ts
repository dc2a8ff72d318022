// The alternate screen is left exactly once: on the returned function, on process exit, or when a crash is reported.
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { enterAlternateScreen } from '../../../source/tui/alternate-screen.js';

const capture = () => {
  const stream = new PassThrough();
  let written = '';
  stream.on('data', (chunk: Buffer) => (written += chunk.toString()));
  return { stream: stream as unknown as NodeJS.WriteStream, written: () => written };
};

describe('alternate screen', () => {
  it('enters, leaves once, and shows the cursor again', async () => {
    const out = capture();
    const exitListeners = process.listenerCount('exit');
    const crashListeners = process.listenerCount('uncaughtException');
    const leave = enterAlternateScreen(out.stream);
    expect(process.listenerCount('exit')).toBe(exitListeners + 1);
    leave();
    leave();
    await new Promise((resolve) => setImmediate(resolve));
    expect(out.written()).toBe('\u001b[?1049h\u001b[H\u001b[?25h\u001b[?1049l');
    expect(process.listenerCount('exit')).toBe(exitListeners);
    expect(process.listenerCount('uncaughtException')).toBe(crashListeners);
  });
});
