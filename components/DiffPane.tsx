// The diff of a round, coloured; [ and ] reach the earlier rounds.
import { memo } from 'react';
import type { DiffView } from './dashboard-state.js';
import Pane from './Pane.js';

type Props = {
  readonly diff?: DiffView;
  /** Which diff this is (1-based) of how many. */
  readonly index: number;
  readonly count: number;
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  readonly scroll: number;
};

/** What the commit is: a round's code, or one of factory's own commits, each under its own name. */
const labels: Record<DiffView['kind'], (diff: DiffView) => string> = {
  round: (diff) => `task ${diff.task} round ${diff.round}`,
  'task-done': (diff) => `task ${diff.task} closed (RFP/tasks.md ticked)`,
  'reviewer-tests': (diff) => `task ${diff.task} reviewer's tests`,
  'hand-edits': (diff) => `task ${diff.task} edits by hand`,
};

function DiffPane({ diff, index, count, width, height, focused, scroll }: Props) {
  const title = diff
    ? `4 Diff · ${labels[diff.kind](diff)} · ${diff.sha.slice(0, 7)} · ${index}/${count}${count > 1 ? ' [ ]' : ''}`
    : '4 Diff';
  const lines = diff?.lines ?? [{ text: 'no committed change yet', tone: 'dim' as const }];
  return <Pane title={title} lines={lines} width={width} height={height} focused={focused} scroll={scroll} />;
}

/** Redrawn only when its own slice of state changes, not on every batch of worker lines. */
export default memo(DiffPane);
