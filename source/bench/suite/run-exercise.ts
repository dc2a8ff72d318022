// Runs the factory on one prepared exercise and sums up what happened from the engine's events.
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import { lockedPathsReader } from '../../../engine/task-setup/guard/lock-store.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import type { Exercise } from './find-exercises.js';
import { blankResult, type ExerciseResult } from './suite-results.js';

export type ExerciseRun = { flags: Record<string, string>; userDefaults: Record<string, string>; signal: AbortSignal };

/** The result, or undefined when the run was interrupted (it is then not recorded, and a rerun plays it again). */
export async function runExercise(
  exercise: Exercise,
  workDir: string,
  run: ExerciseRun,
): Promise<ExerciseResult | undefined> {
  const started = performance.now();
  const result = blankResult(exercise.name, exercise.language);
  const config = loadConfig(workDir, { flags: run.flags, userDefaults: run.userDefaults });
  const agents = createAgents(workDir, config);
  const { sandbox } = await createSandbox(workDir, config, { lockedPaths: lockedPathsReader(workDir) });
  const engine = createEngine({ projectDir: workDir, config, ...agents, sandbox });
  engine.on((event) => {
    if (event.type === 'run:started') result.testCommand = event.testCommand;
    if (event.type === 'round:finished') {
      result.rounds++;
      result.lastTests = event.record.tests.headline;
    }
    // Every model call's own figures: the worker's, the plan's and the reviewer's, and the supervisor's verdicts.
    if (event.type === 'agent:finished' || event.type === 'verdict:issued') {
      result.inputTokens += event.inputTokens ?? 0;
      result.outputTokens += event.outputTokens ?? 0;
      result.costUsd += event.costUsd ?? 0;
    }
    if (event.type === 'valve:tripped') result.valve = event.valve;
  });
  const stop = (): void => engine.send({ type: 'stop', now: true });
  if (run.signal.aborted) return undefined;
  run.signal.addEventListener('abort', stop, { once: true });
  try {
    const end = await engine.run();
    if (run.signal.aborted) return undefined;
    result.outcome = end.outcome;
    result.reason = end.reason;
    result.solved = end.outcome === 'green';
  } finally {
    run.signal.removeEventListener('abort', stop);
  }
  result.durationMs = performance.now() - started;
  return result;
}
