// Reads one EngineCommand from a line a dashboard sent: untrusted input, checked field by field by the one schema.
import { type EngineCommand, commandSchema } from '../contract/commands.js';

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
