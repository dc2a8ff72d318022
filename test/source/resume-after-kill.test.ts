// SIGKILL at any point of a run, then `factory run` again: the run completes green, with no lost or duplicated commits,
// and every round's prompt and report in its own file.
import { describe, expect, it } from 'vitest';
import type { FactoryEvent } from '../../engine/contract/events.js';
import { parseEvents, runFactory } from '../support/cli.js';
import { killAt } from '../support/kill-at.js';
import { git, makeProject, read, rightAdd, wrongAdd } from '../support/project.js';
import fs from 'node:fs';
import path from 'node:path';
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
    const closing = name === 'between the green round and closing the task';
    // A kill between ticking RFP/tasks.md and its commit leaves the tick uncommitted: the resume puts the file back
    // (and says so) before closing the task again.
    const notice = /^factory: resuming: RFP\/tasks\.md put back as the run started \(changed after it stopped\)\n?/;
    expect(closing ? again.stderr.replace(notice, '') : again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    // The last kill point races the run's own end; whether it resumed or had nothing left, the result must be the same.
    if (!closing) expect(parseEvents(again.stdout)[0]).toMatchObject({ type: 'run:started', resumed: true });
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

describe.skipIf(requirePytest())('resumed twice after SIGKILL', () => {
  it("every round's prompt, report and supervisor's refusal is in its own round's file", async () => {
    const dir = makeProject({
      config: {
        SUPERVISOR: 'scripted',
        MODE: 'Single',
        MAX_SAME_FAILURE: '5',
        TEST_CMD: `sleep 0.2; ${pytestCommand()}`,
      },
      script: {
        worker: [1, 2, 3]
          .map((call) => ({
            say: ['trying', 'a - b'],
            delayMs: 200,
            write: { 'calc.py': `${wrongAdd}# try ${call}\n` },
          }))
          .concat([{ say: ['fixing', 'a + b'], delayMs: 200, write: { 'calc.py': rightAdd } }]),
        // Each part of the run starts the supervisor's calls afresh: every review tries a write, refused.
        supervisor: [1, 2, 3].map(() => ({ decision: 'CONTINUE', reason: 'go on', write: { 'notes.txt': 'mine' } })),
      },
    });
    // Killed after round 2 and its review; then again while round 3 streams, before any round of that part finished.
    await killAt(dir, (event) => event.type === 'verdict:issued' && event.round === 2);
    await killAt(dir, (event) => event.type === 'agent:chunk' && event.round === 3);
    const again = await runFactory(dir, ['run', '--json']);
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    expect(git(dir, 'log', '--format=%s', 'main..HEAD').split('\n').reverse()).toEqual([
      'factory: task 1 round 1 — 0/2 passing',
      'factory: task 1 round 2 — 0/2 passing',
      'factory: task 1 round 3 — 0/2 passing',
      'factory: task 1 round 4 — 2/2 passing',
      'factory: task 1 done — Add numbers',
    ]);
    const factory = path.join(dir, '.factory');
    expect(fs.readdirSync(path.join(factory, 'prompts')).sort()).toEqual(
      [1, 2, 3, 4].map((round) => `round_${round}.md`),
    );
    expect(fs.readdirSync(path.join(factory, 'rounds')).sort()).toEqual(
      [1, 2, 3, 4].map((round) => `round_${round}.md`),
    );
    for (const round of [1, 2, 3, 4]) {
      expect(read(dir, `.factory/prompts/round_${round}.md`)).toContain(`Round ${round} of at most 20.`);
      const report = read(dir, `.factory/rounds/round_${round}.md`);
      expect(report).toContain(`# Task 1, round ${round}: ${round === 4 ? 'GREEN' : 'RED'}`);
      // Rounds 1 to 3 were reviewed (a green round is not): one refused write each, in its own report.
      expect(report.split('## Refused while the supervisor reviewed this round')).toHaveLength(round === 4 ? 1 : 2);
    }
  });
});
