// The command contract is one zod schema: every command the code can build is what the attach channel accepts.
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../engine/attach/command-line.js';
import { type EngineCommand, commandSchema } from '../../engine/contract/commands.js';

const everyCommand: EngineCommand[] = [
  { type: 'pause' },
  { type: 'resume' },
  { type: 'redirect', text: 'use pathlib' },
  { type: 'escalate', reason: 'stuck' },
  { type: 'escalate' },
  { type: 'intervene' },
  { type: 'skip' },
  { type: 'set', key: 'MAX_ROUNDS', value: '9' },
  { type: 'unlock', path: 'tests/test_app.py' },
  { type: 'stop', now: true },
  { type: 'stop' },
];

describe('engine commands', () => {
  it('the schema knows every command type the type allows, and each crosses the channel unchanged', () => {
    const types = new Set(commandSchema.options.map((option) => option.shape.type.value));
    expect(types).toEqual(new Set(everyCommand.map((command) => command.type)));
    for (const command of everyCommand) {
      expect(parseCommandLine(JSON.stringify(command))).toEqual({ ok: true, command });
    }
  });

  it('refuses unknown types, extra fields and fields of the wrong kind', () => {
    for (const line of ['{"type":"rm"}', '{"type":"pause","x":1}', '{"type":"stop","now":"yes"}', '{"type":"set"}']) {
      expect(parseCommandLine(line).ok).toBe(false);
    }
  });
});
