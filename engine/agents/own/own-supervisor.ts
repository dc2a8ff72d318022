// The supervisor on a local model: the round report in, a decision out, the JSON held to the decision schema by the
// server.
import type { ReviewRequest, Supervisor } from '../agent.js';
import type { StreamChat } from './chat.js';
import { decisionJsonSchema, parseDecision } from './decision.js';
import type { CallUsage } from '../../contract/usage.js';
import type { Verdict } from '../../contract/verdict.js';

const instructions = `You supervise a test-driven coding loop. Read the report of the last round \
and decide what happens next.
Answer with one JSON object: {"decision": ..., "reason": ..., "instructions": ...}.
- CONTINUE: the coder is making progress; instructions empty.
- REDIRECT: the coder is stuck or going the wrong way; instructions: what to do differently next round.
- INTERVENE: you should make the next round's changes yourself; instructions: what you will do.
- ESCALATE: a human is needed (contradictory requirements, broken environment); reason: why.`;

export class OwnSupervisor implements Supervisor {
  constructor(
    readonly name: string,
    private readonly chat: StreamChat,
    private readonly modelFor: (request: ReviewRequest) => string,
  ) {}

  async review(request: ReviewRequest): Promise<Verdict & CallUsage> {
    const answer = await this.chat({
      model: this.modelFor(request),
      messages: [
        { role: 'system', content: instructions },
        { role: 'user', content: request.report },
      ],
      signal: request.signal,
      onText: () => undefined,
      jsonSchema: decisionJsonSchema,
    });
    return { ...parseDecision(answer.text), inputTokens: answer.inputTokens, outputTokens: answer.outputTokens };
  }
}
