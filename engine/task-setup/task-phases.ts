// The phases around the rounds: the plan once per run, each task's tests before its rounds, and the hooks its rounds
// run.
import type { Architect } from '../agents/agent.js';
import { checkLego } from '../lego/check-lego.js';
import { RunGuard } from './guard/run-guard.js';
import type { LoopContext } from '../loop/context.js';
import { makePlan } from './plan/make-plan.js';
import { taskPlanText } from './plan/task-plan-text.js';
import type { Task } from '../rfp/tasks-file.js';
import { writeTests } from './reviewer-tests/write-tests.js';
import { UserError } from '../util/errors.js';
import type { RoundHooks } from './round-hooks.js';

export type TaskPhases = {
  /** Before a task's rounds: the reviewer's locked tests, unless the task names its own or the phases are off. */
  prepareTask(task: Task): Promise<{ ok: true } | { ok: false; reason: string }>;
  roundHooks(task: Task): RoundHooks;
  /** factory ticked the task in RFP/tasks.md: that is the file's content from now on. */
  taskTicked(): void;
};

export async function startPhases(ctx: LoopContext, pending: readonly Task[]): Promise<TaskPhases> {
  // Protected before any model runs, so the architect cannot change what the guard keeps either.
  const guard = await RunGuard.start(ctx);
  const locks = guard.locks;
  const architect = pending.length > 0 ? plannerOf(ctx) : undefined;
  const plan = architect && (await makePlan(ctx, architect, pending));
  const taskPlan = (task: Task) => plan?.tasks.find((entry) => entry.task === task.index);
  // Whatever the architect changed among them is put back before the user's tests are locked from the files.
  if (plan) await guard.restore(false);
  const userTests = await guard.lockUserTests(pending, taskPlan);
  ctx.say('guard:protected', {
    tests: userTests,
    factory: guard.files.entries.filter((entry) => entry.what === 'factory').map((entry) => entry.path),
    config: guard.files.entries.filter((entry) => entry.what === 'config').map((entry) => entry.path),
  });

  const takeUnlocks = (): void => {
    for (const file of ctx.unlocks?.splice(0) ?? [])
      ctx.say('tests:unlocked', { path: file, found: locks.remove(file) });
  };

  return {
    async prepareTask(task) {
      takeUnlocks();
      const entry = taskPlan(task);
      if (!entry || !ctx.reviewer || task.tests.length > 0 || locks.isTested(task.index)) return { ok: true };
      return writeTests(ctx, ctx.reviewer, task, entry, guard);
    },
    taskTicked() {
      guard.accept('RFP/tasks.md');
    },
    roundHooks(task) {
      const touched = new Set<string>();
      let lastFindings = '';
      const entry = taskPlan(task);
      return {
        plan: entry && taskPlanText(entry),
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
          return guard.restore(true);
        },
        judgeTests(tests) {
          return guard.judge(tests);
        },
        afterRound(files) {
          if (!ctx.config.legoMode) return [];
          for (const file of files) touched.add(file);
          const findings = checkLego(ctx.projectDir, touched, ctx.config.legoExceptions);
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
 * The architect when the phases are on. PLAN=auto: on when the engine can play both architect and reviewer; PLAN=true
 * insists.
 */
function plannerOf(ctx: LoopContext): Architect | undefined {
  const able = ctx.architect !== undefined && ctx.reviewer !== undefined;
  if (ctx.config.plan === 'true' && !able) {
    const role = ctx.architect ? 'reviewer' : 'architect';
    const hint = ctx.config.aiEngine === 'scripted' ? ` (add a "${role}" section to ${ctx.config.script})` : '';
    const engine = ctx.config.aiEngine;
    throw new UserError(
      `PLAN=true, but AI_ENGINE=${engine} cannot play the ${role} here${hint}; set PLAN=auto or PLAN=false`,
    );
  }
  return ctx.config.plan !== 'false' && able ? ctx.architect : undefined;
}
