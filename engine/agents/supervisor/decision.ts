// Reads a supervisor's decision out of model text: the JSON object {decision, reason, instructions}, checked against a
// schema.
import * as z from 'zod';
import type { Verdict } from '../../contract/verdict.js';

const decisionSchema = z.object({
  decision: z.preprocess(
    (value) => (typeof value === 'string' ? value.trim().toUpperCase() : value),
    z.enum(['CONTINUE', 'REDIRECT', 'INTERVENE', 'ESCALATE']),
  ),
  reason: z.string().trim().min(1, 'reason is empty'),
  instructions: z.string().default(''),
});

export type DecisionRead = { verdict: Verdict } | { problem: string };

export function readDecision(text: string | undefined): DecisionRead {
  if (!text?.trim()) return { problem: 'the answer is empty' };
  const json = findJson(text);
  if (json === undefined) return { problem: `no JSON object in the answer: "${oneLine(text)}"` };
  const parsed = decisionSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues
      .map((issue) => `${issue.path.join('.') || 'answer'}: ${issue.message}`)
      .join('; ');
    return { problem: `the decision does not match {decision, reason, instructions} (${issues})` };
  }
  const verdict = parsed.data;
  if (verdict.decision === 'REDIRECT' && !verdict.instructions.trim())
    return { problem: 'REDIRECT without instructions' };
  return { verdict };
}

/** Models wrap JSON in prose or ``` fences: try the whole text, then each fenced block, then the outermost braces. */
function findJson(text: string): unknown {
  const fenced = [...text.matchAll(/```(?:json)?\s*([\s\S]*?)```/g)].flatMap((match) => match[1] ?? []);
  const braces = text.includes('{') ? [text.slice(text.indexOf('{'), text.lastIndexOf('}') + 1)] : [];
  for (const candidate of [text, ...fenced, ...braces]) {
    try {
      const value: unknown = JSON.parse(candidate);
      if (value && typeof value === 'object') return value;
    } catch {
      // not this one
    }
  }
  return undefined;
}

function oneLine(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 120 ? `${line.slice(0, 117)}...` : line;
}
