// Watches a detached child: kills its whole process group at the deadline or on abort, and once it ends whatever it left behind.
import { killGroup } from './kill-group.js';

export type ChildGuard = { timedOut(): boolean; done(): void };

export function guardChild(pid: number | undefined, timeoutMs: number, signal?: AbortSignal): ChildGuard {
  let timedOut = false;
  const kill = (): void => killGroup(pid);
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, timeoutMs);
  signal?.addEventListener('abort', kill, { once: true });
  // A signal aborted before the child started never fires its event.
  if (signal?.aborted) kill();
  return {
    timedOut: () => timedOut,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      // Children that outlived the main process (backgrounded, or tools it started) go with the group.
      killGroup(pid);
    },
  };
}
