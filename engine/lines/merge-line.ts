// A green line comes home: its branch is merged into the run branch (the project's checkout) and the whole suite runs
// on the merged tree, judged as a round is (the task's tests pass, nothing that passed before the merge fails, every
// locked test runs and none newly skips). That run is also the line's confirming run (engine/loop/confirm-green.ts is
// not run in a line). A conflict or a regression undoes the merge, leaving the run branch as it was; the line is then
// caught up with the run branch (conflicts committed as markers, for its next round to resolve) and told why it came
// back.
import type { Repo } from '../git/repo.js';
import { GitError } from '../git/run-git.js';
import type { Say } from '../contract/events.js';
import type { RunDeps } from '../loop/run-deps.js';
import { testsReport } from '../test-runner/tests-report.js';
import type { TestSummary } from '../contract/test-summary.js';
import { tail } from '../util/capped-text.js';
import type { Baseline } from '../test-runner/judge-tests.js';
import { judgeMergedTree, type MergedTreeJudging } from './judge-merged-tree.js';
import type { Line } from './line-sandbox.js';

export type Returned = { reason: 'conflict' | 'regression'; files: string[]; tests: string[]; detail: string };
export type Merged = { sha: string; tests: TestSummary };

export type MainDeps = Pick<RunDeps, 'projectDir' | 'repo' | 'sandbox' | 'testCommand' | 'paths' | 'runBranch'>;
/** Merges and verifies; on a conflict or a regression the run branch is back where it was. */
export async function mergeLine(
  main: MainDeps,
  line: Line,
  judging: MergedTreeJudging,
  say: Say,
  at: () => { task: number; round: number },
): Promise<Merged | Returned> {
  say('line:merging', { branch: line.branch, into: main.runBranch });
  const before = (await main.repo.head()) ?? 'HEAD';
  try {
    await mergeLineBranch(main.repo, line);
  } catch (error) {
    const files = await unmerged(main.repo);
    if (files.length === 0) throw error;
    const diff = await main.repo.raw(['diff', '--no-color']).catch(() => '');
    await main.repo.raw(['merge', '--abort']);
    await main.repo.restore(before);
    const detail =
      `Merging your line into the run branch conflicted in ${files.join(', ')}: another task changed the same ` +
      `lines and was merged first. The run branch is now merged into your line with git's conflict markers left ` +
      `in those files: keep both tasks' work and remove the markers.\n\n${tail(diff, 6000)}`;
    return { reason: 'conflict', files, tests: [], detail };
  }
  say('tests:started', { command: main.testCommand, baseline: false });
  const { tests, judgement, why, guardReasons } = await judgeMergedTree(main, judging, (text) =>
    say('tests:output', { text }),
  );
  if (guardReasons.length > 0) say('guard:failed', { reason: guardReasons.join('; ') });
  say('tests:finished', {
    result: testsReport(tests, main.paths, at()),
    baseline: false,
    taskVerdict: { green: judgement.green, why, failingBefore: judgement.failingBefore },
  });
  if (judgement.green) return { sha: (await main.repo.head()) ?? '', tests };
  await main.repo.restore(before);
  const failing = [...new Set([...judgement.ownFailing, ...judgement.regressions])];
  const files = (await main.repo.raw(['diff', '--name-only', before, line.branch])).split('\n').filter(Boolean);
  const guarded = guardReasons.length > 0 ? ` (the run's guard: ${guardReasons.join('; ')})` : '';
  // The merged tree's run is the line's confirming run too: its own tests can fail there first.
  const cause =
    judgement.ownFailing.length > 0
      ? "Your task's tests must pass from the committed tree alone: this run was a new one, from the merge commit in " +
        "the run's checkout, without your line's ignored files or anything a test run left there"
      : "These tests pass on the run branch without your change (another task's work, merged first)";
  const detail =
    `Your line was green, but on the run branch merged with it the whole suite was not: ` +
    `${failing.length > 0 ? `${failing.join(', ')} failed` : (why ?? judgement.note ?? tests.headline)}${guarded}. ` +
    `${cause}; the run branch is now merged into your line: make them pass together with your task's tests.` +
    `\n\n${tail(tests.output, 3000)}`;
  return { reason: 'regression', files, tests: failing, detail };
}

/** The merge commit's subject: a resumed run undoes merges with it that were not verified and ticked. */
const mergeMessage = (line: Pick<Line, 'task' | 'title'>): string =>
  `factory: task ${line.task} merged from its line — ${line.title}`;

/** The line's branch merged into the checkout as one merge commit under mergeMessage, alone or in a batch. */
export const mergeLineBranch = (repo: Repo, line: Pick<Line, 'task' | 'title' | 'branch'>): Promise<string> =>
  repo.raw(['merge', '-q', '--no-ff', '--no-edit', '-m', mergeMessage(line), line.branch]);

/** The run branch merged into the line, so its next round works on both; conflicts are committed as markers. */
export async function catchUpLine(lineRepo: Repo, runBranch: string, task: number): Promise<string[]> {
  const message = `factory: task ${task} — the run branch merged into the line`;
  try {
    await lineRepo.raw(['merge', '-q', '--no-ff', '--no-edit', '-m', message, runBranch]);
    return [];
  } catch (error) {
    const files = await unmerged(lineRepo);
    if (files.length === 0) throw error;
    await lineRepo.raw(['add', '-A']);
    await lineRepo.raw(['commit', '-q', '--no-verify', '-m', `${message}, conflicts left in ${files.join(', ')}`]);
    return files;
  }
}

async function unmerged(repo: Repo): Promise<string[]> {
  const out = await repo.raw(['diff', '--name-only', '--diff-filter=U']).catch((error: unknown) => {
    if (error instanceof GitError) return '';
    throw error;
  });
  return out.split('\n').filter(Boolean);
}

/** The merged tree's results, the reference the next merges are judged against. */
export const referenceOf = (tests: TestSummary): Baseline => ({ tests: { ...tests.tests }, headline: tests.headline });
