// `factory bench suite DIR`: the factory on every exercise of a folder; prints each result and the totals, saves them.
import path from 'node:path';
import { runSuite } from '../bench/suite/run-suite.js';
import { resultFiles, suiteTotals, type ExerciseResult } from '../bench/suite/suite-results.js';
import { UserError } from '../../engine/util/errors.js';
import { flagSettings, type SettingOptions } from '../run/run-options.js';
import { userSettings } from '../user-defaults.js';

export type SuiteCommandOptions = SettingOptions & {
  jobs: string;
  out?: string;
  fresh?: boolean;
  keep?: boolean;
  json?: boolean;
};

export async function benchSuiteCommand(dir: string, options: SuiteCommandOptions): Promise<void> {
  const jobs = Number(options.jobs);
  if (!Number.isInteger(jobs) || jobs < 1)
    throw new UserError(`bench suite: --jobs ${options.jobs}: expected a whole number of at least 1`);
  const flags = flagSettings(options);
  // A script named on the command line is relative to here, not to each exercise's working copy.
  if (flags.SCRIPT) flags.SCRIPT = path.resolve(flags.SCRIPT);
  if (flags.MODE !== undefined && flags.MODE !== 'Single')
    throw new UserError(
      `bench suite: MODE=${flags.MODE} is not allowed: the suite runs with MODE=Single, since no one is there ` +
        'to resume a pause',
    );
  const outDir = path.resolve(options.out ?? path.join('bench-results', path.basename(path.resolve(dir))));
  const controller = new AbortController();
  const interrupt = (): void => {
    process.stderr.write(
      'factory bench suite: interrupted; finished exercises are saved, run the same command again to resume\n',
    );
    controller.abort();
  };
  process.once('SIGINT', interrupt);
  process.once('SIGTERM', interrupt);
  const log = (line: string): void => void (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  const suite = await runSuite({
    dir,
    outDir,
    jobs,
    flags,
    userDefaults: userSettings(),
    fresh: options.fresh ?? false,
    keep: options.keep ?? false,
    signal: controller.signal,
    onStart: (exercise) => log(`… ${exercise.name} (${exercise.language})`),
    onResult: (result) => log(describe(result)),
  });
  process.off('SIGINT', interrupt);
  process.off('SIGTERM', interrupt);
  if (suite.skipped.length > 0) log(`skipped (already in ${resultFiles(outDir).json}): ${suite.skipped.join(', ')}`);
  const totals = suiteTotals(suite.results.exercises);
  if (options.json) process.stdout.write(`${JSON.stringify({ ...suite.results, totals }, null, 2)}\n`);
  else
    log(
      `solved ${totals.solved}/${totals.exercises} (${totals.solvedPercent.toFixed(0)}%), median rounds to ` +
        `green: ${totals.medianRoundsToGreen ?? 'n/a'}, tokens ${totals.inputTokens + totals.outputTokens}, cost ` +
        `$${totals.costUsd.toFixed(4)}`,
    );
  log(
    `results: ${resultFiles(outDir).json} and ` +
      `${resultFiles(outDir).markdown}${options.keep ? `; working copies in ${suite.workRoot}` : ''}`,
  );
  if (suite.interrupted) process.exitCode = 130;
}

function describe(result: ExerciseResult): string {
  const verdict = result.solved ? 'SOLVED' : result.outcome === 'error' ? 'ERROR ' : 'FAILED';
  const stop = result.solved ? '' : `, stopped by ${result.valve ?? result.outcome}: ${result.reason}`;
  const usage =
    result.inputTokens + result.outputTokens > 0 || result.costUsd > 0
      ? `, ${result.inputTokens + result.outputTokens} tokens, $${result.costUsd.toFixed(4)}`
      : '';
  return (
    `${verdict} ${result.name}: ${result.rounds} round(s), ${(result.durationMs / 1000).toFixed(1)} ` +
    `s${usage}${stop}`
  );
}
