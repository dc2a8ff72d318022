// A test command that never ends is killed at TEST_TIMEOUT and the round is reported as a timeout.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFor } from '../../support/engine.js';
import { makeProject, rightAdd } from '../../support/project.js';
import { isRunning, uniqueSleep } from '../../support/processes.js';
import { waitFor } from '../../support/wait-for.js';

describe('hung tests', () => {
  it('kills the whole test process tree at the timeout and records a timed-out round', async () => {
    const [background, foreground] = [uniqueSleep(300), uniqueSleep(301)];
    const dir = makeProject({
      config: {
        TEST_CMD: `sh -c '${background} & ${foreground}; echo never'`,
        TEST_TIMEOUT: '2',
        MODE: 'Single',
        MAX_ROUNDS: '1',
      },
      script: { worker: [{ write: { 'calc.py': rightAdd } }] },
    });
    const { engine, events } = engineFor(dir);
    const result = await engine.run();
    expect(result.outcome).toBe('valve');
    const tests = events.find((event) => event.type === 'tests:finished');
    expect(tests?.type === 'tests:finished' && tests.result).toMatchObject({
      timedOut: true,
      green: false,
      // The headline gives the time the run took: the 2 s timeout, plus the kill, which a loaded machine makes longer.
      headline: expect.stringMatching(/^timed out after \d+ s/),
    });
    expect(tests?.type === 'tests:finished' && tests.result.durationMs).toBeGreaterThanOrEqual(2000);
    expect(fs.readFileSync(path.join(dir, '.factory/rounds/round_1.md'), 'utf8')).toContain('TIMED OUT');
    // Both sleeps (the foreground one and the backgrounded one) are gone; only this test's own are looked for.
    await waitFor(() => !isRunning(background) && !isRunning(foreground), 'both sleeps to be killed');
    expect(isRunning(background)).toBe(false);
    expect(isRunning(foreground)).toBe(false);
  });
});
