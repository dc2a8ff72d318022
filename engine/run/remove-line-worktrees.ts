// The worktrees of the production lines factory recorded, removed (both resets): git forgets each (remove --force,
// then prune) and its folder goes. Never a worktree the records do not name, and a recorded one only where factory
// makes lines or while it is on its line's branch: a record cannot point reset at a worktree of the user's.
import fs from 'node:fs';
import path from 'node:path';
import type { Repo } from '../git/repo.js';
import type { LineRecord } from '../git/run-records.js';
import { runGit } from '../git/run-git.js';
import { listWorktrees } from '../git/worktree-list.js';
import { linesFolder } from '../lines/line-worktree.js';
import { realPath } from '../util/real-path.js';

/** Returns the worktrees that were there (listed by git, or a folder on disk) and are gone now. */
export async function removeLineWorktrees(repo: Repo, recorded: readonly LineRecord[]): Promise<string[]> {
  if (recorded.length === 0) return [];
  const listed = await listWorktrees(repo);
  const folder = await linesFolder(repo);
  const removed: string[] = [];
  for (const line of recorded) {
    const branch = listed.get(realPath(line.worktree));
    const ours = path.dirname(path.resolve(line.worktree)) === folder;
    if (!ours && branch !== `refs/heads/${line.branch}`) continue;
    const there = branch !== undefined || fs.existsSync(line.worktree);
    await runGit(repo.dir, ['worktree', 'remove', '--force', '--force', line.worktree]).catch(() => undefined);
    if (ours) fs.rmSync(line.worktree, { recursive: true, force: true });
    if (there) removed.push(line.worktree);
  }
  await runGit(repo.dir, ['worktree', 'prune']);
  return removed;
}
