// One round of the coder: prompt, worker, tests, commit. Returns what happened; the loop decides what comes next.
import type { Worker, WorkerResult } from '../agents/agent.js';
import type { RoundHooks } from '../task-setup/round-hooks.js';
import { buildPrompt } from '../prompt/build-prompt.js';
import type { Strategy } from '../prompt/strategy.js';
import type { Task } from '../rfp/tasks-file.js';
import { failingTests, refusal, type RoundRecord } from '../reports/round-record.js';
import { runTests } from '../test-runner/run-tests.js';
import type { TestSummary } from '../test-runner/test-result.js';
import { tail } from '../util/capped-text.js';
import { errorMessage } from '../util/errors.js';
import type { LoopContext } from './context.js';
import { countSameFailure, roundsAllowed, type TaskCounters } from './valves.js';
import { judgeTests, type Judgement } from '../test-runner/judge-tests.js';
import { verdictText } from '../test-runner/verdict-text.js';
import { failureFingerprint } from '../test-runner/failure-fingerprint.js';
import { addUsage, remainingBudget } from './caps.js';
import { WorkerTools } from '../worker-tools/worker-tools.js';

export type RoundInput = {
  task: Task;
  counters: TaskCounters;
  strategy: Strategy;
  worker: Worker;
  lastTests?: TestSummary;
  lastDiff?: string;
  notes: string[];
  /** The plan, tests guard and LEGO check around the round, when those phases are on. */
  hooks?: RoundHooks;
};

export type RoundOutcome = { record: RoundRecord; tests: TestSummary; diff?: string };

export async function playRound(ctx: LoopContext, input: RoundInput): Promise<RoundOutcome> {
  const { task, counters } = input;
  const startedAt = new Date();
  // The task's own tests: named in its tasks.md line, else the reviewer's locked tests, else all.
  const own = task.tests.length > 0 ? task.tests : (input.hooks?.ownTests ?? []);
  const signal = ctx.control.nextStep();
  const tools = input.worker.takesTools ? roundTools(ctx, own, signal) : undefined;
  const prompt = buildPrompt({
    task,
    round: counters.rounds,
    maxRounds: roundsAllowed(counters, ctx.config),
    requirements: ctx.rfp.requirements,
    design: ctx.rfp.design,
    strategy: input.strategy,
    lastTests: input.lastTests,
    lastDiff: input.lastDiff,
    redirects: ctx.control.takeRedirects(),
    notes: input.notes,
    plan: input.hooks?.plan,
    lockedTests: input.hooks?.lockedTests ?? [],
    tools: tools && { names: tools.names, maxCalls: ctx.config.maxToolCalls },
  });
  ctx.say('prompt:built', { strategy: input.strategy.id, prompt });

  const refusedEdits: string[] = [];
  const result = await input.worker
    .run({
      prompt,
      projectDir: ctx.projectDir,
      task,
      round: counters.rounds,
      runRound: ctx.position.runRound,
      model: ctx.config.workerModel,
      lockedPaths: new Set(input.hooks?.lockedPaths),
      budgetUsd: remainingBudget(ctx.usage, ctx.config),
      signal,
      tools,
      onActivity: (activity) => {
        if (activity.kind === 'text') ctx.say('agent:chunk', { text: activity.text });
        else if (activity.kind === 'tool') ctx.say('agent:tool', { name: activity.name, detail: activity.detail });
        else {
          if (activity.action === 'refused') refusedEdits.push(refusal(activity));
          ctx.say('agent:edit', {
            path: activity.path,
            action: activity.action,
            reason: activity.reason,
            engine: activity.engine,
            role: activity.role,
          });
        }
      },
    })
    .catch((error: unknown): WorkerResult => ({ ok: false, error: errorMessage(error) }));
  ctx.say('agent:finished', result);
  addUsage(ctx.usage, result);
  const interrupted = ctx.control.signal.aborted;

  const violations = interrupted ? [] : ((await input.hooks?.beforeTests()) ?? []);
  const { tests, judgement } = interrupted
    ? judged(interruptedTests(ctx.testCommand), own, ctx)
    : await testRound(ctx, own, input.hooks);
  const status = tests.timedOut ? `tests timed out after ${ctx.config.testTimeoutSeconds} s` : tests.headline;
  const message = `factory: task ${task.index} round ${counters.rounds} — ${interrupted ? 'interrupted' : status}`;
  const commit = await ctx.repo.commitAll(message);
  if (commit) ctx.say('git:committed', commit);
  else ctx.say('git:unchanged', { message: 'no change' });

  const findings = [...violations, ...(input.hooks?.afterRound(commit?.files ?? []) ?? [])];
  const before = input.lastTests?.tests ?? {};
  const broken = failingTests(tests).filter((id) => before[id] === 'passed');
  counters.failStreak = judgement.green ? 0 : counters.failStreak + 1;
  counters.idleStreak = commit ? 0 : counters.idleStreak + 1;
  const fingerprint =
    judgement.green || interrupted
      ? undefined
      : failureFingerprint(tests, [...judgement.ownFailing, ...judgement.regressions]);
  countSameFailure(counters, fingerprint);
  const { output, ...summary } = tests;
  const record: RoundRecord = {
    task: task.index,
    taskTitle: task.title,
    round: counters.rounds,
    runRound: ctx.position.runRound,
    worker: input.worker.name,
    strategy: input.strategy.id,
    startedAt: startedAt.toISOString(),
    durationMs: Date.now() - startedAt.getTime(),
    result,
    tests: { ...summary, excerpt: tail(output, 4000) },
    commit: commit && { sha: commit.sha, message: commit.message, files: commit.files },
    refusedEdits,
    green: judgement.green,
    judgement,
    fingerprint,
    totals: { ...ctx.usage, elapsedMs: Date.now() - ctx.startedAt },
    failStreak: counters.failStreak,
    idleStreak: counters.idleStreak,
    broken,
    interrupted,
    findings,
    toolCalls: tools?.history.length ? [...tools.history] : undefined,
  };
  ctx.say('round:finished', { record });
  return { record, tests, diff: commit?.diff };
}

/** factory's tools for this round's worker, unless WORKER_TOOLS=off or MAX_TOOL_CALLS=0; they share the call's signal. */
function roundTools(ctx: LoopContext, own: string[], signal: AbortSignal): WorkerTools | undefined {
  if (ctx.config.workerTools === 'off' || ctx.config.maxToolCalls === 0) return undefined;
  return new WorkerTools({
    sandbox: ctx.sandbox,
    projectDir: ctx.projectDir,
    testCommand: ctx.testCommand,
    taskTests: own,
    testTimeoutSeconds: ctx.config.testTimeoutSeconds,
    maxCalls: ctx.config.maxToolCalls,
    emit: ctx.say,
    signal,
  });
}

function judged(tests: TestSummary, own: string[], ctx: LoopContext): { tests: TestSummary; judgement: Judgement } {
  const judgement = judgeTests(tests, own, ctx.baseline);
  return { tests, judgement: { ...judgement, verdict: verdictText(tests, judgement) } };
}

async function testRound(
  ctx: LoopContext,
  own: string[],
  hooks?: RoundHooks,
): Promise<{ tests: TestSummary; judgement: Judgement }> {
  ctx.say('tests:started', { command: ctx.testCommand, baseline: false });
  const ran = await runTests(ctx.sandbox, {
    command: ctx.testCommand,
    projectDir: ctx.projectDir,
    timeoutSeconds: ctx.config.testTimeoutSeconds,
    signal: ctx.control.nextStep(),
    onOutput: (text) => ctx.say('tests:output', { text }),
  });
  const result = judged(hooks ? hooks.judgeTests(ran) : ran, own, ctx);
  ctx.say('tests:finished', {
    result: result.tests,
    baseline: false,
    taskVerdict: { green: result.judgement.green, why: result.judgement.verdict },
  });
  return result;
}

function interruptedTests(command: string): TestSummary {
  return {
    runner: 'none',
    source: 'not run',
    passed: 0,
    failed: 0,
    errored: 0,
    skipped: 0,
    tests: {},
    errors: {},
    command,
    exitCode: null,
    timedOut: false,
    durationMs: 0,
    green: false,
    headline: 'not run (interrupted)',
    output: '',
    truncated: false,
  };
}
