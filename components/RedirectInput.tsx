// The redirect overlay's one-line text input; the text goes into the run's next prompt.
import { Box, Text } from 'ink';
import { useTheme } from './theme-context.js';

type Props = { readonly draft: string; readonly width: number };

export default function RedirectInput({ draft, width }: Props) {
  const theme = useTheme();
  const room = Math.max(10, width - 12);
  return (
    <Box width={width} height={3} borderStyle="round" borderColor={theme.focusBorder} flexDirection="column">
      <Text wrap="truncate-start">
        <Text color={theme.accent} bold>
          {'redirect › '}
        </Text>
        <Text color={theme.text}>{draft.slice(-room)}</Text>
        <Text inverse> </Text>
      </Text>
    </Box>
  );
}
