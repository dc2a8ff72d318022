// The round boundary: settings changed mid-run take effect, a requested pause is announced and waited out, hand edits
// are taken in.
import type { PauseRequest } from '../control/run-control.js';
import { toFactoryConfig } from '../config/factory-config.js';
import type { LoopContext } from './context.js';

/** Waits out any pending pause; returns it, so the loop can tell which valve or cap the human resumed past. */
export async function waitAtSafePoint(ctx: LoopContext): Promise<PauseRequest | undefined> {
  applySettings(ctx);
  const pause = ctx.control.takePause();
  if (!pause) return undefined;
  ctx.say('engine:paused', { kind: pause.kind, reason: pause.reason });
  await ctx.control.waitForResume();
  applySettings(ctx);
  if (ctx.control.stopRequested || ctx.control.skipRequested) return pause;
  // Whatever the human changed while paused is theirs: commit it apart from the worker's rounds.
  const commit = await ctx.repo.commitAll(`factory: task ${ctx.position.task} — edits by hand while paused`);
  if (commit) ctx.say('git:committed', commit);
  ctx.say('engine:resumed', {});
  return pause;
}

function applySettings(ctx: LoopContext): void {
  for (const [key, value] of ctx.control.takeSettings()) {
    const previous = ctx.config.settings[key] ?? '';
    ctx.config = toFactoryConfig({ ...ctx.config.settings, [key]: value });
    ctx.say('config:changed', { key, value, previous });
  }
}
