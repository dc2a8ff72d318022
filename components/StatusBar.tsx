// One line of where the run stands, fitted to the width: the badge
// always whole, the least important parts shortened or left out first.
import { Box, Text } from 'ink';
import Spinner from 'ink-spinner';
import type { Theme } from '../themes/theme.js';
import type { DashboardState } from './dashboard-state.js';
import { formatDuration } from './format.js';
import { layoutBar, type Segment } from './status-bar-layout.js';
import { statusBarParts } from './status-bar-parts.js';
import { useTheme } from './theme-context.js';
import { useNow } from './use-now.js';

type Props = {
  readonly status: DashboardState['status'];
  readonly models: DashboardState['models'];
  readonly width: number;
};

export default function StatusBar({ status, models, width }: Props) {
  const theme = useTheme();
  const ticking = status.state !== 'finished' && status.state !== 'idle';
  const now = useNow(ticking);
  const end = ticking ? now : Date.parse(status.updatedAt ?? '') || now;
  const elapsed = status.startedAt ? formatDuration(end - Date.parse(status.startedAt)) : '--:--';
  const layout = layoutBar(statusBarParts(status, Object.values(models), elapsed), width);
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate-end">
        {layout.parts.map((part) => (
          <Text key={part.id}>
            {part.lead && <Text color={theme.text}>{part.lead}</Text>}
            {part.segments.map((segment, at) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a form's segments are fixed in number and order
              <SegmentText key={at} segment={segment} theme={theme} />
            ))}
          </Text>
        ))}
      </Text>
    </Box>
  );
}

function SegmentText({ segment, theme }: { segment: Segment; theme: Theme }) {
  if (segment.badge)
    return (
      <Text bold color={theme.accent} inverse={theme.inverseEmphasis}>
        {segment.text}
      </Text>
    );
  const color = segment.tone ? theme[segment.tone] : undefined;
  if (segment.spinner)
    return (
      <Text color={color}>
        <Spinner type="dots" />
      </Text>
    );
  return <Text color={color}>{segment.text}</Text>;
}
