// A production line's place in git: its own worktree (in the checkout's git folder, outside the user's tree) on its
// own branch, factory/<run-id>-task-<n>, made from the run branch's head. Recorded in factory's run records before
// git makes either, so `factory reset --hard` and a resumed run find them; removed when the line closes.
import fs from 'node:fs';
import path from 'node:path';
import type { Repo } from '../git/repo.js';
import type { Line } from './line-sandbox.js';

export const lineBranch = (runId: string, task: number): string => `factory/${runId}-task-${task}`;

async function linesFolder(repo: Repo): Promise<string> {
  return path.join(path.resolve(repo.dir, (await repo.raw(['rev-parse', '--git-common-dir'])).trim()), 'factory-lines');
}

async function branchExists(repo: Repo, branch: string): Promise<boolean> {
  return (await repo.raw(['branch', '--list', '--format=%(refname:short)', branch])).trim() === branch;
}

/**
 * The line's worktree, checked out on its branch: a new branch from the run branch's head, or the branch a stopped
 * or killed run left (resume), whose old worktree is removed first.
 */
export async function openLineWorktree(
  repo: Repo,
  runId: string,
  task: { index: number; title: string },
): Promise<Line> {
  const branch = lineBranch(runId, task.index);
  const worktree = path.join(await linesFolder(repo), `${runId}-task-${task.index}`);
  repo.recordLine({ branch, worktree });
  await removeWorktree(repo, worktree);
  if (await branchExists(repo, branch)) await repo.raw(['worktree', 'add', '-q', worktree, branch]);
  else await repo.raw(['worktree', 'add', '-q', '-b', branch, worktree, 'HEAD']);
  return { task: task.index, title: task.title, runId, branch, worktree };
}

/** The worktree goes; the branch too unless kept (a stopped line resumes from it). */
export async function closeLineWorktree(
  repo: Repo,
  line: Pick<Line, 'branch' | 'worktree'>,
  keepBranch: boolean,
): Promise<void> {
  await removeWorktree(repo, line.worktree);
  if (keepBranch) return;
  if (await branchExists(repo, line.branch)) await repo.raw(['branch', '-q', '-D', line.branch]);
  repo.forgetLine(line.branch);
}

async function removeWorktree(repo: Repo, worktree: string): Promise<void> {
  if (fs.existsSync(worktree))
    await repo.raw(['worktree', 'remove', '--force', '--force', worktree]).catch(() => undefined);
  fs.rmSync(worktree, { recursive: true, force: true });
  await repo.raw(['worktree', 'prune']);
}
