// The events a late dashboard is sent first, bounded however long the run (the full record is events.ndjson and
// .factory/output/). Kept, in the order they came:
// - every summary event (run, task, engine, valve, cap, config, human, baseline, plan, review, guard, model,
//   agent:finished): small, and what the run's totals, state and settings are folded from;
// - a round's detail (prompt, streamed lines, tests, edits, record) for the newest `rounds` rounds only (and, while
//   production lines are open, the newest `rounds` of each open line: a dashboard attaching late, a tmux window,
//   shows every line's current round), and in those the newest streamed text up to `streamedChars` characters for
//   each kind (worker, tests);
// - the newest `diffs` commits and `verdicts` verdicts (the Diff and Supervisor panes' history).
import type { FactoryEvent } from '../contract/events.js';

export type HistoryLimits = { rounds: number; streamedChars: number; diffs: number; verdicts: number };

/** @internal the tests size their input by it. */
export const historyLimits: HistoryLimits = { rounds: 2, streamedChars: 256 * 1024, diffs: 10, verdicts: 200 };

type Streamed = 'agent:chunk' | 'tests:output';

const roundDetail: ReadonlySet<FactoryEvent['type']> = new Set([
  'agent:chunk',
  'tests:output',
  'prompt:built',
  'round:started',
  'tests:started',
  'tests:finished',
  'round:finished',
  'agent:tool',
  'agent:edit',
  'git:unchanged',
]);

const roundOf = (event: FactoryEvent): string => `${event.task}:${event.round}`;

export class EventHistory {
  private events: FactoryEvent[] = [];
  /** The newest rounds that have detail, oldest first. */
  private rounds: string[] = [];
  private streamed: Record<Streamed, number> = { 'agent:chunk': 0, 'tests:output': 0 };
  private diffs = 0;
  private verdicts = 0;
  /** Production lines started and not closed, by task. */
  private readonly openLines = new Set<number>();

  constructor(private readonly limits: HistoryLimits = historyLimits) {}

  add(event: FactoryEvent): void {
    this.events.push(event);
    if (event.type === 'line:started') this.openLines.add(event.task);
    if (event.type === 'line:closed') this.openLines.delete(event.task);
    // What goes over a limit is dropped in batches (at twice the limit), so that adding stays cheap.
    let over = false;
    if (roundDetail.has(event.type) && !this.rounds.includes(roundOf(event))) {
      this.rounds.push(roundOf(event));
      over = this.rounds.length > this.limits.rounds * (1 + this.openLines.size);
    }
    if (event.type === 'agent:chunk' || event.type === 'tests:output') {
      this.streamed[event.type] += event.text.length;
      over ||= this.streamed[event.type] > 2 * this.limits.streamedChars;
    }
    if (event.type === 'git:committed') over ||= ++this.diffs > 2 * this.limits.diffs;
    if (event.type === 'verdict:issued') over ||= ++this.verdicts > 2 * this.limits.verdicts;
    if (over) this.compact();
  }

  all(): readonly FactoryEvent[] {
    return this.events;
  }

  private compact(): void {
    const recent = new Set(this.rounds.slice(-this.limits.rounds));
    for (const task of this.openLines)
      for (const key of this.rounds.filter((round) => round.startsWith(`${task}:`)).slice(-this.limits.rounds))
        recent.add(key);
    this.rounds = this.rounds.filter((round) => recent.has(round));
    const room: Record<Streamed, number> = {
      'agent:chunk': this.limits.streamedChars,
      'tests:output': this.limits.streamedChars,
    };
    let diffs = this.limits.diffs;
    let verdicts = this.limits.verdicts;
    const keep = (event: FactoryEvent): boolean => {
      if (event.type === 'git:committed') return diffs-- > 0;
      if (event.type === 'verdict:issued') return verdicts-- > 0;
      if (!roundDetail.has(event.type)) return true;
      if (!recent.has(roundOf(event))) return false;
      if (event.type !== 'agent:chunk' && event.type !== 'tests:output') return true;
      if (room[event.type] <= 0) return false;
      room[event.type] -= event.text.length;
      return true;
    };
    // Newest first, so that each window keeps the end.
    this.events = this.events.toReversed().filter(keep).reverse();
    this.streamed = {
      'agent:chunk': this.limits.streamedChars - room['agent:chunk'],
      'tests:output': this.limits.streamedChars - room['tests:output'],
    };
    this.diffs = this.limits.diffs - Math.max(diffs, 0);
    this.verdicts = this.limits.verdicts - Math.max(verdicts, 0);
  }
}
