// SIGKILL at any point of a run, then `factory run` again: the run completes green, with no lost or duplicated commits.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../engine/events.js';
import { parseEvents, runFactory } from '../support/cli.js';
import { killAt } from '../support/kill-at.js';
import { git, makeProject, read, rightAdd, wrongAdd } from '../support/project.js';
import { pytestCommand, requirePytest } from '../support/python.js';

const points: [string, (event: FactoryEvent) => boolean][] = [
  ['while the worker streams (round 1)', (event) => event.type === 'agent:chunk' && event.round === 1],
  ['while the worker streams (round 2)', (event) => event.type === 'agent:chunk' && event.round === 2],
  ['while the tests run', (event) => event.type === 'tests:started' && !event.baseline && event.round === 2],
  ['as the round is committed', (event) => event.type === 'tests:finished' && !event.baseline && event.round === 1],
  ['while the reports are written', (event) => event.type === 'round:finished' && event.round === 1],
  ['between the green round and closing the task', (event) => event.type === 'round:finished' && event.round === 2],
  ['during the baseline test run', (event) => event.type === 'tests:started' && event.baseline],
];

describe.skipIf(requirePytest())('resume after SIGKILL', () => {
  it.each(points)('%s', async (name, point) => {
    const dir = makeProject({
      config: { TEST_CMD: `sleep 0.3; ${pytestCommand()}` },
      script: {
        worker: [
          { say: ['trying', 'a - b'], delayMs: 200, write: { 'calc.py': wrongAdd } },
          { say: ['fixing', 'a + b'], delayMs: 200, write: { 'calc.py': rightAdd } },
        ],
      },
    });
    await killAt(dir, point);
    const again = await runFactory(dir, ['run', '--json']);
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    // The last kill point races the run's own end; whether it resumed or had nothing left, the result must be the same.
    if (name !== 'between the green round and closing the task')
      expect(parseEvents(again.stdout)[0]).toMatchObject({ type: 'run:started', resumed: true });
    const log = git(dir, 'log', '--format=%s', 'main..HEAD').split('\n').reverse();
    expect(log).toEqual([
      'factory: task 1 round 1 — 0/2 passing',
      'factory: task 1 round 2 — 2/2 passing',
      'factory: task 1 done — Add numbers',
    ]);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(git(dir, 'branch', '--list', 'factory/*').trim().split('\n')).toHaveLength(1);
    expect(read(dir, 'RFP/tasks.md')).toContain('- [x] Add numbers');
    expect(read(dir, '.factory/rounds/round_2.md')).toContain('GREEN');
  });
});
