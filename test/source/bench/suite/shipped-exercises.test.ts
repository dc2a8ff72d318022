import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { findExercises } from '../../../../source/bench/suite/find-exercises.js';
import { prepareExercise } from '../../../../source/bench/suite/prepare-exercise.js';
import { runSuite } from '../../../../source/bench/suite/run-suite.js';
import { LocalSandbox } from '../../../../engine/sandbox/local-sandbox.js';
import { detectTestCommand } from '../../../../engine/test-runner/detect-test-command.js';
import { runTests } from '../../../../engine/test-runner/run-tests.js';
import { suiteTotals } from '../../../../source/bench/suite/suite-results.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench/exercises', () => {
  it('start red: every stub fails its tests', async () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-shipped-test-'));
    temps.push(work);
    for (const exercise of findExercises(path.resolve('bench/exercises'))) {
      const dir = path.join(work, exercise.name);
      await prepareExercise(exercise, dir);
      const command = detectTestCommand(dir, exercise.language)!;
      const tests = await runTests(new LocalSandbox(dir), {
        command,
        projectDir: dir,
        timeoutSeconds: 120,
        signal: new AbortController().signal,
        onOutput: () => undefined,
      });
      expect(tests.green, `${exercise.name}: ${tests.output}`).toBe(false);
      expect(tests.failed + tests.errored, exercise.name).toBeGreaterThan(0);
    }
  });

  it('run out of the box with the scripted engine: every scripted solution passes its tests in round 1', async () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-shipped-test-'));
    temps.push(out);
    const run = await runSuite({
      dir: path.resolve('bench/exercises'),
      outDir: out,
      jobs: 2,
      flags: { AI_ENGINE: 'scripted', SANDBOX: 'local' },
      userDefaults: {},
      fresh: false,
      keep: false,
      signal: new AbortController().signal,
    });
    for (const result of run.results.exercises) {
      expect(result, result.name).toMatchObject({ solved: true, rounds: 1 });
      expect(result.lastTests, result.name).toMatch(/^(\d+)\/\1 passing$/);
    }
    expect(suiteTotals(run.results.exercises)).toMatchObject({ exercises: 4, solved: 4 });
  });
});
