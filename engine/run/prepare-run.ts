// Before round 1: read the RFP, protect the user's work, branch off (or come back to an interrupted run), settle the
// test command.
import { Repo } from '../git/repo.js';
import { factoryFolder } from '../reports/factory-dir.js';
import { readRfp, type Rfp } from '../rfp/read-rfp.js';
import { detectTestCommand } from '../test-runner/detect-test-command.js';
import { UserError } from '../util/errors.js';
import type { FactoryConfig } from '../config/factory-config.js';
import type { ResumePoint } from './resume-point.js';

export type PreparedRun = {
  runId: string;
  rfp: Rfp;
  repo: Repo;
  branch: string;
  baseBranch: string;
  testCommand: string;
  resume?: ResumePoint;
};

export async function prepareRun(
  projectDir: string,
  config: FactoryConfig,
  options: { runId: string; allowDirty: boolean; resume?: ResumePoint },
): Promise<PreparedRun> {
  const testCommand = config.testCmd || detectTestCommand(projectDir, config.language);
  if (!testCommand)
    throw new UserError(
      'no test command: TEST_CMD is empty in factory_config.md and none could be detected for ' +
        `LANGUAGE=${config.language} (looked for features/, pytest, vitest, jest, npm test, go.mod, Cargo.toml); ` +
        'set TEST_CMD=',
    );
  const repo = await Repo.open(projectDir);
  await repo.excludeFolder(factoryFolder);
  const resume = options.resume;
  if (resume && (await repo.branch()) === resume.branch) {
    // The interrupted round is played again from where it started; nothing half-done is kept.
    if (resume.lines) await undoUnverifiedMerge(repo);
    else if (resume.task?.restoreTo) await repo.restore(resume.task.restoreTo);
    else if (!resume.task?.green)
      await repo.commitAll('factory: changes found when resuming (made after the run stopped)');
    return {
      runId: resume.runId,
      rfp: readRfp(projectDir),
      repo,
      branch: resume.branch,
      baseBranch: resume.baseBranch,
      testCommand,
      resume,
    };
  }
  const rfp = readRfp(projectDir);
  const dirty = await repo.uncommitted();
  if (dirty.length > 0 && !options.allowDirty) {
    const files = dirty
      .slice(0, 8)
      .map((line) => `  ${line}`)
      .join('\n');
    throw new UserError(
      'the working tree has uncommitted changes, and the factory never mixes its rounds with your ' +
        `work:\n${files}${dirty.length > 8 ? `\n  … and ${dirty.length - 8} more` : ''}\ncommit them (git add -A ` +
        '&& git commit), stash them (git stash -u), or pass --allow-dirty to run with them (kept in a stash ' +
        `factory names, and committed first on the factory's branch)`,
    );
  }
  const baseBranch = await repo.baseBranch();
  // Nothing left to do: no new branch for an empty run.
  if (rfp.tasks.every((task) => task.done) && dirty.length === 0)
    return { runId: options.runId, rfp, repo, branch: await repo.branch(), baseBranch, testCommand };
  // The user's work is kept in a named stash before anything else, so that no later step can lose it.
  if (dirty.length > 0)
    await repo.saveUncommitted(
      options.runId,
      dirty.map((line) => line.slice(3)),
    );
  const branch = await repo.checkoutNewBranch(`factory/${options.runId}`);
  if (dirty.length > 0)
    await repo.commitAll('factory: your uncommitted work, saved before the run (--allow-dirty; also in a stash)');
  return { runId: options.runId, rfp, repo, branch, baseBranch, testCommand };
}

/**
 * With production lines the run's checkout holds only what factory merged and verified: a merge cut short, or one
 * committed but not yet verified and ticked (or several, merged as a batch), is undone (their lines, green, are
 * merged and verified again).
 */
async function undoUnverifiedMerge(repo: Repo): Promise<void> {
  await repo.raw(['merge', '--abort']).catch(() => undefined);
  await repo.restore('HEAD');
  // Lines merged together in a batch (lines/merge-batch.ts) leave one merge each before their ticks.
  while (/^factory: task \d+ merged from its line/.test(await repo.raw(['log', '-1', '--format=%s'])))
    await repo.restore('HEAD^1');
}

/** A sortable, readable id: the run's start time. */
export function newRunId(now = new Date()): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}
