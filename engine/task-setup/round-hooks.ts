// What a task's rounds get from the phases around them: the plan text, the locked tests, the guard, and the LEGO check.
import type { TestSummary } from '../contract/test-summary.js';

export type RoundHooks = {
  /** The task's part of the plan, for the coder's prompt. */
  plan?: string;
  /** Every locked path (tests, factory's files, runner configuration): refused to the worker's edits. */
  lockedPaths: string[];
  /** The locked test files, named in the prompt. */
  lockedTests: string[];
  /** This task's own locked tests: what must pass for it to be green. */
  ownTests: string[];
  /**
   * After the worker, before the tests: puts tampered locked files back, removes new runner configuration; returns the
   * violations for the next prompt. Leaves the tree the tests run on staged, for a red round's commit (commitStaged).
   */
  beforeTests(): Promise<string[]>;
  /** After the tests: the run as it counts (red when locked tests went missing or newly skip). */
  judgeTests(tests: TestSummary): TestSummary;
  /** After the commit, with the files it changed: findings for the next prompt (LEGO). */
  afterRound(files: readonly string[]): string[];
};
