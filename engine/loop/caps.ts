// The run-wide caps on money and time: checked before every model call, with the running totals as evidence.
import type { CapName } from '../contract/events.js';
import type { RunSpend } from '../contract/usage.js';

export type CapTrip = { cap: CapName; reason: string; evidence: string };

export type CapLimits = { maxCostUsd?: number; maxMinutes?: number };

/**
 * Less than this left cannot pay for a call (claude's --max-budget-usd, at 4 decimals, would read 0.0000).
 * @internal the tests size their budget by it.
 */
export const smallestCallBudgetUsd = 0.0001;

export function checkCaps(
  usage: RunSpend,
  elapsedMs: number,
  limits: CapLimits,
  lifted: ReadonlySet<CapName>,
): CapTrip | undefined {
  if (
    limits.maxCostUsd !== undefined &&
    !lifted.has('cost') &&
    limits.maxCostUsd - usage.costUsd < smallestCallBudgetUsd
  ) {
    const left = Math.max(0, limits.maxCostUsd - usage.costUsd);
    const evidence =
      `$${usage.costUsd.toFixed(4)} spent, ${usage.tokens} ` +
      `tokens${left > 0 ? `; $${left.toFixed(6)} left is too little to start a model call` : ''}`;
    return { cap: 'cost', reason: `MAX_COST_USD reached ($${limits.maxCostUsd})`, evidence };
  }
  const minutes = elapsedMs / 60_000;
  if (limits.maxMinutes !== undefined && !lifted.has('minutes') && minutes >= limits.maxMinutes) {
    return {
      cap: 'minutes',
      reason: `MAX_MINUTES reached (${limits.maxMinutes} min)`,
      evidence: `${minutes.toFixed(1)} minutes since the run started`,
    };
  }
  return undefined;
}
