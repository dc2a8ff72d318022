// run:started reports the run's starting values of the settings that can change while it goes on (the dashboard's limits form shows them).
import { describe, expect, it } from 'vitest';
import { engineFor, ofType } from '../support/engine.js';
import { makeProject, rightAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';

describe.skipIf(requirePytest())('run:started settings', () => {
  it('carries every live setting, from factory_config.md or its default, and no other', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '7', MAX_COST_USD: '1.5' },
      script: { worker: [{ write: { 'calc.py': rightAdd } }] },
    });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'green' });
    const [started] = ofType(events, 'run:started');
    expect(started!.settings).toEqual({
      WORKER_MODEL: '',
      MODE: 'Single',
      MAX_ROUNDS: '7',
      MAX_PARALLEL: '1',
      MAX_FAIL_STREAK: '5',
      MAX_IDLE_ROUNDS: '3',
      MAX_SAME_FAILURE: '3',
      MAX_COST_USD: '1.5',
      MAX_MINUTES: '',
    });
  });
});
