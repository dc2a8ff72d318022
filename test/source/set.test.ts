// `factory set` changes a limit of the run going on in the folder; bad values and no run get clear messages.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { factoryBin, runFactory, testHome } from '../support/cli.js';
import { waitFor } from '../support/wait-for.js';
import { makeProject, read } from '../support/project.js';
import { requirePytest } from '../support/python.js';

describe.skipIf(requirePytest())('factory set', () => {
  it('says so and changes nothing when no run is going', async () => {
    const dir = makeProject();
    const result = await runFactory(dir, ['set', 'MAX_ROUNDS=2']);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe(
      `factory: no run is going in ${dir}: nothing changed (for the next run, set MAX_ROUNDS in factory_config.md)`,
    );
  });

  it('refuses a bad value with the config file message, before sending anything', async () => {
    const dir = makeProject();
    expect((await runFactory(dir, ['set', 'MAX_ROUNDS=lots'])).stderr).toBe(
      'factory: factory set: MAX_ROUNDS=lots is not allowed: expected a whole number from 1 to 1000',
    );
    expect((await runFactory(dir, ['set', 'TEST_CMD=true'])).stderr).toMatch(
      /^factory: factory set: TEST_CMD cannot change while a run goes on; settings that can: WORKER_MODEL, MODE, MAX_ROUNDS/,
    );
  });

  it('MAX_ROUNDS=2 sent to a running `factory run` makes it stop after round 2', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '10', MAX_FAIL_STREAK: '10', MAX_SAME_FAILURE: '10' },
      script: {
        worker: [
          { say: ['working'], delayMs: 1500, write: { 'calc.py': 'def add(a, b):\n    return a - b - {{round}}\n' } },
        ],
        afterLast: 'repeat',
      },
    });
    const run = execa('node', [factoryBin, 'run'], {
      cwd: dir,
      reject: false,
      env: { FACTORY_HOME: testHome },
    });
    await waitFor(() => fs.existsSync(path.join(dir, '.factory/prompts/round_1.md')), 'round 1');
    const set = await runFactory(dir, ['set', 'MAX_ROUNDS=2']);
    expect(set.stderr).toBe('');
    expect(set.stdout).toContain('MAX_ROUNDS=2 sent to the run in');
    const result = await run;
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toContain('VALVE max_rounds: MAX_ROUNDS reached (2 rounds)');
    expect(read(dir, '.factory/history.md')).toContain('setting changed: MAX_ROUNDS=2 (was 10), from the next round');
  });
});
