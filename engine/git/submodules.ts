// Edits the model made inside a submodule: committed in the submodule (deepest first), so the superproject's
// `git add -A` records the new submodule commit and nothing is left dirty for the next run to refuse.
import fs from 'node:fs';
import path from 'node:path';
import { runGit } from './run-git.js';

export const hasSubmodules = (dir: string): boolean => fs.existsSync(path.join(dir, '.gitmodules'));

/** settings: the superproject's `-c` pairs (an identity when the user has none). */
export async function commitSubmodules(dir: string, settings: string[], message: string): Promise<void> {
  const listed = await runGit(dir, [
    'config',
    '-f',
    '.gitmodules',
    '-z',
    '--get-regexp',
    '^submodule\\..*\\.path$',
  ]).catch(() => '');
  for (const entry of listed.split('\0').filter(Boolean)) {
    const inner = path.join(dir, entry.slice(entry.indexOf('\n') + 1));
    // Only a checked-out submodule can hold edits.
    if (!fs.existsSync(path.join(inner, '.git'))) continue;
    if (hasSubmodules(inner)) await commitSubmodules(inner, settings, message);
    if ((await runGit(inner, ['status', '--porcelain', '--untracked-files=all'])).trim() === '') continue;
    await runGit(inner, [...settings, 'add', '-A']);
    await runGit(inner, [...settings, 'commit', '-q', '--no-verify', '-m', message]);
  }
}
