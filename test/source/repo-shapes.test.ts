// Repositories as people have them: a linked worktree, a detached HEAD, a submodule the model edits. Each runs to
// green with a clean tree, and the advice printed at the end works.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFactory } from '../support/cli.js';
import { git, makeProject, read, rightAdd } from '../support/project.js';
import { pytestCommand, requirePytest } from '../support/python.js';
import { submoduleProject } from '../support/submodule-project.js';

const config = { TEST_CMD: `PYTEST_DISABLE_PLUGIN_AUTOLOAD=1 ${pytestCommand()}` };
// No .gitignore: .factory/ must be kept out of git by factory itself (info/exclude, wherever git keeps it).
const files = { '.gitignore': '' };
const script = { worker: [{ write: { 'calc.py': rightAdd } }] };

describe.skipIf(requirePytest())('repository shapes', () => {
  it('runs in a linked git worktree', async () => {
    const main = makeProject({ config, files, script });
    const worktree = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'factory-worktree-')), 'feature tree');
    git(main, 'worktree', 'add', '-q', '-b', 'feature', worktree);
    const run = await runFactory(worktree, ['run']);
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    expect(git(worktree, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(read(worktree, 'RFP/tasks.md')).toContain('- [x] Add numbers');
    expect(run.stdout).toContain('Your branch feature is untouched');
    // The main checkout is untouched by the run in the worktree.
    expect(git(main, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(main, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    const reset = await runFactory(worktree, ['reset', '--hard', '--yes']);
    expect(reset.stdout).toContain('back on feature');
    expect(git(worktree, 'branch', '--list', 'factory/*')).toBe('');
  });

  it('records a detached start as its commit and prints advice that works', async () => {
    const dir = makeProject({ config, script });
    const start = git(dir, 'rev-parse', 'HEAD');
    git(dir, 'checkout', '-q', '--detach');
    const run = await runFactory(dir, ['run']);
    expect(run.exitCode).toBe(0);
    const branch = git(dir, 'rev-parse', '--abbrev-ref', 'HEAD');
    expect(run.stdout).toContain(
      `The run started on a detached HEAD (commit ${start.slice(0, 12)}), which is untouched; the run's commits are on ${branch}.`,
    );
    expect(run.stdout).toContain(`Keep the work:    git branch <your-branch-name> ${branch}`);
    expect(run.stdout).not.toContain('git checkout HEAD');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    // The advice, followed: the work is on a branch of the user's.
    git(dir, 'branch', 'my-work', branch);
    expect(git(dir, 'log', '--format=%s', '-1', 'my-work')).toBe('factory: task 1 done — Add numbers');
    const reset = await runFactory(dir, ['reset', '--hard', '--yes']);
    expect(reset.stdout).toContain(`back on commit ${start.slice(0, 12)} (detached HEAD, as the run found it)`);
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('HEAD');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(start);
    expect(git(dir, 'rev-parse', 'my-work')).not.toBe(start);
  });

  it('commits edits the model made inside a submodule, there and in the superproject, leaving nothing dirty', async () => {
    const dir = submoduleProject(config);
    const before = git(dir, 'rev-parse', 'HEAD:lib');

    const run = await runFactory(dir, ['run']);
    expect(run.exitCode).toBe(0);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(git(path.join(dir, 'lib'), 'status', '--porcelain', '--untracked-files=all')).toBe('');
    // The submodule holds the model's commit, and the superproject's commit points at it.
    const after = git(dir, 'rev-parse', 'HEAD:lib');
    expect(after).not.toBe(before);
    expect(git(path.join(dir, 'lib'), 'rev-parse', 'HEAD')).toBe(after);
    expect(git(path.join(dir, 'lib'), 'show', `${after}:calc.py`)).toBe(rightAdd.trimEnd());
    // The next run starts (nothing looks like the user's uncommitted work) and has nothing left to do.
    const again = await runFactory(dir, ['run']);
    expect(again.stderr).toBe('');
    expect(again.exitCode).toBe(0);
  });
});
