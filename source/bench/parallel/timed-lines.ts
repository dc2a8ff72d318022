// The engine `factory run` builds (the same config, agents, sandbox and line sandboxes), with the worker's calls and
// every sandbox command timed and counted to the task they ran for, so the parallel benchmark can subtract them.
import type { Worker } from '../../../engine/agents/agent.js';
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine, type FactoryEngine } from '../../../engine/engine.js';
import { createLineSandbox } from '../../../engine/lines/line-sandbox.js';
import { newRunId } from '../../../engine/run/prepare-run.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import type { Sandbox } from '../../../engine/sandbox/sandbox.js';
import { lockedPathsReader } from '../../../engine/task-setup/guard/lock-store.js';
import type { Interval } from '../round/timed.js';

/** When the worker and sandbox commands ran, per task (0: the run's own, the baseline). */
export type OutsideTime = Map<number, Interval[]>;

export async function timedLinesEngine(
  dir: string,
  flags: Record<string, string>,
): Promise<{ engine: FactoryEngine; outside: OutsideTime }> {
  const config = loadConfig(dir, { flags });
  const agents = createAgents(dir, config);
  const runId = newRunId();
  const { sandbox } = await createSandbox(dir, config, { runId, lockedPaths: lockedPathsReader(dir) });
  const outside: OutsideTime = new Map();
  const count = (task: number, interval: Interval): void =>
    void outside.set(task, [...(outside.get(task) ?? []), interval]);
  // The run's own sandbox runs the tests of the task that said tests:started last (its round, its confirming run,
  // or, with lines, its merge's verification), or the baseline.
  let testsOf = 0;
  const engine = createEngine({
    projectDir: dir,
    config,
    ...agents,
    worker: timedWorker(agents.worker, count),
    sandbox: timedSandbox(sandbox, () => testsOf, count),
    lineSandbox: async (line) => timedSandbox(await createLineSandbox(line, config), () => line.task, count),
    runId,
  });
  engine.on((event) => {
    if (event.type === 'tests:started') testsOf = event.task;
  });
  return { engine, outside };
}

function timedWorker(worker: Worker, count: (task: number, interval: Interval) => void): Worker {
  return {
    name: worker.name,
    run: async (request) => {
      const start = performance.now();
      try {
        return await worker.run(request);
      } finally {
        count(request.task.index, { start, end: performance.now() });
      }
    },
  };
}

function timedSandbox(
  sandbox: Sandbox,
  task: () => number,
  count: (task: number, interval: Interval) => void,
): Sandbox {
  return {
    kind: sandbox.kind,
    projectRoot: sandbox.projectRoot,
    ...(sandbox.verdictMount ? { verdictMount: sandbox.verdictMount } : {}),
    describe: () => sandbox.describe(),
    start: () => sandbox.start(),
    stop: () => sandbox.stop(),
    exec: async (command, options) => {
      const of = task();
      const start = performance.now();
      try {
        return await sandbox.exec(command, options);
      } finally {
        count(of, { start, end: performance.now() });
      }
    },
  };
}
