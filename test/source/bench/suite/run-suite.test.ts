import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runSuite, type SuiteOptions } from '../../../../source/bench/suite/run-suite.js';
import { suiteTotals } from '../../../../source/bench/suite/suite-results.js';
import { doubleSolution, makePythonExercise } from '../../../support/make-exercise.js';
import { waitFor } from '../../../support/wait-for.js';

const temps: string[] = [];
const temp = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-suite-test-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

const options = (dir: string, outDir: string, extra: Partial<SuiteOptions> = {}): SuiteOptions => ({
  dir,
  outDir,
  jobs: 2,
  // MAX_SAME_FAILURE above the others, so that the idle and fail-streak valves are the ones that trip.
  flags: { AI_ENGINE: 'scripted', SANDBOX: 'local', MAX_SAME_FAILURE: '10' },
  userDefaults: {},
  fresh: false,
  keep: false,
  signal: new AbortController().signal,
  ...extra,
});

describe('runSuite', () => {
  it('reports a solved exercise, one stopped by the idle valve and one stopped by the fail streak, with the totals', async () => {
    const suite = temp();
    const out = path.join(temp(), 'results');
    makePythonExercise(suite, 'solved', { worker: [{ write: { 'double.py': doubleSolution } }] });
    makePythonExercise(suite, 'does-nothing', { worker: [] });
    makePythonExercise(suite, 'always-wrong', {
      worker: [{ write: { 'double.py': '# attempt {{round}}\ndef double(n):\n    return n + 1\n' } }],
      afterLast: 'repeat',
    });

    const run = await runSuite(options(suite, out));

    const byName = Object.fromEntries(run.results.exercises.map((result) => [result.name, result]));
    expect(byName.solved).toMatchObject({ solved: true, outcome: 'green', rounds: 1, lastTests: '2/2 passing' });
    expect(byName.solved!.valve).toBeUndefined();
    expect(byName['does-nothing']).toMatchObject({ solved: false, outcome: 'valve', valve: 'idle_rounds', rounds: 3 });
    expect(byName['always-wrong']).toMatchObject({ solved: false, outcome: 'valve', valve: 'fail_streak', rounds: 5 });
    expect(byName['always-wrong']!.testCommand).toContain('pytest');
    expect(suiteTotals(run.results.exercises)).toMatchObject({ exercises: 3, solved: 1, medianRoundsToGreen: 1 });
    expect(suiteTotals(run.results.exercises).solvedPercent).toBeCloseTo(100 / 3);

    const saved = JSON.parse(fs.readFileSync(path.join(out, 'results.json'), 'utf8'));
    expect(saved.exercises.map((result: { name: string }) => result.name)).toEqual([
      'always-wrong',
      'does-nothing',
      'solved',
    ]);
    const markdown = fs.readFileSync(path.join(out, 'results.md'), 'utf8');
    expect(markdown).toContain('| does-nothing | python | no | 3 |');
    expect(markdown).toContain('Solved 1/3 (33%), median rounds to green: 1');
    // The working copies are gone and the exercise folders untouched.
    expect(fs.existsSync(run.workRoot)).toBe(false);
    expect(fs.readFileSync(path.join(suite, 'solved', 'double.py'), 'utf8')).toContain('pass');
  });

  it('resumes: a rerun skips finished exercises, and an interrupted one is not recorded and is played again', async () => {
    const suite = temp();
    const out = path.join(temp(), 'results');
    makePythonExercise(suite, 'quick', { worker: [{ write: { 'double.py': doubleSolution } }] });
    makePythonExercise(suite, 'slow', {
      worker: [{ say: ['thinking', 'still thinking', 'done'], delayMs: 1500, write: { 'double.py': doubleSolution } }],
    });

    const controller = new AbortController();
    const started: string[] = [];
    let slowDir = '';
    const playing = runSuite(
      options(suite, out, {
        jobs: 1,
        signal: controller.signal,
        onStart: (exercise, workDir) => {
          started.push(exercise.name);
          if (exercise.name === 'slow') slowDir = workDir;
        },
      }),
    );
    // Interrupted while its worker talks: round 1's prompt is written just before the worker starts.
    await waitFor(
      () => slowDir !== '' && fs.existsSync(path.join(slowDir, '.factory/prompts/round_1.md')),
      "the slow exercise's round 1",
    );
    controller.abort();
    const first = await playing;
    expect(started).toEqual(['quick', 'slow']);
    expect(first.interrupted).toBe(true);
    expect(first.results.exercises.map((result) => result.name)).toEqual(['quick']);

    const again: string[] = [];
    const second = await runSuite(options(suite, out, { onStart: (exercise) => again.push(exercise.name) }));
    expect(second.skipped).toEqual(['quick']);
    expect(again).toEqual(['slow']);
    expect(second.results.exercises.map((result) => [result.name, result.solved])).toEqual([
      ['quick', true],
      ['slow', true],
    ]);
  });

  it('records an exercise that could not run as an error with its reason, and retries it on the next run', async () => {
    const suite = temp();
    const out = path.join(temp(), 'results');
    makePythonExercise(suite, 'broken-script', { worker: 'not a list' });
    const first = await runSuite(options(suite, out));
    expect(first.results.exercises).toEqual([
      expect.objectContaining({
        name: 'broken-script',
        solved: false,
        outcome: 'error',
        reason: expect.stringMatching(/does not match the script format/),
      }),
    ]);
    const again: string[] = [];
    await runSuite(options(suite, out, { onStart: (exercise) => again.push(exercise.name) }));
    expect(again).toEqual(['broken-script']);
  });

  it('refuses results made with other settings, and --fresh starts over', async () => {
    const suite = temp();
    const out = path.join(temp(), 'results');
    makePythonExercise(suite, 'solved', { worker: [{ write: { 'double.py': doubleSolution } }] });
    await runSuite(options(suite, out));
    const other = options(suite, out, { flags: { AI_ENGINE: 'scripted', SANDBOX: 'local', MAX_ROUNDS: '2' } });
    await expect(runSuite(other)).rejects.toThrow(/other settings.*--fresh/);
    const fresh = await runSuite({ ...other, fresh: true });
    expect(fresh.skipped).toEqual([]);
    expect(fresh.results.settings).toEqual(other.flags);
  });
});
