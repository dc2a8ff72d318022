// A supervisor with no AI: returns the script's verdicts in order, then CONTINUE.
import type { Supervisor, Verdict } from '../agent.js';
import type { Script } from './script-schema.js';

export class ScriptedSupervisor implements Supervisor {
  readonly name = 'scripted';
  private calls = 0;

  constructor(private readonly script: Script) {}

  async review(): Promise<Verdict> {
    const verdict = this.script.supervisor[this.calls++];
    return verdict ?? { decision: 'CONTINUE', reason: 'script exhausted', instructions: '' };
  }
}
