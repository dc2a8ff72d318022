// The supervisor's decision read out of model text: plain JSON, JSON in prose or fences, and answers that cannot be used.
import { describe, expect, it } from 'vitest';
import { readDecision } from '../../../../engine/agents/supervisor/decision.js';

describe('readDecision', () => {
  it('reads plain JSON, filling missing instructions', () => {
    expect(readDecision('{"decision":"CONTINUE","reason":"progress"}')).toEqual({
      verdict: { decision: 'CONTINUE', reason: 'progress', instructions: '' },
    });
  });

  it('finds the JSON in a fenced block or in prose, and accepts any case for the decision', () => {
    expect(
      readDecision(
        'Verdict:\n```json\n{"decision": "redirect", "reason": "wrong file", "instructions": "edit calc.py"}\n```\nGood luck.',
      ),
    ).toEqual({
      verdict: { decision: 'REDIRECT', reason: 'wrong file', instructions: 'edit calc.py' },
    });
    expect(
      readDecision('My answer is {"decision": "ESCALATE", "reason": "tests contradict the RFP"} as asked.'),
    ).toMatchObject({ verdict: { decision: 'ESCALATE' } });
  });

  it('names the problem with an unusable answer', () => {
    expect(readDecision('')).toEqual({ problem: 'the answer is empty' });
    expect(readDecision('Looks fine to me.')).toEqual({ problem: 'no JSON object in the answer: "Looks fine to me."' });
    expect(readDecision('{"decision":"MAYBE","reason":"unsure"}')).toMatchObject({
      problem: expect.stringMatching(/^the decision does not match \{decision, reason, instructions\} \(decision: /),
    });
    expect(readDecision('{"decision":"CONTINUE"}')).toMatchObject({ problem: expect.stringContaining('reason: ') });
    expect(readDecision('{"decision":"REDIRECT","reason":"off track","instructions":"  "}')).toEqual({
      problem: 'REDIRECT without instructions',
    });
  });
});
