import type { Repo } from './repo.js';

/** Each worktree git lists, by its path, with the branch it has checked out (`refs/heads/…`; '' when detached). */
export async function listWorktrees(repo: Repo): Promise<Map<string, string>> {
  const entries = (await repo.raw(['worktree', 'list', '--porcelain'])).split('\n\n');
  const worktrees = new Map<string, string>();
  for (const entry of entries) {
    const lines = entry.split('\n');
    const at = lines.find((line) => line.startsWith('worktree '))?.slice('worktree '.length);
    if (at) worktrees.set(at, lines.find((line) => line.startsWith('branch '))?.slice('branch '.length) ?? '');
  }
  return worktrees;
}
