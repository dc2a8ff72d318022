// Refactoring tasks: the code works and the task's tests pass before any work, so red-to-green cannot show it done.
// Such a task (marked "(refactor)" in its tasks.md line, or whose named tests all pass at the baseline) is green after
// a round that leaves the code changed since the task started and its tests still passing.
import type { Repo } from '../../git/repo.js';
import type { Task } from '../../rfp/tasks-file.js';
import { type Baseline, isOwnTest } from '../../test-runner/judge-tests.js';
import type { TestSummary } from '../../contract/test-summary.js';

/** Why the task is played as a refactor, or undefined when it is not one. */
export function refactorReason(task: Task, baseline: Baseline | undefined): string | undefined {
  if (task.refactor) return 'its line in RFP/tasks.md says (refactor)';
  if (task.tests.length === 0 || !baseline) return undefined;
  const own = Object.entries(baseline.tests).filter(([id]) => isOwnTest(id, task.tests));
  if (own.length === 0 || own.some(([, outcome]) => outcome !== 'passed')) return undefined;
  return `its tests (${task.tests.join(', ')}) already pass before any work (${own.length} passed)`;
}

const rule =
  'This is a refactoring task: its tests already pass. It is green after a round that changes the code and keeps ' +
  'them passing.';

/** The prompt's line for a refactoring task. */
export const refactorNote = `${rule} Change the code's shape as the task says; never change the tests.`;

/** A refactoring task's rounds: where the task started, and whether the code has changed since. */
export class RefactorRounds {
  private start: string | undefined;
  private changed = false;

  constructor(private readonly repo: Pick<Repo, 'head' | 'changedSince'>) {}

  /** Before the tests: whether the code differs from the task's start; the next prompt's line when it does not. */
  async beforeTests(): Promise<string[]> {
    // The first round's worker has not committed: HEAD is where the task started.
    this.start ??= await this.repo.head();
    this.changed = this.start !== undefined && (await this.repo.changedSince(this.start)).length > 0;
    return this.changed ? [] : [`${rule} This round left the code as the task found it: change it.`];
  }

  /** The run as it counts: red while nothing changed. */
  judge(tests: TestSummary): TestSummary {
    if (this.changed) return tests;
    const id = '(refactor)::no change since the task started';
    const reason = 'refactor: the code is as the task found it';
    return {
      ...tests,
      green: false,
      failed: tests.failed + 1,
      tests: { ...tests.tests, [id]: 'failed' },
      errors: { ...tests.errors, [id]: reason },
      headline: `${tests.headline} — ${reason}`,
      output: `${tests.output}\n\nfactory: this run does not count: ${reason}\n`,
    };
  }
}
