// The engine's public face: typed events out (on), typed commands in (send), the current state (snapshot), and run().
import type { Supervisor, Worker } from './agents/agent.js';
import type { EngineCommand } from './commands.js';
import type { FactoryConfig } from './config/factory-config.js';
import { Emitter } from './control/emitter.js';
import { RunControl } from './control/run-control.js';
import type { EventPayload, FactoryEvent, FactoryEventType, Listener, RunOutcome } from './events.js';
import type { LoopContext, Position } from './loop/context.js';
import { runLoop, type RunEnd } from './loop/loop.js';
import { eventLogWriter } from './reports/event-log.js';
import { factoryPaths } from './reports/factory-dir.js';
import { reportWriter } from './reports/report-writer.js';
import { initialStatus, reduceStatus, type RunStatus } from './reports/run-status.js';
import { newRunId, prepareRun } from './run/prepare-run.js';
import type { Sandbox } from './sandbox/sandbox.js';
import type { ModelControl } from './models/model-manager.js';
import { errorMessage, UserError } from './util/errors.js';
import { exitCodeFor } from './run/exit-codes.js';

export type EngineDeps = {
  projectDir: string;
  config: FactoryConfig;
  worker: Worker;
  sandbox: Sandbox;
  supervisor?: Supervisor;
  supervisorWorker?: Worker;
  /** Local models of the roles (Ollama): checked and the coder loaded before round 1. */
  models?: ModelControl;
  runId?: string;
  allowDirty?: boolean;
};

export type RunResult = { outcome: RunOutcome; exitCode: number; reason: string };

export type FactoryEngine = {
  on(listener: Listener): () => void;
  send(command: EngineCommand): void;
  snapshot(): RunStatus;
  run(): Promise<RunResult>;
};

export function createEngine(deps: EngineDeps): FactoryEngine {
  const emitter = new Emitter();
  const control = new RunControl();
  const position: Position = { task: 0, round: 0, runRound: 0 };
  const paths = factoryPaths(deps.projectDir);
  let status = initialStatus();
  emitter.on((event) => (status = reduceStatus(status, event)));
  const say = <T extends FactoryEventType>(type: T, payload: EventPayload<T>): void => {
    emitter.emit({ ts: new Date().toISOString(), task: position.task, round: position.round, type, ...payload } as FactoryEvent);
  };

  const send = (command: EngineCommand): void => {
    say('human:action', { action: command.type, text: command.type === 'redirect' ? command.text : undefined });
    if (command.type === 'pause' && status.state === 'running') say('engine:pausing', { reason: 'pause asked: the current step finishes first' });
    if (command.type === 'stop') say('engine:stopping', { reason: command.now ? 'stop now' : 'stop after the current step' });
    control.apply(command);
  };

  const run = async (): Promise<RunResult> => {
    const runId = deps.runId ?? newRunId();
    emitter.on(eventLogWriter(paths.events));
    emitter.on(reportWriter(paths));
    let end: RunEnd;
    let total = 0;
    try {
      const prepared = await prepareRun(deps.projectDir, deps.config, runId, deps.allowDirty ?? false);
      total = prepared.rfp.tasks.length;
      await deps.sandbox.start();
      say('run:started', { runId, branch: prepared.branch, baseBranch: prepared.baseBranch, sandbox: deps.sandbox.describe(), engine: deps.worker.name, testCommand: prepared.testCommand, tasks: prepared.rfp.tasks.map(({ index, title, done }) => ({ index, title, done })) });
      const ctx: LoopContext = { ...deps, ...prepared, paths, control, position, say };
      try {
        deps.models?.attach(say);
        await deps.models?.start();
        await deps.models?.prepareRole('coder');
        await deps.models?.prepareRole('supervisor');
        end = await runLoop(ctx);
      } finally {
        await deps.sandbox.stop().catch(() => undefined);
      }
    } catch (error) {
      say('run:error', { message: errorMessage(error) });
      const result: RunResult = { outcome: 'error', exitCode: error instanceof UserError ? error.exitCode : 1, reason: errorMessage(error) };
      say('run:finished', { ...result, tasksGreen: 0, tasksTotal: total });
      return result;
    }
    const result: RunResult = { outcome: end.outcome, exitCode: exitCodeFor(end.outcome), reason: end.reason };
    say('run:finished', { ...result, tasksGreen: end.tasksGreen, tasksTotal: total });
    return result;
  };

  return { on: (listener) => emitter.on(listener), send, snapshot: () => status, run };
}
