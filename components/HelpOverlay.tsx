// The full key list (`?`), built from the keymap; keys that do nothing now say why.
import { Box, Text } from 'ink';
import type { DashboardState } from './dashboard-state.js';
import { keyLabel, keymap, type KeyScope } from './keymap.js';
import { useTheme } from './theme-context.js';

type Props = { readonly state: DashboardState; readonly width: number; readonly height: number };

const sections: { scope: KeyScope; title: string }[] = [
  { scope: 'global', title: 'Dashboard' },
  { scope: 'diff', title: 'Diff pane' },
  { scope: 'redirect', title: 'Redirect input' },
  { scope: 'limits', title: 'Limits form' },
  { scope: 'limits-edit', title: 'Limits form, editing a value' },
  { scope: 'quit', title: 'Quit question' },
  { scope: 'help', title: 'This help' },
  { scope: 'overlay', title: 'Any overlay' },
];

export default function HelpOverlay({ state, width, height }: Props) {
  const theme = useTheme();
  const rows = sections.flatMap(({ scope, title }) => [
    { key: title, label: '', text: title, reason: undefined as string | undefined, heading: true },
    ...keymap
      .filter((binding) => binding.scope === scope)
      .map((binding) => ({
        key: binding.id,
        label: keyLabel(binding),
        text: binding.description,
        reason: binding.disabledReason?.(state),
        heading: false,
      })),
  ]);
  const room = Math.max(0, height - 3);
  // Scrolling stops once the last row is in view.
  const offset = Math.min(state.helpScroll, Math.max(0, rows.length - room));
  const more =
    rows.length > room
      ? ` · rows ${offset + 1}-${Math.min(rows.length, offset + room)} of ${rows.length}, j/k scroll`
      : '';
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="double"
      borderColor={theme.focusBorder}
      overflow="hidden"
    >
      <Text bold color={theme.accent} wrap="truncate-end">{`Keys (esc or ? closes)${more}`}</Text>
      {rows.slice(offset, offset + room).map((row) =>
        row.heading ? (
          <Text key={row.key} bold color={theme.text}>
            {row.text}
          </Text>
        ) : (
          <Text key={row.key} wrap="truncate-end">
            <Text color={theme.keyHint} bold>{`  ${row.label.padEnd(10)}`}</Text>
            <Text color={row.reason ? theme.dim : theme.text}>{row.text}</Text>
            {row.reason ? <Text color={theme.warning}>{` (now: ${row.reason})`}</Text> : null}
          </Text>
        ),
      )}
    </Box>
  );
}
