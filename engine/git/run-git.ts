// Runs one git command and returns its stdout; a failure carries git's own message.
import { execFile } from 'node:child_process';

/**
 * Plain execFile rather than simple-git on the round's hot path: `factory bench round` measured simple-git
 * adding 40-50 ms to each `git add -A` and `git diff` on a 10,000-file repository.
 */
export function runGit(dir: string, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('git', args, { cwd: dir, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error) reject(new Error(`git ${args.join(' ')} failed in ${dir}: ${stderr.trim() || error.message}`));
      else resolve(stdout);
    });
  });
}
