// The lines whose round is past its worker call and not finished (its guard, tests and commit). A green line's merge
// waits for them, at most about one test run, so lines that come home together are merged as one batch and verified by
// one suite on the run branch (merge-batch.ts) instead of one suite each.
import type { EventPayload, Say } from '../contract/events.js';

export type TestingLines = {
  /** The line's say, watched: from its round's worker call ending to its round ending, the line is testing. */
  watch(task: number, say: Say): Say;
  /** The line ended (a round that failed says no round:finished). */
  forget(task: number): void;
  /** Resolves when no line is testing, or after about as long as the last round's tests took. */
  settled(): Promise<void>;
};

/** Slack on the last test run's time: a line's tests started a little after the one that came home. */
const waitFactor = 1.5;

export function testingLines(): TestingLines {
  const inRound = new Set<number>();
  const testing = new Set<number>();
  let waiters: (() => void)[] = [];
  let lastTestsMs = 0;
  const wake = (): void => {
    if (testing.size > 0) return;
    const woken = waiters;
    waiters = [];
    for (const resolve of woken) resolve();
  };
  const leave = (task: number): void => {
    inRound.delete(task);
    testing.delete(task);
  };
  return {
    watch: (task, say) => (type, payload) => {
      if (type === 'round:started') inRound.add(task);
      // The reviewer's and the architect's calls, outside a round, are not a round's tests.
      if (type === 'agent:finished' && inRound.has(task)) testing.add(task);
      if (type === 'round:finished') {
        lastTestsMs = (payload as EventPayload<'round:finished'>).record.tests.durationMs;
        leave(task);
      }
      say(type, payload);
      if (type === 'round:finished') wake();
    },
    forget(task) {
      leave(task);
      wake();
    },
    async settled() {
      if (testing.size > 0)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, lastTestsMs * waitFactor);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      // A line whose round just ended green reaches the merge queue within this turn of the event loop.
      await new Promise((resolve) => setImmediate(resolve));
    },
  };
}
