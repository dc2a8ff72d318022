// The commit HEAD names, read from the git folder's files when they say it plainly (a detached HEAD, or a branch whose
// ref is a loose file): a round asks for it twice, and each git process costs a fork of the whole engine.
import fs from 'node:fs';
import path from 'node:path';

const commitId = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
const branchRef = /^ref: (refs\/heads\/[^\s]+)$/;

/** undefined when the files do not say it plainly (a worktree's .git file, packed refs, reftable, GIT_DIR): ask git. */
export function readHead(dir: string): string | undefined {
  if (process.env.GIT_DIR !== undefined || process.env.GIT_COMMON_DIR !== undefined) return undefined;
  const gitDir = path.join(dir, '.git');
  const head = readTrimmed(path.join(gitDir, 'HEAD'));
  if (head === undefined) return undefined;
  if (commitId.test(head)) return head;
  const ref = branchRef.exec(head)?.[1];
  if (!ref || ref.split('/').some((part) => part === '..' || part === '.invalid')) return undefined;
  const sha = readTrimmed(path.join(gitDir, ref));
  return sha !== undefined && commitId.test(sha) ? sha : undefined;
}

function readTrimmed(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    return undefined;
  }
}
