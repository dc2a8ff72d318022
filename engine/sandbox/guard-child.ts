// Watches a detached child: kills its whole process group (and, given a marker, every process carrying it) at the
// deadline or on abort, and once it ends whatever it left behind.
import { killGroup } from './kill-group.js';
import { killMarked } from './process-marker.js';

export type ChildGuard = { timedOut(): boolean; done(): void; killAll(): void };

export function guardChild(
  pid: number | undefined,
  timeoutMs: number,
  signal?: AbortSignal,
  marker?: string,
): ChildGuard {
  let timedOut = false;
  const kill = (): void => {
    killGroup(pid);
    // A process group is not enough: `setsid` leaves it, and outlives the command otherwise.
    if (marker) killMarked(marker);
  };
  const timer = setTimeout(() => {
    timedOut = true;
    kill();
  }, timeoutMs);
  signal?.addEventListener('abort', kill, { once: true });
  // A signal aborted before the child started never fires its event.
  if (signal?.aborted) kill();
  return {
    timedOut: () => timedOut,
    killAll: kill,
    done: () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', kill);
      // Children that outlived the main process (backgrounded, or tools it started) go with the group.
      kill();
    },
  };
}
