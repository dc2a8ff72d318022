// A supervisor with no AI: returns the script's verdicts in order, then CONTINUE.
import type { ReviewRequest, Supervisor } from '../agent.js';
import { tryReadOnlyCall } from './read-only-call.js';
import type { Script } from './script-schema.js';
import type { Verdict } from '../../contract/verdict.js';

export class ScriptedSupervisor implements Supervisor {
  readonly name = 'scripted';
  private calls = 0;

  constructor(private readonly script: Script) {}

  async review(request: ReviewRequest): Promise<Verdict> {
    const entry = this.script.supervisor[this.calls++];
    if (!entry) return { decision: 'CONTINUE', reason: 'script exhausted', instructions: '' };
    const { write, run, ...verdict } = entry;
    await tryReadOnlyCall({ write, run }, request.projectDir, request.signal, request.onActivity ?? (() => undefined));
    return verdict;
  }
}
