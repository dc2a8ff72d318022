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

function DiffPane({ diff, index, count, width, height, focused, scroll }: Props) {
  const title = diff
    ? `4 Diff · task ${diff.task} round ${diff.round} · ${diff.sha.slice(0, 7)} · ` +
      `${index}/${count}${count > 1 ? ' [ ]' : ''}`
    : '4 Diff';
  const lines = diff?.lines ?? [{ text: 'no committed change yet', tone: 'dim' as const }];
  return <Pane title={title} lines={lines} width={width} height={height} focused={focused} scroll={scroll} />;
}

/** Redrawn only when its own slice of state changes, not on every batch of worker lines. */
export default memo(DiffPane);
