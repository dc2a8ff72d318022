// The sandbox of one production line: the run's kind (SANDBOX) on the line's own worktree, so a line's test runs and
// tool calls see only its tree; with Docker a container of its own, named after the line. Whoever places lines on
// several engines (a pool of Docker hosts) passes its own factory of this shape to the engine.
import type { FactoryConfig } from '../config/factory-config.js';
import { createSandbox, type SandboxOptions } from '../sandbox/create-sandbox.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { lockedPathsReader } from '../task-setup/guard/lock-store.js';

/** A line: the task it works, its branch and worktree, and the run it belongs to. */
export type Line = { task: number; title: string; runId: string; branch: string; worktree: string };

export type LineSandboxFactory = (line: Line) => Promise<Sandbox>;

/** The line's sandbox, not started yet (the line starts and stops it). */
export async function createLineSandbox(
  line: Line,
  config: FactoryConfig,
  options: Omit<SandboxOptions, 'runId' | 'lockedPaths'> = {},
): Promise<Sandbox> {
  const { sandbox } = await createSandbox(line.worktree, config, {
    ...options,
    runId: `${line.runId}-task-${line.task}`,
    lockedPaths: lockedPathsReader(line.worktree),
  });
  return sandbox;
}
