// Reads one EngineCommand from a line a dashboard sent: untrusted input, checked field by field.
import { z } from 'zod';
import type { EngineCommand } from '../commands.js';

const commandSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  z.strictObject({ type: z.literal('redirect'), text: z.string().min(1).max(20_000) }),
  z.strictObject({ type: z.literal('escalate'), reason: z.string().max(2_000).optional() }),
  z.strictObject({ type: z.literal('intervene') }),
  z.strictObject({ type: z.literal('skip') }),
  z.strictObject({ type: z.literal('stop'), now: z.boolean().optional() }),
  z.strictObject({ type: z.literal('set'), key: z.string().min(1).max(100), value: z.string().max(2_000) }),
  z.strictObject({ type: z.literal('unlock'), path: z.string().min(1).max(4_096) }),
]) satisfies z.ZodType<EngineCommand>;

export type ParsedCommand = { ok: true; command: EngineCommand } | { ok: false; error: string };

export function parseCommandLine(line: string): ParsedCommand {
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return { ok: false, error: 'not a JSON line' };
  }
  const parsed = commandSchema.safeParse(json);
  if (parsed.success) return { ok: true, command: parsed.data };
  return {
    ok: false,
    error: parsed.error.issues.map((issue) => `${issue.path.join('.') || 'command'}: ${issue.message}`).join('; '),
  };
}
