// The run's spend as its events carry it: counted once by the loop (RunState), read here by every fold that shows it.
import type { FactoryEvent } from '../contract/events.js';
import type { Usage } from '../loop/caps.js';

/** The run's totals after this event, when it carries them (the run's start and every model call's end). */
export function totalsIn(event: FactoryEvent): Usage | undefined {
  if (event.type === 'run:started' || event.type === 'agent:finished' || event.type === 'verdict:issued')
    return event.usage;
  return undefined;
}

/** What was spent between two totals. */
export function spentSince(before: Usage, after: Usage): Usage {
  return { costUsd: after.costUsd - before.costUsd, tokens: after.tokens - before.tokens };
}
