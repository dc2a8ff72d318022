// Files and folders an agent made at names git will not take (path-git-refuses.ts): ".GIT/config", "src/.git",
// "git~1/". A CLI's OS sandbox cannot keep out a path that does not exist yet, so they are found after each call and
// removed, or the round's `git add -A` would fail on them. git's own listing hides a nested ".git", so the tree is
// walked; folders git ignores are skipped (git add leaves them alone), as is the project's own .git.
import fs from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { gitRefusesName } from '../git/path-git-refuses.js';

export type RefusedName = { path: string; reason: string };

/** The project-relative paths at such names now: those there before a call (a submodule's .git) are left alone. */
export async function findGitRefusedNames(projectDir: string): Promise<Set<string>> {
  const ignored = await ignoredPaths(projectDir);
  const found = new Set<string>();
  const walk = (relative: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(projectDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (child === '.git' || ignored.has(child) || ignored.has(`${child}/`)) continue;
      if (gitRefusesName(entry.name, entry.isSymbolicLink())) found.add(child);
      else if (entry.isDirectory()) walk(child);
    }
  };
  walk('');
  return found;
}

/** Removes those made since `before`; returns each with the reason the agent is told. */
export async function removeGitRefusedNames(projectDir: string, before: ReadonlySet<string>): Promise<RefusedName[]> {
  const removed: RefusedName[] = [];
  for (const file of await findGitRefusedNames(projectDir)) {
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

/** What git ignores, folders with a trailing "/": git add -A never takes them, whatever their names. */
async function ignoredPaths(projectDir: string): Promise<Set<string>> {
  const listed = await execa(
    'git',
    ['ls-files', '-z', '--others', '--ignored', '--exclude-standard', '--directory', '--no-empty-directory'],
    { cwd: projectDir, reject: false },
  );
  return new Set(listed.exitCode === 0 ? listed.stdout.split('\0').filter(Boolean) : []);
}
