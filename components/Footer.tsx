// Key hints for what works now, from the keymap; cut to the width.
import { Box, Text } from 'ink';
import type { DashboardState } from './dashboard-state.js';
import { footerBindings, keyLabel } from './keymap.js';
import { useTheme } from './theme-context.js';

type Props = { readonly state: DashboardState; readonly width: number };

export default function Footer({ state, width }: Props) {
  const theme = useTheme();
  return (
    <Box width={width} height={1} overflow="hidden">
      <Text wrap="truncate-end">
        {footerBindings(state).map((binding, index) => (
          <Text key={binding.id}>
            {index > 0 ? '  ' : ''}
            <Text color={theme.keyHint} bold>
              {keyLabel(binding)}
            </Text>
            <Text color={theme.dim}>{` ${binding.short}`}</Text>
          </Text>
        ))}
      </Text>
    </Box>
  );
}
