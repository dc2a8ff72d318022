// Links an agent made in the work tree that lead out of it: symlinks pointing outside the project or into .git, and
// hard links (a second name for a file that may live elsewhere). Found after each call and removed.
import fs from 'node:fs';
import path from 'node:path';
import type { LinkMap } from './work-tree-walk.js';

export type LinkOut = { path: string; reason: string };

/**
 * Removes the links found `now` (work-tree-walk.ts, before and after a call) that are new since `before` and lead out;
 * returns what was removed and why.
 */
export function removeLinksOut(projectDir: string, before: LinkMap, now: LinkMap): LinkOut[] {
  const root = fs.realpathSync(projectDir);
  const inodes = new Map<string, number>();
  for (const identity of now.values()) inodes.set(identity, (inodes.get(identity) ?? 0) + 1);
  const removed: LinkOut[] = [];
  for (const [file, identity] of now) {
    if (before.get(file) === identity) continue;
    const absolute = path.join(projectDir, file);
    const reason = identity.startsWith('symlink')
      ? symlinkOut(root, absolute)
      : hardLinkOut(absolute, inodes.get(identity) ?? 0);
    if (!reason) continue;
    fs.rmSync(absolute, { force: true });
    removed.push({ path: file, reason });
  }
  return removed;
}

function symlinkOut(root: string, absolute: string): string | undefined {
  const target = path.resolve(path.dirname(absolute), fs.readlinkSync(absolute));
  let real: string;
  try {
    real = fs.realpathSync(target);
  } catch {
    real = target;
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative))
    return `a symlink leading outside the project (to ${target}), removed`;
  if (relative.split(path.sep)[0] === '.git') return 'a symlink leading into .git/, removed';
  return undefined;
}

/** A hard link whose other names are all outside the work tree's listed files shares a file with the world outside. */
function hardLinkOut(absolute: string, namesInProject: number): string | undefined {
  const stat = lstat(absolute);
  if (!stat || stat.nlink <= namesInProject) return undefined;
  return 'a hard link to a file outside the project, removed';
}

function lstat(file: string): fs.Stats | undefined {
  try {
    return fs.lstatSync(file);
  } catch {
    return undefined;
  }
}
