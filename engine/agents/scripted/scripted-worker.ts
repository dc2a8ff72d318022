// A worker with no AI: replays the script's calls, writing and deleting files through the same safety checks as real
// engines.
import { applyEdit } from '../../edits/apply-edit.js';
import type { Worker, WorkerRequest, WorkerResult } from '../agent.js';
import { runScriptCommands } from './script-commands.js';
import type { Script, WorkerCall } from './script-schema.js';
import { sleep } from './script-sleep.js';

export class ScriptedWorker implements Worker {
  readonly name = 'scripted';
  private reviewerCalls = 0;

  /** role: which list of the script to replay, the coder's (`worker`) or the reviewer's. */
  constructor(
    private readonly script: Script,
    private readonly role: 'worker' | 'reviewer' = 'worker',
  ) {}

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const call = this.callFor(request.runRound, request.task.index, request.round);
    if (!call) {
      request.onActivity({ kind: 'text', text: '(script exhausted: no changes)' });
      return { ok: true };
    }
    const fill = (text: string): string =>
      text.replaceAll('{{round}}', String(request.round)).replaceAll('{{call}}', String(request.runRound));
    for (const line of [call.say ?? []].flat()) {
      if (request.signal.aborted) return { ok: false, error: 'stopped' };
      if (call.delayMs) await sleep(call.delayMs, request.signal);
      request.onActivity({ kind: 'text', text: fill(line) });
    }
    if (call.fail) return { ok: false, error: call.fail };
    for (const [path, content] of Object.entries(call.write ?? {})) {
      request.onActivity(applyEdit(request.projectDir, { path, content: fill(content) }, request.lockedPaths));
    }
    for (const path of call.delete ?? []) {
      request.onActivity(applyEdit(request.projectDir, { path, delete: true }, request.lockedPaths));
    }
    await runScriptCommands(call.run ?? [], request.projectDir, request.signal, request.onActivity);
    return { ok: true, costUsd: call.costUsd, inputTokens: call.inputTokens, outputTokens: call.outputTokens };
  }

  /**
   * The coder's call N plays in round N of the run (a resumed run replays exactly what was interrupted), or in round N
   * of its task when the script has the task's own calls (workerByTask); the reviewer's in order.
   */
  private callFor(runRound: number, task: number, round: number): WorkerCall | undefined {
    const own = this.role === 'worker' ? this.script.workerByTask[String(task)] : undefined;
    const calls = own ?? this.script[this.role];
    const index = own ? round - 1 : this.role === 'worker' ? runRound - 1 : this.reviewerCalls++;
    if (index < calls.length) return calls[index];
    return this.script.afterLast === 'repeat' && calls.length > 0 ? calls[index % calls.length] : undefined;
  }
}
