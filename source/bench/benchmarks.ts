// The sub-benchmarks `factory bench [name]` knows, each loaded only when it runs.
import type { BenchReport } from './bench-report.js';
import { UserError } from '../../engine/util/errors.js';
import { textBefore } from '../../engine/util/text-before.js';

export type BenchOptions = {
  rounds?: string;
  files?: string;
  runs?: string;
  image?: string;
  cli?: boolean;
  tasks?: string;
  callsMs?: string;
};

/**
 * `prepare` reads the flags (a malformed number is an error before anything runs) and returns the measurement.
 * What only this benchmark cannot do (too few runs for it, no Docker, no image) is thrown by the measurement.
 */
export type Benchmark = {
  name: string;
  description: string;
  prepare(options: BenchOptions): () => Promise<BenchReport>;
};

export const benchmarks: Benchmark[] = [
  {
    name: 'sandbox',
    description:
      'a test command as local processes, unconfined and confined, an exec into the persistent container, docker run --rm',
    prepare: (options) => {
      const runs = count(options.runs, '--runs', 20);
      return async () => {
        if (runs < 20) throw new UserError(`--runs ${runs}: the sandbox benchmark needs at least 20 runs of each way`);
        const { sandboxBench } = await import('./sandbox-bench.js');
        return sandboxBench(runs, options.image, options.cli ?? true);
      };
    },
  },
  {
    name: 'round',
    description:
      "the engine's own time per round on a 10,000-file repository, next to git add/commit/diff from a shell script",
    prepare: (options) => {
      const raw = { files: count(options.files, '--files'), rounds: count(options.rounds, '--rounds') };
      return async () => {
        const { roundBench, roundDefaults } = await import('./round/round-bench.js');
        return roundBench({
          files: raw.files ?? roundDefaults.files,
          rounds: raw.rounds ?? roundDefaults.rounds,
          warmup: roundDefaults.warmup,
        });
      };
    },
  },
  {
    name: 'startup',
    description: '`factory --version` and the first dashboard frame, next to a bare node start',
    prepare: (options) => {
      const runs = count(options.runs, '--runs', 20);
      return async () => {
        const { startupBench } = await import('./startup/startup-bench.js');
        // The entry script this very process was started from: the same install is measured.
        const cli = process.argv[1];
        if (!cli) throw new UserError('factory bench startup: this process has no entry script to measure');
        return startupBench({ cli, runs });
      };
    },
  },
  {
    name: 'parallel',
    description:
      'independent tasks with a slow scripted model at MAX_PARALLEL=1, 2 and 3: wall time against the serial run, ' +
      "and the engine's own time per round per line",
    prepare: (options) => {
      const raw = {
        tasks: count(options.tasks, '--tasks'),
        callMs: count(options.callsMs, '--calls-ms'),
        runs: count(options.runs, '--runs'),
        files: count(options.files, '--files'),
        rounds: count(options.rounds, '--rounds'),
      };
      return async () => {
        const { parallelBench, parallelDefaults } = await import('./parallel/parallel-bench.js');
        const round = parallelDefaults.round;
        return parallelBench({
          tasks: raw.tasks ?? parallelDefaults.tasks,
          callMs: raw.callMs ?? parallelDefaults.callMs,
          runs: raw.runs ?? parallelDefaults.runs,
          lines: parallelDefaults.lines,
          round: { files: raw.files ?? round.files, rounds: raw.rounds ?? round.rounds, warmup: round.warmup },
        });
      };
    },
  },
];

/** A sub-benchmark that could not run, as a report that says why. */
export function notMeasured(benchmark: Benchmark, error: unknown): BenchReport {
  const reason = textBefore((error instanceof Error ? error.message : String(error)).trim(), '\n');
  return {
    name: benchmark.name,
    method: 'not measured',
    figures: [],
    ratios: [],
    goals: [],
    unavailable: [{ label: benchmark.description, reason }],
  };
}

function count(raw: string | undefined, flag: string): number | undefined;
function count(raw: string | undefined, flag: string, fallback: number): number;
function count(raw: string | undefined, flag: string, fallback?: number): number | undefined {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1)
    throw new UserError(`${flag} ${raw}: expected a whole number of at least 1`);
  return value;
}
