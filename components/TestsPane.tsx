// The last test run: a red or green headline with counts, the baseline from before the run, then its output.
import { memo } from 'react';
import { Text } from 'ink';
import type { TestsView } from './dashboard-state.js';
import Pane from './Pane.js';
import { useTheme } from './theme-context.js';

type Props = {
  readonly tests: TestsView;
  readonly width: number;
  readonly height: number;
  readonly focused: boolean;
  readonly scroll: number;
};

function TestsPane({ tests, width, height, focused, scroll }: Props) {
  const theme = useTheme();
  const mark = tests.running ? '… running' : tests.green === undefined ? '·' : tests.green ? '✔ GREEN' : '✘ RED';
  const counts = tests.counts
    ? ` · ${tests.counts.passed} passed, ${tests.counts.failed} failed, ${tests.counts.errored} errors, ` +
      `${tests.counts.skipped} skipped`
    : '';
  const colour = tests.running || tests.green === undefined ? theme.dim : tests.green ? theme.success : theme.failure;
  const headline = (
    <Text
      bold
      color={colour}
      inverse={theme.inverseEmphasis && tests.green === false && !tests.running}
      wrap="truncate-end"
    >
      {`${mark} ${tests.running ? (tests.command ?? '') : tests.headline}${tests.running ? '' : counts}`}
    </Text>
  );
  const baseline = tests.baseline ? (
    <Text color={theme.dim} wrap="truncate-end">
      {tests.baseline}
    </Text>
  ) : null;
  return (
    <Pane
      title="2 Tests"
      lines={tests.lines}
      width={width}
      height={height}
      focused={focused}
      scroll={scroll}
      headlineRows={baseline ? 2 : 1}
      headline={
        <>
          {headline}
          {baseline}
        </>
      }
    />
  );
}

/** Redrawn only when its own slice of state changes, not on every batch of worker lines. */
export default memo(TestsPane);
