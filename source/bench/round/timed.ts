// Wraps the worker and the sandbox to record when each call ran, so the round benchmark can subtract their time.
import type { Worker } from '../../../engine/agents/agent.js';
import type { Sandbox } from '../../../engine/sandbox/sandbox.js';

export type Interval = { start: number; end: number };

/**
 * The list a call's interval goes into: one list, or one chosen as the call starts (per task, for production lines).
 */
type Into<Request> = Interval[] | ((request: Request) => Interval[]);

const listFor = <Request>(into: Into<Request>, request: Request): Interval[] =>
  typeof into === 'function' ? into(request) : into;

export function timedWorker(worker: Worker, into: Into<Parameters<Worker['run']>[0]>): Worker {
  return {
    name: worker.name,
    run: async (request) => {
      const intervals = listFor(into, request);
      const start = performance.now();
      try {
        return await worker.run(request);
      } finally {
        intervals.push({ start, end: performance.now() });
      }
    },
  };
}

export function timedSandbox(sandbox: Sandbox, into: Into<string>): Sandbox {
  return {
    kind: sandbox.kind,
    projectRoot: sandbox.projectRoot,
    ...(sandbox.verdictMount ? { verdictMount: sandbox.verdictMount } : {}),
    describe: () => sandbox.describe(),
    start: () => sandbox.start(),
    stop: () => sandbox.stop(),
    exec: async (command, options) => {
      const intervals = listFor(into, command);
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
