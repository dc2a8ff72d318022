// From a run's events, each with the moment it arrived: the engine's own time per round of each task, and the most
// lines that ran at once.
import type { FactoryEvent } from '../../../engine/events.js';

export type TimedEvent = { at: number; event: FactoryEvent };

type TaskTimes = { first: number; last: number; rounds: number; outside: number; openedAt?: number };

/**
 * Per task: the time from its first to its last event, minus its worker calls (prompt built to agent finished) and its
 * test runs (tests started to finished), divided by its rounds.
 */
export function engineTimePerRound(events: readonly TimedEvent[]): number[] {
  const tasks = new Map<number, TaskTimes>();
  for (const { at, event } of events) {
    if (event.task === 0) continue;
    const times = tasks.get(event.task) ?? { first: at, last: at, rounds: 0, outside: 0 };
    tasks.set(event.task, times);
    times.last = at;
    if (event.type === 'round:started') times.rounds += 1;
    if (
      (event.type === 'prompt:built' || (event.type === 'tests:started' && !event.baseline)) &&
      times.openedAt === undefined
    )
      times.openedAt = at;
    if ((event.type === 'agent:finished' || event.type === 'tests:finished') && times.openedAt !== undefined) {
      times.outside += at - times.openedAt;
      times.openedAt = undefined;
    }
  }
  return [...tasks.values()]
    .filter((times) => times.rounds > 0)
    .map((times) => (times.last - times.first - times.outside) / times.rounds);
}

export function mostLinesAtOnce(events: readonly TimedEvent[]): number {
  let now = 0;
  let most = 1;
  for (const { event } of events) {
    if (event.type === 'line:started') most = Math.max(most, ++now);
    if (event.type === 'line:closed') now -= 1;
  }
  return most;
}
