// Presses a key in a fake terminal and waits for the frame Ink draws for it: the next key then meets the state this
// one left, with no fixed sleep (too short on a loaded machine, wasted on an idle one).
import { vi } from 'vitest';

type Terminal = { stdin: { write(data: string): void }; stdout: { frames: string[] } };

export async function press(view: Terminal, key: string): Promise<void> {
  const drawn = view.stdout.frames.length;
  view.stdin.write(key);
  await vi.waitFor(
    () => {
      if (view.stdout.frames.length === drawn) throw new Error(`no frame drawn after the key ${JSON.stringify(key)}`);
    },
    { timeout: 5000, interval: 1 },
  );
}
