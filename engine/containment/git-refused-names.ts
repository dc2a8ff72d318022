// Files and folders an agent made at names git will not take (path-git-refuses.ts): ".GIT/config", "src/.git",
// "git~1/". A CLI's OS sandbox cannot keep out a path that does not exist yet, so they are found after each call and
// removed, or the round's `git add -A` would fail on them. git's own listing hides a nested ".git", so the tree is
// walked (work-tree-walk.ts, which serves the link scan in the same pass).
import fs from 'node:fs';
import path from 'node:path';
import { walkWorkTree } from './work-tree-walk.js';

export type RefusedName = { path: string; reason: string };

/** The project-relative paths at such names now: those there before a call (a submodule's .git) are left alone. */
export async function findGitRefusedNames(projectDir: string): Promise<Set<string>> {
  return (await walkWorkTree(projectDir, { links: false })).refusedNames;
}

/**
 * Removes those made since `before`; returns each with the reason the agent is told. `now`: those found after the
 * call, when the caller walked the tree already.
 */
export async function removeGitRefusedNames(
  projectDir: string,
  before: ReadonlySet<string>,
  now?: ReadonlySet<string>,
): Promise<RefusedName[]> {
  const removed: RefusedName[] = [];
  for (const file of now ?? (await findGitRefusedNames(projectDir))) {
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
