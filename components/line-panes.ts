// The four panes' content per production line: the line the user follows is in the dashboard's own fields (what every
// pane reads), the others wait here, and each event is folded into the panes of the line it belongs to.
import type { LineStatus } from '../engine/reports/line-status.js';

/** "run": the run's own panes (before any line, and what a new line starts from); else a line's task. */
export type PaneKey = 'run' | number;

/**
 * Which line the panes follow: a place among the lines, whatever task holds it (held: factory tui --line N, even
 * while the place is empty; else the first place, or while it is empty, the first line at work), or one task the user
 * picked with < and >.
 */
export type Follow = { slot: number; held?: boolean } | { task: number };

export type LinePanes<P> = {
  /** Whose panes the dashboard's fields hold now. */
  shown: PaneKey;
  /** Everyone else's, by key. */
  parked: ReadonlyMap<PaneKey, P>;
};

export const noLinePanes = <P>(): LinePanes<P> => ({ shown: 'run', parked: new Map() });

/** The line the panes should show (shown: the one they show now), or "run" while no line is there to follow. */
export function wantedKey(lines: readonly LineStatus[], follow: Follow, shown: PaneKey): PaneKey {
  if (lines.length === 0) return 'run';
  if ('task' in follow) return lines.some((line) => line.task === follow.task) ? follow.task : 'run';
  const active = lines.find((line) => line.slot === follow.slot && !line.closed);
  const atWork = follow.held ? undefined : lines.filter((line) => !line.closed).sort((a, b) => a.slot - b.slot)[0];
  // With no line at work, the panes stay where they are rather than jump back.
  const stay = follow.held ? undefined : lines.find((line) => line.task === shown);
  const last = lines.findLast((line) => line.slot === follow.slot);
  return (active ?? atWork ?? stay ?? last)?.task ?? 'run';
}

/** The keys an event's panes change under: its line's, or, for the run's own events, every set. */
export function keysFor<P>(panes: LinePanes<P>, lines: readonly LineStatus[], task: number): PaneKey[] {
  if (lines.some((line) => line.task === task)) return [task];
  return [panes.shown, ...panes.parked.keys()];
}

/**
 * The panes a line starts with: those of the line that held its place before (so a place reads on like a run that
 * plays its tasks one after the other), else the run's own.
 */
export function startingKey<P>(panes: LinePanes<P>, lines: readonly LineStatus[], task: number): PaneKey {
  const line = lines.find((each) => each.task === task);
  const before = lines.findLast((each) => each.slot === line?.slot && each.task !== task && each.closed);
  return before && hasKey(panes, before.task) ? before.task : 'run';
}

export const hasKey = <P>(panes: LinePanes<P>, key: PaneKey): boolean => panes.shown === key || panes.parked.has(key);

export function withParked<P>(panes: LinePanes<P>, key: PaneKey, set: P): LinePanes<P> {
  const parked = new Map(panes.parked);
  parked.set(key, set);
  return { ...panes, parked };
}

/** Swaps the shown set: `current` (the fields' content now) is parked under the old key, `key`'s taken out. */
export function swapShown<P>(panes: LinePanes<P>, current: P, key: PaneKey): { panes: LinePanes<P>; shown?: P } {
  const parked = new Map(panes.parked);
  parked.set(panes.shown, current);
  const shown = parked.get(key);
  parked.delete(key);
  return { panes: { shown: key, parked }, shown };
}
