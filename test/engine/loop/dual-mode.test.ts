// MODE=Dual pauses for the human when a valve trips, and resuming gives the valve's count a fresh start.
import { describe, expect, it } from 'vitest';
import { engineFor, nextEvent } from '../../support/engine.js';
import { makeProject, rightAdd } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';

describe.skipIf(requirePytest())('Dual mode', () => {
  it('pauses on a tripped valve instead of stopping, and goes on after resume', async () => {
    const dir = makeProject({
      config: { MODE: 'Dual', MAX_IDLE_ROUNDS: '1' },
      script: { worker: [{ say: 'nothing yet' }, { write: { 'calc.py': rightAdd } }] },
    });
    const { engine, events } = engineFor(dir);
    const paused = nextEvent(engine, (event) => event.type === 'engine:paused');
    const running = engine.run();
    const pause = await paused;
    expect(pause).toMatchObject({ type: 'engine:paused', kind: 'valve', task: 1 });
    expect(pause.type === 'engine:paused' && pause.reason).toContain('MAX_IDLE_ROUNDS reached');
    expect(engine.snapshot().state).toBe('paused');
    engine.send({ type: 'resume' });
    const result = await running;
    expect(result).toMatchObject({ outcome: 'green', exitCode: 0 });
    const types = events.map((event) => event.type);
    expect(types.indexOf('engine:resumed')).toBeGreaterThan(types.indexOf('engine:paused'));
    expect(events.filter((event) => event.type === 'round:started')).toHaveLength(2);
  });

  it('in Single mode the same valve stops the run', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_IDLE_ROUNDS: '1' },
      script: { worker: [{ say: 'nothing' }] },
    });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'valve', exitCode: 3 });
    expect(events.some((event) => event.type === 'engine:paused')).toBe(false);
  });
});
