// The lines strip above the panes: one row per production line (its place, task, round, state, last tests, cost), the
// line the panes show marked; only once more than one line has been seen.
import { Box, Text } from 'ink';
import type { LineState, LineStatus } from '../engine/reports/line-status.js';
import { fitWidth } from './fit-width.js';
import { stripRows } from './lines-strip-rows.js';
import { useTheme } from './theme-context.js';

type Props = {
  readonly lines: readonly LineStatus[];
  /** The task whose panes are on screen. */
  readonly shown?: number;
  readonly width: number;
  /** Rows it may take. */
  readonly height: number;
};

const stateTone: Record<LineState, 'accent' | 'warning' | 'success' | 'dim'> = {
  running: 'accent',
  merging: 'warning',
  returned: 'warning',
  green: 'success',
  stopped: 'dim',
};

/** A column of exactly `columns` (cut with … or padded). */
const column = (text: string, columns: number): string => fitWidth(text, columns).padEnd(columns);

export default function LinesStrip({ lines, shown, width, height }: Props) {
  const theme = useTheme();
  const rows = stripRows(lines, shown, height);
  const wide = width >= 100;
  const title = Math.max(10, Math.floor(width * (wide ? 0.3 : 0.26)));
  const round = wide ? 12 : 7;
  const state = wide ? 13 : 9;
  const cost = 7;
  const tests = Math.max(0, width - 5 - title - round - state - cost - 1);
  return (
    <Box flexDirection="column" width={width} height={rows.lines.length + (rows.more ? 1 : 0)} overflow="hidden">
      {rows.lines.map((line) => {
        const mark = line.task === shown ? '›' : ' ';
        const returns = line.returns > 0 ? ` ↩${line.returns}` : '';
        const testsTone = line.green === undefined ? theme.dim : line.green ? theme.success : theme.failure;
        return (
          <Text key={line.task} wrap="truncate-end" inverse={line.task === shown && theme.inverseEmphasis}>
            <Text color={theme.accent} bold>{`${mark} L${line.slot} `}</Text>
            <Text color={line.task === shown ? theme.text : theme.dim} bold={line.task === shown}>
              {column(`task ${line.task} ${line.title}`, title)}
            </Text>
            <Text color={theme.text}>
              {column(
                wide ? ` round ${line.round}/${line.maxRounds || '-'}` : ` r${line.round}/${line.maxRounds || '-'}`,
                round,
              )}
            </Text>
            <Text color={theme[stateTone[line.state]]}>{column(` ${line.state}${returns}`, state)}</Text>
            <Text color={testsTone}>{column(` ${line.lastTests ?? 'no test run yet'}`, tests)}</Text>
            <Text color={theme.text}>{` $${line.costUsd.toFixed(2)}`.padStart(cost)}</Text>
          </Text>
        );
      })}
      {rows.more ? (
        <Text color={theme.dim} wrap="truncate-end">
          {`  +${rows.more.count} more line(s): ${rows.more.green} green, ${rows.more.stopped} stopped ` +
            '(< > select any)'}
        </Text>
      ) : null}
    </Box>
  );
}
