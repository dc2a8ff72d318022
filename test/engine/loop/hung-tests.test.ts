// A test command that never ends is killed at TEST_TIMEOUT and the round is reported as a timeout.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { engineFor } from '../../support/engine.js';
import { makeProject, rightAdd } from '../../support/project.js';

describe('hung tests', () => {
  it('kills the whole test process tree at the timeout and records a timed-out round', async () => {
    const marker = `factory-hang-${process.pid}-${Date.now()}`;
    const dir = makeProject({
      config: { TEST_CMD: `sh -c 'sleep 300 & sleep 301; echo ${marker}'`, TEST_TIMEOUT: '2', MODE: 'Single', MAX_ROUNDS: '1' },
      script: { worker: [{ write: { 'calc.py': rightAdd } }] },
    });
    const { engine, events } = engineFor(dir);
    const result = await engine.run();
    expect(result.outcome).toBe('valve');
    const tests = events.find((event) => event.type === 'tests:finished');
    expect(tests?.type === 'tests:finished' && tests.result).toMatchObject({ timedOut: true, green: false, headline: expect.stringMatching(/^timed out after 2 s/) });
    expect(fs.readFileSync(path.join(dir, '.factory/rounds/round_1.md'), 'utf8')).toContain('TIMED OUT');
    // Both sleeps (the foreground one and the backgrounded one) are gone.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(execaSync('pgrep', ['-f', 'sleep 30[01]'], { reject: false }).stdout.trim()).toBe('');
  });
});
