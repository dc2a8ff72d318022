// The limits form (L): the live settings with their current values; one is picked, edited and sent to the run for its
// next round.
import { Box, Text } from 'ink';
import { findKey } from '../engine/config/keys.js';
import { liveKeys } from '../engine/config/live-setting.js';
import type { LimitsForm as FormState } from './limits-state.js';
import { useTheme } from './theme-context.js';

type Props = {
  readonly form: FormState;
  readonly settings: Readonly<Record<string, string>>;
  readonly draft: string;
  readonly width: number;
  readonly height: number;
};

const keyWidth = Math.max(...liveKeys.map((key) => key.length)) + 2;

/**
 * An empty value is a setting too (no cap, the engine's default model); a missing one predates settings in run:started.
 */
const shown = (value: string | undefined): string =>
  value === undefined ? '? (not reported by this run)' : value === '' ? '(empty)' : value;

export default function LimitsForm({ form, settings, draft, width, height }: Props) {
  const theme = useTheme();
  const picked = liveKeys[form.row];
  const hint = form.editing ? 'type the value · enter sends · esc cancels' : 'j/k pick · enter edits · esc closes';
  return (
    <Box
      flexDirection="column"
      width={width}
      height={height}
      borderStyle="double"
      borderColor={theme.focusBorder}
      overflow="hidden"
    >
      <Text
        bold
        color={theme.accent}
        wrap="truncate-end"
      >{`Limits · changes apply from the next round · ${hint}`}</Text>
      {liveKeys.map((key) => {
        const here = key === picked;
        return (
          <Text key={key} wrap="truncate-end">
            <Text
              color={here ? theme.accent : theme.dim}
              bold={here}
            >{`${here ? '›' : ' '} ${key.padEnd(keyWidth)}`}</Text>
            {here && form.editing ? (
              <Text color={theme.text}>
                {draft}
                <Text inverse> </Text>
              </Text>
            ) : (
              <Text color={theme.text} inverse={here && theme.inverseEmphasis}>
                {shown(settings[key])}
              </Text>
            )}
          </Text>
        );
      })}
      <Text color={theme.dim} wrap="truncate-end">
        {picked ? (findKey(picked)?.doc ?? '') : ''}
      </Text>
      {form.message ? (
        <Text color={form.message.tone === 'failure' ? theme.failure : theme.success} bold>
          {form.message.text}
        </Text>
      ) : null}
    </Box>
  );
}
