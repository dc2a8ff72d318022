// Edits the model made inside a submodule: committed in the submodule (deepest first), so the superproject's
// `git add -A` records the new submodule commit and nothing is left dirty for the next run to refuse.
import fs from 'node:fs';
import path from 'node:path';
import type { SubmoduleStart } from './run-records.js';
import { runGit } from './run-git.js';

export const hasSubmodules = (dir: string): boolean => fs.existsSync(path.join(dir, '.gitmodules'));

/**
 * settings: the superproject's `-c` pairs (an identity when the user has none); before: told where a submodule stood
 * before each commit in it, so `factory reset --hard` can put its branch back. prefix: the path from the top.
 */
export async function commitSubmodules(
  dir: string,
  settings: string[],
  message: string,
  before: (start: SubmoduleStart) => void,
  prefix = '',
): Promise<void> {
  const listed = await runGit(dir, [
    'config',
    '-f',
    '.gitmodules',
    '-z',
    '--get-regexp',
    '^submodule\\..*\\.path$',
  ]).catch(() => '');
  for (const entry of listed.split('\0').filter(Boolean)) {
    const relative = entry.slice(entry.indexOf('\n') + 1);
    const inner = path.join(dir, relative);
    // Only a checked-out submodule can hold edits.
    if (!fs.existsSync(path.join(inner, '.git'))) continue;
    if (hasSubmodules(inner)) await commitSubmodules(inner, settings, message, before, `${prefix}${relative}/`);
    if ((await runGit(inner, ['status', '--porcelain', '--untracked-files=all'])).trim() === '') continue;
    const branch = (await runGit(inner, ['symbolic-ref', '-q', '--short', 'HEAD']).catch(() => '')).trim();
    const sha = (await runGit(inner, ['rev-parse', 'HEAD'])).trim();
    before({ path: `${prefix}${relative}`, branch: branch || undefined, sha });
    await runGit(inner, [...settings, 'add', '-A']);
    await runGit(inner, [...settings, 'commit', '-q', '--no-verify', '-m', message]);
  }
}

/**
 * Puts a submodule factory committed in back where it stood (its branch at its old commit, or the old commit detached),
 * outermost first so an outer one's checkout does not undo an inner one's; returns what to tell the user. A
 * submodule with changes of its own is left alone (reset --keep refuses to lose them).
 */
export async function restoreSubmodules(dir: string, starts: readonly SubmoduleStart[]): Promise<string[]> {
  const lines: string[] = [];
  const outerFirst = [...starts].sort((a, b) => a.path.split('/').length - b.path.split('/').length);
  for (const start of outerFirst) {
    const inner = path.join(dir, start.path);
    if (!fs.existsSync(path.join(inner, '.git'))) continue;
    try {
      if (start.branch) {
        await runGit(inner, ['checkout', '-q', start.branch]);
        await runGit(inner, ['reset', '-q', '--keep', start.sha]);
      } else await runGit(inner, ['checkout', '-q', '--detach', start.sha]);
      lines.push(`submodule ${start.path} back on ${start.branch ?? 'commit'} ${start.sha.slice(0, 12)}`);
    } catch (error) {
      lines.push(`submodule ${start.path} left as it is: ${String((error as Error).message).split('\n')[0]}`);
    }
  }
  return lines;
}
