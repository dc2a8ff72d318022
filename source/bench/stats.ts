// Median and spread of a set of timings: the figures every benchmark reports.
export type Stats = { n: number; median: number; p25: number; p75: number; min: number; max: number };

/** Quantile by linear interpolation between the closest ranks. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const lowValue = sorted[low];
  const highValue = sorted[Math.ceil(at)];
  if (lowValue === undefined || highValue === undefined) throw new Error('quantile of no values');
  return lowValue + (highValue - lowValue) * (at - low);
}

export function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted.at(-1);
  if (min === undefined || max === undefined) throw new Error('stats of no values');
  return {
    n: sorted.length,
    median: quantile(sorted, 0.5),
    p25: quantile(sorted, 0.25),
    p75: quantile(sorted, 0.75),
    min,
    max,
  };
}
