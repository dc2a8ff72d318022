// Runs the real engine (scripted worker, local sandbox) for a number of rounds and returns its own time per round.
import { ScriptedWorker } from '../../../engine/agents/scripted/scripted-worker.js';
import { scriptSchema } from '../../../engine/agents/scripted/script-schema.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import type { Worker } from '../../../engine/agents/agent.js';
import { timedSandbox, timedWorker, timeWithin, type Interval } from './timed.js';

export type EngineRoundTimes = { overheadMs: number[]; workerMs: number[]; testMs: number[] };

/** Work done during each worker call and subtracted with it (the round benchmark runs the floor there). */
export type Alongside = (round: number) => Promise<void>;

/**
 * Engine time of round k = time from `round:started` k to `round:started` k+1 (prompt, worker, tests, commit, diff,
 * reports, events, valves), minus the worker's and the test command's own time, recorded by wrappers around them.
 * The first `warmup` rounds are dropped.
 */
export async function engineRounds(
  projectDir: string,
  changedFile: string,
  rounds: number,
  warmup: number,
  alongside: Alongside,
): Promise<EngineRoundTimes> {
  const config = loadConfig(projectDir, {
    flags: {
      AI_ENGINE: 'scripted',
      MODE: 'Single',
      SANDBOX: 'local',
      LEGO_MODE: 'false',
      TEST_CMD: 'false',
      MAX_ROUNDS: String(rounds + warmup + 1),
      MAX_FAIL_STREAK: '1000',
      MAX_IDLE_ROUNDS: '1000',
      MAX_SAME_FAILURE: '1000',
    },
  });
  const script = scriptSchema.parse({
    worker: [{ say: 'changing one file', write: { [changedFile]: 'round {{round}}\n' } }],
    afterLast: 'repeat',
  });
  const workerCalls: Interval[] = [];
  const testCalls: Interval[] = [];
  const engine = createEngine({
    projectDir,
    config,
    worker: timedWorker(withAlongside(new ScriptedWorker(script), alongside), workerCalls),
    sandbox: timedSandbox(new LocalSandbox(projectDir), testCalls),
  });
  const starts: number[] = [];
  engine.on((event) => {
    if (event.type === 'round:started') starts.push(performance.now());
  });
  const result = await engine.run();
  if (result.outcome === 'error') throw new Error(`the engine failed in the round benchmark: ${result.reason}`);
  const times: EngineRoundTimes = { overheadMs: [], workerMs: [], testMs: [] };
  const measured = starts.slice(warmup);
  for (const [k, start] of measured.entries()) {
    const end = measured[k + 1];
    if (end === undefined) break;
    const worker = timeWithin(workerCalls, start, end);
    const tests = timeWithin(testCalls, start, end);
    times.workerMs.push(worker);
    times.testMs.push(tests);
    times.overheadMs.push(end - start - worker - tests);
  }
  return times;
}

function withAlongside(worker: Worker, alongside: Alongside): Worker {
  return {
    name: worker.name,
    run: async (request) => {
      await alongside(request.round);
      return worker.run(request);
    },
  };
}
