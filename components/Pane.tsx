// A bordered pane showing the slice of its lines that fits: the newest ones, or higher up when the user scrolled.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import { fitWidth } from './fit-width.js';
import type { Line } from './line-window.js';
import { useTheme } from './theme-context.js';
import { toneColor } from './tone-color.js';

type Props = {
  /** The first row. */
  readonly title: string;
  readonly lines: readonly Line[];
  /** Outer size, borders included. */
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  /** Lines scrolled up from the bottom; 0 follows. */
  readonly scroll: number;
  /** Rows above the lines (the Tests headline). */
  readonly headline?: ReactNode;
  /** How many rows the headline takes. */
  readonly headlineRows?: number;
};

export default function Pane({ title, lines, width, height, focused, scroll, headline, headlineRows = 1 }: Props) {
  const theme = useTheme();
  const rows = Math.max(0, height - 3 - (headline ? headlineRows : 0));
  const offset = Math.min(scroll, Math.max(0, lines.length - rows));
  const end = lines.length - offset;
  const visible = lines.slice(Math.max(0, end - rows), end);
  // Inside the borders.
  const inner = width - 2;
  const marker = offset > 0 ? ` ↑ scrolled ${offset} (G follows)` : '';
  const emphasis = focused && theme.inverseEmphasis;
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle={focused ? 'double' : 'round'}
      borderColor={focused ? theme.focusBorder : theme.border}
      overflow="hidden"
    >
      <Text bold={focused} inverse={emphasis} color={focused ? theme.accent : theme.dim} wrap="truncate-end">
        {`${title}${marker}`}
      </Text>
      {headline}
      {visible.map((line, index) => (
        // Keyed by line, every row would remount as the pane scrolls.
        // biome-ignore lint/suspicious/noArrayIndexKey: a row is a screen position.
        <Text key={index} color={toneColor(theme, line.tone)} wrap="truncate-end">
          {fitWidth(line.text, inner) || ' '}
        </Text>
      ))}
    </Box>
  );
}
