// One round of the coder: prompt, worker, guard and tests, commit, record. Returns what happened and the task's
// counters after it; the loop (loop.ts) decides what comes next.
import type { Worker } from '../agents/agent.js';
import { callWorker } from '../agents/call-worker.js';
import type { RoundRecord } from '../contract/round-record.js';
import { failingTests, type TestSummary } from '../contract/test-summary.js';
import { buildPrompt } from '../prompt/build-prompt.js';
import type { Strategy } from '../prompt/strategy.js';
import type { Task } from '../rfp/tasks-file.js';
import type { RoundHooks } from '../task-setup/round-hooks.js';
import { failureFingerprint } from '../test-runner/failure-fingerprint.js';
import { interruptedTests, judged, testRound } from '../test-runner/test-round.js';
import { tail } from '../util/capped-text.js';
import { roundTools } from '../worker-tools/round-tools.js';
import { confirmGreen } from './confirm-green.js';
import type { RunDeps } from './run-deps.js';
import type { RunState } from './run-state.js';
import { countRound, roundsAllowed, type TaskCounters } from './valves.js';

export type RoundInput = {
  task: Task;
  /** The task's counters before this round (rounds already counts it). */
  counters: TaskCounters;
  strategy: Strategy;
  worker: Worker;
  lastTests?: TestSummary;
  lastDiff?: string;
  notes: string[];
  /** The plan, tests guard and LEGO check around the round, when those phases are on. */
  hooks?: RoundHooks;
};

/** What happened, and the task's counters after it: the loop decides what comes next. */
export type RoundOutcome = { record: RoundRecord; tests: TestSummary; diff?: string; counters: TaskCounters };

/** The parts a round uses; the state gives the settings and position, and counts the worker's spend. */
export type RoundDeps = Pick<
  RunDeps,
  'rfp' | 'projectDir' | 'control' | 'say' | 'testCommand' | 'repo' | 'sandbox' | 'paths' | 'confirmedOnMerge'
>;
type RoundState = Pick<RunState, 'config' | 'position' | 'baseline' | 'spend' | 'budgetLeft' | 'usage' | 'elapsedMs'>;

export async function playRound(ctx: RoundDeps, state: RoundState, input: RoundInput): Promise<RoundOutcome> {
  const { task, hooks } = input;
  const { config } = state;
  const round = input.counters.rounds;
  const startedAt = new Date();
  // The task's own tests: named in its tasks.md line, else the reviewer's locked tests, else all.
  const own = task.tests.length > 0 ? task.tests : (hooks?.ownTests ?? []);
  const signal = ctx.control.nextStep();
  // factory's tools for the worker (run_tests, sandbox_exec), in the run's sandbox, sharing the call's signal.
  const tools = input.worker.takesTools ? roundTools(ctx, config, own, signal) : undefined;

  // 1. The prompt: the task, what the last round left, and the human's or supervisor's redirects (used once).
  const prompt = buildPrompt({
    task,
    round,
    maxRounds: roundsAllowed(input.counters, config),
    requirements: ctx.rfp.requirements,
    design: ctx.rfp.design,
    strategy: input.strategy,
    lastTests: input.lastTests,
    lastDiff: input.lastDiff,
    redirects: ctx.control.takeRedirects(),
    notes: input.notes,
    plan: hooks?.plan,
    lockedTests: hooks?.lockedTests ?? [],
    tools: tools && { names: tools.names, maxCalls: config.maxToolCalls },
  });
  ctx.say('prompt:built', { strategy: input.strategy.id, prompt });

  // 2. The worker edits the files; its spend is counted before anything else can read the totals.
  const { result, refusedEdits } = await callWorker(ctx.say, input.worker, {
    prompt,
    projectDir: ctx.projectDir,
    task,
    round,
    runRound: state.position.runRound,
    model: config.workerModel,
    lockedPaths: new Set(hooks?.lockedPaths),
    budgetUsd: state.budgetLeft(),
    signal,
    tools,
  });
  ctx.say('agent:finished', { ...result, usage: state.spend(result) });
  // A skip or stop-now aborted the worker: the round is committed as it is, and its tests are not run.
  const interrupted = ctx.control.signal.aborted;

  // 3. The guard puts locked files back, then the tests run and are judged against the baseline.
  const violations = interrupted ? [] : ((await hooks?.beforeTests()) ?? []);
  let { tests, judgement } = interrupted
    ? judged(interruptedTests(ctx.testCommand), own, state.baseline)
    : await testRound(
        ctx,
        { own, baseline: state.baseline, timeoutSeconds: config.testTimeoutSeconds, at: state.position },
        hooks,
      );

  // 4. Every round is a commit, so the human can see and undo each one. A red round's is the tree its tests ran on, as
  // the guard staged it (no second pass over the tree; what the test run wrote goes into the next commit); a green
  // one's takes the whole tree, as its confirming run needs the tree and the commit to agree (a line's too: its merge's
  // run, its confirming run, then sees what the line's run left, as code that acts once it has run would).
  const status = tests.timedOut ? `tests timed out after ${config.testTimeoutSeconds} s` : tests.headline;
  const message = `factory: task ${task.index} round ${round} — ${interrupted ? 'interrupted' : status}`;
  const commit = await (judgement.green || interrupted ? ctx.repo.commitAll(message) : ctx.repo.commitStaged(message));
  if (commit) ctx.say('git:committed', { ...commit, kind: 'round' });
  else ctx.say('git:unchanged', { message: 'no change' });
  // A line's green round is confirmed on the merged tree instead (lines/merge-line.ts).
  if (judgement.green && !interrupted && !ctx.confirmedOnMerge) {
    const judging = { own, baseline: state.baseline, timeoutSeconds: config.testTimeoutSeconds };
    ({ tests, judgement } = await confirmGreen(ctx, judging, { tests, judgement }, hooks));
    if (!judgement.green) ctx.say('guard:failed', { reason: judgement.note ?? 'the confirming run was red' });
  }

  // 5. The record: what the supervisor reads, the round report, and the valves' counts.
  const findings = [...violations, ...(hooks?.afterRound(commit?.files ?? []) ?? [])];
  const before = input.lastTests?.tests ?? {};
  const broken = failingTests(tests).filter((id) => before[id] === 'passed');
  const fingerprint =
    judgement.green || interrupted
      ? undefined
      : failureFingerprint(tests, [...judgement.ownFailing, ...judgement.regressions]);
  const counters = countRound(input.counters, { green: judgement.green, changed: commit !== undefined, fingerprint });
  const { output, ...summary } = tests;
  const record: RoundRecord = {
    task: task.index,
    taskTitle: task.title,
    round,
    runRound: state.position.runRound,
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
    totals: { ...state.usage, elapsedMs: state.elapsedMs() },
    failStreak: counters.failStreak,
    idleStreak: counters.idleStreak,
    broken,
    interrupted,
    findings,
    toolCalls: tools?.history.length ? [...tools.history] : undefined,
  };
  ctx.say('round:finished', { record });
  return { record, tests, diff: commit?.diff, counters };
}
