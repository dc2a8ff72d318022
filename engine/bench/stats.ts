// Median and spread of timing samples, the figures every benchmark prints.
export type Stats = { runs: number; medianMs: number; p25Ms: number; p75Ms: number; minMs: number; maxMs: number };

export function summarize(samplesMs: number[]): Stats {
  if (samplesMs.length === 0) throw new Error('summarize: no samples');
  const sorted = [...samplesMs].sort((a, b) => a - b);
  return { runs: sorted.length, medianMs: quantile(sorted, 0.5), p25Ms: quantile(sorted, 0.25), p75Ms: quantile(sorted, 0.75), minMs: sorted[0]!, maxMs: sorted.at(-1)! };
}

/** Linear interpolation between the closest ranks. */
function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  return sorted[low]! + (sorted[high]! - sorted[low]!) * (at - low);
}
