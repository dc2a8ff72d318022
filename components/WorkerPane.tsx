// The worker's streamed output: text, tool calls and edits.
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

export default function WorkerPane({ lines, width, height, focused, scroll, engine }: Props) {
  return <Pane title={`1 Worker${engine ? ` · ${engine}` : ''}`} lines={lines} width={width} height={height} focused={focused} scroll={scroll} />;
}
