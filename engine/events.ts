// The one definition of what the engine tells the outside world: every consumer (dashboard, headless printer, report
// writers) reads these.
import type { TestSummary } from './test-runner/test-result.js';
import type { AgentRole, Verdict } from './agents/agent.js';
import type { RoundRecord } from './reports/round-record.js';
import type { ModelRole } from './models/roles.js';

export type PauseKind = 'human' | 'valve' | 'escalation' | 'intervention' | 'cap';
export type TaskOutcome = 'green' | 'stopped' | 'skipped';
export type RunOutcome = 'green' | 'valve' | 'cap' | 'stopped' | 'failed' | 'error';
export type GuardViolationKind = 'edited' | 'deleted' | 'renamed' | 'skip-marker' | 'created';
/** What the guard protects: a locked test, factory's own files (config, RFP/, script), the runner's configuration. */
export type GuardedFile = 'test' | 'factory' | 'config';
export type ValveName = 'max_rounds' | 'fail_streak' | 'idle_rounds' | 'same_failure';

/** Fields every event carries: when, and which task and round (0 outside a round). */
type EventBase = { ts: string; task: number; round: number };

type Payloads = {
  'run:started': {
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
  };
  'task:started': { title: string; maxRounds: number };
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
    role?: AgentRole;
  };
  'agent:finished': { ok: boolean; error?: string; costUsd?: number; inputTokens?: number; outputTokens?: number };
  'tests:started': { command: string; baseline: boolean };
  'tests:output': { text: string };
  /** taskVerdict: the task's verdict on this run (rounds only), with why when it differs from the suite's result. */
  'tests:finished': { result: TestSummary; baseline: boolean; taskVerdict?: { green: boolean; why?: string } };
  'git:committed': { sha: string; message: string; files: string[]; diff: string };
  'git:unchanged': { message: string };
  'round:finished': { record: RoundRecord };
  'verdict:issued': { verdict: Verdict; by: 'supervisor' | 'human' };
  'valve:tripped': { valve: ValveName; reason: string; evidence: string };
  'cap:reached': { cap: 'cost' | 'minutes'; reason: string; evidence: string };
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
    role: ModelRole;
    state: 'loading' | 'loaded' | 'unloading' | 'unloaded';
    sizeVram?: number;
    size?: number;
    vramTotal?: number;
  };
  'model:pull': { model: string; role: ModelRole; status: string; completed?: number; total?: number };
};

export type FactoryEventType = keyof Payloads;
export type FactoryEventOf<T extends FactoryEventType> = EventBase & { type: T } & Payloads[T];
export type FactoryEvent = { [T in FactoryEventType]: FactoryEventOf<T> }[FactoryEventType];
export type EventPayload<T extends FactoryEventType> = Payloads[T];
export type Listener = (event: FactoryEvent) => void;
