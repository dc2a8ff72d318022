// `factory reset`: removes .factory/ and the production lines' worktrees (their branches stay); with --hard, also undoes what factory made (its branches, the checkout).
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline/promises';
import { describeRef, hardReset, planHardReset } from '../../engine/run/hard-reset.js';
import { factoryPaths } from '../../engine/reports/factory-dir.js';
import { dropSeals } from '../../engine/run/record-seal.js';
import { UserError } from '../../engine/util/errors.js';
import { softResetLines } from './reset-lines.js';

export async function resetCommand(options: { dir: string; hard?: boolean; yes?: boolean }): Promise<void> {
  const projectDir = path.resolve(options.dir);
  const paths = factoryPaths(projectDir);
  const done: string[] = [];
  if (options.hard) {
    const { repo, plan } = await planHardReset(projectDir, paths.events);
    const back = plan.back ? `switch to ${describeRef(plan.back)}` : 'stay where it is (no base was recorded)';
    const branches =
      plan.branches.length > 0
        ? `delete the factory's ${plan.branches.length} branch(es) ${plan.branches.join(', ')} (their commits ` +
          'will be gone)'
        : 'delete no branch';
    const saved =
      plan.savedWork.length > 0
        ? ', and put back the uncommitted work you had before ' +
          `${plan.savedWork.length === 1 ? 'the run' : 'the runs'} (it stays in a stash too)`
        : '';
    const submodules =
      plan.submodules.length > 0
        ? `, put the submodule(s) ${plan.submodules.map((start) => start.path).join(', ')} back where they were`
        : '';
    const lines =
      plan.lines.length > 0
        ? `, remove the ${plan.lines.length} production line(s) it recorded (worktree and branch: ` +
          `${plan.lines.map((line) => line.branch).join(', ')})`
        : '';
    if (
      !options.yes &&
      !(await confirm(
        `factory reset --hard will remove .factory/, ${back}, ${branches}${lines}${submodules}${saved}. Branches factory did not ` +
          'make are kept. Continue? [y/N] ',
      ))
    ) {
      process.stdout.write('nothing changed\n');
      return;
    }
    done.push(...(await hardReset(repo, plan)));
  } else done.push(...(await softResetLines(projectDir)));
  fs.rmSync(paths.root, { recursive: true, force: true });
  dropSeals(projectDir);
  done.unshift(`removed ${paths.root}${options.hard ? '' : '; your files and git history are untouched'}`);
  process.stdout.write(`${done.join('\n')}\n`);
}

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY)
    throw new UserError(
      'factory reset --hard asks before deleting branches, and there is no terminal to ask in: pass --yes to confirm',
    );
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout });
  const answer = await prompt.question(question);
  prompt.close();
  return /^y(es)?$/i.test(answer.trim());
}
