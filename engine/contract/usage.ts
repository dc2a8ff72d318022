// What model calls cost: one call's own report, and the run's totals. Two shapes, never added up twice.

/** One call's report of what it used, as far as its engine tells (a local model has no cost). */
export type CallUsage = { costUsd?: number; inputTokens?: number; outputTokens?: number };

/** The run's totals so far, counted once by the loop (RunState.spend). */
export type RunSpend = { costUsd: number; tokens: number };

/**
 * A call's report and the run's totals after it: whoever shows or checks the run's spend reads `usage`, never adds
 * calls up again.
 */
export type CallSpend = CallUsage & { usage: RunSpend };
