// The one definition of what the engine tells the outside world: every
// consumer (dashboard, headless printer, report writers) reads these.
// It imports nothing of the engine: the vocabulary it speaks is the rest of contract/.
import type { Role } from './roles.js';
import type { RoundRecord } from './round-record.js';
import type { TestsReport } from './test-summary.js';
import type { CallSpend, RunSpend } from './usage.js';
import type { Verdict } from './verdict.js';

/**
 * A round's code; the commit that ticks the task in RFP/tasks.md; the reviewer's tests; the human's edits while paused.
 */
export type CommitKind = 'round' | 'task-done' | 'reviewer-tests' | 'hand-edits';
export type PauseKind = 'human' | 'valve' | 'escalation' | 'intervention' | 'cap';
export type TaskOutcome = 'green' | 'stopped' | 'skipped';
export type RunOutcome = 'green' | 'valve' | 'cap' | 'stopped' | 'failed' | 'error';
export type GuardViolationKind = 'edited' | 'deleted' | 'renamed' | 'skip-marker' | 'created' | 'test-machinery';
/**
 * What the guard protects: a locked test, factory's own files (config, RFP/, script), the runner's configuration, and
 * (code) the test run itself from code that reaches into its machinery.
 */
export type GuardedFile = 'test' | 'factory' | 'config' | 'code';
export type ValveName = 'max_rounds' | 'fail_streak' | 'idle_rounds' | 'same_failure';
export type CapName = 'cost' | 'minutes';

/** Fields every event carries: when, and which task and round (0 outside a round). */
type EventBase = { ts: string; task: number; round: number };

type Payloads = {
  'run:started': {
    /** The log's format (eventsFormat in reports/events-format.ts), checked by every reader of events.ndjson. */
    format: number;
    resumed: boolean;
    runId: string;
    branch: string;
    baseBranch: string;
    sandbox: string;
    engine: string;
    testCommand: string;
    tasks: { index: number; title: string; done: boolean }[];
    settings?: Record<string, string>;
    containment?: string;
    /** The run's totals it starts from (a resumed run's spend so far). */
    usage: RunSpend;
  };
  'task:started': { title: string; maxRounds: number };
  /** The task is played as a refactor (its tests pass already): green after a round that changes the code. */
  'task:refactor': { reason: string };
  'round:started': { maxRounds: number; failStreak: number; idleStreak: number; runRound: number; head: string };
  'prompt:built': { strategy: string; prompt: string };
  'agent:chunk': { text: string };
  'agent:tool': { name: string; detail: string };
  /** A refused write names the engine and role that tried it. */
  'agent:edit': {
    path: string;
    action: 'write' | 'delete' | 'refused';
    reason?: string;
    engine?: string;
    role?: Role;
  };
  /**
   * The worker called one of factory's own tools (run_tests,
   * sandbox_exec), in the run's sandbox; call: 1-based in the round.
   */
  'tool:started': { call: number; tool: string; detail: string };
  /** output: the end of what it printed, capped; refused: why nothing ran (then exitCode is null). */
  'tool:finished': {
    call: number;
    tool: string;
    detail: string;
    exitCode: number | null;
    durationMs: number;
    timedOut: boolean;
    output: string;
    refused?: string;
  };
  'agent:finished': { ok: boolean; error?: string } & CallSpend;
  'tests:started': { command: string; baseline: boolean };
  'tests:output': { text: string };
  /**
   * The run's summary and the file of its full output (streamed before as tests:output), not the output again.
   * taskVerdict: the task's verdict on this run (rounds only), with why when it differs from the suite's result, and
   * the tests outside the task that failed before the run and still fail.
   */
  'tests:finished': {
    result: TestsReport;
    baseline: boolean;
    taskVerdict?: { green: boolean; why?: string; failingBefore?: string[] };
  };
  /** kind: what the commit holds; absent in events of older runs, where it was a round's. */
  'git:committed': { sha: string; message: string; files: string[]; diff: string; kind?: CommitKind };
  'git:unchanged': { message: string };
  'round:finished': { record: RoundRecord };
  /** The supervisor's verdict carries its call's spend (a human's costs nothing). */
  'verdict:issued': { verdict: Verdict; by: 'supervisor' | 'human' } & Partial<CallSpend>;
  'valve:tripped': { valve: ValveName; reason: string; evidence: string };
  'cap:reached': { cap: CapName; reason: string; evidence: string };
  /**
   * failing: red before the run and outside every pending task; starting: the tasks' own red tests (their starting
   * point).
   */
  'baseline:recorded': { headline: string; passing: number; failing: string[]; starting?: string[]; perTest: boolean };
  'config:changed': { key: string; value: string; previous: string };
  'config:rejected': { key: string; value: string; message: string };
  'task:finished': { outcome: TaskOutcome; reason: string };
  'engine:pausing': { reason: string };
  'engine:paused': { kind: PauseKind; reason: string };
  'engine:resumed': Record<string, never>;
  'engine:stopping': { reason: string };
  'human:action': {
    action: 'redirect' | 'escalate' | 'intervene' | 'skip' | 'stop' | 'pause' | 'resume' | 'unlock';
    text?: string;
  };
  'run:finished': { outcome: RunOutcome; exitCode: number; reason: string; tasksGreen: number; tasksTotal: number };
  'run:error': { message: string };
  'plan:started': { attempt: number };
  'plan:invalid': { attempt: number; problems: string[] };
  'plan:ready': { file: string; summary: string; tasks: number };
  'review:started': { attempt: number; testFiles: string[] };
  'review:rejected': { attempt: number; reason: string };
  'tests:locked': { files: string[]; headline: string };
  'tests:unlocked': { path: string; found: boolean };
  'guard:violation': { path: string; kind: GuardViolationKind; detail: string; what?: GuardedFile };
  'guard:failed': { reason: string };
  /** At the run's start: the user's test files locked, factory's files and the runner configuration protected. */
  'guard:protected': { tests: string[]; factory: string[]; config: string[] };
  'lego:violations': { violations: string[] };
  /** A local model's place in memory, as the factory asked for it and /api/ps reports it (sizes in bytes). */
  'model:state': {
    model: string;
    role: Role;
    state: 'loading' | 'loaded' | 'unloading' | 'unloaded';
    sizeVram?: number;
    size?: number;
    /** The memory the models share, and where that figure comes from ("VRAM_BUDGET_GB", "unified memory", ...). */
    vramTotal?: number;
    vramSource?: string;
  };
  'model:pull': { model: string; role: Role; status: string; completed?: number; total?: number };
  /**
   * Production lines on a local model: how many of the lines' calls the role's one resident model takes at once
   * (`atOnce` < `lines`: the others wait in a queue), and why (its size and copies against the memory budget, the
   * server's OLLAMA_NUM_PARALLEL).
   */
  'model:lines': { model: string; role: Role; lines: number; atOnce: number; why: string };
  /**
   * Production lines (MAX_PARALLEL > 1): a task's own worktree and branch, made from the run branch's head. Every event
   * of a line carries its task in `task`; these say where the line is between its rounds.
   */
  'line:started': { title: string; branch: string; worktree: string; base: string; engine?: string };
  /** A green line's branch is being merged into the run branch, whose whole suite then runs on the merged tree. */
  'line:merging': { branch: string; into: string };
  /** The merged tree passed: the task is ticked on the run branch. */
  'line:merged': { branch: string; sha: string };
  /** The merge or the suite on the merged tree failed: the task goes back to its line with this in its prompt. */
  'line:returned': { reason: 'conflict' | 'regression'; files: string[]; tests: string[]; detail: string };
  /**
   * The line ended: after its merge or the task's end its worktree and branch are gone; a stopped line's stay (recorded)
   * for the resumed run to go on in.
   */
  'line:closed': { outcome: TaskOutcome; reason: string };
};

export type FactoryEventType = keyof Payloads;
export type FactoryEventOf<T extends FactoryEventType> = EventBase & { type: T } & Payloads[T];
export type FactoryEvent = { [T in FactoryEventType]: FactoryEventOf<T> }[FactoryEventType];
export type EventPayload<T extends FactoryEventType> = Payloads[T];
export type Listener = (event: FactoryEvent) => void;
/** How the engine's parts say an event: its type and payload (the emitter stamps ts, task and round). */
export type Say = <T extends FactoryEventType>(type: T, payload: EventPayload<T>) => void;
