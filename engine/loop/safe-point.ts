// The round boundary: where a requested pause is announced and waited out, and hand edits are taken in.
import type { PauseRequest } from '../control/run-control.js';
import type { LoopContext } from './context.js';

/** Waits out any pending pause; returns it, so the loop can tell which valve the human resumed past. */
export async function waitAtSafePoint(ctx: LoopContext): Promise<PauseRequest | undefined> {
  const pause = ctx.control.takePause();
  if (!pause) return undefined;
  ctx.say('engine:paused', { kind: pause.kind, reason: pause.reason });
  await ctx.control.waitForResume();
  if (ctx.control.stopRequested || ctx.control.skipRequested) return pause;
  // Whatever the human changed while paused is theirs: commit it apart from the worker's rounds.
  const commit = await ctx.repo.commitAll(`factory: task ${ctx.position.task} — edits by hand while paused`);
  if (commit) ctx.say('git:committed', commit);
  ctx.say('engine:resumed', {});
  return pause;
}
