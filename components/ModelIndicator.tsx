// Each local model's state (a spinner while it loads or unloads) and its VRAM as a bar of the total.
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
  return (
    <>
      {shown.map((model) => {
        const moving = model.state === 'loading' || model.state === 'unloading';
        const share = model.sizeVram && model.vramTotal ? Math.min(1, model.sizeVram / model.vramTotal) : undefined;
        const filled = share === undefined ? 0 : Math.round(share * barWidth);
        return (
          <Text key={`${model.role}:${model.model}`} wrap="truncate-end">
            {' · '}
            {moving ? <Spinner type="dots" /> : <Text color={theme.success}>●</Text>}
            {` ${model.role} ${model.model} ${model.state}`}
            {share !== undefined ? (
              <>
                {' '}
                <Text color={theme.barFill}>{'█'.repeat(filled)}</Text>
                <Text color={theme.dim}>{'░'.repeat(barWidth - filled)}</Text>
                {` ${formatGb(model.sizeVram!)}/${formatGb(model.vramTotal!)}`}
              </>
            ) : model.sizeVram ? ` ${formatGb(model.sizeVram)} VRAM` : ''}
          </Text>
        );
      })}
    </>
  );
}
