// SIGKILL with two lines mid-round, then `factory run` again: each line goes on at its last committed round, the run
// ends green with no round committed twice, and no worktree or line branch is left; `factory reset --hard` removes the
// lines a stopped run left; soft `factory reset` removes their worktrees and keeps their branches.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseEvents, runFactory } from '../../support/cli.js';
import { killAt } from '../../support/kill-at.js';
import {
  faAndFb,
  lineBranches,
  linesProject,
  recordedLines,
  suitePasses,
  worktrees,
} from '../../support/lines-project.js';
import { git } from '../../support/project.js';
import { requirePytest } from '../../support/python.js';

const slow = ['thinking', 'still thinking', 'writing'];

function twoLines(): string {
  return linesProject({
    parallel: 2,
    ...faAndFb,
    byTask: {
      // Red first (a committed round to go on from), then green.
      1: [
        { say: slow, delayMs: 150, write: { 'fa.py': 'def fa():\n    return 0\n' } },
        { say: slow, delayMs: 300, write: { 'fa.py': 'def fa():\n    return 1\n' } },
      ],
      2: [
        { say: slow, delayMs: 150, write: { 'fb.py': 'def fb():\n    return 0\n' } },
        { say: slow, delayMs: 300, write: { 'fb.py': 'def fb():\n    return 2\n' } },
      ],
    },
  });
}

const bothInRound2 = (_: unknown, seen: ReturnType<typeof parseEvents>): boolean =>
  [1, 2].every((task) => seen.some((e) => e.type === 'agent:chunk' && e.task === task && e.round === 2));

describe.skipIf(requirePytest())('production lines after SIGKILL', () => {
  it('resume each line at its last committed round: green, nothing committed twice, nothing left behind', async () => {
    const dir = twoLines();
    await killAt(dir, bothInRound2);
    expect(worktrees(dir)).toHaveLength(3);
    const again = await runFactory(dir, ['run', '--json']);
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
    const events = parseEvents(again.stdout);
    expect(events[0]).toMatchObject({ type: 'run:started', resumed: true });
    // Each line went on in round 2, not from the start.
    for (const task of [1, 2]) {
      const rounds = events.filter((e) => e.type === 'round:started' && e.task === task).map((e) => e.round);
      expect(rounds).toEqual([2]);
    }
    const subjects = git(dir, 'log', '--format=%s', 'main..HEAD').split('\n').filter(Boolean);
    const rounds = subjects
      .filter((subject) => / round \d+ — /.test(subject))
      .map((subject) => subject.split(' — ')[0])
      .sort();
    expect(rounds).toEqual([
      'factory: task 1 round 1',
      'factory: task 1 round 2',
      'factory: task 2 round 1',
      'factory: task 2 round 2',
    ]);
    expect(subjects.filter((subject) => subject.includes('done'))).toHaveLength(2);
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(suitePasses(dir)).toBe(true);
    expect(worktrees(dir)).toHaveLength(1);
    expect(lineBranches(dir)).toEqual([]);
    expect(recordedLines(dir)).toEqual([]);
  });

  it('factory reset --hard removes the worktrees and branches of the lines a killed run recorded', async () => {
    const dir = twoLines();
    await killAt(dir, bothInRound2);
    expect(lineBranches(dir)).toHaveLength(2);
    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(reset.stdout).toContain("removed the production lines' worktree(s)");
    expect(worktrees(dir)).toHaveLength(1);
    expect(lineBranches(dir)).toEqual([]);
    expect(git(dir, 'branch', '--list', 'factory/*')).toBe('');
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD').trim()).toBe('main');
  });

  it("factory reset (soft) removes the recorded lines' worktrees, keeps their branches and history, and no other worktree", async () => {
    const dir = twoLines();
    await killAt(dir, bothInRound2);
    const lines = recordedLines(dir);
    expect(lines).toHaveLength(2);
    // A worktree and branch of the user's own, beside the lines: reset never touches them.
    const mine = fs.mkdtempSync(path.join(os.tmpdir(), 'factory-user-worktree-'));
    git(dir, 'worktree', 'add', '-q', '-b', 'mine', path.join(mine, 'wt'), 'main');
    const before = Object.fromEntries(
      lineBranches(dir).map((branch) => [branch, git(dir, 'rev-parse', branch).trim()]),
    );
    expect(Object.keys(before)).toHaveLength(2);

    const reset = await runFactory(dir, ['reset']);
    expect(reset.exitCode, reset.stderr).toBe(0);
    expect(fs.existsSync(path.join(dir, '.factory'))).toBe(false);
    expect(reset.stdout).toContain(
      `removed the production lines' worktree(s) ${lines.map((l) => l.worktree).join(', ')}`,
    );
    expect(reset.stdout).toContain(`kept the production lines' branch(es) ${lines.map((l) => l.branch).join(', ')}`);
    // Only the checkout and the user's worktree are left; the lines' folders are gone from disk too.
    expect(worktrees(dir).map((at) => fs.realpathSync(at))).toEqual([
      fs.realpathSync(dir),
      fs.realpathSync(path.join(mine, 'wt')),
    ]);
    for (const line of lines) expect(fs.existsSync(line.worktree)).toBe(false);
    // The branches, each at its commit with its round 1, and still recorded for reset --hard.
    expect(
      Object.fromEntries(lineBranches(dir).map((branch) => [branch, git(dir, 'rev-parse', branch).trim()])),
    ).toEqual(before);
    for (const branch of Object.keys(before))
      expect(git(dir, 'log', '--format=%s', `main..${branch}`)).toMatch(/factory: task \d round 1 — /);
    expect(recordedLines(dir)).toEqual(lines);

    const hard = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(hard.exitCode, hard.stderr).toBe(0);
    expect(lineBranches(dir)).toEqual([]);
    expect(git(dir, 'branch', '--list', '--format=%(refname:short)', 'mine').trim()).toBe('mine');
    expect(worktrees(dir)).toHaveLength(2);
    fs.rmSync(mine, { recursive: true, force: true });
  });
});
