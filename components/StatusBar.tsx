// One line of where the run stands: task, round, streaks, elapsed, tokens and cost, sandbox, models.
import { Box, Text } from 'ink';
import type { DashboardState } from './dashboard-state.js';
import { formatCount, formatDuration } from './format.js';
import ModelIndicator from './ModelIndicator.js';
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
  const doneTasks = status.tasksGreen;
  const parts = [
    `task ${status.task || '-'}/${status.tasksTotal || '-'} (${doneTasks} green)`,
    `round ${status.round}/${status.maxRounds || '-'}`,
    `fail ${status.failStreak}`,
    `idle ${status.idleStreak}`,
    elapsed,
    `${formatCount(status.tokens)} tok $${status.costUsd.toFixed(2)}`,
    status.sandbox ?? 'sandbox -',
  ];
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text bold color={theme.accent} inverse={theme.inverseEmphasis}>{` ${status.state.toUpperCase()} `}</Text>
      <Text color={theme.text} wrap="truncate-end">{` ${parts.join(' · ')}`}</Text>
      <ModelIndicator models={Object.values(models)} />
    </Box>
  );
}
