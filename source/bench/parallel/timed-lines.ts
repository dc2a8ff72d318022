// The engine `factory run` builds (the same config, agents, sandbox and line sandboxes), with the worker's calls and
// every sandbox command timed and counted to the task they ran for, so the parallel benchmark can subtract them.
import { createAgents } from '../../../engine/agents/create-agents.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine, type FactoryEngine } from '../../../engine/engine.js';
import { createLineSandbox } from '../../../engine/lines/line-sandbox.js';
import { newRunId } from '../../../engine/run/prepare-run.js';
import { createSandbox } from '../../../engine/sandbox/create-sandbox.js';
import { lockedPathsReader } from '../../../engine/task-setup/guard/lock-store.js';
import { timedSandbox, timedWorker, type Interval } from '../round/timed.js';

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
  const of = (task: number): Interval[] => {
    if (!outside.has(task)) outside.set(task, []);
    return outside.get(task)!;
  };
  // The run's own sandbox runs the tests of the task that said tests:started last (its round, its confirming run,
  // or, with lines, its merge's verification), or the baseline.
  let testsOf = 0;
  const engine = createEngine({
    projectDir: dir,
    config,
    ...agents,
    worker: timedWorker(agents.worker, (request) => of(request.task.index)),
    sandbox: timedSandbox(sandbox, () => of(testsOf)),
    lineSandbox: async (line) => timedSandbox(await createLineSandbox(line, config), () => of(line.task)),
    runId,
  });
  engine.on((event) => {
    if (event.type === 'tests:started') testsOf = event.task;
  });
  return { engine, outside };
}
