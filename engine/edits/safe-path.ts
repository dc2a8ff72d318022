// Decides whether an edit path from untrusted model output may be written: inside the project, not in .git/ (nor any
// name git refuses, ".GIT", "git~1"), not locked.
import fs from 'node:fs';
import path from 'node:path';
import { gitRefusesPath } from '../git/path-git-refuses.js';
import { closedFolderReason } from '../containment/closed-folders.js';
import { runnerConfigKind } from '../task-setup/guard/runner-config.js';
import { looksLikeTestFile } from '../task-setup/guard/test-files.js';

export type PathCheck = { ok: true; absolute: string; relative: string } | { ok: false; reason: string };

export function checkEditPath(projectDir: string, requested: string, locked: ReadonlySet<string>): PathCheck {
  const cleaned = requested.trim().replace(/\\/g, '/');
  if (cleaned === '' || cleaned.includes('\0')) return { ok: false, reason: 'empty or invalid path' };
  if (path.isAbsolute(cleaned) || /^[a-zA-Z]:\//.test(cleaned))
    return { ok: false, reason: `absolute path ${requested} (paths must be relative to the project)` };
  const root = fs.realpathSync(projectDir);
  const absolute = path.resolve(root, cleaned);
  const relative = path.relative(root, absolute);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative))
    return { ok: false, reason: `${requested} points outside the project` };
  const posix = relative.split(path.sep).join('/');
  if (posix.split('/').includes('.git')) return { ok: false, reason: `${requested} is inside .git/` };
  // ".GIT/config" is .git/config on a case-insensitive disk, and git refuses to commit it anywhere.
  if (gitRefusesPath(posix)) return { ok: false, reason: `${requested}: git refuses this name (a form of .git)` };
  if (locked.has(posix)) return { ok: false, reason: `${posix} is ${lockedWhat(posix)}` };
  const closed = closedFolderReason(root, posix);
  if (closed) return { ok: false, reason: closed };
  const real = realNearestAncestor(absolute);
  const realRelative = path.relative(root, real);
  if (realRelative.startsWith('..') || path.isAbsolute(realRelative))
    return { ok: false, reason: `${requested} goes through a link that leads outside the project` };
  if (gitRefusesPath(realRelative.split(path.sep).join('/')))
    return { ok: false, reason: `${requested} goes through a link into .git/` };
  return { ok: true, absolute, relative: posix };
}

/** What a locked path is, by the files the guard closes: factory's own, the runner's configuration, the tests. */
function lockedWhat(posix: string): string {
  if (posix === 'factory_config.md') return "the run's configuration (factory's own file)";
  if (posix.startsWith('RFP/')) return "factory's own file";
  if (runnerConfigKind(posix) === 'whole') return "the test runner's configuration";
  // The rest: the tests locked for their task, and the scripted engine's script.
  return looksLikeTestFile(posix) ? 'a locked test' : 'locked for the run';
}

/** The real path of the file, or of its closest existing parent folder, so links anywhere on the way are followed. */
function realNearestAncestor(absolute: string): string {
  let current = absolute;
  for (;;) {
    try {
      const real = fs.realpathSync(current);
      return current === absolute ? real : path.join(real, path.relative(current, absolute));
    } catch {
      const parent = path.dirname(current);
      if (parent === current) return absolute;
      current = parent;
    }
  }
}
