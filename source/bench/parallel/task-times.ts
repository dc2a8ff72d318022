// From a run's events, each with the moment it arrived, and when each task was in the worker or the sandbox: the
// engine's own time per round of each line, its own time per task outside the rounds, and the most lines at once.
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { timeWithin } from '../round/timed.js';
import type { OutsideTime } from './timed-lines.js';

export type TimedEvent = { at: number; event: FactoryEvent };

type TaskSpans = { first: number; last: number; rounds: { start: number; end?: number }[] };

/** Each round, from its round:started to its round:finished, less its task's worker and sandbox time within it. */
export function engineTimePerRound(events: readonly TimedEvent[], outside: OutsideTime): number[] {
  return [...spans(events)].flatMap(([task, times]) =>
    times.rounds.flatMap(({ start, end }) =>
      end === undefined ? [] : [end - start - timeWithin(outside.get(task) ?? [], start, end)],
    ),
  );
}

/**
 * Each task's own time outside its rounds (a line's worktree and sandbox, the merge, the verification, the tick, the
 * wait for the run branch), less its worker and sandbox time there.
 */
export function engineTimeBesideRounds(events: readonly TimedEvent[], outside: OutsideTime): number[] {
  const perRound = (task: number, from: number, to: number): number =>
    to - from - timeWithin(outside.get(task) ?? [], from, to);
  return [...spans(events)]
    .filter(([, times]) => times.rounds.length > 0)
    .map(
      ([task, times]) =>
        perRound(task, times.first, times.last) -
        times.rounds.reduce((sum, { start, end }) => sum + (end === undefined ? 0 : perRound(task, start, end)), 0),
    );
}

function spans(events: readonly TimedEvent[]): Map<number, TaskSpans> {
  const tasks = new Map<number, TaskSpans>();
  for (const { at, event } of events) {
    if (event.task === 0) continue;
    const times = tasks.get(event.task) ?? { first: at, last: at, rounds: [] };
    tasks.set(event.task, times);
    times.last = at;
    if (event.type === 'round:started') times.rounds.push({ start: at });
    const open = times.rounds.at(-1);
    if (event.type === 'round:finished' && open && open.end === undefined) open.end = at;
  }
  return tasks;
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
