// The guard of one run: what is locked (tests, factory's files, runner configuration), putting it back before the
// tests run, and judging a run against the locked tests.
import fs from 'node:fs';
import path from 'node:path';
import picomatch from 'picomatch';
import type { FactoryConfig } from '../../config/factory-config.js';
import type { RunDeps } from '../../loop/run-deps.js';
import type { TaskPlan } from '../plan/plan-schema.js';
import type { Task } from '../../rfp/tasks-file.js';
import type { Baseline } from '../../test-runner/judge-tests.js';
import { fileOfTestId, normaliseTestPath } from '../../test-runner/test-id.js';
import type { TestSummary } from '../../contract/test-summary.js';
import { isFileLevel, resultsOf } from './file-results.js';
import { failRun, judgeLockedRun } from './judge-locked-run.js';
import { LockStore, sha256 } from './lock-store.js';
import { ProtectedFiles } from './protected-files.js';
import { restoreLocked, type Violation } from './restore-locked.js';
import { countDeclaredTests, countSkipMarkers } from './skip-markers.js';
import { looksLikeTestFile } from './test-files.js';

/** What the guard reads: the run's parts, the settings it starts with, and the baseline it judges against. */
export type GuardDeps = Pick<RunDeps, 'projectDir' | 'repo' | 'paths' | 'resume' | 'say'> & {
  config: Pick<FactoryConfig, 'aiEngine' | 'supervisor' | 'script' | 'lockTests'>;
  baseline?: Baseline;
};

export class RunGuard {
  private constructor(
    private readonly ctx: GuardDeps,
    readonly locks: LockStore,
    readonly files: ProtectedFiles,
  ) {}

  /** A new run protects what the user's commit holds; a resumed one keeps what its start protected. */
  static async start(ctx: GuardDeps): Promise<RunGuard> {
    const locks = LockStore.load(ctx.paths.locks);
    const resumed = ctx.resume !== undefined && fs.existsSync(ctx.paths.protected);
    const script =
      ctx.config.aiEngine === 'scripted' || ctx.config.supervisor === 'scripted' ? [ctx.config.script] : [];
    const files = resumed
      ? ProtectedFiles.load(ctx.paths.protected)
      : ProtectedFiles.take(
          ctx.paths.protected,
          ctx.projectDir,
          ['factory_config.md', ...script],
          await ctx.repo.presentFiles(),
        );
    if (!resumed) locks.dropUserLocks();
    return new RunGuard(ctx, locks, files);
  }

  /** Locks the user's test files of each task as they are now (before any model ran); returns the paths locked. */
  async lockUserTests(tasks: readonly Task[], planOf: (task: Task) => TaskPlan | undefined): Promise<string[]> {
    if (this.ctx.config.lockTests === 'off' || this.ctx.resume) return [];
    const present = await this.ctx.repo.presentFiles();
    const locked: string[] = [];
    for (const task of tasks) {
      for (const file of userTestFiles(task, planOf(task)?.testFiles ?? [], present, this.ctx.baseline)) {
        if (this.locks.paths().includes(file)) continue;
        const content = fs.readFileSync(path.join(this.ctx.projectDir, file), 'utf8');
        const seen = this.ctx.baseline ? resultsOf(file, content, this.ctx.baseline.tests) : [];
        const tests = seen.filter((id) => this.ctx.baseline!.tests[id] !== 'skipped');
        const skipped = seen.filter((id) => !isFileLevel(id) && this.ctx.baseline!.tests[id] === 'skipped').length;
        this.locks.add({
          path: file,
          task: task.index,
          sha256: sha256(content),
          content,
          tests,
          minTests: countDeclaredTests(file, content),
          allowedSkips: Math.max(skipped, countSkipMarkers(content)),
          origin: 'user',
        });
        locked.push(file);
      }
    }
    return locked;
  }

  /** Every path a worker may not write: locked tests, factory's files, whole runner configuration files. */
  lockedPaths(): string[] {
    return [...new Set([...this.locks.paths(), ...this.files.closedPaths()])];
  }

  /** Puts back whatever changed among the locked tests and factory's protected files; returns the lines for the prompt. */
  async restore(): Promise<string[]> {
    return [...(await this.restoreLocked()), ...this.restoreProtected()];
  }

  /** Puts back whatever changed among the locked tests; returns the lines for the next prompt. */
  async restoreLocked(): Promise<string[]> {
    // git is asked for the uncommitted files only when a locked file is gone: they are where a renamed copy would be.
    const gone = this.locks.locks.some((lock) => !fs.existsSync(path.join(this.ctx.projectDir, lock.path)));
    // Porcelain lines: "XY path", or "R  old -> new" for a staged rename.
    const changed = gone
      ? (await this.ctx.repo.uncommitted()).map((line) => line.slice(3).split(' -> ').at(-1) ?? '')
      : [];
    const locked = restoreLocked(this.ctx.projectDir, this.locks.locks, changed);
    return this.told(locked.map((violation) => ({ ...violation, what: 'test' as const })));
  }

  /**
   * Puts back factory's protected files; with newAmong (the coder's rounds: the files the run changed since it
   * started), also removes runner configuration the model created among them (whatever was there at the start is
   * protected already). Returns the lines for the next prompt.
   */
  restoreProtected(newAmong?: readonly string[]): string[] {
    return this.told(this.files.restore(this.ctx.projectDir, newAmong ?? [], newAmong !== undefined));
  }

  private told(violations: Violation[]): string[] {
    return violations.map((violation) => {
      this.ctx.say('guard:violation', violation);
      return promptLine(violation);
    });
  }

  /** factory ticked a task: RFP/tasks.md keeps that content from now on. */
  accept(relative: string): void {
    this.files.accept(this.ctx.projectDir, relative);
  }

  /** The run as it counts: red when locked tests went missing or newly skip. learn: the run's test ids are trusted. */
  judge(tests: TestSummary, learn = true): TestSummary {
    const judgement = judgeLockedRun(this.locks.locks, tests, this.ctx.baseline);
    if (learn && judgement.learned.size > 0) this.locks.learn(judgement.learned);
    if (judgement.reasons.length === 0) return tests;
    this.ctx.say('guard:failed', { reason: judgement.reasons.join('; ') });
    return failRun(tests, judgement);
  }
}

function promptLine(violation: Violation): string {
  if (violation.what === 'factory')
    return (
      `factory's file ${violation.path} was ${violation.detail}. factory_config.md, RFP/ and the script decide ` +
      'how the run is judged: never change them (factory ticks the tasks itself).'
    );
  if (violation.what === 'config')
    return (
      `Test-runner configuration ${violation.path} was ${violation.detail}. The runner's configuration decides ` +
      'which tests run and how: leave it as the user wrote it.'
    );
  return (
    `Locked test ${violation.path} was ${violation.detail}. Locked tests are the task's definition: change the ` +
    'code, never the tests.'
  );
}

/**
 * The user's test files of a task, among the files present: named in its tasks.md line, listed in the plan's
 * testFiles, or, when the line names none, every test file the baseline ran or that is named like one.
 */
function userTestFiles(
  task: Task,
  planned: readonly string[],
  present: readonly string[],
  baseline?: Baseline,
): string[] {
  const has = new Set(present);
  const matchers = task.tests.map((pattern) => picomatch(normaliseTestPath(pattern).replace(/\/$/, '/**')));
  const named = present.filter((file) => matchers.some((match) => match(file)));
  const listed = planned.map((file) => normaliseTestPath(file)).filter((file) => has.has(file));
  if (task.tests.length > 0) return [...new Set([...named, ...listed])];
  const ran = Object.keys(baseline?.tests ?? {})
    .map((id) => normaliseTestPath(fileOfTestId(id)))
    .filter((file) => has.has(file));
  return [...new Set([...listed, ...ran, ...present.filter(looksLikeTestFile)])];
}
