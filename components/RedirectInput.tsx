// The redirect overlay's one-line text input; the text goes into the run's next prompt.
import { Box, Text } from 'ink';
import { useTheme } from './theme-context.js';

/** task: the production line it goes to (the one on screen), when tasks run side by side. */
type Props = { readonly draft: string; readonly task?: number; readonly width: number };

export default function RedirectInput({ draft, task, width }: Props) {
  const theme = useTheme();
  const label = task === undefined ? 'redirect › ' : `redirect task ${task} › `;
  const room = Math.max(10, width - label.length - 1);
  return (
    <Box width={width} height={3} borderStyle="round" borderColor={theme.focusBorder} flexDirection="column">
      <Text wrap="truncate-start">
        <Text color={theme.accent} bold>
          {label}
        </Text>
        <Text color={theme.text}>{draft.slice(-room)}</Text>
        <Text inverse> </Text>
      </Text>
    </Box>
  );
}
