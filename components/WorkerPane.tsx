// The worker's streamed output: text, tool calls and edits.
import { memo } from 'react';
import type { DashboardState } from './dashboard-state.js';
import Pane from './Pane.js';

type Props = {
  readonly lines: DashboardState['worker'];
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  readonly scroll: number;
  readonly engine?: string;
};

function WorkerPane({ lines, width, height, focused, scroll, engine }: Props) {
  return (
    <Pane
      title={`1 Worker${engine ? ` · ${engine}` : ''}`}
      lines={lines}
      width={width}
      height={height}
      focused={focused}
      scroll={scroll}
    />
  );
}

/** Redrawn only when its own slice of state changes, not on every batch of worker lines. */
export default memo(WorkerPane);
