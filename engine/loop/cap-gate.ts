// Before a model call outside the rounds (the plan, the reviewer): a reached cap stops the run (Single) or pauses it
// for the human (Dual), exactly as it does before a round.
import type { RunOutcome } from '../events.js';
import { checkCaps } from './caps.js';
import type { LoopContext } from './context.js';
import { waitAtSafePoint } from './safe-point.js';

/** Thrown through the phases to the loop, which ends the run with this outcome. */
export class RunStop extends Error {
  constructor(
    readonly outcome: Extract<RunOutcome, 'cap' | 'stopped'>,
    reason: string,
  ) {
    super(reason);
  }
}

export async function passCaps(ctx: LoopContext): Promise<void> {
  for (;;) {
    const trip = checkCaps(ctx.usage, Date.now() - ctx.startedAt, ctx.config, ctx.capsLifted);
    if (!trip) return;
    ctx.say('cap:reached', trip);
    const reason = `${trip.reason}: ${trip.evidence}`;
    if (ctx.config.mode === 'Single') throw new RunStop('cap', reason);
    ctx.control.requestPause({ kind: 'cap', reason, cap: trip.cap });
    const paused = await waitAtSafePoint(ctx);
    if (ctx.control.stopRequested) throw new RunStop('stopped', 'stopped by the human');
    if (paused?.cap) ctx.capsLifted.add(paused.cap);
  }
}
