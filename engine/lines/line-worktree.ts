// A production line's place in git: its own worktree (in the temp folder, outside the user's tree) on its own branch,
// factory/<run-id>-task-<n>, made from the run branch's head. Recorded in factory's run records before git makes
// either, so `factory reset --hard` and a resumed run find them; removed when the line closes. Not inside the git
// folder: agent CLIs refuse to edit files under a .git/ path (Claude Code calls them sensitive).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Repo } from '../git/repo.js';
import { listWorktrees } from '../git/worktree-list.js';
import type { Line } from './line-sandbox.js';

const lineBranch = (runId: string, task: number): string => `factory/${runId}-task-${task}`;

/** Where a checkout's lines live: one folder per checkout (its git folder's path, hashed) under the temp folder. */
export async function linesFolder(repo: Pick<Repo, 'dir' | 'raw'>): Promise<string> {
  const gitDir = fs.realpathSync(path.resolve(repo.dir, (await repo.raw(['rev-parse', '--git-common-dir'])).trim()));
  const id = crypto.createHash('sha256').update(gitDir).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), 'factory-lines', `${path.basename(path.dirname(gitDir))}-${id}`);
}

async function branchExists(repo: Repo, branch: string): Promise<boolean> {
  return (await repo.raw(['branch', '--list', '--format=%(refname:short)', branch])).trim() === branch;
}

/**
 * The line's worktree, checked out on its branch: a new branch from the run branch's head, or what a stopped or
 * killed run left (resume): its worktree as it was (reused: its records in .factory/ too), else the branch checked
 * out again. `base`: the commit a new branch starts from.
 */
export async function openLineWorktree(
  repo: Repo,
  runId: string,
  task: { index: number; title: string },
  base = 'HEAD',
): Promise<{ line: Line; reused: boolean }> {
  const branch = lineBranch(runId, task.index);
  const worktree = path.join(await linesFolder(repo), `${runId}-task-${task.index}`);
  const line = { task: task.index, title: task.title, runId, branch, worktree };
  repo.recordLine({ branch, worktree });
  if (await isWorktreeOn(repo, worktree, branch)) return { line, reused: true };
  await removeWorktree(repo, worktree);
  if (await branchExists(repo, branch)) await repo.raw(['worktree', 'add', '-q', worktree, branch]);
  else await repo.raw(['worktree', 'add', '-q', '-b', branch, worktree, base]);
  return { line, reused: false };
}

/** The worktree and the branch go, and then their record. */
export async function closeLineWorktree(repo: Repo, line: Pick<Line, 'branch' | 'worktree'>): Promise<void> {
  await removeWorktree(repo, line.worktree);
  if (await branchExists(repo, line.branch)) await repo.raw(['branch', '-q', '-D', line.branch]);
  repo.forgetLine(line.branch);
}

/** The lines a run recorded, with the task each works (read from its branch's name). */
export function recordedLines(repo: Repo, runId: string): (Pick<Line, 'branch' | 'worktree'> & { task: number })[] {
  const prefix = lineBranch(runId, 0).slice(0, -1);
  return repo
    .records()
    .lines.filter((line) => line.branch.startsWith(prefix))
    .map((line) => ({ ...line, task: Number(line.branch.slice(prefix.length)) }));
}

async function isWorktreeOn(repo: Repo, worktree: string, branch: string): Promise<boolean> {
  if (!fs.existsSync(path.join(worktree, '.git'))) return false;
  return (await listWorktrees(repo)).get(fs.realpathSync(worktree)) === `refs/heads/${branch}`;
}

async function removeWorktree(repo: Repo, worktree: string): Promise<void> {
  if (fs.existsSync(worktree))
    await repo.raw(['worktree', 'remove', '--force', '--force', worktree]).catch(() => undefined);
  fs.rmSync(worktree, { recursive: true, force: true });
  await repo.raw(['worktree', 'prune']);
}
