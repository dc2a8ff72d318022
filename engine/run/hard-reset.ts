// `factory reset --hard`: undoes only what factory made (its recorded branches, the checkout, its commits in
// submodules) and gives back the
// uncommitted work a run saved for the user; a checkout that would overwrite an edit stops before changing anything.
import { GitError, runGit } from '../git/run-git.js';
import { isCommitId, Repo } from '../git/repo.js';
import { restoreSubmodules } from '../git/submodules.js';
import type { LineRecord, SavedWork, SubmoduleStart } from '../git/run-records.js';
import { removeLineWorktrees } from './remove-line-worktrees.js';
import { readEventLog } from '../reports/event-log.js';
import { UserError } from '../util/errors.js';

export type HardResetPlan = {
  /** Where the checkout goes back to: the recorded base branch or commit; undefined when nothing recorded it. */
  back?: string;
  /** The factory's own branches that exist, from its records and its event log (never guessed from a name). */
  branches: string[];
  savedWork: SavedWork[];
  /** The submodules factory committed in, and where each stood before. */
  submodules: SubmoduleStart[];
  /** Production lines' worktrees and branches, as the records name them. */
  lines: LineRecord[];
};

export async function planHardReset(
  projectDir: string,
  eventsFile: string,
): Promise<{ repo: Repo; plan: HardResetPlan }> {
  const repo = await Repo.open(projectDir);
  const records = repo.records();
  const started = (await readEventLog(eventsFile)).filter((event) => event.type === 'run:started');
  // Records of a version before factory-runs.json: the base in git config, the branches in the event log.
  const legacyBase = (await runGit(projectDir, ['config', 'factory.baseBranch']).catch(() => '')).trim();
  const back = records.base?.ref ?? (legacyBase || started.at(-1)?.baseBranch);
  const made = new Set([
    ...records.branches,
    ...started.filter((event) => event.branch !== event.baseBranch).map((event) => event.branch),
  ]);
  const existing = new Set(
    (await runGit(projectDir, ['branch', '--list', '--format=%(refname:short)'])).split('\n').filter(Boolean),
  );
  const branches = [...made].filter((name) => existing.has(name) && name !== back);
  return {
    repo,
    plan: { back, branches, savedWork: records.savedWork, submodules: records.submodules, lines: records.lines },
  };
}

/** Carries the plan out and returns what to tell the user, line by line. */
export async function hardReset(repo: Repo, plan: HardResetPlan): Promise<string[]> {
  const lines: string[] = await removeLines(repo, plan.lines);
  if (plan.back && !(await isAt(repo, plan.back))) {
    await checkoutOrExplain(repo, plan.back);
    lines.push(`back on ${describeRef(plan.back)}`);
  }
  const current = await repo.branch();
  const deleted: string[] = [];
  for (const branch of plan.branches) {
    if (branch === current) {
      lines.push(`kept ${branch}: it is checked out here (no base to go back to was recorded)`);
      continue;
    }
    try {
      await runGit(repo.dir, ['branch', '-q', '-D', branch]);
      deleted.push(branch);
    } catch (error) {
      lines.push(`kept ${branch}: ${error instanceof GitError ? error.stderr.trim() : String(error)}`);
    }
  }
  if (deleted.length > 0) lines.push(`deleted the factory's branch(es) ${deleted.join(', ')}`);
  lines.push(...(await restoreSubmodules(repo.dir, plan.submodules)));
  for (const saved of plan.savedWork) lines.push(await giveBack(repo, saved));
  repo.clearRecords();
  await runGit(repo.dir, ['config', '--unset', 'factory.baseBranch']).catch(() => undefined);
  return lines;
}

/** The recorded lines' worktrees, then their branches (a branch checked out in a worktree cannot be deleted). */
async function removeLines(repo: Repo, recorded: readonly LineRecord[]): Promise<string[]> {
  if (recorded.length === 0) return [];
  await removeLineWorktrees(repo, recorded);
  const branches: string[] = [];
  for (const line of recorded) {
    const deleted = await runGit(repo.dir, ['branch', '-q', '-D', line.branch]).then(
      () => true,
      () => false,
    );
    if (deleted) branches.push(line.branch);
  }
  const gone = branches.length > 0 ? ` and their branch(es) ${branches.join(', ')}` : '';
  return [`removed the production lines' worktree(s)${gone}`];
}

export function describeRef(ref: string): string {
  return isCommitId(ref) ? `commit ${ref.slice(0, 12)} (detached HEAD, as the run found it)` : ref;
}

async function isAt(repo: Repo, ref: string): Promise<boolean> {
  return isCommitId(ref)
    ? (await repo.branch()) === 'HEAD' && (await repo.head()) === ref
    : (await repo.branch()) === ref;
}

async function checkoutOrExplain(repo: Repo, ref: string): Promise<void> {
  try {
    await repo.checkout(ref);
  } catch (error) {
    const stderr = error instanceof GitError ? error.stderr : String(error);
    const files = stderr
      .split('\n')
      .filter((line) => line.startsWith('\t'))
      .map((line) => `  ${line.trim()}`);
    if (files.length > 0) {
      throw new UserError(
        `factory reset --hard changed nothing: going back to ${describeRef(ref)} would overwrite your ` +
          `uncommitted changes to:\n${files.join('\n')}\ncommit them (git add -A && git commit) or stash them ` +
          '(git stash -u), then run factory reset --hard again',
      );
    }
    throw new UserError(
      `factory reset --hard changed nothing: git could not go back to ${describeRef(ref)}: ${stderr.trim()}`,
    );
  }
}

/** Puts work a run saved back in the tree; it stays in its stash either way, and the line says where. */
async function giveBack(repo: Repo, saved: SavedWork): Promise<string> {
  const stashes = (await runGit(repo.dir, ['stash', 'list', '--format=%H %gd']).catch(() => '')).split('\n');
  const name = stashes.find((line) => line.startsWith(`${saved.stash} `))?.split(' ')[1];
  const where = name ? `${name} ("${saved.message}")` : `stash commit ${saved.stash}`;
  const files =
    saved.files.length > 6
      ? `${saved.files.slice(0, 6).join(', ')} and ${saved.files.length - 6} more`
      : saved.files.join(', ');
  const applied = await runGit(repo.dir, ['stash', 'apply', '-q', '--index', saved.stash]).then(
    () => true,
    () =>
      runGit(repo.dir, ['stash', 'apply', '-q', saved.stash]).then(
        () => true,
        () => false,
      ),
  );
  return applied
    ? `your uncommitted work from before run ${saved.runId} (${files}) is back in the tree; a copy stays in ${where}`
    : `your uncommitted work from before run ${saved.runId} (${files}) could not be put back over the tree as it ` +
        `is now; it is kept in ${where}: git stash apply ${name ?? saved.stash}`;
}
