// Run control beyond the three valves: same failure, failures from before the run, caps, and limits changed mid-run.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { initialDashboard, reduceDashboard } from '../../../components/dashboard-state.js';
import { engineFor, nextEvent, ofType } from '../../support/engine.js';
import { makeProject, read, rightAdd } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';

const otherTests = {
  'tests/test_other.py': 'def test_unrelated_broken():\n    assert 1 == 2, "was broken before the run"\n',
  'tests/test_util.py': 'from util import double\n\n\ndef test_double():\n    assert double(2) == 4\n',
  'util.py': 'def double(x):\n    return 2 * x\n',
};

describe.skipIf(requirePytest())('run control', () => {
  it('MAX_SAME_FAILURE stops a worker that keeps failing the same way although it rewrites the file', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_SAME_FAILURE: '2' },
      script: {
        worker: [{ write: { 'calc.py': 'def add(a, b):\n    # attempt {{round}}\n    return a - b\n' } }],
        afterLast: 'repeat',
      },
    });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'valve', exitCode: 3 });
    expect(ofType(events, 'round:started')).toHaveLength(2);
    expect(ofType(events, 'git:committed')).toHaveLength(2);
    const [valve] = ofType(events, 'valve:tripped');
    expect(valve).toMatchObject({ valve: 'same_failure' });
    expect(valve!.evidence).toBe(
      '2 rounds: tests/test_calc.py::test_add (and 1 more test) fails with the same error: assert -1 == 5',
    );
    expect(read(dir, '.factory/history.md')).toContain('valve same_failure');
  });

  it('a worker whose failures change is not stopped by MAX_SAME_FAILURE', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_SAME_FAILURE: '2', MAX_ROUNDS: '3' },
      script: {
        worker: [{ write: { 'calc.py': 'def add(a, b):\n    return a - b - {{round}}\n' } }],
        afterLast: 'repeat',
      },
    });
    const { engine, events } = engineFor(dir);
    await engine.run();
    expect(ofType(events, 'valve:tripped').map((event) => event.valve)).toEqual(['max_rounds']);
  });

  it('a test that failed before the run never blocks the task and is reported as such', async () => {
    const dir = makeProject({ files: otherTests, script: { worker: [{ write: { 'calc.py': rightAdd } }] } });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'green', exitCode: 0 });
    const [baseline] = ofType(events, 'baseline:recorded');
    expect(baseline!.failing).toContain('tests/test_other.py::test_unrelated_broken');
    const [round] = ofType(events, 'round:finished');
    expect(round!.record.judgement.failingBefore).toEqual(['tests/test_other.py::test_unrelated_broken']);
    // The task's own red tests are where it starts, not failures from before the run.
    expect(baseline!.failing).toEqual(['tests/test_other.py::test_unrelated_broken']);
    expect(baseline!.starting!.length).toBeGreaterThan(0);
    expect(baseline!.starting!.every((id) => id.startsWith('tests/test_calc.py'))).toBe(true);
    const [roundTests] = ofType(events, 'tests:finished').filter((event) => !event.baseline);
    expect(roundTests!.taskVerdict?.failingBefore).toEqual(['tests/test_other.py::test_unrelated_broken']);
    // What the dashboard makes of the run: the baseline in the Tests pane only, never as the supervisor's word.
    const shown = reduceDashboard(initialDashboard(), { type: 'events', events });
    expect(shown.tests.baseline).toBe(
      `baseline: ${baseline!.headline}; failing before the run: tests/test_other.py::test_unrelated_broken; the tasks' own red tests to make pass: ${baseline!.starting!.length}`,
    );
    expect(shown.supervisor.map((entry) => entry.label)).not.toContain('BASELINE');
    expect(read(dir, '.factory/rounds/round_1.md')).toMatch(
      /## Failing before the run[^\n]*\n- tests\/test_other.py::test_unrelated_broken/,
    );
    expect(JSON.parse(read(dir, '.factory/baseline.json')).tests['tests/test_util.py::test_double']).toBe('passed');
  });

  it('breaking a test that passed in the baseline is not green', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '1' },
      files: otherTests,
      script: { worker: [{ write: { 'calc.py': rightAdd, 'util.py': 'def double(x):\n    return x\n' } }] },
    });
    const { engine, events } = engineFor(dir);
    expect(await engine.run()).toMatchObject({ outcome: 'valve' });
    const [round] = ofType(events, 'round:finished');
    expect(round!.record.green).toBe(false);
    expect(round!.record.judgement.regressions).toEqual(['tests/test_util.py::test_double']);
    expect(round!.record.judgement.ownFailing).toEqual([]);
    expect(read(dir, '.factory/rounds/round_1.md')).toContain(
      '## Passed before the run, failing now\n- tests/test_util.py::test_double',
    );
  });

  it('MAX_COST_USD stops the run after the round that reached it, with exit code 6', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_COST_USD: '0.5' },
      script: {
        worker: [
          { write: { 'calc.py': 'def add(a, b):\n    return 0\n' }, costUsd: 0.6 },
          { write: { 'calc.py': rightAdd } },
        ],
      },
    });
    const { engine, events } = engineFor(dir);
    const result = await engine.run();
    expect(result).toMatchObject({ outcome: 'cap', exitCode: 6 });
    expect(result.reason).toBe('MAX_COST_USD reached ($0.5): $0.6000 spent, 0 tokens');
    expect(ofType(events, 'round:finished')).toHaveLength(1);
    expect(ofType(events, 'git:committed')).toHaveLength(1);
    expect(engine.snapshot().costUsd).toBeCloseTo(0.6);
  });

  it('MAX_MINUTES pauses the run in Dual mode; resuming lifts the cap', async () => {
    const dir = makeProject({
      config: { MODE: 'Dual', MAX_MINUTES: '0.005' },
      script: {
        worker: [
          { say: 'slow', delayMs: 500, write: { 'calc.py': 'def add(a, b):\n    return 0\n' } },
          { write: { 'calc.py': rightAdd } },
        ],
      },
    });
    const { engine, events } = engineFor(dir);
    const paused = nextEvent(engine, (event) => event.type === 'engine:paused');
    const running = engine.run();
    expect(await paused).toMatchObject({
      kind: 'cap',
      reason: expect.stringContaining('MAX_MINUTES reached (0.005 min)'),
    });
    engine.send({ type: 'resume' });
    expect(await running).toMatchObject({ outcome: 'green' });
    expect(ofType(events, 'cap:reached')).toHaveLength(1);
  });

  it('MAX_ROUNDS changed while the run goes on changes when it stops; a bad value is refused with the config message', async () => {
    const dir = makeProject({
      config: { MODE: 'Single', MAX_ROUNDS: '10', MAX_FAIL_STREAK: '10' },
      script: {
        worker: [{ say: 'slow', delayMs: 300, write: { 'calc.py': 'def add(a, b):\n    return a - b - {{round}}\n' } }],
        afterLast: 'repeat',
      },
    });
    const { engine, events } = engineFor(dir);
    const firstRound = nextEvent(engine, (event) => event.type === 'round:started');
    const running = engine.run();
    await firstRound;
    engine.send({ type: 'set', key: 'MAX_ROUNDS', value: 'zero' });
    engine.send({ type: 'set', key: 'TEST_CMD', value: 'true' });
    engine.send({ type: 'set', key: 'MAX_ROUNDS', value: '2' });
    expect(await running).toMatchObject({ outcome: 'valve' });
    expect(ofType(events, 'round:started')).toHaveLength(2);
    expect(ofType(events, 'valve:tripped')[0]!.reason).toBe('MAX_ROUNDS reached (2 rounds)');
    expect(ofType(events, 'config:rejected').map((event) => event.message)).toEqual([
      'factory set: MAX_ROUNDS=zero is not allowed: expected a whole number from 1 to 1000',
      expect.stringMatching(
        /^factory set: TEST_CMD cannot change while a run goes on; settings that can: WORKER_MODEL, MODE, MAX_ROUNDS/,
      ),
    ]);
    expect(ofType(events, 'config:changed')).toMatchObject([
      { key: 'MAX_ROUNDS', value: '2', previous: '10', round: 1 },
    ]);
    expect(fs.readFileSync(path.join(dir, '.factory/history.md'), 'utf8')).toContain(
      'setting changed: MAX_ROUNDS=2 (was 10), from the next round',
    );
  });
});
