// factory's tools for one round's worker (run_tests, sandbox_exec), in the run's sandbox, sharing the call's signal.
import type { FactoryConfig } from '../config/factory-config.js';
import type { Say } from '../contract/events.js';
import type { Sandbox } from '../sandbox/sandbox.js';
import { WorkerTools } from './worker-tools.js';

/** None when WORKER_TOOLS=off or MAX_TOOL_CALLS=0. taskTests: the task's own tests, which run_tests runs by default. */
export function roundTools(
  run: { sandbox: Sandbox; projectDir: string; testCommand: string; say: Say },
  config: Pick<FactoryConfig, 'workerTools' | 'maxToolCalls' | 'testTimeoutSeconds'>,
  taskTests: string[],
  signal: AbortSignal,
): WorkerTools | undefined {
  if (config.workerTools === 'off' || config.maxToolCalls === 0) return undefined;
  return new WorkerTools({
    sandbox: run.sandbox,
    projectDir: run.projectDir,
    testCommand: run.testCommand,
    taskTests,
    testTimeoutSeconds: config.testTimeoutSeconds,
    maxCalls: config.maxToolCalls,
    emit: run.say,
    signal,
  });
}
