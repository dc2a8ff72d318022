// The files of the project's .git folder worth guarding: everything but the object store (content-addressed, and large)
// and the index (the staging area: factory stages every change itself when it commits, and the tamper guard reads the
// renames a worker staged there).
import fs from 'node:fs';
import path from 'node:path';

/**
 * Project-relative paths ('.git/...') of the folders and files under .git, or just '.git' when it is a file
 * (worktrees).
 */
export function gitDirFiles(projectDir: string): string[] {
  const found: string[] = ['.git'];
  const walk = (relative: string): void => {
    let names: fs.Dirent[];
    try {
      names = fs.readdirSync(path.join(projectDir, relative), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of names) {
      const child = `${relative}/${entry.name}`;
      if ((entry.isDirectory() && skipped(child)) || child === '.git/index') continue;
      found.push(child);
      if (entry.isDirectory()) walk(child);
    }
  };
  if (isDirectory(path.join(projectDir, '.git'))) walk('.git');
  return found;
}

/** Loose objects and packs (objects/info, which names alternates, stays guarded), and Git LFS's store. */
function skipped(relative: string): boolean {
  return /(^|\/)objects\/(?!info$)[^/]+$/.test(relative) || relative === '.git/lfs';
}

function isDirectory(file: string): boolean {
  try {
    return fs.lstatSync(file).isDirectory();
  } catch {
    return false;
  }
}
