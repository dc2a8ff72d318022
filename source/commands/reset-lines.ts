// Soft `factory reset` and the production lines: .factory/ goes, and with it what a run would resume a line from, so
// the recorded lines' worktrees go too (they would stay in `git worktree list`, of no use to a new run). Their
// branches stay, with every commit, and stay recorded: `factory reset --hard` deletes them.
import { Repo } from '../../engine/git/repo.js';
import { runGit } from '../../engine/git/run-git.js';
import { removeLineWorktrees } from '../../engine/run/remove-line-worktrees.js';

/** What to tell the user; nothing when the project is no git checkout or recorded no line. */
export async function softResetLines(projectDir: string): Promise<string[]> {
  const repo = await Repo.open(projectDir).catch(() => undefined);
  const recorded = repo?.records().lines ?? [];
  if (!repo || recorded.length === 0) return [];
  const removed = await removeLineWorktrees(repo, recorded);
  const existing = new Set(
    (await runGit(projectDir, ['branch', '--list', '--format=%(refname:short)'])).split('\n').filter(Boolean),
  );
  const kept = recorded.map((line) => line.branch).filter((branch) => existing.has(branch));
  const said: string[] = [];
  if (removed.length > 0) said.push(`removed the production lines' worktree(s) ${removed.join(', ')}`);
  if (kept.length > 0)
    said.push(
      `kept the production lines' branch(es) ${kept.join(', ')} with all their commits ` +
        '(factory reset --hard deletes them)',
    );
  return said;
}
