// Steering production lines: pause, resume, stop and unlock reach every line; redirect, escalate, intervene and skip
// reach the line of the task they name (the first line when they name none); settings stay the run's.
import { describe, expect, it } from 'vitest';
import { RunControl } from '../../../engine/control/run-control.js';

function twoLines() {
  const run = new RunControl();
  return { run, one: run.openLine(1), two: run.openLine(2) };
}

describe('a run control with lines', () => {
  it('sends a redirect, an escalation and a skip to the line of their task, and one naming none to the first', () => {
    const { run, one, two } = twoLines();
    run.apply({ type: 'redirect', text: 'use a dict', task: 2 });
    run.apply({ type: 'redirect', text: 'first line' });
    run.apply({ type: 'escalate', reason: 'needs a human', task: 2 });
    run.apply({ type: 'skip', task: 1 });
    expect(two.takeRedirects()).toEqual(['use a dict']);
    expect(one.takeRedirects()).toEqual(['first line']);
    expect(two.takePause()).toMatchObject({ kind: 'escalation', reason: 'needs a human' });
    expect(one.takePause()).toBeUndefined();
    expect(one.skipRequested).toBe(true);
    expect(one.signal.aborted).toBe(true);
    expect(two.skipRequested).toBe(false);
    expect(two.signal.aborted).toBe(false);
    // A task no line works is nobody's: it reaches no line.
    run.apply({ type: 'intervene', task: 7 });
    expect(one.takePause()).toBeUndefined();
    expect(two.takePause()).toBeUndefined();
  });

  it('pauses, resumes and stops every line, and keeps the settings for the run', async () => {
    const { run, one, two } = twoLines();
    run.apply({ type: 'pause' });
    expect(one.takePause()).toMatchObject({ kind: 'human' });
    expect(two.takePause()).toMatchObject({ kind: 'human' });
    const waiting = Promise.all([one.waitForResume(), two.waitForResume()]);
    run.apply({ type: 'resume' });
    await waiting;
    run.apply({ type: 'set', key: 'MAX_ROUNDS', value: '3' });
    expect(two.takeSettings()).toEqual([['MAX_ROUNDS', '3']]);
    expect(one.takeSettings()).toEqual([]);
    run.apply({ type: 'unlock', path: 'tests/test_a.py' });
    expect(one.takeUnlocks()).toEqual(['tests/test_a.py']);
    expect(two.takeUnlocks()).toEqual(['tests/test_a.py']);
    run.apply({ type: 'stop', now: true });
    expect([one.stopRequested, two.stopRequested]).toEqual([true, true]);
    expect([one.signal.aborted, two.signal.aborted]).toEqual([true, true]);
    // A line opened after the stop is stopped too; a closed line hears nothing more.
    expect(run.openLine(3).stopRequested).toBe(true);
    run.closeLine(1);
    run.apply({ type: 'redirect', text: 'late', task: 1 });
    expect(one.takeRedirects()).toEqual([]);
  });

  it('a failure in a line (its records could not be written) stops the whole run', () => {
    const { run, one, two } = twoLines();
    one.fail('disk full');
    expect(run.failure).toBe('disk full');
    expect(two.failure).toBe('disk full');
    expect(two.stopRequested).toBe(true);
  });
});
