// The sub-benchmarks `factory bench [name]` knows, each loaded only when it runs.
import type { BenchReport } from '../../engine/bench/bench-report.js';
import { UserError } from '../../engine/util/errors.js';

export type BenchOptions = { rounds?: string; files?: string; runs?: string; image?: string; cli?: boolean };

export type Benchmark = { name: string; description: string; run(options: BenchOptions): Promise<BenchReport> };

export const benchmarks: Benchmark[] = [
  {
    name: 'sandbox',
    description: 'one trivial command: a local process, an exec into the persistent container, docker run --rm',
    run: async (options) => {
      const { sandboxBench } = await import('./sandbox-bench.js');
      const runs = count(options.runs, '--runs', 20);
      if (runs < 20) throw new UserError(`--runs ${runs}: the sandbox benchmark needs at least 20 runs of each way`);
      return sandboxBench(runs, options.image, options.cli ?? true);
    },
  },
  {
    name: 'round',
    description: "the engine's own time per round on a 10,000-file repository, next to git add/commit/diff from a shell script",
    run: async (options) => {
      const { roundBench, roundDefaults } = await import('../../engine/bench/round/round-bench.js');
      return roundBench({ files: count(options.files, '--files', roundDefaults.files), rounds: count(options.rounds, '--rounds', roundDefaults.rounds), warmup: roundDefaults.warmup });
    },
  },
  {
    name: 'startup',
    description: '`factory --version` and the first dashboard frame, next to a bare node start',
    run: async (options) => {
      const { startupBench } = await import('../../engine/bench/startup/startup-bench.js');
      // The entry script this very process was started from: the same install is measured.
      return startupBench({ cli: process.argv[1]!, runs: count(options.runs, '--runs', 20) });
    },
  },
];

function count(raw: string | undefined, flag: string, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new UserError(`${flag} ${raw}: expected a whole number of at least 1`);
  return value;
}
