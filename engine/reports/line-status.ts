// Where each production line stands (a task played in a worktree of its own, side by side with others), folded from
// the events of every line interleaved in one stream: what the dashboard's lines strip and status bar, and
// `factory status`, show.
import type { FactoryEvent, TaskOutcome } from '../contract/events.js';

/** returned: its merge conflicted or broke a test on the merged tree, and it plays another round. */
export type LineState = 'running' | 'merging' | 'returned' | 'green' | 'stopped';

export type LineStatus = {
  task: number;
  title: string;
  branch: string;
  /**
   * Its place among the lines side by side, 1-based: the lowest one free when it started (a line frees its place when
   * it closes). Every reader of the same events numbers the lines alike: `factory tui --line N` follows place N.
   */
  slot: number;
  state: LineState;
  /** Its worktree and branch are gone. */
  closed: boolean;
  round: number;
  maxRounds: number;
  failStreak: number;
  idleStreak: number;
  lastTests?: string;
  /** The verdict of its last test run; undefined before one. */
  green?: boolean;
  /** What its model calls cost: the steps in the run's totals that its events brought. */
  costUsd: number;
  tokens: number;
  /** Merges onto the run branch tried, and how many were sent back (why, the newest). */
  merges: number;
  returns: number;
  lastReturn?: string;
  outcome?: TaskOutcome;
  reason?: string;
};

/** A step in the run's totals (the shape the events carry them in). */
type Spent = { costUsd: number; tokens: number };

const freeSlot = (lines: readonly LineStatus[]): number => {
  const taken = new Set(lines.filter((line) => !line.closed).map((line) => line.slot));
  let slot = 1;
  while (taken.has(slot)) slot++;
  return slot;
};

/** spent: what this event added to the run's totals, counted to its task's line. */
export function reduceLines(lines: readonly LineStatus[], event: FactoryEvent, spent?: Spent): readonly LineStatus[] {
  if (event.type === 'line:started') {
    const known = lines.find((line) => line.task === event.task);
    const opened: LineStatus = {
      task: event.task,
      title: event.title,
      branch: event.branch,
      slot: known && !known.closed ? known.slot : freeSlot(lines),
      state: 'running',
      closed: false,
      round: known?.round ?? 0,
      maxRounds: known?.maxRounds ?? 0,
      failStreak: known?.failStreak ?? 0,
      idleStreak: known?.idleStreak ?? 0,
      costUsd: known?.costUsd ?? 0,
      tokens: known?.tokens ?? 0,
      merges: known?.merges ?? 0,
      returns: known?.returns ?? 0,
      lastReturn: known?.lastReturn,
      lastTests: known?.lastTests,
      green: known?.green,
    };
    return known ? lines.map((line) => (line === known ? opened : line)) : [...lines, opened];
  }
  const line = lines.find((each) => each.task === event.task);
  if (!line) return lines;
  const next = lineEvent(line, event, spent);
  return next === line ? lines : lines.map((each) => (each === line ? next : each));
}

function lineEvent(line: LineStatus, event: FactoryEvent, spent?: Spent): LineStatus {
  const paid =
    spent && (spent.costUsd !== 0 || spent.tokens !== 0)
      ? { ...line, costUsd: line.costUsd + spent.costUsd, tokens: line.tokens + spent.tokens }
      : line;
  switch (event.type) {
    case 'round:started':
      return {
        ...paid,
        round: event.round,
        maxRounds: event.maxRounds,
        state: paid.closed ? paid.state : 'running',
      };
    case 'tests:finished':
      if (event.baseline) return paid;
      return {
        ...paid,
        lastTests: event.taskVerdict?.why ?? event.result.headline,
        green: event.taskVerdict?.green ?? event.result.green,
      };
    case 'round:finished':
      return { ...paid, failStreak: event.record.failStreak, idleStreak: event.record.idleStreak };
    case 'line:merging':
      return { ...paid, state: 'merging', merges: paid.merges + 1 };
    case 'line:merged':
      return { ...paid, state: 'green' };
    case 'line:returned':
      return {
        ...paid,
        state: 'returned',
        returns: paid.returns + 1,
        lastReturn: `${event.reason}: ${event.detail}`,
      };
    case 'task:finished':
      return { ...paid, outcome: event.outcome, reason: event.reason, state: closedState(event.outcome) };
    case 'line:closed':
      return { ...paid, closed: true, outcome: event.outcome, reason: event.reason, state: closedState(event.outcome) };
    default:
      return paid;
  }
}

const closedState = (outcome: TaskOutcome): LineState => (outcome === 'green' ? 'green' : 'stopped');

/** Lines still at work (running, merging or sent back), and lines green on the run branch. */
export function lineCounts(lines: readonly LineStatus[]): { running: number; green: number } {
  return {
    running: lines.filter((line) => !line.closed && line.state !== 'green' && line.state !== 'stopped').length,
    green: lines.filter((line) => line.state === 'green').length,
  };
}

/** A resumed run plays its lines again from their last committed round: until they start again, they are stopped. */
export const interruptedLines = (lines: readonly LineStatus[]): readonly LineStatus[] =>
  lines.map((line) =>
    line.closed ? line : { ...line, closed: true, state: 'stopped', reason: 'the run was interrupted' },
  );
