// Green lines that wait for the run branch together are merged together, as merge queues do: each line's branch is
// merged in turn and the whole suite runs once on the combined tree. If every task's tests pass and nothing that passed
// before fails, each is ticked; a conflict or a red suite undoes the batch and the lines are merged one at a time, so a
// conflict or a regression is told to the line that caused it and the innocent ones are still ticked.
import type { Say } from '../contract/events.js';
import { testsReport } from '../test-runner/tests-report.js';
import type { Lock } from '../task-setup/guard/lock-store.js';
import type { Baseline } from '../test-runner/judge-tests.js';
import { judgeMergedTree } from './judge-merged-tree.js';
import type { Line } from './line-sandbox.js';
import { mergeLineBranch, type MainDeps, type Merged } from './merge-line.js';

/** A green line waiting for the run branch. */
export type WaitingMerge<End> = {
  line: Line;
  own: string[];
  /** The locked tests the merged tree must run (the run guard's look at a round's run). */
  locks: () => readonly Lock[];
  say: Say;
  at: () => { task: number; round: number };
  signal: () => AbortSignal;
  /** Merged, verified and ticked or sent back on its own (mergeLine). */
  alone(): Promise<End>;
  /** Ticked after the batch it was merged in was verified. */
  ticked(merged: Merged): Promise<End>;
};

/**
 * The merge queue: `add` resolves with the line's end once its merge is verified (alone or in a batch). settled: waits
 * for the lines still in their round's tests (testing-lines.ts), so those that come home with this one join its batch.
 */
export function mergeQueue<End>(
  main: MainDeps,
  exclusive: <T>(job: () => Promise<T>) => Promise<T>,
  judging: () => { reference?: Baseline; timeoutSeconds: number },
  settled: () => Promise<void>,
): (waiting: WaitingMerge<End>) => Promise<End> {
  const queue: { waiting: WaitingMerge<End>; settle: (end: Promise<End>) => void }[] = [];
  const drain = async (): Promise<void> => {
    if (queue.length === 0) return;
    await settled();
    const batch = queue.splice(0);
    const merged =
      batch.length > 1
        ? await mergeTogether(
            main,
            batch.map((entry) => entry.waiting),
            judging(),
          )
        : [];
    for (const [at, { waiting, settle }] of batch.entries()) {
      const end = merged[at] ? waiting.ticked(merged[at]) : waiting.alone();
      settle(end);
      await end.catch(() => undefined);
    }
  };
  return (waiting) =>
    new Promise<End>((resolve, reject) => {
      queue.push({ waiting, settle: (end) => end.then(resolve, reject) });
      void exclusive(drain);
    });
}

/** Each line merged, then the suite once: each line's merge (sha) if green, else nothing (the run branch as it was). */
async function mergeTogether<End>(
  main: MainDeps,
  batch: WaitingMerge<End>[],
  judging: { reference?: Baseline; timeoutSeconds: number },
): Promise<Merged[]> {
  const before = (await main.repo.head()) ?? 'HEAD';
  const shas: string[] = [];
  for (const { line, say } of batch) {
    say('line:merging', { branch: line.branch, into: main.runBranch });
    try {
      await mergeLineBranch(main.repo, line);
    } catch {
      await main.repo.raw(['merge', '--abort']).catch(() => undefined);
      await main.repo.restore(before);
      return [];
    }
    shas.push((await main.repo.head()) ?? '');
  }
  const [first] = batch;
  first?.say('tests:started', { command: main.testCommand, baseline: false });
  // Every line's locked tests must run on the combined tree; a batch the guard fails is merged one at a time, where
  // each line is told its own.
  const locks = new Map(batch.flatMap((waiting) => waiting.locks()).map((lock) => [lock.path, lock]));
  const { tests, judgement, why } = await judgeMergedTree(
    main,
    {
      own: batch.flatMap((waiting) => waiting.own),
      reference: judging.reference,
      timeoutSeconds: judging.timeoutSeconds,
      signal: AbortSignal.any(batch.map((waiting) => waiting.signal())),
      locks: [...locks.values()],
    },
    (text) => first?.say('tests:output', { text }),
  );
  if (!judgement.green) {
    await main.repo.restore(before);
    const tasks = batch.map((waiting) => waiting.line.task).join(', ');
    first?.say('tests:finished', {
      result: testsReport(tests, main.paths, first.at()),
      baseline: false,
      taskVerdict: {
        green: false,
        why: `tasks ${tasks} merged together: ${why ?? tests.headline}; merging them one at a time`,
        failingBefore: judgement.failingBefore,
      },
    });
    return [];
  }
  for (const waiting of batch)
    waiting.say('tests:finished', {
      result: testsReport(tests, main.paths, waiting.at()),
      baseline: false,
      taskVerdict: { green: true, why, failingBefore: judgement.failingBefore },
    });
  return shas.map((sha) => ({ sha, tests }));
}
