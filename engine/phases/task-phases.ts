// The phases around the rounds: the plan once per run, each task's tests before its rounds, and the hooks its rounds run.
import type { Architect } from '../agents/agent.js';
import { checkLego } from '../lego/check-lego.js';
import { LockStore } from '../guard/lock-store.js';
import { failRun, judgeLockedRun } from '../guard/judge-locked-run.js';
import { restoreLocked } from '../guard/restore-locked.js';
import type { LoopContext } from '../loop/context.js';
import { makePlan } from '../plan/make-plan.js';
import { taskPlanText } from '../plan/task-plan-text.js';
import type { Task } from '../rfp/tasks-file.js';
import { writeTests } from '../tests-phase/write-tests.js';
import { UserError } from '../util/errors.js';
import type { RoundHooks } from './round-hooks.js';

export type TaskPhases = {
  /** Before a task's rounds: the reviewer's locked tests, unless the task names its own or the phases are off. */
  prepareTask(task: Task): Promise<{ ok: true } | { ok: false; reason: string }>;
  roundHooks(task: Task): RoundHooks;
};

export async function startPhases(ctx: LoopContext, pending: readonly Task[]): Promise<TaskPhases> {
  const locks = LockStore.load(ctx.paths.locks);
  const architect = pending.length > 0 ? plannerOf(ctx) : undefined;
  const plan = architect && (await makePlan(ctx, architect, pending));
  const taskPlan = (task: Task) => plan?.tasks.find((entry) => entry.task === task.index);

  const takeUnlocks = (): void => {
    for (const file of ctx.unlocks?.splice(0) ?? []) ctx.say('tests:unlocked', { path: file, found: locks.remove(file) });
  };

  return {
    async prepareTask(task) {
      takeUnlocks();
      const entry = taskPlan(task);
      if (!entry || !ctx.reviewer || task.tests.length > 0 || locks.isTested(task.index)) return { ok: true };
      return writeTests(ctx, ctx.reviewer, task, entry, locks);
    },
    roundHooks(task) {
      const touched = new Set<string>();
      let lastFindings = '';
      const entry = taskPlan(task);
      return {
        plan: entry && taskPlanText(entry),
        get lockedPaths() {
          return locks.paths();
        },
        get ownTests() {
          return locks.locks.filter((lock) => lock.task === task.index).map((lock) => lock.path);
        },
        async beforeTests() {
          takeUnlocks();
          if (locks.locks.length === 0) return [];
          // Porcelain lines: "XY path", or "R  old -> new" for a staged rename.
          const changed = (await ctx.repo.uncommitted()).map((line) => line.slice(3).split(' -> ').at(-1) ?? '');
          return restoreLocked(ctx.projectDir, locks.locks, changed).map((violation) => {
            ctx.say('guard:violation', violation);
            return `Locked test ${violation.path} was ${violation.detail}. Locked tests are the task's definition: change the code, never the tests.`;
          });
        },
        judgeTests(tests) {
          const judgement = judgeLockedRun(locks.locks, tests);
          if (judgement.learned.size > 0) locks.learn(judgement.learned);
          if (judgement.reasons.length === 0) return tests;
          ctx.say('guard:failed', { reason: judgement.reasons.join('; ') });
          return failRun(tests, judgement);
        },
        afterRound(files) {
          if (!ctx.config.legoMode) return [];
          files.forEach((file) => touched.add(file));
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

/** The architect when the phases are on. PLAN=auto: on when the engine can play both architect and reviewer; PLAN=true insists. */
function plannerOf(ctx: LoopContext): Architect | undefined {
  const able = ctx.architect !== undefined && ctx.reviewer !== undefined;
  if (ctx.config.plan === 'true' && !able) throw new UserError(`PLAN=true, but AI_ENGINE=${ctx.config.aiEngine} cannot play the ${ctx.architect ? 'reviewer' : 'architect'} here${ctx.config.aiEngine === 'scripted' ? ` (add a "${ctx.architect ? 'reviewer' : 'architect'}" section to ${ctx.config.script})` : ''}; set PLAN=auto or PLAN=false`);
  return ctx.config.plan !== 'false' && able ? ctx.architect : undefined;
}
