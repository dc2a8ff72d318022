// Runs the factory on every exercise of a suite, a few at a time, saving each result as it lands so a rerun resumes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { errorMessage } from '../../../engine/util/errors.js';
import { findExercises, type Exercise } from './find-exercises.js';
import { prepareExercise } from './prepare-exercise.js';
import { runExercise } from './run-exercise.js';
import { blankResult, loadResults, saveResults, type ExerciseResult, type SuiteResults } from './suite-results.js';

export type SuiteOptions = {
  dir: string;
  /** Where results.json and results.md go. */
  outDir: string;
  jobs: number;
  /**
   * Settings from the command line, applied to every exercise (MODE=Single is added: nobody is there to resume a
   * pause).
   */
  flags: Record<string, string>;
  userDefaults: Record<string, string>;
  /** Start over instead of skipping the exercises already in the results. */
  fresh: boolean;
  /** Keep each exercise's working copy (in a temp folder, see SuiteRun.workRoot) instead of removing it. */
  keep: boolean;
  signal: AbortSignal;
  /** workDir: the exercise's working copy, where its run happens. */
  onStart?: (exercise: Exercise, workDir: string) => void;
  onResult?: (result: ExerciseResult) => void;
};

export type SuiteRun = { results: SuiteResults; skipped: string[]; interrupted: boolean; workRoot: string };

/**
 * An exercise counts as done unless it ended in an error (its setup, the engine or the test command failed to start): a
 * rerun retries those.
 */
const isFinished = (result: ExerciseResult): boolean => result.outcome !== 'error';

export async function runSuite(options: SuiteOptions): Promise<SuiteRun> {
  const exercises = findExercises(options.dir);
  if (options.fresh) fs.rmSync(options.outDir, { recursive: true, force: true });
  const results = loadResults(options.outDir, path.resolve(options.dir), options.flags);
  const done = new Set(results.exercises.filter(isFinished).map((result) => result.name));
  const queue = exercises.filter((exercise) => !done.has(exercise.name));
  const flags = { ...options.flags, MODE: 'Single' };
  // Outside the user's tree, so no parent folder's test configuration (pytest.ini, vitest.config) applies.
  const workRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-suite-'));

  const play = async (exercise: Exercise): Promise<void> => {
    const workDir = path.join(workRoot, exercise.name);
    options.onStart?.(exercise, workDir);
    let result: ExerciseResult | undefined;
    try {
      await prepareExercise(exercise, workDir);
      result = await runExercise(exercise, workDir, {
        flags,
        userDefaults: options.userDefaults,
        signal: options.signal,
      });
    } catch (error) {
      result = blankResult(exercise.name, exercise.language, 'error', errorMessage(error));
    }
    if (!options.keep) fs.rmSync(workDir, { recursive: true, force: true });
    if (!result || options.signal.aborted) return;
    results.exercises = [...results.exercises.filter((entry) => entry.name !== exercise.name), result].sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    saveResults(options.outDir, results);
    options.onResult?.(result);
  };

  const workers = Array.from({ length: Math.min(options.jobs, queue.length) }, async () => {
    for (let next = queue.shift(); next && !options.signal.aborted; next = queue.shift()) await play(next);
  });
  await Promise.all(workers);
  saveResults(options.outDir, results);
  if (!options.keep) fs.rmSync(workRoot, { recursive: true, force: true });
  return {
    results,
    skipped: exercises.filter((exercise) => done.has(exercise.name)).map((exercise) => exercise.name),
    interrupted: options.signal.aborted,
    workRoot,
  };
}
