// Step 1 of the loop: asks the architect for the design guide, once more with the errors if it is invalid, and stores
// it.
import { sayActivity } from '../../agents/say-activity.js';
import fs from 'node:fs';
import type { Architect } from '../../agents/agent.js';
import type { PassCaps } from '../../loop/cap-gate.js';
import type { RunDeps } from '../../loop/run-deps.js';
import type { RunState } from '../../loop/run-state.js';
import type { Task } from '../../rfp/tasks-file.js';
import { writeFileAtomic } from '../../util/atomic-write.js';
import { UserError } from '../../util/errors.js';
import { buildPlanPrompt } from './plan-prompt.js';
import type { Plan } from './plan-schema.js';
import { validatePlan } from './validate-plan.js';

const attempts = 2;

type PlanDeps = Pick<
  RunDeps,
  'projectDir' | 'rfp' | 'repo' | 'paths' | 'resume' | 'models' | 'say' | 'control' | 'testCommand'
> & {
  passCaps: PassCaps;
};
type PlanState = Pick<RunState, 'config' | 'spend'>;

/** Undefined when the human stopped the run while the architect worked. */
export async function makePlan(
  ctx: PlanDeps,
  state: PlanState,
  architect: Architect,
  tasks: readonly Task[],
): Promise<Plan | undefined> {
  // A resumed run keeps the plan it already had: the later roles were built on it.
  const stored =
    ctx.resume && fs.existsSync(ctx.paths.plan)
      ? validatePlan(fs.readFileSync(ctx.paths.plan, 'utf8'), tasks)
      : undefined;
  if (stored?.ok) {
    ctx.say('plan:ready', { file: ctx.paths.plan, summary: stored.plan.summary, tasks: stored.plan.tasks.length });
    return stored.plan;
  }
  // The architect's (large) local model is loaded for the plan only.
  await ctx.models?.prepareRole('architect');
  try {
    return await askArchitect(ctx, state, architect, tasks);
  } finally {
    await ctx.models?.releaseRole('architect');
  }
}

async function askArchitect(
  ctx: PlanDeps,
  state: PlanState,
  architect: Architect,
  tasks: readonly Task[],
): Promise<Plan | undefined> {
  const layout = await ctx.repo.trackedFiles();
  let problems: string[] | undefined;
  for (let attempt = 1; attempt <= attempts; attempt++) {
    ctx.say('plan:started', { attempt });
    const prompt = buildPlanPrompt({
      rfp: ctx.rfp,
      tasks,
      layout,
      legoMode: state.config.legoMode,
      testCommand: ctx.testCommand,
      problems,
    });
    ctx.say('prompt:built', { strategy: 'plan', prompt });
    await ctx.passCaps();
    const answer = await architect.plan({
      prompt,
      projectDir: ctx.projectDir,
      model: state.config.architectModel || state.config.workerModel,
      signal: ctx.control.nextStep(),
      onActivity: (activity) => {
        // The architect only reads: every edit it tried was refused, and is shown and recorded.
        if (activity.kind !== 'tool') sayActivity(ctx.say, activity);
      },
    });
    ctx.say('agent:finished', {
      ok: true,
      costUsd: answer.costUsd,
      inputTokens: answer.inputTokens,
      outputTokens: answer.outputTokens,
      usage: state.spend(answer),
    });
    if (ctx.control.stopRequested) return undefined;
    const checked = validatePlan(answer.text, tasks);
    if (checked.ok) {
      writeFileAtomic(ctx.paths.plan, `${JSON.stringify(checked.plan, null, 2)}\n`);
      ctx.say('plan:ready', { file: ctx.paths.plan, summary: checked.plan.summary, tasks: checked.plan.tasks.length });
      return checked.plan;
    }
    problems = checked.problems;
    ctx.say('plan:invalid', { attempt, problems });
  }
  throw new UserError(
    `the architect's plan failed validation ${attempts} times, so the run stops before any code is written; the ` +
      `architect only reads, and what it changed was put back:\n  ${(problems ?? []).join('\n  ')}\nfix the RFP ` +
      `or the architect's model (ARCHITECT_MODEL), or set PLAN=false to go straight to rounds`,
  );
}
