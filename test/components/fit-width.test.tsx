// fitWidth cuts a long line before Ink does, to the same result Ink's own truncate-end gives.
import { Box, Text } from 'ink';
import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { fitWidth } from '../../components/fit-width.js';

const drawn = (text: string, columns: number): string => {
  const view = render(
    <Box width={columns}>
      <Text wrap="truncate-end">{text}</Text>
    </Box>,
  );
  const frame = view.lastFrame() ?? '';
  view.unmount();
  return frame;
};

describe('fitWidth', () => {
  it('cuts printable ASCII to the width with the ellipsis Ink would draw', () => {
    const line = `L12345x1700000000000t ${'streamed output '.repeat(6)}`;
    expect(fitWidth(line, 30)).toHaveLength(30);
    expect(fitWidth(line, 30).endsWith('…')).toBe(true);
    expect(drawn(fitWidth(line, 30), 30)).toBe(drawn(line, 30));
  });

  it('leaves lines that fit alone', () => {
    expect(fitWidth('short', 30)).toBe('short');
    expect(fitWidth('exactly ten', 11)).toBe('exactly ten');
  });

  it('keeps a prefix of wide text long enough for Ink to cut it the same way, never splitting a character', () => {
    const wide = '漢字🙂'.repeat(40);
    const kept = fitWidth(wide, 10);
    expect(kept.length).toBeLessThan(wide.length);
    expect(kept.length).toBeGreaterThanOrEqual(39);
    expect(/[\ud800-\udbff]$/.test(kept)).toBe(false);
    expect(drawn(kept, 10)).toBe(drawn(wide, 10));
  });
});
