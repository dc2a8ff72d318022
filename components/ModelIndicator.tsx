// Each local model's state (a spinner while it loads or unloads), then the VRAM the loaded ones use out of the total,
// as a bar.
import { Text } from 'ink';
import Spinner from 'ink-spinner';
import type { ModelView } from './dashboard-state.js';
import { formatGb } from './format.js';
import { useTheme } from './theme-context.js';

type Props = { readonly models: readonly ModelView[] };

const barWidth = 6;

export default function ModelIndicator({ models }: Props) {
  const theme = useTheme();
  const shown = models.filter((model) => model.state !== 'unloaded');
  if (shown.length === 0) return null;
  const used = shown.reduce(
    (sum, model) => sum + (model.state === 'loaded' || model.state === 'unloading' ? (model.sizeVram ?? 0) : 0),
    0,
  );
  const total = Math.max(0, ...shown.map((model) => model.vramTotal ?? 0));
  const filled = total > 0 ? Math.round(Math.min(1, used / total) * barWidth) : 0;
  return (
    <Text wrap="truncate-end">
      {shown.map((model) => {
        const moving = model.state === 'loading' || model.state === 'unloading';
        return (
          <Text key={`${model.role}:${model.model}`}>
            {' · '}
            {moving ? (
              <Text color={theme.warning}>
                <Spinner type="dots" />
              </Text>
            ) : (
              <Text color={theme.success}>●</Text>
            )}
            {` ${model.role} ${model.model} ${model.state}`}
          </Text>
        );
      })}
      {total > 0 ? (
        <>
          {' · VRAM '}
          <Text color={theme.barFill}>{'█'.repeat(filled)}</Text>
          <Text color={theme.dim}>{'░'.repeat(barWidth - filled)}</Text>
          {` ${formatGb(used)}/${formatGb(total)}`}
        </>
      ) : used > 0 ? (
        ` · VRAM ${formatGb(used)}`
      ) : (
        ''
      )}
    </Text>
  );
}
