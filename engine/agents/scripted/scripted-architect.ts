// An architect with no AI: answers each plan prompt with the script's next `architect` entry.
import type { Architect, PlanRequest } from '../agent.js';
import { tryReadOnlyCall } from './read-only-call.js';
import { sleep } from './script-sleep.js';
import type { Script } from './script-schema.js';
import type { CallUsage } from '../../contract/usage.js';

export class ScriptedArchitect implements Architect {
  readonly name = 'scripted';
  private calls = 0;

  constructor(private readonly script: Script) {}

  async plan(request: PlanRequest): Promise<CallUsage & { text: string }> {
    const entry = this.script.architect[this.calls++];
    const priced = typeof entry === 'object' && 'costUsd' in entry && 'plan' in entry ? entry : undefined;
    const call: Call = priced
      ? { answer: priced.plan }
      : typeof entry === 'object' && isCall(entry)
        ? entry
        : { answer: entry };
    if (call.delayMs) await sleep(call.delayMs, request.signal);
    await tryReadOnlyCall(call, request.projectDir, request.signal, request.onActivity);
    const answer = call.answer;
    const text = answer === undefined ? '' : typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2);
    request.onActivity({ kind: 'text', text: text || '(script exhausted: no plan)' });
    return { text, costUsd: typeof priced?.costUsd === 'number' ? priced.costUsd : undefined };
  }
}

type Call = { answer: unknown; write?: Record<string, string>; run?: string[]; delayMs?: number };

/** An architect call has `answer` and at most `write`, `run` and `delayMs`; any other object is a plan. */
function isCall(entry: object): entry is Call {
  return 'answer' in entry && Object.keys(entry).every((key) => ['answer', 'write', 'run', 'delayMs'].includes(key));
}
