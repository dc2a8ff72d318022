// The supervisor's decision as JSON: the schema local models are held to (Ollama `format`, OpenAI `response_format`)
// and its parser.
import * as z from 'zod';
import type { Verdict } from '../../contract/verdict.js';

const decisionSchema = z.object({
  decision: z.enum(['CONTINUE', 'REDIRECT', 'INTERVENE', 'ESCALATE']),
  reason: z.string(),
  instructions: z.string(),
});

export const decisionJsonSchema = z.toJSONSchema(decisionSchema) as Record<string, unknown>;

/** Reads the verdict out of an answer, allowing a fence or prose around the JSON object. */
export function parseDecision(answer: string): Verdict {
  const start = answer.indexOf('{');
  const end = answer.lastIndexOf('}');
  if (start === -1 || end < start)
    throw new Error(`the supervisor's answer has no JSON object: ${answer.slice(0, 200)}`);
  let json: unknown;
  try {
    json = JSON.parse(answer.slice(start, end + 1));
  } catch (error) {
    throw new Error(`the supervisor's answer is not valid JSON (${(error as Error).message}): ${answer.slice(0, 200)}`);
  }
  const parsed = decisionSchema.safeParse(json);
  if (!parsed.success)
    throw new Error(`the supervisor's JSON does not match the decision schema: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
