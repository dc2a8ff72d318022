// The round boundary: settings changed mid-run take effect, a requested pause is announced and waited out, hand edits
// are taken in.
import type { PauseRequest } from '../control/run-control.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';

/** Waits out any pending pause; returns it, so the loop can tell which valve or cap the human resumed past. */
export async function waitAtSafePoint(
  ctx: Pick<RunDeps, 'control' | 'repo' | 'say'>,
  state: Pick<RunState, 'applySetting' | 'position'>,
): Promise<PauseRequest | undefined> {
  const { control, say } = ctx;
  applySettings(ctx, state);
  const pause = control.takePause();
  if (!pause) return undefined;
  say('engine:paused', { kind: pause.kind, reason: pause.reason });
  await control.waitForResume();
  applySettings(ctx, state);
  if (control.stopRequested || control.skipRequested) return pause;
  // Whatever the human changed while paused is theirs: commit it apart from the worker's rounds.
  const commit = await ctx.repo.commitAll(`factory: task ${state.position.task} — edits by hand while paused`);
  if (commit) say('git:committed', { ...commit, kind: 'hand-edits' });
  say('engine:resumed', {});
  return pause;
}

/** Settings changed since the last safe point hold from now on. */
export function applySettings(ctx: Pick<RunDeps, 'control' | 'say'>, state: Pick<RunState, 'applySetting'>): void {
  for (const [key, value] of ctx.control.takeSettings()) {
    const previous = state.applySetting(key, value);
    ctx.say('config:changed', { key, value, previous });
  }
}
