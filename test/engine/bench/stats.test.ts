// Median and quartiles of timing samples.
import { describe, expect, it } from 'vitest';
import { summarize } from '../../../engine/bench/stats.js';

describe('summarize', () => {
  it('gives the median and quartiles whatever the order of the samples', () => {
    expect(summarize([9, 1, 5, 3, 7])).toEqual({ runs: 5, medianMs: 5, p25Ms: 3, p75Ms: 7, minMs: 1, maxMs: 9 });
  });

  it('interpolates between the middle samples of an even count', () => {
    expect(summarize([4, 1, 3, 2]).medianMs).toBe(2.5);
  });

  it('refuses no samples', () => {
    expect(() => summarize([])).toThrow(/no samples/);
  });
});
