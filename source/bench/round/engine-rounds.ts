// Runs the real engine (scripted worker, local sandbox) for a number of rounds and returns its own time per round, and
// each test run's time unconfined and confined.
import { ScriptedWorker } from '../../../engine/agents/scripted/scripted-worker.js';
import { scriptSchema } from '../../../engine/agents/scripted/script-schema.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import type { Worker } from '../../../engine/agents/agent.js';
import { ContainedWorker } from '../../../engine/containment/contained-roles.js';
import { detectOsSandbox } from '../../../engine/containment/os-sandbox.js';
import { alternatingSandbox, timedSandbox, timedWorker, timeWithin, type Interval } from './timed.js';

export type EngineRoundTimes = {
  overheadMs: number[];
  workerMs: number[];
  /** Each test run's own time, unconfined and confined by the OS sandbox (absent where there is none). */
  unconfinedMs: number[];
  confinedMs?: number[];
};

/** Work done during each worker call and subtracted with it (the round benchmark runs the floor there). */
export type Alongside = (round: number) => Promise<void>;

/**
 * Engine time of round k = time from `round:started` k to `round:started` k+1 (prompt, worker, tests, commit, diff,
 * reports, events, valves), minus the worker's and the test command's own time, recorded by wrappers around them.
 * The first `warmup` rounds are dropped. `contained`: the worker wrapped in factory's check of the work tree around each
 * agent call, as the engine wraps every real worker (engine/agents/create-agents.ts), and that check counted as the
 * engine's time: a user's round. Without it, the engine's round alone.
 */
export async function engineRounds(
  projectDir: string,
  changedFile: string,
  rounds: number,
  warmup: number,
  alongside: Alongside,
  contained = false,
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
  const unconfinedCalls: Interval[] = [];
  const confinedCalls: Interval[] = [];
  const os = detectOsSandbox();
  const unconfined = new LocalSandbox(projectDir);
  // The rounds' test runs alternate between the two, so the confinement's cost is measured in the same run.
  const sandbox =
    os.kind === 'none'
      ? timedSandbox(unconfined, unconfinedCalls)
      : alternatingSandbox(unconfined, new LocalSandbox(projectDir, { confinement: { os, lockedPaths: () => [] } }), [
          unconfinedCalls,
          confinedCalls,
        ]);
  const timed = timedWorker(withAlongside(new ScriptedWorker(script), alongside), workerCalls);
  const engine = createEngine({
    projectDir,
    config,
    worker: contained ? new ContainedWorker(timed, 'coder') : timed,
    sandbox,
  });
  const starts: number[] = [];
  engine.on((event) => {
    if (event.type === 'round:started') starts.push(performance.now());
  });
  const result = await engine.run();
  if (result.outcome === 'error') throw new Error(`the engine failed in the round benchmark: ${result.reason}`);
  const testCalls = [...unconfinedCalls, ...confinedCalls];
  const times: EngineRoundTimes = {
    overheadMs: [],
    workerMs: [],
    // Each way's first run (cold caches) is left out.
    unconfinedMs: durations(unconfinedCalls.slice(1)),
    confinedMs: os.kind === 'none' ? undefined : durations(confinedCalls.slice(1)),
  };
  const measured = starts.slice(warmup);
  for (const [k, start] of measured.entries()) {
    const end = measured[k + 1];
    if (end === undefined) break;
    const worker = timeWithin(workerCalls, start, end);
    const tests = timeWithin(testCalls, start, end);
    times.workerMs.push(worker);
    times.overheadMs.push(end - start - worker - tests);
  }
  return times;
}

const durations = (intervals: Interval[]): number[] => intervals.map((interval) => interval.end - interval.start);

function withAlongside(worker: Worker, alongside: Alongside): Worker {
  return {
    name: worker.name,
    run: async (request) => {
      await alongside(request.round);
      return worker.run(request);
    },
  };
}
