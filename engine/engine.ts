// The engine's public face: typed events out (on), typed commands in (send), the current state (snapshot), and run().
import type { Architect, Supervisor, Worker } from './agents/agent.js';
import type { EngineCommand } from './commands.js';
import type { FactoryConfig } from './config/factory-config.js';
import { Emitter } from './control/emitter.js';
import { RunControl } from './control/run-control.js';
import type { EventPayload, FactoryEvent, FactoryEventType, Listener, RunOutcome } from './events.js';
import { runLoop, type RunEnd } from './loop/loop.js';
import type { RunDeps } from './loop/run-deps.js';
import { RunState } from './loop/run-state.js';
import { factoryPaths } from './reports/factory-dir.js';
import { repairRoundReports, reportWriter } from './reports/report-writer.js';
import { finalReportWriter } from './reports/final-report-writer.js';
import { initialStatus, reduceStatus, type RunStatus } from './reports/run-status.js';
import { cleanUpFailedRun } from './run/failed-run-cleanup.js';
import { newRunId, prepareRun, type PreparedRun } from './run/prepare-run.js';
import { findResumePoint } from './run/resume-point.js';
import { eventsFormat } from './reports/events-format.js';
import { acquireRunLock } from './run/run-lock.js';
import { eventLogWriter, readEventLog } from './reports/event-log.js';
import type { Sandbox } from './sandbox/sandbox.js';
import type { ModelControl } from './models/model-manager.js';
import { errorMessage, UserError } from './util/errors.js';
import { exitCodeFor } from './run/exit-codes.js';
import { checkLiveSetting, liveKeys } from './config/live-setting.js';
import { createLineSandbox, type LineSandboxFactory } from './lines/line-sandbox.js';

export type EngineDeps = {
  projectDir: string;
  config: FactoryConfig;
  worker: Worker;
  sandbox: Sandbox;
  supervisor?: Supervisor;
  supervisorWorker?: Worker;
  architect?: Architect;
  reviewer?: Worker;
  /** Local models of the roles (Ollama): checked and the coder loaded before round 1. */
  models?: ModelControl;
  runId?: string;
  allowDirty?: boolean;
  /** Locked test files to unlock before the first round (`factory run --unlock`). */
  unlock?: string[];
  /** What keeps the agents' writes in the project (containment-summary.ts), recorded at the run's start. */
  containment?: string;
  /** Makes a production line's sandbox (default: SANDBOX's kind on the line's worktree, createLineSandbox). */
  lineSandbox?: LineSandboxFactory;
};

export type RunResult = { outcome: RunOutcome; exitCode: number; reason: string };

export type FactoryEngine = {
  on(listener: Listener): () => void;
  send(command: EngineCommand): void;
  snapshot(): RunStatus;
  run(): Promise<RunResult>;
};

/** A record that cannot be written (full disk, permissions) stops the run at once rather than losing its history. */
function stopOnFailure(write: Listener, control: RunControl): Listener {
  return (event) => {
    try {
      write(event);
    } catch (error) {
      control.fail(
        `cannot write the run's records under .factory/ (${errorMessage(error)}): the run stops here; free disk ` +
          'space or fix permissions, then run again to resume',
      );
    }
  };
}

export function createEngine(deps: EngineDeps): FactoryEngine {
  const emitter = new Emitter();
  const control = new RunControl();
  for (const path of deps.unlock ?? []) control.apply({ type: 'unlock', path });
  const paths = factoryPaths(deps.projectDir);
  // Until the run is prepared, its events are stamped task 0, round 0.
  let state: RunState | undefined;
  let status = initialStatus();
  // The run's own records come first: whatever a consumer has seen is already on disk.
  let records: Listener[] = [];
  emitter.on((event) => {
    for (const write of records) write(event);
  });
  emitter.on((event) => (status = reduceStatus(status, event)));
  const sayAs =
    (position: () => { task: number; round: number } | undefined) =>
    <T extends FactoryEventType>(type: T, payload: EventPayload<T>): void => {
      const at = position();
      emitter.emit({
        ts: new Date().toISOString(),
        task: at?.task ?? 0,
        round: at?.round ?? 0,
        type,
        ...payload,
      } as FactoryEvent);
    };
  const say = sayAs(() => state?.position);

  const send = (command: EngineCommand): void => {
    if (command.type === 'set') {
      const checked = checkLiveSetting(command.key, command.value, 'factory set');
      if ('message' in checked)
        say('config:rejected', { key: command.key, value: command.value, message: checked.message });
      else control.apply({ ...command, value: checked.value });
      return;
    }
    // A command aimed at a line's task is that line's event.
    const aimed = 'task' in command && command.task ? sayAs(() => ({ task: command.task!, round: 0 })) : say;
    aimed('human:action', {
      action: command.type,
      text: command.type === 'redirect' ? command.text : command.type === 'unlock' ? command.path : undefined,
    });
    if (command.type === 'pause' && status.state === 'running')
      say('engine:pausing', { reason: 'pause asked: the current step finishes first' });
    if (command.type === 'stop')
      say('engine:stopping', { reason: command.now ? 'stop now' : 'stop after the current step' });
    control.apply(command);
  };

  const run = async (): Promise<RunResult> => {
    let end: RunEnd;
    let total = 0;
    let releaseLock = (): void => undefined;
    let prepared: PreparedRun | undefined;
    try {
      releaseLock = acquireRunLock(paths.lock);
      const history = await readEventLog(paths.events);
      const resume = findResumePoint(history, deps.projectDir, paths.events);
      if (resume) repairRoundReports(paths, history);
      records = [
        stopOnFailure(eventLogWriter(paths), control),
        stopOnFailure(reportWriter(paths), control),
        stopOnFailure(
          finalReportWriter(
            paths,
            resume ? history.slice(history.findLastIndex((event) => event.type === 'run:started')) : [],
          ),
          control,
        ),
      ];
      prepared = await prepareRun(deps.projectDir, deps.config, {
        runId: deps.runId ?? newRunId(),
        allowDirty: deps.allowDirty ?? false,
        resume,
      });
      total = prepared.rfp.tasks.length;
      await deps.sandbox.start();
      state = new RunState(deps.config, prepared.resume);
      say('run:started', {
        format: eventsFormat,
        resumed: prepared.resume !== undefined,
        runId: prepared.runId,
        branch: prepared.branch,
        baseBranch: prepared.baseBranch,
        sandbox: deps.sandbox.describe(),
        engine: deps.worker.name,
        testCommand: prepared.testCommand,
        tasks: prepared.rfp.tasks.map(({ index, title, done }) => ({ index, title, done })),
        settings: Object.fromEntries(liveKeys.map((key) => [key, deps.config.settings[key] ?? ''])),
        containment: deps.containment,
        usage: state.usage,
      });
      const run: RunDeps = Object.freeze({
        projectDir: deps.projectDir,
        rfp: prepared.rfp,
        repo: prepared.repo,
        sandbox: deps.sandbox,
        testCommand: prepared.testCommand,
        paths,
        worker: deps.worker,
        supervisor: deps.supervisor,
        supervisorWorker: deps.supervisorWorker,
        architect: deps.architect,
        reviewer: deps.reviewer,
        models: deps.models,
        resume: prepared.resume,
        control,
        say,
        runId: prepared.runId,
        runBranch: prepared.branch,
        sayAs,
        lineSandbox: deps.lineSandbox ?? ((line) => createLineSandbox(line, deps.config)),
      });
      try {
        deps.models?.attach(say);
        await deps.models?.start();
        end = await runLoop(run, state);
      } finally {
        await deps.sandbox.stop().catch(() => undefined);
      }
    } catch (error) {
      // A run that failed leaves no half-done round in the tree, and no empty branch behind.
      if (prepared) await cleanUpFailedRun(prepared).catch(() => undefined);
      releaseLock();
      say('run:error', { message: errorMessage(error) });
      const result: RunResult = {
        outcome: 'error',
        exitCode: error instanceof UserError ? error.exitCode : 1,
        reason: errorMessage(error),
      };
      say('run:finished', { ...result, tasksGreen: 0, tasksTotal: total });
      return result;
    }
    if (control.failure) say('run:error', { message: control.failure });
    const result: RunResult = control.failure
      ? { outcome: 'error', exitCode: exitCodeFor('error'), reason: control.failure }
      : { outcome: end.outcome, exitCode: exitCodeFor(end.outcome), reason: end.reason };
    say('run:finished', { ...result, tasksGreen: end.tasksGreen, tasksTotal: total });
    releaseLock();
    return result;
  };

  return { on: (listener) => emitter.on(listener), send, snapshot: () => status, run };
}
