// Files and folders an agent made at names git will not take (path-git-refuses.ts): ".GIT/config", "src/.git",
// "git~1/". A CLI's OS sandbox cannot keep out a path that does not exist yet, so they are found after each call and
// removed, or the round's `git add -A` would fail on them. git's own listing hides a nested ".git", so the tree is
// walked (work-tree-walk.ts, which serves the link scan in the same pass).
import fs from 'node:fs';
import path from 'node:path';

export type RefusedName = { path: string; reason: string };

/**
 * Removes those found `now` and not there `before` (work-tree-walk.ts finds them before and after a call; those there
 * before, a submodule's .git, are left alone); returns each with the reason the agent is told.
 */
export function removeGitRefusedNames(
  projectDir: string,
  before: ReadonlySet<string>,
  now: ReadonlySet<string>,
): RefusedName[] {
  const removed: RefusedName[] = [];
  for (const file of now) {
    if (before.has(file)) continue;
    fs.rmSync(path.join(projectDir, file), { recursive: true, force: true });
    const nested = path.posix.basename(file) === '.git';
    removed.push({
      path: file,
      reason: nested ? 'a nested .git, removed' : 'a name git refuses to commit (a form of .git), removed',
    });
  }
  return removed;
}
