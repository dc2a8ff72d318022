// The run's spend as its events carry it: counted once by the loop (RunState), read here by every fold that shows it.
import type { FactoryEvent } from '../contract/events.js';
import type { RunSpend } from '../contract/usage.js';

/** The run's totals after this event, when it carries them (the run's start and every model call's end). */
export function totalsIn(event: FactoryEvent): RunSpend | undefined {
  if (event.type === 'run:started' || event.type === 'agent:finished' || event.type === 'verdict:issued')
    return event.usage;
  return undefined;
}

/** What was spent between two totals. */
export function spentSince(before: RunSpend, after: RunSpend): RunSpend {
  return { costUsd: after.costUsd - before.costUsd, tokens: after.tokens - before.tokens };
}
