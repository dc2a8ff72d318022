// Decides whether an edit path from untrusted model output may be written: inside the project, not in .git/, not
// locked.
import fs from 'node:fs';
import path from 'node:path';
import { closedFolderReason } from '../containment/closed-folders.js';

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
  if (relative.split(path.sep).some((part) => part === '.git'))
    return { ok: false, reason: `${requested} is inside .git/` };
  const posix = relative.split(path.sep).join('/');
  if (locked.has(posix)) return { ok: false, reason: `${posix} is a locked test` };
  const closed = closedFolderReason(root, posix);
  if (closed) return { ok: false, reason: closed };
  const real = realNearestAncestor(absolute);
  const realRelative = path.relative(root, real);
  if (realRelative.startsWith('..') || path.isAbsolute(realRelative))
    return { ok: false, reason: `${requested} goes through a link that leads outside the project` };
  if (realRelative.split(path.sep).includes('.git'))
    return { ok: false, reason: `${requested} goes through a link into .git/` };
  return { ok: true, absolute, relative: posix };
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
