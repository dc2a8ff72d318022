// The four panes' content, and which production line's content the dashboard's own fields hold: each event is
// folded into the panes of its line (the fields when the user follows that line, else the line's parked set), and
// following another line swaps the sets (line-panes.ts keeps the parked ones).
import type { CommitKind } from '../engine/contract/events.js';
import type { TestCounts } from '../engine/contract/test-summary.js';
import type { RunStatus } from '../engine/reports/run-status.js';
import type { BaselineRun } from './baseline-line.js';
import {
  hasKey,
  keysFor,
  startingKey,
  swapShown,
  wantedKey,
  withParked,
  type Follow,
  type LinePanes,
} from './line-panes.js';
import type { Line } from './line-window.js';
import type { SupervisorEntry } from './supervisor-entries.js';

export const paneIds = ['worker', 'tests', 'supervisor', 'diff'] as const;
export type PaneId = (typeof paneIds)[number];

/**
 * baseline: the run's test results before round 1, kept over the rounds ("baseline: 3/5 passing; failing before the
 * run: ...").
 */
export type TestsView = {
  headline: string;
  green?: boolean;
  running: boolean;
  counts?: TestCounts;
  command?: string;
  lines: Line[];
  baseline?: string;
  /** The baseline as recorded, to say again per task which of its failures lie outside the task. */
  baselineRun?: BaselineRun;
};
/** kind: a round's code diff, or one of factory's own commits around the rounds (the task-closing tick, ...). */
export type DiffView = { task: number; round: number; kind: CommitKind; sha: string; message: string; lines: Line[] };

/** What the four panes show: one set per production line. */
export type PaneContent = {
  worker: Line[];
  tests: TestsView;
  supervisor: SupervisorEntry[];
  /** One per committed round, oldest first (bounded). */
  diffs: DiffView[];
  /** Which diff the Diff pane shows; undefined follows the newest code diff. */
  diffIndex?: number;
  /** Lines scrolled up from the bottom per pane; 0 follows new output. */
  scroll: Record<PaneId, number>;
};

/** The parts of the dashboard's state the lines' panes are kept by. */
type LinedState = PaneContent & { status: RunStatus; follow: Follow; linePanes: LinePanes<PaneContent> };

export const emptyPanes = (): PaneContent => ({
  worker: [],
  tests: { headline: 'no test run yet', running: false, lines: [] },
  supervisor: [],
  diffs: [],
  diffIndex: undefined,
  scroll: { worker: 0, tests: 0, supervisor: 0, diff: 0 },
});

const paneContent = ({ worker, tests, supervisor, diffs, diffIndex, scroll }: PaneContent): PaneContent => ({
  worker,
  tests,
  supervisor,
  diffs,
  diffIndex,
  scroll,
});

/**
 * Folds into the panes of the event's line (the fields when it is the one shown, else its parked set); the run's own
 * events (the baseline, a pause, a setting) go into every set. Without lines, straight into the fields.
 */
export function inPanes<S extends LinedState>(state: S, task: number, apply: (state: S) => S): S {
  const { lines } = state.status;
  if (lines.length === 0) return apply(state);
  let next = state;
  for (const key of keysFor(state.linePanes, lines, task)) {
    if (key === next.linePanes.shown) next = apply(next);
    else {
      const parked = next.linePanes.parked.get(key);
      if (parked)
        next = { ...next, linePanes: withParked(next.linePanes, key, paneContent(apply({ ...next, ...parked }))) };
    }
  }
  return next;
}

/** A new line's panes, from those of the line that held its place before, or the run's own. */
export function openLine<S extends LinedState>(state: S, task: number): S {
  if (hasKey(state.linePanes, task)) return state;
  const from = startingKey(state.linePanes, state.status.lines, task);
  const base = from === state.linePanes.shown ? paneContent(state) : (state.linePanes.parked.get(from) ?? emptyPanes());
  const start = { ...base, diffIndex: undefined, scroll: emptyPanes().scroll };
  return { ...state, linePanes: withParked(state.linePanes, task, start) };
}

/** Puts the followed line's panes in the fields, when they are not there already. */
export function showFollowed<S extends LinedState>(state: S): S {
  const key = wantedKey(state.status.lines, state.follow, state.linePanes.shown);
  if (key === state.linePanes.shown) return state;
  const { panes, shown } = swapShown(state.linePanes, paneContent(state), key);
  return { ...state, ...(shown ?? emptyPanes()), linePanes: panes };
}
