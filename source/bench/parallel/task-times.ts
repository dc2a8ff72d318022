// From a run's events, each with the moment it arrived: the engine's own time per round of each task, and the most
// lines that ran at once.
import type { FactoryEvent } from '../../../engine/events.js';
import type { OutsideTime } from './timed-lines.js';

export type TimedEvent = { at: number; event: FactoryEvent };

/**
 * Per task: the time from its first event to its last, minus what it spent in the worker and in sandbox commands
 * (`outside`), over its rounds.
 */
export function engineTimePerRound(events: readonly TimedEvent[], outside: OutsideTime): number[] {
  const tasks = new Map<number, { first: number; last: number; rounds: number }>();
  for (const { at, event } of events) {
    if (event.task === 0) continue;
    const times = tasks.get(event.task) ?? { first: at, last: at, rounds: 0 };
    tasks.set(event.task, times);
    times.last = at;
    if (event.type === 'round:started') times.rounds += 1;
  }
  return [...tasks]
    .filter(([, times]) => times.rounds > 0)
    .map(([task, times]) => (times.last - times.first - (outside.get(task) ?? 0)) / times.rounds);
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
