// RunControl's API: commands come in through apply(), the loop takes what waits at its safe points, each thing once.
import { describe, expect, it } from 'vitest';
import { RunControl } from '../../../engine/control/run-control.js';

describe('RunControl', () => {
  it('redirects from the human and the supervisor are taken once, blank ones dropped', () => {
    const control = new RunControl();
    control.apply({ type: 'redirect', text: '  use +  ' });
    control.apply({ type: 'redirect', text: '   ' });
    control.redirect('Supervisor: add tests');
    expect(control.takeRedirects()).toEqual(['use +', 'Supervisor: add tests']);
    expect(control.takeRedirects()).toEqual([]);
  });

  it('unlocks and settings wait for the loop and are taken once', () => {
    const control = new RunControl();
    control.apply({ type: 'unlock', path: 'tests/test_a.py' });
    control.apply({ type: 'set', key: 'MAX_ROUNDS', value: '3' });
    control.apply({ type: 'set', key: 'MAX_ROUNDS', value: '4' });
    expect(control.takeUnlocks()).toEqual(['tests/test_a.py']);
    expect(control.takeUnlocks()).toEqual([]);
    expect(control.takeSettings()).toEqual([['MAX_ROUNDS', '4']]);
    expect(control.takeSettings()).toEqual([]);
  });

  it('the first pause asked for is the one taken; resume ends the wait', async () => {
    const control = new RunControl();
    control.requestPause({ kind: 'valve', reason: 'MAX_ROUNDS', valve: 'max_rounds' });
    control.apply({ type: 'pause' });
    expect(control.takePause()).toEqual({ kind: 'valve', reason: 'MAX_ROUNDS', valve: 'max_rounds' });
    expect(control.takePause()).toBeUndefined();
    control.apply({ type: 'escalate' });
    expect(control.takePause()).toMatchObject({ kind: 'escalation' });
    const waiting = control.waitForResume();
    control.apply({ type: 'resume' });
    await waiting;
    control.apply({ type: 'intervene' });
    expect(control.takePause()).toMatchObject({ kind: 'intervention' });
  });

  it('skip aborts the step and ends a wait; a new task spends it', async () => {
    const control = new RunControl();
    const step = control.nextStep();
    const waiting = control.waitForResume();
    control.apply({ type: 'skip' });
    await waiting;
    expect(step.aborted).toBe(true);
    expect(control.skipRequested).toBe(true);
    expect(control.nextStep().aborted).toBe(false);
    control.startTask();
    expect(control.skipRequested).toBe(false);
  });

  it('stop after the step leaves it running; stop now aborts it and every later step', () => {
    const control = new RunControl();
    const step = control.nextStep();
    control.apply({ type: 'stop', now: false });
    expect(control.stopRequested).toBe(true);
    expect(step.aborted).toBe(false);
    control.apply({ type: 'stop', now: true });
    expect(step.aborted).toBe(true);
    expect(control.nextStep().aborted).toBe(true);
  });

  it('a failure stops the run now and keeps the first message', () => {
    const control = new RunControl();
    control.fail('disk full');
    control.fail('later');
    expect(control.failure).toBe('disk full');
    expect(control.stopRequested).toBe(true);
    expect(control.signal.aborted).toBe(true);
  });

  it('its state is read through accessors only', () => {
    const control = new RunControl() as unknown as Record<string, unknown>;
    expect(() => {
      control.stopRequested = true;
    }).toThrow(TypeError);
  });
});
