// Before a model call outside the rounds (the plan, the reviewer): a reached cap stops the run (Single) or pauses it
// for the human (Dual), exactly as it does before a round.
import type { RunOutcome } from '../contract/events.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';
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

/** What a phase calls before each model call: returns once no cap stands in the way, or throws RunStop. */
export type PassCaps = () => Promise<void>;

export function capGate(
  ctx: Pick<RunDeps, 'control' | 'repo' | 'say'>,
  state: Pick<RunState, 'capReached' | 'config' | 'liftCap' | 'applySetting' | 'position'>,
): PassCaps {
  return async () => {
    for (;;) {
      const trip = state.capReached();
      if (!trip) return;
      ctx.say('cap:reached', trip);
      const reason = `${trip.reason}: ${trip.evidence}`;
      if (state.config.mode === 'Single') throw new RunStop('cap', reason);
      ctx.control.requestPause({ kind: 'cap', reason, cap: trip.cap });
      const paused = await waitAtSafePoint(ctx, state);
      if (ctx.control.stopRequested) throw new RunStop('stopped', 'stopped by the human');
      if (paused?.cap) state.liftCap(paused.cap);
    }
  };
}
