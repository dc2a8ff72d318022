// Median and quartiles of timing samples.
import { describe, expect, it } from 'vitest';
import { stats } from '../../../source/bench/stats.js';

describe('stats', () => {
  it('gives the median and quartiles whatever the order of the samples', () => {
    expect(stats([9, 1, 5, 3, 7])).toEqual({ n: 5, median: 5, p25: 3, p75: 7, min: 1, max: 9 });
  });

  it('interpolates between the middle samples of an even count', () => {
    expect(stats([4, 1, 3, 2]).median).toBe(2.5);
  });

  it('refuses no values', () => {
    expect(() => stats([])).toThrow(/no values/);
  });
});
