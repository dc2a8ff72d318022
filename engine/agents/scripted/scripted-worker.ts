// A worker with no AI: replays the script's calls, writing and deleting files through the same safety checks as real engines.
import { applyEdit } from '../../edits/apply-edit.js';
import type { Worker, WorkerRequest, WorkerResult } from '../agent.js';
import type { Script, WorkerCall } from './script-schema.js';

export class ScriptedWorker implements Worker {
  readonly name = 'scripted';
  private calls = 0;

  constructor(private readonly script: Script) {}

  async run(request: WorkerRequest): Promise<WorkerResult> {
    const call = this.nextCall();
    this.calls++;
    if (!call) {
      request.onActivity({ kind: 'text', text: '(script exhausted: no changes)' });
      return { ok: true };
    }
    const fill = (text: string): string => text.replaceAll('{{round}}', String(request.round)).replaceAll('{{call}}', String(this.calls));
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
    return { ok: true, costUsd: call.costUsd, inputTokens: call.inputTokens, outputTokens: call.outputTokens };
  }

  private nextCall(): WorkerCall | undefined {
    const calls = this.script.worker;
    if (this.calls < calls.length) return calls[this.calls];
    return this.script.afterLast === 'repeat' && calls.length > 0 ? calls[this.calls % calls.length] : undefined;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
