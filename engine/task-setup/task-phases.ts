// The phases around the rounds: the plan once per run, each task's tests before its rounds, and the hooks its rounds
// run.
import type { Architect } from '../agents/agent.js';
import type { FactoryConfig } from '../config/factory-config.js';
import { checkLego } from '../lego/check-lego.js';
import { CodeScan } from './guard/code-scan/code-scan.js';
import { scanRole } from './guard/code-scan/scan-role.js';
import { RunGuard } from './guard/run-guard.js';
import { RefactorRounds, refactorNote, refactorReason } from './refactor/refactor-rule.js';
import { capGate } from '../loop/cap-gate.js';
import type { RunDeps } from '../loop/run-deps.js';
import type { RunState } from '../loop/run-state.js';
import { makePlan } from './plan/make-plan.js';
import { taskPlanText } from './plan/task-plan-text.js';
import type { Task } from '../rfp/tasks-file.js';
import { writeTests } from './reviewer-tests/write-tests.js';
import { UserError } from '../util/errors.js';
import type { RoundHooks } from './round-hooks.js';
import type { Plan } from './plan/plan-schema.js';
import type { LockStore } from './guard/lock-store.js';

export type TaskPhases = {
  /** Before a task's rounds: the reviewer's locked tests, unless the task names its own or the phases are off. */
  prepareTask(task: Task): Promise<{ ok: true } | { ok: false; reason: string }>;
  roundHooks(task: Task): RoundHooks;
  /** factory ticked the task in RFP/tasks.md: that is the file's content from now on. */
  taskTicked(): void;
  /** The architect's plan, when the run has one. */
  readonly plan?: Plan;
  /** The locked tests (production lines share the reviewer's between the run's checkout and each line). */
  readonly locks: LockStore;
};

/** planned: the run's plan is made already (a production line's phases take it from the run's). */
export async function startPhases(
  ctx: RunDeps,
  state: RunState,
  pending: readonly Task[],
  planned?: { plan?: Plan },
): Promise<TaskPhases> {
  const { config, baseline } = state;
  const passCaps = capGate(ctx, state);
  // Protected before any model runs, so the architect cannot change what the guard keeps either.
  const guard = await RunGuard.start({ ...ctx, config, baseline });
  const locks = guard.locks;
  const scan = await CodeScan.start(ctx);
  const architect = pending.length > 0 && !planned ? plannerOf(ctx, config) : undefined;
  const plan = planned ? planned.plan : architect && (await makePlan({ ...ctx, passCaps }, state, architect, pending));
  const taskPlan = (task: Task) => plan?.tasks.find((entry) => entry.task === task.index);
  // Whatever the architect changed among them is put back before the user's tests are locked from the files.
  if (plan && !planned) await guard.restore();
  const userTests = await guard.lockUserTests(pending, taskPlan);
  ctx.say('guard:protected', {
    tests: userTests,
    factory: guard.files.entries.filter((entry) => entry.what === 'factory').map((entry) => entry.path),
    config: guard.files.entries.filter((entry) => entry.what === 'config').map((entry) => entry.path),
  });

  // Tasks played as refactors: marked so, or their named tests pass already (said once, at the task's start).
  const refactors = new Set<number>();
  const checkRefactor = (task: Task, reason = refactorReason(task, baseline)): void => {
    if (!reason || refactors.has(task.index)) return;
    refactors.add(task.index);
    ctx.say('task:refactor', { reason });
  };

  const takeUnlocks = (): void => {
    for (const file of ctx.control.takeUnlocks()) ctx.say('tests:unlocked', { path: file, found: locks.remove(file) });
  };

  return {
    plan,
    locks,
    async prepareTask(task) {
      takeUnlocks();
      const entry = taskPlan(task);
      checkRefactor(task);
      if (!entry || !ctx.reviewer || task.tests.length > 0 || locks.isTested(task.index)) return { ok: true };
      const end = await writeTests({ ...ctx, passCaps }, state, ctx.reviewer, task, entry, guard);
      if (end.ok && end.refactor) checkRefactor(task, end.refactor);
      return end;
    },
    taskTicked() {
      guard.accept('RFP/tasks.md');
    },
    roundHooks(task) {
      const touched = new Set<string>();
      let lastFindings = '';
      const entry = taskPlan(task);
      const refactor = refactors.has(task.index) ? new RefactorRounds(ctx.repo) : undefined;
      const planText = [entry && taskPlanText(entry), refactor && refactorNote].filter(Boolean).join('\n\n');
      return {
        plan: planText || undefined,
        get lockedPaths() {
          return guard.lockedPaths();
        },
        get lockedTests() {
          return locks.paths();
        },
        get ownTests() {
          // The reviewer's tests define the task; the user's locked files are guarded, the task line names its own.
          return locks.locks
            .filter((lock) => lock.task === task.index && lock.origin === 'reviewer')
            .map((lock) => lock.path);
        },
        async beforeTests() {
          takeUnlocks();
          // The locked tests first: git then stages the tree for the list, with none of the guard's writes beside it.
          const locked = await guard.restoreLocked();
          // The files the run changed: where the guard looks for new runner configuration, and what the scan reads.
          const changed = await scan.changedFiles();
          const removed = guard.restoreProtected(changed);
          // What the guard put back or removed after the staging is not in the staged tree: the commit stages it again.
          if (removed.length > 0) ctx.repo.dropStaged();
          const found = scan.scan(scanRole(task, guard.lockedPaths()), changed);
          return [...locked, ...removed, ...found, ...((await refactor?.beforeTests()) ?? [])];
        },
        judgeTests(tests) {
          // A run the scanned code could have rigged teaches the locks nothing.
          const judged = scan.judge(guard.judge(tests, scan.clean));
          return refactor ? refactor.judge(judged) : judged;
        },
        afterRound(files) {
          if (!state.config.legoMode) return [];
          for (const file of files) touched.add(file);
          const findings = checkLego(ctx.projectDir, touched, state.config.legoExceptions);
          // Told when the findings change, so "[]" says the task's files are clean again.
          if (findings.join('\n') !== lastFindings) ctx.say('lego:violations', { violations: findings });
          lastFindings = findings.join('\n');
          return findings.map((finding) => `LEGO: ${finding}`);
        },
      };
    },
  };
}

/**
 * The architect when the phases are on. PLAN=auto: on when the
 * engine can play both architect and reviewer; PLAN=true insists.
 */
function plannerOf(
  roles: Pick<RunDeps, 'architect' | 'reviewer'>,
  config: Pick<FactoryConfig, 'plan' | 'aiEngine' | 'script'>,
): Architect | undefined {
  const able = roles.architect !== undefined && roles.reviewer !== undefined;
  const missing = roles.architect ? 'reviewer' : 'architect';
  if (config.plan === 'true' && !able) {
    const hint = config.aiEngine === 'scripted' ? ` (add a "${missing}" section to ${config.script})` : '';
    throw new UserError(
      `PLAN=true, but AI_ENGINE=${config.aiEngine} cannot play the ${missing} here${hint}; set PLAN=auto or PLAN=false`,
    );
  }
  return config.plan !== 'false' && able ? roles.architect : undefined;
}
