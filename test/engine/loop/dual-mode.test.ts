// MODE=Dual pauses for the human when a valve trips, and resuming gives the valve's count a fresh start, which a stopped
// and resumed run keeps.
import { describe, expect, it } from 'vitest';
import { engineFor, nextEvent, ofType } from '../../support/engine.js';
import { makeProject, rightAdd, wrongAdd } from '../../support/project.js';
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

  it('MAX_ROUNDS lifted by the human stays lifted when the run is stopped and taken up again', async () => {
    const dir = makeProject({
      config: { MODE: 'Dual', MAX_ROUNDS: '2', MAX_FAIL_STREAK: '10', MAX_SAME_FAILURE: '10', MAX_IDLE_ROUNDS: '10' },
      script: {
        worker: [1, 2, 3]
          .map((call) => ({ write: { 'calc.py': `${wrongAdd}# try ${call}\n` } }))
          .concat([{ write: { 'calc.py': rightAdd } }]),
      },
    });
    const first = engineFor(dir);
    first.engine.on((event) => {
      if (event.type === 'engine:paused') first.engine.send({ type: 'resume' });
      if (event.type === 'round:finished' && event.record.round === 3) first.engine.send({ type: 'stop' });
    });
    expect(await first.engine.run()).toMatchObject({ outcome: 'stopped' });
    expect(ofType(first.events, 'valve:tripped')).toMatchObject([{ valve: 'max_rounds' }]);

    // Taken up again: round 4 is played at once (a valve tripping again would pause: stop it to see).
    const again = engineFor(dir);
    again.engine.on((event) => event.type === 'engine:paused' && again.engine.send({ type: 'stop' }));
    expect(await again.engine.run()).toMatchObject({ outcome: 'green' });
    expect(ofType(again.events, 'valve:tripped')).toEqual([]);
    expect(ofType(again.events, 'round:started')).toMatchObject([{ round: 4, runRound: 4, maxRounds: 4 }]);
  });
});
