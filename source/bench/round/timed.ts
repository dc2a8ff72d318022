// Wraps the worker and the sandbox to record when each call ran, so the round benchmark can subtract their time.
import type { Worker } from '../../../engine/agents/agent.js';
import type { Sandbox } from '../../../engine/sandbox/sandbox.js';

export type Interval = { start: number; end: number };

export function timedWorker(worker: Worker, intervals: Interval[]): Worker {
  return {
    name: worker.name,
    run: async (request) => {
      const start = performance.now();
      try {
        return await worker.run(request);
      } finally {
        intervals.push({ start, end: performance.now() });
      }
    },
  };
}

export function timedSandbox(sandbox: Sandbox, intervals: Interval[]): Sandbox {
  return {
    kind: sandbox.kind,
    projectRoot: sandbox.projectRoot,
    describe: () => sandbox.describe(),
    start: () => sandbox.start(),
    stop: () => sandbox.stop(),
    exec: async (command, options) => {
      const start = performance.now();
      try {
        return await sandbox.exec(command, options);
      } finally {
        intervals.push({ start, end: performance.now() });
      }
    },
  };
}

/** Time spent inside the intervals that lie within [from, to]. */
export function timeWithin(intervals: Interval[], from: number, to: number): number {
  return intervals
    .filter((interval) => interval.start >= from && interval.end <= to)
    .reduce((sum, interval) => sum + interval.end - interval.start, 0);
}

/** Calls go to `first` and `second` in turn, each timed into its own list: two ways measured under the same load. */
export function alternatingSandbox(first: Sandbox, second: Sandbox, intervals: [Interval[], Interval[]]): Sandbox {
  const timed = [timedSandbox(first, intervals[0]), timedSandbox(second, intervals[1])] as const;
  let calls = 0;
  return {
    kind: first.kind,
    projectRoot: first.projectRoot,
    describe: () => `${first.describe()}; ${second.describe()}, in turn`,
    start: async () => {
      await first.start();
      await second.start();
    },
    stop: async () => {
      await first.stop();
      await second.stop();
    },
    exec: (command, options) => timed[calls++ % 2]!.exec(command, options),
  };
}
