// Paths git will not take into its index (".GIT/config", "src/.git", "git~1/"): a model's write there made the round's
// `git add -A` fail, the run end with exit 1 and leave its files on the user's branch. Now they are refused whatever
// wrote them, and a commit that fails all the same leaves the user's branch as it was.
import fs from 'node:fs';
import path from 'node:path';
import { execaSync } from 'execa';
import { describe, expect, it } from 'vitest';
import { parseEvents, runFactory } from '../support/cli.js';
import { makeProject, rightAdd } from '../support/project.js';
import { requirePytest } from '../support/python.js';

const exists = (dir: string, file: string): boolean => fs.existsSync(path.join(dir, file));
const git = (dir: string, ...args: string[]): string => execaSync('git', args, { cwd: dir }).stdout.trim();
const refused = (stdout: string): string[] =>
  parseEvents(stdout).flatMap((event) =>
    event.type === 'agent:edit' && event.action === 'refused' ? [`${event.path}: ${event.reason}`] : [],
  );

describe.skipIf(requirePytest())('names git refuses', () => {
  it('are refused as edits and removed after shell commands; the run goes on to green', {
    timeout: 120_000,
  }, async () => {
    const dir = makeProject({
      script: {
        worker: [
          {
            write: { 'calc.py': rightAdd, '.GIT/config': '[core]\n', 'src/.Git/HEAD': 'x\n', 'git~1/x': 'x\n' },
            // A CLI's shell bypasses the edit checks: what it made is found after the call.
            run: [
              'mkdir -p .gIT lib/.git docs/git~1 && printf "[core]\\n" > .gIT/config && echo x > lib/.git/HEAD',
              'echo x > docs/git~1/a && echo x > "notes.git. " && echo x > docs/.git',
            ],
          },
        ],
      },
    });
    const run = await runFactory(dir, ['run', '--json']);
    expect(run.exitCode, run.stderr).toBe(0);
    expect(refused(run.stdout)).toEqual([
      '.GIT/config: .GIT/config: git refuses this name (a form of .git)',
      'src/.Git/HEAD: src/.Git/HEAD: git refuses this name (a form of .git)',
      'git~1/x: git~1/x: git refuses this name (a form of .git)',
      expect.stringMatching(/^\.gIT: a name git refuses/),
      expect.stringMatching(/^docs\/\.git: a nested \.git/),
      expect.stringMatching(/^docs\/git~1: a name git refuses/),
      expect.stringMatching(/^lib\/\.git: a nested \.git/),
    ]);
    for (const gone of ['.gIT', 'lib/.git', 'docs/git~1', 'docs/.git']) expect(exists(dir, gone), gone).toBe(false);
    expect(git(dir, 'show', 'HEAD:calc.py')).toBe(rightAdd.trimEnd());
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    git(dir, 'checkout', '-q', 'main');
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
  });

  it('a commit git refuses all the same leaves the user branch as it was, and the next run starts', {
    timeout: 120_000,
  }, async () => {
    // The user's git is stricter than Linux's default (core.protectHFS): ".g\u200cit" is .git on a Mac's disk.
    const hfsDotGit = '.g\u200cit';
    const dir = makeProject({ script: { worker: [{ write: { 'calc.py': rightAdd, [`${hfsDotGit}/config`]: 'x' } }] } });
    git(dir, 'config', 'core.protectHFS', 'true');
    const head = git(dir, 'rev-parse', 'HEAD');
    const run = await runFactory(dir, ['run', '--json']);
    expect(run.exitCode).toBe(1);
    expect(run.stderr + run.stdout).toContain('invalid path');
    expect(git(dir, 'rev-parse', '--abbrev-ref', 'HEAD')).toBe('main');
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(head);
    expect(git(dir, 'status', '--porcelain', '--untracked-files=all')).toBe('');
    expect(exists(dir, 'calc.py')).toBe(false);
    expect(git(dir, 'branch', '--list', 'factory/*')).toBe('');
    const next = await runFactory(dir, ['run', '--json']);
    expect(next.stderr).not.toContain('uncommitted changes');
  });
});
