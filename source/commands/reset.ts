// `factory reset`: removes .factory/; with --hard, also returns to the starting branch and deletes factory branches.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { simpleGit } from 'simple-git';
import { readEventLog } from '../../engine/reports/event-log.js';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { UserError } from '../../engine/util/errors.js';

export async function resetCommand(options: { dir: string; hard?: boolean; yes?: boolean }): Promise<void> {
  const projectDir = path.resolve(options.dir);
  const paths = factoryPaths(projectDir);
  const started = readEventLog(paths.events).findLast((event) => event.type === 'run:started');
  if (options.hard) {
    const git = simpleGit(projectDir);
    const branches = (await git.branchLocal()).all.filter((name) => name.startsWith('factory/'));
    const recorded = (await git.raw(['config', 'factory.baseBranch']).catch(() => '')).trim();
    const back = recorded || (started?.type === 'run:started' ? started.baseBranch : undefined);
    const plan = `switch to ${back ?? '(unknown: stays where it is)'} and delete ${branches.length} branch(es): ${branches.join(', ') || 'none'}`;
    if (!options.yes && !(await confirm(`factory reset --hard will remove .factory/, ${plan}. The commits on those branches will be gone. Continue? [y/N] `))) {
      process.stdout.write('nothing changed\n');
      return;
    }
    if (back) await git.checkout(back);
    const current = (await git.revparse(['--abbrev-ref', 'HEAD'])).trim();
    for (const branch of branches) if (branch !== current) await git.deleteLocalBranch(branch, true);
    await git.raw(['config', '--unset', 'factory.baseBranch']).catch(() => undefined);
  }
  fs.rmSync(paths.root, { recursive: true, force: true });
  process.stdout.write(`removed ${paths.root}${options.hard ? ' and the factory branches' : '; your files and git history are untouched'}\n`);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new UserError('factory reset --hard asks before deleting branches, and there is no terminal to ask in: pass --yes to confirm');
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(question);
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}
