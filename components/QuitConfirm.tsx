// Asked on q while a run is going: stop it, or leave it running headless.
import { Box, Text } from 'ink';
import { useTheme } from './theme-context.js';

type Props = { readonly width: number };

export default function QuitConfirm({ width }: Props) {
  const theme = useTheme();
  return (
    <Box width={width} height={3} borderStyle="round" borderColor={theme.warning}>
      <Text color={theme.warning} bold wrap="truncate-end">
        The run is still going. y: stop it and quit · k: keep it running headless and quit · n: stay
      </Text>
    </Box>
  );
}
