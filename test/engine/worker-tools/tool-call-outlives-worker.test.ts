// A worker call that ends (its CLI timed out, say) while one of factory's tools still runs: the tool's command is
// killed, and gone, before factory's own test run of the round starts in the same sandbox.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Worker } from '../../../engine/agents/agent.js';
import { loadConfig } from '../../../engine/config/load-config.js';
import { createEngine } from '../../../engine/engine.js';
import type { FactoryEvent } from '../../../engine/contract/events.js';
import { LocalSandbox } from '../../../engine/sandbox/local-sandbox.js';
import { ofType } from '../../support/engine.js';
import { isRunning, uniqueSleep } from '../../support/processes.js';
import { makeProject } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';
import { waitFor } from '../../support/wait-for.js';

const noPytest = requirePytest();
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(noPytest)(`a tool call the worker leaves running${noPytest ? ` (${noPytest})` : ''}`, () => {
  it('is killed when the worker call ends, before the round runs its tests', async () => {
    const sleep = uniqueSleep(120);
    // Slow only when the worker asked for it (the flag file), so the baseline and the round's own run are quick.
    const slowTest =
      'import os, subprocess\n\ndef test_slow():\n' +
      `    if os.path.exists('slow'):\n        os.remove('slow')\n        subprocess.run("${sleep}", shell=True)\n`;
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '1', TEST_TIMEOUT: '120', PLAN: 'false' },
      files: { 'tests/test_slow.py': slowTest },
    });
    dirs.push(dir);
    // Like a CLI at AGENT_TIMEOUT: it starts run_tests and is gone while the call still runs.
    const worker: Worker = {
      name: 'leaves-a-call',
      takesTools: true,
      run: async (request) => {
        fs.writeFileSync(path.join(request.projectDir, 'slow'), '');
        void request.tools?.call('run_tests', { tests: ['tests/test_slow.py'] });
        await waitFor(() => isRunning(sleep), 'the tool call to start its sleep');
        return { ok: false, error: 'timed out' };
      },
    };
    const engine = createEngine({ projectDir: dir, config: loadConfig(dir), worker, sandbox: new LocalSandbox(dir) });
    const events: FactoryEvent[] = [];
    let sleepingAtTests: boolean | undefined;
    engine.on((event) => {
      events.push(event);
      if (event.type === 'tests:started' && !event.baseline) sleepingAtTests = isRunning(sleep);
    });
    await engine.run();
    expect(sleepingAtTests).toBe(false);
    const types = events.map((event) => event.type);
    const roundTests = events.findIndex((event) => event.type === 'tests:started' && !event.baseline);
    expect(types.indexOf('tool:finished')).toBeLessThan(roundTests);
    expect(ofType(events, 'tool:finished')).toMatchObject([{ tool: 'run_tests', exitCode: null, timedOut: false }]);
    expect(isRunning(sleep)).toBe(false);
  }, 120_000);
});
