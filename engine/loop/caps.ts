// The run-wide caps on money and time: checked before every worker call, with the running totals as evidence.
export type Usage = { costUsd: number; tokens: number };
export type CapName = 'cost' | 'minutes';
export type CapTrip = { cap: CapName; reason: string; evidence: string };

export type CapLimits = { maxCostUsd?: number; maxMinutes?: number };

export function checkCaps(usage: Usage, elapsedMs: number, limits: CapLimits, lifted: ReadonlySet<CapName>): CapTrip | undefined {
  if (limits.maxCostUsd !== undefined && !lifted.has('cost') && usage.costUsd >= limits.maxCostUsd) {
    return { cap: 'cost', reason: `MAX_COST_USD reached ($${limits.maxCostUsd})`, evidence: `$${usage.costUsd.toFixed(4)} spent, ${usage.tokens} tokens` };
  }
  const minutes = elapsedMs / 60_000;
  if (limits.maxMinutes !== undefined && !lifted.has('minutes') && minutes >= limits.maxMinutes) {
    return { cap: 'minutes', reason: `MAX_MINUTES reached (${limits.maxMinutes} min)`, evidence: `${minutes.toFixed(1)} minutes since the run started` };
  }
  return undefined;
}

/** Adds what one engine call reported to the run's totals. */
export function addUsage(usage: Usage, reported: { costUsd?: number; inputTokens?: number; outputTokens?: number }): void {
  usage.costUsd += reported.costUsd ?? 0;
  usage.tokens += (reported.inputTokens ?? 0) + (reported.outputTokens ?? 0);
}

/** What the worker may still spend, for engines that take a budget (claude's --max-budget-usd). */
export function remainingBudget(usage: Usage, limits: CapLimits): number | undefined {
  return limits.maxCostUsd === undefined ? undefined : Math.max(0, limits.maxCostUsd - usage.costUsd);
}
