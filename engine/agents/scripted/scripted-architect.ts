// An architect with no AI: answers each plan prompt with the script's next `architect` entry.
import type { Architect, PlanRequest, Usage } from '../agent.js';
import type { Script } from './script-schema.js';

export class ScriptedArchitect implements Architect {
  readonly name = 'scripted';
  private calls = 0;

  constructor(private readonly script: Script) {}

  async plan(request: PlanRequest): Promise<Usage & { text: string }> {
    const entry = this.script.architect[this.calls++];
    const priced = typeof entry === 'object' && 'costUsd' in entry && 'plan' in entry ? entry : undefined;
    const answer = priced ? priced.plan : entry;
    const text = answer === undefined ? '' : typeof answer === 'string' ? answer : JSON.stringify(answer, null, 2);
    request.onActivity({ kind: 'text', text: text || '(script exhausted: no plan)' });
    return { text, costUsd: typeof priced?.costUsd === 'number' ? priced.costUsd : undefined };
  }
}
